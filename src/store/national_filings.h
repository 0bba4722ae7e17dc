/*
 * national_filings.h - accounts' filings in the national 全国政务新媒体信息
 * 报送系统: the events that need one (derived from account_versions), when
 * each is due, and the filings recorded (table national_filings, 044).
 * Rules in core/national_filing.h.
 */
#ifndef GM_STORE_NATIONAL_FILINGS_H
#define GM_STORE_NATIONAL_FILINGS_H

#include <jansson.h>

#include "core/actor.h"
#include "core/calendar.h"
#include "core/date.h"
#include "store/db.h"

/* Which events to list: account_id 0 = every account; unit_path NULL = every
 * unit, else that unit and the units below; state NULL = all, "open" = not
 * filed, or one state name (pending, overdue, filed, filed_late); event NULL
 * = all, or open / change / close / cancel. */
typedef struct nf_list_filter {
    long long account_id;
    const char *unit_path, *state, *event;
} nf_list_filter;

/* Every event needing a national filing, oldest first per account:
 * [{account_id, account_name, platform_label, unit_id, unit_name, version,
 *   event, event_label, event_on, due_on, state, state_label, filed_on,
 *   reference, note, filed_by, filed_by_name, deadline, working_days,
 *   working_days_left, days_left}], due days under the unit's policy
 * (national_filing_policies.h); a filing keeps the due day it was judged
 * by.  scope: only accounts it may read (account.read; NULL: all). */
int national_filings_list(db *d, const gm_actor *scope, const nf_list_filter *f,
                          const gm_calendar *cal, gm_date today, json_t **out, gm_err *err);

/* Records that the event of the account's version was filed on filed_on
 * (YYYY-MM-DD, between the event's day and today), with the national
 * system's reference and a note (either may be NULL), audited as
 * account.national_file; the due day of the unit's policy (cal: the working
 * calendar) is kept with it.  404 version, 400 not such an event or a bad day,
 * 409 already filed. */
int national_filings_record(db *d, const gm_actor *who, long long account_id, long long version,
                            const char *filed_on, const char *reference, const char *note,
                            const gm_calendar *cal, gm_date today, gm_err *err);

#endif
