/*
 * duty.c - finding the days of a roster without anyone or without a
 * leader on duty (see duty.h).
 */
#include "core/duty.h"

const char *duty_gap_name(gm_duty_gap_kind k) { return k == GM_DUTY_NOBODY ? "nobody" : "no_leader"; }
const char *duty_gap_label(gm_duty_gap_kind k) { return k == GM_DUTY_NOBODY ? "无人值班" : "无带班领导"; }

static void count_day(const gm_duty_shift *shifts, size_t n, gm_date day, int *people, int *leaders)
{
    *people = *leaders = 0;
    for (size_t i = 0; i < n; i++)
        if (shifts[i].day == day) {
            (*people)++;
            *leaders += shifts[i].leader != 0;
        }
}

int duty_find_gaps(const gm_calendar *cal, gm_date from, gm_date to, const gm_duty_shift *shifts,
                   size_t n_shifts, gm_duty_gap *out, size_t cap, size_t *n_out, gm_err *err)
{
    *n_out = 0;
    if (to < from)
        return gm_fail(err, GM_E_INVALID, "to", "结束日期不能早于开始日期");
    if (to - from >= GM_DUTY_MAX_RANGE)
        return gm_fail(err, GM_E_INVALID, "to", "一次最多查询 %d 天", GM_DUTY_MAX_RANGE);
    for (gm_date d = from; d <= to; d++) {
        int working, people, leaders, rc = calendar_is_working_day(cal, d, &working, err);
        if (rc)
            return rc;
        if (working)
            continue;
        count_day(shifts, n_shifts, d, &people, &leaders);
        if (people && leaders)
            continue;
        if (*n_out < cap)
            out[*n_out] = (gm_duty_gap){d, people ? GM_DUTY_NO_LEADER : GM_DUTY_NOBODY};
        (*n_out)++;
    }
    return GM_OK;
}
