/*
 * alternation.c - words put between a term's characters, found in one walk
 * over the text:
 *
 * - a character put between every two characters of a term as a separator
 *   (代一开一发一票, 六乂合乂彩, 老x虎x机): words such as 一 are no noise, but
 *   the same character alternating with others, at least twice in a row
 *   (A s B s C), is a separator there.  gm_alternation_find copies the text
 *   with one such separator replaced by a noise character of the same byte
 *   length (a space, U+00A0 or U+3000), so byte and code-point offsets stay
 *   the original's, and lists where; one separator at a time, as two may
 *   alternate with each other (的时X时X彩: 时 or X).  lexscan.c scans the
 *   copy and keeps only hits of three or more characters with a separator
 *   between every two (gm_alternation_spaced): 他一心一意 gives no
 *   two-character 心意.
 * - a word inserted once, as speech splits a word (约个炮, 约了个炮, 信用卡套个现,
 *   代开张发票, 无抵押的贷款), or a lone Latin letter put in as a filler (赌x博):
 *   one or two particles or measure words (个 了 一 下 把 ...; 的 会 张 来 点
 *   only in terms of three or more characters, where the term's other
 *   characters stand literally around them: 特色的情况 is no 色情), or one
 *   letter with a character on each side.  The first walk (after == 0)
 *   blanks them in a second copy (gm_alternation.gap_text) for lexscan.c to
 *   scan; a hit counts only with such a gap inside (gm_alternation_gapped).
 *
 * Only windows whose A B (and B C) stand side by side in some term count, so
 * ordinary text (的书的, 我的书) costs no second scan.  Noise between them is
 * passed over (代 一 开 一 发 一 票).  No I/O.
 */
#include <stdlib.h>
#include <string.h>

#include "check/alternation.h"
#include "check/normalize.h"
#include "check/sound.h"
#include "util/grow.h"

typedef struct at {
    uint32_t cp;     /* 0: a digit, or nothing yet */
    size_t i, b, l;  /* code-point index, byte offset, byte length */
} at;

/* Words speech puts inside a word split in two (离合词: 约个炮, 赌了把球):
 * aspect particles and measure words, and 乂 as a filler.  GAP_ANY: in any
 * term; GAP_LONG: only in terms of three or more, where the rest of the term
 * stands literally around it (的 links a modifier, 会 a modal: 无抵押的贷款,
 * 稳赚不会赔), as between two words of a two-character term they are
 * ordinary grammar (特色的情况).  GAP_LETTER: a Latin letter. */
/* What x is as an inserted word: GAP_ANY, GAP_LONG or 0 (none); a Latin
 * letter (GAP_LETTER) is a filler only alone between two characters. */
enum { GAP_NONE = 0, GAP_LETTER = 1, GAP_ANY = 2, GAP_LONG = 3 };

static inline int gap_word(uint32_t cp)
{
    switch (cp) {   /* every code point of a text asks: a switch, not a list walk */
    case 0x4E00:    /* 一 */
    case 0x4E0B:    /* 下 */
    case 0x4E2A:    /* 个 */
    case 0x4E42:    /* 乂 */
    case 0x4E86:    /* 了 */
    case 0x628A:    /* 把 */
    case 0x573A:    /* 场 */
    case 0x6B21:    /* 次 */
    case 0x7740:    /* 着 */
    case 0x8FC7:    /* 过 */
        return GAP_ANY;
    case 0x4F1A:    /* 会 */
    case 0x5F20:    /* 张 */
    case 0x6765:    /* 来 */
    case 0x7684:    /* 的 */
    case 0x70B9:    /* 点 */
        return GAP_LONG;
    default:
        return cp >= 'a' && cp <= 'z' ? GAP_LETTER : GAP_NONE;
    }
}

static int cjk(uint32_t cp)
{
    return cp >= 0x3400 && cp <= 0x9FFF;
}

/* Noise (spaces, punctuation, emoji and the rest beyond the BMP) is passed
 * over: 代 一 开 一 发 一 票 alternates too. */
static int noise(const uint32_t *bmp, uint32_t cp)
{
    return cp >= 0x10000 || bmp[cp] == GM_NORM_NOISE;
}

/* Blanks s in *copy (made from text on first use), a noise character of the
 * same byte length, and lists its code-point index in *seps (ascending,
 * each once); with kinds, its gap kind too. */
static int blank(char **copy, size_t **seps, size_t *n, size_t *cap, unsigned char **kinds,
                 size_t *kcap, int kind, const char *text, size_t len, const at *s)
{
    if (*n && (*seps)[*n - 1] >= s->i)
        return 0;   /* the s of the window before */
    if (!*copy) {
        if (!(*copy = malloc(len + 1)))
            return -1;
        memcpy(*copy, text, len);
        (*copy)[len] = 0;
    }
    if (gm_grow((void **)seps, cap, *n + 1, sizeof **seps) ||
        (kinds && gm_grow((void **)kinds, kcap, *n + 1, 1)))
        return -1;
    if (kinds)
        (*kinds)[*n] = (unsigned char)kind;
    (*seps)[(*n)++] = s->i;
    static const char *const noise_of[] = {"", " ", "\xC2\xA0", "\xE3\x80\x80"};
    memcpy(*copy + s->b, noise_of[s->l], s->l);
    return 0;
}

static int push_sep(gm_alternation *a, const char *text, size_t len, const at *s)
{
    return blank(&a->text, &a->seps, &a->n, &a->cap, NULL, NULL, 0, text, len, s);
}

static int push_gap(gm_alternation *a, const char *text, size_t len, const at *s, int kind)
{
    return blank(&a->gap_text, &a->gaps, &a->n_gaps, &a->gap_cap, &a->gap_kinds,
                 &a->gap_kind_cap, kind, text, len, s);
}

/* 1 when the inserted word g is a common word with the character before it
 * (统一和, 某一省) or after it (何个人): maybe the text's own words, so only a
 * longer term, whose other characters stand literally around it, is read
 * through it, and only as a guess (GAP_LONG: 代开张发票, 加个微信咨询). */
static int word_with(uint32_t before, const at *g, uint32_t after)
{
    return cjk(g->cp) && ((before && gm_sound_common_word(before, g->cp)) ||
                          (after && gm_sound_common_word(g->cp, after)));
}

/* An inserted word or filler just before the newest entry of the ring w (k
 * entries pushed; the newest may be a sentinel 0 at the end of the text):
 * A g B or A g1 g2 B with A B side by side in some term, no g A or B
 * itself (点了点击, 赌场的场所: the term's own character repeated around a
 * word); blanks the gap in a->gap_text.  A filler that stands also before A
 * or after B alternates (创x业x精x神): the separator rule's, not an
 * inserted word. */
static int find_gap(const at *w, size_t k, gm_alternation *a, const char *text, size_t len,
                    gm_alternation_pair pair, const void *ctx)
{
    if (k < 4)
        return 0;
    const at *next = &w[(k - 1) & 7], *B = &w[(k - 2) & 7], *g2 = &w[(k - 3) & 7],
             *g1 = &w[(k - 4) & 7];
    int k2 = gap_word(g2->cp);
    if (!k2 || !cjk(B->cp))
        return 0;
    if (cjk(g1->cp) && pair(ctx, g1->cp, B->cp)) {   /* A g B */
        if (next->cp == g2->cp || (k >= 5 && w[(k - 5) & 7].cp == g2->cp) ||
            g2->cp == g1->cp || g2->cp == B->cp)
            return 0;
        return push_gap(a, text, len, g2, word_with(g1->cp, g2, B->cp) ? GAP_LONG : k2);
    }
    int k1 = k2 == GAP_LETTER || k < 5 ? GAP_NONE : gap_word(g1->cp);
    const at *A = &w[(k - 5) & 7];
    if (!k1 || !cjk(A->cp) || !pair(ctx, A->cp, B->cp) || g1->cp == A->cp || g1->cp == B->cp ||
        g2->cp == A->cp || g2->cp == B->cp)   /* A g1 g2 B */
        return 0;
    int kind = word_with(A->cp, g1, 0) || word_with(0, g2, B->cp) ? GAP_LONG
               : k1 > k2                                          ? k1
                                                                  : k2;
    return push_gap(a, text, len, g1, kind) || push_gap(a, text, len, g2, kind);
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
        if (!sep && !after && k >= 4 && gap_word(w[(k - 3) & 7].cp) &&
            find_gap(w, k, a, text, len, pair, ctx))
            return -1;
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
    if (!sep && !after && k) {   /* the last window, before the end of the text */
        w[k & 7] = (at){0, i, len, 0};
        if (find_gap(w, k + 1, a, text, len, pair, ctx))
            return -1;
    }
    return 0;
}

int gm_alternation_find(const char *text, size_t len, uint32_t after, gm_alternation *a,
                        gm_alternation_pair pair, const void *ctx)
{
    *a = (gm_alternation){0};
    uint32_t least = 0;
    if (windows(text, len, after, 0, &least, a, pair, ctx))
        return -1;
    if (!least)
        return 0;
    a->sep = least;
    return windows(text, len, after, least, &least, a, pair, ctx) ? -1 : (int)a->n;
}

/* How many of the n ascending indices seps come before code point i. */
static size_t seps_before(const size_t *seps, size_t n, size_t i)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (seps[mid] < i)
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
    return chars >= GM_ALTERNATION_MIN &&
           seps_before(a->seps, a->n, cp_end) - seps_before(a->seps, a->n, cp_start) == chars - 1;
}

int gm_alternation_gapped(const gm_alternation *a, size_t cp_start, size_t cp_end, size_t chars)
{
    size_t lo = seps_before(a->gaps, a->n_gaps, cp_start),
           hi = seps_before(a->gaps, a->n_gaps, cp_end);
    if (lo == hi || chars < 2)
        return 0;
    int weak = 0;
    for (size_t i = lo; i < hi; i++)
        weak |= a->gap_kinds[i] == GAP_LONG;
    return weak && chars == 2 ? 0 : weak ? 2 : 1;   /* 特色的情况 is no 色情 */
}

void gm_alternation_free(gm_alternation *a)
{
    free(a->text);
    free(a->seps);
    free(a->gap_text);
    free(a->gaps);
    free(a->gap_kinds);
    *a = (gm_alternation){0};
}
