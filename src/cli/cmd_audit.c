/*
 * cmd_audit.c - `govmedia audit verify|list|anchor|keygen`: check the hash
 * chain (exit 1 and the first bad row when broken), also against anchors
 * kept outside the database; list rows (filtered like the API's audit
 * page, as lines or as CSV for an inspector to keep); print or publish the
 * chain's head as an anchor; make an Ed25519 key pair for signing anchors.
 */
#include "cli/cli.h"
#include "cli/opts.h"
#include "store/audit.h"
#include "store/audit_anchor.h"
#include "store/audit_query.h"
#include "util/csv.h"
#include "util/iso_time.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ANCHORS 64

static void usage(void)
{
    printf("用法:govmedia audit verify --db PATH [--anchor 锚点.json ...] [--public-key 公钥文件]\n"
           "      govmedia audit list --db PATH [--limit N] [--login 登录名] [--action 操作]\n"
           "                          [--object-type 类型 [--object-id 编号]] [--from 起] [--to 止]\n"
           "                          [--client-addr 地址] [--csv]\n"
           "      govmedia audit anchor --db PATH [--key 私钥文件] [--out-dir 目录]\n"
           "      govmedia audit keygen --key 私钥文件\n"
           "  verify:校验审计哈希链,完整时输出 OK 并返回 0;发现被修改、删除或乱序插入的行时\n"
           "          输出第一处问题所在的行并返回 1。给出 --anchor 时还核对每个锚点记录的\n"
           "          (行号, 哈希) 是否仍在链中:能改写数据库文件的人可以重算全部哈希,\n"
           "          但改不了保存在别处的锚点。给出 --public-key 时锚点必须有该密钥的有效签名。\n"
           "  anchor:校验链后输出当前链头 {\"id\",\"hash\",\"at\"}(JSON);--key 用 Ed25519 签名;\n"
           "          --out-dir 另存为该目录下的新文件。请把锚点存放到数据库所在机器以外的地方。\n"
           "  keygen:生成签名密钥对:私钥文件(权限 0600,不会覆盖已有文件)和 私钥文件.pub。\n"
           "          私钥不要放在数据库旁边;公钥交给检查人员。\n"
           "  list:  最新的行在前(默认 50 行);--from/--to 为日期(YYYY-MM-DD,北京时间,含当天)\n"
           "          或带时区的时间;--csv 输出带中文表头的 CSV(UTF-8,Excel 可直接打开),供检查留存。\n");
}

typedef struct audit_opts {
    const char *db, *key, *out_dir, *public_key;
    const char *anchors[MAX_ANCHORS];
    int n_anchors;
    long long limit;
    audit_filter filter;        /* list: from/to as given (China days or times) */
    int csv;
} audit_opts;

static int report_verdict(const audit_verdict *v, const char *what)
{
    printf("BROKEN:第 %lld 行:%s%s%s\n", v->bad_row, v->reason, what ? ",锚点 " : "",
           what ? what : "");
    return 1;
}

/* Each anchor, oldest id first is not needed: any disagreement fails, and
 * the lowest disagreeing row is reported. */
static int verify_anchors(db *d, const audit_opts *o)
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    gm_err err;
    if (o->public_key && audit_key_load_public(o->public_key, pk, &err))
        return cli_report("audit", &err);
    audit_verdict worst = {.ok = 1};
    const char *worst_file = NULL;
    for (int i = 0; i < o->n_anchors; i++) {
        audit_anchor a;
        audit_verdict v;
        if (audit_anchor_read(o->anchors[i], o->public_key ? pk : NULL, &a, &err))
            return cli_report("audit", &err);      /* the file named: the user's input */
        if (audit_anchor_check(d, &a, &v, &err)) {
            cli_report("audit", &err);
            return 1;
        }
        if (!v.ok && (worst.ok || v.bad_row < worst.bad_row)) {
            worst = v;
            worst_file = o->anchors[i];
        }
    }
    if (!worst.ok)
        return report_verdict(&worst, worst_file);
    if (o->n_anchors)
        printf("OK:%d 个锚点与链一致%s\n", o->n_anchors, o->public_key ? "(签名有效)" : "");
    return 0;
}

static int run_verify(db *d, const audit_opts *o)
{
    audit_verdict v;
    gm_err err;
    if (audit_verify(d, &v, &err))
        return cli_report("audit", &err);
    if (!v.ok) {
        printf("BROKEN:第 %lld 行:%s(此前 %lld 行完好)\n", v.bad_row, v.reason, v.rows);
        return 1;
    }
    printf("OK:审计哈希链完整,共 %lld 行\n", v.rows);
    return verify_anchors(d, o);
}

static int run_anchor(db *d, const audit_opts *o)
{
    gm_err err;
    char written[4096];
    if (o->out_dir) {
        if (audit_anchor_publish(d, o->out_dir, o->key, written, sizeof written, &err))
            return cli_report("audit", &err);
        fprintf(stderr, "锚点已写入 %s\n", written);
    }
    audit_verdict v;
    audit_anchor a;
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    if (audit_verify(d, &v, &err) || audit_anchor_head(d, &a, &err) ||
        (o->key && audit_key_load_secret(o->key, sk, &err)))
        return cli_report("audit", &err);
    if (!v.ok)
        return report_verdict(&v, NULL);
    json_t *j = audit_anchor_json(&a, o->key ? sk : NULL);
    sodium_memzero(sk, sizeof sk);
    char *text = json_dumps(j, JSON_COMPACT);
    printf("%s\n", text ? text : "");
    free(text);
    json_decref(j);
    return 0;
}

static int run_keygen(const audit_opts *o)
{
    gm_err err;
    char pk_hex[2 * crypto_sign_PUBLICKEYBYTES + 1];
    if (!o->key)
        return cli_usage_error("audit", "keygen 需要 --key 私钥文件");
    if (audit_key_generate(o->key, pk_hex, &err))
        return cli_report("audit", &err);
    printf("公钥(交给检查人员,用于 audit verify --public-key):%s\n已写入 %s 和 %s.pub\n", pk_hex,
           o->key, o->key);
    return 0;
}

static const char *field_of(json_t *row, const char *key)
{
    const char *s = json_string_value(json_object_get(row, key));
    return s ? s : "";
}

/* The rows as CSV with Chinese headers, times in China time: what an
 * inspector keeps of the trail. */
static int print_csv(json_t *rows)
{
    static const char *const head[] = {"编号", "时间(北京时间)", "登录名", "角色", "操作",
                                       "对象类型", "对象编号", "来源地址", "行哈希"};
    gm_csv c;
    size_t i, len;
    json_t *r;
    csv_begin(&c);
    csv_row(&c, head, sizeof head / sizeof head[0]);
    json_array_foreach(rows, i, r) {
        char id[24], at[GM_CST_LEN];
        snprintf(id, sizeof id, "%lld", (long long)json_integer_value(json_object_get(r, "id")));
        clock_iso_to_cst(field_of(r, "at"), at);
        const char *cells[] = {id, at, field_of(r, "login"), field_of(r, "role"), field_of(r, "action"),
                               field_of(r, "object_type"), field_of(r, "object_id"),
                               field_of(r, "client_addr"), field_of(r, "hash")};
        csv_row(&c, cells, sizeof cells / sizeof cells[0]);
    }
    char *text = csv_finish(&c, &len);
    if (!text)
        return cli_usage_error("audit", "内存不足");
    fwrite(text, 1, len, stdout);
    free(text);
    return 0;
}

static void print_lines(json_t *rows)
{
    size_t i;
    json_t *r;
    json_array_foreach(rows, i, r) {
        char at[GM_CST_LEN];
        clock_iso_to_cst(field_of(r, "at"), at);
        printf("%lld\t%s\t%s\t%s\t%s\t%s/%s\t%s\n", (long long)json_integer_value(json_object_get(r, "id")),
               at, field_of(r, "login"), field_of(r, "role"), field_of(r, "action"),
               field_of(r, "object_type"), field_of(r, "object_id"), field_of(r, "client_addr"));
    }
}

/* from/to of the filter as the stored UTC text (China days: the whole day). */
static int filter_bounds(audit_filter *f, char from[GM_ISO_LEN], char to[GM_ISO_LEN])
{
    if (f->from && iso_time_bound(f->from, 0, from))
        return cli_usage_error("audit", "--from 应为日期(YYYY-MM-DD,北京时间)或带时区的时间");
    if (f->to && iso_time_bound(f->to, 1, to))
        return cli_usage_error("audit", "--to 应为日期(YYYY-MM-DD,北京时间)或带时区的时间");
    f->from = f->from ? from : NULL;
    f->to = f->to ? to : NULL;
    return 0;
}

static int run_list(db *d, const audit_opts *o)
{
    json_t *rows;
    gm_err err;
    long long total;
    char from[GM_ISO_LEN], to[GM_ISO_LEN];
    audit_filter f = o->filter;
    int rc = filter_bounds(&f, from, to);
    if (rc)
        return rc;
    if (audit_search(d, NULL, &f, 0, o->limit, &rows, &total, &err))
        return cli_report("audit", &err);
    if (o->csv)
        rc = print_csv(rows);
    else
        print_lines(rows);
    json_decref(rows);
    return rc;
}

static int parse_opts(int argc, char **argv, audit_opts *o)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'},      {"limit", required_argument, 0, 'n'},
        {"anchor", required_argument, 0, 'a'},  {"key", required_argument, 0, 'k'},
        {"out-dir", required_argument, 0, 'o'}, {"public-key", required_argument, 0, 'p'},
        {"login", required_argument, 0, 'l'},   {"action", required_argument, 0, 'c'},
        {"object-type", required_argument, 0, 't'}, {"object-id", required_argument, 0, 'i'},
        {"from", required_argument, 0, 'f'},    {"to", required_argument, 0, 'u'},
        {"client-addr", required_argument, 0, 'r'}, {"csv", no_argument, 0, 'v'},
        {"help", no_argument, 0, 'h'},          {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'd') o->db = optarg;
        else if (c == 'k') o->key = optarg;
        else if (c == 'o') o->out_dir = optarg;
        else if (c == 'p') o->public_key = optarg;
        else if (c == 'l') o->filter.login = optarg;
        else if (c == 'c') o->filter.action = optarg;
        else if (c == 't') o->filter.object_type = optarg;
        else if (c == 'i') o->filter.object_id = optarg;
        else if (c == 'f') o->filter.from = optarg;
        else if (c == 'u') o->filter.to = optarg;
        else if (c == 'r') o->filter.client_addr = optarg;
        else if (c == 'v') o->csv = 1;
        else if (c == 'a') {
            if (o->n_anchors >= MAX_ANCHORS)
                return cli_usage_error("audit", "--anchor 最多 %d 个", MAX_ANCHORS);
            o->anchors[o->n_anchors++] = optarg;
        } else if (c == 'n') {
            if (cli_parse_id(optarg, &o->limit))
                return cli_usage_error("audit", "--limit 应为正整数");
        } else if (c == 'h') { usage(); return -1; }
        else return cli_bad_option("audit", argv);
    }
    return 0;
}

int cmd_audit(int argc, char **argv)
{
    if (argc < 2)
        return cli_usage_error("audit", "缺少动作:verify、list、anchor 或 keygen");
    if (strcmp(argv[1], "--help") == 0) {
        usage();
        return 0;
    }
    const char *action = argv[1];
    audit_opts o = {.limit = 50};
    int rc = parse_opts(argc - 1, argv + 1, &o);
    if (rc)
        return rc < 0 ? 0 : rc;
    if (strcmp(action, "keygen") == 0)
        return run_keygen(&o);
    if (strcmp(action, "verify") && strcmp(action, "list") && strcmp(action, "anchor"))
        return cli_usage_error("audit", "未知动作“%s”(应为 verify、list、anchor 或 keygen)", action);
    db *d;
    if ((rc = cli_open_db("audit", o.db, &d)))
        return rc;
    rc = strcmp(action, "verify") == 0   ? run_verify(d, &o)
         : strcmp(action, "anchor") == 0 ? run_anchor(d, &o)
                                         : run_list(d, &o);
    db_close(d);
    return rc;
}
