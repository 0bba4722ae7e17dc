/*
 * sound_initials.c - lexicon terms written as the first letters of their
 * pinyin (dkfp for 代开发票, lhc for 六合彩, BJL for 百家乐), as adverts
 * abbreviate them.  Terms of three to six CJK characters are indexed by
 * every combination of their characters' initial letters (a polyphonic
 * character gives each of its readings' letters: 百家乐 is bjl and bjy); the
 * pinyin scan (sound.c) looks a whole Latin word up here when it is not
 * itself pinyin.  Two letters collide with too many abbreviations to be
 * indexed at all; one letter repeated (xxx, XXXX) is a placeholder.
 */
#include <stdlib.h>
#include <string.h>

#include "check/pinyin_data.h"
#include "check/sound.h"

#define MAX_COMBOS 64   /* initials spellings indexed per term */

/* A word of 3..GM_INITIALS_MAX letters a-z packed five bits a letter (40
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
    if (n < 3 || n > GM_INITIALS_MAX)
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
    if (n < 3 || n > GM_INITIALS_MAX || !in->n)
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
