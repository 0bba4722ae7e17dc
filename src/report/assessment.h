/*
 * assessment.h - measuring and scoring the yearly assessment of each unit
 * (core/assessment.h) and the units' schemes in the store.
 *
 * A unit is assessed on its own live accounts.  Measurements:
 *   veto_inactivity  accounts found more than 14 days without update at a
 *                    quarterly check (the provinces' quarterly inspection:
 *                    31 March, 30 June, 30 September, 31 December)
 *   timeliness       share of monthly checks (each month end) at which an
 *                    account had been updated within the last 10 days
 *   originality      originals / publications of the year
 *   consolidation    1 - (zombie accounts + extra accounts on one platform) / live accounts
 *   originals_bonus  originals of the year (200 earn the full bonus)
 *   replies          messages of the year answered in time / messages (hidden ones excluded)
 *   veto_interaction messages left past the maximum answer deadline (unanswered or
 *                    answered late): any vetoes (互动回应差)
 *   reads, likes     sums of imported figures (organisations only)
 *   veto_security    publications of the year made through the workflow, re-checked
 *                    with the engine given (the lists in force now): any with a
 *                    blocking wrong expression (严重表述错误) or secret (泄密) vetoes;
 *                    without an engine (NULL) "无数据"
 *   follows, forwards, reading_time:
 *                    no data source yet -> "无数据" (left out of the total)
 * Checks after as_of are not made yet.  Every indicator carries its facts:
 * the numbers used and the accounts behind them, linked ("/accounts/ID").
 */
#ifndef GM_REPORT_ASSESSMENT_H
#define GM_REPORT_ASSESSMENT_H

#include <jansson.h>
#include "core/actor.h"
#include "check/check.h"
#include "core/assessment.h"
#include "report/activity.h"
#include "report/assessment_security.h"

/* [{unit_id, unit_name, unit_kind, year, as_of, scheme_source: "preset"|"unit",
 *   total, grade, vetoed, indicators:[{code, label, kind, weight, has_data, value,
 *   points, vetoed, facts:{summary, items:[{account_id, account_name, link, detail}]}}]}] */
int report_assessment(db *d, const report_scope *scope, int year, gm_date as_of,
                      const security_engine *security, json_t **out, gm_err *err);

int report_assessment_table(const json_t *rows, gm_sheet *t, gm_err *err);

/* The unit's scheme for year (the preset when none is stored); *stored = 1 if stored. */
int assessment_scheme_get(db *d, long long unit_id, int year, gm_scheme *s, int *stored, gm_err *err);

/* Validates (government units: no vanity metric) and stores; audited. */
int assessment_scheme_set(db *d, const gm_actor *who, long long unit_id, int year,
                          const gm_scheme *s, gm_err *err);

/* Scheme <-> JSON [{code, weight, target}] (GM_E_INVALID naming indicators[i].x). */
int assessment_scheme_from_json(const json_t *arr, gm_scheme *s, gm_err *err);
json_t *assessment_scheme_to_json(const gm_scheme *s);
/* The indicator catalogue of core/assessment.c for clients: code, Chinese
 * label, kind, default target, place in the national preset, and whether
 * (and why) a government unit's scheme may not use it. */
json_t *assessment_catalogue_to_json(void);

#endif
