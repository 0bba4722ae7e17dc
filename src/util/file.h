/*
 * file.h - reading whole small files (lexicons, lists, presets, calendars,
 * CLI input); "-" reads standard input.
 */
#ifndef GM_UTIL_FILE_H
#define GM_UTIL_FILE_H

#include <stddef.h>

#include "util/gm_error.h"

/* Reads path into a NUL-terminated malloc'd buffer (*out, *len), refusing
 * files above max bytes.  field names the input in errors. */
int gm_read_file(const char *path, size_t max, char **out, size_t *len, const char *field,
                 gm_err *err);

#endif
