/*
 * bytescan.h - skipping the bytes of a UTF-8 text that cannot start an
 * ASCII character or a full-width form (EF xx xx: U+FF00..U+FFEF, the
 * full-width digits and letters), eight bytes at a time.  The personal
 * data scanners look for digits, letters and the characters before them;
 * a Chinese post is mostly other bytes, so they pass it at about one
 * instruction a byte instead of testing each byte.
 */
#ifndef GM_CHECK_BYTESCAN_H
#define GM_CHECK_BYTESCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define GM_BYTES_HI 0x8080808080808080ULL
#define GM_BYTES_LO 0x0101010101010101ULL

/* 1 when some byte of the 8 in w is below 0x80 or is 0xEF. */
static inline int gm_bytes_ascii_or_ef(uint64_t w)
{
    uint64_t x = w ^ (0xEF * GM_BYTES_LO);
    return ((~w & GM_BYTES_HI) | ((x - GM_BYTES_LO) & ~x & GM_BYTES_HI)) != 0;
}

/* The first index >= i of p[0..len) whose byte is below 0x80 or 0xEF
 * (len if none); *cps, when not NULL, grows by the code points started
 * in the bytes passed (bytes that are not 10xxxxxx continuations). */
static inline size_t gm_next_ascii_or_ef(const unsigned char *p, size_t i, size_t len,
                                         size_t *cps)
{
    for (;;) {
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, p + i, sizeof w);
            if (gm_bytes_ascii_or_ef(w))
                break;
            if (cps)               /* all bytes >= 0x80: a lead unless 10xxxxxx */
                *cps += 8 - (size_t)__builtin_popcountll(w & ~(w << 1) & GM_BYTES_HI);
            i += 8;
        }
        size_t end = i + 8 < len ? i + 8 : len;
        for (; i < end; i++) {
            if (p[i] < 0x80 || p[i] == 0xEF)
                return i;
            if (cps)
                *cps += (p[i] & 0xC0) != 0x80;
        }
        if (i >= len)
            return len;
    }
}

#endif
