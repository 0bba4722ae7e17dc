/*
 * routes_messages.c - public messages over HTTP (/api/v1/messages): log,
 * list (overdue, due today), detail, assign, acknowledge, answer, extend,
 * hide, the overdue escalation run, and the import of an account's export
 * (/api/v1/accounts/{id}/messages/import).  Policies, routing rules,
 * mappings and figures are in routes_message_admin.c.
 */
#include "http/account_access.h"
#include "http/json_in.h"
#include "http/message_access.h"
#include "http/query.h"
#include "http/route.h"
#include "store/accounts.h"
#include "store/message_import.h"
#include "store/messages.h"

#include <stdlib.h>
#include <string.h>

static int reply_message(gm_request *r, int status, long long id, gm_err *err)
{
    json_t *j;
    int rc = messages_detail(r->db, id, request_now(), &j, err);
    return rc ? rc : reply_json(r, status, j);
}

static const query_param list_query[] = {
    {"account_id", QP_ID, NULL}, {"unit_id", QP_ID, NULL},
    {"state", QP_ENUM, "received|assigned|acknowledged|answered|hidden"},
    {"kind", QP_TEXT, NULL}, {"channel", QP_TEXT, NULL}, {"q", QP_TEXT, NULL},
    {"late", QP_ENUM, "first_response|answer|any"}, {"overdue", QP_ENUM, "1"},
    {"due", QP_ENUM, "today"}, {"as_of", QP_DATE, NULL}, {"limit", QP_ID, NULL},
    {"offset", QP_INT, NULL}, {NULL, 0, NULL}};

static int h_messages_list(gm_request *r, gm_err *err)
{
    message_filter f;
    json_t *out;
    int rc = request_query(r, list_query, err);
    message_filter_args a = {
        .account_id = request_arg(r, "account_id"), .unit_id = request_arg(r, "unit_id"),
        .state = request_arg(r, "state"), .kind = request_arg(r, "kind"),
        .channel = request_arg(r, "channel"), .q = request_arg(r, "q"),
        .late = request_arg(r, "late"), .overdue = request_arg(r, "overdue"),
        .due = request_arg(r, "due"), .as_of = request_arg(r, "as_of"),
        .limit = request_arg(r, "limit"), .offset = request_arg(r, "offset")};
    if (!rc)
        rc = message_filter_parse(&f, &a, request_now(), err);
    if (!rc)
        rc = messages_list(r->db, &r->actor, &f, &out, err);
    return rc ? rc : reply_json(r, 200, out);
}

static const json_field log_fields[] = {
    {"account_id", JF_INT, true, 0},      {"kind", JF_STRING, false, 20},
    {"channel", JF_STRING, false, 20},    {"text", JF_TEXT, true, GM_MESSAGE_TEXT_MAX},
    {"from", JF_STRING, false, 100},      {"received_at", JF_STRING, true, 40},
    {"external_id", JF_STRING, false, 200}, {NULL, 0, 0, 0}};

static int h_messages_log(gm_request *r, gm_err *err)
{
    json_t *b;
    gm_calendar *cal = NULL;
    long long id = 0;
    int rc = json_body_parse(r->body, r->body_len, log_fields, &b, err);
    if (rc)
        return rc;
    gm_message_in in = {json_int_or(b, "account_id", 0), json_str(b, "kind"), json_str(b, "channel"),
                        json_str(b, "text"), json_str(b, "from"), json_str(b, "received_at"),
                        json_str(b, "external_id")};
    rc = request_require_account(r, PERM_MESSAGE_HANDLE, in.account_id, err);
    if (rc == GM_E_NOTFOUND)
        rc = gm_fail(err, GM_E_INVALID, "account_id", "账号 %lld 不存在", in.account_id);
    if (!rc)
        rc = request_calendar(r, &cal, err);
    if (!rc)
        rc = messages_log(r->db, &r->actor, cal, &in, request_now(), &id, err);
    calendar_free(cal);
    json_decref(b);
    return rc ? rc : reply_message(r, 201, id, err);
}

static int h_message_get(gm_request *r, gm_err *err)
{
    gm_message m;
    int rc = request_require_message(r, PERM_MESSAGE_READ, r->ids[0], &m, err);
    return rc ? rc : reply_message(r, 200, m.id, err);
}

static const json_field assign_fields[] = {{"unit_id", JF_INT, true, 0}, {NULL, 0, 0, 0}};

static int h_message_assign(gm_request *r, gm_err *err)
{
    gm_message m;
    json_t *b;
    int rc = request_require_message(r, PERM_MESSAGE_ADMIN, r->ids[0], &m, err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, assign_fields, &b, err);
    if (rc)
        return rc;
    long long unit = json_int_or(b, "unit_id", 0);
    json_decref(b);
    rc = request_require_body_unit(r, PERM_MESSAGE_READ, unit, err);
    if (!rc)
        rc = request_require_message(r, PERM_MESSAGE_ADMIN, r->ids[0], &m, err);
    if (!rc)
        rc = messages_assign(r->db, &r->actor, m.id, unit, err);
    return rc ? rc : reply_message(r, 200, m.id, err);
}

static const json_field ack_fields[] = {{"text", JF_TEXT, true, 2000},
                                        {"promised_at", JF_STRING, false, 40},
                                        {"at", JF_STRING, false, 40}, {NULL, 0, 0, 0}};
static const json_field answer_fields[] = {{"text", JF_TEXT, true, GM_MESSAGE_TEXT_MAX},
                                           {"result", JF_STRING, false, 20},
                                           {"at", JF_STRING, false, 40}, {NULL, 0, 0, 0}};

/* ack and answer: the last path segment says which. */
static int h_message_reply(gm_request *r, gm_err *err)
{
    int answer = strcmp(strrchr(r->path, '/') + 1, "answer") == 0;
    gm_message m;
    gm_calendar *cal = NULL;
    json_t *b;
    gm_instant at = 0;
    int rc = request_require_message(r, PERM_MESSAGE_HANDLE, r->ids[0], &m, err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, answer ? answer_fields : ack_fields, &b, err);
    if (rc)
        return rc;
    rc = request_time_field(b, "at", &at, err);
    if (!rc)
        rc = request_calendar(r, &cal, err);
    if (!rc && answer)
        rc = messages_answer(r->db, &r->actor, cal, m.id, json_str(b, "text"), json_str(b, "result"),
                             at, request_now(), err);
    else if (!rc)
        rc = messages_ack(r->db, &r->actor, cal, m.id, json_str(b, "text"),
                          json_str(b, "promised_at"), at, request_now(), err);
    calendar_free(cal);
    json_decref(b);
    return rc ? rc : reply_message(r, 200, m.id, err);
}

static const json_field extend_fields[] = {{"until", JF_STRING, false, 40},
                                           {"reason", JF_TEXT, false, 500},
                                           {"at", JF_STRING, false, 40}, {NULL, 0, 0, 0}};
static const json_field hide_fields[] = {{"reason", JF_TEXT, false, 500}, {NULL, 0, 0, 0}};

/* extend and hide: moderation steps, each needing a reason. */
static int h_message_moderate(gm_request *r, gm_err *err)
{
    int hide = strcmp(strrchr(r->path, '/') + 1, "hide") == 0;
    gm_message m;
    json_t *b;
    int rc = request_require_message(r, PERM_MESSAGE_MODERATE, r->ids[0], &m, err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, hide ? hide_fields : extend_fields, &b, err);
    if (rc)
        return rc;
    gm_instant at = 0;
    if (!hide)
        rc = request_time_field(b, "at", &at, err);
    if (!rc)
        rc = hide ? messages_hide(r->db, &r->actor, m.id, json_str(b, "reason"), err)
                  : messages_extend(r->db, &r->actor, m.id, json_str(b, "until"),
                                    json_str(b, "reason"), at, request_now(), err);
    json_decref(b);
    return rc ? rc : reply_message(r, 200, m.id, err);
}

static int h_messages_escalate(gm_request *r, gm_err *err)
{
    json_t *list;
    gm_instant at = 0;
    int rc = request_escalation_time(r, &at, err);
    if (!rc)
        rc = messages_escalate(r->db, &r->actor, at, &list, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:o}", "escalated", list));
}

static int h_account_messages_import(gm_request *r, gm_err *err)
{
    gm_calendar *cal = NULL;
    json_t *out;
    int rc = request_require_account(r, PERM_MESSAGE_HANDLE, r->ids[0], err);
    if (!rc)
        rc = request_calendar(r, &cal, err);
    if (!rc)
        rc = messages_import(r->db, &r->actor, cal, r->ids[0], r->body ? r->body : "", r->body_len,
                             request_now(), &out, err);
    calendar_free(cal);
    return rc ? rc : reply_json(r, 201, out);
}

const gm_route gm_routes_messages[] = {
    {"GET", "/api/v1/messages", PERM_MESSAGE_READ, h_messages_list, 0,
     "留言列表(account_id、unit_id 含下级、state、kind、channel、q 搜索内容和留言人、late 首次回应或答复超期、overdue=1、due=today、as_of、limit、offset)", list_query},
    {"POST", "/api/v1/messages", PERM_MESSAGE_HANDLE, h_messages_log, 0, "手工登记留言/评论/私信"},
    {"GET", "/api/v1/messages/{id}", PERM_MESSAGE_READ, h_message_get, 0, "留言详情及办理记录"},
    {"POST", "/api/v1/messages/{id}/assign", PERM_MESSAGE_ADMIN, h_message_assign, 0,
     "分派给责任部门"},
    {"POST", "/api/v1/messages/{id}/ack", PERM_MESSAGE_HANDLE, h_message_reply, 0,
     "受理(首次回应,可承诺答复期限)"},
    {"POST", "/api/v1/messages/{id}/answer", PERM_MESSAGE_HANDLE, h_message_reply, 0,
     "答复办结(含办理结果)"},
    {"POST", "/api/v1/messages/{id}/extend", PERM_MESSAGE_MODERATE, h_message_moderate, 0,
     "延期答复(须填原因,须在期限届满前批准,不超过政策上限)"},
    {"POST", "/api/v1/messages/{id}/hide", PERM_MESSAGE_MODERATE, h_message_moderate, 0,
     "屏蔽恶意评论(须填原因,不删除)"},
    {"POST", "/api/v1/messages/escalate", PERM_MESSAGE_ADMIN, h_messages_escalate, 0,
     "超期督办:标记超期留言并通知责任部门"},
    {"POST", "/api/v1/accounts/{id}/messages/import", PERM_MESSAGE_HANDLE, h_account_messages_import,
     GM_IMPORT_MAX_BYTES, "导入平台导出的留言(CSV 或 xlsx,原始字节)"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
