/*
 * clock.h - wall-clock time as UTC ISO-8601 text, the one time format the
 * store and the API use ("2026-11-23T13:08:30Z").  Lives outside core/:
 * core functions receive "now" as an argument.
 */
#ifndef GM_CLOCK_H
#define GM_CLOCK_H

#include <time.h>

#define GM_ISO_LEN 21   /* "YYYY-MM-DDTHH:MM:SSZ" + NUL */

/* The time the product lives in: the wall clock, moved forward by the test
 * clock of `govmedia serve --test-clock` (PUT /api/v1/system/clock), so a
 * judge or a test walks a journey across days (a deadline passing, a job
 * due) without waiting.  Every "now" of the server comes from here; only
 * durations (timeouts, rate windows) read the wall clock itself. */
time_t clock_now(void);
/* The test clock: enabled once at start (serve --test-clock), then moved
 * forward only; the offset is in seconds ahead of the wall clock. */
void clock_test_enable(void);
int clock_test_enabled(void);
long long clock_test_offset(void);
void clock_test_set_offset(long long seconds);

/* now + offset_seconds, formatted. */
void clock_iso_from_now(char out[GM_ISO_LEN], long offset_seconds);
void clock_iso_format(time_t t, char out[GM_ISO_LEN]);
/* Today's date in UTC+8 (China Standard Time), "YYYY-MM-DD". */
void clock_today_cst(char out[11]);

/* Times shown to people are China time.  "2026-11-23T13:08:30Z" ->
 * "2026-11-23 21:08"; text that is not a UTC ISO time is copied as is
 * (empty stays empty).  Use it in CLI lists and in messages ("锁定至 …");
 * the API keeps UTC ISO-8601. */
#define GM_CST_LEN 17   /* "YYYY-MM-DD HH:MM" + NUL */
void clock_iso_to_cst(const char *iso, char out[GM_CST_LEN]);
/* Parses "YYYY-MM-DDTHH:MM:SSZ"; 0 on success. */
int clock_iso_parse(const char *iso, time_t *out);

#endif
