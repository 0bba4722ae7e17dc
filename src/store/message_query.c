/*
 * message_query.c - reading public messages: the list with its filters
 * (overdue, due today, per department and unit), one message with its
 * timeline, and the overdue escalation run (see messages.h).  The list's
 * text search (q) and lateness filter run over the rows in C, like the
 * reach check, so they need no database-specific SQL.
 *
 * "Next due" of an open message: its first-response due time until it is
 * acknowledged, then its answer due time (the extension when recorded).
 * Overdue judged at instant J: next due < J.  Due on day D: next due falls
 * within D (China time).  Times compare as UTC ISO text, which orders like
 * the instants they name.
 */
#include "store/actor_name.h"
#include "store/messages.h"
#include "store/audit.h"
#include "store/db_rows.h"
#include "store/notify.h"
#include "util/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NEXT_DUE                                                                                  \
    "(CASE WHEN m.acknowledged_at IS NULL THEN m.first_response_due "                           \
    "ELSE COALESCE(m.extended_until,m.answer_due) END)"
#define OPEN_STATES "m.state IN ('received','assigned','acknowledged')"

static int parse_id_arg(const char *s, const char *field, long long *out, gm_err *err)
{
    char *end;
    *out = 0;
    if (!s || !*s)
        return GM_OK;
    *out = strtoll(s, &end, 10);
    if (*end || *out <= 0)
        return gm_fail(err, GM_E_INVALID, field, "%s 应为正整数", field);
    return GM_OK;
}

static int parse_flag(const char *s, const char *field, const char *want, int *out, gm_err *err)
{
    *out = 0;
    if (!s || !*s)
        return GM_OK;
    if (strcmp(s, want) != 0)
        return gm_fail(err, GM_E_INVALID, field, "%s 只能为 %s", field, want);
    *out = 1;
    return GM_OK;
}

static int parse_late(const char *s, int *out, gm_err *err)
{
    static const char *const names[] = {"first_response", "answer", "any"};
    *out = MSG_LATE_UNFILTERED;
    for (int i = 0; s && *s && i < 3; i++)
        if (strcmp(s, names[i]) == 0)
            *out = i + 1;
    if (s && *s && *out == MSG_LATE_UNFILTERED)
        return gm_fail(err, GM_E_INVALID, "late", "late 只能为 first_response、answer 或 any");
    return GM_OK;
}

/* The search words, separated by single spaces (ideographic spaces and
 * tabs count as spaces), ASCII letters lower-cased. */
static int parse_words(const char *s, char *out, size_t cap, gm_err *err)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
        int space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
        size_t len = space ? 1 : 0;
        if (!space && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
            space = 1, len = 3;  /* U+3000 ideographic space */
        if (space) {
            if (n && out[n - 1] != ' ' && n + 1 < cap)
                out[n++] = ' ';
            p += len;
            continue;
        }
        if (n + 1 >= cap)
            return gm_fail(err, GM_E_INVALID, "q", "搜索内容过长");
        out[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        p++;
    }
    while (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    return GM_OK;
}

int message_filter_parse(message_filter *f, const message_filter_args *a, gm_instant now,
                         gm_err *err)
{
    memset(f, 0, sizeof *f);
    gm_msg_state st;
    int k, rc = parse_id_arg(a->account_id, "account_id", &f->account_id, err);
    if (!rc)
        rc = parse_id_arg(a->unit_id, "unit_id", &f->unit_id, err);
    if (!rc && a->state && *a->state && !(rc = msg_state_parse(a->state, "state", &st, err)))
        f->state = msg_state_name(st);
    if (!rc && a->kind && *a->kind && !(rc = msg_kind_parse(a->kind, "kind", &k, err)))
        f->kind = msg_kind_name(k);
    if (!rc && a->channel && *a->channel && !(rc = msg_channel_parse(a->channel, "channel", &k, err)))
        f->channel = msg_channel_name(k);
    if (!rc)
        rc = parse_words(a->q, f->q, sizeof f->q, err);
    if (!rc)
        rc = parse_late(a->late, &f->late, err);
    if (!rc)
        rc = parse_flag(a->overdue, "overdue", "1", &f->overdue, err);
    if (!rc)
        rc = parse_flag(a->due, "due", "today", &f->due_today, err);
    f->judged_at = now;
    f->judged_day = instant_cst_day(now);
    if (!rc && a->as_of && *a->as_of && !(rc = date_parse(a->as_of, "as_of", &f->judged_day, err)))
        f->judged_at = instant_from_cst_day(f->judged_day, 0);
    f->limit = 50;
    if (!rc && a->limit && *a->limit &&
        (!(rc = parse_id_arg(a->limit, "limit", &f->limit, err)) && f->limit > 500))
        rc = gm_fail(err, GM_E_INVALID, "limit", "条数应在 1 到 500 之间");
    if (!rc && a->offset && *a->offset && strcmp(a->offset, "0") != 0)
        rc = parse_id_arg(a->offset, "offset", &f->offset, err);
    return rc;
}

#define LIST_COLS                                                                                 \
    "m.id,m.account_id,a.name,a.platform,m.unit_id,u.name,m.kind,m.channel,m.sender,m.text,"    \
    "m.received_at,m.state,m.first_response_due,m.answer_due,m.answer_max,m.extended_until,"    \
    "m.extension_reason,m.acknowledged_at,m.ack_text,m.promised_at,m.answered_at,m.answer_text," \
    "m.result,m.hidden_at,m.hidden_reason,m.first_response_hours,m.answer_hours,m.source,"       \
    "m.routed_by_rule,m.external_id," NEXT_DUE ",au.path,u.path,m.escalated_due "
#define LIST_FROM                                                                                 \
    "FROM messages m JOIN accounts a ON a.id=m.account_id JOIN units au ON au.id=a.unit_id "    \
    "JOIN units u ON u.id=m.unit_id "

static void set_text_or_null(json_t *j, const char *key, db_stmt *q, int col)
{
    json_object_set_new(j, key, db_is_null(q, col) ? json_null() : json_string(db_text(q, col)));
}

static void set_real_or_null(json_t *j, const char *key, db_stmt *q, int col)
{
    json_object_set_new(j, key, db_is_null(q, col) ? json_null() : json_real(atof(db_text(q, col))));
}

/* The judged instant for the overdue flag of rows being built. */
static __thread char row_judged[GM_ISO_LEN];

static json_t *message_row(db_stmt *q)
{
    int kind = 0, channel = 0, result = -1;
    gm_msg_state st = GM_MSG_RECEIVED;
    msg_kind_parse(db_text(q, 6), NULL, &kind, NULL);
    msg_channel_parse(db_text(q, 7), NULL, &channel, NULL);
    msg_state_parse(db_text(q, 11), NULL, &st, NULL);
    if (!db_is_null(q, 22))
        msg_result_parse(db_text(q, 22), NULL, &result, NULL);
    json_t *j = json_pack(
        "{s:I,s:I,s:s,s:s,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "id", (json_int_t)db_int(q, 0),
        "account_id", (json_int_t)db_int(q, 1), "account_name", db_text(q, 2), "platform",
        db_text(q, 3), "unit_id", (json_int_t)db_int(q, 4), "unit_name", db_text(q, 5), "kind",
        msg_kind_name(kind), "kind_label", msg_kind_label(kind), "channel", msg_channel_name(channel),
        "channel_label", msg_channel_label(channel), "from", db_text(q, 8), "text", db_text(q, 9),
        "state", msg_state_name(st), "state_label", msg_state_label(st));
    if (!j)
        return NULL;
    static const struct { const char *key; int col; } times[] = {
        {"received_at", 10}, {"first_response_due", 12}, {"answer_due", 13}, {"answer_max", 14},
        {"extended_until", 15}, {"acknowledged_at", 17}, {"promised_at", 19}, {"answered_at", 20},
        {"hidden_at", 23}, {"next_due", 30}};
    for (size_t i = 0; i < sizeof times / sizeof times[0]; i++)
        json_object_set_new(j, times[i].key, message_time_json(db_text(q, times[i].col)));
    set_text_or_null(j, "extension_reason", q, 16);
    set_text_or_null(j, "ack_text", q, 18);
    set_text_or_null(j, "answer_text", q, 21);
    json_object_set_new(j, "result", result >= 0 ? json_string(msg_result_name(result)) : json_null());
    json_object_set_new(j, "result_label", result >= 0 ? json_string(msg_result_label(result)) : json_null());
    set_text_or_null(j, "hidden_reason", q, 24);
    set_real_or_null(j, "first_response_hours", q, 25);
    set_real_or_null(j, "answer_hours", q, 26);
    json_object_set_new(j, "source", json_string(db_text(q, 27)));
    json_object_set_new(j, "routed_by_rule", db_is_null(q, 28) ? json_null() : json_integer(db_int(q, 28)));
    set_text_or_null(j, "external_id", q, 29);
    int open = msg_state_is_open(st);
    json_object_set_new(j, "overdue", json_boolean(open && strcmp(db_text(q, 30), row_judged) < 0));
    const char *first = msg_first_response_at(db_text(q, 17), db_text(q, 20));
    const char *answer_due = db_is_null(q, 15) ? db_text(q, 13) : db_text(q, 15);
    json_object_set_new(j, "first_responded_at", message_time_json(first));
    json_object_set_new(j, "first_response_late",
                        json_boolean(msg_step_late(first, db_text(q, 12), open, row_judged)));
    json_object_set_new(j, "answer_late",
                        json_boolean(msg_step_late(db_text(q, 20), answer_due, open, row_judged)));
    json_object_set_new(j, "escalated", json_boolean(open && !db_is_null(q, 33) &&
                                                     strcmp(db_text(q, 33), db_text(q, 30)) == 0));
    json_object_set_new(j, "account_unit_path", json_string(db_text(q, 31)));
    json_object_set_new(j, "unit_path", json_string(db_text(q, 32)));
    return j;
}

static int visible(const gm_actor *scope, json_t *e)
{
    const char *a = json_string_value(json_object_get(e, "account_unit_path"));
    const char *u = json_string_value(json_object_get(e, "unit_path"));
    return !scope || rbac_allows(scope->grants, scope->n_grants, PERM_MESSAGE_READ, a) ||
           rbac_allows(scope->grants, scope->n_grants, PERM_MESSAGE_READ, u);
}

/* Does text contain word (ASCII letters in any case; word is lower-case)? */
static int contains_folded(const char *text, const char *word, size_t len)
{
    for (const char *t = text; *t; t++) {
        size_t i = 0;
        while (i < len && t[i] && (t[i] >= 'A' && t[i] <= 'Z' ? t[i] + 32 : t[i]) == word[i])
            i++;
        if (i == len)
            return 1;
    }
    return 0;
}

/* Every word of the search occurs in the message's text or its sender. */
static int matches_words(const message_filter *f, json_t *e)
{
    const char *text = json_string_value(json_object_get(e, "text"));
    const char *from = json_string_value(json_object_get(e, "from"));
    for (const char *w = f->q; *w;) {
        size_t len = strcspn(w, " ");
        if (!contains_folded(text ? text : "", w, len) && !contains_folded(from ? from : "", w, len))
            return 0;
        w += len + (w[len] == ' ');
    }
    return 1;
}

static int matches_late(const message_filter *f, json_t *e)
{
    int first = json_is_true(json_object_get(e, "first_response_late"));
    int answer = json_is_true(json_object_get(e, "answer_late"));
    switch (f->late) {
    case MSG_LATE_FIRST_RESPONSE: return first;
    case MSG_LATE_ANSWER: return answer;
    case MSG_LATE_EITHER: return first || answer;
    default: return 1;
    }
}

static void strip_paths(json_t *e)
{
    json_object_del(e, "account_unit_path");
    json_object_del(e, "unit_path");
}

int messages_list(db *d, const gm_actor *scope, const message_filter *f, json_t **out, gm_err *err)
{
    char judged[GM_ISO_LEN], day_start[GM_ISO_LEN], day_end[GM_ISO_LEN], unit_path[140] = "";
    instant_format_utc(f->judged_at, judged);
    instant_format_utc(instant_from_cst_day(f->judged_day, 0), day_start);
    instant_format_utc(instant_from_cst_day(f->judged_day + 1, 0), day_end);
    snprintf(row_judged, sizeof row_judged, "%s", judged);
    if (f->unit_id) {
        db_stmt *q;
        int rc = db_query(d, &q, err, "SELECT path FROM units WHERE id=?", "i", f->unit_id);
        if (rc)
            return rc;
        rc = db_next(q);
        snprintf(unit_path, sizeof unit_path, "%s", rc == 1 ? db_text(q, 0) : "/none/");
        db_done(q);
    }
    json_t *all, *page = json_array(), *e;
    int rc = db_rows_json(
        d, &all, message_row, err,
        "SELECT " LIST_COLS LIST_FROM
        "WHERE (?=0 OR m.account_id=?) AND (?='' OR u.path LIKE ?||'%' OR au.path LIKE ?||'%') "
        "AND (? IS NULL OR m.state=?) AND (? IS NULL OR m.kind=?) AND (? IS NULL OR m.channel=?) "
        "AND (?=0 OR (" OPEN_STATES " AND " NEXT_DUE "<?)) "
        "AND (?=0 OR (" OPEN_STATES " AND " NEXT_DUE ">=? AND " NEXT_DUE "<? AND " NEXT_DUE ">=?)) "
        "ORDER BY m.received_at DESC, m.id DESC",
        "iitttttttttitittt", f->account_id, f->account_id, unit_path, unit_path, unit_path, f->state,
        f->state, f->kind, f->kind, f->channel, f->channel, (long long)f->overdue, judged, (long long)f->due_today, day_start,
        day_end, judged);
    if (rc) {
        json_decref(page);
        return rc;
    }
    size_t i, total = 0;
    json_array_foreach(all, i, e) {
        if (!visible(scope, e) || !matches_words(f, e) || !matches_late(f, e))
            continue;
        if (total >= (size_t)f->offset && total < (size_t)(f->offset + f->limit)) {
            strip_paths(e);
            json_array_append(page, e);
        }
        total++;
    }
    json_decref(all);
    *out = json_pack("{s:o,s:I,s:I,s:I,s:s}", "messages", page, "total", (json_int_t)total, "limit",
                     (json_int_t)f->limit, "offset", (json_int_t)f->offset, "judged_at",
                     judged);
    return *out ? GM_OK : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
}

static json_t *event_row(db_stmt *q)
{
    json_t *detail = json_loads(db_text(q, 3), 0, NULL);
    return json_pack("{s:o,s:s,s:s,s:o,s:o}", "at", message_time_json(db_text(q, 0)), "event",
                     db_text(q, 1), "login", db_text(q, 2), "detail", detail ? detail : json_object(),
                     "actor_name", actor_name_json(q, 4));
}

int messages_detail(db *d, long long id, gm_instant now, json_t **out, gm_err *err)
{
    json_t *arr, *events;
    instant_format_utc(now, row_judged);
    int rc = db_rows_json(d, &arr, message_row, err, "SELECT " LIST_COLS LIST_FROM "WHERE m.id=?",
                          "i", id);
    if (rc)
        return rc;
    json_t *j = json_incref(json_array_get(arr, 0));
    json_decref(arr);
    if (!j)
        return gm_fail(err, GM_E_NOTFOUND, "id", "留言 %lld 不存在", id);
    strip_paths(j);
    rc = db_rows_json(d, &events, event_row, err,
                      "SELECT at,event,login,detail," ACTOR_NAME_SQL("message_events.login")
                      " FROM message_events WHERE message_id=? ORDER BY id",
                      "i", id);
    if (rc) {
        json_decref(j);
        return rc;
    }
    json_object_set_new(j, "events", events);
    *out = j;
    return GM_OK;
}

/* ---- escalation ---- */

static json_t *overdue_row(db_stmt *q)
{
    return json_pack("{s:I,s:I,s:I,s:s,s:o,s:s}", "id", (json_int_t)db_int(q, 0), "unit_id",
                     (json_int_t)db_int(q, 1), "account_id", (json_int_t)db_int(q, 2), "due_kind",
                     db_is_null(q, 3) ? "first_response" : "answer", "due",
                     message_time_json(db_text(q, 4)), "due_utc", db_text(q, 4));
}

/* In-app notices to every enabled holder of role on unit (no robot message). */
static int notify_role_in_app_only(db *d, long long unit, gm_role role, const gm_notice *n,
                                   gm_err *err)
{
    long long users[64];
    size_t k = 0;
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT DISTINCT r.user_id FROM user_roles r JOIN users u ON u.id=r.user_id "
                      "WHERE r.unit_id=? AND r.role=? AND u.disabled=0", "it", unit, role_name(role));
    if (rc)
        return rc;
    while (k < 64 && (rc = db_next(q)) == 1)
        users[k++] = db_int(q, 0);
    db_done(q);
    for (size_t i = 0; rc >= 0 && i < k; i++)
        rc = notify_user_in_app(d, users[i], unit, n, err);
    return rc < 0 ? rc : GM_OK;
}

/* 超期督办: the department heads and the leaders of the department. */
static int notify_overdue(db *d, json_t *e, gm_err *err)
{
    long long id = json_integer_value(json_object_get(e, "id"));
    long long unit = json_integer_value(json_object_get(e, "unit_id"));
    int first = strcmp(json_string_value(json_object_get(e, "due_kind")), "first_response") == 0;
    char title[96], body[160], link[40];
    snprintf(title, sizeof title, "超期督办:留言 %lld %s", id, first ? "未按时首次回应" : "未按时答复");
    snprintf(body, sizeof body, "期限 %s 已过,请立即办理", json_string_value(json_object_get(e, "due")));
    snprintf(link, sizeof link, "/messages/%lld", id);
    gm_notice n = {.kind = "message.overdue", .title = title, .body = body, .link = link};
    int rc = notify_role(d, unit, ROLE_DEPARTMENT_HEAD, &n, NULL, err);
    if (!rc) /* the leaders get it in-app; the group already has it once */
        rc = notify_role_in_app_only(d, unit, ROLE_LEADER, &n, err);
    return rc;
}

static int escalate_in_transaction(db *d, const gm_actor *who, const char *now_s, json_t *list,
                                   gm_err *err)
{
    size_t i;
    json_t *e;
    int rc = db_append_rows(d, list, overdue_row, err,
                            "SELECT m.id,m.unit_id,m.account_id,m.acknowledged_at," NEXT_DUE
                            " FROM messages m WHERE " OPEN_STATES " AND " NEXT_DUE "<? AND "
                            "(m.escalated_due IS NULL OR m.escalated_due<>" NEXT_DUE ") ORDER BY m.id",
                            "t", now_s);
    json_array_foreach(list, i, e) {
        if (rc)
            break;
        long long id = json_integer_value(json_object_get(e, "id"));
        const char *due = json_string_value(json_object_get(e, "due_utc"));
        rc = db_exec(d, err, "UPDATE messages SET escalated_due=? WHERE id=?", "ti", due, id);
        char now[GM_ISO_LEN];
        clock_iso_from_now(now, 0);
        json_t *detail = json_pack("{s:s,s:O,s:I}", "due_kind",
                                   json_string_value(json_object_get(e, "due_kind")), "due",
                                   json_object_get(e, "due"), "unit_id",
                                   (json_int_t)json_integer_value(json_object_get(e, "unit_id")));
        char *text = json_dumps(detail, JSON_COMPACT);
        if (!rc)
            rc = db_exec(d, err,
                         "INSERT INTO message_events(message_id,at,event,login,detail) VALUES(?,?,?,?,?)",
                         "itttt", id, now, "escalate", who->login, text ? text : "{}");
        free(text);
        if (!rc)
            rc = audit_append_json(d, who, "message.escalate", "message", id, NULL, detail, err);
        else
            json_decref(detail);
        if (!rc)
            rc = notify_overdue(d, e, err);
        json_object_del(e, "due_utc");
    }
    return rc;
}

int messages_escalate(db *d, const gm_actor *who, gm_instant now, json_t **out, gm_err *err)
{
    char now_s[GM_ISO_LEN];
    instant_format_utc(now, now_s);
    json_t *list = json_array();
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_end(d, escalate_in_transaction(d, who, now_s, list, err), err);
    if (rc)
        json_decref(list);
    else
        *out = list;
    return rc;
}
