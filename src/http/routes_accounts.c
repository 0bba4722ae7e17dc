/*
 * routes_accounts.c - the account registry over HTTP (/api/v1/accounts).
 *
 * Every handler that touches one account loads it first and checks the
 * action's permission on the account's unit (request_require_unit), so a
 * user of another unit gets 403 before anything else is looked at.
 * Lifecycle steps share one handler: the route's last path segment is the
 * action, and the store validates the body and the transition.
 */
#include "http/account_access.h"
#include "http/json_in.h"
#include "http/list_page.h"
#include "http/query.h"
#include "http/reply_memo.h"
#include "http/route.h"
#include "http/server.h"
#include "store/account_query.h"
#include "store/accounts.h"
#include "store/calendars.h"
#include "store/units.h"
#include "util/clock.h"

#include <stdlib.h>
#include <string.h>

/* Every account reply may be asked for the overdue flags as of a day. */
static const query_param as_of_query[] = {{"as_of", QP_DATE, NULL}, {NULL, 0, NULL}};

/* The console asks for the QR image as …/qr?v=<its sha256>, so a new image
 * gets a new URL past the browser's cache; the value is not read. */
static const query_param qr_query[] = {{"v", QP_TEXT, NULL}, {NULL, 0, NULL}};

static const query_param list_query[] = {
    {"unit_id", QP_ID, NULL},  {"platform", QP_TEXT, NULL},
    {"state", QP_TEXT, NULL},  {"overdue", QP_ENUM, "filing|refiling|any"},
    {"as_of", QP_DATE, NULL},  {"filed_late", QP_ENUM, "true|false"},
    LIST_PAGE_QUERY("id|name|unit_name|platform|state|filing_due|refiling_due|created_at|updated_at"),
    {NULL, 0, NULL}};

/* What the console's search box looks in. */
static const char *const list_search_keys[] = {"name", "unit_name", "platform_label",
                                                "state_label", NULL};

/* Replies with a (loaded) account and releases it. */
static int reply_loaded_account(gm_request *r, int status, gm_account *a)
{
    json_t *j = account_to_json(a, request_arg(r, "as_of"));
    accounts_release(a);
    return reply_json(r, status, j);
}

static int reply_account(gm_request *r, int status, long long id, gm_err *err)
{
    gm_account a;
    int rc = accounts_get(r->db, id, &a, err);
    return rc ? rc : reply_loaded_account(r, status, &a);
}

/* Everything an account list reply depends on besides the database: the
 * caller (identity, acting role, grants), the day of the overdue flags and
 * every argument the list reads (reply_memo.h). */
static void list_reply_key(gm_request *r, const char *as_of, json_text *key)
{
    const gm_actor *a = &r->actor;
    jt_raw(key, (const char *)&a->user_id, sizeof a->user_id);
    jt_raw(key, (const char *)&a->unit_id, sizeof a->unit_id);
    jt_raw(key, a->role, strlen(a->role) + 1);
    jt_raw(key, (const char *)&a->n_grants, sizeof a->n_grants);
    for (size_t i = 0; i < a->n_grants && i < GM_MAX_GRANTS; i++) {
        jt_raw(key, (const char *)&a->grants[i].role, sizeof a->grants[i].role);
        jt_raw(key, (const char *)&a->grant_units[i], sizeof a->grant_units[i]);
        jt_raw(key, a->grants[i].unit_path, strlen(a->grants[i].unit_path) + 1);
    }
    jt_raw(key, as_of, strlen(as_of) + 1);
    for (const query_param *p = list_query; p->name; p++) {
        const char *v = request_arg(r, p->name);
        jt_raw(key, v ? "=" : "-", 1);
        if (v)
            jt_raw(key, v, strlen(v) + 1);
    }
}

/* The list as text, written from each account's kept entry text
 * (account_text.h); *body is malloc'd. */
static int list_reply_body(gm_request *r, const account_filter *f, const list_page *page,
                           char **body, size_t *len, gm_err *err)
{
    account_entries es;
    int rc = accounts_list_entries(r->db, &r->actor, f, &es, err);
    if (rc)
        return rc;
    json_text out = {0};
    rc = list_page_write(&out, &es, es.n, account_entry_value, account_entry_write, page,
                         list_search_keys, "accounts");
    account_entries_free(&es);
    *body = rc ? NULL : json_text_take(&out, len);
    if (!*body) {
        json_text_free(&out);
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    }
    return GM_OK;
}

static int h_accounts_list(gm_request *r, gm_err *err)
{
    account_filter f = {.platform = request_arg(r, "platform"), .state = request_arg(r, "state"),
                        .overdue = request_arg(r, "overdue"), .as_of = request_arg(r, "as_of"),
                        .filed_late = request_arg(r, "filed_late")};
    int rc = request_query(r, list_query, err);
    if (!rc)
        rc = request_arg_int(r, "unit_id", 0, &f.unit_id, err);
    if (!rc)
        rc = account_filter_validate(&f, err);
    list_page page;
    if (!rc)
        rc = list_page_read(r, &page, err);
    char today[11];
    if (!f.as_of) {   /* one day for the key and the flags, even across midnight */
        clock_today_cst(today);
        f.as_of = today;
    }
    /* The stamp in the route's one snapshot, before the rows (reply_memo.h). */
    db_stamp stamp;
    if (!rc)
        rc = db_stamp_take(r->db, &stamp, err);
    if (rc)
        return rc;
    json_text key = {0};
    list_reply_key(r, f.as_of, &key);
    char *body;
    size_t len;
    if (!key.bad && key.len && reply_memo_find(&stamp, key.buf, key.len, &body, &len)) {
        json_text_free(&key);
        return reply_json_bytes(r, 200, body, len);
    }
    rc = list_reply_body(r, &f, &page, &body, &len, err);
    if (!rc && !key.bad && key.len)
        reply_memo_keep(&stamp, key.buf, key.len, body, len);
    json_text_free(&key);
    return rc ? rc : reply_json_bytes(r, 200, body, len);
}

int route_one_snapshot(const gm_route *route) { return route->handler == h_accounts_list; }

static const json_field apply_fields[] = {
    {"unit_id", JF_INT, true, 0},        {"name", JF_STRING, false, 64},
    {"platform", JF_STRING, false, 32},  {"host_unit", JF_STRING, false, 100},
    {"date", JF_STRING, false, 10},      {"responsible", JF_OBJECT, false, 0},
    {"admin", JF_OBJECT, false, 0},      {"purpose", JF_TEXT, false, 2000},
    {"exception_reason", JF_TEXT, false, 500}, {NULL, 0, 0, 0}};

/* An exception to the one-per-platform rule is the supervisor's call. */
static int check_exception_right(gm_request *r, const char *exception, const gm_unit *u,
                                 gm_err *err)
{
    if (!exception)
        return GM_OK;
    if (request_require_loaded_unit(r, PERM_ACCOUNT_APPROVE, u, err))
        return gm_fail(err, GM_E_DENIED, "exception_reason",
                       "只有归口管理部门可以登记“一平台一账号”的例外");
    return GM_OK;
}

/* The unit applied for, loaded once for both permission checks. */
static int load_applying_unit(gm_request *r, long long unit, gm_unit *u, gm_err *err)
{
    int rc = units_get(r->db, unit, u, err);
    return rc == GM_E_NOTFOUND ? gm_fail(err, GM_E_INVALID, "unit_id", "单位 %lld 不存在", unit)
                               : rc;
}

static int h_accounts_apply(gm_request *r, gm_err *err)
{
    json_t *b;
    int rc = request_query(r, as_of_query, err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, apply_fields, &b, err);
    if (rc)
        return rc;
    long long unit = json_int_or(b, "unit_id", 0), id = 0;
    /* kept alive past its removal from the form below */
    json_t *exception_j = json_incref(json_object_get(b, "exception_reason"));
    const char *exception = json_string_value(exception_j);
    gm_unit u;
    gm_account stored;
    rc = load_applying_unit(r, unit, &u, err);
    if (!rc)
        rc = check_exception_right(r, exception, &u, err);
    if (!rc)
        rc = request_require_loaded_unit(r, PERM_ACCOUNT_APPLY, &u, err);
    if (!rc) {
        json_object_del(b, "unit_id");
        json_object_del(b, "exception_reason");
        rc = accounts_apply(r->db, &r->actor, unit, b, exception, &id, &stored, err);
    }
    json_decref(exception_j);
    json_decref(b);
    return rc ? rc : reply_loaded_account(r, 201, &stored);
}

static int h_account_get(gm_request *r, gm_err *err)
{
    gm_account a;
    int rc = request_query(r, as_of_query, err);
    if (!rc)
        rc = request_load_account(r, PERM_ACCOUNT_READ, r->ids[0], &a, err);
    if (rc)
        return rc;
    json_t *j = account_to_json(&a, request_arg(r, "as_of"));
    accounts_release(&a);
    return reply_json(r, 200, j);
}

/* The action is the last path segment: /api/v1/accounts/{id}/ACTION. */
static const struct {
    const char *action;
    gm_perm perm;
} action_perms[] = {
    {"approve", PERM_ACCOUNT_APPROVE}, {"reject", PERM_ACCOUNT_APPROVE},
    {"open", PERM_ACCOUNT_OPERATE},    {"certify", PERM_ACCOUNT_OPERATE},
    {"file", PERM_ACCOUNT_OPERATE},    {"changes", PERM_ACCOUNT_OPERATE},
    {"close", PERM_ACCOUNT_CLOSE},     {"merge", PERM_ACCOUNT_CLOSE},
};

static int h_account_act(gm_request *r, gm_err *err)
{
    const char *action = strrchr(r->path, '/') + 1;
    gm_perm perm = PERM_COUNT;
    for (size_t i = 0; i < sizeof action_perms / sizeof action_perms[0]; i++)
        if (strcmp(action_perms[i].action, action) == 0)
            perm = action_perms[i].perm;
    gm_account a;
    int rc = perm == PERM_COUNT ? gm_fail(err, GM_E_NOTFOUND, NULL, "没有这个账号操作")
                                : request_query(r, as_of_query, err);
    if (!rc)
        rc = request_load_account(r, perm, r->ids[0], &a, err);
    if (rc)
        return rc;
    long long unit = a.unit_id;
    accounts_release(&a);
    json_t *in = NULL;
    if (r->body_len && (rc = json_body_load(r->body, r->body_len, &in, err)) != GM_OK)
        return rc;
    /* merging also needs the right over the absorbing account's unit */
    gm_account t;
    json_t *into = json_object_get(in, "into");
    if (strcmp(action, "merge") == 0 && json_is_integer(into) &&
        accounts_get(r->db, json_integer_value(into), &t, NULL) == GM_OK) {
        rc = request_require_unit(r, PERM_ACCOUNT_READ, t.unit_id, err);
        accounts_release(&t);
    }
    gm_calendar *cal = NULL;
    if (!rc && strcmp(action, "changes") == 0)
        rc = calendars_load(r->db, r->srv->cfg.data_dir, &cal, err);
    if (!rc)
        rc = request_require_unit(r, perm, unit, err); /* the acting role for the audit row */
    if (!rc)
        rc = accounts_act(r->db, &r->actor, cal, r->ids[0],
                          strcmp(action, "changes") == 0 ? "change" : action, in, err);
    calendar_free(cal);
    json_decref(in);
    return rc ? rc : reply_account(r, 200, r->ids[0], err);
}

static int h_account_put_qr(gm_request *r, gm_err *err)
{
    int rc = request_query(r, as_of_query, err);
    if (!rc)
        rc = request_require_account(r, PERM_ACCOUNT_OPERATE, r->ids[0], err);
    if (rc)
        return rc;
    rc = accounts_put_qr(r->db, &r->actor, r->ids[0], r->body, r->body_len, err);
    return rc ? rc : reply_account(r, 200, r->ids[0], err);
}

static int h_account_get_qr(gm_request *r, gm_err *err)
{
    char mime[32];
    void *data;
    size_t len;
    int rc = request_require_account(r, PERM_ACCOUNT_READ, r->ids[0], err);
    if (rc)
        return rc;
    if ((rc = accounts_get_qr(r->db, r->ids[0], mime, &data, &len, err)) != GM_OK)
        return rc;
    reply_bytes(r, 200, strcmp(mime, "image/png") == 0 ? "image/png" : "image/jpeg", data, len);
    return GM_OK;
}

static int h_account_versions(gm_request *r, gm_err *err)
{
    json_t *arr;
    int rc = request_require_account(r, PERM_ACCOUNT_READ, r->ids[0], err);
    if (rc)
        return rc;
    rc = accounts_versions(r->db, r->ids[0], &arr, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:o}", "versions", arr));
}

static int h_account_timeline(gm_request *r, gm_err *err)
{
    json_t *events, *versions;
    int rc = request_require_account(r, PERM_ACCOUNT_READ, r->ids[0], err);
    if (rc)
        return rc;
    rc = accounts_timeline(r->db, r->ids[0], &events, err);
    if (rc)
        return rc;
    if ((rc = accounts_versions(r->db, r->ids[0], &versions, err)) != GM_OK) {
        json_decref(events);
        return rc;
    }
    return reply_json(r, 200, json_pack("{s:o,s:o}", "events", events, "versions", versions));
}

static int h_account_can_post(gm_request *r, gm_err *err)
{
    int rc = request_require_account(r, PERM_ACCOUNT_READ, r->ids[0], err);
    if (rc)
        return rc;
    rc = accounts_can_receive_posts(r->db, r->ids[0], err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:b}", "can_receive_posts", 1));
}

#define QR_ROUTE_MAX (GM_QR_MAX_BYTES)

const gm_route gm_routes_accounts[] = {
    {"GET", "/api/v1/accounts", PERM_ACCOUNT_READ, h_accounts_list, 0,
     "账号列表(unit_id 含下级、platform、state、overdue=filing|refiling|any、filed_late、as_of)", list_query},
    {"POST", "/api/v1/accounts", PERM_ACCOUNT_APPLY, h_accounts_apply, 0,
     "申请开设账号(《新媒体建设申请表》)", as_of_query},
    {"GET", "/api/v1/accounts/{id}", PERM_ACCOUNT_READ, h_account_get, 0, "账号详情", as_of_query},
    {"POST", "/api/v1/accounts/{id}/approve", PERM_ACCOUNT_APPROVE, h_account_act, 0, "批准申请", as_of_query},
    {"POST", "/api/v1/accounts/{id}/reject", PERM_ACCOUNT_APPROVE, h_account_act, 0,
     "驳回申请(须填原因)", as_of_query},
    {"POST", "/api/v1/accounts/{id}/open", PERM_ACCOUNT_OPERATE, h_account_act, 0,
     "登记开通(平台账号 ID、开通日期)", as_of_query},
    {"POST", "/api/v1/accounts/{id}/certify", PERM_ACCOUNT_OPERATE, h_account_act, 0, "登记认证", as_of_query},
    {"PUT", "/api/v1/accounts/{id}/qr", PERM_ACCOUNT_OPERATE, h_account_put_qr, QR_ROUTE_MAX,
     "上传二维码图片(PNG/JPEG,原始字节,≤2MB)", as_of_query},
    {"GET", "/api/v1/accounts/{id}/qr", PERM_ACCOUNT_READ, h_account_get_qr, 0, "二维码图片", qr_query},
    {"POST", "/api/v1/accounts/{id}/file", PERM_ACCOUNT_OPERATE, h_account_act, 0,
     "备案(《备案登记表》)", as_of_query},
    {"POST", "/api/v1/accounts/{id}/changes", PERM_ACCOUNT_OPERATE, h_account_act, 0,
     "负责人或管理员变更(5 个工作日内重新备案)", as_of_query},
    {"POST", "/api/v1/accounts/{id}/close", PERM_ACCOUNT_CLOSE, h_account_act, 0,
     "注销账号(须填原因和日期)", as_of_query},
    {"POST", "/api/v1/accounts/{id}/merge", PERM_ACCOUNT_CLOSE, h_account_act, 0,
     "合并到另一账号(记录迁移内容)", as_of_query},
    {"GET", "/api/v1/accounts/{id}/versions", PERM_ACCOUNT_READ, h_account_versions, 0,
     "账号记录的全部版本"},
    {"GET", "/api/v1/accounts/{id}/timeline", PERM_ACCOUNT_READ, h_account_timeline, 0,
     "账号时间线(审计记录与版本)"},
    {"GET", "/api/v1/accounts/{id}/can-post", PERM_ACCOUNT_READ, h_account_can_post, 0,
     "账号能否接收发布(已注销/合并的账号不能)"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
