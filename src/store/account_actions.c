/*
 * account_actions.c - the lifecycle steps after applying: approve, reject,
 * open, certify, file, change, close, merge, and the QR-code upload.
 *
 * Order inside each action's transaction: input shape (400 naming the
 * field) -> is the event legal in the current state (409 naming it) ->
 * checks that depend on the account (e.g. a filing needs its QR code) ->
 * the new record version.  Input keys are checked here, not only in the
 * HTTP layer, so the CLI gets the same answers.
 */
#include "store/accounts.h"
#include "store/account_notices.h"
#include "core/account_deadline.h"
#include "core/account_form.h"
#include "util/clock.h"
#include "util/field_label.h"
#include "util/text.h"

#include <magic.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct act_ctx {
    db *d;
    long long id;
    const gm_actor *who;
    const gm_calendar *cal;
    const gm_account *a;
    const json_t *in;
    json_t *rec;            /* the new record, a copy of the current one */
    account_step step;
    char due[11];
} act_ctx;

typedef struct action_def {
    const char *name;
    gm_account_event event;
    const char *const keys[8];  /* accepted input keys */
    int (*check_input)(act_ctx *c, gm_err *err);
    int (*build)(act_ctx *c, gm_err *err);
} action_def;

static const char *in_str(const act_ctx *c, const char *k)
{
    return json_string_value(json_object_get(c->in, k));
}

static int require_text(const act_ctx *c, const char *k, size_t max, gm_err *err)
{
    json_t *v = json_object_get(c->in, k);
    char label[128];
    field_label(k, label, sizeof label);
    if (!v)
        return gm_fail(err, GM_E_INVALID, k, "缺少必填字段:%s", label);
    if (!json_is_string(v))
        return gm_fail(err, GM_E_INVALID, k, "%s应为文字", label);
    const char *s = json_string_value(v);
    if (strspn(s, " \t\r\n") == strlen(s))
        return gm_fail(err, GM_E_INVALID, k, "%s不能为空", label);
    return text_require(s, k, 1, max, err);
}

static int optional_text(const act_ctx *c, const char *k, size_t max, gm_err *err)
{
    return json_object_get(c->in, k) ? require_text(c, k, max, err) : GM_OK;
}

static int require_date(const act_ctx *c, const char *k, gm_date *out, gm_err *err)
{
    gm_date tmp;
    int rc = require_text(c, k, 10, err);
    return rc ? rc : date_parse(in_str(c, k), k, out ? out : &tmp, err);
}

/* The day the account's life in the register began, for the dates of its
 * steps: the opening day once opened, else the application's date ("" when
 * neither is known); *what names it for the message. */
static const char *life_start(const act_ctx *c, const char **what)
{
    const json_t *rec = c->a ? c->a->record : NULL;
    const char *opened = json_string_value(json_object_get(json_object_get(rec, "opening"), "date"));
    const char *applied = json_string_value(json_object_get(rec, "date"));
    *what = opened ? "开通日期" : "申请日期";
    return opened ? opened : applied ? applied : "";
}

/* A date that records something done (opened, certified, filed, changed,
 * closed, merged) cannot lie in the future (China time); not_before_start()
 * checks, once the account is loaded, that it does not precede it either. */
static int require_done_date(const act_ctx *c, const char *k, gm_date *out, gm_err *err)
{
    gm_date d, today;
    char today_s[11];
    int rc = require_date(c, k, &d, err);
    if (rc)
        return rc;
    clock_today_cst(today_s);
    date_parse(today_s, NULL, &today, NULL);
    if (d > today)
        return gm_fail(err, GM_E_INVALID, k, "日期 %s 晚于今天(%s):记录已经发生的事,不能填将来的日期",
                       in_str(c, k), today_s);
    if (out)
        *out = d;
    return GM_OK;
}

/* The step's "date" (when it happened) cannot precede the account's
 * opening (its application, for the opening itself): the register would
 * tell of something that cannot have happened. */
static int not_before_start(const act_ctx *c, gm_err *err)
{
    gm_date d, start;
    const char *what, *start_s = life_start(c, &what), *day = in_str(c, "date");
    if (!day || !*start_s || date_parse(day, NULL, &d, NULL) ||
        date_parse(start_s, NULL, &start, NULL) || d >= start)
        return GM_OK;
    return gm_fail(err, GM_E_INVALID, "date", "日期 %s 早于该账号的%s(%s)", day, what, start_s);
}

/* {by, at} plus the given keys copied from the input, as record[key]. */
static void record_entry(act_ctx *c, const char *key, const char *const *copy)
{
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    json_t *e = json_pack("{s:s,s:s}", "by", c->who->login, "at", now);
    for (size_t i = 0; e && copy[i]; i++) {
        json_t *v = json_object_get(c->in, copy[i]);
        if (v)
            json_object_set(e, copy[i], v);
    }
    json_object_set_new(c->rec, key, e);
}

/* ---- approve / reject / certify / close ---- */

static int check_note(act_ctx *c, gm_err *err) { return optional_text(c, "note", 2000, err); }

static int build_approval(act_ctx *c, gm_err *err)
{
    (void)err;
    record_entry(c, "approval", (const char *const[]){"note", NULL});
    return GM_OK;
}

static int check_reason(act_ctx *c, gm_err *err) { return require_text(c, "reason", 2000, err); }

static int build_rejection(act_ctx *c, gm_err *err)
{
    (void)err;
    record_entry(c, "rejection", (const char *const[]){"reason", NULL});
    return GM_OK;
}

/* Platform certification: status "certified" (default) or "failed", the
 * day it was decided, a note.  Recordable before or after filing; only a
 * success on an opened account moves it to the "certified" state. */
static int check_certify(act_ctx *c, gm_err *err)
{
    json_t *st = json_object_get(c->in, "status");
    const char *s = json_string_value(st);
    if (st && (!s || (strcmp(s, "certified") && strcmp(s, "failed"))))
        return gm_fail(err, GM_E_INVALID, "status", "认证结果应为已认证或未通过");
    int rc = require_done_date(c, "date", NULL, err);
    return rc ? rc : check_note(c, err);
}

static int build_certification(act_ctx *c, gm_err *err)
{
    (void)err;
    const char *status = in_str(c, "status") ? in_str(c, "status") : "certified";
    record_entry(c, "certification", (const char *const[]){"date", "note", NULL});
    json_object_set_new(json_object_get(c->rec, "certification"), "status", json_string(status));
    c->step.keep_state = !(strcmp(status, "certified") == 0 && c->a->state == GM_ACCOUNT_OPENED);
    return GM_OK;
}

static int check_close(act_ctx *c, gm_err *err)
{
    int rc = require_text(c, "reason", 2000, err);
    return rc ? rc : require_done_date(c, "date", NULL, err);
}

static int build_closing(act_ctx *c, gm_err *err)
{
    (void)err;
    record_entry(c, "closing", (const char *const[]){"reason", "date", NULL});
    return GM_OK;
}

/* ---- open: platform account ID and opening date; filing falls due ---- */

static int check_open(act_ctx *c, gm_err *err)
{
    int rc = require_text(c, "platform_account_id", 128, err);
    return rc ? rc : require_done_date(c, "date", NULL, err);
}

static int build_opening(act_ctx *c, gm_err *err)
{
    gm_date opened, due;
    gm_deadline_policy p = deadline_policy_default();
    int rc = date_parse(in_str(c, "date"), "date", &opened, err);
    if (!rc)
        rc = account_filing_due(&p, opened, &due, err);
    if (rc)
        return rc;
    date_format(due, c->due);
    c->step.filing_due = c->due;
    record_entry(c, "opening", (const char *const[]){"platform_account_id", "date", NULL});
    json_object_set_new(json_object_get(c->rec, "opening"), "filing_due", json_string(c->due));
    return GM_OK;
}

/* ---- file: 《备案登记表》 ---- */

static int check_file(act_ctx *c, gm_err *err)
{
    int rc = require_done_date(c, "date", NULL, err);
    if (!rc)
        rc = require_done_date(c, "created_on", NULL, err);
    json_t *f = json_object_get(c->in, "followers");
    if (!rc && !f)
        rc = gm_fail(err, GM_E_INVALID, "followers", "缺少必填字段:关注人数");
    if (!rc && (!json_is_integer(f) || json_integer_value(f) < 0))
        rc = gm_fail(err, GM_E_INVALID, "followers", "关注人数应为非负整数");
    if (!rc)
        rc = require_text(c, "introduction", 2000, err);
    return rc ? rc : optional_text(c, "platform_account_id", 128, err);
}

/* A filing after its deadline (first filing: filing_due, re-filing:
 * refiling_due) stays marked late with the number of days. */
static void mark_filed_late(act_ctx *c, json_t *filing)
{
    const char *due_s = c->a->state == GM_ACCOUNT_REFILING_DUE ? c->a->refiling_due : c->a->filing_due;
    gm_date due, filed;
    c->step.filing = 1;
    if (!due_s[0] || date_parse(due_s, NULL, &due, NULL) || date_parse(in_str(c, "date"), NULL, &filed, NULL))
        return;
    c->step.filed_late_days = filed > due ? (int)(filed - due) : 0;
    json_object_set_new(filing, "due", json_string(due_s));
    json_object_set_new(filing, "filed_late", json_boolean(filed > due));
    json_object_set_new(filing, "days_late", json_integer(c->step.filed_late_days));
}

static int build_filing(act_ctx *c, gm_err *err)
{
    json_t *qr = json_object_get(c->rec, "qr_code");
    if (!qr)
        return gm_fail(err, GM_E_INVALID, "qr_code",
                       "备案需要二维码图片:请先上传账号 %lld 的二维码", c->a->id);
    record_entry(c, "filing", (const char *const[]){"date", "created_on", "followers",
                                                     "introduction", "platform_account_id", NULL});
    json_t *f = json_object_get(c->rec, "filing");
    json_object_set(f, "qr_code", qr);
    if (!json_object_get(f, "platform_account_id")) {
        json_t *op = json_object_get(c->rec, "opening");
        json_t *pid = json_object_get(op, "platform_account_id");
        if (pid)
            json_object_set(f, "platform_account_id", pid);
    }
    json_object_set_new(f, "responsible", json_deep_copy(json_object_get(c->rec, "responsible")));
    json_object_set_new(f, "admin", json_deep_copy(json_object_get(c->rec, "admin")));
    mark_filed_late(c, f);
    return GM_OK;
}

/* ---- change of responsible leader or administrator ---- */

static int check_person(act_ctx *c, const char *who, gm_err *err)
{
    const json_t *o = json_object_get(c->in, who);
    int admin = strcmp(who, "admin") == 0;
    if (!o)
        return GM_OK;
    int rc = account_contact_json_check(o, who, admin, err);
    gm_contact ct;
    account_contact_from_json(o, &ct);
    if (!rc)
        rc = account_contact_validate(&ct, who, err);
    const char *qq = json_string_value(json_object_get(o, "qq"));
    const char *wx = json_string_value(json_object_get(o, "wechat"));
    if (!rc && qq && *qq)
        rc = account_qq_validate(qq, "admin.qq", err);
    if (!rc && wx && *wx)
        rc = account_wechat_id_validate(wx, "admin.wechat", err);
    return rc;
}

static int check_change(act_ctx *c, gm_err *err)
{
    int rc = require_done_date(c, "date", NULL, err);
    if (!rc && !json_object_get(c->in, "responsible") && !json_object_get(c->in, "admin"))
        rc = gm_fail(err, GM_E_INVALID, "responsible",
                     "变更应至少包含新的负责人或管理员之一");
    if (!rc)
        rc = check_person(c, "responsible", err);
    if (!rc)
        rc = check_person(c, "admin", err);
    return rc ? rc : check_note(c, err);
}

/* Re-filing falls due when a filed account changes, or changes again. */
static int set_refiling_due(act_ctx *c, gm_err *err)
{
    if (c->a->state != GM_ACCOUNT_FILED && c->a->state != GM_ACCOUNT_REFILING_DUE)
        return GM_OK;
    gm_date changed, due;
    gm_deadline_policy p = deadline_policy_default();
    if (!c->cal)
        return gm_fail(err, GM_E_INTERNAL, "calendar", "未加载工作日历");
    int rc = date_parse(in_str(c, "date"), "date", &changed, err);
    if (!rc)
        rc = account_refiling_due(&p, c->cal, changed, &due, err);
    if (rc)
        return rc;
    date_format(due, c->due);
    c->step.refiling_due = c->due;
    return GM_OK;
}

static int build_change(act_ctx *c, gm_err *err)
{
    int rc = set_refiling_due(c, err);
    if (rc)
        return rc;
    json_t *fields = json_array();
    for (const char *const *w = (const char *const[]){"responsible", "admin", NULL}; *w; w++) {
        json_t *o = json_object_get(c->in, *w);
        if (o) {
            json_object_set_new(c->rec, *w, json_deep_copy(o));
            json_array_append_new(fields, json_string(*w));
        }
    }
    record_entry(c, "last_change", (const char *const[]){"date", "note", NULL});
    json_t *lc = json_object_get(c->rec, "last_change");
    json_object_set_new(lc, "changed", fields);
    if (c->step.refiling_due)
        json_object_set_new(lc, "refiling_due", json_string(c->due));
    return GM_OK;
}

/* ---- merge: point to the absorbing account, record what moved ---- */

static int check_merge(act_ctx *c, gm_err *err)
{
    json_t *into = json_object_get(c->in, "into");
    if (!json_is_integer(into) || json_integer_value(into) <= 0)
        return gm_fail(err, GM_E_INVALID, "into", "并入账号应为吸收本账号的账号编号(正整数)");
    int rc = require_done_date(c, "date", NULL, err);
    if (!rc)
        rc = require_text(c, "moved", 2000, err);
    return rc ? rc : optional_text(c, "reason", 2000, err);
}

static int build_merge(act_ctx *c, gm_err *err)
{
    long long into = json_integer_value(json_object_get(c->in, "into"));
    if (into == c->a->id)
        return gm_fail(err, GM_E_INVALID, "into", "账号不能合并到自身");
    gm_account t;
    int rc = accounts_get(c->d, into, &t, err);
    if (rc == GM_E_NOTFOUND)
        return gm_fail(err, GM_E_INVALID, "into", "目标账号 %lld 不存在", into);
    if (rc)
        return rc;
    if (!account_state_is_live(t.state))
        rc = gm_fail(err, GM_E_CONFLICT, "into", "目标账号“%s”当前状态为“%s”,不能吸收其他账号",
                     t.name, account_state_label(t.state));
    if (!rc) {
        c->step.merged_into = into;
        record_entry(c, "merge", (const char *const[]){"into", "date", "moved", "reason", NULL});
        json_object_set_new(json_object_get(c->rec, "merge"), "into_name", json_string(t.name));
    }
    accounts_release(&t);
    return rc;
}

static const action_def actions[] = {
    {"approve", GM_EVENT_APPROVE, {"note"}, check_note, build_approval},
    {"reject", GM_EVENT_REJECT, {"reason"}, check_reason, build_rejection},
    {"open", GM_EVENT_OPEN, {"platform_account_id", "date"}, check_open, build_opening},
    {"certify", GM_EVENT_CERTIFY, {"date", "status", "note"}, check_certify, build_certification},
    {"file", GM_EVENT_FILE,
     {"date", "created_on", "followers", "introduction", "platform_account_id"}, check_file,
     build_filing},
    {"change", GM_EVENT_CHANGE_PEOPLE, {"date", "responsible", "admin", "note"}, check_change,
     build_change},
    {"close", GM_EVENT_CLOSE, {"reason", "date"}, check_close, build_closing},
    {"merge", GM_EVENT_MERGE, {"into", "date", "moved", "reason"}, check_merge, build_merge},
};

static int check_known_keys(const action_def *def, const json_t *in, gm_err *err)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)in, key, v) {
        int known = 0;
        for (size_t i = 0; i < 8 && def->keys[i]; i++)
            known |= strcmp(key, def->keys[i]) == 0;
        if (!known)
            return gm_fail(err, GM_E_INVALID, key, "未知字段 %s", key);
    }
    return GM_OK;
}

static int act_in_transaction(act_ctx *c, const action_def *def, gm_err *err)
{
    gm_account a;
    int rc = accounts_get(c->d, c->id, &a, err);
    if (rc)
        return rc;
    c->a = &a;
    gm_account_state next;
    rc = account_transition(a.state, def->event, &next, err);
    if (!rc)
        rc = not_before_start(c, err);
    c->rec = rc ? NULL : json_deep_copy(a.record);
    if (!rc && !c->rec)
        rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (!rc)
        rc = def->build(c, err);
    c->step.record = c->rec;
    if (!rc)
        rc = accounts_write_step(c->d, c->who, &a, &c->step, err);
    if (!rc && (def->event == GM_EVENT_APPROVE || def->event == GM_EVENT_REJECT))
        rc = account_notice_decided(c->d, &a, def->event == GM_EVENT_APPROVE, in_str(c, "reason"),
                                    err);
    json_decref(c->rec);
    accounts_release(&a);
    return rc;
}

int accounts_act(db *d, const gm_actor *who, const gm_calendar *cal, long long id,
                 const char *action, const json_t *input, gm_err *err)
{
    const action_def *def = NULL;
    for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
        if (strcmp(actions[i].name, action) == 0)
            def = &actions[i];
    if (!def)
        return gm_fail(err, GM_E_INVALID, "action", "未知的账号操作“%s”", action);
    json_t *empty = json_object();
    if (!empty)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    act_ctx c = {.d = d, .id = id, .who = who, .cal = cal, .in = input ? input : empty};
    c.step.event = def->event;
    c.step.event_name = def->name;
    int rc = json_is_object(c.in) ? check_known_keys(def, c.in, err)
                                  : gm_fail(err, GM_E_INVALID, "body", "请求体应为 JSON 对象");
    if (!rc)
        rc = def->check_input(&c, err);
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, act_in_transaction(&c, def, err), err);
    json_decref(empty);
    return rc;
}

/* ---- the QR code of the filing form ---- */

static int qr_in_transaction(db *d, const gm_actor *who, long long id, const char *mime,
                             const void *data, size_t len, gm_err *err)
{
    gm_account a;
    int rc = accounts_get(d, id, &a, err);
    if (rc)
        return rc;
    if (!account_state_is_live(a.state))
        rc = gm_fail(err, GM_E_CONFLICT, "state", "账号当前状态为“%s”,只有已开通的账号才能上传二维码",
                     account_state_label(a.state));
    unsigned char h[crypto_hash_sha256_BYTES];
    char hex[2 * sizeof h + 1], now[GM_ISO_LEN];
    crypto_hash_sha256(h, data, len);
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    clock_iso_from_now(now, 0);
    json_t *rec = rc ? NULL : json_deep_copy(a.record);
    if (!rc && !rec)
        rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (!rc) {
        json_object_set_new(rec, "qr_code", json_pack("{s:s,s:I,s:s,s:s}", "mime", mime, "bytes",
                                                      (json_int_t)len, "sha256", hex, "at", now));
        rc = db_exec(d, err,
                     "INSERT INTO account_qr(account_id,mime,data,uploaded_at) VALUES(?,?,?,?) "
                     "ON CONFLICT(account_id) DO UPDATE SET mime=excluded.mime,"
                     "data=excluded.data,uploaded_at=excluded.uploaded_at",
                     "itbt", id, mime, data, len, now);
    }
    account_step s = {.event_name = "qr_upload", .record = rec, .keep_state = 1};
    if (!rc)
        rc = accounts_write_step(d, who, &a, &s, err);
    json_decref(rec);
    accounts_release(&a);
    return rc;
}

/* The image type from the bytes themselves (libmagic), not a name. */
static int sniff_image(const void *data, size_t len, const char **mime, gm_err *err)
{
    magic_t m = magic_open(MAGIC_MIME_TYPE);
    if (!m || magic_load(m, NULL) != 0) {
        if (m)
            magic_close(m);
        return gm_fail(err, GM_E_INTERNAL, NULL, "无法加载文件类型数据库(libmagic)");
    }
    const char *t = magic_buffer(m, data, len);
    *mime = t && strcmp(t, "image/png") == 0 ? "image/png"
            : t && strcmp(t, "image/jpeg") == 0 ? "image/jpeg" : NULL;
    char seen[64];
    snprintf(seen, sizeof seen, "%s", t ? t : "unknown");
    magic_close(m);
    if (!*mime)
        return gm_fail(err, GM_E_INVALID, "qr_code",
                       "二维码应为 PNG 或 JPEG 图片,按文件内容识别为 %s", seen);
    return GM_OK;
}

int accounts_put_qr(db *d, const gm_actor *who, long long id, const void *data, size_t len,
                    gm_err *err)
{
    const char *mime = NULL;
    if (len > GM_QR_MAX_BYTES)
        return gm_fail(err, GM_E_TOOLARGE, "qr_code", "二维码图片不能超过 %d 字节", GM_QR_MAX_BYTES);
    if (len == 0)
        return gm_fail(err, GM_E_INVALID, "qr_code", "请求体应为二维码图片(PNG 或 JPEG)");
    int rc = sniff_image(data, len, &mime, err);
    if (!rc)
        rc = db_begin(d, err);
    if (!rc)
        rc = db_end(d, qr_in_transaction(d, who, id, mime, data, len, err), err);
    return rc;
}

int accounts_get_qr(db *d, long long id, char mime[32], void **data, size_t *len, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err, "SELECT mime,data FROM account_qr WHERE account_id=?", "i", id);
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 0)
        rc = gm_fail(err, GM_E_NOTFOUND, "qr_code", "账号 %lld 尚未上传二维码", id);
    if (rc == 1) {
        const void *bytes = db_blob(q, 1, len);
        snprintf(mime, 32, "%s", db_text(q, 0));
        *data = malloc(*len ? *len : 1);
        if (*data && *len)
            memcpy(*data, bytes, *len);
        rc = *data ? GM_OK : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    }
    db_done(q);
    return rc;
}
