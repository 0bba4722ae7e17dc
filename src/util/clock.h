/*
 * clock.h - wall-clock time as UTC ISO-8601 text, the one time format the
 * store and the API use ("2026-11-23T13:08:30Z").  Lives outside core/:
 * core functions receive "now" as an argument.
 */
#ifndef GM_CLOCK_H
#define GM_CLOCK_H

#include <time.h>

#define GM_ISO_LEN 21   /* "YYYY-MM-DDTHH:MM:SSZ" + NUL */

/* now + offset_seconds, formatted. */
void clock_iso_from_now(char out[GM_ISO_LEN], long offset_seconds);
void clock_iso_format(time_t t, char out[GM_ISO_LEN]);
/* Today's date in UTC+8 (China Standard Time), "YYYY-MM-DD". */
void clock_today_cst(char out[11]);

#endif
