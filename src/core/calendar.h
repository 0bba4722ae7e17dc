/*
 * calendar.h - the working calendar: which days are working days.
 *
 * A working day is Monday-Friday, except public holidays (放假), plus the
 * weekend days the State Council declares working days (调休上班).  Each
 * year's schedule is published every November and loaded from a year file
 * (data/calendars/YYYY.txt); core never reads files, so the caller passes
 * the file's bytes to calendar_load_year().
 *
 * Year file format (UTF-8, one entry a line):
 *
 *     # comment (a line whose first non-blank character is '#')
 *     year 2026                           header, first entry, exactly once
 *     2026-10-01..2026-10-07 off 国庆节    a range of days off
 *     2026-09-20 work 国庆节调休           a weekend day that is a working day
 *
 * Each entry: DATE or DATE..DATE, then "off" or "work", then an optional
 * free-text name.  Every date must lie in the header's year; a "work" day
 * must be a Saturday or Sunday; no date may be listed twice.  Days not
 * listed follow the weekend rule.  Any error rejects the whole file with
 * GM_E_INVALID naming the line.
 *
 * Missing years: the software must not guess a year's holidays, so asking
 * about a date whose year is not loaded fails with GM_E_INVALID (field
 * "calendar") naming the year.  A caller may opt in to the plain weekend
 * rule for unloaded years with calendar_set_weekend_fallback().
 */
#ifndef GM_CORE_CALENDAR_H
#define GM_CORE_CALENDAR_H

#include <stddef.h>

#include "core/date.h"
#include "util/gm_error.h"

typedef struct gm_calendar gm_calendar;

/* Longest span, in working days, that calendar_add_working_days accepts. */
#define GM_CALENDAR_MAX_WORKING_DAYS 3660

/* Creates an empty calendar (no year loaded, no weekend fallback). */
int calendar_new(gm_calendar **out, gm_err *err);

/* Frees a calendar; NULL is fine. */
void calendar_free(gm_calendar *cal);

/* Parses one year file of len bytes and adds its year, replacing that year
 * if it was already loaded.  All or nothing: on error cal is unchanged. */
int calendar_load_year(gm_calendar *cal, const char *text, size_t len, gm_err *err);

/* 1 if the schedule for year is loaded. */
int calendar_has_year(const gm_calendar *cal, int year);

/* Number of loaded years, and the i-th of them in ascending order. */
size_t calendar_year_count(const gm_calendar *cal);
int calendar_year_at(const gm_calendar *cal, size_t i);

/* on = 1: dates in unloaded years follow the plain Monday-Friday rule
 * instead of failing.  Off by default; only for callers that accept it. */
void calendar_set_weekend_fallback(gm_calendar *cal, int on);

/* *is_working = 1 if d is a working day. */
int calendar_is_working_day(const gm_calendar *cal, gm_date d, int *is_working, gm_err *err);

/* The n-th working day after from (from itself never counts; n = 0 gives
 * from).  "Due within 5 working days of the change" = add_working_days(change, 5).
 * n must be 0..GM_CALENDAR_MAX_WORKING_DAYS. */
int calendar_add_working_days(const gm_calendar *cal, gm_date from, int n, gm_date *out,
                              gm_err *err);

/* The name the year file gives d's entry ("国庆节", "国庆节调休"), or NULL
 * for a day the file does not list, an entry without a name or a year not
 * loaded.  Valid while cal is. */
const char *calendar_day_name(const gm_calendar *cal, gm_date d);

/* from + n calendar days (no holidays involved; here for symmetry). */
int calendar_add_days(gm_date from, int n, gm_date *out, gm_err *err);

/* Working days in (from, to]; negative when to < from.  The inverse of
 * add_working_days: between(d, add_working_days(d, n)) == n. */
int calendar_working_days_between(const gm_calendar *cal, gm_date from, gm_date to, int *out,
                                  gm_err *err);

#endif
