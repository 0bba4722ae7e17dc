/*
 * date.c - day-number dates (see date.h).
 *
 * Conversions use Howard Hinnant's days_from_civil / civil_from_days
 * algorithms, exact for the whole proleptic Gregorian calendar.
 */
#include "core/date.h"


#define DATE_MIN_YEAR 1
#define DATE_MAX_YEAR 9999

static int32_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int day = doy - (153 * mp + 2) / 5 + 1;
    const int month = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (month <= 2);
    *m = month;
    *d = day;
}

int date_is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && date_is_leap_year(year) ? 29 : days[month - 1];
}

int date_from_ymd(int year, int month, int day, gm_date *out, gm_err *err)
{
    if (year < DATE_MIN_YEAR || year > DATE_MAX_YEAR || month < 1 || month > 12 ||
        day < 1 || day > days_in_month(year, month))
        return gm_fail(err, GM_E_INVALID, "date", "日期%04d-%02d-%02d不存在", year, month, day);
    *out = days_from_civil(year, month, day);
    return GM_OK;
}

void date_to_ymd(gm_date d, int *year, int *month, int *day)
{
    int y, m, dd;
    civil_from_days(d, &y, &m, &dd);
    if (year)
        *year = y;
    if (month)
        *month = m;
    if (day)
        *day = dd;
}

static int digits_value(const char *s, size_t n, int *out)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

int date_parse_n(const char *s, size_t len, const char *field, gm_date *out, gm_err *err)
{
    int y, m, d;
    const char *f = field ? field : "date";
    if (!s || len != 10 || s[4] != '-' || s[7] != '-' || digits_value(s, 4, &y) ||
        digits_value(s + 5, 2, &m) || digits_value(s + 8, 2, &d))
        return gm_fail(err, GM_E_INVALID, f, "日期“%.*s”格式错误,应为YYYY-MM-DD",
                       s ? (int)(len > 40 ? 40 : len) : 0, s ? s : "");
    if (date_from_ymd(y, m, d, out, NULL) != GM_OK)
        return gm_fail(err, GM_E_INVALID, f, "日期“%.10s”不存在", s);
    return GM_OK;
}

int date_parse(const char *s, const char *field, gm_date *out, gm_err *err)
{
    size_t len = 0;
    if (s)
        while (s[len] && len < 11)
            len++;
    return date_parse_n(s, len, field, out, err);
}

char *date_format(gm_date d, char *buf)
{
    int y, m, dd;
    civil_from_days(d, &y, &m, &dd);
    if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
        y = 0; /* out of range: never produced by the checked functions */
    const int parts[3][2] = {{y, 4}, {m, 2}, {dd, 2}};
    char *p = buf;
    for (int i = 0; i < 3; i++) {
        if (i)
            *p++ = '-';
        for (int k = parts[i][1] - 1, v = parts[i][0]; k >= 0; k--, v /= 10)
            p[k] = (char)('0' + v % 10);
        p += parts[i][1];
    }
    *p = '\0';
    return buf;
}

int date_add_days(gm_date d, int n, gm_date *out, gm_err *err)
{
    const int64_t lo = days_from_civil(DATE_MIN_YEAR, 1, 1);
    const int64_t hi = days_from_civil(DATE_MAX_YEAR, 12, 31);
    const int64_t r = (int64_t)d + n;
    if (r < lo || r > hi)
        return gm_fail(err, GM_E_INVALID, "date", "日期超出可计算范围(0001-01-01至9999-12-31)");
    *out = (gm_date)r;
    return GM_OK;
}

int date_weekday(gm_date d)
{
    /* 1970-01-01 was a Thursday (ISO weekday 4). */
    int r = (int)(((int64_t)d % 7 + 7) % 7);
    return (r + 3) % 7 + 1;
}

int date_is_weekend(gm_date d)
{
    return date_weekday(d) >= 6;
}

int date_year(gm_date d)
{
    int y;
    date_to_ymd(d, &y, NULL, NULL);
    return y;
}

int date_day_of_year(gm_date d)
{
    return (int)(d - days_from_civil(date_year(d), 1, 1));
}
