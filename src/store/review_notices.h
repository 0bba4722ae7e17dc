/*
 * review_notices.h - who is told about annual-review decisions (REQUIREMENTS
 * §1: "not submitted or failed ⇒ the account must be closed"): the unit
 * that runs the account hears each decision on its report and, when the
 * round closes, each of its accounts that must now be closed.  Recipients:
 * the unit's department heads (in-app and the unit's group robots) and its
 * operators (in-app), as for the weekly reminder.  Inside the caller's
 * transaction.
 */
#ifndef GM_STORE_REVIEW_NOTICES_H
#define GM_STORE_REVIEW_NOTICES_H

#include "store/db.h"

/* The report of account_id in round round_id (year) passed or failed (reason). */
int review_notice_decided(db *d, long long round_id, int year, long long account_id, int pass,
                          const char *reason, gm_err *err);

/* Round round_id closed: account_id must be closed, why says why. */
int review_notice_must_close(db *d, long long round_id, int year, long long account_id,
                             const char *why, gm_err *err);

#endif
