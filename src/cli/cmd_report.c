/*
 * cmd_report.c - `govmedia report NAME`: the reports of report/reports.h on
 * the terminal (activity, zombies), as JSON (--json), or exported
 * (--format csv|xlsx --out FILE); plus `report policy` (an account's
 * update-frequency preset) and `report scheme` (a unit's assessment scheme).
 */
#include "cli/cli.h"
#include "cli/opts.h"
#include "http/check_lists.h"
#include "report/assessment.h"
#include "report/reports.h"
#include "store/activity_policies.h"
#include "store/calendars.h"
#include "util/clock.h"
#include "util/file.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
    printf("用法:\n"
           "  govmedia report NAME --db PATH [--as-of YYYY-MM-DD] [--year YYYY] [--unit ID]\n"
           "                       [--json | --format csv|xlsx --out FILE]\n"
           "    NAME: accounts(备案登记) reviews(年审结果) weekly(周统计) activity(活跃度)\n"
           "          zombies(僵尸账号) assessment(年度考核)\n"
           "          closed_active(已注销或合并后仍有发布的账号)\n"
           "    --as-of  activity:检查日期(默认今天,北京时间);weekly:所在周(默认上一周)\n"
           "  govmedia report policy --db PATH --account ID [--set national|twice_weekly|every_3_days|daily|weekly]\n"
           "  govmedia report scheme --db PATH --unit ID --year YYYY [--set FILE.json]\n");
}

typedef struct opts_t {
    const char *db, *as_of, *format, *out, *set;
    long long unit, account, year;
    int json;
} opts_t;

static int parse_opts(int argc, char **argv, opts_t *o)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"as-of", required_argument, 0, 'a'},
        {"year", required_argument, 0, 'y'}, {"unit", required_argument, 0, 'u'},
        {"account", required_argument, 0, 'c'}, {"format", required_argument, 0, 'f'},
        {"out", required_argument, 0, 'o'}, {"set", required_argument, 0, 's'},
        {"json", no_argument, 0, 'j'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc - 1, argv + 1, "", opts, NULL)) != -1) {
        if (c == 'd') o->db = optarg;
        else if (c == 'a') o->as_of = optarg;
        else if (c == 'f') o->format = optarg;
        else if (c == 'o') o->out = optarg;
        else if (c == 's') o->set = optarg;
        else if (c == 'j') o->json = 1;
        else if (c == 'y' && (cli_parse_id(optarg, &o->year) || o->year < 2000 || o->year > 2100))
            return cli_usage_error("report", "--year 应为 2000 到 2100 的年份");
        else if (c == 'u' && cli_parse_id(optarg, &o->unit))
            return cli_usage_error("report", "--unit 应为单位 ID");
        else if (c == 'c' && cli_parse_id(optarg, &o->account))
            return cli_usage_error("report", "--account 应为账号 ID");
        else if (c == 'h') { usage(); return -1; }
        else if (c == '?') return cli_bad_option("report", argv + 1);
    }
    if (o->format && strcmp(o->format, "csv") != 0 && strcmp(o->format, "xlsx") != 0)
        return cli_usage_error("report", "--format 应为 csv 或 xlsx");
    if (o->format && !o->out)
        return cli_usage_error("report", "--format 需要 --out FILE");
    if (o->out && !o->format)
        return cli_usage_error("report", "--out 需要 --format csv|xlsx(不给出时报表输出到屏幕)");
    return 0;
}

static void print_json(json_t *j)
{
    char *s = json_dumps(j, JSON_INDENT(2));
    puts(s ? s : "null");
    free(s);
}

static const char *str(json_t *o, const char *k)
{
    const char *v = json_string_value(json_object_get(o, k));
    return v ? v : "-";
}

static void print_activity(json_t *rows)
{
    size_t i;
    json_t *r;
    printf("账号ID\t账号名称\t主办单位\t最近更新\t未更新天数\t状态\t说明\n");
    json_array_foreach(rows, i, r)
        printf("%lld\t%s\t%s\t%s\t%lld\t%s\t%s%s%s\n",
               (long long)json_integer_value(json_object_get(r, "account_id")), str(r, "account_name"),
               str(r, "unit_name"), str(r, "last_update"),
               (long long)json_integer_value(json_object_get(r, "days_since_update")),
               str(r, "status_label"), str(r, "reason"),
               json_is_true(json_object_get(r, "zombie")) ? " 僵尸账号:" : "",
               json_is_true(json_object_get(r, "zombie")) ? str(r, "suggestion") : "");
}

static int write_export(const gm_sheet *t, const opts_t *o, gm_err *err)
{
    if (strcmp(o->format, "xlsx") == 0)
        return sheet_to_xlsx_file(t, o->out, err);
    char *csv;
    size_t len;
    int rc = sheet_to_csv(t, &csv, &len, err);
    if (rc)
        return rc;
    FILE *f = fopen(o->out, "wb");
    if (!f || fwrite(csv, 1, len, f) != len)
        rc = gm_fail(err, GM_E_IO, "out", "无法写入 %s", o->out);
    if (f && fclose(f) && !rc)
        rc = gm_fail(err, GM_E_IO, "out", "无法写入 %s", o->out);
    free(csv);
    return rc;
}

/* The assessment's engine (veto_security): the lists as the server has them,
 * loaded only when a publication has no verdict kept for this origin. */
typedef struct lazy_engine {
    db *d;
    gm_checker *c;
    char origin[CHECK_ORIGIN_MAX];
} lazy_engine;

static int lazy_engine_load(void *ctx, const gm_checker **out, gm_err *err)
{
    lazy_engine *l = ctx;
    int rc = l->c ? 0 : check_lists_load(l->d, cli_data_dir(), &l->c, err);
    *out = l->c;
    return rc;
}

static int run_report(db *d, const char *name, const opts_t *o, gm_err *err)
{
    char today[11];
    clock_today_cst(today);
    report_params p = {0};
    gm_date t;
    int rc = date_parse(o->as_of ? o->as_of : today, "as_of", &p.as_of, err);
    if (rc)
        return rc;
    date_parse(today, NULL, &t, NULL);
    if (!o->as_of && strcmp(name, "weekly") == 0)
        p.as_of = t - 7;   /* the last complete week */
    p.year = o->year ? (int)o->year : strcmp(name, "assessment") == 0 ? date_year(p.as_of) : 0;
    gm_calendar *cal = NULL;
    if ((rc = calendars_load(d, NULL, &cal, err)))
        return rc;
    calendar_set_weekend_fallback(cal, 1);
    report_scope scope = {NULL, o->unit};
    json_t *j = NULL;
    gm_sheet table = {0};
    /* the assessment re-checks the year's publications (veto_security) */
    lazy_engine lazy = {.d = d};
    security_engine engine = {.origin = lazy.origin, .load = lazy_engine_load, .ctx = &lazy};
    if (strcmp(name, "assessment") == 0) {
        rc = check_lists_origin(d, cli_data_dir(), lazy.origin, err);
        p.security = &engine;
    }
    if (!rc)
        rc = report_build(d, &scope, name, &p, cal, &j, o->format ? &table : NULL, err);
    gm_checker_unref(lazy.c);
    calendar_free(cal);
    if (!rc && o->format)
        rc = write_export(&table, o, err);
    else if (!rc && (o->json || (strcmp(name, "activity") && strcmp(name, "zombies"))))
        print_json(j);
    else if (!rc)
        print_activity(j);
    if (!rc && o->format)
        printf("已导出 %zu 行到 %s\n", json_array_size(table.rows), o->out);
    sheet_free(&table);
    json_decref(j);
    return rc;
}

static int run_policy(db *d, const opts_t *o, gm_err *err)
{
    gm_activity_policy p;
    if (!o->account)
        return gm_fail(err, GM_E_INVALID, "account", "缺少 --account ID");
    if (o->set) {
        gm_actor who;
        cli_actor(&who);
        int rc = activity_policy_parse(o->set, &p, err);
        if (!rc)
            rc = activity_policy_set(d, &who, o->account, p, err);
        if (rc)
            return rc;
    }
    int rc = activity_policy_get(d, o->account, &p, err);
    if (!rc)
        printf("账号 %lld 更新频率要求:%s(%s)\n", o->account, activity_policy_label(p),
               activity_policy_name(p));
    return rc;
}

static int run_scheme(db *d, const opts_t *o, gm_err *err)
{
    gm_scheme s;
    int stored, rc = GM_OK;
    if (!o->unit || !o->year)
        return gm_fail(err, GM_E_INVALID, o->unit ? "year" : "unit", "需要 --unit ID 和 --year YYYY");
    if (o->set) {
        char *text = NULL;
        size_t len;
        json_error_t je;
        gm_actor who;
        cli_actor(&who);
        rc = gm_read_file(o->set, 1024 * 1024, &text, &len, "set", err);
        json_t *arr = rc ? NULL : json_loadb(text, len, 0, &je);
        free(text);
        if (!rc && !arr)
            rc = gm_fail(err, GM_E_INVALID, "set", "不是有效的 JSON:%s(第 %d 行)", je.text, je.line);
        if (!rc)
            rc = assessment_scheme_from_json(json_is_object(arr) ? json_object_get(arr, "indicators") : arr, &s, err);
        json_decref(arr);
        if (!rc)
            rc = assessment_scheme_set(d, &who, o->unit, (int)o->year, &s, err);
        if (rc)
            return rc;
    }
    rc = assessment_scheme_get(d, o->unit, (int)o->year, &s, &stored, err);
    if (!rc) {
        json_t *j = json_pack("{s:I,s:I,s:s,s:o}", "unit_id", (json_int_t)o->unit, "year",
                              (json_int_t)o->year, "source", stored ? "unit" : "preset",
                              "indicators", assessment_scheme_to_json(&s));
        print_json(j);
        json_decref(j);
    }
    return rc;
}

int cmd_report(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        if (argc >= 2) { usage(); return 0; }
        return cli_usage_error("report", "缺少报表名称");
    }
    const char *name = argv[1];
    opts_t o = {0};
    int rc = parse_opts(argc, argv, &o);
    if (rc)
        return rc < 0 ? 0 : rc;
    int special = strcmp(name, "policy") == 0 || strcmp(name, "scheme") == 0;
    if (!special && !report_known(name))
        return cli_usage_error("report", "未知报表“%s”", name);
    db *d;
    if ((rc = cli_open_db("report", o.db, &d)))
        return rc;
    gm_err err;
    rc = strcmp(name, "policy") == 0 ? run_policy(d, &o, &err)
         : strcmp(name, "scheme") == 0 ? run_scheme(d, &o, &err)
                                        : run_report(d, name, &o, &err);
    db_close(d);
    return rc ? cli_report("report", &err) : 0;
}
