/*
 * cmd_jobs.c - `govmedia jobs list|log|run`: the scheduler for operators.
 * list shows every job with its schedule (Beijing time), next run, lease
 * and last result; log the recent runs; run NAME runs one job now (under
 * its lease, logged like a scheduled run) without moving its schedule.
 */
#include "cli/cli.h"
#include "cli/opts.h"
#include "core/instant.h"
#include "core/schedule.h"
#include "jobs/jobs.h"
#include "store/calendars.h"
#include "store/jobs.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void usage(void)
{
    printf("用法:\n"
           "  govmedia jobs list --db PATH [--json]        列出定时任务、计划(北京时间)、下次运行与上次结果\n"
           "  govmedia jobs log  --db PATH [NAME] [--json] 最近的运行记录\n"
           "  govmedia jobs run  --db PATH NAME [--at TIME] 立即运行一个任务(不改变其计划)\n"
           "    --at  以该时刻为“现在”运行(如 2026-10-08 09:00,北京时间),用于补跑和演练\n");
}

/* UTC ISO text as Beijing time "YYYY-MM-DD HH:MM". */
static const char *cst(const char *iso, char *buf, size_t cap)
{
    long long t;
    if (!iso || !*iso || instant_parse(iso, NULL, &t, NULL)) {
        snprintf(buf, cap, "-");
        return buf;
    }
    time_t local = (time_t)(t + 8 * 3600);
    struct tm tm;
    gmtime_r(&local, &tm);
    strftime(buf, cap, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

static const char *str(json_t *o, const char *k)
{
    const char *v = json_string_value(json_object_get(o, k));
    return v ? v : "";
}

static void print_job(json_t *j)
{
    const gm_job_def *def = jobs_find(str(j, "name"));
    gm_schedule s;
    char when[96] = "", next[32], last[32];
    if (!schedule_parse(str(j, "schedule"), &s, NULL))
        schedule_describe(&s, when, sizeof when);
    const char *st = str(j, "last_status");
    printf("%-22s %-28s 下次 %s  上次 %s %s%s%s\n", str(j, "name"), when, cst(str(j, "next_run_at"), next, sizeof next),
           cst(str(j, "last_run_at"), last, sizeof last),
           !*st ? "" : strcmp(st, "ok") == 0 ? "成功" : "失败",
           *str(j, "lease_owner") ? "  运行中:" : "", str(j, "lease_owner"));
    printf("  %s\n", def ? def->title : "(本程序未登记此任务)");
    if (*str(j, "last_message"))
        printf("  上次结果:%s\n", str(j, "last_message"));
}

static int do_list(db *d, int as_json, gm_err *err)
{
    json_t *arr, *j;
    size_t i;
    int rc = jobs_sync(d, (long long)time(NULL), err);
    if (!rc)
        rc = jobs_store_list(d, &arr, err);
    if (rc)
        return rc;
    json_array_foreach(arr, i, j) {
        const gm_job_def *def = jobs_find(str(j, "name"));
        json_object_set_new(j, "title", def ? json_string(def->title) : json_null());
        if (!as_json)
            print_job(j);
    }
    if (as_json) {
        char *s = json_dumps(arr, JSON_INDENT(2));
        puts(s ? s : "[]");
        free(s);
    }
    json_decref(arr);
    return GM_OK;
}

static int do_log(db *d, const char *name, int as_json, gm_err *err)
{
    json_t *arr, *r;
    size_t i;
    int rc = jobs_store_runs(d, name, 50, &arr, err);
    if (rc)
        return rc;
    if (as_json) {
        char *s = json_dumps(arr, JSON_INDENT(2));
        puts(s ? s : "[]");
        free(s);
    }
    json_array_foreach(arr, i, r) {
        char at[32];
        if (as_json)
            break;
        printf("%-6lld %-22s %s  %s%s  第 %lld 次  %s\n", (long long)json_integer_value(json_object_get(r, "id")),
               str(r, "job"), cst(str(r, "started_at"), at, sizeof at), str(r, "status"),
               json_is_true(json_object_get(r, "manual")) ? "(手动)" : "",
               (long long)json_integer_value(json_object_get(r, "attempt")), str(r, "message"));
    }
    json_decref(arr);
    return GM_OK;
}

static int do_run(db *d, const char *name, const char *at, gm_err *err)
{
    long long now = (long long)time(NULL);
    int ok = 0, rc;
    char owner[128], msg[256] = "";
    if (at && (rc = instant_parse(at, "at", &now, err)))
        return rc;
    jobs_owner_id(owner, sizeof owner);
    rc = jobs_run_named(d, name, owner, now, calendars_data_dir(), &ok, msg, sizeof msg, err);
    if (rc)
        return rc;
    printf("任务 %s %s:%s\n", name, ok ? "完成" : "失败", msg);
    return ok ? 0 : 1;
}

int cmd_jobs(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"at", required_argument, 0, 'a'},
        {"json", no_argument, 0, 'j'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    if (argc < 2 || argv[1][0] == '-') {
        if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
            usage();
            return 0;
        }
        return cli_usage_error("jobs", "缺少动作:list、log 或 run");
    }
    const char *act = argv[1], *path = NULL, *at = NULL;
    int c, as_json = 0;
    optind = 1;
    while ((c = getopt_long(argc - 1, argv + 1, "", opts, NULL)) != -1) {
        if (c == 'd') path = optarg;
        else if (c == 'a') at = optarg;
        else if (c == 'j') as_json = 1;
        else if (c == 'h') { usage(); return 0; }
        else return cli_bad_option("jobs", argv + 1);
    }
    const char *name = optind < argc - 1 ? argv[1 + optind] : NULL;
    int is_run = strcmp(act, "run") == 0;
    if (!is_run && strcmp(act, "list") != 0 && strcmp(act, "log") != 0)
        return cli_usage_error("jobs", "未知动作“%s”", act);
    if (is_run && !name)
        return cli_usage_error("jobs", "run 需要任务名(govmedia jobs list 列出全部)");
    db *d;
    int rc = cli_open_db("jobs", path, &d);
    if (rc)
        return rc;
    gm_err err;
    if (is_run) {
        rc = do_run(d, name, at, &err);
        db_close(d);
        return rc < 0 ? cli_report("jobs", &err) : rc;
    }
    rc = strcmp(act, "list") == 0 ? do_list(d, as_json, &err) : do_log(d, name, as_json, &err);
    db_close(d);
    return rc ? cli_report("jobs", &err) : 0;
}
