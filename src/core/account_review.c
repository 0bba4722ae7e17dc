/*
 * account_review.c - annual review round rules (see account_review.h).
 */
#include "core/account_review.h"

#include <string.h>

static const struct {
    const char *name;
    const char *label;
} review_states[GM_REVIEW_STATE_COUNT] = {
    [GM_REVIEW_NONE] = {"none", "未提交"},
    [GM_REVIEW_SUBMITTED] = {"submitted", "已提交"},
    [GM_REVIEW_PASSED] = {"passed", "已通过"},
    [GM_REVIEW_FAILED] = {"failed", "未通过"},
};

static int review_state_is_valid(gm_review_state s)
{
    return (int)s >= 0 && s < GM_REVIEW_STATE_COUNT;
}

const char *review_state_name(gm_review_state s)
{
    return review_state_is_valid(s) ? review_states[s].name : "unknown";
}

const char *review_state_label(gm_review_state s)
{
    return review_state_is_valid(s) ? review_states[s].label : "未知";
}

int review_transition(gm_review_state state, gm_account_event event, gm_review_state *next,
                      gm_err *err)
{
    int to = -1;
    if (event == GM_EVENT_SUBMIT_ANNUAL_REPORT && state == GM_REVIEW_NONE)
        to = GM_REVIEW_SUBMITTED;
    else if (event == GM_EVENT_PASS_ANNUAL_REVIEW && state == GM_REVIEW_SUBMITTED)
        to = GM_REVIEW_PASSED;
    else if (event == GM_EVENT_FAIL_ANNUAL_REVIEW && state == GM_REVIEW_SUBMITTED)
        to = GM_REVIEW_FAILED;
    if (to < 0)
        return gm_fail(err, GM_E_CONFLICT, "review_state", "年审报告当前状态为“%s”，不能执行“%s”",
                       review_state_label(state), account_event_label(event));
    *next = (gm_review_state)to;
    return GM_OK;
}

int review_round_window(int year, int month, gm_date *first, gm_date *last, gm_err *err)
{
    if (month == 0)
        month = GM_REVIEW_MONTH_DEFAULT;
    if (month < 1 || month > 12)
        return gm_fail(err, GM_E_INVALID, "month", "年审月份应为1至12,实际为%d", month);
    int rc = date_from_ymd(year, month, 1, first, err);
    if (rc)
        return rc;
    gm_date next_month;
    rc = month == 12 ? date_from_ymd(year + 1, 1, 1, &next_month, err)
                     : date_from_ymd(year, month + 1, 1, &next_month, err);
    if (rc)
        return rc;
    *last = next_month - 1;
    return GM_OK;
}

gm_review_outcome review_outcome(gm_account_state account, gm_review_state review)
{
    if (!account_state_is_live(account))
        return GM_REVIEW_OUTCOME_EXEMPT;
    switch (review) {
    case GM_REVIEW_PASSED:
        return GM_REVIEW_OUTCOME_KEEP;
    case GM_REVIEW_SUBMITTED:
        return GM_REVIEW_OUTCOME_PENDING;
    default:
        return GM_REVIEW_OUTCOME_MUST_CLOSE;
    }
}

void review_list_must_close(const gm_review_entry *entries, size_t n, size_t *out, size_t *n_out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (review_outcome(entries[i].account_state, entries[i].review_state) ==
            GM_REVIEW_OUTCOME_MUST_CLOSE)
            out[k++] = i;
    *n_out = k;
}

int review_state_from_name(const char *name)
{
    for (int i = 0; i < GM_REVIEW_STATE_COUNT; i++)
        if (name && strcmp(name, review_state_name((gm_review_state)i)) == 0)
            return i;
    return GM_REVIEW_NONE;
}
