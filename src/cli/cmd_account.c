/*
 * cmd_account.c - `govmedia account ...`: the account registry from the
 * command line, for local administration and scripts.  The steps and
 * their checks are the store's (the same as over HTTP); the local
 * administrator acts with every right, recorded in the audit trail as
 * cli:USER.
 */
#include "cli/cli.h"
#include "cli/opts.h"
#include "http/json_in.h"
#include "http/route.h"
#include "store/account_query.h"
#include "store/account_reviews.h"
#include "store/accounts.h"
#include "store/calendars.h"

#include "util/file.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
    printf("用法:\n"
           "  govmedia account list    --db PATH [--unit ID] [--platform P] [--state S]\n"
           "                           [--overdue filing|refiling|any] [--as-of YYYY-MM-DD]\n"
           "                           [--filed-late true|false]   逾期备案(或按期备案)的账号\n"
           "  govmedia account show    --db PATH --id N [--versions | --timeline]\n"
           "  govmedia account apply   --db PATH --unit ID --input 申请表.json [--exception 理由]\n"
           "  govmedia account ACTION  --db PATH --id N [--input FILE|-] [--date YYYY-MM-DD]\n"
           "                           [--reason 文本] [--into N] [--moved 文本] [--platform-id ID]\n"
           "     ACTION: approve reject open certify file change close merge\n"
           "  govmedia account qr      --db PATH --id N --file 二维码.png   上传二维码(PNG/JPEG,≤2MB),备案前需要\n"
           "  govmedia account review-open  --db PATH --year YYYY --unit ID [--month M]\n"
           "  govmedia account review-close --db PATH --round N\n"
           "  govmedia account must-close   --db PATH --round N [--csv]\n"
           "  --input 为 JSON 对象(与 API 请求体相同,- 表示标准输入);其余选项是常用字段的简写。\n"
           "  退出码:0 成功,2 用法或输入错误、状态冲突,1 其他错误。\n");
}

typedef struct account_opts {
    const char *db, *action, *input, *exception, *platform, *state, *overdue, *as_of;
    const char *date, *reason, *moved, *platform_id, *file, *filed_late;
    long long id, unit, into, round, year, month;
    int versions, timeline, csv;
} account_opts;

static int parse_number(const char *opt, const char *s, long long *out)
{
    if (cli_parse_id(s, out))
        return cli_usage_error("account", "%s 应为正整数", opt);
    return 0;
}

static int parse_opts(int argc, char **argv, account_opts *o)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'},        {"id", required_argument, 0, 'i'},
        {"unit", required_argument, 0, 'u'},      {"input", required_argument, 0, 'I'},
        {"exception", required_argument, 0, 'e'}, {"platform", required_argument, 0, 'p'},
        {"state", required_argument, 0, 's'},     {"overdue", required_argument, 0, 'o'},
        {"as-of", required_argument, 0, 'a'},     {"date", required_argument, 0, 'D'},
        {"reason", required_argument, 0, 'r'},    {"into", required_argument, 0, 't'},
        {"moved", required_argument, 0, 'm'},     {"platform-id", required_argument, 0, 'P'},
        {"round", required_argument, 0, 'R'},     {"year", required_argument, 0, 'y'},
        {"month", required_argument, 0, 'M'},     {"versions", no_argument, 0, 'v'},
        {"timeline", no_argument, 0, 'T'},        {"csv", no_argument, 0, 'c'},
        {"file", required_argument, 0, 'F'},      {"filed-late", required_argument, 0, 'L'},
        {"help", no_argument, 0, 'h'},            {0, 0, 0, 0}};
    int c, bad = 0;
    optind = 1;
    while (!bad && (c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'i': bad = parse_number("--id", optarg, &o->id); break;
        case 'u': bad = parse_number("--unit", optarg, &o->unit); break;
        case 'I': o->input = optarg; break;
        case 'e': o->exception = optarg; break;
        case 'p': o->platform = optarg; break;
        case 's': o->state = optarg; break;
        case 'o': o->overdue = optarg; break;
        case 'L': o->filed_late = optarg; break;
        case 'a': o->as_of = optarg; break;
        case 'D': o->date = optarg; break;
        case 'r': o->reason = optarg; break;
        case 't': bad = parse_number("--into", optarg, &o->into); break;
        case 'm': o->moved = optarg; break;
        case 'P': o->platform_id = optarg; break;
        case 'R': bad = parse_number("--round", optarg, &o->round); break;
        case 'y': bad = parse_number("--year", optarg, &o->year); break;
        case 'M': bad = parse_number("--month", optarg, &o->month); break;
        case 'v': o->versions = 1; break;
        case 'T': o->timeline = 1; break;
        case 'c': o->csv = 1; break;
        case 'F': o->file = optarg; break;
        case 'h': usage(); return -1;
        default: return cli_bad_option("account", argv);
        }
    }
    if (!bad && optind < argc)
        return cli_usage_error("account", "多余的参数“%s”", argv[optind]);
    return bad;
}

static void print_json(json_t *j)
{
    char *s = json_dumps(j, JSON_INDENT(2) | JSON_SORT_KEYS);
    if (s)
        puts(s);
    free(s);
    json_decref(j);
}

/* The --input JSON object, or one built from the shorthand options. */
static int read_input(const account_opts *o, json_t **out, gm_err *err)
{
    if (o->input) {   /* the same gate as an API body: UTF-8, syntax, control characters */
        char *text = NULL;
        size_t len = 0;
        int rc = gm_read_file(o->input, GM_DEFAULT_MAX_BODY, &text, &len, "input", err);
        if (!rc)
            rc = json_body_load(text, len, out, err);
        free(text);
        return rc;
    }
    *out = json_object();
    if (!*out)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (o->date) json_object_set_new(*out, "date", json_string(o->date));
    if (o->reason) json_object_set_new(*out, "reason", json_string(o->reason));
    if (o->moved) json_object_set_new(*out, "moved", json_string(o->moved));
    if (o->platform_id) json_object_set_new(*out, "platform_account_id", json_string(o->platform_id));
    if (o->into) json_object_set_new(*out, "into", json_integer(o->into));
    return GM_OK;
}

static int do_list(db *d, const account_opts *o, gm_err *err)
{
    account_filter f = {.unit_id = o->unit, .platform = o->platform, .state = o->state,
                        .overdue = o->overdue, .as_of = o->as_of, .filed_late = o->filed_late};
    json_t *arr;
    int rc = account_filter_validate(&f, err);
    if (!rc)
        rc = accounts_list(d, NULL, &f, &arr, err);
    if (rc)
        return rc;
    size_t i;
    json_t *a;
    json_array_foreach(arr, i, a) {
        json_t *ov = json_object_get(a, "overdue");
        if (json_is_true(json_object_get(a, "unreadable"))) {
            printf("%lld\t记录已损坏\t%s\t%s\n",
                   (long long)json_integer_value(json_object_get(a, "id")),
                   json_string_value(json_object_get(a, "unit_name")),
                   json_string_value(json_object_get(a, "error")));
            continue;
        }
        printf("%lld\t%s\t%s\t%s\t%s%s%s%s\n", (long long)json_integer_value(json_object_get(a, "id")),
               json_string_value(json_object_get(a, "state_label")),
               json_string_value(json_object_get(a, "platform_label")),
               json_string_value(json_object_get(a, "name")),
               json_string_value(json_object_get(a, "unit_name")),
               json_is_true(json_object_get(ov, "filing")) ? "\t备案逾期" : "",
               json_is_true(json_object_get(ov, "refiling")) ? "\t重新备案逾期" : "",
               json_is_true(json_object_get(a, "filed_late")) ? "\t逾期备案" : "");
    }
    json_decref(arr);
    return GM_OK;
}

static int do_show(db *d, const account_opts *o, gm_err *err)
{
    json_t *j;
    gm_account a;
    int rc;
    if (o->versions)
        rc = accounts_versions(d, o->id, &j, err);
    else if (o->timeline)
        rc = accounts_timeline(d, o->id, &j, err);
    else if ((rc = accounts_get(d, o->id, &a, err)) == GM_OK) {
        j = account_to_json(&a, o->as_of);
        accounts_release(&a);
    }
    if (!rc)
        print_json(j);
    return rc;
}

static int do_apply(db *d, const gm_actor *who, const account_opts *o, gm_err *err)
{
    json_t *form = NULL;   /* stays NULL when the input is refused */
    long long id;
    if (!o->input)
        return gm_fail(err, GM_E_INVALID, "input", "apply 需要 --input 申请表.json");
    int rc = read_input(o, &form, err);
    if (!rc)
        rc = accounts_apply(d, who, o->unit, form, o->exception, &id, NULL, err);
    json_decref(form);
    if (!rc)
        printf("已提交申请,账号 ID %lld(状态:待审批)\n", id);
    return rc;
}

static int do_step(db *d, const gm_actor *who, const account_opts *o, gm_err *err)
{
    json_t *in = NULL;
    gm_calendar *cal = NULL;
    int rc = read_input(o, &in, err);
    if (!rc && strcmp(o->action, "change") == 0)
        rc = calendars_load(d, NULL, &cal, err);
    if (!rc)
        rc = accounts_act(d, who, cal, o->id, o->action, in, err);
    calendar_free(cal);
    json_decref(in);
    gm_account a;
    if (!rc && (rc = accounts_get(d, o->id, &a, err)) == GM_OK) {
        printf("账号 %lld:%s(版本 %lld)\n", a.id, account_state_label(a.state), a.version);
        accounts_release(&a);
    }
    return rc;
}

/* The QR code of the filing form, from an image file (type read from the
 * bytes by the store, as over HTTP). */
static int do_qr(db *d, const gm_actor *who, const account_opts *o, gm_err *err)
{
    char *data = NULL;
    size_t len = 0;
    int rc = gm_read_file(o->file, GM_QR_MAX_BYTES, &data, &len, "file", err);
    if (!rc)
        rc = accounts_put_qr(d, who, o->id, data, len, err);
    free(data);
    if (!rc)
        printf("已上传账号 %lld 的二维码(%zu 字节),现在可以备案\n", o->id, len);
    return rc;
}

static int do_review(db *d, const gm_actor *who, const account_opts *o, gm_err *err)
{
    long long id;
    int rc;
    json_t *list;
    char *csv;
    size_t len;
    if (strcmp(o->action, "review-open") == 0) {
        if (!o->unit)
            return gm_fail(err, GM_E_INVALID, "unit", "review-open 需要 --unit 单位ID");
        if ((rc = reviews_open(d, who, (int)o->year, (int)o->month, o->unit, &id, err)) == GM_OK)
            printf("已开启 %lld 年度年审,轮次 ID %lld\n", o->year, id);
        return rc;
    }
    if (strcmp(o->action, "review-close") == 0) {
        if ((rc = reviews_close(d, who, o->round, err)) == GM_OK)
            printf("年审轮次 %lld 已结束\n", o->round);
        return rc;
    }
    if (o->csv) {
        if ((rc = reviews_must_close_csv(d, o->round, &csv, &len, err)) == GM_OK) {
            fwrite(csv, 1, len, stdout);
            free(csv);
        }
        return rc;
    }
    if ((rc = reviews_must_close(d, o->round, &list, err)) == GM_OK)
        print_json(list);
    return rc;
}

static const char *const step_actions[] = {"approve", "reject", "open",  "certify",
                                           "file",    "change", "close", "merge", NULL};

static int is_step(const char *a)
{
    for (size_t i = 0; step_actions[i]; i++)
        if (strcmp(a, step_actions[i]) == 0)
            return 1;
    return 0;
}

/* Usage problems the options alone reveal; 0 when the call is complete. */
static int check_required(const account_opts *o)
{
    const char *a = o->action;
    if ((strcmp(a, "show") == 0 || strcmp(a, "qr") == 0 || is_step(a)) && !o->id)
        return cli_usage_error("account", "%s 需要 --id 账号ID", a);
    if (strcmp(a, "qr") == 0 && !o->file)
        return cli_usage_error("account", "qr 需要 --file 二维码图片");
    if (strcmp(a, "apply") == 0 && !o->unit)
        return cli_usage_error("account", "apply 需要 --unit 单位ID");
    if (strcmp(a, "review-open") == 0 && !o->year)
        return cli_usage_error("account", "review-open 需要 --year 年度");
    if ((strcmp(a, "review-close") == 0 || strcmp(a, "must-close") == 0) && !o->round)
        return cli_usage_error("account", "%s 需要 --round 轮次ID", a);
    int known = is_step(a) || strcmp(a, "list") == 0 || strcmp(a, "show") == 0 ||
                strcmp(a, "qr") == 0 ||
                strcmp(a, "apply") == 0 || strncmp(a, "review-", 7) == 0 ||
                strcmp(a, "must-close") == 0;
    return known ? 0 : cli_usage_error("account", "未知动作“%s”", a);
}

static int run(db *d, const account_opts *o, gm_err *err)
{
    gm_actor who;
    cli_actor(&who);
    if (strcmp(o->action, "list") == 0)
        return do_list(d, o, err);
    if (strcmp(o->action, "show") == 0)
        return do_show(d, o, err);
    if (strcmp(o->action, "apply") == 0)
        return do_apply(d, &who, o, err);
    if (is_step(o->action))
        return do_step(d, &who, o, err);
    if (strcmp(o->action, "qr") == 0)
        return do_qr(d, &who, o, err);
    return do_review(d, &who, o, err);
}

int cmd_account(int argc, char **argv)
{
    account_opts o = {0};
    if (argc < 2 || argv[1][0] == '-') {
        if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
            usage();
            return 0;
        }
        return cli_usage_error("account", "缺少动作,例如 list、show、apply、approve");
    }
    o.action = argv[1];
    int bad = parse_opts(argc - 1, argv + 1, &o);
    if (bad)
        return bad < 0 ? 0 : bad;
    if ((bad = check_required(&o)) != 0)
        return bad;
    db *d;
    int rc = cli_open_db("account", o.db, &d);
    if (rc)
        return rc;
    gm_err err;
    gm_err_clear(&err);
    rc = run(d, &o, &err);
    db_close(d);
    return rc ? cli_report("account", &err) : 0;
}
