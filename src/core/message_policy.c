/*
 * message_policy.c - presets, validation and deadline computation for
 * public messages (see message_policy.h).
 */
#include "core/message_policy.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void preset_common(gm_message_policy *p, const char *name)
{
    memset(p, 0, sizeof *p);
    snprintf(p->preset, sizeof p->preset, "%s", name);
    p->answer_working_days = 5;
    p->answer_max_working_days = 10;
    p->hours = work_hours_default();
}

int message_policy_preset(const char *name, gm_message_policy *p, gm_err *err)
{
    if (name && strcmp(name, "standard") == 0) {
        preset_common(p, name);
        p->first_response_minutes = 4 * 60;
        return GM_OK;
    }
    if (name && strcmp(name, "same_day") == 0) {
        preset_common(p, name);
        p->first_response_same_day = 1;
        return GM_OK;
    }
    return gm_fail(err, GM_E_INVALID, "preset",
                   "未知的答复时限预设“%s”(可选 standard 常规:4 个工作小时内首次回应、5 个工作日内答复;"
                   "same_day 当日答复)", name ? name : "");
}

const char *message_policy_preset_label(const char *name)
{
    if (name && strcmp(name, "standard") == 0)
        return "常规(4 个工作小时首次回应,5 个工作日答复)";
    if (name && strcmp(name, "same_day") == 0)
        return "当日答复";
    return "自定义";
}

int message_policy_validate(const gm_message_policy *p, gm_err *err)
{
    if (!p->first_response_same_day &&
        (p->first_response_minutes < 10 || p->first_response_minutes > 5 * 24 * 60))
        return gm_fail(err, GM_E_INVALID, "first_response_hours",
                       "首次回应时限应在 10 分钟到 120 个工作小时之间");
    if (p->answer_working_days < 1 || p->answer_working_days > 30)
        return gm_fail(err, GM_E_INVALID, "answer_working_days", "答复时限应为 1 到 30 个工作日");
    if (p->answer_max_working_days < p->answer_working_days || p->answer_max_working_days > 60)
        return gm_fail(err, GM_E_INVALID, "answer_max_working_days",
                       "延期上限应不少于答复时限,且不超过 60 个工作日");
    if (p->hours.n < 1 || p->hours.n > GM_WORK_PERIODS_MAX)
        return gm_fail(err, GM_E_INVALID, "work_hours", "至少需要一个工作时段");
    return GM_OK;
}

int message_deadlines(const gm_message_policy *p, const gm_calendar *cal, gm_instant received,
                      gm_message_deadlines *out, gm_err *err)
{
    int rc = p->first_response_same_day
                 ? worktime_close_same_day(cal, &p->hours, received, &out->first_response_due, err)
                 : worktime_add_minutes(cal, &p->hours, received, p->first_response_minutes,
                                        &out->first_response_due, err);
    if (!rc)
        rc = worktime_close_after_days(cal, &p->hours, received, p->answer_working_days,
                                       &out->answer_due, err);
    if (!rc)
        rc = worktime_close_after_days(cal, &p->hours, received, p->answer_max_working_days,
                                       &out->answer_max, err);
    /* a first response is never due after the answer */
    if (!rc && out->first_response_due > out->answer_due)
        out->first_response_due = out->answer_due;
    return rc;
}

int message_extension_check(const gm_message_deadlines *dl, gm_instant current_due,
                            gm_instant until, gm_err *err)
{
    char max[GM_INSTANT_TEXT_SIZE], cur[GM_INSTANT_TEXT_SIZE];
    if (until <= current_due)
        return gm_fail(err, GM_E_INVALID, "until", "延期后的期限须晚于当前答复期限 %s(北京时间)",
                       instant_format_cst_text(current_due, cur));
    if (until > dl->answer_max)
        return gm_fail(err, GM_E_INVALID, "until",
                       "延期超出答复时限政策允许的最长期限 %s(北京时间)",
                       instant_format_cst_text(dl->answer_max, max));
    return GM_OK;
}

int message_working_hours(const gm_message_policy *p, const gm_calendar *cal, gm_instant from,
                          gm_instant to, double *hours, gm_err *err)
{
    long long secs;
    int rc = worktime_between(cal, &p->hours, from, to, &secs, err);
    if (!rc)
        *hours = round((double)secs / 36.0) / 100.0;
    return rc;
}
