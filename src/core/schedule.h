/*
 * schedule.h - when a periodic job is due, in the time people think in.
 *
 * A schedule is a short text that names its slots in China Standard Time
 * (UTC+8, no daylight saving), because the rules behind the jobs are
 * written that way ("every Thursday morning", "each November"):
 *
 *     every 30s | every 5m | every 2h     fixed interval from the last run
 *     daily 09:00                        every day at 09:00 Beijing time
 *     weekly thu 09:00                   mon tue wed thu fri sat sun
 *     monthly 1 08:30                    day 1..28 of every month
 *     yearly 11-01 09:00                 once a year (not 02-29)
 *
 * Times are plain UTC seconds since the epoch (as time_t would hold); the
 * caller passes "now" in, core never reads the clock.
 */
#ifndef GM_CORE_SCHEDULE_H
#define GM_CORE_SCHEDULE_H

#include <stddef.h>
#include "util/gm_error.h"

typedef enum {
    SCHEDULE_EVERY, SCHEDULE_DAILY, SCHEDULE_WEEKLY, SCHEDULE_MONTHLY, SCHEDULE_YEARLY
} gm_schedule_kind;

typedef struct gm_schedule {
    gm_schedule_kind kind;
    long long interval;   /* seconds, SCHEDULE_EVERY */
    int minute_of_day;    /* 0..1439 Beijing time, the calendar kinds */
    int weekday;          /* 1 = Monday .. 7 = Sunday, SCHEDULE_WEEKLY */
    int day;              /* 1..28 monthly, 1..31 yearly */
    int month;            /* 1..12, SCHEDULE_YEARLY */
} gm_schedule;

/* Parses a schedule text; GM_E_INVALID (field "schedule") names what is wrong. */
int schedule_parse(const char *text, gm_schedule *out, gm_err *err);

/* The first slot strictly after `after` (UTC seconds).  A job that was due
 * while nobody ran it runs once and then waits for schedule_next(now): a
 * missed run is made up once, not once per missed slot. */
long long schedule_next(const gm_schedule *s, long long after);

/* Chinese description for operators, e.g. "每周四 09:00(北京时间)". */
void schedule_describe(const gm_schedule *s, char *buf, size_t cap);

#endif
