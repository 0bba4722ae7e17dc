/*
 * message.c - the message state machine, code tables and routing rules
 * (see message.h).
 */
#include "core/message.h"

#include <stdlib.h>
#include <string.h>

static const char *const state_names[] = {"received", "assigned", "acknowledged", "answered", "hidden"};
static const char *const state_labels[] = {"待分派", "已分派", "已受理", "已答复", "已屏蔽"};

const char *msg_state_name(gm_msg_state s) { return s < GM_MSG_STATE_COUNT ? state_names[s] : "?"; }
const char *msg_state_label(gm_msg_state s) { return s < GM_MSG_STATE_COUNT ? state_labels[s] : "?"; }
int msg_state_is_open(gm_msg_state s) { return s <= GM_MSG_ACKNOWLEDGED; }

const char *msg_first_response_at(const char *acknowledged_at, const char *answered_at)
{
    const char *a = acknowledged_at ? acknowledged_at : "", *b = answered_at ? answered_at : "";
    if (!*a || !*b)
        return *a ? a : b;
    return strcmp(a, b) <= 0 ? a : b;
}

int msg_step_late(const char *done_at, const char *due, int open, const char *judged)
{
    if (!due || !*due)
        return 0;
    if (done_at && *done_at)
        return strcmp(done_at, due) > 0;
    return open && judged && strcmp(due, judged) < 0;
}

/* Looks s up among names or labels; -1 when absent. */
static int lookup(const char *const *names, const char *const *labels, int n, const char *s)
{
    for (int i = 0; s && i < n; i++)
        if (strcmp(s, names[i]) == 0 || (labels && strcmp(s, labels[i]) == 0))
            return i;
    return -1;
}

int msg_state_parse(const char *name, const char *field, gm_msg_state *out, gm_err *err)
{
    int i = lookup(state_names, NULL, GM_MSG_STATE_COUNT, name);
    if (i < 0)
        return gm_fail(err, GM_E_INVALID, field,
                       "未知状态“%s”(可选 received、assigned、acknowledged、answered、hidden)",
                       name ? name : "");
    *out = (gm_msg_state)i;
    return GM_OK;
}

int msg_transition(gm_msg_state from, gm_msg_event ev, gm_msg_state *to, gm_err *err)
{
    if (from == GM_MSG_HIDDEN)
        return gm_fail(err, GM_E_CONFLICT, "state", "该留言已被屏蔽,不能再处理");
    if (from == GM_MSG_ANSWERED && ev != GM_MSG_HIDE)
        return gm_fail(err, GM_E_CONFLICT, "state", "该留言已答复办结,不能再处理");
    switch (ev) {
    case GM_MSG_ASSIGN:
        *to = from == GM_MSG_RECEIVED ? GM_MSG_ASSIGNED : from;
        return GM_OK;
    case GM_MSG_ACK:
        if (from == GM_MSG_ACKNOWLEDGED)
            return gm_fail(err, GM_E_CONFLICT, "state", "该留言已受理(已首次回应)");
        *to = GM_MSG_ACKNOWLEDGED;
        return GM_OK;
    case GM_MSG_ANSWER:
        *to = GM_MSG_ANSWERED;
        return GM_OK;
    case GM_MSG_EXTEND:
        *to = from;
        return GM_OK;
    case GM_MSG_HIDE:
        *to = GM_MSG_HIDDEN;
        return GM_OK;
    }
    return gm_fail(err, GM_E_INTERNAL, NULL, "未知的留言操作");
}

static const char *const kind_names[] = {"consult", "suggestion", "complaint", "report", "other"};
static const char *const kind_labels[] = {"咨询", "建议", "投诉", "举报", "其他"};
const char *msg_kind_name(int i) { return i >= 0 && i < GM_MSG_KIND_COUNT ? kind_names[i] : "?"; }
const char *msg_kind_label(int i) { return i >= 0 && i < GM_MSG_KIND_COUNT ? kind_labels[i] : "?"; }

/* A code or label of one table into *out; GM_E_INVALID naming field with
 * what, and the choices, otherwise. */
static int parse_code(const char *const *names, const char *const *labels, int n, const char *s,
                      const char *field, const char *what, const char *choices, int *out,
                      gm_err *err)
{
    int i = lookup(names, labels, n, s);
    if (i < 0)
        return gm_fail(err, GM_E_INVALID, field, "未知的%s“%.40s”(可选 %s)", what, s ? s : "", choices);
    *out = i;
    return GM_OK;
}

int msg_kind_parse(const char *s, const char *field, int *out, gm_err *err)
{
    return parse_code(kind_names, kind_labels, GM_MSG_KIND_COUNT, s, field, "留言类型",
                      "咨询 consult、建议 suggestion、投诉 complaint、举报 report、其他 other", out, err);
}

static const char *const channel_names[] = {"comment", "message", "private"};
static const char *const channel_labels[] = {"评论", "留言", "私信"};
const char *msg_channel_name(int i) { return i >= 0 && i < GM_MSG_CHANNEL_COUNT ? channel_names[i] : "?"; }
const char *msg_channel_label(int i) { return i >= 0 && i < GM_MSG_CHANNEL_COUNT ? channel_labels[i] : "?"; }

int msg_channel_parse(const char *s, const char *field, int *out, gm_err *err)
{
    return parse_code(channel_names, channel_labels, GM_MSG_CHANNEL_COUNT, s, field, "来源渠道",
                      "评论 comment、留言 message、私信 private", out, err);
}

static const char *const result_names[] = {"resolved", "explained", "referred", "declined"};
static const char *const result_labels[] = {"已解决", "已解释说明", "已转有关部门", "不予受理"};
const char *msg_result_name(int i) { return i >= 0 && i < GM_MSG_RESULT_COUNT ? result_names[i] : "?"; }
const char *msg_result_label(int i) { return i >= 0 && i < GM_MSG_RESULT_COUNT ? result_labels[i] : "?"; }

int msg_result_parse(const char *s, const char *field, int *out, gm_err *err)
{
    return parse_code(result_names, result_labels, GM_MSG_RESULT_COUNT, s, field, "办理结果",
                      "resolved 已解决、explained 已解释说明、referred 已转有关部门、declined 不予受理",
                      out, err);
}

static int rule_matches(const gm_route_rule *r, const char *kind, const char *text)
{
    if (r->kind && *r->kind && (!kind || strcmp(r->kind, kind) != 0))
        return 0;
    return !r->keyword || !*r->keyword || (text && strstr(text, r->keyword));
}

static int rule_before(const gm_route_rule *a, const gm_route_rule *b)
{
    return a->priority < b->priority || (a->priority == b->priority && a->id < b->id);
}

int msg_route_match(const gm_route_rule *rules, size_t n, const char *kind, const char *text)
{
    int best = -1;
    for (size_t i = 0; i < n; i++)
        if (rule_matches(&rules[i], kind, text) && (best < 0 || rule_before(&rules[i], &rules[best])))
            best = (int)i;
    return best;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void msg_median_max(double *values, size_t n, double *median, double *max)
{
    *median = *max = 0;
    if (!n)
        return;
    qsort(values, n, sizeof *values, cmp_double);
    *median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    *max = values[n - 1];
}
