/*
 * webhooks.c - group-robot configuration and the outbox rows (see
 * webhooks.h).  Invariant: a message leaves "pending" only through
 * outbox_mark_sent / outbox_mark_attempt_failed, and a lease keeps a
 * second delivering process off a message being sent.
 */
#include "store/webhooks.h"
#include "store/audit.h"
#include "store/db_rows.h"
#include "store/notify.h"
#include "util/clock.h"
#include "util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int url_check(const char *url, gm_err *err)
{
    int rc = text_require(url, "url", 10, 1000, err);
    if (rc)
        return rc;
    if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
        return gm_fail(err, GM_E_INVALID, "url", "机器人地址应以 https:// 或 http:// 开头");
    for (const char *p = url; *p; p++)
        if (*p == ' ')
            return gm_fail(err, GM_E_INVALID, "url", "机器人地址不能含空格");
    return GM_OK;
}

static int input_check(const webhook_input *in, const char *kind, gm_err *err)
{
    int rc = GM_OK;
    if (in->name)
        rc = text_require(in->name, "name", 1, 100, err);
    if (!rc && in->url)
        rc = url_check(in->url, err);
    if (!rc && in->secret && *in->secret) {
        rc = text_require(in->secret, "secret", 1, 200, err);
        if (!rc && strcmp(kind, "dingtalk") != 0)
            rc = gm_fail(err, GM_E_INVALID, "secret", "只有钉钉机器人使用加签密钥");
    }
    if (!rc && in->enabled != 0 && in->enabled != 1 && in->enabled != -1)
        rc = gm_fail(err, GM_E_INVALID, "enabled", "启用应为是或否");
    return rc;
}

static json_t *hook_summary(const char *kind, const char *name, int enabled)
{
    return json_pack("{s:s,s:s,s:b}", "kind", kind, "name", name, "enabled", enabled);
}

static int add_in_tx(db *d, const gm_actor *who, long long unit_id, const webhook_input *in,
                     long long *id_out, gm_err *err)
{
    if (!notice_webhook_kind_known(in->kind))
        return gm_fail(err, GM_E_INVALID, "kind", "类型应为企业微信或钉钉");
    if (!in->name || !in->url)
        return gm_fail(err, GM_E_INVALID, in->name ? "url" : "name", "缺少字段:%s",
                       in->name ? "地址" : "名称");
    int rc = input_check(in, in->kind, err);
    if (rc)
        return rc;
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int enabled = in->enabled == 0 ? 0 : 1;
    rc = db_query_int(d, id_out, err,
                      "INSERT INTO unit_webhooks(unit_id,kind,name,url,secret,enabled,created_at,"
                      "updated_at) VALUES(?,?,?,?,?,?,?,?) RETURNING id",
                      "ittttitt", unit_id, in->kind, in->name, in->url,
                      in->secret && *in->secret ? in->secret : NULL, (long long)enabled, now, now);
    if (!rc)
        rc = audit_append_json(d, who, "webhook.add", "webhook", *id_out, NULL,
                               hook_summary(in->kind, in->name, enabled), err);
    return rc;
}

int webhooks_add(db *d, const gm_actor *who, long long unit_id, const webhook_input *in,
                 long long *id_out, gm_err *err)
{
    int rc = db_begin(d, err);
    if (!rc)
        rc = add_in_tx(d, who, unit_id, in, id_out, err);
    return db_end(d, rc, err);
}

typedef struct hook_row {
    char kind[16], name[404];
    int enabled;
} hook_row;

static int hook_load(db *d, long long unit_id, long long hook_id, hook_row *h, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT kind,name,enabled FROM unit_webhooks WHERE id=? AND unit_id=?", "ii",
                      hook_id, unit_id);
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 1) {
        snprintf(h->kind, sizeof h->kind, "%s", db_text(q, 0));
        snprintf(h->name, sizeof h->name, "%s", db_text(q, 1));
        h->enabled = (int)db_int(q, 2);
        rc = GM_OK;
    } else if (rc == 0) {
        rc = gm_fail(err, GM_E_NOTFOUND, "id", "该单位没有编号为 %lld 的机器人", hook_id);
    }
    db_done(q);
    return rc;
}

static int update_in_tx(db *d, const gm_actor *who, long long unit_id, long long hook_id,
                        const webhook_input *in, gm_err *err)
{
    hook_row h;
    int rc = hook_load(d, unit_id, hook_id, &h, err);
    if (!rc)
        rc = input_check(in, h.kind, err);
    if (rc)
        return rc;
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int enabled = in->enabled < 0 ? h.enabled : in->enabled;
    const char *secret = in->secret && *in->secret ? in->secret : NULL;
    rc = db_exec(d, err,
                 "UPDATE unit_webhooks SET name=COALESCE(?,name),url=COALESCE(?,url),"
                 "secret=CASE WHEN ?=1 THEN ? ELSE secret END,enabled=?,updated_at=? WHERE id=?",
                 "ttititi", in->name, in->url, (long long)(in->secret != NULL), secret,
                 (long long)enabled, now, hook_id);
    if (!rc) {
        json_t *after = hook_summary(h.kind, in->name ? in->name : h.name, enabled);
        json_object_set_new(after, "url_changed", json_boolean(in->url != NULL));
        json_object_set_new(after, "secret_changed", json_boolean(in->secret != NULL));
        rc = audit_append_json(d, who, "webhook.update", "webhook", hook_id,
                               hook_summary(h.kind, h.name, h.enabled), after, err);
    }
    return rc;
}

int webhooks_update(db *d, const gm_actor *who, long long unit_id, long long hook_id,
                    const webhook_input *in, gm_err *err)
{
    if (!in->name && !in->url && !in->secret && in->enabled < 0)
        return gm_fail(err, GM_E_INVALID, "name",
                       "没有要修改的内容:请填写名称、地址、加签密钥或启用状态中的至少一项");
    int rc = db_begin(d, err);
    if (!rc)
        rc = update_in_tx(d, who, unit_id, hook_id, in, err);
    return db_end(d, rc, err);
}

/* The robot and its deliveries go; the audit row keeps what it was and how
 * many messages were still waiting (they will not be sent). */
static int remove_in_tx(db *d, const gm_actor *who, long long unit_id, long long hook_id,
                        gm_err *err)
{
    hook_row h;
    long long pending = 0, total = 0;
    int rc = hook_load(d, unit_id, hook_id, &h, err);
    if (!rc)
        rc = db_query_int(d, &pending, err,
                          "SELECT COUNT(*) FROM webhook_outbox WHERE webhook_id=? AND "
                          "state='pending'", "i", hook_id);
    if (!rc)
        rc = db_query_int(d, &total, err, "SELECT COUNT(*) FROM webhook_outbox WHERE webhook_id=?",
                          "i", hook_id);
    if (!rc)
        rc = db_exec(d, err, "DELETE FROM webhook_outbox WHERE webhook_id=?", "i", hook_id);
    if (!rc)
        rc = db_exec(d, err, "DELETE FROM unit_webhooks WHERE id=?", "i", hook_id);
    if (!rc) {
        json_t *before = hook_summary(h.kind, h.name, h.enabled);
        json_object_set_new(before, "deliveries", json_integer(total));
        json_object_set_new(before, "pending_dropped", json_integer(pending));
        rc = audit_append_json(d, who, "webhook.delete", "webhook", hook_id, before, NULL, err);
    }
    return rc;
}

int webhooks_remove(db *d, const gm_actor *who, long long unit_id, long long hook_id, gm_err *err)
{
    int rc = db_begin(d, err);
    if (!rc)
        rc = remove_in_tx(d, who, unit_id, hook_id, err);
    return db_end(d, rc, err);
}

/* "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****1a2b": the key stays secret. */
static json_t *masked_url(const char *url)
{
    const char *q = strchr(url, '?');
    size_t head = q ? (size_t)(q - url) + 1 : strlen(url), n = strlen(url);
    if (!q && n > 12)
        head = n - 4 > 40 ? 40 : n - 4;
    char buf[1100];
    snprintf(buf, sizeof buf, "%.*s****%s", (int)head, url, n - head >= 16 ? url + n - 4 : "");
    return json_string(buf);
}

static json_t *hook_json(db_stmt *q)
{
    return json_pack("{s:I,s:I,s:s,s:s,s:o,s:b,s:b,s:I,s:I,s:I,s:o,s:s,s:s}", "id",
                     (json_int_t)db_int(q, 0), "unit_id", (json_int_t)db_int(q, 1), "kind",
                     db_text(q, 2), "name", db_text(q, 3), "url_masked", masked_url(db_text(q, 4)),
                     "has_secret", !db_is_null(q, 5), "enabled", (int)db_int(q, 6), "pending",
                     (json_int_t)db_int(q, 7), "sent", (json_int_t)db_int(q, 8), "failed",
                     (json_int_t)db_int(q, 9), "last_error",
                     db_is_null(q, 10) ? json_null() : json_string(db_text(q, 10)), "created_at",
                     db_text(q, 11), "updated_at", db_text(q, 12));
}

int webhooks_list(db *d, long long unit_id, json_t **out, gm_err *err)
{
    json_t *arr;
    int rc = db_rows_json(
        d, &arr, hook_json, err,
        "SELECT h.id,h.unit_id,h.kind,h.name,h.url,h.secret,h.enabled,"
        "(SELECT COUNT(*) FROM webhook_outbox o WHERE o.webhook_id=h.id AND o.state='pending'),"
        "(SELECT COUNT(*) FROM webhook_outbox o WHERE o.webhook_id=h.id AND o.state='sent'),"
        "(SELECT COUNT(*) FROM webhook_outbox o WHERE o.webhook_id=h.id AND o.state='failed'),"
        "(SELECT o.last_error FROM webhook_outbox o WHERE o.webhook_id=h.id AND "
        "o.last_error IS NOT NULL ORDER BY o.id DESC LIMIT 1),h.created_at,h.updated_at "
        "FROM unit_webhooks h WHERE h.unit_id=? ORDER BY h.id",
        "i", unit_id);
    if (!rc)
        *out = json_pack("{s:o}", "webhooks", arr);
    return rc;
}

static int test_in_tx(db *d, const gm_actor *who, long long unit_id, long long hook_id,
                      gm_err *err)
{
    hook_row h;
    int rc = hook_load(d, unit_id, hook_id, &h, err);
    if (rc)
        return rc;
    if (!h.enabled)
        return gm_fail(err, GM_E_CONFLICT, "enabled", "机器人已停用,启用后再测试");
    long long seq = 0;
    rc = db_query_int(d, &seq, err, "SELECT COUNT(*) FROM webhook_outbox WHERE webhook_id=?", "i",
                      hook_id);
    if (rc)
        return rc;
    char body[512];
    snprintf(body, sizeof body, "收到此消息说明群机器人“%.60s”配置正确(第 %lld 条消息)。", h.name,
             seq + 1);
    gm_notice n = {.kind = "webhook.test", .title = "机器人测试消息", .body = body, .link = ""};
    json_t *p = notice_robot_payload(h.kind, &n);
    char *text = p ? json_dumps(p, JSON_COMPACT) : NULL, now[GM_ISO_LEN];
    json_decref(p);
    if (!text)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    clock_iso_from_now(now, 0);
    rc = db_exec(d, err,
                 "INSERT INTO webhook_outbox(webhook_id,payload,state,attempts,next_attempt_at,"
                 "created_at) VALUES(?,?,'pending',0,?,?)",
                 "ittt", hook_id, text, now, now);
    free(text);
    if (!rc)
        rc = audit_append_json(d, who, "webhook.test", "webhook", hook_id, NULL, NULL, err);
    return rc;
}

int webhooks_test(db *d, const gm_actor *who, long long unit_id, long long hook_id, gm_err *err)
{
    int rc = db_begin(d, err);
    if (!rc)
        rc = test_in_tx(d, who, unit_id, hook_id, err);
    return db_end(d, rc, err);
}

/* govmedia-<id>-<queued at without punctuation>: the outbox id alone could
 * repeat after a database is restored from an older backup. */
static void delivery_key(long long id, const char *created_at, char *out, size_t cap)
{
    char stamp[24];
    size_t n = 0;
    for (const char *c = created_at; *c && n + 1 < sizeof stamp; c++)
        if ((*c >= '0' && *c <= '9') || *c == 'T' || *c == 'Z')
            stamp[n++] = *c;
    stamp[n] = '\0';
    snprintf(out, cap, "govmedia-%lld-%s", id, stamp);
}

static json_t *delivery_json(db_stmt *q)
{
    char key[64];
    delivery_key(db_int(q, 0), db_text(q, 5), key, sizeof key);
    return json_pack("{s:I,s:s,s:s,s:I,s:s,s:o,s:s,s:o}", "id", (json_int_t)db_int(q, 0),
                     "idempotency_key", key, "state", db_text(q, 1), "attempts",
                     (json_int_t)db_int(q, 2), "next_attempt_at", db_text(q, 3), "last_error",
                     db_is_null(q, 4) ? json_null() : json_string(db_text(q, 4)), "created_at",
                     db_text(q, 5), "sent_at",
                     db_is_null(q, 6) ? json_null() : json_string(db_text(q, 6)));
}

int webhooks_deliveries(db *d, long long unit_id, long long hook_id, long long limit,
                        json_t **out, gm_err *err)
{
    hook_row h;
    json_t *arr;
    int rc = hook_load(d, unit_id, hook_id, &h, err);
    if (!rc)
        rc = db_rows_json(d, &arr, delivery_json, err,
                          "SELECT id,state,attempts,next_attempt_at,last_error,created_at,sent_at "
                          "FROM webhook_outbox WHERE webhook_id=? ORDER BY id DESC LIMIT ?",
                          "ii", hook_id, limit);
    if (!rc)
        *out = json_pack("{s:o}", "deliveries", arr);
    return rc;
}

/* ---- outbox ---- */

void outbox_msg_free(outbox_msg *m)
{
    free(m->url);
    free(m->secret);
    free(m->payload);
    m->url = m->secret = m->payload = NULL;
}

static int claim_in_tx(db *d, long lease_seconds, outbox_msg *m, gm_err *err)
{
    char now[GM_ISO_LEN], until[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    clock_iso_from_now(until, lease_seconds);
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT o.id,o.attempts,h.kind,h.url,h.secret,o.payload,o.created_at FROM webhook_outbox o "
                      "JOIN unit_webhooks h ON h.id=o.webhook_id WHERE o.state='pending' AND "
                      "o.next_attempt_at<=? AND (o.lease_until IS NULL OR o.lease_until<=?) "
                      "ORDER BY o.next_attempt_at,o.id LIMIT 1",
                      "tt", now, now);
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 1) {
        m->id = db_int(q, 0);
        m->attempts = (int)db_int(q, 1);
        snprintf(m->kind, sizeof m->kind, "%s", db_text(q, 2));
        m->url = strdup(db_text(q, 3));
        m->secret = db_is_null(q, 4) ? NULL : strdup(db_text(q, 4));
        m->payload = strdup(db_text(q, 5));
        delivery_key(m->id, db_text(q, 6), m->key, sizeof m->key);
        if (!m->url || !m->payload)
            rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    }
    db_done(q);
    if (rc == 1 &&
        (rc = db_exec(d, err, "UPDATE webhook_outbox SET lease_until=? WHERE id=?", "ti", until,
                      m->id)) == GM_OK)
        rc = 1;
    return rc;
}

int outbox_claim_due(db *d, long lease_seconds, outbox_msg *m, gm_err *err)
{
    memset(m, 0, sizeof *m);
    int rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = claim_in_tx(d, lease_seconds, m, err);
    int end = db_end(d, rc < 0 ? rc : GM_OK, err);
    if (rc <= 0 || end)
        outbox_msg_free(m);
    return end ? end : rc;
}

int outbox_mark_sent(db *d, long long id, gm_err *err)
{
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_exec(d, err,
                     "UPDATE webhook_outbox SET state='sent',attempts=attempts+1,sent_at=?,"
                     "lease_until=NULL,last_error=NULL WHERE id=? AND state='pending'",
                     "ti", now, id);
    return db_end(d, rc, err);
}

int outbox_mark_attempt_failed(db *d, long long id, long retry_in_seconds, const char *error,
                               gm_err *err)
{
    char next[GM_ISO_LEN];
    clock_iso_from_now(next, retry_in_seconds < 0 ? 0 : retry_in_seconds);
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_exec(d, err,
                     "UPDATE webhook_outbox SET attempts=attempts+1,lease_until=NULL,last_error=?,"
                     "next_attempt_at=?,state=? WHERE id=? AND state='pending'",
                     "ttti", error, next, retry_in_seconds < 0 ? "failed" : "pending", id);
    return db_end(d, rc, err);
}
