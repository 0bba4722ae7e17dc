/*
 * reports.h - the exportable reports by name, one door for the CLI
 * (`govmedia report NAME`) and the API (`GET /api/v1/reports/NAME[.xlsx|.csv]`):
 *
 *   accounts    the 备案 register: every account with every filing field
 *   reviews     annual-review results of every round, with the must-close list
 *   weekly      statistics per account for one week (Monday-Sunday, China time)
 *   activity    update frequency, warnings, veto, zombie list (report/activity.h)
 *   zombies     the zombie list alone (> 3 months without update)
 *   assessment  the yearly assessment per unit (report/assessment.h)
 *   closed_active  closed or merged accounts with publications after closing
 *               (report/closed_active.c)
 *
 * Each report is built as JSON rows (the API's JSON form) and as a table
 * (report/sheet.h) for CSV and xlsx.
 */
#ifndef GM_REPORT_REPORTS_H
#define GM_REPORT_REPORTS_H

#include <jansson.h>
#include "core/calendar.h"
#include "report/activity.h"
#include "report/sheet.h"

typedef struct report_params {
    gm_date as_of;        /* activity: the check date; weekly: a day of the week */
    int year;             /* assessment, reviews (0: all years for reviews) */
    const struct security_engine *security;   /* assessment's veto_security (NULL: no data) */
} report_params;

/* 1 if name is a report. */
int report_known(const char *name);

/* Builds report name: *json (may be NULL) gets the rows, *table (may be
 * NULL) the export table. GM_E_NOTFOUND (field "name") for an unknown name. */
int report_build(db *d, const report_scope *scope, const char *name, const report_params *p,
                 const gm_calendar *cal, json_t **json, gm_sheet *table, gm_err *err);

/* Builders of the simple reports (reports_registry.c). */
int report_accounts(db *d, const report_scope *scope, json_t **out, gm_err *err);
int report_reviews(db *d, const report_scope *scope, int year, json_t **out, gm_err *err);
int report_closed_active(db *d, const report_scope *scope, json_t **out, gm_err *err);

#endif
