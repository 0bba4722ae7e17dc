/*
 * clock.c - formatting the current time (see clock.h).
 */
#include "util/clock.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

static atomic_int test_clock_on;
static atomic_llong test_clock_ahead;

void clock_test_enable(void) { atomic_store(&test_clock_on, 1); }
int clock_test_enabled(void) { return atomic_load(&test_clock_on); }
long long clock_test_offset(void) { return atomic_load(&test_clock_ahead); }

void clock_test_set_offset(long long seconds)
{
    if (atomic_load(&test_clock_on))
        atomic_store(&test_clock_ahead, seconds);
}

time_t clock_now(void) { return time(NULL) + (time_t)atomic_load(&test_clock_ahead); }

void clock_iso_format(time_t t, char out[GM_ISO_LEN])
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, GM_ISO_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void clock_iso_from_now(char out[GM_ISO_LEN], long offset_seconds)
{
    clock_iso_format(clock_now() + offset_seconds, out);
}

void clock_today_cst(char out[11])
{
    time_t t = clock_now() + 8 * 3600;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

int clock_iso_parse(const char *iso, time_t *out)
{
    struct tm tm = {0};
    char z = 0;
    int n = 0;
    if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d%c%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                       &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &z, &n) != 7 || z != 'Z' || iso[n])
        return -1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    *out = timegm(&tm);
    return 0;
}

void clock_iso_to_cst(const char *iso, char out[GM_CST_LEN])
{
    time_t t;
    if (clock_iso_parse(iso, &t) != 0) {
        snprintf(out, GM_CST_LEN, "%s", iso ? iso : "");
        return;
    }
    t += 8 * 3600;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, GM_CST_LEN, "%Y-%m-%d %H:%M", &tm);
}
