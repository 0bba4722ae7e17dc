/*
 * normalize.h - the one normal form that lexicon terms and checked text share.
 *
 * Every code point of the input maps to zero or more normalised code points:
 * NFKC compatibility decomposition (full-width -> half-width, circled digits,
 * CJK compatibility ideographs), case folding, accent stripping, and OpenCC
 * traditional -> simplified at character level.  Code points that are not
 * letters or digits after that (whitespace, punctuation, symbols, emoji,
 * zero-width and other format characters, marks) are "noise" and map to
 * nothing; so is 〇 (U+3007), a letter number that is written like ○ and
 * dropped between a term's characters the same way.  The BMP is precomputed once per process into a table, so the
 * scanner pays one array load per code point.
 */
#ifndef GM_CHECK_NORMALIZE_H
#define GM_CHECK_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/gm_error.h"

#define GM_NORM_NOISE 0xFFFFFFFFu   /* table entry: code point is noise */
#define GM_NORM_EXPAND 0xFFFFFFFEu  /* table entry: several code points */
#define GM_NORM_MAX 8               /* most code points one input maps to */

/* Builds the process-wide tables (thread-safe, runs once; loads OpenCC). */
int gm_norm_init(gm_err *err);

/* The BMP table (valid after gm_norm_init): entry per code point, either a
 * normalised code point, GM_NORM_NOISE, or GM_NORM_EXPAND (several code
 * points: call gm_norm_map). */
const uint32_t *gm_norm_bmp(void);

/* Normalises one code point into out[GM_NORM_MAX]; returns the count
 * (0 = noise).  Works for every code point, BMP or not. */
int gm_norm_map(uint32_t cp, uint32_t out[GM_NORM_MAX]);

/* The bytes of an emoji keycap starting at p (a digit, # or * followed by
 * U+20E3, maybe with U+FE0F between: 1️⃣), or 0.  It is an emoji, noise
 * between a term's characters like any other, not a digit that breaks the
 * match (限1️⃣时抢购, dai7️⃣kai).  *cps is set to its code points. */
static inline size_t gm_keycap_len(const unsigned char *p, size_t len, size_t *cps)
{
    static const unsigned char enclose[] = {0xE2, 0x83, 0xA3}, vs16[] = {0xEF, 0xB8, 0x8F};
    if (len < 4 || !((unsigned)(p[0] - '0') < 10 || p[0] == '#' || p[0] == '*'))
        return 0;
    if (memcmp(p + 1, enclose, 3) == 0) {
        *cps = 2;
        return 4;
    }
    if (len >= 7 && memcmp(p + 1, vs16, 3) == 0 && memcmp(p + 4, enclose, 3) == 0) {
        *cps = 3;
        return 7;
    }
    return 0;
}

/* Decodes one UTF-8 sequence at s[0..len); returns its length and sets *cp,
 * or 0 when the bytes there are not valid UTF-8 (overlong, surrogate,
 * truncated, > U+10FFFF). */
static inline size_t gm_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    unsigned char b = s[0];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    if (b >= 0xC2 && b <= 0xDF) {
        if (len < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        *cp = ((uint32_t)(b & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if ((b & 0xF0) == 0xE0) {
        if (len < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        uint32_t c = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
            return 0;
        *cp = c;
        return 3;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        if (len < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        uint32_t c = ((uint32_t)(b & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
                     ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        if (c < 0x10000 || c > 0x10FFFF)
            return 0;
        *cp = c;
        return 4;
    }
    return 0;
}

/* Returns 0 when s[0..len) is valid UTF-8, else the offset of the first
 * bad byte plus one (so 0 stays "valid"). */
size_t gm_utf8_invalid_at(const char *s, size_t len);

/* Number of code points in valid UTF-8. */
size_t gm_utf8_count(const char *s, size_t len);

/* Appends the UTF-8 encoding of cp to buf (room for 4 bytes); returns length. */
size_t gm_utf8_put(char *buf, uint32_t cp);

/* Fills err with "<field's label>不是有效的 UTF-8(第 N 字节)" and returns
 * GM_E_INVALID when s is invalid; returns 0 otherwise. */
int gm_utf8_require(const char *s, size_t len, const char *field, gm_err *err);

#endif
