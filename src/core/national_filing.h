/*
 * national_filing.h - reporting an account's opening, change of people,
 * closing and cancelling (merge) in the national 全国政务新媒体信息报送系统
 * (REQUIREMENTS §1: provinces file these there too, 湖北 within 5 working
 * days; the system records that filing's state and date).
 *
 * Which lifecycle events need such a filing, when it is due (N working days
 * after the event's day, the working calendar; preset 5) and what state it
 * is in on a given day.  No I/O: callers pass the calendar and "today".
 */
#ifndef GM_CORE_NATIONAL_FILING_H
#define GM_CORE_NATIONAL_FILING_H

#include "core/calendar.h"
#include "core/date.h"
#include "util/gm_error.h"

#define GM_NATIONAL_FILING_WORKING_DAYS 5

typedef enum {
    GM_NF_PENDING,     /* 待报送: not filed, not yet due */
    GM_NF_OVERDUE,     /* 逾期未报送 */
    GM_NF_FILED,       /* 已报送 (in time) */
    GM_NF_FILED_LATE,  /* 逾期报送: filed after the due day, stays marked */
} gm_nf_state;

/* The national event of an account version's event ("open" -> "open",
 * "change" or "change_people" -> "change", "close" -> "close", "merge" -> "cancel"), NULL when the event
 * is not filed nationally. */
const char *national_filing_event(const char *account_event);
/* 开通 / 变更 / 关闭 / 注销(合并), for people. */
const char *national_filing_event_label(const char *event);

/* The due day: working_days working days after the event's day. */
int national_filing_due(const gm_calendar *cal, gm_date event_on, int working_days, gm_date *due,
                        gm_err *err);

/* filed: 0 when not filed (filed_on then unused). */
gm_nf_state national_filing_state(gm_date due, int filed, gm_date filed_on, gm_date today);
const char *national_filing_state_name(gm_nf_state s);
const char *national_filing_state_label(gm_nf_state s);

#endif
