/*
 * message_policy.h - reply deadlines for public messages (留言、评论、私信),
 * a policy per unit with presets [REQUIREMENTS §4].
 *
 * The seeds fix no number (001/002: 及时回复,不能即时回复的应承诺答复期限),
 * so the deadlines are a setting with two presets:
 *   "standard"  the common local rule: first response within 4 working
 *               hours, answer within 5 working days, at most 10 with a
 *               recorded extension;
 *   "same_day"  当日答复 (the stricter rule quoted in seed 003/004: 一般性的
 *               评论和政策咨询…要当日给出研究办理的回复,并在办结时回复处理结果):
 *               first response by the close of the day of receipt (the next
 *               working day's close when received after hours), answer
 *               within 5 working days, at most 10.
 * Any field may be changed by the supervisor ("custom").  Working hours
 * are part of the policy (default 09:00-12:00, 13:30-17:30 China time).
 */
#ifndef GM_CORE_MESSAGE_POLICY_H
#define GM_CORE_MESSAGE_POLICY_H

#include "core/worktime.h"

typedef struct gm_message_policy {
    char preset[16];                /* "standard" | "same_day" | "custom" */
    int first_response_minutes;     /* working minutes; ignored when same_day */
    int first_response_same_day;    /* 1: by the close of the day of receipt */
    int answer_working_days;        /* 1..30 */
    int answer_max_working_days;    /* answer..60: the limit of a recorded extension */
    gm_work_hours hours;
} gm_message_policy;

typedef struct gm_message_deadlines {
    gm_instant first_response_due;
    gm_instant answer_due;
    gm_instant answer_max;          /* the latest an extension may reach */
} gm_message_deadlines;

/* Fills p with preset name ("standard" or "same_day"); GM_E_INVALID
 * (field "preset") for another name. */
int message_policy_preset(const char *name, gm_message_policy *p, gm_err *err);

/* Chinese label of a preset name ("custom" included). */
const char *message_policy_preset_label(const char *name);

/* Range checks, naming the field. */
int message_policy_validate(const gm_message_policy *p, gm_err *err);

/* The deadlines of a message received at `received`. */
int message_deadlines(const gm_message_policy *p, const gm_calendar *cal, gm_instant received,
                      gm_message_deadlines *out, gm_err *err);

/* An extension to `until` of a message whose answer is due at current_due:
 * GM_E_INVALID (field "until") unless current_due < until <= the policy's
 * maximum for the message. */
int message_extension_check(const gm_message_deadlines *dl, gm_instant current_due,
                            gm_instant until, gm_err *err);

/* Working hours (rounded to 0.01) between two instants, for the figures. */
int message_working_hours(const gm_message_policy *p, const gm_calendar *cal, gm_instant from,
                          gm_instant to, double *hours, gm_err *err);

#endif
