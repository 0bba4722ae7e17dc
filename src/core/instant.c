/*
 * instant.c - parsing ISO-like moments, Beijing time by default (instant.h).
 */
#include "core/instant.h"
#include "core/date.h"

#include <ctype.h>
#include <string.h>

static int two_digits(const char *s, int *v)
{
    if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
        return -1;
    *v = (s[0] - '0') * 10 + (s[1] - '0');
    return 0;
}

/* "HH:MM" or "HH:MM:SS" at s; *used = bytes read. */
static int parse_clock(const char *s, int *secs, size_t *used)
{
    int h, m, sec = 0;
    if (two_digits(s, &h) || s[2] != ':' || two_digits(s + 3, &m))
        return -1;
    *used = 5;
    if (s[5] == ':') {
        if (two_digits(s + 6, &sec))
            return -1;
        *used = 8;
    }
    if (h > 23 || m > 59 || sec > 59)
        return -1;
    *secs = h * 3600 + m * 60 + sec;
    return 0;
}

/* "", "Z", "+HH:MM", "-HH:MM" (or "+HHMM"): *offset in seconds east of UTC. */
static int parse_zone(const char *s, long long *offset)
{
    int h, m;
    if (!*s) { *offset = 8 * 3600; return 0; }
    if (strcmp(s, "Z") == 0) { *offset = 0; return 0; }
    if ((s[0] != '+' && s[0] != '-') || two_digits(s + 1, &h))
        return -1;
    const char *mm = s[3] == ':' ? s + 4 : s + 3;
    if (two_digits(mm, &m) || mm[2] != '\0' || h > 14 || m > 59)
        return -1;
    *offset = (s[0] == '-' ? -1 : 1) * (h * 3600LL + m * 60);
    return 0;
}

int instant_parse(const char *s, const char *field, long long *utc, gm_err *err)
{
    const char *f = field ? field : "time";
    gm_date day;
    int secs = 0;
    long long offset = 8 * 3600;
    size_t len = s ? strlen(s) : 0, used = 0;
    int ok = len >= 10 && date_parse_n(s, 10, f, &day, NULL) == 0;
    if (ok && len > 10)
        ok = (s[10] == 'T' || s[10] == ' ') && parse_clock(s + 11, &secs, &used) == 0 &&
             parse_zone(s + 11 + used, &offset) == 0;
    if (!ok)
        return gm_fail(err, GM_E_INVALID, f,
                       "时间“%s”无法识别(应为 2026-10-08、2026-10-08 09:30 或 ISO-8601,无时区按北京时间)",
                       s ? s : "");
    *utc = (long long)day * 86400 + secs - offset;
    return GM_OK;
}
