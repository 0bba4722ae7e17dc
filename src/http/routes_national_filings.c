/*
 * routes_national_filings.c - an account's filings in the national 全国政务
 * 新媒体信息报送系统 over HTTP: the events that need one with their due day
 * and state, recording a filing (operators of the account's unit), and the
 * list over every account in reach (the supervisor's overview, overdue
 * filtered).  Rules in core/national_filing.h, rows in store/national_filings.c.
 */
#include "http/account_access.h"
#include "http/json_in.h"
#include "http/query.h"
#include "http/route.h"
#include "http/server.h"
#include "store/calendars.h"
#include "store/national_filing_policies.h"
#include "store/national_filings.h"
#include "store/units.h"
#include "util/clock.h"

/* Today (China) and the working calendar, for due days and states. */
static int today_and_calendar(gm_request *r, gm_date *today, gm_calendar **cal, gm_err *err)
{
    char t[11];
    clock_today_cst(t);
    int rc = date_parse(t, "date", today, err);
    return rc ? rc : calendars_load(r->db, r->srv->cfg.data_dir, cal, err);
}

static int reply_list(gm_request *r, const gm_actor *scope, const nf_list_filter *f,
                      gm_err *err)
{
    gm_date today;
    gm_calendar *cal = NULL;
    json_t *rows = NULL;
    int rc = today_and_calendar(r, &today, &cal, err);
    if (!rc)
        rc = national_filings_list(r->db, scope, f, cal, today, &rows, err);
    calendar_free(cal);
    return rc ? rc : reply_json(r, 200, json_pack("{s:o}", "filings", rows));
}

/* The filters both lists take (state, event); the overview also unit_id. */
static const query_param filter_query[] = {
    {"state", QP_ENUM, "open|pending|overdue|filed|filed_late"},
    {"event", QP_ENUM, "open|change|close|cancel"}, {"unit_id", QP_ID, NULL},
    {NULL, 0, NULL}};

static int h_account_list(gm_request *r, gm_err *err)
{
    nf_list_filter f = {.account_id = r->ids[0]};
    int rc = request_query(r, filter_query, err);
    if (!rc && request_arg(r, "unit_id"))
        rc = gm_fail(err, GM_E_INVALID, "unit_id", "单个账号的报送事项不按单位筛选");
    if (!rc)
        rc = request_require_account(r, PERM_ACCOUNT_READ, r->ids[0], err);
    f.state = request_arg(r, "state");
    f.event = request_arg(r, "event");
    return rc ? rc : reply_list(r, NULL, &f, err);
}

static int h_all(gm_request *r, gm_err *err)
{
    const query_param *q = filter_query;
    gm_unit u;
    long long unit_id = 0;
    nf_list_filter f = {0};
    int rc = request_query(r, q, err);
    if (!rc)
        rc = request_arg_int(r, "unit_id", 0, &unit_id, err);
    if (!rc && unit_id) {
        rc = units_get(r->db, unit_id, &u, err);
        if (rc == GM_E_NOTFOUND)
            rc = gm_fail(err, GM_E_INVALID, "unit_id", "单位 %lld 不存在", unit_id);
        if (!rc)
            rc = request_require_loaded_unit(r, PERM_ACCOUNT_READ, &u, err);
        f.unit_path = u.path;
    }
    f.state = request_arg(r, "state");
    f.event = request_arg(r, "event");
    return rc ? rc : reply_list(r, &r->actor, &f, err);
}

static const json_field record_fields[] = {
    {"version", JF_INT, true, 0}, {"filed_on", JF_STRING, true, 10},
    {"reference", JF_STRING, false, 100}, {"note", JF_TEXT, false, 500}, {NULL, 0, 0, 0}};

static int h_record(gm_request *r, gm_err *err)
{
    json_t *b = NULL;
    gm_date today;
    char t[11];
    int rc = request_require_account(r, PERM_ACCOUNT_OPERATE, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, record_fields, &b, err);
    gm_calendar *cal = NULL;
    nf_list_filter f = {.account_id = r->ids[0]};
    clock_today_cst(t);
    if (!rc)
        rc = date_parse(t, "date", &today, err);
    if (!rc)
        rc = calendars_load(r->db, r->srv->cfg.data_dir, &cal, err);
    if (!rc)
        rc = national_filings_record(r->db, &r->actor, r->ids[0], json_int_or(b, "version", 0),
                                     json_str(b, "filed_on"), json_str(b, "reference"),
                                     json_str(b, "note"), cal, today, err);
    calendar_free(cal);
    json_decref(b);
    return rc ? rc : reply_list(r, NULL, &f, err);
}

/* ---- the deadline, a unit's policy setting ---- */

static int reply_policy(gm_request *r, gm_err *err)
{
    json_t *o;
    int rc = nf_policy_json(r->db, r->ids[0], &o, err);
    return rc ? rc : reply_json(r, 200, o);
}

static int h_policy_get(gm_request *r, gm_err *err)
{
    int rc = request_require_unit(r, PERM_ACCOUNT_READ, r->ids[0], err);
    return rc ? rc : reply_policy(r, err);
}

static const json_field policy_fields[] = {
    {"preset", JF_STRING, false, 16}, {"days", JF_INT, false, 0},
    {"working_days", JF_BOOL, false, 0}, {"inherit", JF_BOOL, false, 0}, {NULL, 0, 0, 0}};

static int h_policy_put(gm_request *r, gm_err *err)
{
    json_t *b;
    int rc = request_require_unit(r, PERM_POLICY_ADMIN, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, policy_fields, &b, err);
    if (rc)
        return rc;
    json_t *days = json_object_get(b, "days"), *working = json_object_get(b, "working_days");
    int inherit = json_is_true(json_object_get(b, "inherit"));
    const char *preset = json_str(b, "preset");
    gm_nf_policy custom = {(int)json_int_or(b, "days", 0), working ? json_is_true(working) : 1};
    if (inherit && (preset || days || working))
        rc = gm_fail(err, GM_E_INVALID, "inherit", "沿用上级设置时不能同时填写预设或期限");
    else if (preset && (days || working))
        rc = gm_fail(err, GM_E_INVALID, "preset", "请选择预设,或自定义期限,不能同时填写");
    else if (!inherit && !preset && !days)
        rc = gm_fail(err, GM_E_INVALID, "days", "请选择预设,或填写报送期限天数");
    else if (days && (json_integer_value(days) < 1 || json_integer_value(days) > GM_NF_DAYS_MAX))
        rc = gm_fail(err, GM_E_INVALID, "days", "报送期限应为 1 到 %d 天", GM_NF_DAYS_MAX);
    if (!rc)
        rc = nf_policy_put(r->db, &r->actor, r->ids[0], preset, days ? &custom : NULL, inherit,
                           err);
    json_decref(b);
    return rc ? rc : reply_policy(r, err);
}

const gm_route gm_routes_national_filings[] = {
    {"GET", "/api/v1/accounts/{id}/national-filings", PERM_ACCOUNT_READ, h_account_list, 0,
     "账号需向全国政务新媒体信息报送系统报送的事项(开通、变更、关闭、注销)、期限与报送情况", filter_query},
    {"POST", "/api/v1/accounts/{id}/national-filings", PERM_ACCOUNT_OPERATE, h_record, 4096,
     "登记某事项已向全国系统报送(报送日期、编号)"},
    {"GET", "/api/v1/national-filings", PERM_ACCOUNT_READ, h_all, 0,
     "可见账号的全国系统报送事项(state=open 未报送,overdue 逾期未报送,filed_late 逾期报送;event;unit_id)", filter_query},
    {"GET", "/api/v1/units/{id}/national-filing-policy", PERM_ACCOUNT_READ, h_policy_get, 0,
     "单位的全国系统报送期限(预设:湖北 5 个工作日、东莞 3 日;下级单位沿用)"},
    {"PUT", "/api/v1/units/{id}/national-filing-policy", PERM_POLICY_ADMIN, h_policy_put, 1024,
     "设置单位的全国系统报送期限(预设或天数、是否按工作日;inherit 沿用上级)"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
