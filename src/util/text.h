/*
 * text.h - small checks on user-supplied text: UTF-8 validity (via
 * utf8proc), length in code points, control characters.
 */
#ifndef GM_TEXT_H
#define GM_TEXT_H

#include <stddef.h>
#include "util/gm_error.h"

/* Byte offset of the first invalid UTF-8 sequence, or -1 when valid. */
long text_first_invalid_utf8(const char *s, size_t len);
/* Code points in valid UTF-8 text. */
size_t text_codepoints(const char *s);
/* Required text field: valid UTF-8, no control characters, min..max code
 * points after trimming nothing (leading/trailing spaces count). */
int text_require(const char *s, const char *field, size_t min, size_t max, gm_err *err);

#endif
