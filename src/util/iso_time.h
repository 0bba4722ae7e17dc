/*
 * iso_time.h - reading the API's ISO-8601 times and mapping them to China
 * calendar days (UTC+8, no daylight saving).  The store keeps UTC
 * "YYYY-MM-DDTHH:MM:SSZ" text (clock.h); clients may send an offset.
 */
#ifndef GM_ISO_TIME_H
#define GM_ISO_TIME_H

#include <time.h>
#include "util/clock.h"
#include "util/gm_error.h"

/* Parses "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "+HH:MM"/"-HH:MM"
 * (optional ".fff" fraction ignored) into *out; GM_E_INVALID naming field. */
int iso_time_parse(const char *s, const char *field, time_t *out, gm_err *err);

/* The same, rewritten as canonical UTC text. */
int iso_time_normalize(const char *s, const char *field, char out[GM_ISO_LEN], gm_err *err);

/* The China-time calendar day of t, "YYYY-MM-DD". */
void iso_time_china_day(time_t t, char out[11]);

/* The UTC range [from, to) that covers China day "YYYY-MM-DD"; a day that
 * does not exist is refused as a bad value of `field` (the caller's name for it). */
int iso_time_china_day_range(const char *day, const char *field, char from[GM_ISO_LEN],
                             char to[GM_ISO_LEN], gm_err *err);

/* One end of a period a person asks for, as canonical UTC text: an
 * ISO-8601 time with its zone, or a China day "YYYY-MM-DD" (its start; with
 * end_of_day, the start of the next day, for an exclusive upper bound).
 * GM_E_INVALID otherwise (err not filled: callers word it). */
int iso_time_bound(const char *s, int end_of_day, char out[GM_ISO_LEN]);

#endif
