/*
 * messages.c - logging public messages and their handling steps (see
 * messages.h).  Deadlines come from core/message_policy.c with the unit's
 * policy; the routing rule from core/message.c via message_rules.c.
 */
#include "store/messages.h"
#include "core/account.h"
#include "core/message_policy.h"
#include "store/accounts.h"
#include "store/audit.h"
#include "store/message_policies.h"
#include "store/message_rules.h"
#include "store/notify.h"
#include "store/units.h"
#include "util/clock.h"
#include "util/text.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#define ISO(t, buf) instant_format_utc((t), (buf))

json_t *message_time_json(const char *stored)
{
    gm_instant t;
    char buf[GM_INSTANT_TEXT_SIZE];
    if (!stored || !*stored || instant_parse(stored, NULL, &t, NULL))
        return json_null();
    return json_string(instant_format_utc(t, buf));   /* the API speaks UTC, like every other time */
}

static int record_event(db *d, const gm_actor *who, long long id, const char *event,
                        json_t *detail, gm_err *err)
{
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    char *text = json_dumps(detail, JSON_COMPACT);
    int rc = text ? db_exec(d, err,
                            "INSERT INTO message_events(message_id,at,event,login,detail) "
                            "VALUES(?,?,?,?,?)", "itttt", id, now, event, who->login, text)
                  : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    free(text);
    char action[48];
    snprintf(action, sizeof action, "message.%s", event);
    return rc ? (json_decref(detail), rc)
              : audit_append_json(d, who, action, "message", id, NULL, detail, err);
}

/* ---- receipt ---- */

static int account_takes_messages(const gm_account *a, gm_err *err)
{
    switch (a->state) {
    case GM_ACCOUNT_OPENED:
    case GM_ACCOUNT_CERTIFIED:
    case GM_ACCOUNT_FILED:
    case GM_ACCOUNT_REFILING_DUE:
        return GM_OK;
    default:
        return gm_fail(err, GM_E_CONFLICT, "account_id", "账号“%s”未开通或已注销,不能登记留言",
                       a->name);
    }
}

/* Same platform id, or else same time, sender and text: the same message. */
static void dedup_key(const gm_message_in *in, const char *received_utc, const char *sender,
                      char out[80])
{
    if (in->external_id && *in->external_id) {
        unsigned char h[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(h, (const unsigned char *)in->external_id, strlen(in->external_id));
        memcpy(out, "ext:", 4);
        sodium_bin2hex(out + 4, 76, h, 32);
        return;
    }
    crypto_hash_sha256_state st;
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_init(&st);
    const char *parts[] = {received_utc, sender, in->text};
    for (int i = 0; i < 3; i++) {
        crypto_hash_sha256_update(&st, (const unsigned char *)parts[i], strlen(parts[i]) + 1);
    }
    crypto_hash_sha256_final(&st, h);
    memcpy(out, "txt:", 4);
    sodium_bin2hex(out + 4, 76, h, 32);
}

typedef struct receipt {
    int kind, channel;
    const char *sender;
    gm_instant received;
} receipt;

static int validate_in(const gm_message_in *in, gm_instant now, receipt *r, gm_err *err)
{
    int rc = msg_kind_parse(in->kind && *in->kind ? in->kind : "other", "kind", &r->kind, err);
    if (!rc)
        rc = msg_channel_parse(in->channel && *in->channel ? in->channel : "message", "channel",
                               &r->channel, err);
    if (!rc)
        rc = text_require_multiline(in->text, "text", 1, GM_MESSAGE_TEXT_MAX, err);
    r->sender = in->sender && *in->sender ? in->sender : "匿名";
    if (!rc)
        rc = text_require(r->sender, "from", 1, 100, err);
    if (!rc && in->external_id && *in->external_id)
        rc = text_require(in->external_id, "external_id", 1, 200, err);
    if (!rc && (!in->received_at || !*in->received_at))
        rc = gm_fail(err, GM_E_INVALID, "received_at", "缺少收到时间");
    if (!rc)
        rc = instant_parse(in->received_at, "received_at", &r->received, err);
    if (!rc && r->received > now + 300)
        rc = gm_fail(err, GM_E_INVALID, "received_at", "收到时间“%s”晚于当前时间", in->received_at);
    return rc;
}

static int route(db *d, const gm_account *a, const receipt *r, const char *text, long long *unit,
                 long long *rule, gm_err *err)
{
    int rc = message_rules_route(d, a->unit_path, msg_kind_name(r->kind), text, unit, rule, err);
    if (!rc && !*unit)
        *unit = a->unit_id;
    return rc;
}

static int insert_row(db *d, const gm_message_in *in, const gm_account *a, const receipt *r,
                      const gm_message_policy *p, const gm_message_deadlines *dl, long long unit,
                      long long rule, const char *source, long long *id, int *dup, gm_err *err)
{
    char recv[GM_ISO_LEN], fr[GM_ISO_LEN], ad[GM_ISO_LEN], am[GM_ISO_LEN], now[GM_ISO_LEN],
        key[80], hours[GM_WORK_HOURS_TEXT_SIZE];
    ISO(r->received, recv);
    dedup_key(in, recv, r->sender, key);
    long long exists = 0;
    int rc = db_query_int(d, &exists, err, "SELECT COUNT(*) FROM messages WHERE account_id=? AND dedup_key=?",
                          "it", a->id, key);
    if (rc || exists) {
        *dup = exists != 0;
        return rc;
    }
    clock_iso_from_now(now, 0);
    return db_query_int(
        d, id, err,
        "INSERT INTO messages(account_id,unit_id,kind,channel,sender,text,received_at,external_id,"
        "dedup_key,source,state,routed_by_rule,first_response_due,answer_due,answer_max,work_hours,"
        "created_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
        "iittttttttt" "ntttt" "t", a->id, unit, msg_kind_name(r->kind), msg_channel_name(r->channel),
        r->sender, in->text, recv, in->external_id && *in->external_id ? in->external_id : NULL, key,
        source, msg_state_name(rule || unit != a->unit_id ? GM_MSG_ASSIGNED : GM_MSG_RECEIVED), rule,
        ISO(dl->first_response_due, fr), ISO(dl->answer_due, ad), ISO(dl->answer_max, am),
        work_hours_format(&p->hours, hours), now);
}

int messages_notify_department(db *d, long long unit_id, long long message_id, const char *kind,
                               const char *title, const char *body, gm_err *err)
{
    char link[40];
    if (message_id)
        snprintf(link, sizeof link, "/messages/%lld", message_id);
    else
        snprintf(link, sizeof link, "/messages?unit_id=%lld", unit_id);
    gm_notice n = {.kind = kind, .title = title, .body = body ? body : "", .link = link};
    return notify_role(d, unit_id, ROLE_DEPARTMENT_HEAD, &n, NULL, err);
}

static void short_title(char *out, size_t cap, const char *prefix, const char *text)
{
    /* at most ~30 code points of the text, cut on a character boundary */
    size_t n = snprintf(out, cap, "%s", prefix), cps = 0;
    for (const char *p = text; *p && n + 5 < cap && cps < 30; cps++) {
        size_t len = 1;
        while (p[len] && ((unsigned char)p[len] & 0xC0) == 0x80)
            len++;
        if (*p == '\n' || *p == '\r' || *p == '\t')
            out[n++] = ' ';
        else {
            memcpy(out + n, p, len);
            n += len;
        }
        p += len;
    }
    out[n] = '\0';
}

int messages_insert(db *d, const gm_actor *who, const gm_calendar *cal, const gm_message_in *in,
                    const char *source, gm_instant now, long long *id_out, int *duplicate,
                    gm_err *err)
{
    receipt r;
    gm_account a;
    gm_message_policy p;
    gm_message_deadlines dl;
    long long unit = 0, rule = 0;
    *duplicate = 0;
    int rc = validate_in(in, now, &r, err);
    if (rc)
        return rc;
    if ((rc = accounts_get(d, in->account_id, &a, err)) != GM_OK)
        return rc == GM_E_NOTFOUND ? gm_fail(err, GM_E_INVALID, "account_id", "账号 %lld 不存在",
                                              in->account_id)
                                   : rc;
    rc = account_takes_messages(&a, err);
    if (!rc)
        rc = message_policy_get(d, a.unit_id, &p, NULL, err);
    if (!rc)
        rc = message_deadlines(&p, cal, r.received, &dl, err);
    if (!rc)
        rc = route(d, &a, &r, in->text, &unit, &rule, err);
    if (!rc)
        rc = insert_row(d, in, &a, &r, &p, &dl, unit, rule, source, id_out, duplicate, err);
    accounts_release(&a);
    if (rc || *duplicate)
        return rc;
    rc = record_event(d, who, *id_out, strcmp(source, "import") == 0 ? "import" : "log",
                      json_pack("{s:s,s:I,s:I}", "source", source, "unit_id", (json_int_t)unit,
                                "rule_id", (json_int_t)rule),
                      err);
    if (!rc && strcmp(source, "import") != 0) {  /* imports notify once per department */
        char title[160];
        short_title(title, sizeof title, "新留言待办:", in->text);
        rc = messages_notify_department(d, unit, *id_out, "message.new", title,
                                        "请在首次回应期限前受理", err);
    }
    return rc;
}

int messages_log(db *d, const gm_actor *who, const gm_calendar *cal, const gm_message_in *in,
                 gm_instant now, long long *id_out, gm_err *err)
{
    int dup = 0, rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = messages_insert(d, who, cal, in, "manual", now, id_out, &dup, err);
    if (!rc && dup)
        rc = gm_fail(err, GM_E_CONFLICT, "text", "这条留言已经登记过(相同时间、留言人和内容)");
    return db_end(d, rc, err);
}

/* ---- steps ---- */

int messages_get(db *d, long long id, gm_message *out, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT m.id,m.account_id,m.unit_id,a.unit_id,au.path,u.path,m.state,"
                      "m.received_at,m.answer_due,m.answer_max,COALESCE(m.extended_until,''),"
                      "m.work_hours,COALESCE(m.acknowledged_at,'') FROM messages m "
                      "JOIN accounts a ON a.id=m.account_id "
                      "JOIN units au ON au.id=a.unit_id JOIN units u ON u.id=m.unit_id WHERE m.id=?",
                      "i", id);
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 1) {
        memset(out, 0, sizeof *out);
        out->id = db_int(q, 0);
        out->account_id = db_int(q, 1);
        out->unit_id = db_int(q, 2);
        out->account_unit_id = db_int(q, 3);
        snprintf(out->account_unit_path, sizeof out->account_unit_path, "%s", db_text(q, 4));
        snprintf(out->unit_path, sizeof out->unit_path, "%s", db_text(q, 5));
        msg_state_parse(db_text(q, 6), NULL, &out->state, NULL);
        instant_parse(db_text(q, 7), NULL, &out->received_at, NULL);
        instant_parse(db_text(q, 8), NULL, &out->answer_due, NULL);
        instant_parse(db_text(q, 9), NULL, &out->answer_max, NULL);
        if (*db_text(q, 10))
            instant_parse(db_text(q, 10), NULL, &out->extended_until, NULL);
        snprintf(out->work_hours, sizeof out->work_hours, "%s", db_text(q, 11));
        if (*db_text(q, 12))
            instant_parse(db_text(q, 12), NULL, &out->acknowledged_at, NULL);
        rc = GM_OK;
    } else if (rc == 0) {
        rc = gm_fail(err, GM_E_NOTFOUND, "id", "留言 %lld 不存在", id);
    }
    db_done(q);
    return rc;
}

/* Loads the message and checks the step is legal; *next = new state. */
static int begin_step(db *d, long long id, gm_msg_event ev, gm_message *m, gm_msg_state *next,
                      gm_err *err)
{
    int rc = messages_get(d, id, m, err);
    return rc ? rc : msg_transition(m->state, ev, next, err);
}

static int check_at(const gm_message *m, gm_instant at, gm_instant now, const char *field,
                    gm_err *err)
{
    if (at < m->received_at)
        return gm_fail(err, GM_E_INVALID, field, "时间不能早于留言收到时间");
    if (at > now + 300)
        return gm_fail(err, GM_E_INVALID, field, "时间不能晚于当前时间");
    return GM_OK;
}

static int hours_since_receipt(const gm_message *m, const gm_calendar *cal, gm_instant at,
                               double *hours, gm_err *err)
{
    gm_message_policy p;
    message_policy_preset("standard", &p, NULL);
    work_hours_parse(m->work_hours, NULL, &p.hours, NULL);
    return message_working_hours(&p, cal, m->received_at, at, hours, err);
}

static int assign_in_transaction(db *d, const gm_actor *who, long long id, long long unit_id,
                                 gm_err *err)
{
    gm_message m;
    gm_msg_state next;
    int rc = begin_step(d, id, GM_MSG_ASSIGN, &m, &next, err);
    if (!rc)
        rc = db_exec(d, err, "UPDATE messages SET unit_id=?,state=? WHERE id=?", "iti", unit_id,
                     msg_state_name(next), id);
    /* the names too: a department reading its timeline may not reach the other unit */
    gm_unit from, to;
    if (!rc && !(rc = units_get(d, m.unit_id, &from, err)))
        rc = units_get(d, unit_id, &to, err);
    if (!rc)
        rc = record_event(d, who, id, "assign",
                          json_pack("{s:I,s:s,s:I,s:s}", "from_unit_id", (json_int_t)m.unit_id,
                                    "from_unit_name", from.name, "unit_id", (json_int_t)unit_id,
                                    "unit_name", to.name), err);
    return rc ? rc
              : messages_notify_department(d, unit_id, id, "message.assigned", "留言已分派给本部门办理",
                                           "请在期限内受理并答复", err);
}

int messages_assign(db *d, const gm_actor *who, long long id, long long unit_id, gm_err *err)
{
    gm_unit u;
    if (units_get(d, unit_id, &u, NULL))
        return gm_fail(err, GM_E_INVALID, "unit_id", "单位 %lld 不存在", unit_id);
    int rc = db_begin(d, err);
    return rc ? rc : db_end(d, assign_in_transaction(d, who, id, unit_id, err), err);
}

static int ack_in_transaction(db *d, const gm_actor *who, const gm_calendar *cal, long long id,
                              const char *text, const char *promised_at, gm_instant at,
                              gm_instant now, gm_err *err)
{
    gm_message m;
    gm_msg_state next;
    gm_instant promised = 0;
    double hours = 0;
    char at_s[GM_ISO_LEN], pr_s[GM_ISO_LEN];
    int rc = begin_step(d, id, GM_MSG_ACK, &m, &next, err);
    if (!rc)
        rc = check_at(&m, at, now, "at", err);
    if (!rc && promised_at && *promised_at) {
        rc = instant_parse(promised_at, "promised_at", &promised, err);
        gm_instant limit = m.extended_until ? m.extended_until : m.answer_max;
        if (!rc && (promised < at || promised > limit))
            rc = gm_fail(err, GM_E_INVALID, "promised_at",
                         "承诺答复期限须在受理之后、政策允许的最长期限之内");
    }
    if (!rc)
        rc = hours_since_receipt(&m, cal, at, &hours, err);
    char hs[32];
    snprintf(hs, sizeof hs, "%.2f", rc ? 0.0 : hours);
    if (!rc)
        rc = db_exec(d, err,
                     "UPDATE messages SET state=?,acknowledged_at=?,ack_text=?,promised_at=?,"
                     "first_response_hours=CAST(? AS DOUBLE PRECISION) WHERE id=?",
                     "ttttti", msg_state_name(next), ISO(at, at_s), text,
                     promised ? ISO(promised, pr_s) : NULL, hs, id);
    return rc ? rc
              : record_event(d, who, id, "ack",
                             json_pack("{s:s,s:f}", "text", text, "working_hours", hours), err);
}

int messages_ack(db *d, const gm_actor *who, const gm_calendar *cal, long long id,
                 const char *text, const char *promised_at, gm_instant at, gm_instant now,
                 gm_err *err)
{
    int rc = text_require_multiline(text, "text", 1, 2000, err);
    if (rc)
        return rc;
    if (!(rc = db_begin(d, err)))
        rc = db_end(d, ack_in_transaction(d, who, cal, id, text, promised_at, at ? at : now, now, err),
                    err);
    return rc;
}

static int answer_in_transaction(db *d, const gm_actor *who, const gm_calendar *cal, long long id,
                                 const char *text, int result, gm_instant at, gm_instant now,
                                 gm_err *err)
{
    gm_message m;
    gm_msg_state next;
    double hours = 0;
    char at_s[GM_ISO_LEN], hs[32];
    char ack_s[GM_INSTANT_TEXT_SIZE];
    int rc = begin_step(d, id, GM_MSG_ANSWER, &m, &next, err);
    if (!rc)
        rc = check_at(&m, at, now, "at", err);
    if (!rc && m.acknowledged_at && at < m.acknowledged_at)   /* the timeline must read in order */
        rc = gm_fail(err, GM_E_INVALID, "at", "答复时间不能早于受理时间 %s(北京时间)",
                     instant_format_cst_text(m.acknowledged_at, ack_s));
    if (!rc)
        rc = hours_since_receipt(&m, cal, at, &hours, err);
    snprintf(hs, sizeof hs, "%.2f", rc ? 0.0 : hours);
    /* an answer without an earlier acknowledgement is the first response too */
    if (!rc)
        rc = db_exec(d, err,
                     "UPDATE messages SET state=?,answered_at=?,answer_text=?,result=?,"
                     "answer_hours=CAST(? AS DOUBLE PRECISION),first_response_hours=COALESCE(first_response_hours,"
                     "CAST(? AS DOUBLE PRECISION)) WHERE id=?",
                     "tttttti", msg_state_name(next), ISO(at, at_s), text, msg_result_name(result),
                     hs, hs, id);
    return rc ? rc
              : record_event(d, who, id, "answer",
                             json_pack("{s:s,s:s,s:f}", "text", text, "result",
                                       msg_result_name(result), "working_hours", hours), err);
}

int messages_answer(db *d, const gm_actor *who, const gm_calendar *cal, long long id,
                    const char *text, const char *result, gm_instant at, gm_instant now,
                    gm_err *err)
{
    int res = 0, rc = text_require_multiline(text, "text", 1, GM_MESSAGE_TEXT_MAX, err);
    if (!rc && result && *result)
        rc = msg_result_parse(result, "result", &res, err);
    if (rc)
        return rc;
    if (!(rc = db_begin(d, err)))
        rc = db_end(d, answer_in_transaction(d, who, cal, id, text, res, at ? at : now, now, err), err);
    return rc;
}

static int reason_required(const char *reason, gm_err *err)
{
    if (!reason || strspn(reason, " \t\r\n") == strlen(reason))
        return gm_fail(err, GM_E_INVALID, "reason", "必须填写原因");
    return text_require_multiline(reason, "reason", 1, 500, err);
}

static int parse_until(const gm_message *m, const char *until, gm_instant *out, gm_err *err)
{
    gm_date day;
    if (until && strlen(until) == 10 && date_parse(until, "until", &day, NULL) == GM_OK) {
        gm_work_hours h = work_hours_default();
        work_hours_parse(m->work_hours, NULL, &h, NULL);
        *out = worktime_close_of(&h, day);
        return GM_OK;
    }
    if (!until || !*until)
        return gm_fail(err, GM_E_INVALID, "until", "缺少延期后的期限");
    return instant_parse(until, "until", out, err);
}

/* An extension counts only when granted before the deadline it moves
 * (a promised time limit is set while it can still be kept, seed 002:
 * 如不能即时回复,应承诺答复期限): one granted after it would turn an answer
 * already late into one in time. */
static int extension_in_time(gm_instant granted, gm_instant current_due, gm_err *err)
{
    char due[GM_INSTANT_TEXT_SIZE];
    if (granted <= current_due)
        return GM_OK;
    return gm_fail(err, GM_E_CONFLICT, "at",
                   "答复期限 %s(北京时间)已过,不能再延期:延期须在期限届满前批准,逾期答复仍记为超期",
                   instant_format_cst_text(current_due, due));
}

static int extend_in_transaction(db *d, const gm_actor *who, long long id, const char *until,
                                 const char *reason, gm_instant at, gm_instant now, gm_err *err)
{
    gm_message m;
    gm_msg_state next;
    gm_instant t;
    char t_s[GM_ISO_LEN], at_s[GM_ISO_LEN];
    int rc = begin_step(d, id, GM_MSG_EXTEND, &m, &next, err);
    gm_instant current_due = 0;
    if (!rc) {
        current_due = m.extended_until ? m.extended_until : m.answer_due;
        rc = parse_until(&m, until, &t, err);
    }
    if (!rc)
        rc = check_at(&m, at, now, "at", err);
    if (!rc)
        rc = extension_in_time(at, current_due, err);
    gm_message_deadlines dl = {0, m.answer_due, m.answer_max};
    if (!rc)
        rc = message_extension_check(&dl, current_due, t, err);
    if (!rc)
        rc = db_exec(d, err, "UPDATE messages SET extended_until=?,extension_reason=? WHERE id=?",
                     "tti", ISO(t, t_s), reason, id);
    return rc ? rc
              : record_event(d, who, id, "extend",
                             json_pack("{s:s,s:s,s:s}", "until", t_s, "reason", reason,
                                       "granted_at", ISO(at, at_s)), err);
}

int messages_extend(db *d, const gm_actor *who, long long id, const char *until,
                    const char *reason, gm_instant at, gm_instant now, gm_err *err)
{
    int rc = reason_required(reason, err);
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, extend_in_transaction(d, who, id, until, reason, at ? at : now, now, err),
                    err);
    return rc;
}

static int hide_in_transaction(db *d, const gm_actor *who, long long id, const char *reason,
                               gm_err *err)
{
    gm_message m;
    gm_msg_state next;
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = begin_step(d, id, GM_MSG_HIDE, &m, &next, err);
    if (!rc)
        rc = db_exec(d, err, "UPDATE messages SET state=?,hidden_at=?,hidden_reason=? WHERE id=?",
                     "ttti", msg_state_name(next), now, reason, id);
    return rc ? rc
              : record_event(d, who, id, "hide",
                             json_pack("{s:s,s:s}", "reason", reason, "previous_state",
                                       msg_state_name(m.state)), err);
}

int messages_hide(db *d, const gm_actor *who, long long id, const char *reason, gm_err *err)
{
    int rc = reason_required(reason, err);
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, hide_in_transaction(d, who, id, reason, err), err);
    return rc;
}
