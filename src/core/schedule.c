/*
 * schedule.c - parsing job schedules and finding their next slot in
 * China Standard Time (see schedule.h).  Pure arithmetic: UTC+8 has no
 * daylight saving, so a Beijing wall-clock time is UTC + 8 h.
 */
#include "core/schedule.h"
#include "core/date.h"

#include <stdio.h>
#include <string.h>

#define CST_OFFSET (8 * 3600LL)
#define DAY 86400LL

static const char *const weekday_names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
static const char *const weekday_zh[] = {"一", "二", "三", "四", "五", "六", "日"};

static int bad(gm_err *err, const char *text)
{
    return gm_fail(err, GM_E_INVALID, "schedule",
                   "无法识别的计划“%s”(例:every 5m、daily 09:00、weekly thu 09:00、"
                   "monthly 1 09:00、yearly 11-01 09:00)", text);
}

static int parse_hhmm(const char *s, int *minute_of_day)
{
    int h, m, n = 0;
    if (sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2 || s[n] != '\0' || n != 5)
        return -1;
    if (h < 0 || h > 23 || m < 0 || m > 59)
        return -1;
    *minute_of_day = h * 60 + m;
    return 0;
}

static int parse_every(const char *arg, gm_schedule *out)
{
    long long n;
    char unit;
    int used = 0;
    if (sscanf(arg, "%lld%c%n", &n, &unit, &used) != 2 || arg[used] != '\0' || n <= 0)
        return -1;
    long long mult = unit == 's' ? 1 : unit == 'm' ? 60 : unit == 'h' ? 3600 : unit == 'd' ? DAY : 0;
    if (!mult || n > 366 * DAY / mult)
        return -1;
    out->kind = SCHEDULE_EVERY;
    out->interval = n * mult;
    return 0;
}

static int parse_weekday(const char *s)
{
    for (int i = 0; i < 7; i++)
        if (strcmp(s, weekday_names[i]) == 0)
            return i + 1;
    return 0;
}

int schedule_parse(const char *text, gm_schedule *out, gm_err *err)
{
    char kind[16], a[16], b[16], extra[2];
    memset(out, 0, sizeof *out);
    if (!text || strlen(text) > 40)
        return bad(err, text ? text : "");
    int n = sscanf(text, "%15s %15s %15s %1s", kind, a, b, extra);
    int ok = -1;
    if (n == 2 && strcmp(kind, "every") == 0)
        ok = parse_every(a, out);
    else if (n == 2 && strcmp(kind, "daily") == 0) {
        out->kind = SCHEDULE_DAILY;
        ok = parse_hhmm(a, &out->minute_of_day);
    } else if (n == 3 && strcmp(kind, "weekly") == 0) {
        out->kind = SCHEDULE_WEEKLY;
        out->weekday = parse_weekday(a);
        ok = out->weekday ? parse_hhmm(b, &out->minute_of_day) : -1;
    } else if (n == 3 && strcmp(kind, "monthly") == 0) {
        int used = 0;
        out->kind = SCHEDULE_MONTHLY;
        if (sscanf(a, "%2d%n", &out->day, &used) == 1 && a[used] == '\0' && out->day >= 1 &&
            out->day <= 28)
            ok = parse_hhmm(b, &out->minute_of_day);
    } else if (n == 3 && strcmp(kind, "yearly") == 0) {
        int used = 0;
        gm_date probe;
        out->kind = SCHEDULE_YEARLY;
        if (sscanf(a, "%2d-%2d%n", &out->month, &out->day, &used) == 2 && a[used] == '\0' &&
            used == 5 && !(out->month == 2 && out->day == 29) &&
            date_from_ymd(2025, out->month, out->day, &probe, NULL) == 0)
            ok = parse_hhmm(b, &out->minute_of_day);
    }
    return ok ? bad(err, text) : GM_OK;
}

/* The slot on Beijing calendar day `day` (days since epoch), in UTC seconds. */
static long long slot_on(gm_date day, int minute_of_day)
{
    return (long long)day * DAY + minute_of_day * 60LL - CST_OFFSET;
}

static int day_matches(const gm_schedule *s, gm_date day)
{
    int y, m, d;
    switch (s->kind) {
    case SCHEDULE_DAILY: return 1;
    case SCHEDULE_WEEKLY: return date_weekday(day) == s->weekday;
    case SCHEDULE_MONTHLY: date_to_ymd(day, &y, &m, &d); return d == s->day;
    case SCHEDULE_YEARLY: date_to_ymd(day, &y, &m, &d); return d == s->day && m == s->month;
    default: return 0;
    }
}

long long schedule_next(const gm_schedule *s, long long after)
{
    if (s->kind == SCHEDULE_EVERY)
        return after + s->interval;
    long long local = after + CST_OFFSET;
    gm_date day = (gm_date)((local >= 0 ? local : local - DAY + 1) / DAY);
    /* A yearly slot is at most 366 days away; stepping day by day is cheap. */
    for (int i = 0; i <= 367; i++, day++) {
        if (!day_matches(s, day))
            continue;
        long long t = slot_on(day, s->minute_of_day);
        if (t > after)
            return t;
    }
    return after + DAY; /* unreachable for a parsed schedule */
}

void schedule_describe(const gm_schedule *s, char *buf, size_t cap)
{
    int h = s->minute_of_day / 60, m = s->minute_of_day % 60;
    switch (s->kind) {
    case SCHEDULE_EVERY:
        if (s->interval % 3600 == 0) snprintf(buf, cap, "每 %lld 小时", s->interval / 3600);
        else if (s->interval % 60 == 0) snprintf(buf, cap, "每 %lld 分钟", s->interval / 60);
        else snprintf(buf, cap, "每 %lld 秒", s->interval);
        break;
    case SCHEDULE_DAILY: snprintf(buf, cap, "每天 %02d:%02d(北京时间)", h, m); break;
    case SCHEDULE_WEEKLY:
        snprintf(buf, cap, "每周%s %02d:%02d(北京时间)", weekday_zh[s->weekday - 1], h, m);
        break;
    case SCHEDULE_MONTHLY: snprintf(buf, cap, "每月 %d 日 %02d:%02d(北京时间)", s->day, h, m); break;
    case SCHEDULE_YEARLY:
        snprintf(buf, cap, "每年 %d 月 %d 日 %02d:%02d(北京时间)", s->month, s->day, h, m);
        break;
    }
}
