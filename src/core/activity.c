/*
 * activity.c - the update-frequency rules and the 2-week veto (activity.h).
 *
 * Every preset is "k updates (or originals) in every window of w days",
 * checked on the k-th newest date: a violation when that date has left the
 * window ending as_of, a warning when it leaves within `lead` days.  The
 * opening date counts as an update, so a new account is not in breach
 * before it could have complied.  The daily preset counts working days.
 */
#include "core/activity.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct {
    const char *name, *label;
} policies[ACTIVITY_POLICY_COUNT] = {
    [ACTIVITY_NATIONAL] = {"national", "国办检查标准:两周内须有更新(国办秘函〔2019〕19号)"},
    [ACTIVITY_TWICE_WEEKLY] = {"twice_weekly", "每周至少更新 2 篇"},
    [ACTIVITY_EVERY_3_DAYS] = {"every_3_days", "每 1–3 天至少更新 1 篇"},
    [ACTIVITY_DAILY] = {"daily", "每天至少更新 1 篇(节假日除外),每两周至少 1 篇原创"},
    [ACTIVITY_WEEKLY] = {"weekly", "每周至少更新 1 篇(省级规定)"},
};

static const char *const status_names[] = {"ok", "warning", "violation", "veto"};
static const char *const status_labels[] = {"正常", "预警", "未达标", "单项否决"};

const char *activity_policy_name(gm_activity_policy p) { return policies[p].name; }
const char *activity_policy_label(gm_activity_policy p) { return policies[p].label; }
const char *activity_status_name(gm_activity_status s) { return status_names[s]; }
const char *activity_status_label(gm_activity_status s) { return status_labels[s]; }

int activity_policy_parse(const char *name, gm_activity_policy *out, gm_err *err)
{
    for (int i = 0; i < ACTIVITY_POLICY_COUNT; i++)
        if (name && strcmp(name, policies[i].name) == 0) {
            *out = (gm_activity_policy)i;
            return GM_OK;
        }
    return gm_fail(err, GM_E_INVALID, "policy",
                   "更新频率规则“%s”无效:应为 national、twice_weekly、every_3_days、daily 或 weekly",
                   name ? name : "");
}

int activity_is_zombie(gm_date last_update, gm_date as_of)
{
    int y, m, d;
    date_to_ymd(as_of, &y, &m, &d);
    m -= 3;
    if (m < 1) { m += 12; y--; }
    gm_date cutoff;
    while (date_from_ymd(y, m, d, &cutoff, NULL) != 0)
        d--;   /* 31 May - 3 months = 28/29 February */
    return last_update < cutoff;
}

static void add_reason(gm_activity_result *out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void add_reason(gm_activity_result *out, const char *fmt, ...)
{
    size_t len = strlen(out->reason);
    if (len)
        len += (size_t)snprintf(out->reason + len, sizeof out->reason - len, ";");
    if (len < sizeof out->reason) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(out->reason + len, sizeof out->reason - len, fmt, ap);
        va_end(ap);
    }
}

static void raise_to(gm_activity_result *out, gm_activity_status s)
{
    if (s > out->status)
        out->status = s;
}

/* The k-th newest update (1-based), floored at the opening date. */
static gm_date kth_update(const gm_activity_input *in, size_t k)
{
    gm_date d = k <= in->n_pubs ? in->pubs[k - 1].day : in->opened;
    return d < in->opened ? in->opened : d;
}

static void national_rule(const gm_activity_input *in, gm_activity_result *out)
{
    int days = out->days_since_update;
    if (days > ACTIVITY_VETO_DAYS) {
        raise_to(out, ACTIVITY_VETO);
        add_reason(out, "已 %d 天未更新,超过两周(国办秘函〔2019〕19号 单项否决)", days);
    } else if (days >= ACTIVITY_WARN_DAYS) {
        raise_to(out, ACTIVITY_WARNING);
        add_reason(out, "已 %d 天未更新,再过 %d 天将触发两周未更新单项否决", days,
                   ACTIVITY_VETO_DAYS + 1 - days);
    }
    (void)in;
}

/* k updates in every w days; warn `lead` days ahead. */
static void window_rule(const gm_activity_input *in, gm_activity_result *out, size_t k, int w,
                        int lead)
{
    int age = in->as_of - kth_update(in, k);
    if (age >= w) {
        raise_to(out, ACTIVITY_VIOLATION);
        if (k == 1)
            add_reason(out, "近 %d 天没有更新,未达到规定频次", w);
        else
            add_reason(out, "近 %d 天更新少于 %zu 篇,未达到规定频次", w, k);
    } else if (age >= w - lead) {
        raise_to(out, ACTIVITY_WARNING);
        add_reason(out, "%d 天内不更新将不达标(每 %d 天须更新)", w - age, w);
    }
}

static int daily_rule(const gm_activity_input *in, gm_activity_result *out, gm_err *err)
{
    gm_date last = kth_update(in, 1), yesterday = in->as_of - 1;
    int missed = 0, today_working = 0, rc = GM_OK;
    if (yesterday > last)
        rc = calendar_working_days_between(in->cal, last, yesterday, &missed, err);
    if (!rc)
        rc = calendar_is_working_day(in->cal, in->as_of, &today_working, err);
    if (rc)
        return rc;
    if (missed > 0) {
        raise_to(out, ACTIVITY_VIOLATION);
        add_reason(out, "有 %d 个工作日未更新(规定每天至少 1 篇)", missed);
    } else if (today_working && last < in->as_of) {
        raise_to(out, ACTIVITY_WARNING);
        add_reason(out, "今天是工作日,尚未更新");
    }
    gm_date orig = in->last_original < in->opened ? in->opened : in->last_original;
    int age = in->as_of - orig;
    if (age >= 14) {
        raise_to(out, ACTIVITY_VIOLATION);
        add_reason(out, "已 %d 天没有原创内容(规定每两周至少 1 篇原创)", age);
    } else if (age >= 11) {
        raise_to(out, ACTIVITY_WARNING);
        add_reason(out, "%d 天内没有原创将不达标(每两周至少 1 篇原创)", 14 - age);
    }
    return GM_OK;
}

static void window_facts(const gm_activity_input *in, gm_activity_result *out)
{
    gm_date start = in->as_of - ACTIVITY_WINDOW_DAYS + 1, prev = in->as_of;
    if (in->opened > start)
        start = in->opened;
    out->longest_gap_days = 0;
    for (size_t i = 0; i < in->n_pubs; i++) {
        gm_date d = in->pubs[i].day;
        if (d > in->as_of || d < start)
            continue;
        if (prev - d > out->longest_gap_days)
            out->longest_gap_days = prev - d;
        prev = d;
        out->originals_14d += in->pubs[i].original && d > in->as_of - 14;
        out->updates_7d += d > in->as_of - 7;
    }
    if (prev - start > out->longest_gap_days && start <= in->as_of)
        out->longest_gap_days = prev - start;
}

int activity_evaluate(const gm_activity_input *in, gm_activity_result *out, gm_err *err)
{
    memset(out, 0, sizeof *out);
    if (in->policy < 0 || in->policy >= ACTIVITY_POLICY_COUNT)
        return gm_fail(err, GM_E_INVALID, "policy", "更新频率规则无效");
    gm_date last = in->last_update >= 0 ? in->last_update : in->opened;
    out->days_since_update = in->as_of - last;
    out->zombie = activity_is_zombie(last, in->as_of);
    window_facts(in, out);
    national_rule(in, out);
    switch (in->policy) {
    case ACTIVITY_TWICE_WEEKLY: window_rule(in, out, 2, 7, 2); break;
    case ACTIVITY_EVERY_3_DAYS: window_rule(in, out, 1, 3, 1); break;
    case ACTIVITY_WEEKLY: window_rule(in, out, 1, 7, 2); break;
    case ACTIVITY_DAILY: return daily_rule(in, out, err);
    default: break;
    }
    return GM_OK;
}
