/*
 * date.h - calendar dates as a compact day number, and their text form.
 *
 * A gm_date is the number of days since 1970-01-01 (proleptic Gregorian),
 * so comparing, subtracting and adding days is plain integer arithmetic.
 * Valid range: 0001-01-01 .. 9999-12-31.  The only text form is the
 * ISO-8601 calendar date "YYYY-MM-DD".  Pure functions, no time zone:
 * "today" is always passed in by the caller.
 */
#ifndef GM_CORE_DATE_H
#define GM_CORE_DATE_H

#include <stddef.h>
#include <stdint.h>

#include "util/gm_error.h"

typedef int32_t gm_date;

#define GM_DATE_TEXT_SIZE 11 /* "YYYY-MM-DD" + NUL */

/* Builds the date y-m-d; GM_E_INVALID (field "date") when it does not exist. */
int date_from_ymd(int year, int month, int day, gm_date *out, gm_err *err);

/* Splits a date into year, month (1-12) and day (1-31); any pointer may be NULL. */
void date_to_ymd(gm_date d, int *year, int *month, int *day);

/* Parses exactly "YYYY-MM-DD" (s must be NUL-terminated); field names the
 * input in the error (NULL means "date"). */
int date_parse(const char *s, const char *field, gm_date *out, gm_err *err);

/* Same, for len bytes that need not be NUL-terminated. */
int date_parse_n(const char *s, size_t len, const char *field, gm_date *out, gm_err *err);

/* Writes "YYYY-MM-DD" into buf (at least GM_DATE_TEXT_SIZE bytes); returns buf. */
char *date_format(gm_date d, char *buf);

/* d + n calendar days; GM_E_INVALID when the result leaves the valid range. */
int date_add_days(gm_date d, int n, gm_date *out, gm_err *err);

/* ISO weekday: 1 = Monday .. 7 = Sunday. */
int date_weekday(gm_date d);

/* 1 for Saturday and Sunday, else 0. */
int date_is_weekend(gm_date d);

/* The year of d. */
int date_year(gm_date d);

/* 1 for a Gregorian leap year. */
int date_is_leap_year(int year);

/* Zero-based day of the year (0 = January 1st). */
int date_day_of_year(gm_date d);

#endif
