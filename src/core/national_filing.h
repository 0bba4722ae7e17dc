/*
 * national_filing.h - reporting an account's opening, change of people,
 * closing and cancelling (merge) in the national 全国政务新媒体信息报送系统
 * (REQUIREMENTS §1: provinces file these there too, 湖北 within 5 working
 * days; the system records that filing's state and date).
 *
 * Which lifecycle events need such a filing, when it is due and what state
 * it is in on a given day.  The deadline is a policy setting of a unit (and
 * the units below it), since the seeds disagree: 湖北 files within 5 WORKING
 * days of the event (REQUIREMENTS §1), 东莞 (seed 002) within 3 days of
 * opening, in the 国务院办公厅 system and the city's at once.  Preset
 * "hubei" is the default.  No I/O: callers pass the calendar and "today".
 */
#ifndef GM_CORE_NATIONAL_FILING_H
#define GM_CORE_NATIONAL_FILING_H

#include "core/calendar.h"
#include "core/date.h"
#include "util/gm_error.h"

#include <stddef.h>

/* The deadline: days after the event's day, working days (the working
 * calendar, 调休 included) or calendar days. */
typedef struct gm_nf_policy {
    int days;      /* 1..60 */
    int working;   /* 1: working days, 0: calendar days */
} gm_nf_policy;

typedef struct gm_nf_preset {
    const char *name, *label;
    gm_nf_policy policy;
} gm_nf_preset;

#define GM_NF_DAYS_MAX 60

/* The presets, the first one the default ("hubei": 5 working days). */
const gm_nf_preset *national_filing_presets(size_t *n);
const gm_nf_preset *national_filing_preset(const char *name);
gm_nf_policy national_filing_policy_default(void);
/* 400 naming "days" when out of 1..GM_NF_DAYS_MAX. */
int national_filing_policy_validate(const gm_nf_policy *p, gm_err *err);
/* "5 个工作日" / "3 日" into out. */
const char *national_filing_policy_label(const gm_nf_policy *p, char *out, size_t cap);

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

/* The due day under policy p (the last day allowed). */
int national_filing_due(const gm_calendar *cal, gm_date event_on, const gm_nf_policy *p,
                        gm_date *due, gm_err *err);

/* filed: 0 when not filed (filed_on then unused). */
gm_nf_state national_filing_state(gm_date due, int filed, gm_date filed_on, gm_date today);
const char *national_filing_state_name(gm_nf_state s);
const char *national_filing_state_label(gm_nf_state s);

#endif
