/*
 * worktime.c - counting working hours across the working calendar (see
 * worktime.h).  Everything walks China-time days one by one, asking the
 * calendar whether each is a working day, so holidays and the weekend days
 * swapped into working days (调休) are honoured without special cases.
 */
#include "core/worktime.h"

#include <stdio.h>
#include <string.h>

gm_work_hours work_hours_default(void)
{
    gm_work_hours h = {2, {9 * 60, 13 * 60 + 30}, {12 * 60, 17 * 60 + 30}};
    return h;
}

static int parse_hhmm(const char **p, int *out)
{
    int h = 0, m = 0, digits = 0;
    while (**p >= '0' && **p <= '9' && digits < 2) {
        h = h * 10 + (*(*p)++ - '0');
        digits++;
    }
    if (!digits || **p != ':')
        return -1;
    (*p)++;
    for (int i = 0; i < 2; i++) {
        if (**p < '0' || **p > '9')
            return -1;
        m = m * 10 + (*(*p)++ - '0');
    }
    if (m > 59 || h > 24 || (h == 24 && m))
        return -1;
    *out = h * 60 + m;
    return 0;
}

int work_hours_parse(const char *s, const char *field, gm_work_hours *out, gm_err *err)
{
    const char *p = s ? s : "";
    gm_work_hours h = {0, {0}, {0}};
    while (*p) {
        while (*p == ' ')
            p++;
        if (h.n == GM_WORK_PERIODS_MAX)
            return gm_fail(err, GM_E_INVALID, field, "工作时段最多 %d 段", GM_WORK_PERIODS_MAX);
        if (parse_hhmm(&p, &h.start[h.n]) || *p++ != '-' || parse_hhmm(&p, &h.end[h.n]))
            return gm_fail(err, GM_E_INVALID, field,
                           "工作时段“%.60s”格式错误,应如 09:00-12:00,13:30-17:30", s);
        if (h.end[h.n] <= h.start[h.n] || (h.n && h.start[h.n] < h.end[h.n - 1]))
            return gm_fail(err, GM_E_INVALID, field, "工作时段须按时间先后排列且互不重叠");
        h.n++;
        while (*p == ' ')
            p++;
        if (*p == ',')
            p++;
        else if (*p)
            return gm_fail(err, GM_E_INVALID, field, "工作时段之间用逗号分隔");
    }
    if (!h.n)
        return gm_fail(err, GM_E_INVALID, field, "至少需要一个工作时段");
    *out = h;
    return GM_OK;
}

char *work_hours_format(const gm_work_hours *h, char *buf)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < h->n; i++)
        used += (size_t)snprintf(buf + used, GM_WORK_HOURS_TEXT_SIZE - used, "%s%02d:%02d-%02d:%02d",
                                 i ? "," : "", h->start[i] / 60, h->start[i] % 60, h->end[i] / 60,
                                 h->end[i] % 60);
    return buf;
}

int work_hours_minutes_per_day(const gm_work_hours *h)
{
    int sum = 0;
    for (int i = 0; i < h->n; i++)
        sum += h->end[i] - h->start[i];
    return sum;
}

gm_instant worktime_close_of(const gm_work_hours *h, gm_date d)
{
    return instant_from_cst_day(d, h->end[h->n - 1] * 60);
}

static int too_far(gm_err *err)
{
    return gm_fail(err, GM_E_INVALID, "calendar", "期限超出可计算范围(%d 天)", GM_WORKTIME_MAX_DAYS);
}

int worktime_add_minutes(const gm_calendar *cal, const gm_work_hours *h, gm_instant t,
                         int minutes, gm_instant *out, gm_err *err)
{
    gm_date day = instant_cst_day(t);
    long long sec = instant_cst_second_of_day(t), left = (long long)minutes * 60;
    for (int n = 0; n < GM_WORKTIME_MAX_DAYS; n++, day++, sec = 0) {
        int working, rc = calendar_is_working_day(cal, day, &working, err);
        if (rc)
            return rc;
        for (int i = 0; working && i < h->n; i++) {
            long long ps = h->start[i] * 60LL, pe = h->end[i] * 60LL;
            if (sec >= pe)
                continue;
            long long from = sec > ps ? sec : ps;
            if (left <= pe - from) {
                *out = instant_from_cst_day(day, (int)(from + left));
                return GM_OK;
            }
            left -= pe - from;
            sec = pe;
        }
    }
    return too_far(err);
}

int worktime_between(const gm_calendar *cal, const gm_work_hours *h, gm_instant a, gm_instant b,
                     long long *seconds, gm_err *err)
{
    *seconds = 0;
    if (b <= a)
        return GM_OK;
    gm_date first = instant_cst_day(a), last = instant_cst_day(b);
    if (last - first > GM_WORKTIME_MAX_DAYS)
        return too_far(err);
    for (gm_date day = first; day <= last; day++) {
        int working, rc = calendar_is_working_day(cal, day, &working, err);
        if (rc)
            return rc;
        for (int i = 0; working && i < h->n; i++) {
            gm_instant ps = instant_from_cst_day(day, h->start[i] * 60);
            gm_instant pe = instant_from_cst_day(day, h->end[i] * 60);
            gm_instant from = a > ps ? a : ps, to = b < pe ? b : pe;
            if (to > from)
                *seconds += to - from;
        }
    }
    return GM_OK;
}

int worktime_close_after_days(const gm_calendar *cal, const gm_work_hours *h, gm_instant t, int n,
                              gm_instant *out, gm_err *err)
{
    gm_date due;
    int rc = calendar_add_working_days(cal, instant_cst_day(t), n, &due, err);
    if (!rc)
        *out = worktime_close_of(h, due);
    return rc;
}

int worktime_close_same_day(const gm_calendar *cal, const gm_work_hours *h, gm_instant t,
                            gm_instant *out, gm_err *err)
{
    gm_date day = instant_cst_day(t);
    int working, rc = calendar_is_working_day(cal, day, &working, err);
    if (rc)
        return rc;
    if (working && t < worktime_close_of(h, day)) {
        *out = worktime_close_of(h, day);
        return GM_OK;
    }
    return worktime_close_after_days(cal, h, t, 1, out, err);
}
