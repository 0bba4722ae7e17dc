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
/* Drops, in place, every byte of s that is not part of valid UTF-8: what a
 * printf precision ("%.40s") or a full buffer leaves of a character it cut. */
void text_utf8_repair(char *s);
/* Byte offset of the first control character in valid UTF-8 text of len
 * bytes (NUL included), or -1 when there is none.  Control characters are
 * U+0000-U+001F, U+007F and U+0080-U+009F; with multiline, tab, line feed
 * and carriage return are allowed. */
long text_first_control(const char *s, size_t len, int multiline);
/* "U+000A"-style name of the code point at s (a control character). */
void text_codepoint_name(const char *s, char out[12]);
/* Code points in valid UTF-8 text. */
size_t text_codepoints(const char *s);
/* Required text field: valid UTF-8, no control characters, min..max code
 * points after trimming nothing (leading/trailing spaces count).  With
 * min >= 1, text of nothing but spaces (ASCII, no-break, ideographic) and
 * line breaks is refused as empty. */
int text_require(const char *s, const char *field, size_t min, size_t max, gm_err *err);

/* The same for free text: tab, LF and CR allowed (message text, reasons). */
int text_require_multiline(const char *s, const char *field, size_t min, size_t max, gm_err *err);

#endif
