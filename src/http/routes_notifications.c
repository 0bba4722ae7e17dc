/*
 * routes_notifications.c - the notification bell (/api/v1/notifications)
 * and a unit's group-robot webhooks (/api/v1/units/{id}/webhooks).
 *
 * Notifications belong to the logged-in user only: another user's id is
 * 404, never 403, so ids do not leak who was notified.  Webhook routes
 * need notify.admin (admin, supervisor) on the unit itself.
 */
#include "http/json_in.h"
#include "http/query.h"
#include "http/route.h"
#include "store/notifications.h"
#include "store/webhooks.h"

#include <string.h>

/* Reads limit (1..max, default dflt) and offset (>= 0) query arguments. */
static int page_args(gm_request *r, long long dflt, long long max, long long *limit,
                     long long *offset, gm_err *err)
{
    int rc = request_arg_int(r, "limit", dflt, limit, err);
    if (!rc && (*limit < 1 || *limit > max))
        rc = gm_fail(err, GM_E_INVALID, "limit", "条数应在 1 到 %lld 之间", max);
    if (!rc)
        rc = request_arg_int(r, "offset", 0, offset, err);
    if (!rc && *offset < 0)
        rc = gm_fail(err, GM_E_INVALID, "offset", "起始位置不能为负数");
    return rc;
}

/* "unread": absent/0/false -> 0, 1/true -> 1, anything else refused. */
static int flag_arg(gm_request *r, const char *name, int *out, gm_err *err)
{
    const char *v = request_arg(r, name);
    *out = 0;
    if (!v || !*v || strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
        return GM_OK;
    if (strcmp(v, "1") == 0 || strcmp(v, "true") == 0) {
        *out = 1;
        return GM_OK;
    }
    return gm_fail(err, GM_E_INVALID, name, "参数 %s 应为 true 或 false", name);
}

static const query_param list_query[] = {
    {"unread", QP_BOOL, NULL}, {"limit", QP_INT, NULL}, {"offset", QP_INT, NULL}, {NULL, 0, NULL}};

static int h_notifications_list(gm_request *r, gm_err *err)
{
    long long limit, offset;
    int unread;
    json_t *out;
    int rc = request_query(r, list_query, err);
    if (!rc)
        rc = page_args(r, 20, 200, &limit, &offset, err);
    if (!rc)
        rc = flag_arg(r, "unread", &unread, err);
    if (!rc)
        rc = notifications_list(r->db, r->actor.user_id, unread, limit, offset, &out, err);
    return rc ? rc : reply_json(r, 200, out);
}

static int h_notification_read(gm_request *r, gm_err *err)
{
    if (json_body_none(r->body, r->body_len, err))
        return err->code;
    int rc = notifications_mark_read(r->db, &r->actor, r->ids[0], err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:I,s:b}", "id", (json_int_t)r->ids[0],
                                                  "read", 1));
}

static int h_notifications_read_all(gm_request *r, gm_err *err)
{
    if (json_body_none(r->body, r->body_len, err))
        return err->code;
    long long n;
    int rc = notifications_mark_all_read(r->db, &r->actor, &n, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:I}", "marked", (json_int_t)n));
}

/* ---- webhooks ---- */

static const json_field hook_add_fields[] = {
    {"kind", JF_STRING, true, 16},     {"name", JF_STRING, true, 100},
    {"url", JF_STRING, true, 1000},    {"secret", JF_STRING, false, 200},
    {"enabled", JF_BOOL, false, 0},    {NULL, 0, 0, 0}};

static const json_field hook_update_fields[] = {
    {"name", JF_STRING, false, 100},   {"url", JF_STRING, false, 1000},
    {"secret", JF_STRING, false, 200}, {"enabled", JF_BOOL, false, 0},
    {NULL, 0, 0, 0}};

static webhook_input hook_input(const json_t *b)
{
    json_t *en = json_object_get(b, "enabled");
    return (webhook_input){.kind = json_str(b, "kind"), .name = json_str(b, "name"),
                           .url = json_str(b, "url"), .secret = json_str(b, "secret"),
                           .enabled = en ? json_is_true(en) : -1};
}

static int reply_hooks(gm_request *r, int status, gm_err *err)
{
    json_t *out;
    int rc = webhooks_list(r->db, r->ids[0], &out, err);
    return rc ? rc : reply_json(r, status, out);
}

static int h_webhooks_list(gm_request *r, gm_err *err)
{
    int rc = request_require_unit(r, PERM_NOTIFY_ADMIN, r->ids[0], err);
    return rc ? rc : reply_hooks(r, 200, err);
}

static int h_webhook_add(gm_request *r, gm_err *err)
{
    json_t *b;
    long long id;
    int rc = request_require_unit(r, PERM_NOTIFY_ADMIN, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, hook_add_fields, &b, err);
    if (rc)
        return rc;
    webhook_input in = hook_input(b);
    rc = webhooks_add(r->db, &r->actor, r->ids[0], &in, &id, err);
    json_decref(b);
    return rc ? rc : reply_hooks(r, 201, err);
}

static int h_webhook_update(gm_request *r, gm_err *err)
{
    json_t *b;
    int rc = request_require_unit(r, PERM_NOTIFY_ADMIN, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, hook_update_fields, &b, err);
    if (rc)
        return rc;
    webhook_input in = hook_input(b);
    rc = webhooks_update(r->db, &r->actor, r->ids[0], r->ids[1], &in, err);
    json_decref(b);
    return rc ? rc : reply_hooks(r, 200, err);
}

static int h_webhook_delete(gm_request *r, gm_err *err)
{
    if (json_body_none(r->body, r->body_len, err))
        return err->code;
    int rc = request_require_unit(r, PERM_NOTIFY_ADMIN, r->ids[0], err);
    if (!rc)
        rc = webhooks_remove(r->db, &r->actor, r->ids[0], r->ids[1], err);
    return rc ? rc : reply_hooks(r, 200, err);
}

static int h_webhook_test(gm_request *r, gm_err *err)
{
    if (json_body_none(r->body, r->body_len, err))
        return err->code;
    int rc = request_require_unit(r, PERM_NOTIFY_ADMIN, r->ids[0], err);
    if (!rc)
        rc = webhooks_test(r->db, &r->actor, r->ids[0], r->ids[1], err);
    return rc ? rc : reply_json(r, 202, json_pack("{s:b}", "queued", 1));
}

static int h_webhook_deliveries(gm_request *r, gm_err *err)
{
    long long limit, offset;
    json_t *out;
    int rc = request_query(r, list_query + 1, err);
    if (!rc)
        rc = request_require_unit(r, PERM_NOTIFY_ADMIN, r->ids[0], err);
    if (!rc)
        rc = page_args(r, 50, 500, &limit, &offset, err);
    if (!rc)
        rc = webhooks_deliveries(r->db, r->ids[0], r->ids[1], limit, &out, err);
    return rc ? rc : reply_json(r, 200, out);
}

const gm_route gm_routes_notifications[] = {
    {"GET", "/api/v1/notifications", PERM_LOGGED_IN, h_notifications_list, 0,
     "我的通知(unread=true 只看未读,limit、offset 分页)", list_query},
    {"POST", "/api/v1/notifications/{id}/read", PERM_LOGGED_IN, h_notification_read, 0,
     "标记一条通知为已读"},
    {"POST", "/api/v1/notifications/read-all", PERM_LOGGED_IN, h_notifications_read_all, 0,
     "全部标记为已读"},
    {"GET", "/api/v1/units/{id}/webhooks", PERM_NOTIFY_ADMIN, h_webhooks_list, 0,
     "单位的群机器人(企业微信/钉钉)及投递统计"},
    {"POST", "/api/v1/units/{id}/webhooks", PERM_NOTIFY_ADMIN, h_webhook_add, 0,
     "添加群机器人"},
    {"PUT", "/api/v1/units/{id}/webhooks/{id}", PERM_NOTIFY_ADMIN, h_webhook_update, 0,
     "修改群机器人(名称、地址、加签密钥、启用)"},
    {"DELETE", "/api/v1/units/{id}/webhooks/{id}", PERM_NOTIFY_ADMIN, h_webhook_delete, 0,
     "删除群机器人(连同投递记录,未发出的消息不再发送)"},
    {"POST", "/api/v1/units/{id}/webhooks/{id}/test", PERM_NOTIFY_ADMIN, h_webhook_test, 0,
     "发送一条测试消息"},
    {"GET", "/api/v1/units/{id}/webhooks/{id}/deliveries", PERM_NOTIFY_ADMIN,
     h_webhook_deliveries, 0, "群机器人最近的投递记录(limit、offset)", list_query + 1},
    {NULL, NULL, 0, NULL, 0, NULL},
};
