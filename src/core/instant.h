/*
 * instant.h - points in time as seconds since 1970-01-01T00:00:00Z, and
 * their text forms.
 *
 * The API and the store speak UTC ISO-8601 ("2026-10-08T03:30:00Z");
 * people in China read China Standard Time (UTC+8, no daylight saving), so
 * a time given without a zone is China time, and due times are shown with
 * "+08:00".  Pure functions: "now" is always passed in by the caller.
 */
#ifndef GM_CORE_INSTANT_H
#define GM_CORE_INSTANT_H

#include "core/date.h"
#include "util/gm_error.h"

typedef long long gm_instant;

#define GM_CST_OFFSET (8 * 3600)
#define GM_INSTANT_TEXT_SIZE 26 /* "YYYY-MM-DDTHH:MM:SS+08:00" + NUL */

/* Parses "YYYY-MM-DD[T| ]HH:MM[:SS]" with an optional zone ("Z", "+08:00",
 * "+0800", "-05:00"); '/' may separate the date parts (spreadsheet
 * exports).  No zone means China time.  A bare "YYYY-MM-DD" is 00:00 China
 * time.  field names the input in the error. */
int instant_parse(const char *s, const char *field, gm_instant *out, gm_err *err);

/* "YYYY-MM-DDTHH:MM:SSZ" (UTC; the store's and the API's form). */
char *instant_format_utc(gm_instant t, char *buf);
/* "YYYY-MM-DDTHH:MM:SS+08:00" (China time, for due times shown to people). */
char *instant_format_cst(gm_instant t, char *buf);
/* "YYYY-MM-DD HH:MM" (China time, as a sentence for people says it). */
char *instant_format_cst_text(gm_instant t, char *buf);

/* The China-time calendar day of t, and the seconds since its midnight. */
gm_date instant_cst_day(gm_instant t);
int instant_cst_second_of_day(gm_instant t);

/* The instant of sec seconds after midnight (China time) of day d. */
gm_instant instant_from_cst_day(gm_date d, int sec);

/* An Excel serial date-time (1900 date system, as xlsx cells store dates)
 * read as China time; GM_E_INVALID outside 1900..9999. */
int instant_from_excel_serial(double serial, gm_instant *out, gm_err *err);

#endif
