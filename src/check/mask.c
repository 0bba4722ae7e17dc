/*
 * mask.c - a term with one character hidden by a mask mark (六*彩, 代开□票,
 * 稳赚不*, *合彩), as posts hide the word that would be caught and leave the
 * rest for the reader to fill in.  Terms of three or more characters are
 * indexed by the characters on either side of each position (the character
 * before the hole or FIRST_KEY, the one after it or 0); gm_sound_scan calls
 * gm_mask_scan only for a text with a mask mark (noise it passes over
 * anyway, gm_mask_mark), which reports (GM_VIA_MASK; GM_VIA_MASK_WEAK for
 * the first character) a term whose every other character stands literally
 * around the mark, noise passed over.
 * The first character is read as hidden only behind a star or a cross
 * (*合彩, ×家乐, ✖时抢购) that starts a word (the text's start, or no
 * Chinese character right before it) and stands right before the rest of
 * the term: boxes and bullets there start list items and form fields
 * (□同意, ●家乐福), and it only warns (a word is known by its start:
 * *开发票须知 may be a footnote).
 * Not read as masks: two marks side by side (**bold**) or alternating with
 * characters (危○地○马: separators), a mark beside the character it would
 * hide (领○取: noise), a mask at a term's end with a character right after
 * it (网上赌*平台 may hide several words), ○ beside a Chinese numeral
 * (二○二四年: a zero).  No I/O.
 */
#include <stdlib.h>
#include <string.h>

#include "check/normalize.h"
#include "check/sound.h"
#include "util/grow.h"

#define MASK_TERM_MAX 12   /* longer terms are not indexed */
#define MASK_CP 0xFFFFFFFDu   /* an entry that is a mask mark */
#define FIRST_KEY 0xFFFFFFFEu   /* the "character before" of a hidden first character */

/* The marks that hide a character. */
static const uint32_t MARKS[] = {0x2A, 0xD7, 0x203B, 0x2217, 0x25A0, 0x25A1, 0x25CB, 0x25CF,
                                 0x25EF, 0x2610, 0x2715, 0x2716, 0x2731, 0xFF0A};

int gm_mask_mark(uint32_t cp)
{
    if (cp != 0x2A && cp != 0xD7 && cp != 0xFF0A && (cp < 0x203B || cp > 0x2731))
        return 0;
    for (size_t i = 0; i < sizeof MARKS / sizeof *MARKS; i++)
        if (MARKS[i] == cp)
            return 1;
    return 0;
}

static uint64_t key_of(uint32_t before, uint32_t after)
{
    return (uint64_t)before << 32 | after;
}

int gm_mask_add(gm_mask_index *ix, const uint32_t *chars, size_t n, uint32_t term)
{
    if (n < 3 || n > MASK_TERM_MAX)
        return 0;
    for (size_t hole = 0; hole < n; hole++) {
        if (gm_grow((void **)&ix->v, &ix->cap, ix->n + 1, sizeof *ix->v))
            return -1;
        ix->v[ix->n++] = (gm_mask_entry){key_of(hole ? chars[hole - 1] : FIRST_KEY,
                                                hole + 1 < n ? chars[hole + 1] : 0),
                                         term, (uint32_t)hole};
    }
    return 0;
}

static int by_key(const void *a, const void *b)
{
    uint64_t x = ((const gm_mask_entry *)a)->key, y = ((const gm_mask_entry *)b)->key;
    return x < y ? -1 : x > y;
}

void gm_mask_finish(gm_mask_index *ix)
{
    if (ix->n)
        qsort(ix->v, ix->n, sizeof *ix->v, by_key);
}

void gm_mask_free(gm_mask_index *ix)
{
    free(ix->v);
    *ix = (gm_mask_index){0};
}

/* A code point of the text that is no noise. */
typedef struct el {
    uint32_t cp;      /* normalised; MASK_CP for a mark; 0 for one that maps to several */
    size_t i, b, e;   /* code-point index, byte start and end */
} el;

/* The text's code points that are no noise (keycaps are emoji: noise). */
static el *elements(const char *text, size_t len, size_t *n)
{
    const uint32_t *bmp = gm_norm_bmp();
    el *v = NULL;
    size_t cap = 0, k = 0, i = 0;
    for (size_t b = 0; b < len && bmp; i++) {
        uint32_t cp;
        size_t cps, l = gm_keycap_len((const unsigned char *)text + b, len - b, &cps);
        if (l) {
            b += l;
            i += cps - 1;
            continue;
        }
        if (!(l = gm_utf8_decode((const unsigned char *)text + b, len - b, &cp)))
            break;
        uint32_t nc = gm_mask_mark(cp) ? MASK_CP : cp >= 0x10000 ? GM_NORM_NOISE : bmp[cp];
        if (nc != GM_NORM_NOISE) {
            if (gm_grow((void **)&v, &cap, k + 1, sizeof *v)) {
                free(v);
                return NULL;
            }
            v[k++] = (el){nc == GM_NORM_EXPAND ? 0 : nc, i, b, b + l};
        }
        b += l;
    }
    *n = k;
    return v;
}

static int numeral(uint32_t cp)
{
    static const char *const digits = "〇零一二三四五六七八九十";
    char buf[8];
    size_t l = gm_utf8_put(buf, cp);
    buf[l] = 0;
    return cp >= 0x3007 && strstr(digits, buf) != NULL;
}

/* 1 when the mark at v[j] may hide a character: not beside another mark
 * (**), nor alternating with one (危○地○马: a separator). */
static int lone_mark(const el *v, size_t n, size_t j, const char *text)
{
    for (size_t d = 1; d <= 2; d++)
        if ((j >= d && v[j - d].cp == MASK_CP) || (j + d < n && v[j + d].cp == MASK_CP))
            return 0;
    uint32_t cp = 0;
    gm_utf8_decode((const unsigned char *)text + v[j].b, v[j].e - v[j].b, &cp);
    return !(cp == 0x25CB && ((j > 0 && numeral(v[j - 1].cp)) || (j + 1 < n && numeral(v[j + 1].cp))));
}

static int chinese(uint32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* 1 when the mark at v[j] may hide a term's first character: a star or a
 * cross (boxes and bullets start list items and form fields), at a word's
 * start (no Chinese character right before it) and right before a
 * character. */
static int first_hidden(const el *v, size_t n, size_t j, const char *text)
{
    uint32_t cp = 0;
    gm_utf8_decode((const unsigned char *)text + v[j].b, v[j].e - v[j].b, &cp);
    if (cp != 0x2A && cp != 0xFF0A && cp != 0x2217 && cp != 0x2731 && cp != 0xD7 &&
        cp != 0x2715 && cp != 0x2716)
        return 0;
    if (j > 0 && v[j - 1].e == v[j].b && chinese(v[j - 1].cp))
        return 0;   /* 冲*合: the mark may end the word before */
    return j + 1 < n && v[j + 1].b == v[j].e && v[j + 1].cp && v[j + 1].cp != MASK_CP;
}

/* Reports the terms indexed under key whose characters stand around the
 * mark at v[j]. */
static int report(const gm_mask_index *ix, uint64_t key, const uint32_t *chars,
                  const uint32_t *chars_at, const el *v, size_t n, size_t j, gm_sound_fn fn,
                  void *ctx)
{
    size_t lo = 0, hi = ix->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ix->v[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < ix->n && ix->v[lo].key == key; lo++) {
        const gm_mask_entry *m = &ix->v[lo];
        const uint32_t *tc = chars + chars_at[m->term];
        size_t tn = chars_at[m->term + 1] - chars_at[m->term];
        if (m->hole > j || j - m->hole + tn > n || (j > 0 && tc[m->hole] == v[j - 1].cp) ||
            (j + 1 < n && tc[m->hole] == v[j + 1].cp))
            continue;   /* the mark beside the character it would hide is noise (领○取) */
        size_t s = j - m->hole, k = 0;
        while (k < tn && (k == m->hole || v[s + k].cp == tc[k]))
            k++;
        if (k < tn)
            continue;
        gm_sound_hit h = {m->term, m->hole ? GM_VIA_MASK : GM_VIA_MASK_WEAK, v[s].i, v[s + tn - 1].i + 1, v[s].b,
                          v[s + tn - 1].e};
        if (fn(ctx, &h))
            return 1;
    }
    return 0;
}

void gm_mask_scan(const gm_mask_index *ix, const uint32_t *chars, const uint32_t *chars_at,
                  const char *text, size_t len, gm_sound_fn fn, void *ctx)
{
    if (!ix->n)
        return;
    size_t n = 0;
    el *v = elements(text, len, &n);
    for (size_t j = 0; v && j < n; j++) {
        if (v[j].cp != MASK_CP || !lone_mark(v, n, j, text))
            continue;
        if (first_hidden(v, n, j, text) &&
            report(ix, key_of(FIRST_KEY, v[j + 1].cp), chars, chars_at, v, n, j, fn, ctx))
            break;
        if (j == 0 || !v[j - 1].cp || v[j - 1].cp == MASK_CP)
            continue;
        uint32_t after = j + 1 < n ? v[j + 1].cp : 0;
        /* at a term's end only when no character follows right after the mark */
        int end_ok = j + 1 >= n || v[j + 1].b != v[j].e || after < 0x3400 || after > 0x9FFF;
        if ((after && after != MASK_CP &&
             report(ix, key_of(v[j - 1].cp, after), chars, chars_at, v, n, j, fn, ctx)) ||
            (end_ok && report(ix, key_of(v[j - 1].cp, 0), chars, chars_at, v, n, j, fn, ctx)))
            break;
    }
    free(v);
}
