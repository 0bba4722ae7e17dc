/*
 * activity.h - the activity report: for each live account, how recently
 * it was updated and whether that breaks its preset or the national
 * 2-week veto (core/activity.h), the zombie list, and the store queries
 * behind them.  Publications come from the `publications` table (workflow
 * and imported alike).
 */
#ifndef GM_REPORT_ACTIVITY_H
#define GM_REPORT_ACTIVITY_H

#include <jansson.h>
#include "core/actor.h"
#include "core/calendar.h"
#include "core/date.h"
#include "report/sheet.h"
#include "store/db.h"

typedef struct report_scope {
    const gm_actor *actor;   /* NULL: everything (local CLI) */
    long long unit_id;       /* 0: all units; else this unit and those below */
} report_scope;

/* 1 when the scope's actor may read accounts of the unit at unit_path. */
int report_in_scope(const report_scope *scope, const char *unit_path);

/* [{account_id, account_name, platform, platform_label, unit_id, unit_name,
 *   state, opened, last_update, days_since_update, policy, policy_label,
 *   status, status_label, reason, longest_gap_days, originals_14d,
 *   updates_7d, zombie, suggestion}] ordered by unit and account. */
int report_activity(db *d, const report_scope *scope, gm_date as_of, const gm_calendar *cal,
                    json_t **out, gm_err *err);

/* The rows of report_activity that are on the zombie list (> 3 months). */
json_t *report_zombies(const json_t *activity);

/* The activity report as a table for export. */
int report_activity_table(const json_t *activity, gm_sheet *t, gm_err *err);

/* The China date of a UTC ISO time ("2026-10-07T17:00:00Z" -> 2026-10-08). */
int report_china_day(const char *utc_iso, gm_date *out);

/* UTC ISO text of the first moment after China date d ends (d+1 00:00 +08:00). */
void report_day_end_utc(gm_date d, char out[24]);

#endif
