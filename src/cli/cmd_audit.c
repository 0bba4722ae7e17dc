/*
 * cmd_audit.c - `govmedia audit verify|list --db PATH`: check the hash
 * chain (exit 1 and the first bad row when broken) or print recent rows.
 */
#include "cli/cli.h"
#include "cli/opts.h"
#include "store/audit.h"
#include "store/audit_query.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static void usage(void)
{
    printf("用法:govmedia audit verify --db PATH\n"
           "      govmedia audit list --db PATH [--limit N]\n"
           "  verify:校验审计哈希链,完整时输出 OK 并返回 0;发现被修改、删除或乱序插入的行时\n"
           "          输出第一处问题所在的行并返回 1。\n");
}

static int run_verify(db *d)
{
    audit_verdict v;
    gm_err err;
    if (audit_verify(d, &v, &err))
        return cli_report("audit", &err);
    if (v.ok) {
        printf("OK:审计哈希链完整,共 %lld 行\n", v.rows);
        return 0;
    }
    printf("BROKEN:第 %lld 行:%s(此前 %lld 行完好)\n", v.bad_row, v.reason, v.rows);
    return 1;
}

static int run_list(db *d, long long limit)
{
    json_t *rows;
    gm_err err;
    if (audit_list(d, NULL, 0, limit, &rows, &err))
        return cli_report("audit", &err);
    size_t i;
    json_t *r;
    json_array_foreach(rows, i, r) {
        printf("%lld\t%s\t%s\t%s\t%s\t%s/%s\t%s\n", (long long)json_integer_value(json_object_get(r, "id")),
               json_string_value(json_object_get(r, "at")), json_string_value(json_object_get(r, "login")),
               json_string_value(json_object_get(r, "role")), json_string_value(json_object_get(r, "action")),
               json_string_value(json_object_get(r, "object_type")),
               json_string_value(json_object_get(r, "object_id")),
               json_string_value(json_object_get(r, "client_addr")));
    }
    json_decref(rows);
    return 0;
}

int cmd_audit(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"limit", required_argument, 0, 'n'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    if (argc < 2)
        return cli_usage_error("audit", "缺少动作:verify 或 list");
    if (strcmp(argv[1], "--help") == 0) {
        usage();
        return 0;
    }
    const char *action = argv[1], *path = NULL;
    long long limit = 50;
    int c;
    optind = 1;
    while ((c = getopt_long(argc - 1, argv + 1, "", opts, NULL)) != -1) {
        if (c == 'd') path = optarg;
        else if (c == 'n') {
            if (cli_parse_id(optarg, &limit))
                return cli_usage_error("audit", "--limit 应为正整数");
        } else if (c == 'h') { usage(); return 0; }
        else return cli_usage_error("audit", "未知选项");
    }
    if (strcmp(action, "verify") != 0 && strcmp(action, "list") != 0)
        return cli_usage_error("audit", "未知动作“%s”(应为 verify 或 list)", action);
    db *d;
    int rc = cli_open_db("audit", path, &d);
    if (rc)
        return rc;
    rc = strcmp(action, "verify") == 0 ? run_verify(d) : run_list(d, limit);
    db_close(d);
    return rc;
}
