/*
 * alternation.c - a character put between every two characters of a term
 * as a separator (代一开一发一票, 六乂合乂彩, 老x虎x机): words such as 一 are
 * no noise, but the same character alternating with others, at least twice
 * in a row (A s B s C), is a separator there.  gm_alternation_find copies
 * the text with one such separator replaced by a noise character of the
 * same byte length (a space, U+00A0 or U+3000), so byte and code-point
 * offsets stay the original's, and lists where; one separator at a time,
 * as two may alternate with each other (的时X时X彩: 时 or X).  lexscan.c
 * scans the copy and keeps only hits of three or more characters with a
 * separator between every two (gm_alternation_spaced): 他一心一意 gives no
 * two-character 心意.  Only windows whose A B and B C stand side by side in
 * some term count, so ordinary text (的书的) costs no second scan.  Noise
 * between them is passed over (代 一 开 一 发 一 票).  No I/O.
 */
#include <stdlib.h>
#include <string.h>

#include "check/alternation.h"
#include "check/normalize.h"
#include "util/grow.h"

typedef struct at {
    uint32_t cp;     /* 0: a digit, or nothing yet */
    size_t i, b, l;  /* code-point index, byte offset, byte length */
} at;

/* Noise (spaces, punctuation, emoji and the rest beyond the BMP) is passed
 * over: 代 一 开 一 发 一 票 alternates too. */
static int noise(const uint32_t *bmp, uint32_t cp)
{
    return cp >= 0x10000 || bmp[cp] == GM_NORM_NOISE;
}

static int push_sep(gm_alternation *a, const char *text, size_t len, const at *s)
{
    if (a->n && a->seps[a->n - 1] == s->i)
        return 0;   /* the s of the window before */
    if (!a->text) {
        if (!(a->text = malloc(len + 1)))
            return -1;
        memcpy(a->text, text, len);
        a->text[len] = 0;
    }
    if (gm_grow((void **)&a->seps, &a->cap, a->n + 1, sizeof *a->seps))
        return -1;
    a->seps[a->n++] = s->i;
    static const char *const blank[] = {"", " ", "\xC2\xA0", "\xE3\x80\x80"};
    memcpy(a->text + s->b, blank[s->l], s->l);
    return 0;
}

/* Finds each A s B s C of text with s > after: the least such s into
 * *least when sep is 0, else blanks the two s of each window whose s is
 * sep.  The last five code points that are no noise sit in a ring. */
static int windows(const char *text, size_t len, uint32_t after, uint32_t sep, uint32_t *least,
                   gm_alternation *a, gm_alternation_pair pair, const void *ctx)
{
    const uint32_t *bmp = gm_norm_bmp();
    at w[8] = {{0}};
    size_t i = 0, k = 0;   /* k: entries pushed; the newest is w[(k - 1) & 7] */
    for (size_t b = 0; b < len && bmp; i++) {
        uint32_t cp;
        size_t l = gm_utf8_decode((const unsigned char *)text + b, len - b, &cp);
        if (!l)
            break;
        b += l;
        if (noise(bmp, cp))
            continue;
        /* a digit is never s, A, B or C (1x2x3) */
        uint32_t nc = bmp[cp] == GM_NORM_EXPAND ? cp : bmp[cp];   /* 開 as 开 */
        w[k & 7] = (at){cp >= '0' && cp <= '9' ? 0 : nc, i, b - l, l};
        k++;
        const at *A = &w[(k - 5) & 7], *s1 = &w[(k - 4) & 7], *B = &w[(k - 3) & 7],
                 *s2 = &w[(k - 2) & 7], *C = &w[(k - 1) & 7];
        uint32_t s = s1->cp;
        if (k < 5 || !s || s <= after || s != s2->cp || s1->l > 3 || !A->cp || A->cp == s ||
            !B->cp || B->cp == s || !C->cp || C->cp == s || !pair(ctx, A->cp, B->cp) ||
            !pair(ctx, B->cp, C->cp))
            continue;   /* the common case; a term's pairs rule out ordinary text (的书的) */
        if (!sep && (!*least || s < *least))
            *least = s;
        if (sep == s && (push_sep(a, text, len, s1) || push_sep(a, text, len, s2)))
            return -1;
    }
    return 0;
}

int gm_alternation_find(const char *text, size_t len, uint32_t after, gm_alternation *a,
                        gm_alternation_pair pair, const void *ctx)
{
    *a = (gm_alternation){0};
    uint32_t least = 0;
    windows(text, len, after, 0, &least, a, pair, ctx);
    if (!least)
        return 0;
    a->sep = least;
    return windows(text, len, after, least, &least, a, pair, ctx) ? -1 : (int)a->n;
}

/* How many separators come before code point i. */
static size_t seps_before(const gm_alternation *a, size_t i)
{
    size_t lo = 0, hi = a->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a->seps[mid] < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int gm_alternation_spaced(const gm_alternation *a, size_t cp_start, size_t cp_end, size_t chars)
{
    /* a separator stands between two other characters, so chars - 1 of them
     * inside a hit that starts and ends with a term's character are one
     * between every two */
    return chars >= GM_ALTERNATION_MIN && seps_before(a, cp_end) - seps_before(a, cp_start) ==
                                              chars - 1;
}

void gm_alternation_free(gm_alternation *a)
{
    free(a->text);
    free(a->seps);
    *a = (gm_alternation){0};
}
