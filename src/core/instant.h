/*
 * instant.h - reading a moment written by a person or a spreadsheet.
 *
 * People in China write times without a zone and mean Beijing time, so a
 * time without zone is read as UTC+8:
 *     2026-10-08                   (midnight Beijing time)
 *     2026-10-08 09:30 / 2026-10-08T09:30:15
 *     2026-10-08T01:30:00Z / 2026-10-08T09:30:00+08:00
 * The result is UTC seconds since the epoch.  Pure: no clock, no locale.
 */
#ifndef GM_CORE_INSTANT_H
#define GM_CORE_INSTANT_H

#include "util/gm_error.h"

/* GM_E_INVALID naming field (NULL: "time") when s is not such a moment. */
int instant_parse(const char *s, const char *field, long long *utc, gm_err *err);

#endif
