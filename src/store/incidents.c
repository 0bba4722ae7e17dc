/*
 * incidents.c - opinion incidents and their escalation chain (see
 * incidents.h).
 *
 * Invariant: a notice row exists for every step that was told about an
 * incident (at opening, on a level raise, or by escalation), with its
 * acknowledgement deadline; escalated_at is set once, when the step was
 * found late, so an escalation run never repeats itself.
 */
#include "store/actor_name.h"
#include "store/incidents.h"
#include "core/incident.h"
#include "store/audit.h"
#include "store/db_rows.h"
#include "store/messages.h"
#include "store/notify.h"
#include "store/units.h"
#include "util/clock.h"
#include "util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHAIN_MAX 16

typedef struct chain {
    gm_chain_step steps[CHAIN_MAX];
    char names[CHAIN_MAX][128];
    long long users[CHAIN_MAX];
    size_t n;
} chain;

static int load_chain(db *d, long long unit_id, chain *c, gm_err *err)
{
    db_stmt *q;
    c->n = 0;
    int rc = db_query(d, &q, err,
                      "SELECT step_no,min_level,ack_minutes,name,COALESCE(user_id,0) FROM incident_chain "
                      "WHERE unit_id=? ORDER BY step_no", "i", unit_id);
    if (rc)
        return rc;
    while (c->n < CHAIN_MAX && (rc = db_next(q)) == 1) {
        c->steps[c->n] = (gm_chain_step){(int)db_int(q, 0), (int)db_int(q, 1), (int)db_int(q, 2)};
        snprintf(c->names[c->n], sizeof c->names[0], "%s", db_text(q, 3));
        c->users[c->n++] = db_int(q, 4);
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

static json_t *chain_row(db_stmt *q)
{
    int level = (int)db_int(q, 3);
    json_t *j = json_pack("{s:I,s:s,s:i,s:s,s:I}", "step", (json_int_t)db_int(q, 0), "name",
                          db_text(q, 1), "min_level", level, "level_label",
                          incident_level_label(level), "ack_minutes", (json_int_t)db_int(q, 4));
    if (j)
        json_object_set_new(j, "user_id", db_int(q, 2) ? json_integer(db_int(q, 2)) : json_null());
    return j;
}

int incident_chain_get(db *d, long long unit_id, json_t **out, gm_err *err)
{
    return db_rows_json(d, out, chain_row, err,
                        "SELECT step_no,name,COALESCE(user_id,0),min_level,ack_minutes FROM "
                        "incident_chain WHERE unit_id=? ORDER BY step_no", "i", unit_id);
}

static int parse_steps(db *d, const json_t *steps, chain *c, gm_err *err)
{
    size_t i;
    json_t *s;
    char f[64];
    if (!json_is_array(steps) || json_array_size(steps) > CHAIN_MAX)
        return gm_fail(err, GM_E_INVALID, "steps", "通知链应为最多 %d 步的列表", CHAIN_MAX);
    c->n = 0;
    json_array_foreach(steps, i, s) {
        const char *name = json_string_value(json_object_get(s, "name"));
        json_t *lv = json_object_get(s, "min_level"), *am = json_object_get(s, "ack_minutes");
        json_t *uid = json_object_get(s, "user_id");
        snprintf(f, sizeof f, "steps[%zu].name", i);
        if (!json_is_object(s) || text_require(name, f, 1, 100, err))
            return gm_fail(err, GM_E_INVALID, f, "第 %zu 步需要姓名或岗位 name", i + 1);
        int level = 2;
        if (json_is_string(lv) && incident_level_parse(json_string_value(lv), NULL, &level, NULL)) {
            snprintf(f, sizeof f, "steps[%zu].min_level", i);
            return incident_level_parse(json_string_value(lv), f, &level, err);
        }
        if (json_is_integer(lv))
            level = (int)json_integer_value(lv);
        c->steps[i] = (gm_chain_step){(int)i + 1, level,
                                      json_is_integer(am) ? (int)json_integer_value(am) : 0};
        snprintf(c->names[i], sizeof c->names[0], "%s", name);
        c->users[i] = json_is_integer(uid) ? json_integer_value(uid) : 0;
        long long exists = 0;
        if (c->users[i] && (db_query_int(d, &exists, NULL, "SELECT COUNT(*) FROM users WHERE id=?",
                                         "i", c->users[i]) || !exists)) {
            snprintf(f, sizeof f, "steps[%zu].user_id", i);
            return gm_fail(err, GM_E_INVALID, f, "用户 %lld 不存在", c->users[i]);
        }
        c->n++;
    }
    return incident_chain_validate(c->steps, c->n, err);
}

static int chain_set_in_transaction(db *d, const gm_actor *who, long long unit_id, const chain *c,
                                    gm_err *err)
{
    json_t *before = NULL;
    int rc = incident_chain_get(d, unit_id, &before, err);
    if (!rc)
        rc = db_exec(d, err, "DELETE FROM incident_chain WHERE unit_id=?", "i", unit_id);
    for (size_t i = 0; !rc && i < c->n; i++)
        rc = db_exec(d, err,
                     "INSERT INTO incident_chain(unit_id,step_no,name,user_id,min_level,ack_minutes) "
                     "VALUES(?,?,?,?,?,?)", "iitnii", unit_id, (long long)c->steps[i].step_no,
                     c->names[i], c->users[i], (long long)c->steps[i].min_level,
                     (long long)c->steps[i].ack_minutes);
    json_t *after;
    if (!rc && !(rc = incident_chain_get(d, unit_id, &after, err)))
        return audit_append_json(d, who, "incident.chain_set", "unit", unit_id, before, after, err);
    json_decref(before);
    return rc;
}

int incident_chain_set(db *d, const gm_actor *who, long long unit_id, const json_t *steps,
                       gm_err *err)
{
    chain c;
    int rc = parse_steps(d, steps, &c, err);
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, chain_set_in_transaction(d, who, unit_id, &c, err), err);
    return rc;
}

/* ---- one incident ---- */

typedef struct incident_row {
    long long id, unit_id, parent_unit_id;
    int level;
    char state[8], title[400];
} incident_row;

static int load_incident(db *d, long long id, incident_row *r, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT i.id,i.unit_id,COALESCE(u.parent_id,0),i.level,i.state,i.title FROM "
                      "incidents i JOIN units u ON u.id=i.unit_id WHERE i.id=?", "i", id);
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 1) {
        r->id = db_int(q, 0);
        r->unit_id = db_int(q, 1);
        r->parent_unit_id = db_int(q, 2);
        r->level = (int)db_int(q, 3);
        snprintf(r->state, sizeof r->state, "%s", db_text(q, 4));
        snprintf(r->title, sizeof r->title, "%s", db_text(q, 5));
        rc = GM_OK;
    } else if (rc == 0) {
        rc = gm_fail(err, GM_E_NOTFOUND, "id", "舆情事件 %lld 不存在", id);
    }
    db_done(q);
    return rc;
}

int incidents_unit(db *d, long long id, long long *unit_id, gm_err *err)
{
    incident_row r;
    int rc = load_incident(d, id, &r, err);
    if (!rc)
        *unit_id = r.unit_id;
    return rc;
}

/* The event row (the timeline) and its audit row, which says what of the
 * incident the step changed: `before` as it was (NULL when the step only
 * adds, e.g. a measure taken), `after` as it is; the event's text is put
 * into `after`.  Takes ownership of both. */
static int add_event(db *d, const gm_actor *who, long long id, const char *event, const char *text,
                     json_t *before, json_t *after, gm_err *err)
{
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = db_exec(d, err,
                     "INSERT INTO incident_events(incident_id,at,event,login,text) VALUES(?,?,?,?,?)",
                     "itttt", id, now, event, who->login, text);
    char action[48];
    snprintf(action, sizeof action, "incident.%s", event);
    if (!after)
        after = json_object();
    json_object_set_new(after, "text", json_string(text));
    if (rc) {
        json_decref(before);
        json_decref(after);
        return rc;
    }
    return audit_append_json(d, who, action, "incident", id, before, after, err);
}

/* {level, level_label} of an incident, for the audit rows. */
static json_t *level_json(int level)
{
    return json_pack("{s:i,s:s}", "level", level, "level_label", incident_level_label(level));
}

/* Tells one step (its user, or the unit's robots when it names no user). */
static int tell(db *d, const incident_row *r, long long user_id, const char *title,
                const char *body, gm_err *err)
{
    char link[40];
    snprintf(link, sizeof link, "/incidents/%lld", r->id);
    gm_notice n = {.kind = "incident.alert", .title = title, .body = body, .link = link};
    return user_id ? notify_user(d, user_id, r->unit_id, &n, err)
                   : notify_unit_robots(d, r->unit_id, &n, err);
}

static int add_notice(db *d, const incident_row *r, int step_no, const char *name,
                      long long user_id, int ack_minutes, gm_instant now, gm_err *err)
{
    char at[GM_ISO_LEN], due[GM_ISO_LEN];
    return db_exec(d, err,
                   "INSERT INTO incident_notices(incident_id,step_no,name,user_id,ack_minutes,"
                   "notified_at,ack_due) VALUES(?,?,?,?,?,?,?)", "iitnitt", r->id, (long long)step_no,
                   name, user_id, (long long)ack_minutes, instant_format_utc(now, at),
                   instant_format_utc(now + ack_minutes * 60LL, due));
}

/* Notifies every applicable step of the chain not told yet; appends
 * {step, name} of each to `steps_told` (may be NULL). */
static int notify_chain(db *d, const incident_row *r, gm_instant now, json_t *steps_told, gm_err *err)
{
    chain c;
    int rc = load_chain(d, r->unit_id, &c, err);
    for (size_t i = 0; !rc && i < c.n; i++) {
        long long told = 0;
        if (!incident_step_applies(&c.steps[i], r->level))
            continue;
        rc = db_query_int(d, &told, err, "SELECT COUNT(*) FROM incident_notices WHERE incident_id=? "
                                         "AND step_no=?", "ii", r->id, (long long)c.steps[i].step_no);
        if (rc || told)
            continue;
        rc = add_notice(d, r, c.steps[i].step_no, c.names[i], c.users[i], c.steps[i].ack_minutes, now, err);
        char title[480], body[160];
        snprintf(title, sizeof title, "%s舆情:%.300s", incident_level_label(r->level), r->title);
        snprintf(body, sizeof body, "请于 %d 分钟内确认(应急预案第 %d 步:%.60s)", c.steps[i].ack_minutes,
                 c.steps[i].step_no, c.names[i]);
        if (!rc)
            rc = tell(d, r, c.users[i], title, body, err);
        if (!rc && steps_told)
            json_array_append_new(steps_told, json_pack("{s:i,s:s}", "step", c.steps[i].step_no,
                                                  "name", c.names[i]));
    }
    return rc;
}

static int open_in_transaction(db *d, const gm_actor *who, const gm_incident_in *in, int level,
                               gm_instant now, long long *id, gm_err *err)
{
    char at[GM_ISO_LEN];
    int rc = db_query_int(d, id, err,
                          "INSERT INTO incidents(unit_id,message_id,title,level,state,opened_at,opened_by) "
                          "VALUES(?,?,?,?,'open',?,?) RETURNING id", "intitt", in->unit_id,
                          in->message_id, in->title, (long long)level, instant_format_utc(now, at),
                          who->login);
    incident_row r;
    json_t *told = json_array();
    if (!rc)
        rc = load_incident(d, *id, &r, err);
    if (!rc)
        rc = notify_chain(d, &r, now, told, err);
    if (rc) {
        json_decref(told);
        return rc;
    }
    json_t *after = level_json(level);
    json_object_set_new(after, "state", json_string("open"));
    json_object_set_new(after, "title", json_string(in->title));
    json_object_set_new(after, "unit_id", json_integer(in->unit_id));
    json_object_set_new(after, "message_id", in->message_id ? json_integer(in->message_id) : json_null());
    json_object_set_new(after, "notified", told);
    return add_event(d, who, *id, "open", in->text && *in->text ? in->text : in->title, NULL, after,
                     err);
}

int incidents_open(db *d, const gm_actor *who, const gm_incident_in *in, gm_instant now,
                   long long *id_out, gm_err *err)
{
    int level;
    gm_unit u;
    int rc = text_require(in->title, "title", 1, 200, err);
    if (!rc)
        rc = incident_level_parse(in->level, "level", &level, err);
    if (!rc && in->text && *in->text)
        rc = text_require_multiline(in->text, "text", 1, 5000, err);
    if (!rc && units_get(d, in->unit_id, &u, NULL))
        rc = gm_fail(err, GM_E_INVALID, "unit_id", "单位 %lld 不存在", in->unit_id);
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, open_in_transaction(d, who, in, level, now, id_out, err), err);
    return rc;
}

static int require_open(const incident_row *r, gm_err *err)
{
    return strcmp(r->state, "open") == 0
               ? GM_OK
               : gm_fail(err, GM_E_CONFLICT, "state", "该舆情事件已结束,不能再记录");
}

static int event_in_transaction(db *d, const gm_actor *who, long long id, const char *kind,
                                const char *text, gm_err *err)
{
    incident_row r;
    int rc = load_incident(d, id, &r, err);
    if (!rc)
        rc = require_open(&r, err);
    return rc ? rc : add_event(d, who, id, kind, text, NULL, NULL, err);
}

int incidents_add_event(db *d, const gm_actor *who, long long id, const char *kind,
                        const char *text, gm_err *err)
{
    if (!kind || (strcmp(kind, "action") != 0 && strcmp(kind, "statement") != 0))
        return gm_fail(err, GM_E_INVALID, "kind", "类型应为处置措施或回应口径");
    int rc = text_require_multiline(text, "text", 1, 5000, err);
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, event_in_transaction(d, who, id, kind, text, err), err);
    return rc;
}

static int level_in_transaction(db *d, const gm_actor *who, long long id, int level,
                                const char *reason, gm_instant now, gm_err *err)
{
    incident_row r;
    char text[700];
    int rc = load_incident(d, id, &r, err);
    if (!rc)
        rc = require_open(&r, err);
    if (!rc && level == r.level)
        rc = gm_fail(err, GM_E_CONFLICT, "level", "等级没有变化");
    snprintf(text, sizeof text, "%s → %s:%.500s", incident_level_label(r.level),
             incident_level_label(level), reason);
    if (!rc)
        rc = db_exec(d, err, "UPDATE incidents SET level=? WHERE id=?", "ii", (long long)level, id);
    if (rc)
        return rc;
    json_t *before = level_json(r.level), *after = level_json(level), *told = json_array();
    r.level = level;
    rc = notify_chain(d, &r, now, told, err);
    json_object_set_new(after, "reason", json_string(reason));
    json_object_set_new(after, "notified", told);
    if (rc) {
        json_decref(before);
        json_decref(after);
        return rc;
    }
    return add_event(d, who, id, "level", text, before, after, err);
}

int incidents_set_level(db *d, const gm_actor *who, long long id, const char *level,
                        const char *reason, gm_instant now, gm_err *err)
{
    int lv, rc = incident_level_parse(level, "level", &lv, err);
    if (!rc)
        rc = text_require_multiline(reason, "reason", 1, 500, err);
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, level_in_transaction(d, who, id, lv, reason, now, err), err);
    return rc;
}

static json_t *step_no_row(db_stmt *q) { return json_integer(db_int(q, 0)); }

static int ack_in_transaction(db *d, const gm_actor *who, long long id, int step, gm_instant now,
                              gm_err *err)
{
    incident_row r;
    char at[GM_ISO_LEN], text[160];
    int rc = load_incident(d, id, &r, err);
    if (!rc)
        rc = require_open(&r, err);
    if (rc)
        return rc;
    json_t *steps = json_array();
    rc = db_append_rows(d, steps, step_no_row, err,
                        "SELECT step_no FROM incident_notices WHERE incident_id=? AND acked_at IS NULL "
                        "AND ((?>0 AND step_no=?) OR (?=0 AND user_id=?)) ORDER BY step_no",
                        "iiiii", id, (long long)step, (long long)step, (long long)step, who->user_id);
    if (rc) {
        json_decref(steps);
        return rc;
    }
    instant_format_utc(now, at);
    if (step)
        rc = db_exec(d, err, "UPDATE incident_notices SET acked_at=?,acked_by=? WHERE incident_id=? "
                             "AND step_no=? AND acked_at IS NULL", "ttii", at, who->login, id, (long long)step);
    else
        rc = db_exec(d, err, "UPDATE incident_notices SET acked_at=?,acked_by=? WHERE incident_id=? "
                             "AND user_id=? AND acked_at IS NULL", "ttii", at, who->login, id, who->user_id);
    if (!rc && db_changes(d) == 0)
        rc = gm_fail(err, GM_E_CONFLICT, "step",
                     step ? "该步骤未被通知或已经确认" : "您没有待确认的通知(或已确认)");
    if (rc) {
        json_decref(steps);
        return rc;
    }
    snprintf(text, sizeof text, step ? "确认收到(第 %d 步)" : "确认收到", step);
    return add_event(d, who, id, "ack", text,
                     json_pack("{s:O,s:n}", "steps", steps, "acked_at"),
                     json_pack("{s:o,s:s,s:s}", "steps", steps, "acked_at", at, "acked_by", who->login),
                     err);
}

int incidents_ack(db *d, const gm_actor *who, long long id, int step, gm_instant now, gm_err *err)
{
    if (step < 0 || step > CHAIN_MAX)
        return gm_fail(err, GM_E_INVALID, "step", "步骤序号无效");
    int rc = db_begin(d, err);
    return rc ? rc : db_end(d, ack_in_transaction(d, who, id, step, now, err), err);
}

static int close_in_transaction(db *d, const gm_actor *who, long long id, const char *summary,
                                gm_err *err)
{
    incident_row r;
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = load_incident(d, id, &r, err);
    if (!rc)
        rc = require_open(&r, err);
    if (!rc)
        rc = db_exec(d, err, "UPDATE incidents SET state='closed',summary=?,closed_at=? WHERE id=?",
                     "tti", summary, now, id);
    return rc ? rc
              : add_event(d, who, id, "close", summary, json_pack("{s:s}", "state", "open"),
                          json_pack("{s:s,s:s}", "state", "closed", "closed_at", now), err);
}

int incidents_close(db *d, const gm_actor *who, long long id, const char *summary, gm_err *err)
{
    int rc = text_require_multiline(summary, "summary", 1, 5000, err);
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, close_in_transaction(d, who, id, summary, err), err);
    return rc;
}

/* ---- escalation ---- */

typedef struct late_notice {
    long long notice_id, incident_id;
    int step_no, ack_minutes;
    char name[128];
} late_notice;

static int late_notices(db *d, const char *now_s, late_notice *out, size_t cap, size_t *n, gm_err *err)
{
    db_stmt *q;
    *n = 0;
    int rc = db_query(d, &q, err,
                      "SELECT n.id,n.incident_id,n.step_no,n.name,n.ack_minutes FROM incident_notices n "
                      "JOIN incidents i ON i.id=n.incident_id WHERE i.state='open' AND n.acked_at IS NULL "
                      "AND n.escalated_at IS NULL AND n.ack_due<? ORDER BY n.incident_id,n.step_no",
                      "t", now_s);
    if (rc)
        return rc;
    while (*n < cap && (rc = db_next(q)) == 1) {
        late_notice *l = &out[(*n)++];
        l->notice_id = db_int(q, 0);
        l->incident_id = db_int(q, 1);
        l->step_no = (int)db_int(q, 2);
        snprintf(l->name, sizeof l->name, "%s", db_text(q, 3));
        l->ack_minutes = (int)db_int(q, 4);
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

/* The next step is told again (even if told at opening), now as an escalation;
 * after the last step the supervisors of the parent unit are told. */
static int escalate_one(db *d, const gm_actor *who, const late_notice *l, gm_instant now,
                        json_t *out, gm_err *err)
{
    incident_row r;
    chain c;
    char at[GM_ISO_LEN], title[480], body[300], text[300];
    int rc = load_incident(d, l->incident_id, &r, err);
    if (!rc)
        rc = load_chain(d, r.unit_id, &c, err);
    if (rc)
        return rc;
    int next = incident_next_step(c.steps, c.n, r.level, l->step_no);
    rc = db_exec(d, err, "UPDATE incident_notices SET escalated_at=? WHERE id=?", "ti",
                 instant_format_utc(now, at), l->notice_id);
    snprintf(title, sizeof title, "舆情升级:%.300s", r.title);
    snprintf(body, sizeof body, "第 %d 步(%.60s)未在 %d 分钟内确认,请立即处置", l->step_no, l->name,
             l->ack_minutes);
    const char *to = next >= 0 ? c.names[next] : "上级单位归口管理部门";
    if (!rc && next >= 0)
        rc = tell(d, &r, c.users[next], title, body, err);
    if (!rc && next < 0 && r.parent_unit_id) {
        char link[40];
        snprintf(link, sizeof link, "/incidents/%lld", r.id);
        gm_notice n = {.kind = "incident.escalated", .title = title, .body = body, .link = link};
        rc = notify_role(d, r.parent_unit_id, ROLE_SUPERVISOR, &n, NULL, err);
    }
    snprintf(text, sizeof text, "第 %d 步(%.60s)超时未确认,已升级至 %.60s", l->step_no, l->name, to);
    if (!rc)
        rc = add_event(d, who, r.id, "escalate", text,
                       json_pack("{s:i,s:s,s:n}", "step", l->step_no, "name", l->name, "escalated_at"),
                       json_pack("{s:i,s:s,s:s,s:s}", "step", l->step_no, "name", l->name,
                                 "escalated_at", at, "escalated_to", to),
                       err);
    if (!rc)
        json_array_append_new(out, json_pack("{s:I,s:i,s:s,s:s}", "incident_id", (json_int_t)r.id,
                                             "step", l->step_no, "name", l->name, "escalated_to", to));
    return rc;
}

static int escalate_in_transaction(db *d, const gm_actor *who, gm_instant now, json_t *out,
                                   gm_err *err)
{
    late_notice late[128];
    size_t n;
    char now_s[GM_ISO_LEN];
    int rc = late_notices(d, instant_format_utc(now, now_s), late, 128, &n, err);
    for (size_t i = 0; !rc && i < n; i++)
        rc = escalate_one(d, who, &late[i], now, out, err);
    return rc;
}

int incidents_escalate(db *d, const gm_actor *who, gm_instant now, json_t **out, gm_err *err)
{
    json_t *list = json_array();
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_end(d, escalate_in_transaction(d, who, now, list, err), err);
    if (rc)
        json_decref(list);
    else
        *out = list;
    return rc;
}

/* ---- reading ---- */

static json_t *incident_row_json(db_stmt *q)
{
    int level = (int)db_int(q, 4);
    json_t *j = json_pack("{s:I,s:I,s:s,s:s,s:i,s:s,s:s,s:s,s:o,s:s,s:s}", "id", (json_int_t)db_int(q, 0),
                          "unit_id", (json_int_t)db_int(q, 1), "unit_name", db_text(q, 2), "title",
                          db_text(q, 3), "level", level, "level_name", incident_level_name(level),
                          "level_label", incident_level_label(level), "state", db_text(q, 5),
                          "opened_at", message_time_json(db_text(q, 6)), "opened_by", db_text(q, 7),
                          "unit_path", db_text(q, 11));
    if (!j)
        return NULL;
    json_object_set_new(j, "state_label", json_string(strcmp(db_text(q, 5), "open") == 0 ? "处置中" : "已结束"));
    json_object_set_new(j, "closed_at", message_time_json(db_text(q, 8)));
    json_object_set_new(j, "summary", db_is_null(q, 9) ? json_null() : json_string(db_text(q, 9)));
    json_object_set_new(j, "message_id", db_is_null(q, 10) ? json_null() : json_integer(db_int(q, 10)));
    json_object_set_new(j, "opened_by_name", actor_name_json(q, 12));
    return j;
}

#define INCIDENT_SQL                                                                              \
    "SELECT i.id,i.unit_id,u.name,i.title,i.level,i.state,i.opened_at,i.opened_by,i.closed_at,"  \
    "i.summary,i.message_id,u.path," ACTOR_NAME_SQL("i.opened_by")                              \
    " FROM incidents i JOIN units u ON u.id=i.unit_id "

int incidents_list(db *d, const gm_actor *scope, long long unit_id, const char *state,
                   json_t **out, gm_err *err)
{
    json_t *all, *e, *arr = json_array();
    size_t i;
    char path[140] = "";
    gm_unit u;
    if (unit_id && units_get(d, unit_id, &u, NULL) == GM_OK)
        snprintf(path, sizeof path, "%s", u.path);
    else if (unit_id)
        snprintf(path, sizeof path, "/none/");
    int rc = db_rows_json(d, &all, incident_row_json, err,
                          INCIDENT_SQL "WHERE (?='' OR u.path LIKE ?||'%') AND (? IS NULL OR i.state=?) "
                          "ORDER BY i.state DESC, i.opened_at DESC", "tttt", path, path, state, state);
    if (rc) {
        json_decref(arr);
        return rc;
    }
    json_array_foreach(all, i, e) {
        const char *p = json_string_value(json_object_get(e, "unit_path"));
        if (!scope || rbac_allows(scope->grants, scope->n_grants, PERM_MESSAGE_READ, p)) {
            json_object_del(e, "unit_path");
            json_array_append(arr, e);
        }
    }
    json_decref(all);
    *out = arr;
    return GM_OK;
}

static json_t *notice_row(db_stmt *q)
{
    json_t *j = json_pack("{s:i,s:s,s:i,s:o,s:o,s:o,s:o}", "step", (int)db_int(q, 0), "name",
                          db_text(q, 1), "ack_minutes", (int)db_int(q, 3), "notified_at",
                          message_time_json(db_text(q, 4)), "ack_due", message_time_json(db_text(q, 5)),
                          "acked_at", message_time_json(db_text(q, 6)), "escalated_at",
                          message_time_json(db_text(q, 8)));
    if (j) {
        json_object_set_new(j, "user_id", db_is_null(q, 2) ? json_null() : json_integer(db_int(q, 2)));
        json_object_set_new(j, "acked_by", db_is_null(q, 7) ? json_null() : json_string(db_text(q, 7)));
    }
    return j;
}

static json_t *event_row(db_stmt *q)
{
    return json_pack("{s:o,s:s,s:s,s:s,s:o}", "at", message_time_json(db_text(q, 0)), "event",
                     db_text(q, 1), "login", db_text(q, 2), "text", db_text(q, 3), "actor_name",
                     actor_name_json(q, 4));
}

int incidents_detail(db *d, long long id, json_t **out, gm_err *err)
{
    json_t *arr, *notices = NULL, *events = NULL;
    int rc = db_rows_json(d, &arr, incident_row_json, err, INCIDENT_SQL "WHERE i.id=?", "i", id);
    if (rc)
        return rc;
    json_t *j = json_incref(json_array_get(arr, 0));
    json_decref(arr);
    if (!j)
        return gm_fail(err, GM_E_NOTFOUND, "id", "舆情事件 %lld 不存在", id);
    json_object_del(j, "unit_path");
    rc = db_rows_json(d, &notices, notice_row, err,
                      "SELECT step_no,name,user_id,ack_minutes,notified_at,ack_due,acked_at,acked_by,"
                      "escalated_at FROM incident_notices WHERE incident_id=? ORDER BY step_no=0,step_no",
                      "i", id);
    if (!rc)
        rc = db_rows_json(d, &events, event_row, err,
                          "SELECT at,event,login,text," ACTOR_NAME_SQL("incident_events.login")
                          " FROM incident_events WHERE incident_id=? ORDER BY id",
                          "i", id);
    if (rc) {
        json_decref(j);
        json_decref(notices);
        return rc;
    }
    json_object_set_new(j, "notices", notices);
    json_object_set_new(j, "timeline", events);
    *out = j;
    return GM_OK;
}
