/*
 * messages.h - public messages (留言、评论、私信) in the store: logging one by
 * hand, the handling steps, lists with overdue / due-today judgement, the
 * overdue escalation run.  Imports live in message_import.h, routing rules
 * in message_rules.h, figures in message_figures.h.
 *
 * A message belongs to an account (its unit "owns" it) and is handled by
 * a responsible department (unit_id): the routing rules of the account's
 * unit and its ancestors choose it on receipt; the supervisor may assign
 * another.  Deadlines are computed once, on receipt, from the policy of the
 * account's unit and the working calendar; an extension is recorded on top.
 * Every step is one transaction with its event row and its audit row.
 * All times are stored as UTC ISO-8601 and shown with "+08:00".
 */
#ifndef GM_STORE_MESSAGES_H
#define GM_STORE_MESSAGES_H

#include <jansson.h>
#include "core/actor.h"
#include "core/calendar.h"
#include "core/instant.h"
#include "core/message.h"
#include "store/db.h"

#define GM_MESSAGE_TEXT_MAX 5000

typedef struct gm_message_in {
    long long account_id;
    const char *kind;           /* code or Chinese label; NULL: "other" */
    const char *channel;        /* NULL: "message" (留言) */
    const char *text;
    const char *sender;         /* NULL: "匿名" */
    const char *received_at;    /* ISO; China time when no zone */
    const char *external_id;    /* the platform's id of the message, may be NULL */
} gm_message_in;

typedef struct gm_message {
    long long id, account_id, unit_id, account_unit_id;
    char account_unit_path[128], unit_path[128];
    gm_msg_state state;
    gm_instant received_at, answer_due, answer_max, extended_until; /* extended_until 0: none */
    gm_instant acknowledged_at;                                     /* 0: not acknowledged */
    char work_hours[64];
} gm_message;

/* Logs one message by hand (source "manual").  GM_E_CONFLICT when the
 * same message (same platform id, or same time, sender and text) exists. */
int messages_log(db *d, const gm_actor *who, const gm_calendar *cal, const gm_message_in *in,
                 gm_instant now, long long *id_out, gm_err *err);

/* Inserts one message inside the caller's transaction (used by imports):
 * *duplicate = 1 (and nothing written) when it was there already. */
int messages_insert(db *d, const gm_actor *who, const gm_calendar *cal, const gm_message_in *in,
                    const char *source, gm_instant now, long long *id_out, int *duplicate,
                    gm_err *err);

int messages_get(db *d, long long id, gm_message *out, gm_err *err);

/* Tells the department heads of unit_id (in-app and the unit's robots),
 * inside the caller's transaction; message_id 0 links to the unit's list. */
int messages_notify_department(db *d, long long unit_id, long long message_id, const char *kind,
                               const char *title, const char *body, gm_err *err);

/* The steps.  `at` is when it happened on the platform (0: now); it must
 * lie between receipt and now. */
int messages_assign(db *d, const gm_actor *who, long long id, long long unit_id, gm_err *err);
int messages_ack(db *d, const gm_actor *who, const gm_calendar *cal, long long id,
                 const char *text, const char *promised_at, gm_instant at, gm_instant now,
                 gm_err *err);
int messages_answer(db *d, const gm_actor *who, const gm_calendar *cal, long long id,
                    const char *text, const char *result, gm_instant at, gm_instant now,
                    gm_err *err);
/* until: ISO time, or "YYYY-MM-DD" meaning the close of work that day.
 * at: when the extension was granted (0: now); GM_E_CONFLICT when that is
 * after the deadline in force, which an extension may no longer move. */
int messages_extend(db *d, const gm_actor *who, long long id, const char *until,
                    const char *reason, gm_instant at, gm_instant now, gm_err *err);
int messages_hide(db *d, const gm_actor *who, long long id, const char *reason, gm_err *err);

typedef struct message_filter {
    long long account_id, unit_id;  /* 0: any; unit_id includes units below */
    const char *state, *kind, *channel; /* NULL: any */
    char q[800];                    /* "": any; else words (space-separated), each must occur */
    int overdue;                    /* 1: only overdue ones */
    int due_today;                  /* 1: only those due on the judged day */
    int late;                       /* MSG_LATE_*: only those whose first response / answer was late */
    gm_instant judged_at;           /* overdue means next due < judged_at */
    gm_date judged_day;             /* "due today" means due on this China day */
    long long limit, offset;
} message_filter;

enum { MSG_LATE_UNFILTERED, MSG_LATE_FIRST_RESPONSE, MSG_LATE_ANSWER, MSG_LATE_EITHER };

/* The query arguments of GET /messages (and `message list`) as text;
 * NULL or "" leaves a filter out. */
typedef struct message_filter_args {
    const char *account_id, *unit_id, *state, *kind, *channel, *q, *late, *overdue, *due,
        *as_of, *limit, *offset;
} message_filter_args;

/* Validates the query arguments into f (as_of: the day overdue is judged
 * for, judged at its start; NULL: now).  q: words, each of which must
 * occur in the message's text or its sender (ASCII letters in any case);
 * late: first_response | answer | any. */
int message_filter_parse(message_filter *f, const message_filter_args *a, gm_instant now,
                         gm_err *err);

/* {messages:[...], total, limit, offset} of the messages scope may read. */
int messages_list(db *d, const gm_actor *scope, const message_filter *f, json_t **out, gm_err *err);

/* One message with its timeline (events). */
int messages_detail(db *d, long long id, gm_instant now, json_t **out, gm_err *err);

/* Marks every open message whose next due time passed before `now` and
 * has not been escalated for that due time; records an "escalate" event
 * per message and notifies the department heads and the leaders of the
 * responsible department (one transaction).  *out: [{id, unit_id,
 * account_id, due_kind, due}]. */
int messages_escalate(db *d, const gm_actor *who, gm_instant now, json_t **out, gm_err *err);

/* The stored UTC time as the API gives it ("YYYY-MM-DDTHH:MM:SSZ"), or JSON null for "". */
json_t *message_time_json(const char *stored);

#endif
