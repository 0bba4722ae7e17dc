/*
 * worktime.h - working hours on top of the working calendar.
 *
 * A working day (calendar.h: Monday-Friday, less public holidays, plus the
 * weekend days declared working days) has up to GM_WORK_PERIODS_MAX
 * periods of work in China time, by default 09:00-12:00 and 13:30-17:30
 * (seven hours, the usual office day of a government body).  "Within 4
 * working hours" counts only the time inside those periods; "within 5
 * working days" ends at the close of the fifth working day after the day
 * of receipt (that day itself never counts, as in calendar.h).
 *
 * Spans are bounded (GM_WORKTIME_MAX_DAYS calendar days of scanning) and
 * every function fails with GM_E_INVALID (field "calendar") when a day's
 * year is not loaded: the software never guesses a holiday schedule.
 */
#ifndef GM_CORE_WORKTIME_H
#define GM_CORE_WORKTIME_H

#include "core/calendar.h"
#include "core/instant.h"

#define GM_WORK_PERIODS_MAX 4
#define GM_WORKTIME_MAX_DAYS 800
#define GM_WORK_HOURS_TEXT_SIZE 64

typedef struct gm_work_hours {
    int n;                              /* 1..GM_WORK_PERIODS_MAX */
    int start[GM_WORK_PERIODS_MAX];     /* minutes after midnight, China time */
    int end[GM_WORK_PERIODS_MAX];       /* exclusive; ascending, not overlapping */
} gm_work_hours;

/* 09:00-12:00, 13:30-17:30. */
gm_work_hours work_hours_default(void);

/* Parses "09:00-12:00,13:30-17:30"; GM_E_INVALID naming field otherwise. */
int work_hours_parse(const char *s, const char *field, gm_work_hours *out, gm_err *err);
/* Writes the same text form into buf (GM_WORK_HOURS_TEXT_SIZE bytes). */
char *work_hours_format(const gm_work_hours *h, char *buf);
/* Working minutes of one working day. */
int work_hours_minutes_per_day(const gm_work_hours *h);

/* The instant at which `minutes` working minutes after t are used up
 * (t outside working time starts at the next period's start). */
int worktime_add_minutes(const gm_calendar *cal, const gm_work_hours *h, gm_instant t,
                         int minutes, gm_instant *out, gm_err *err);

/* Working seconds inside [a, b) (0 when b <= a). */
int worktime_between(const gm_calendar *cal, const gm_work_hours *h, gm_instant a, gm_instant b,
                     long long *seconds, gm_err *err);

/* The close of work (end of the last period) of the n-th working day
 * after t's China-time day. */
int worktime_close_after_days(const gm_calendar *cal, const gm_work_hours *h, gm_instant t, int n,
                              gm_instant *out, gm_err *err);

/* Same day (当日): the close of t's day when t falls on a working day
 * before its close, else the close of the next working day. */
int worktime_close_same_day(const gm_calendar *cal, const gm_work_hours *h, gm_instant t,
                            gm_instant *out, gm_err *err);

/* The close of work of day d (which need not be a working day). */
gm_instant worktime_close_of(const gm_work_hours *h, gm_date d);

#endif
