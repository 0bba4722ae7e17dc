/*
 * sound_shape.c - the shape index of a lexicon: which characters a writer
 * may put for a term's character because they look alike (形近字: 含 for 合,
 * 兔 for 免), from the generated table of shape_data.h.  Pairs whose
 * characters share a reading are homophones (the sound matcher reads them
 * anyway), and pairs linked by fuzzy pinyin are near-homophones
 * (sound_fuzzy.c): both are left out, so a shape hit is a shape.
 */
#include <stdlib.h>

#include "check/shape_data.h"
#include "check/sound.h"

#define CJK_LO 0x4E00u
#define CJK_HI 0xA000u

/* 1 when a reading of a equals a reading of b or is one of its fuzzy
 * neighbours. */
static int sound_alike(uint32_t a, uint32_t b)
{
    const unsigned short *ra, *rb;
    unsigned na = gm_sound_readings(a, &ra), nb = gm_sound_readings(b, &rb);
    for (unsigned i = 0; i < na; i++) {
        unsigned short near[GM_FUZZY_MAX];
        unsigned k = gm_fuzzy_syllables(ra[i], near);
        for (unsigned j = 0; j < nb; j++) {
            if (ra[i] == rb[j])
                return 1;
            for (unsigned q = 0; q < k; q++)
                if (near[q] == rb[j])
                    return 1;
        }
    }
    return 0;
}

/* The first pair of the table whose meant character is meant. */
static size_t first_pair(uint32_t meant)
{
    unsigned key = (meant - CJK_LO) << 16;
    size_t lo = 0, hi = gm_shape_pairs_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (gm_shape_pairs[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int push(gm_shape_index *ix, uint64_t pair)
{
    if (ix->n == ix->cap) {
        size_t cap = ix->cap ? ix->cap * 2 : 256;
        uint64_t *g = realloc(ix->pairs, cap * sizeof *g);
        if (!g)
            return -1;
        ix->pairs = g;
        ix->cap = cap;
    }
    ix->pairs[ix->n++] = pair;
    return 0;
}

int gm_shape_add(gm_shape_index *ix, uint32_t meant)
{
    if (meant < CJK_LO || meant >= CJK_HI)
        return 0;
    for (size_t i = first_pair(meant);
         i < gm_shape_pairs_count && gm_shape_pairs[i] >> 16 == meant - CJK_LO; i++) {
        uint32_t written = CJK_LO + (gm_shape_pairs[i] & 0xFFFF);
        if (!sound_alike(written, meant) && push(ix, (uint64_t)written << 32 | meant))
            return -1;
    }
    return 0;
}

static int by_value(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int gm_shape_finish(gm_shape_index *ix)
{
    if (!ix->n)
        return 0;
    qsort(ix->pairs, ix->n, sizeof *ix->pairs, by_value);
    size_t k = 0;
    for (size_t i = 0; i < ix->n; i++)
        if (k == 0 || ix->pairs[i] != ix->pairs[k - 1])
            ix->pairs[k++] = ix->pairs[i];
    ix->n = k;
    ix->bits = calloc((CJK_HI - CJK_LO) / 8 + 1, 1);
    if (!ix->bits)
        return -1;
    for (size_t i = 0; i < ix->n; i++) {
        uint32_t w = (uint32_t)(ix->pairs[i] >> 32) - CJK_LO;
        ix->bits[w >> 3] |= (uint8_t)(1u << (w & 7));
    }
    return 0;
}

int gm_shape_written(const gm_shape_index *ix, uint32_t cp)
{
    if (!ix->bits || cp < CJK_LO || cp >= CJK_HI)
        return 0;
    return ix->bits[(cp - CJK_LO) >> 3] >> ((cp - CJK_LO) & 7) & 1;
}

size_t gm_shape_meant(const gm_shape_index *ix, uint32_t written, uint32_t *out, size_t max)
{
    uint64_t key = (uint64_t)written << 32;
    size_t lo = 0, hi = ix->n, k = 0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ix->pairs[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < ix->n && ix->pairs[lo] >> 32 == written && k < max; lo++)
        out[k++] = (uint32_t)ix->pairs[lo];
    return k;
}

int gm_shape_alike(const gm_shape_index *ix, uint32_t written, uint32_t meant)
{
    uint64_t key = (uint64_t)written << 32 | meant;
    return ix->n && bsearch(&key, ix->pairs, ix->n, sizeof key, by_value) != NULL;
}

void gm_shape_free(gm_shape_index *ix)
{
    free(ix->pairs);
    free(ix->bits);
    ix->pairs = NULL;
    ix->bits = NULL;
    ix->n = ix->cap = 0;
}
