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
#include "store/national_filings.h"
#include "util/clock.h"

/* Today (China) and the working calendar, for due days and states. */
static int today_and_calendar(gm_request *r, gm_date *today, gm_calendar **cal, gm_err *err)
{
    char t[11];
    clock_today_cst(t);
    int rc = date_parse(t, "date", today, err);
    return rc ? rc : calendars_load(r->db, r->srv->cfg.data_dir, cal, err);
}

static int reply_list(gm_request *r, const gm_actor *scope, long long account, const char *state,
                      gm_err *err)
{
    gm_date today;
    gm_calendar *cal = NULL;
    json_t *rows = NULL;
    int rc = today_and_calendar(r, &today, &cal, err);
    if (!rc)
        rc = national_filings_list(r->db, scope, account, cal, today, state, &rows, err);
    calendar_free(cal);
    return rc ? rc : reply_json(r, 200, json_pack("{s:o}", "filings", rows));
}

static int h_account_list(gm_request *r, gm_err *err)
{
    int rc = request_require_account(r, PERM_ACCOUNT_READ, r->ids[0], err);
    return rc ? rc : reply_list(r, NULL, r->ids[0], NULL, err);
}

static int h_all(gm_request *r, gm_err *err)
{
    static const query_param q[] = {{"state", QP_ENUM, "open|overdue"}, {NULL, 0, NULL}};
    int rc = request_query(r, q, err);
    return rc ? rc : reply_list(r, &r->actor, 0, request_arg(r, "state"), err);
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
    clock_today_cst(t);
    if (!rc)
        rc = date_parse(t, "date", &today, err);
    if (!rc)
        rc = national_filings_record(r->db, &r->actor, r->ids[0], json_int_or(b, "version", 0),
                                     json_str(b, "filed_on"), json_str(b, "reference"),
                                     json_str(b, "note"), today, err);
    json_decref(b);
    return rc ? rc : reply_list(r, NULL, r->ids[0], NULL, err);
}

const gm_route gm_routes_national_filings[] = {
    {"GET", "/api/v1/accounts/{id}/national-filings", PERM_ACCOUNT_READ, h_account_list, 0,
     "账号需向全国政务新媒体信息报送系统报送的事项(开通、变更、关闭、注销)、期限与报送情况"},
    {"POST", "/api/v1/accounts/{id}/national-filings", PERM_ACCOUNT_OPERATE, h_record, 4096,
     "登记某事项已向全国系统报送(报送日期、编号)"},
    {"GET", "/api/v1/national-filings", PERM_ACCOUNT_READ, h_all, 0,
     "可见账号的全国系统报送事项(state=open 未报送,overdue 逾期未报送)"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
