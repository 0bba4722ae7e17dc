/*
 * account_deadline.h - when an account's filing and re-filing are due,
 * and whether they are overdue.
 *
 * Filing (《备案登记表》) is due 3 days after opening [REQUIREMENTS §1].
 * Seed 001 itself only says 及时 (promptly); the 3 comes from the product
 * requirements, which say "days", not "working days", so it counts
 * CALENDAR days: opened 2026-09-29 => due 2026-10-02 even in a holiday.
 * Re-filing after a change of responsible leader or administrator is due
 * 5 WORKING days after the change (seed 004: 变更后5个工作日内报备), using
 * the working calendar.  Both numbers are policy settings with these
 * presets.  A due date is the last day allowed: overdue means today > due.
 */
#ifndef GM_CORE_ACCOUNT_DEADLINE_H
#define GM_CORE_ACCOUNT_DEADLINE_H

#include "core/account.h"
#include "core/calendar.h"
#include "core/date.h"
#include "util/gm_error.h"

#define GM_FILING_DUE_DAYS_DEFAULT 3
#define GM_REFILING_DUE_WORKING_DAYS_DEFAULT 5

typedef struct gm_deadline_policy {
    int filing_due_days;           /* calendar days after opening, 0..365 */
    int refiling_due_working_days; /* working days after the change, 0..60 */
} gm_deadline_policy;

/* The presets above. */
gm_deadline_policy deadline_policy_default(void);

/* GM_E_INVALID naming the field when a number is out of range. */
int deadline_policy_validate(const gm_deadline_policy *p, gm_err *err);

/* opened_on + filing_due_days calendar days. */
int account_filing_due(const gm_deadline_policy *p, gm_date opened_on, gm_date *due, gm_err *err);

/* The refiling_due_working_days-th working day after changed_on. */
int account_refiling_due(const gm_deadline_policy *p, const gm_calendar *cal, gm_date changed_on,
                         gm_date *due, gm_err *err);

/* 1 if today is past due. */
int deadline_is_overdue(gm_date due, gm_date today);

/* *overdue = 1 if the account is still waiting for its first filing
 * (opened or certified) and today is past the filing due date. */
int account_filing_overdue(const gm_deadline_policy *p, gm_account_state state,
                           gm_date opened_on, gm_date today, int *overdue, gm_err *err);

/* *overdue = 1 if the account is refiling_due and today is past the
 * re-filing due date of its latest change. */
int account_refiling_overdue(const gm_deadline_policy *p, const gm_calendar *cal,
                             gm_account_state state, gm_date changed_on, gm_date today,
                             int *overdue, gm_err *err);

#endif
