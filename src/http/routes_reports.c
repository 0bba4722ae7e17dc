/*
 * routes_reports.c - reports over HTTP: activity (with the zombie list),
 * weekly statistics, assessment, the registers, each as JSON and as a
 * download (.xlsx, .csv); importing outside publications (CSV body);
 * an account's update-frequency preset; a unit's assessment scheme.
 * Rows are limited to what the user may read (PERM_ACCOUNT_READ on the
 * account's unit); unit_id narrows to one unit's subtree.
 */
#include "http/download_audit.h"
#include "http/account_access.h"
#include "http/json_in.h"
#include "http/query.h"
#include "http/route.h"
#include "report/assessment.h"
#include "report/reports.h"
#include "store/activity_policies.h"
#include "store/calendars.h"
#include "store/publication_import.h"
#include "store/units.h"
#include "util/clock.h"
#include "http/server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const query_param report_query[] = {
    {"as_of", QP_DATE, NULL}, {"unit_id", QP_ID, NULL}, {"year", QP_INT, NULL}, {NULL, 0, NULL}};

/* "activity" from "/api/v1/reports/activity.xlsx"; *format = "json", "xlsx" or "csv". */
static void report_name(const char *path, char *name, size_t cap, const char **format)
{
    const char *base = strrchr(path, '/') + 1, *dot = strchr(base, '.');
    *format = !dot ? "json" : strcmp(dot, ".xlsx") == 0 ? "xlsx" : "csv";
    snprintf(name, cap, "%.*s", (int)(dot ? dot - base : (long)strlen(base)), base);
}

static int read_params(gm_request *r, report_params *p, report_scope *s, gm_err *err)
{
    long long unit = 0, year = 0;
    char today[11];
    int rc = request_query(r, report_query, err);
    if (!rc)
        rc = request_arg_int(r, "unit_id", 0, &unit, err);
    if (!rc)
        rc = request_arg_int(r, "year", 0, &year, err);
    if (rc)
        return rc;
    clock_today_cst(today);
    const char *as_of = request_arg(r, "as_of");
    if ((rc = date_parse(as_of ? as_of : today, "as_of", &p->as_of, err)))
        return rc;
    if (!as_of && strstr(r->path, "/weekly"))
        p->as_of -= 7;   /* the last complete week */
    if (year && (year < 2000 || year > 2100))
        return gm_fail(err, GM_E_INVALID, "year", "年份应在 2000 到 2100 之间");
    p->year = year ? (int)year : strstr(r->path, "/assessment") ? date_year(p->as_of) : 0;
    s->actor = &r->actor;
    s->unit_id = unit;
    return unit ? request_require_unit(r, PERM_ACCOUNT_READ, unit, err) : GM_OK;
}

static json_t *activity_summary(const json_t *rows)
{
    long counts[5] = {0};
    static const char *const keys[] = {"ok", "warning", "violation", "veto"};
    size_t i;
    json_t *o;
    json_array_foreach(rows, i, o) {
        for (int k = 0; k < 4; k++)
            counts[k] += strcmp(json_string_value(json_object_get(o, "status")), keys[k]) == 0;
        counts[4] += json_is_true(json_object_get(o, "zombie"));
    }
    return json_pack("{s:i,s:i,s:i,s:i,s:i,s:i}", "accounts", (int)json_array_size(rows), "ok",
                     (int)counts[0], "warning", (int)counts[1], "violation", (int)counts[2], "veto",
                     (int)counts[3], "zombie", (int)counts[4]);
}

static json_t *wrap_json(const char *name, const report_params *p, json_t *j)
{
    char d[GM_DATE_TEXT_SIZE];
    if (strcmp(name, "weekly") == 0)
        return j;
    json_t *o = json_pack("{s:s}", "as_of", date_format(p->as_of, d));
    if (strcmp(name, "activity") == 0 || strcmp(name, "zombies") == 0)
        json_object_set_new(o, "summary", activity_summary(j));
    if (p->year)
        json_object_set_new(o, "year", json_integer(p->year));
    json_object_set_new(o, strcmp(name, "activity") == 0 || strcmp(name, "zombies") == 0 ? "accounts"
                           : strcmp(name, "assessment") == 0 ? "units" : "rows", j);
    return o;
}

/* The filters a report was made with, for its download's audit row. */
static json_t *report_filters(const report_params *p, const report_scope *s)
{
    char d[GM_DATE_TEXT_SIZE];
    json_t *o = json_pack("{s:s}", "as_of", date_format(p->as_of, d));
    if (o && s->unit_id)
        json_object_set_new(o, "unit_id", json_integer(s->unit_id));
    if (o && p->year)
        json_object_set_new(o, "year", json_integer(p->year));
    return o;
}

/* The table as a file, its download audited first (http/download_audit.h). */
static int reply_table(gm_request *r, const char *name, const char *format, gm_sheet *t,
                       json_t *filters, gm_err *err)
{
    char *data;
    size_t len;
    int xlsx = strcmp(format, "xlsx") == 0;
    int rc = xlsx ? sheet_to_xlsx(t, &data, &len, err) : sheet_to_csv(t, &data, &len, err);
    if (rc) {
        json_decref(filters);
        return rc;
    }
    if ((rc = download_audit(r, name, format, len, filters, err))) {
        free(data);
        return rc;
    }
    snprintf(r->disposition, sizeof r->disposition, "attachment; filename=\"govmedia-%s.%s\"", name,
             format);
    reply_bytes(r, 200,
                xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                     : "text/csv; charset=utf-8",
                data, len);
    return GM_OK;
}

static int h_report(gm_request *r, gm_err *err)
{
    char name[32];
    const char *format;
    report_params p = {0};
    report_scope s;
    gm_calendar *cal = NULL;
    report_name(r->path, name, sizeof name, &format);
    int rc = read_params(r, &p, &s, err);
    if (!rc)
        rc = calendars_load(r->db, r->srv->cfg.data_dir, &cal, err);
    if (rc)
        return rc;
    calendar_set_weekend_fallback(cal, 1);
    json_t *j = NULL;
    gm_sheet t = {0};
    int as_json = strcmp(format, "json") == 0;
    /* the assessment re-checks the year's publications (veto_security) */
    gm_checker *c = strcmp(name, "assessment") == 0 ? server_checker_acquire(r->srv) : NULL;
    security_engine engine = {.checker = c};
    p.security = c ? &engine : NULL;
    rc = report_build(r->db, &s, name, &p, cal, as_json ? &j : NULL, as_json ? NULL : &t, err);
    gm_checker_unref(c);
    calendar_free(cal);
    if (!rc && as_json)
        rc = reply_json(r, 200, wrap_json(name, &p, j));
    else if (!rc)
        rc = reply_table(r, name, format, &t, report_filters(&p, &s), err);
    sheet_free(&t);
    return rc;
}

static int h_import(gm_request *r, gm_err *err)
{
    publication_import_result res;
    int rc = request_require_account(r, PERM_ACCOUNT_OPERATE, r->ids[0], err);
    if (!rc)
        rc = publications_import_csv(r->db, &r->actor, r->ids[0], r->body ? r->body : "",
                                     r->body_len, &res, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:I,s:I,s:I,s:o}", "imported",
                                                  (json_int_t)res.imported, "updated",
                                                  (json_int_t)res.updated, "skipped",
                                                  (json_int_t)res.skipped, "rows", res.rows));
}

static json_t *policy_json(long long id, gm_activity_policy p)
{
    return json_pack("{s:I,s:s,s:s}", "account_id", (json_int_t)id, "policy",
                     activity_policy_name(p), "policy_label", activity_policy_label(p));
}

static int h_policy_get(gm_request *r, gm_err *err)
{
    gm_activity_policy p;
    int rc = request_require_account(r, PERM_ACCOUNT_READ, r->ids[0], err);
    if (!rc)
        rc = activity_policy_get(r->db, r->ids[0], &p, err);
    return rc ? rc : reply_json(r, 200, policy_json(r->ids[0], p));
}

static int h_policy_put(gm_request *r, gm_err *err)
{
    static const json_field fields[] = {{"policy", JF_STRING, true, 32}, {NULL, 0, 0, 0}};
    json_t *body = NULL;
    gm_activity_policy p;
    int rc = request_require_account(r, PERM_ACCOUNT_REVIEW, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, fields, &body, err);
    if (!rc)
        rc = activity_policy_parse(json_string_value(json_object_get(body, "policy")), &p, err);
    if (!rc)
        rc = activity_policy_set(r->db, &r->actor, r->ids[0], p, err);
    json_decref(body);
    return rc ? rc : reply_json(r, 200, policy_json(r->ids[0], p));
}

static int scheme_reply(gm_request *r, long long unit, int year, gm_err *err)
{
    gm_scheme s;
    int stored, rc = assessment_scheme_get(r->db, unit, year, &s, &stored, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:I,s:i,s:s,s:o}", "unit_id", (json_int_t)unit,
                                                  "year", year, "source", stored ? "unit" : "preset",
                                                  "indicators", assessment_scheme_to_json(&s)));
}

static const query_param scheme_query[] = {{"year", QP_INT, NULL}, {NULL, 0, NULL}};

static int scheme_year(gm_request *r, long long *year, gm_err *err)
{
    char today[11];
    clock_today_cst(today);
    int rc = request_query(r, scheme_query, err);
    if (!rc)
        rc = request_arg_int(r, "year", atoi(today), year, err);
    if (!rc && (*year < 2000 || *year > 2100))
        rc = gm_fail(err, GM_E_INVALID, "year", "年份应在 2000 到 2100 之间");
    return rc;
}

static int h_scheme_get(gm_request *r, gm_err *err)
{
    long long year;
    int rc = scheme_year(r, &year, err);
    if (!rc)
        rc = request_require_unit(r, PERM_ACCOUNT_READ, r->ids[0], err);
    return rc ? rc : scheme_reply(r, r->ids[0], (int)year, err);
}

static int h_scheme_put(gm_request *r, gm_err *err)
{
    static const json_field fields[] = {{"year", JF_INT, true, 0}, {"indicators", JF_ARRAY, true, 0},
                                        {NULL, 0, 0, 0}};
    json_t *body = NULL;
    gm_scheme s;
    int rc = request_require_unit(r, PERM_ACCOUNT_REVIEW, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, fields, &body, err);
    long long year = rc ? 0 : json_integer_value(json_object_get(body, "year"));
    if (!rc)
        rc = assessment_scheme_from_json(json_object_get(body, "indicators"), &s, err);
    if (!rc)
        rc = assessment_scheme_set(r->db, &r->actor, r->ids[0], (int)year, &s, err);
    json_decref(body);
    return rc ? rc : scheme_reply(r, r->ids[0], (int)year, err);
}

static int h_indicators(gm_request *r, gm_err *err)
{
    (void)err;
    return reply_json(r, 200, assessment_catalogue_to_json());
}

#define REPORT_ROUTES(name, label)                                                              \
    {"GET", "/api/v1/reports/" name, PERM_ACCOUNT_READ, h_report, 0, label, report_query},      \
    {"GET", "/api/v1/reports/" name ".xlsx", PERM_ACCOUNT_READ, h_report, 0, label "(xlsx)",    \
     report_query},                                                                            \
    {"GET", "/api/v1/reports/" name ".csv", PERM_ACCOUNT_READ, h_report, 0, label "(CSV)",      \
     report_query}

const gm_route gm_routes_reports[] = {
    REPORT_ROUTES("activity", "活跃度报表:更新频率、预警、两周未更新否决、僵尸账号"),
    REPORT_ROUTES("zombies", "僵尸账号名单(超过 3 个月未更新)及处置建议"),
    REPORT_ROUTES("weekly", "周统计:发布、原创、转载、阅读点赞评论、留言答复"),
    REPORT_ROUTES("assessment", "年度考核:各单位得分、否决项及依据"),
    REPORT_ROUTES("accounts", "账号备案登记表"),
    REPORT_ROUTES("reviews", "年审结果与应关停名单"),
    REPORT_ROUTES("closed_active", "已注销或合并的账号在此后仍有发布(擅自恢复更新)"),
    {"POST", "/api/v1/accounts/{id}/publications", PERM_ACCOUNT_OPERATE, h_import, 16 * 1024 * 1024,
     "导入站外发布记录(CSV:published_at,title,url,kind[,reads,likes,comments])"},
    {"GET", "/api/v1/accounts/{id}/activity-policy", PERM_ACCOUNT_READ, h_policy_get, 0,
     "账号的更新频率要求"},
    {"PUT", "/api/v1/accounts/{id}/activity-policy", PERM_ACCOUNT_REVIEW, h_policy_put, 0,
     "设置账号的更新频率要求"},
    {"GET", "/api/v1/units/{id}/assessment-scheme", PERM_ACCOUNT_READ, h_scheme_get, 0,
     "单位某年度的考核方案", scheme_query},
    {"GET", "/api/v1/assessment/indicators", PERM_LOGGED_IN, h_indicators, 0,
     "考核指标目录:代码、名称、类别、默认目标值、是否属于国办预设、政府机关是否禁用及依据"},
    {"PUT", "/api/v1/units/{id}/assessment-scheme", PERM_ACCOUNT_REVIEW, h_scheme_put, 0,
     "设置单位某年度的考核方案(政府机关不得使用点赞、关注、转发、阅读量、阅读时长)"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
