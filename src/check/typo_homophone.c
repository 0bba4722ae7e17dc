/*
 * typo_homophone.c - the bigram model's words by reading (see
 * typo_homophone.h).
 *
 * Entries (reading key, word) sorted by key; an open-addressing table maps
 * each distinct key to its run of entries.  Most keys the detector asks
 * name no word (nine in ten on word salad), so a small filter of the keys
 * (two bits in one 64-bit word, ~16 bits a key: a few hundred KB, cache
 * resident) answers those without touching the table; the tables live in
 * a huge-page arena like the models' (util/huge_arena.h).  The long-word
 * path asks about nearly every span of 3-4 characters; a bitmap of the
 * first two syllables of the keys of 3+ syllables (22 KB) turns away the
 * spans that start no such word before their keys are formed.
 */
#include "check/typo_homophone.h"

#include <stdlib.h>
#include <string.h>

#include "util/huge_arena.h"

#define CJK_BASE 0x4E00u

typedef struct entry {
    uint64_t key;
    float logp;                /* the word's unigram log-probability */
    gm_typo_homophone word;
} entry;

typedef struct run_slot {
    uint64_t key;              /* 0 = empty (a real key is never 0) */
    uint32_t start, count;
} run_slot;

struct gm_typo_homophones {
    entry *e;                  /* while building */
    size_t n, cap;
    gm_typo_homophone *words;  /* the entries' words, in key order */
    run_slot *runs;
    size_t mask;
    uint64_t *outranked;       /* bit per word index: a commoner word reads the same */
    size_t n_ids;              /* bits in outranked */
    uint64_t *filter;          /* the keys present, two bits each */
    size_t filter_mask;        /* its number of 64-bit words - 1 */
    uint64_t *starts;          /* bit per first two syllables of a key of 3+ syllables */
    size_t syllables;          /* syllable numbers are below this (starts: its square) */
    gm_huge_arena *arena;      /* words, runs and filter */
    const uint16_t (*read)[GM_TYPO_READINGS];
    const gm_typo_lm *lm;
    int nomem;
};

uint64_t gm_typo_reading_key(const uint16_t *s, size_t n)
{
    uint64_t k = n;
    for (size_t i = 0; i < n; i++)
        k = (k << 10) | s[i];
    return k;
}

static size_t run_home(uint64_t k, size_t mask)
{
    k ^= k >> 31;
    k *= 0x9E3779B97F4A7C15ULL;
    k ^= k >> 29;
    return (size_t)k & mask;
}

/* The filter word of key k and its two bits. */
static size_t filter_word(uint64_t k, size_t mask, uint64_t *bits)
{
    uint64_t h = k * 0xD6E8FEB86659FD93ULL;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ULL;
    *bits = 1ULL << (h >> 58) | 1ULL << (h >> 52 & 63);
    return (size_t)h & mask;
}

static void push(gm_typo_homophones *h, uint64_t key, const uint32_t *w, size_t n, int32_t id)
{
    if (h->n == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 4096;
        entry *e = realloc(h->e, cap * sizeof *e);
        if (!e) {
            h->nomem = 1;
            return;
        }
        h->e = e;
        h->cap = cap;
    }
    entry *x = &h->e[h->n++];
    memset(x, 0, sizeof *x);
    x->key = key;
    x->logp = gm_typo_lm_logp(h->lm, -1, id);
    memcpy(x->word.w, w, n * sizeof *w);
    x->word.id = id;
}

/* Pushes w under every combination of its characters' readings, from
 * character i on (syl holds the choices for 0..i-1). */
static void push_readings(gm_typo_homophones *h, const uint32_t *w, size_t n, int32_t id,
                          size_t i, uint16_t *syl)
{
    if (i >= n || i >= GM_TYPO_WORD_MAX) {
        push(h, gm_typo_reading_key(syl, n), w, n, id);
        return;
    }
    const uint16_t *r = h->read[w[i] - CJK_BASE];
    for (size_t k = 0; k < GM_TYPO_READINGS && r[k]; k++) {
        syl[i] = r[k];
        push_readings(h, w, n, id, i + 1, syl);
    }
}

static void add_word(void *ctx, const uint32_t *w, size_t n, int32_t id)
{
    uint16_t syl[GM_TYPO_WORD_MAX];
    if (n >= 2 && n <= GM_TYPO_WORD_MAX)
        push_readings(ctx, w, n, id, 0, syl);
}

static int by_key(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    if (x->logp != y->logp)
        return x->logp > y->logp ? -1 : 1;                     /* commonest first */
    return memcmp(x->word.w, y->word.w, sizeof x->word.w);   /* a stable order */
}

/* Sizes the filter for the distinct keys of the sorted entries (~16 bits
 * a key, a power of two of 64-bit words). */
static int alloc_filter(gm_typo_homophones *h)
{
    size_t keys = 0, words = 64;
    for (size_t i = 0; i < h->n; i++)
        keys += i == 0 || h->e[i].key != h->e[i - 1].key;
    while (words * 64 < keys * 16)
        words <<= 1;
    h->filter_mask = words - 1;
    h->filter = gm_huge_arena_alloc(h->arena, words, sizeof *h->filter, 1);
    return h->filter ? 0 : -1;
}

/* The bit of the first two syllables s0, s1 in starts. */
static size_t start_bit(const gm_typo_homophones *h, uint16_t s0, uint16_t s1)
{
    return (size_t)s0 * h->syllables + s1;
}

/* One more than the largest syllable number of any character. */
static size_t syllable_count(const uint16_t (*read)[GM_TYPO_READINGS])
{
    size_t n = 1;
    for (uint32_t c = 0; c <= 0x9FFFu - CJK_BASE; c++)
        for (size_t k = 0; k < GM_TYPO_READINGS; k++)
            n = read[c][k] >= n ? (size_t)read[c][k] + 1 : n;
    return n;
}

/* Records the first two syllables of key k when it has three or more. */
static void mark_start(gm_typo_homophones *h, uint64_t k)
{
    size_t n = 0;
    while (n < GM_TYPO_WORD_MAX && (k >> (10 * (n + 1))) != n + 1)
        n++;
    n++;                           /* the key's syllables (gm_typo_reading_key) */
    if (n < 3)
        return;
    size_t bit = start_bit(h, (uint16_t)(k >> (10 * (n - 1)) & 1023),
                           (uint16_t)(k >> (10 * (n - 2)) & 1023));
    h->starts[bit >> 6] |= 1ULL << (bit & 63);
}

static int index_runs(gm_typo_homophones *h)
{
    size_t slots = 1024;
    while (slots < h->n * 2)
        slots <<= 1;
    h->mask = slots - 1;
    h->arena = gm_huge_arena_new();
    if (!h->arena || alloc_filter(h))
        return -1;
    h->runs = gm_huge_arena_alloc(h->arena, slots, sizeof *h->runs, 1);
    h->syllables = syllable_count(h->read);   /* 419: the bitmap is 22 KB */
    h->starts = gm_huge_arena_alloc(h->arena, (h->syllables * h->syllables + 63) / 64,
                                    sizeof *h->starts, 1);
    h->words = gm_huge_arena_alloc(h->arena, h->n + 1, sizeof *h->words, 0);
    if (!h->runs || !h->words || !h->starts)
        return -1;
    for (size_t i = 0; i < h->n; i++) {
        h->words[i] = h->e[i].word;
        if ((size_t)h->e[i].word.id >= h->n_ids)
            h->n_ids = (size_t)h->e[i].word.id + 1;
    }
    h->outranked = calloc(h->n_ids / 64 + 1, sizeof *h->outranked);
    if (!h->outranked)
        return -1;
    for (size_t i = 0; i < h->n;) {
        size_t j = i;
        while (j < h->n && h->e[j].key == h->e[i].key) {
            if (j > i) {           /* the run's first is its commonest */
                uint32_t id = (uint32_t)h->e[j].word.id;
                h->outranked[id >> 6] |= 1ULL << (id & 63);
            }
            j++;
        }
        size_t s = run_home(h->e[i].key, h->mask);
        while (h->runs[s].key)
            s = (s + 1) & h->mask;
        h->runs[s] = (run_slot){h->e[i].key, (uint32_t)i, (uint32_t)(j - i)};
        uint64_t bits;
        h->filter[filter_word(h->e[i].key, h->filter_mask, &bits)] |= bits;
        mark_start(h, h->e[i].key);
        i = j;
    }
    return 0;
}

gm_typo_homophones *gm_typo_homophones_build(const gm_typo_lm *lm,
                                             const uint16_t (*read)[GM_TYPO_READINGS])
{
    gm_typo_homophones *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->read = read;
    h->lm = lm;
    gm_typo_lm_each_word(lm, add_word, h);
    if (!h->nomem)
        qsort(h->e, h->n, sizeof *h->e, by_key);
    if (h->nomem || index_runs(h)) {
        gm_typo_homophones_free(h);
        return NULL;
    }
    free(h->e);
    h->e = NULL;
    gm_heap_give_back();           /* the entries were the heap's last big block */
    return h;
}

void gm_typo_homophones_free(gm_typo_homophones *h)
{
    if (!h)
        return;
    free(h->e);
    free(h->outranked);
    gm_huge_arena_free(h->arena);
    free(h);
}

const gm_typo_homophone *gm_typo_homophones_find(const gm_typo_homophones *h, uint64_t key,
                                                 size_t *count)
{
    uint64_t bits;
    if ((h->filter[filter_word(key, h->filter_mask, &bits)] & bits) != bits) {
        *count = 0;
        return NULL;
    }
    for (size_t s = run_home(key, h->mask);; s = (s + 1) & h->mask) {
        if (h->runs[s].key == key) {
            *count = h->runs[s].count;
            return &h->words[h->runs[s].start];
        }
        if (h->runs[s].key == 0) {
            *count = 0;
            return NULL;
        }
    }
}

int gm_typo_homophones_may_start(const gm_typo_homophones *h, const uint16_t *r0,
                                  const uint16_t *r1)
{
    for (size_t i = 0; i < GM_TYPO_READINGS && r0[i]; i++)
        for (size_t j = 0; j < GM_TYPO_READINGS && r1[j]; j++) {
            size_t bit = start_bit(h, r0[i], r1[j]);
            if (h->starts[bit >> 6] >> (bit & 63) & 1)
                return 1;
        }
    return 0;
}

int gm_typo_homophones_outranked(const gm_typo_homophones *h, int32_t id)
{
    return id >= 0 && (size_t)id < h->n_ids && (h->outranked[(size_t)id >> 6] >> (id & 63) & 1);
}
