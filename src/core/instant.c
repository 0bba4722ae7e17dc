/*
 * instant.c - parsing and formatting points in time (see instant.h).
 */
#include "core/instant.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int read_digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = (*p)[i];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    *p += n;
    *out = v;
    return 0;
}

/* Reads 1 or 2 digits (spreadsheets write "2026/9/30 9:05"). */
static int read_1or2(const char **p, int *out)
{
    if (**p < '0' || **p > '9')
        return -1;
    int v = *(*p)++ - '0';
    if (**p >= '0' && **p <= '9')
        v = v * 10 + (*(*p)++ - '0');
    *out = v;
    return 0;
}

static int parse_zone(const char *p, int *offset)
{
    if (*p == '\0') {
        *offset = GM_CST_OFFSET;
        return 0;
    }
    if ((p[0] == 'Z' || p[0] == 'z') && p[1] == '\0') {
        *offset = 0;
        return 0;
    }
    int sign = *p == '+' ? 1 : *p == '-' ? -1 : 0, h, m;
    if (!sign)
        return -1;
    p++;
    if (read_digits(&p, 2, &h))
        return -1;
    if (*p == ':')
        p++;
    if (read_digits(&p, 2, &m) || *p || h > 14 || m > 59)
        return -1;
    *offset = sign * (h * 3600 + m * 60);
    return 0;
}

static int parse_clock(const char **p, int *sec)
{
    int h, m, s = 0;
    if (read_1or2(p, &h) || **p != ':')
        return -1;
    (*p)++;
    if (read_digits(p, 2, &m))
        return -1;
    if (**p == ':') {
        (*p)++;
        if (read_digits(p, 2, &s))
            return -1;
        if (**p == '.') /* fractions of a second are dropped */
            while (*++*p >= '0' && **p <= '9')
                ;
    }
    if (h > 23 || m > 59 || s > 59)
        return -1;
    *sec = h * 3600 + m * 60 + s;
    return 0;
}

int instant_parse(const char *s, const char *field, gm_instant *out, gm_err *err)
{
    const char *f = field ? field : "time", *p = s ? s : "";
    int y, mo, d, sec = 0, offset;
    gm_date day;
    char sep;
    if (read_digits(&p, 4, &y) || (*p != '-' && *p != '/'))
        goto bad;
    sep = *p++;
    if (read_1or2(&p, &mo) || *p++ != sep || read_1or2(&p, &d))
        goto bad;
    if (*p == 'T' || *p == ' ') {
        p++;
        while (*p == ' ')
            p++;
        if (parse_clock(&p, &sec))
            goto bad;
    }
    if (parse_zone(p, &offset))
        goto bad;
    if (date_from_ymd(y, mo, d, &day, NULL))
        return gm_fail(err, GM_E_INVALID, f, "时间“%.40s”中的日期不存在", s);
    *out = (gm_instant)day * 86400 + sec - offset;
    return GM_OK;
bad:
    return gm_fail(err, GM_E_INVALID, f,
                   "时间“%.40s”格式错误,应为 YYYY-MM-DDTHH:MM:SS(可带时区,如 Z 或 +08:00;不带时区按北京时间)",
                   s ? s : "");
}

static char *format_at(gm_instant t, int offset, const char *zone, char *buf)
{
    gm_instant local = t + offset;
    gm_date day = (gm_date)(local >= 0 ? local / 86400 : (local - 86399) / 86400);
    int sec = (int)(local - (gm_instant)day * 86400), y, m, d;
    date_to_ymd(day, &y, &m, &d);
    /* unsigned, range-reduced fields: the compiler can prove the text fits the buffer */
    snprintf(buf, GM_INSTANT_TEXT_SIZE, "%04u-%02u-%02uT%02u:%02u:%02u%s", (unsigned)y % 10000u,
             (unsigned)m % 13u, (unsigned)d % 32u, (unsigned)sec / 3600u % 24u,
             (unsigned)sec / 60u % 60u, (unsigned)sec % 60u, zone);
    return buf;
}

char *instant_format_utc(gm_instant t, char *buf) { return format_at(t, 0, "Z", buf); }
char *instant_format_cst(gm_instant t, char *buf) { return format_at(t, GM_CST_OFFSET, "+08:00", buf); }

char *instant_format_cst_text(gm_instant t, char *buf)
{
    format_at(t, GM_CST_OFFSET, "", buf);
    buf[10] = ' ';
    buf[16] = '\0';   /* minutes: no deadline is set to the second */
    return buf;
}

gm_date instant_cst_day(gm_instant t)
{
    gm_instant local = t + GM_CST_OFFSET;
    return (gm_date)(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

int instant_cst_second_of_day(gm_instant t)
{
    return (int)(t + GM_CST_OFFSET - (gm_instant)instant_cst_day(t) * 86400);
}

gm_instant instant_from_cst_day(gm_date d, int sec)
{
    return (gm_instant)d * 86400 + sec - GM_CST_OFFSET;
}

int instant_from_excel_serial(double serial, gm_instant *out, gm_err *err)
{
    /* Serial 25569 is 1970-01-01; 1..60 are before the 1900 leap-year bug. */
    if (!(serial >= 61.0 && serial < 2958466.0))
        return gm_fail(err, GM_E_INVALID, "time", "表格中的日期数值 %.3f 超出范围", serial);
    double secs = round((serial - 25569.0) * 86400.0);
    *out = (gm_instant)secs - GM_CST_OFFSET;
    return GM_OK;
}
