/*
 * account_review.h - the annual review (年审) of accounts [001, 004].
 *
 * Every year a supervisor opens a review round (default month: November).
 * Each live account submits a report; the supervisor passes or fails it.
 * When the round closes, every live account with no report or a failed
 * one must be closed (注销).  A report submitted but not yet decided is
 * "pending", not "must close": the supervisor still owes a decision.
 *
 * Per account and round:  none -submit-> submitted -pass-> passed
 *                                                  -fail-> failed
 */
#ifndef GM_CORE_ACCOUNT_REVIEW_H
#define GM_CORE_ACCOUNT_REVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "core/account.h"
#include "core/date.h"
#include "util/gm_error.h"

#define GM_REVIEW_MONTH_DEFAULT 11

typedef enum gm_review_state {
    GM_REVIEW_NONE,      /* 未提交 */
    GM_REVIEW_SUBMITTED, /* 已提交 */
    GM_REVIEW_PASSED,    /* 已通过 */
    GM_REVIEW_FAILED,    /* 未通过 */
    GM_REVIEW_STATE_COUNT
} gm_review_state;

typedef enum gm_review_outcome {
    GM_REVIEW_OUTCOME_KEEP,       /* passed */
    GM_REVIEW_OUTCOME_PENDING,    /* submitted, awaiting a decision */
    GM_REVIEW_OUTCOME_MUST_CLOSE, /* no report, or failed */
    GM_REVIEW_OUTCOME_EXEMPT      /* not live (closed, merged, never opened) */
} gm_review_outcome;

/* The review's next state for submit / pass / fail (the GM_EVENT_*_ANNUAL_*
 * events); GM_E_CONFLICT naming the current review state otherwise. */
int review_transition(gm_review_state state, gm_account_event event, gm_review_state *next,
                      gm_err *err);

/* First and last day of the round for year in month (1-12; 0 means the
 * default, November). */
int review_round_window(int year, int month, gm_date *first, gm_date *last, gm_err *err);

/* What the closed round means for one account. */
gm_review_outcome review_outcome(gm_account_state account, gm_review_state review);

/* One account in a round, for listing. */
typedef struct gm_review_entry {
    int64_t account_id;
    gm_account_state account_state;
    gm_review_state review_state;
} gm_review_entry;

/* Writes the indexes of entries that must close into out (room for n);
 * *n_out gets their count. */
void review_list_must_close(const gm_review_entry *entries, size_t n, size_t *out, size_t *n_out);

const char *review_state_name(gm_review_state s);  /* "none", "submitted", ... */
const char *review_state_label(gm_review_state s); /* 未提交, 已提交, ... */
/* The state called name ("none", "submitted", ...); GM_REVIEW_NONE when unknown. */
int review_state_from_name(const char *name);

#endif
