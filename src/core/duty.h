/*
 * duty.h - the holiday and weekend duty roster (值班) [REQUIREMENTS §4;
 * seeds 000, 002: 节假日…安排好值班人员,并有一名领导负责带班].
 *
 * Every day the working calendar marks as not a working day needs someone
 * on duty and a leader leading the shift (带班领导).  duty_find_gaps lists
 * the days in a range that lack either, so they show before the holiday.
 */
#ifndef GM_CORE_DUTY_H
#define GM_CORE_DUTY_H

#include <stddef.h>
#include "core/calendar.h"

typedef struct gm_duty_shift {
    gm_date day;
    int leader;         /* 1: the leader of the shift (带班领导) */
} gm_duty_shift;

typedef enum { GM_DUTY_NOBODY = 1, GM_DUTY_NO_LEADER = 2 } gm_duty_gap_kind;

typedef struct gm_duty_gap {
    gm_date day;
    gm_duty_gap_kind kind;
} gm_duty_gap;

#define GM_DUTY_MAX_RANGE 400   /* days in one query */

const char *duty_gap_name(gm_duty_gap_kind k);   /* "nobody" | "no_leader" */
const char *duty_gap_label(gm_duty_gap_kind k);  /* 无人值班 | 无带班领导 */

/* Gaps among the non-working days of [from, to] (at most cap written,
 * *n_out = how many exist).  GM_E_INVALID when the range is reversed or
 * longer than GM_DUTY_MAX_RANGE days, or a year is not loaded. */
int duty_find_gaps(const gm_calendar *cal, gm_date from, gm_date to, const gm_duty_shift *shifts,
                   size_t n_shifts, gm_duty_gap *out, size_t cap, size_t *n_out, gm_err *err);

#endif
