/*
 * sound_shape.c - the shape index of a lexicon: which characters a writer
 * may put for a term's character because they look alike (形近字: 含 for 合,
 * 兔 for 免), from the generated table of shape_data.h.  Pairs whose
 * characters share a reading are homophones (the sound matcher reads them
 * anyway), and pairs linked by fuzzy pinyin are near-homophones
 * (sound_fuzzy.c): both are left out, so a shape hit is a shape.  The
 * table also says which look-alikes are common characters (GB 2312's first
 * level), which a two-character term is not read through.
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
    if (!ix->added && !(ix->added = calloc((CJK_HI - CJK_LO) / 8 + 1, 1)))
        return -1;
    uint8_t *bit = &ix->added[(meant - CJK_LO) >> 3], mask = (uint8_t)(1u << ((meant - CJK_LO) & 7));
    if (*bit & mask)
        return 0;   /* a character of many terms: its pairs once */
    *bit |= mask;
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

static uint64_t bigram_key(uint32_t a, uint32_t b)
{
    return (uint64_t)a << 32 | b;
}

static size_t bigram_slot(const gm_shape_index *ix, uint64_t key)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 40) & (ix->n_bigrams - 1);
}

int gm_shape_add_term(gm_shape_index *ix, const uint32_t *chars, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (gm_shape_add(ix, chars[i]))
            return -1;
    for (size_t i = 0; i + 1 < n; i++) {
        if (ix->n_terms_bigrams * 2 + 2 > ix->n_bigrams) {   /* grow the set */
            size_t cap = ix->n_bigrams ? ix->n_bigrams * 2 : 1024;
            uint64_t *old = ix->bigrams, *g = calloc(cap, sizeof *g);
            size_t oldn = ix->n_bigrams;
            if (!g)
                return -1;
            ix->bigrams = g;
            ix->n_bigrams = cap;
            for (size_t k = 0; k < oldn; k++)
                if (old[k]) {
                    size_t j = bigram_slot(ix, old[k]);
                    while (g[j])
                        j = (j + 1) & (cap - 1);
                    g[j] = old[k];
                }
            free(old);
        }
        uint64_t key = bigram_key(chars[i], chars[i + 1]);
        size_t j = bigram_slot(ix, key);
        while (ix->bigrams[j] && ix->bigrams[j] != key)
            j = (j + 1) & (ix->n_bigrams - 1);
        if (!ix->bigrams[j]) {
            ix->bigrams[j] = key;
            ix->n_terms_bigrams++;
        }
    }
    return 0;
}

int gm_shape_bigram(const gm_shape_index *ix, uint32_t a, uint32_t b)
{
    if (!ix->n_bigrams || !a || !b)
        return 0;
    uint64_t key = bigram_key(a, b);
    for (size_t j = bigram_slot(ix, key); ix->bigrams[j]; j = (j + 1) & (ix->n_bigrams - 1))
        if (ix->bigrams[j] == key)
            return 1;
    return 0;
}

/* The Bloom filter of (neighbour, look-alike) keys: side 1 is a character
 * before the look-alike, side 2 one after it.  Two probes of one hash. */
static uint64_t side_hash(uint32_t a, uint32_t b, int side)
{
    uint64_t k = ((uint64_t)a << 32 | b) ^ (uint64_t)side << 62;
    k ^= k >> 33;
    k *= 0xFF51AFD7ED558CCDULL;
    k ^= k >> 33;
    k *= 0xC4CEB9FE1A85EC53ULL;
    return k ^ (k >> 33);
}

static void bloom_add(gm_shape_index *ix, uint64_t h)
{
    size_t m = ix->bloom_bits - 1, i = h & m, j = (h >> 32) & m;
    ix->bloom[i >> 6] |= 1ULL << (i & 63);
    ix->bloom[j >> 6] |= 1ULL << (j & 63);
}

int gm_shape_near(const gm_shape_index *ix, uint32_t a, uint32_t b, int side)
{
    if (!ix->bloom || !a || !b)
        return 0;
    uint64_t h = side_hash(a, b, side);
    size_t m = ix->bloom_bits - 1, i = h & m, j = (h >> 32) & m;
    return (int)(ix->bloom[i >> 6] >> (i & 63) & ix->bloom[j >> 6] >> (j & 63) & 1);
}

/* The look-alikes of meant (pairs by meant, sorted): [*lo, return). */
static size_t alikes_of(const uint64_t *by_meant, size_t n, uint32_t meant, size_t *lo)
{
    uint64_t key = (uint64_t)meant << 32;
    size_t a = 0, b = n;
    while (a < b) {
        size_t mid = (a + b) / 2;
        if (by_meant[mid] < key)
            a = mid + 1;
        else
            b = mid;
    }
    *lo = a;
    while (b < n && by_meant[b] >> 32 == meant)
        b++;
    return b;
}

/* Fills the Bloom filter: for every pair a b of neighbours in a term, a
 * with each look-alike of b after it, and each look-alike of a with b. */
static int build_bloom(gm_shape_index *ix)
{
    uint64_t *by_meant = malloc(ix->n * sizeof *by_meant);
    if (!by_meant)
        return -1;
    for (size_t i = 0; i < ix->n; i++)
        by_meant[i] = ix->pairs[i] << 32 | ix->pairs[i] >> 32;
    qsort(by_meant, ix->n, sizeof *by_meant, by_value);
    size_t keys = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < ix->n_bigrams; k++) {
            uint64_t bg = ix->bigrams[k];
            if (!bg)
                continue;
            uint32_t a = (uint32_t)(bg >> 32), b = (uint32_t)bg;
            size_t lo, hi = alikes_of(by_meant, ix->n, b, &lo);
            for (size_t i = lo; i < hi; i++)
                pass ? bloom_add(ix, side_hash(a, (uint32_t)by_meant[i], 1)) : (void)keys++;
            hi = alikes_of(by_meant, ix->n, a, &lo);
            for (size_t i = lo; i < hi; i++)
                pass ? bloom_add(ix, side_hash((uint32_t)by_meant[i], b, 2)) : (void)keys++;
        }
        if (pass == 0) {   /* 16 bits a key: about 1.5 % false positives */
            ix->bloom_bits = 1024;
            while (ix->bloom_bits < keys * 16)
                ix->bloom_bits <<= 1;
            ix->bloom = calloc(ix->bloom_bits / 64, sizeof *ix->bloom);
            if (!ix->bloom) {
                free(by_meant);
                return -1;
            }
        }
    }
    free(by_meant);
    return 0;
}

int gm_shape_finish(gm_shape_index *ix)
{
    free(ix->added);
    ix->added = NULL;
    if (!ix->n)
        return 0;
    qsort(ix->pairs, ix->n, sizeof *ix->pairs, by_value);
    size_t k = 0;
    for (size_t i = 0; i < ix->n; i++)
        if (k == 0 || ix->pairs[i] != ix->pairs[k - 1])
            ix->pairs[k++] = ix->pairs[i];
    ix->n = k;
    ix->first = calloc(CJK_HI - CJK_LO + 1, sizeof *ix->first);
    if (!ix->first)
        return -1;
    for (size_t i = 0; i < ix->n; i++)   /* counts, then running sums: pairs of w start at first[w] */
        ix->first[(uint32_t)(ix->pairs[i] >> 32) - CJK_LO + 1]++;
    for (size_t w = 1; w <= CJK_HI - CJK_LO; w++)
        ix->first[w] += ix->first[w - 1];
    return build_bloom(ix);
}

int gm_shape_written(const gm_shape_index *ix, uint32_t cp)
{
    if (!ix->first || cp < CJK_LO || cp >= CJK_HI)
        return 0;
    return ix->first[cp - CJK_LO + 1] != ix->first[cp - CJK_LO];
}

size_t gm_shape_meant(const gm_shape_index *ix, uint32_t written, const uint64_t **pairs)
{
    if (!gm_shape_written(ix, written))
        return 0;
    *pairs = ix->pairs + ix->first[written - CJK_LO];
    return ix->first[written - CJK_LO + 1] - ix->first[written - CJK_LO];
}

static int by_short(const void *a, const void *b)
{
    return (int)*(const unsigned short *)a - (int)*(const unsigned short *)b;
}

int gm_shape_common(uint32_t written)
{
    if (written < CJK_LO || written >= CJK_HI)
        return 0;
    unsigned short key = (unsigned short)(written - CJK_LO);
    return bsearch(&key, gm_shape_level1, gm_shape_level1_count, sizeof key, by_short) != NULL;
}

int gm_shape_alike(const gm_shape_index *ix, uint32_t written, uint32_t meant)
{
    uint64_t key = (uint64_t)written << 32 | meant;
    return ix->n && bsearch(&key, ix->pairs, ix->n, sizeof key, by_value) != NULL;
}

void gm_shape_free(gm_shape_index *ix)
{
    free(ix->pairs);
    free(ix->first);
    free(ix->bigrams);
    free(ix->added);
    free(ix->bloom);
    *ix = (gm_shape_index){0};
}
