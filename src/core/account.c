/*
 * account.c - the account lifecycle transition table (see account.h).
 *
 * The whole machine is the table below: next_state[state][event], with
 * NO_MOVE marking an illegal pair.  Everything else reads the table.
 */
#include "core/account.h"

#include <string.h>

#define NO_MOVE (-1)

static const struct {
    const char *name;
    const char *label;
} states[GM_ACCOUNT_STATE_COUNT] = {
    [GM_ACCOUNT_NONE] = {"none", "未申请"},
    [GM_ACCOUNT_APPLIED] = {"applied", "待审批"},
    [GM_ACCOUNT_APPROVED] = {"approved", "已批准"},
    [GM_ACCOUNT_REJECTED] = {"rejected", "已驳回"},
    [GM_ACCOUNT_OPENED] = {"opened", "已开通"},
    [GM_ACCOUNT_CERTIFIED] = {"certified", "已认证"},
    [GM_ACCOUNT_FILED] = {"filed", "已备案"},
    [GM_ACCOUNT_REFILING_DUE] = {"refiling_due", "待重新备案"},
    [GM_ACCOUNT_CLOSED] = {"closed", "已注销"},
    [GM_ACCOUNT_MERGED] = {"merged", "已合并"},
};

static const struct {
    const char *name;
    const char *label;
} events[GM_ACCOUNT_EVENT_COUNT] = {
    [GM_EVENT_APPLY] = {"apply", "申请"},
    [GM_EVENT_APPROVE] = {"approve", "批准"},
    [GM_EVENT_REJECT] = {"reject", "驳回"},
    [GM_EVENT_OPEN] = {"open", "开通"},
    [GM_EVENT_CERTIFY] = {"certify", "认证"},
    [GM_EVENT_FILE] = {"file", "备案"},
    [GM_EVENT_CHANGE_PEOPLE] = {"change_people", "变更负责人或管理员"},
    [GM_EVENT_SUBMIT_ANNUAL_REPORT] = {"submit_annual_report", "提交年审报告"},
    [GM_EVENT_PASS_ANNUAL_REVIEW] = {"pass_annual_review", "年审通过"},
    [GM_EVENT_FAIL_ANNUAL_REVIEW] = {"fail_annual_review", "年审不通过"},
    [GM_EVENT_CLOSE] = {"close", "注销"},
    [GM_EVENT_MERGE] = {"merge", "合并"},
};

/* Shorthands for the table. */
enum {
    S_NONE = GM_ACCOUNT_NONE, S_APPL = GM_ACCOUNT_APPLIED, S_APPR = GM_ACCOUNT_APPROVED,
    S_REJ = GM_ACCOUNT_REJECTED, S_OPEN = GM_ACCOUNT_OPENED, S_CERT = GM_ACCOUNT_CERTIFIED,
    S_FILED = GM_ACCOUNT_FILED, S_REFILE = GM_ACCOUNT_REFILING_DUE,
    S_CLOSED = GM_ACCOUNT_CLOSED, S_MERGED = GM_ACCOUNT_MERGED, NO = NO_MOVE
};

static const int next_state[GM_ACCOUNT_STATE_COUNT][GM_ACCOUNT_EVENT_COUNT] = {
    /*             apply   approve reject open    certify file     change    submit    pass      fail      close     merge */
    [S_NONE]   = {S_APPL, NO,     NO,    NO,     NO,     NO,      NO,       NO,       NO,       NO,       NO,       NO},
    [S_APPL]   = {NO,     S_APPR, S_REJ, NO,     NO,     NO,      NO,       NO,       NO,       NO,       NO,       NO},
    [S_APPR]   = {NO,     NO,     NO,    S_OPEN, NO,     NO,      NO,       NO,       NO,       NO,       NO,       NO},
    [S_REJ]    = {NO,     NO,     NO,    NO,     NO,     NO,      NO,       NO,       NO,       NO,       NO,       NO},
    [S_OPEN]   = {NO,     NO,     NO,    NO,     S_CERT, S_FILED, S_OPEN,   S_OPEN,   S_OPEN,   S_OPEN,   S_CLOSED, S_MERGED},
    [S_CERT]   = {NO,     NO,     NO,    NO,     S_CERT, S_FILED, S_CERT,   S_CERT,   S_CERT,   S_CERT,   S_CLOSED, S_MERGED},
    [S_FILED]  = {NO,     NO,     NO,    NO,     S_FILED, NO,     S_REFILE, S_FILED,  S_FILED,  S_FILED,  S_CLOSED, S_MERGED},
    [S_REFILE] = {NO,     NO,     NO,    NO,     S_REFILE, S_FILED, S_REFILE, S_REFILE, S_REFILE, S_REFILE, S_CLOSED, S_MERGED},
    [S_CLOSED] = {NO,     NO,     NO,    NO,     NO,     NO,      NO,       NO,       NO,       NO,       NO,       NO},
    [S_MERGED] = {NO,     NO,     NO,    NO,     NO,     NO,      NO,       NO,       NO,       NO,       NO,       NO},
};

static int state_is_valid(gm_account_state s)
{
    return (int)s >= 0 && s < GM_ACCOUNT_STATE_COUNT;
}

static int event_is_valid(gm_account_event e)
{
    return (int)e >= 0 && e < GM_ACCOUNT_EVENT_COUNT;
}

int account_event_is_legal(gm_account_state state, gm_account_event event)
{
    return state_is_valid(state) && event_is_valid(event) &&
           next_state[state][event] != NO_MOVE;
}

int account_transition(gm_account_state state, gm_account_event event,
                       gm_account_state *next, gm_err *err)
{
    if (!state_is_valid(state) || !event_is_valid(event))
        return gm_fail(err, GM_E_INVALID, "event", "未知的账号状态或操作");
    if (!account_event_is_legal(state, event))
        return gm_fail(err, GM_E_CONFLICT, "state", "账号当前状态为“%s”，不能执行“%s”",
                       states[state].label, events[event].label);
    *next = (gm_account_state)next_state[state][event];
    return GM_OK;
}

int account_state_is_live(gm_account_state state)
{
    return state == GM_ACCOUNT_OPENED || state == GM_ACCOUNT_CERTIFIED ||
           state == GM_ACCOUNT_FILED || state == GM_ACCOUNT_REFILING_DUE;
}

int account_state_holds_platform_slot(gm_account_state state)
{
    return state == GM_ACCOUNT_APPLIED || state == GM_ACCOUNT_APPROVED ||
           account_state_is_live(state);
}

int account_state_is_final(gm_account_state state)
{
    return state == GM_ACCOUNT_REJECTED || state == GM_ACCOUNT_CLOSED ||
           state == GM_ACCOUNT_MERGED;
}

int account_can_receive_posts(gm_account_state state, gm_err *err)
{
    if (account_state_is_live(state))
        return GM_OK;
    return gm_fail(err, GM_E_CONFLICT, "state", "账号当前状态为“%s”，不能发布信息",
                   account_state_label(state));
}

const char *account_state_name(gm_account_state state)
{
    return state_is_valid(state) ? states[state].name : "unknown";
}

const char *account_state_label(gm_account_state state)
{
    return state_is_valid(state) ? states[state].label : "未知状态";
}

const char *account_event_name(gm_account_event event)
{
    return event_is_valid(event) ? events[event].name : "unknown";
}

const char *account_event_label(gm_account_event event)
{
    return event_is_valid(event) ? events[event].label : "未知操作";
}

int account_state_parse(const char *name, gm_account_state *out, gm_err *err)
{
    for (int i = 0; name && i < GM_ACCOUNT_STATE_COUNT; i++)
        if (strcmp(name, states[i].name) == 0) {
            *out = (gm_account_state)i;
            return GM_OK;
        }
    return gm_fail(err, GM_E_INVALID, "state", "账号状态“%.64s”无效", name ? name : "");
}

int account_event_parse(const char *name, gm_account_event *out, gm_err *err)
{
    for (int i = 0; name && i < GM_ACCOUNT_EVENT_COUNT; i++)
        if (strcmp(name, events[i].name) == 0) {
            *out = (gm_account_event)i;
            return GM_OK;
        }
    return gm_fail(err, GM_E_INVALID, "event", "账号操作“%.64s”无效", name ? name : "");
}
