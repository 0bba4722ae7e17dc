/*
 * post_review.h - the review steps (分级审核) and the units' review policies.
 *
 * Submitting runs the compliance engine on title + body for the platform
 * of every target account and stores the findings with the version; the
 * chain of levels is fixed from the unit's policy at that moment.  Every
 * step notifies whoever must act next (store/notify.h).
 */
#ifndef GM_STORE_POST_REVIEW_H
#define GM_STORE_POST_REVIEW_H

#include <jansson.h>
#include "check/check.h"
#include "core/calendar.h"
#include "store/posts.h"

/* Checks and submits.  *findings (owned by the caller) is always set on
 * GM_OK.  When a block finding exists the findings are stored, the post
 * stays a draft and *blocked is 1. */
int posts_submit(db *d, gm_actor *who, const gm_calendar *cal, const gm_checker *c, long long id,
                 json_t **findings, int *blocked, gm_err *err);

typedef struct approve_input {
    const char *note, *override_reason;
    int confidentiality;   /* 0/1 */
} approve_input;

/* who's acting role becomes the level's role when they hold it. */
int posts_approve(db *d, gm_actor *who, const gm_calendar *cal, long long id,
                  const approve_input *in, gm_err *err);
int posts_reject(db *d, gm_actor *who, long long id, const char *reason, gm_err *err);

/* The unit's review policy (the default when none was set). */
int review_policy_get(db *d, long long unit_id, gm_review_policy *p, gm_err *err);
/* Sets it (admins; audited with before and after). */
int review_policy_set(db *d, const gm_actor *who, long long unit_id, const gm_review_policy *p,
                      gm_err *err);

/* Reminds the reviewers of every level past its due day (China date
 * today, "YYYY-MM-DD") once per level; *n = posts reminded. */
int posts_remind_overdue(db *d, const char *today, int *n, gm_err *err);

#endif
