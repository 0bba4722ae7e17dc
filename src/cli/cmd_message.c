/*
 * cmd_message.c - `govmedia message import|list|escalate|figures`: what an
 * operator needs for public messages without the console: import a
 * platform export for an account, list overdue or due-today messages,
 * run the overdue escalation (for cron, until the scheduler runs it), and
 * print an account's interaction figures.
 */
#include "cli/cli.h"
#include "cli/opts.h"
#include "store/calendars.h"
#include "store/message_figures.h"
#include "store/message_import.h"
#include "store/messages.h"
#include "util/clock.h"
#include "util/file.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void usage(void)
{
    printf("用法:\n"
           "  govmedia message import   --db PATH --account ID FILE   导入平台导出的留言(CSV/xlsx,GBK 自动转换)\n"
           "  govmedia message list     --db PATH [--unit ID] [--account ID] [--overdue | --due-today]\n"
           "                            [--state 状态] [--kind 类型] [--channel 渠道] [--q 搜索词]\n"
           "                            [--late first_response|answer|any] [--as-of YYYY-MM-DD] [--json]\n"
           "                            列出留言:--q 在留言内容和留言人中搜索(多个词用空格分开,须都出现),\n"
           "                            --late 只列首次回应(受理或答复,以先者为准)或答复超期的留言;\n"
           "                            时间为北京时间\n"
           "  govmedia message escalate --db PATH [--as-of 时间]      标记超期留言(供定时任务调用)\n"
           "  govmedia message figures  --db PATH (--account ID | --unit ID) --from YYYY-MM-DD --to YYYY-MM-DD\n"
           "                            一个账号,或该单位及下级单位全部账号的互动数据\n"
           "退出码:0 成功,2 输入错误(文件、列、编码、参数),1 其他错误。\n");
}

typedef struct msg_opts {
    const char *db, *account, *unit, *as_of, *from, *to, *file, *state, *kind, *channel, *q, *late;
    int overdue, due_today, json;
} msg_opts;

static int do_import(db *d, const msg_opts *o, gm_calendar *cal, gm_err *err)
{
    long long account;
    char *data;
    size_t len;
    gm_actor who;
    json_t *out;
    if (cli_parse_id(o->account, &account))
        return gm_fail(err, GM_E_INVALID, "account", "--account 应为账号 ID");
    int rc = gm_read_file(o->file, GM_IMPORT_MAX_BYTES, &data, &len, "file", err);
    if (rc)
        return rc;
    cli_actor(&who);
    rc = messages_import(d, &who, cal, account, data, len, (gm_instant)time(NULL), &out, err);
    free(data);
    if (rc)
        return rc;
    printf("已导入 %lld 条,重复跳过 %lld 条(共 %lld 行,编码 %s)\n",
           (long long)json_integer_value(json_object_get(out, "imported")),
           (long long)json_integer_value(json_object_get(out, "duplicates")),
           (long long)json_integer_value(json_object_get(out, "rows")),
           json_string_value(json_object_get(out, "encoding")));
    json_decref(out);
    return GM_OK;
}

static void print_message(json_t *m)
{
    char due[GM_CST_LEN] = "-";
    const char *next = json_string_value(json_object_get(m, "next_due"));
    int open = strcmp(json_string_value(json_object_get(m, "state")), "answered") != 0 &&
               strcmp(json_string_value(json_object_get(m, "state")), "hidden") != 0;
    if (open && next)
        clock_iso_to_cst(next, due);
    printf("%lld\t%s\t%s\t%s\t%s\t下次期限 %s%s%s%s\n", (long long)json_integer_value(json_object_get(m, "id")),
           json_string_value(json_object_get(m, "state_label")),
           json_string_value(json_object_get(m, "kind_label")),
           json_string_value(json_object_get(m, "unit_name")),
           json_string_value(json_object_get(m, "account_name")), due,
           json_is_true(json_object_get(m, "overdue")) ? "\t已超期" : "",
           json_is_true(json_object_get(m, "first_response_late")) ? "\t首次回应超期" : "",
           json_is_true(json_object_get(m, "answer_late")) ? "\t答复超期" : "");
}

static int do_list(db *d, const msg_opts *o, gm_err *err)
{
    message_filter f;
    json_t *out, *m;
    size_t i;
    long long id;
    if (o->account && cli_parse_id(o->account, &id))
        return gm_fail(err, GM_E_INVALID, "account", "--account 应为账号 ID");
    if (o->unit && cli_parse_id(o->unit, &id))
        return gm_fail(err, GM_E_INVALID, "unit", "--unit 应为单位 ID");
    message_filter_args a = {.account_id = o->account, .unit_id = o->unit, .state = o->state,
                             .kind = o->kind, .channel = o->channel, .q = o->q, .late = o->late,
                             .overdue = o->overdue ? "1" : NULL,
                             .due = o->due_today ? "today" : NULL, .as_of = o->as_of,
                             .limit = "500"};
    int rc = message_filter_parse(&f, &a, (gm_instant)time(NULL), err);
    if (!rc)
        rc = messages_list(d, NULL, &f, &out, err);
    if (rc)
        return rc;
    if (o->json) {
        json_dumpf(out, stdout, JSON_INDENT(2));
        printf("\n");
    } else {
        json_array_foreach(json_object_get(out, "messages"), i, m)
            print_message(m);
        printf("共 %lld 条\n", (long long)json_integer_value(json_object_get(out, "total")));
    }
    json_decref(out);
    return GM_OK;
}

static int do_escalate(db *d, const msg_opts *o, gm_err *err)
{
    gm_instant at = (gm_instant)time(NULL);
    gm_actor who;
    json_t *list;
    if (o->as_of && instant_parse(o->as_of, "as-of", &at, err))
        return GM_E_INVALID;
    cli_actor(&who);
    int rc = messages_escalate(d, &who, at, &list, err);
    if (!rc) {
        printf("本次标记超期留言 %zu 条\n", json_array_size(list));
        json_decref(list);
    }
    return rc;
}

static int do_figures(db *d, const msg_opts *o, gm_err *err)
{
    long long account = 0, unit = 0;
    gm_date from, to;
    gm_message_figures f;
    if (o->account && cli_parse_id(o->account, &account))
        return gm_fail(err, GM_E_INVALID, "account", "--account 应为账号 ID");
    if (o->unit && cli_parse_id(o->unit, &unit))
        return gm_fail(err, GM_E_INVALID, "unit", "--unit 应为单位 ID");
    int rc = date_parse(o->from ? o->from : "", "from", &from, err);
    if (!rc)
        rc = date_parse(o->to ? o->to : "", "to", &to, err);
    if (!rc)
        rc = account ? message_figures(d, account, from, to, &f, err)
                     : message_figures_unit(d, unit, from, to, &f, err);
    if (!rc) {
        json_t *j = message_figures_json(&f);
        json_dumpf(j, stdout, JSON_INDENT(2));
        printf("\n");
        json_decref(j);
    }
    return rc;
}

static int parse_opts(int argc, char **argv, msg_opts *o)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'},     {"account", required_argument, 0, 'a'},
        {"unit", required_argument, 0, 'u'},   {"as-of", required_argument, 0, 's'},
        {"from", required_argument, 0, 'f'},   {"to", required_argument, 0, 't'},
        {"overdue", no_argument, 0, 'o'},      {"due-today", no_argument, 0, 'y'},
        {"json", no_argument, 0, 'j'},         {"help", no_argument, 0, 'h'},
        {"state", required_argument, 0, 'S'},  {"kind", required_argument, 0, 'k'},
        {"channel", required_argument, 0, 'c'}, {"q", required_argument, 0, 'q'},
        {"late", required_argument, 0, 'l'},
        {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'a': o->account = optarg; break;
        case 'u': o->unit = optarg; break;
        case 's': o->as_of = optarg; break;
        case 'f': o->from = optarg; break;
        case 't': o->to = optarg; break;
        case 'o': o->overdue = 1; break;
        case 'y': o->due_today = 1; break;
        case 'j': o->json = 1; break;
        case 'S': o->state = optarg; break;
        case 'k': o->kind = optarg; break;
        case 'c': o->channel = optarg; break;
        case 'q': o->q = optarg; break;
        case 'l': o->late = optarg; break;
        case 'h': usage(); return 1;
        default: return -1;
        }
    }
    o->file = optind < argc ? argv[optind] : NULL;
    return 0;
}

static int run(const char *act, const msg_opts *o)
{
    db *d;
    gm_err err;
    gm_calendar *cal = NULL;
    int rc = cli_open_db("message", o->db, &d);
    if (rc)
        return rc;
    gm_err_clear(&err);
    if (strcmp(act, "import") == 0 && !(rc = calendars_load(d, NULL, &cal, &err)))
        rc = do_import(d, o, cal, &err);
    else if (strcmp(act, "list") == 0)
        rc = do_list(d, o, &err);
    else if (strcmp(act, "escalate") == 0)
        rc = do_escalate(d, o, &err);
    else if (strcmp(act, "figures") == 0)
        rc = do_figures(d, o, &err);
    calendar_free(cal);
    db_close(d);
    return rc ? cli_report("message", &err) : 0;
}

int cmd_message(int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-') {
        if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
            usage();
            return 0;
        }
        return cli_usage_error("message", "缺少动作:import、list、escalate 或 figures");
    }
    const char *act = argv[1];
    msg_opts o = {0};
    int p = parse_opts(argc - 1, argv + 1, &o);
    if (p > 0)
        return 0;
    if (p < 0)
        return cli_bad_option("message", argv + 1);   /* the array parse_opts gave getopt_long */
    if (strcmp(act, "import") && strcmp(act, "list") && strcmp(act, "escalate") && strcmp(act, "figures"))
        return cli_usage_error("message", "未知动作“%s”", act);
    if (strcmp(act, "import") == 0 && (!o.file || !o.account))
        return cli_usage_error("message", "import 需要 --account ID 和文件路径");
    if (strcmp(act, "figures") == 0 && (!o.account == !o.unit || !o.from || !o.to))
        return cli_usage_error("message", "figures 需要 --account(一个账号)或 --unit(单位及下级)其中之一,以及 --from 和 --to");
    return run(act, &o);
}
