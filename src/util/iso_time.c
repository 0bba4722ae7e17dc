/*
 * iso_time.c - ISO-8601 parsing and China-day arithmetic (see iso_time.h).
 */
#include "util/iso_time.h"
#include "util/field_label.h"

#include <stdio.h>
#include <string.h>

#define CHINA_OFFSET (8 * 3600)

static int bad(const char *field, gm_err *err)
{
    char label[96];
    return gm_fail(err, GM_E_INVALID, field, "%s应为 ISO-8601 时间,如 2026-11-23T08:00:00Z 或 "
                   "2026-11-23T16:00:00+08:00", field_label(field ? field : "at", label, sizeof label));
}

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* Reads the zone suffix into seconds east of UTC. */
static int zone_offset(const char *z, long *off)
{
    if (strcmp(z, "Z") == 0) {
        *off = 0;
        return 1;
    }
    if ((z[0] != '+' && z[0] != '-') || strlen(z) != 6 || !digits(z + 1, 2) || z[3] != ':' ||
        !digits(z + 4, 2))
        return 0;
    int h = (z[1] - '0') * 10 + (z[2] - '0'), m = (z[4] - '0') * 10 + (z[5] - '0');
    if (h > 14 || m > 59)
        return 0;
    *off = (z[0] == '-' ? -1 : 1) * (h * 3600L + m * 60L);
    return 1;
}

int iso_time_parse(const char *s, const char *field, time_t *out, gm_err *err)
{
    if (!s || strlen(s) < 20 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
        s[7] != '-' || !digits(s + 8, 2) || s[10] != 'T' || !digits(s + 11, 2) ||
        s[13] != ':' || !digits(s + 14, 2) || s[16] != ':' || !digits(s + 17, 2))
        return bad(field, err);
    struct tm tm = {0};
    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
               &tm.tm_min, &tm.tm_sec) != 6)
        return bad(field, err);
    const char *z = s + 19;
    if (*z == '.') {
        z++;
        while (*z >= '0' && *z <= '9')
            z++;
    }
    long off;
    if (!zone_offset(z, &off) || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 ||
        tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
        return bad(field, err);
    int year = tm.tm_year, mon = tm.tm_mon, mday = tm.tm_mday;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    time_t t = timegm(&tm);
    struct tm back;
    gmtime_r(&t, &back);
    if (back.tm_year + 1900 != year || back.tm_mon + 1 != mon || back.tm_mday != mday)
        return bad(field, err);    /* 2026-02-30 */
    *out = t - off;
    return GM_OK;
}

int iso_time_normalize(const char *s, const char *field, char out[GM_ISO_LEN], gm_err *err)
{
    time_t t;
    int rc = iso_time_parse(s, field, &t, err);
    if (!rc)
        clock_iso_format(t, out);
    return rc;
}

void iso_time_china_day(time_t t, char out[11])
{
    t += CHINA_OFFSET;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

int iso_time_china_day_range(const char *day, const char *field, char from[GM_ISO_LEN],
                             char to[GM_ISO_LEN], gm_err *err)
{
    char s[32];
    time_t t;
    snprintf(s, sizeof s, "%.10sT00:00:00+08:00", day ? day : "");
    if (!day || strlen(day) != 10 || iso_time_parse(s, field, &t, err))
        return gm_fail(err, GM_E_INVALID, field, "日期应为 YYYY-MM-DD");
    clock_iso_format(t, from);
    clock_iso_format(t + 24 * 3600, to);
    return GM_OK;
}

int iso_time_bound(const char *s, int end_of_day, char out[GM_ISO_LEN])
{
    char start[GM_ISO_LEN], end[GM_ISO_LEN];
    if (strlen(s) != 10)
        return iso_time_normalize(s, NULL, out, NULL);
    int rc = iso_time_china_day_range(s, "day", start, end, NULL);
    if (!rc)
        snprintf(out, GM_ISO_LEN, "%s", end_of_day ? end : start);
    return rc;
}
