/*
 * clock.c - formatting the current time (see clock.h).
 */
#include "util/clock.h"

void clock_iso_format(time_t t, char out[GM_ISO_LEN])
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, GM_ISO_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void clock_iso_from_now(char out[GM_ISO_LEN], long offset_seconds)
{
    clock_iso_format(time(NULL) + offset_seconds, out);
}

void clock_today_cst(char out[11])
{
    time_t t = time(NULL) + 8 * 3600;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}
