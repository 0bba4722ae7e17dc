/*
 * sound_initials.c - lexicon terms written as the first letters of their
 * pinyin (dkfp for 代开发票, lhc for 六合彩, BJL for 百家乐), as adverts
 * abbreviate them.  Terms of three to six CJK characters are indexed by
 * every combination of their characters' initial letters (a polyphonic
 * character gives each of its readings' letters: 百家乐 is bjl and bjy); the
 * pinyin scan (sound.c) looks a whole Latin word up here when it is not
 * itself pinyin.  Two-character terms are indexed too, but two letters
 * collide with many abbreviations: sound.c looks them up only as a
 * lower-case word right beside a Chinese character (找db平台), and such a hit
 * warns at most.  One letter repeated (xxx, XXXX) is a placeholder.
 * Characters mixed with initials (代kfp, dk发票, x时抢购) are looked up the
 * same way, each character giving its readings' letters, and kept only when
 * every character is the term's own at its place (gm_initials_mixed).
 */
#include <stdlib.h>
#include <string.h>

#include "check/bytescan.h"
#include "check/normalize.h"
#include "check/pinyin_data.h"
#include "check/sound.h"

#define MAX_COMBOS 64   /* initials spellings indexed per term */

/* A word of 2..GM_INITIALS_MAX letters a-z packed five bits a letter (40
 * bits at most), its length in the bits above so abc and abca differ. */
static uint64_t pack(const char *letters, size_t n)
{
    uint64_t k = n;
    for (size_t i = 0; i < n; i++)
        k = k << 5 | (uint64_t)(letters[i] - 'a' + 1);
    return k;
}

/* The first letters of cp's readings as a bit set (bit 0 = a). */
static uint32_t first_letters(uint32_t cp)
{
    const unsigned short *ids;
    unsigned n = gm_sound_readings(cp, &ids);
    uint32_t set = 0;
    for (unsigned i = 0; i < n; i++) {
        char c = gm_py_syllables[ids[i]][0];
        if (c >= 'a' && c <= 'z')
            set |= 1u << (c - 'a');
    }
    return set;
}

static int push_entry(gm_initials *in, uint64_t key, uint32_t term)
{
    if (in->n == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 256;
        gm_initials_entry *g = realloc(in->v, cap * sizeof *g);
        if (!g)
            return -1;
        in->v = g;
        in->cap = cap;
    }
    in->v[in->n++] = (gm_initials_entry){key, term};
    return 0;
}

int gm_initials_add(gm_initials *in, const uint32_t *chars, size_t n, uint32_t term)
{
    if (n < 2 || n > GM_INITIALS_MAX)
        return 0;
    uint32_t sets[GM_INITIALS_MAX];
    size_t combos = 1;
    for (size_t i = 0; i < n; i++) {
        if (!(sets[i] = first_letters(chars[i])))
            return 0;
        combos *= (size_t)__builtin_popcount(sets[i]);
    }
    if (combos > MAX_COMBOS)
        combos = MAX_COMBOS;
    /* odometer over the letter sets, lowest letters first */
    uint32_t left[GM_INITIALS_MAX];
    memcpy(left, sets, sizeof left);
    for (size_t c = 0; c < combos; c++) {
        char w[GM_INITIALS_MAX];
        for (size_t i = 0; i < n; i++)
            w[i] = (char)('a' + __builtin_ctz(left[i]));
        if (push_entry(in, pack(w, n), term))
            return -1;
        for (size_t i = n; i-- > 0;) {   /* next combination */
            left[i] &= left[i] - 1;
            if (left[i])
                break;
            left[i] = sets[i];
        }
    }
    return 0;
}

static int by_entry(const void *a, const void *b)
{
    const gm_initials_entry *x = a, *y = b;
    return x->key != y->key ? (x->key < y->key ? -1 : 1)
                            : (x->term != y->term ? (x->term < y->term ? -1 : 1) : 0);
}

void gm_initials_finish(gm_initials *in)
{
    if (in->n)
        qsort(in->v, in->n, sizeof *in->v, by_entry);
}

size_t gm_initials_find(const gm_initials *in, const char *letters, size_t n, uint32_t *terms,
                        size_t max)
{
    if (n < 2 || n > GM_INITIALS_MAX || !in->n)
        return 0;
    size_t same = 1;
    for (size_t i = 0; i < n; i++) {
        if (letters[i] < 'a' || letters[i] > 'z')
            return 0;
        same += i > 0 && letters[i] == letters[0];
    }
    if (same == n)
        return 0;   /* xxx, XXXX: a placeholder for a name or a number */
    uint64_t key = pack(letters, n);
    size_t lo = 0, hi = in->n;
    while (lo < hi) {   /* the first entry with this key */
        size_t mid = (lo + hi) / 2;
        if (in->v[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = 0;
    for (; lo < in->n && in->v[lo].key == key && k < max; lo++)
        if (!k || terms[k - 1] != in->v[lo].term)
            terms[k++] = in->v[lo].term;
    return k;
}

void gm_initials_free(gm_initials *in)
{
    free(in->v);
    memset(in, 0, sizeof *in);
}

/* ---- characters mixed with initials (代kfp) ------------------------------ */

/* One step of a mixed run: a CJK character with readings or a letter. */
typedef struct unit {
    uint32_t cp;   /* the normalised character, or 0 for a letter */
    char letter;   /* a-z for a letter */
    size_t cp_i, b_start, b_end;
} unit;

#define MIXED_COMBOS 16

/* The window u[0..n) spells term t (chars[0..n)): every character is the
 * term's own at its place. */
static int own_characters(const unit *u, size_t n, const uint32_t *chars)
{
    for (size_t i = 0; i < n; i++)
        if (u[i].cp && u[i].cp != chars[i])
            return 0;
    return 1;
}

/* Looks the window u[0..n) up by every spelling of its initials (a
 * character gives each of its readings' letters). */
static int lookup_window(const gm_initials *in, const uint32_t *chars, const uint32_t *chars_at,
                         const unit *u, size_t n, gm_sound_fn fn, void *ctx)
{
    uint32_t sets[GM_INITIALS_MAX], left[GM_INITIALS_MAX];
    for (size_t i = 0; i < n; i++)
        sets[i] = u[i].cp ? first_letters(u[i].cp) : 1u << (u[i].letter - 'a');
    memcpy(left, sets, sizeof left);
    for (int c = 0; c < MIXED_COMBOS; c++) {
        char w[GM_INITIALS_MAX];
        uint32_t terms[8];
        for (size_t i = 0; i < n; i++)
            w[i] = (char)('a' + __builtin_ctz(left[i]));
        size_t k = gm_initials_find(in, w, n, terms, 8);
        for (size_t j = 0; j < k; j++) {
            uint32_t t = terms[j];
            if (chars_at[t + 1] - chars_at[t] != n || !own_characters(u, n, chars + chars_at[t]))
                continue;
            gm_sound_hit h = {t, GM_VIA_INITIALS, u[0].cp_i, u[n - 1].cp_i + 1, u[0].b_start,
                              u[n - 1].b_end};
            if (fn(ctx, &h))
                return 1;
        }
        size_t i = n;
        while (i-- > 0) {   /* next combination */
            left[i] &= left[i] - 1;
            if (left[i])
                break;
            left[i] = sets[i];
        }
        if (i == (size_t)-1)
            break;
    }
    return 0;
}

/* Every window of 3..GM_INITIALS_MAX steps of the run u[0..n) with a
 * character and a letter, not cutting a Latin word (APP下载 is not read
 * from its P). */
static int scan_run(const gm_initials *in, const uint32_t *chars, const uint32_t *chars_at,
                    const unit *u, size_t n, gm_sound_fn fn, void *ctx)
{
    for (size_t i = 0; i < n; i++) {
        if (!u[i].cp && i > 0 && !u[i - 1].cp)
            continue;
        int han = 0, lat = 0;
        for (size_t j = i; j < n && j - i < GM_INITIALS_MAX; j++) {
            han |= u[j].cp != 0;
            lat |= u[j].cp == 0;
            if (j - i + 1 < 3 || !han || !lat || (!u[j].cp && j + 1 < n && !u[j + 1].cp))
                continue;
            if (lookup_window(in, chars, chars_at, u + i, j - i + 1, fn, ctx))
                return 1;
        }
    }
    return 0;
}

/* The bytes of the Latin letter at b (ASCII, or full width Ａ-Ｚ ａ-ｚ), its
 * lower-case form in *c; 0 when there is none. */
static inline size_t letter_at(const unsigned char *t, size_t b, size_t len, char *c)
{
    if ((t[b] | 0x20) >= 'a' && (t[b] | 0x20) <= 'z') {
        *c = (char)(t[b] | 0x20);
        return 1;
    }
    if (t[b] == 0xEF && b + 2 < len && t[b + 1] == 0xBC && t[b + 2] >= 0xA1 && t[b + 2] <= 0xBA) {
        *c = (char)('a' + t[b + 2] - 0xA1);
        return 3;
    }
    if (t[b] == 0xEF && b + 2 < len && t[b + 1] == 0xBD && t[b + 2] >= 0x81 && t[b + 2] <= 0x9A) {
        *c = (char)('a' + t[b + 2] - 0x81);
        return 3;
    }
    return 0;
}

/* The bytes of an invisible character at b that a spelling may hide
 * between its letters (zero-width space, joiners, word joiner, BOM). */
static size_t invisible_at(const unsigned char *t, size_t b, size_t len)
{
    if (b + 2 >= len)
        return 0;
    if (t[b] == 0xE2 && ((t[b + 1] == 0x80 && t[b + 2] >= 0x8B && t[b + 2] <= 0x8D) ||
                         (t[b + 1] == 0x81 && t[b + 2] == 0xA0)))
        return 3;
    return t[b] == 0xEF && t[b + 1] == 0xBB && t[b + 2] == 0xBF ? 3 : 0;
}

/* The CJK character with readings at b (normalised into *c): its bytes, or 0. */
static size_t han_at(const char *text, size_t b, size_t len, const uint32_t *bmp, uint32_t *c)
{
    uint32_t cp;
    size_t l = gm_utf8_decode((const unsigned char *)text + b, len - b, &cp);
    const unsigned short *ids;
    if (!l || cp >= 0x10000 || bmp[cp] >= GM_NORM_EXPAND)
        return 0;
    *c = bmp[cp];
    return gm_sound_readings(*c, &ids) ? l : 0;
}

/* The start of the code point ending at byte b (b > 0). */
static size_t back_one(const char *text, size_t b)
{
    do
        b--;
    while (b > 0 && ((unsigned char)text[b] & 0xC0) == 0x80);
    return b;
}

/* The unit (a character with readings or a letter) at b: its bytes, or 0. */
static size_t unit_at(const char *text, size_t b, size_t len, const uint32_t *bmp, unit *u)
{
    char c;
    uint32_t h;
    size_t l = letter_at((const unsigned char *)text, b, len, &c);
    if (l) {
        *u = (unit){0, c, 0, b, b + l};
        return l;
    }
    if ((l = han_at(text, b, len, bmp, &h)))
        *u = (unit){h, 0, 0, b, b + l};
    return l;
}

/* The units around the Latin word w[0..nw) (up to GM_INITIALS_MAX - 1 on
 * either side, no word cut at the ends) into u; their count. */
static size_t units_around(const char *text, size_t len, const uint32_t *bmp, const unit *w,
                           size_t nw, unit *u)
{
    unit back[GM_INITIALS_MAX];
    size_t before = 0, at = w[0].b_start, n = 0;
    while (at > 0 && before < GM_INITIALS_MAX - 1) {
        size_t p = back_one(text, at);
        if (unit_at(text, p, len, bmp, &back[before]) != at - p)
            break;
        back[before].cp_i = w[0].cp_i - before - 1;
        before++;
        at = p;
    }
    char c;
    while (before > 0 && !back[before - 1].cp && at > 0 &&
           letter_at((const unsigned char *)text, back_one(text, at), len, &c)) {
        at = back[--before].b_end;   /* a Latin word cut at the start: drop its letters */
    }
    while (before > 0)
        u[n++] = back[--before];
    memcpy(u + n, w, nw * sizeof *w);
    n += nw;
    size_t f = w[nw - 1].b_end, k = 0, l;
    for (; f < len && k < GM_INITIALS_MAX - 1 && (l = unit_at(text, f, len, bmp, &u[n])); k++) {
        u[n].cp_i = w[nw - 1].cp_i + 1 + k;
        n++;
        f += l;
    }
    while (n > nw && !u[n - 1].cp && f < len && letter_at((const unsigned char *)text, f, len, &c))
        f = u[--n].b_start;   /* a Latin word cut at the end */
    return n;
}

/* Only the characters next to a Latin word are read: each word of at most
 * GM_INITIALS_MAX - 1 letters, with the characters and short words around
 * it (q网z低价, x时q购). */
void gm_initials_mixed(const gm_initials *in, const uint32_t *chars, const uint32_t *chars_at,
                       const char *text, size_t len, gm_sound_fn fn, void *ctx)
{
    if (!in->n)
        return;
    const unsigned char *t = (const unsigned char *)text;
    const uint32_t *bmp = NULL;
    size_t cp_i = 0, counted = 0;   /* code points before byte counted */
    for (size_t b = 0; b < len;) {
        b = gm_next_ascii_or_ef(t, b, len, NULL);
        if (b >= len)
            break;
        unsigned char x = t[b];
        if (x < 0x80 ? (unsigned)((x | 0x20) - 'a') >= 26u : x != 0xEF) {
            b++;   /* the common case: no letter starts here */
            continue;
        }
        char c;
        size_t l = letter_at(t, b, len, &c);
        if (!l) {
            b++;
            continue;
        }
        for (; counted < b; counted++)
            cp_i += (t[counted] & 0xC0) != 0x80;
        if (!bmp)
            bmp = gm_norm_bmp();
        unit word[GM_INITIALS_MAX];
        size_t nw = 0, e = b, cp_e = cp_i;
        for (;;) {   /* the word, invisible characters inside it passed over */
            size_t il;
            if ((l = letter_at(t, e, len, &c))) {
                if (nw < GM_INITIALS_MAX)
                    word[nw] = (unit){0, c, cp_e, e, e + l};
                nw++;
            } else if (!(il = invisible_at(t, e, len)) || !letter_at(t, e + il, len, &c)) {
                break;
            } else {
                l = il;
            }
            e += l;
            cp_e++;
        }
        if (nw < GM_INITIALS_MAX) {
            unit u[3 * GM_INITIALS_MAX];
            size_t n = units_around(text, len, bmp, word, nw, u);
            if (n > nw && scan_run(in, chars, chars_at, u, n, fn, ctx))
                return;
        }
        cp_i = cp_e;
        counted = b = e;
    }
}
