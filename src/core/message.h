/*
 * message.h - a public message (留言、评论、私信) and its small state machine,
 * kinds, results and the routing rules that pick the responsible department.
 *
 *   received -assign-> assigned -ack-> acknowledged -answer-> answered
 *   received|assigned -ack-> acknowledged;  any open state -answer-> answered
 *   assign and extend keep an acknowledged message acknowledged;
 *   any state except hidden -hide-> hidden (reason required)
 * answered and hidden are final: a reply, acknowledgement or extension of
 * them is refused (GM_E_CONFLICT).  Messages are never deleted: hiding a
 * malicious comment records who and why and keeps the text.
 */
#ifndef GM_CORE_MESSAGE_H
#define GM_CORE_MESSAGE_H

#include <stddef.h>
#include "util/gm_error.h"

typedef enum {
    GM_MSG_RECEIVED,      /* 待分派 */
    GM_MSG_ASSIGNED,      /* 已分派 */
    GM_MSG_ACKNOWLEDGED,  /* 已受理 (first response given) */
    GM_MSG_ANSWERED,      /* 已答复 (final) */
    GM_MSG_HIDDEN,        /* 已屏蔽 (final) */
    GM_MSG_STATE_COUNT
} gm_msg_state;

typedef enum { GM_MSG_ASSIGN, GM_MSG_ACK, GM_MSG_ANSWER, GM_MSG_EXTEND, GM_MSG_HIDE } gm_msg_event;

const char *msg_state_name(gm_msg_state s);
const char *msg_state_label(gm_msg_state s);
/* GM_E_INVALID naming field for an unknown name. */
int msg_state_parse(const char *name, const char *field, gm_msg_state *out, gm_err *err);
/* 1 for received, assigned, acknowledged. */
int msg_state_is_open(gm_msg_state s);

/* The state after ev, or GM_E_CONFLICT with a message saying why not. */
int msg_transition(gm_msg_state from, gm_msg_event ev, gm_msg_state *to, gm_err *err);

/* Kinds: consult 咨询, suggestion 建议, complaint 投诉, report 举报, other 其他.
 * msg_kind_parse accepts the code or the Chinese label (imports). */
#define GM_MSG_KIND_COUNT 5
const char *msg_kind_name(int i);
const char *msg_kind_label(int i);
int msg_kind_parse(const char *s, const char *field, int *out, gm_err *err);

/* Channels: comment 评论, message 留言, private 私信. */
#define GM_MSG_CHANNEL_COUNT 3
const char *msg_channel_name(int i);
const char *msg_channel_label(int i);
int msg_channel_parse(const char *s, const char *field, int *out, gm_err *err);

/* Results of an answer: resolved 已解决, explained 已解释说明,
 * referred 已转有关部门, declined 不予受理(说明理由). */
#define GM_MSG_RESULT_COUNT 4
const char *msg_result_name(int i);
const char *msg_result_label(int i);
int msg_result_parse(const char *s, const char *field, int *out, gm_err *err);

/* A routing rule: a message of `kind` (NULL/"" any) whose text contains
 * `keyword` (NULL/"" any) goes to target_unit_id.  Rules are tried by
 * ascending priority, then id; the first match wins. */
typedef struct gm_route_rule {
    long long id;
    int priority;
    const char *keyword;
    const char *kind;
    long long target_unit_id;
} gm_route_rule;

/* The index of the winning rule, or -1 when none matches.  rules need not
 * be sorted. */
int msg_route_match(const gm_route_rule *rules, size_t n, const char *kind, const char *text);

/* Lateness of the two promises made to the citizen.  Times are UTC ISO
 * text (they order like the instants they name), "" when not given.
 * The first response (首次回应) is the acknowledgement or the answer,
 * whichever came first: an answer without a 受理 is the first response too.
 * A step is late when it was done after its due time, or when it is still
 * owed (the message is open) and its due time lies before `judged`: it can
 * no longer be on time.  A hidden message owes nothing. */
const char *msg_first_response_at(const char *acknowledged_at, const char *answered_at);
int msg_step_late(const char *done_at, const char *due, int open, const char *judged);

/* Median and maximum of n values (values is reordered); 0 when n == 0. */
void msg_median_max(double *values, size_t n, double *median, double *max);

#endif
