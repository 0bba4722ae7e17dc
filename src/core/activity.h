/*
 * activity.h - is an account updated often enough?  The update-frequency
 * policies and the national inspection's 2-week veto (REQUIREMENTS §4).
 *
 * Presets (an account has one; "national" when none is chosen):
 *   national      国办检查: only the rule below
 *   twice_weekly  每周至少 2 篇 [001]: 2 updates in every 7 days
 *   every_3_days  每 1–3 天 1 篇 [000]: an update in every 3 days
 *   daily         每天至少 1 篇(节假日除外)且每两周至少 1 篇原创 [002]:
 *                 every working day has an update; an original in every 14 days
 *   weekly        每周至少 1 篇(省级规定): an update in every 7 days
 * Always, whatever the preset (国办秘函〔2019〕19号 单项否决): 10 or more
 * days without an update is a warning, more than 14 days is a veto.
 * More than 3 months without an update puts the account on the zombie list.
 *
 * Days are China dates.  An account that never published counts from its
 * opening date.  Status order: ok < warning < violation < veto; a warning
 * says a violation comes within a few days unless something is posted.
 * Pure: the caller passes the dates and "as of"; the calendar decides
 * working days for the daily preset.
 */
#ifndef GM_CORE_ACTIVITY_H
#define GM_CORE_ACTIVITY_H

#include <stddef.h>
#include "core/calendar.h"
#include "core/date.h"
#include "util/gm_error.h"

typedef enum {
    ACTIVITY_NATIONAL, ACTIVITY_TWICE_WEEKLY, ACTIVITY_EVERY_3_DAYS, ACTIVITY_DAILY,
    ACTIVITY_WEEKLY, ACTIVITY_POLICY_COUNT
} gm_activity_policy;

typedef enum { ACTIVITY_OK, ACTIVITY_WARNING, ACTIVITY_VIOLATION, ACTIVITY_VETO } gm_activity_status;

#define ACTIVITY_WARN_DAYS 10    /* national: warning from 10 days without update */
#define ACTIVITY_VETO_DAYS 14    /* national: veto when more than 14 days */
#define ACTIVITY_WINDOW_DAYS 90  /* longest_gap_days looks this far back */

/* One publication as the rules see it. */
typedef struct gm_activity_pub {
    gm_date day;      /* China date */
    int original;     /* 1 original, 0 repost */
} gm_activity_pub;

typedef struct gm_activity_input {
    gm_activity_policy policy;
    gm_date as_of;
    gm_date opened;               /* opening (or creation) date of the account */
    gm_date last_update;          /* newest publication on or before as_of; -1: none ever */
    gm_date last_original;        /* newest original on or before as_of; -1: none ever */
    const gm_activity_pub *pubs;  /* publications in (as_of - 90, as_of], newest first */
    size_t n_pubs;
    const gm_calendar *cal;       /* working days (daily preset) */
} gm_activity_input;

typedef struct gm_activity_result {
    gm_activity_status status;
    int days_since_update;        /* as_of - last update (or opening) */
    int longest_gap_days;         /* longest stretch without update in the last 90 days */
    int originals_14d;            /* originals in the 14 days ending as_of */
    int updates_7d;
    int zombie;                   /* more than 3 months without update */
    char reason[512];             /* Chinese: why this status ("" when ok) */
} gm_activity_result;

int activity_evaluate(const gm_activity_input *in, gm_activity_result *out, gm_err *err);

/* 1 when last_update is more than three calendar months before as_of. */
int activity_is_zombie(gm_date last_update, gm_date as_of);

const char *activity_policy_name(gm_activity_policy p);
const char *activity_policy_label(gm_activity_policy p);   /* Chinese, with its source */
int activity_policy_parse(const char *name, gm_activity_policy *out, gm_err *err);
const char *activity_status_name(gm_activity_status s);     /* "ok", "warning", ... */
const char *activity_status_label(gm_activity_status s);    /* "正常", "预警", ... */

#endif
