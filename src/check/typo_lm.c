/*
 * typo_lm.c - loads and queries the word bigram model (see typo_lm.h).
 *
 * The file (scripts/gen_expr_lm.py) holds plain arrays; loading builds an
 * open-addressing table word key -> word index from them, places the
 * bigrams (sorted by first, then second word) in each first word's own
 * small hash table of successors with log P(second | first) (a lookup is
 * one probe, usually one cache line, where a binary search of a long list
 * missed the cache at each step).  A slot is four bytes: the second word's
 * 16-bit successor code and the 16-bit index of its log-probability among
 * the model's distinct values (54,000 successors, 65,000 values: exact,
 * half the 22 MB the word index and float took); a model needing more
 * than 16 bits for either loads in the wide layout.  It also builds, per
 * character, the sorted lists of the
 * characters standing next to it inside a word.  Scoring a window is a
 * Viterbi search whose states are (end position, last word).
 */
#include "check/typo_lm.h"

#include <stdlib.h>
#include <string.h>

#include "check/typo_model.h"
#include "util/file.h"
#include "util/huge_arena.h"

#define LM_MAX (96u << 20)
#define LM_UNKNOWN (-18.0f)        /* a character the model has no word for */
#define CJK_BASE 0x4E00u
#define CJK_COUNT (0x9FFFu - CJK_BASE + 1)

_Static_assert(GM_TYPO_LM_STATES == GM_TYPO_WORD_MAX + 1, "a state per word length + unknown");
_Static_assert(sizeof(((gm_typo_lm_window *)0)->id[0]) / sizeof(int32_t) == GM_TYPO_WORD_MAX + 1,
               "a span per word length");
#define BLOOM_BITS (1u << 22)
#define SUCC_FILTER_BITS 12         /* bits of a word's successor filter per successor */

/* Key and value share a slot, so a lookup touches one cache line. */
typedef struct word_slot {
    uint64_t key;              /* 0 = empty */
    int32_t id;
} word_slot;

#define NO_SUCCESSOR UINT32_MAX    /* an empty slot of a successor table */

/* A slot of a successor table in the compact layout (every model so far):
 * the second word's successor code in the high 16 bits, the index of
 * log P(second | first) in the table of distinct values in the low 16;
 * NO_SUCCESSOR when empty (no word has the code NO_CODE).  Four bytes
 * where a word index and a float took eight: the tables a text's bigrams
 * are looked up in take half the cache. */
typedef uint32_t pair_slot;
#define NO_CODE 0xFFFFu            /* a word that follows no word in the model */
#define CODES_MAX 0xFFFFu          /* successor codes 0 .. CODES_MAX - 1 */
#define VALUES_MAX 0x10000u        /* distinct bigram log-probabilities */

/* The wide layout, used only when a model has more distinct successors or
 * bigram log-probabilities than 16 bits number. */
typedef struct successor {
    uint32_t b;                /* the second word; NO_SUCCESSOR: an empty slot */
    float logp;                /* log P(b | the first word) */
} successor;

struct gm_typo_lm {
    gm_huge_arena *arena;      /* holds every table below */
    word_slot *words;
    size_t wmask;
    float *logp;               /* per word index */
    struct history {           /* per word index + 1: what a bigram after it reads */
        float backoff;
        uint32_t succ_at;      /* where its successor filter starts */
        uint32_t pair_at;      /* where its successor table starts in pairs */
    } *hist;
    pair_slot *pairs;          /* each word's successor table (successor_slots of its
                                  count, open addressing, linear probing in it) */
    uint16_t *succ_code;       /* per word index: its code as a second word, or NO_CODE */
    float *values;             /* the distinct bigram log-probabilities, by pair_slot index */
    successor *wide;           /* instead of pairs, succ_code and values when the model
                                  needs more than 16 bits for either (else NULL) */
    uint64_t *bloom;           /* in-word character bigrams, BLOOM_BITS bits */
    uint32_t *join_at[2];      /* per U+4E00 offset, CJK_COUNT + 1: where the list of
                                  characters before (0) / after (1) it inside a word starts */
    uint16_t *join[2];         /* those lists, ascending U+4E00 offsets */
    int32_t *char_id;          /* word index of each one-character word, by U+4E00 offset */
    uint64_t *succ;            /* per word, a Bloom filter (two bits in one 64-bit word)
                                  of the words the bigram table holds after it: most
                                  pairs asked are absent, and a window asks after the
                                  same few words, so this answers from a few cache lines */
};

static size_t mix(uint64_t k, size_t mask)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return (size_t)k & mask;
}

static uint64_t word_key(const uint32_t *w, size_t n)
{
    uint64_t k = n;
    for (size_t i = 0; i < n; i++)
        k = (k << 15) | (w[i] - CJK_BASE);
    return k;
}

const uint16_t *gm_typo_lm_joiners(const gm_typo_lm *lm, uint32_t cp, int after, size_t *n)
{
    if (cp < CJK_BASE || cp - CJK_BASE >= CJK_COUNT) {
        *n = 0;
        return NULL;
    }
    const uint32_t *at = lm->join_at[after != 0] + (cp - CJK_BASE);
    *n = at[1] - at[0];
    return lm->join[after != 0] + at[0];
}

static uint32_t bloom_bit(uint32_t a, uint32_t b)
{
    uint64_t k = ((uint64_t)a << 21 | b) * 0x9E3779B97F4A7C15ULL;
    return (uint32_t)(k >> 42);   /* top 22 bits */
}

int gm_typo_lm_joined(const gm_typo_lm *lm, uint32_t a, uint32_t b)
{
    uint32_t bit = bloom_bit(a, b);
    return (int)(lm->bloom[bit >> 6] >> (bit & 63)) & 1;
}

/* Adds the adjacent characters of the word with key k to the Bloom filter. */
static void bloom_add_word(gm_typo_lm *lm, uint64_t k)
{
    size_t n = 1;
    while (n < GM_TYPO_WORD_MAX && (k >> (15 * n)) != n)
        n++;
    for (size_t i = 0; i + 1 < n; i++) {
        uint32_t a = CJK_BASE + (uint32_t)(k >> (15 * (n - 1 - i)) & 0x7FFF);
        uint32_t b = CJK_BASE + (uint32_t)(k >> (15 * (n - 2 - i)) & 0x7FFF);
        uint32_t bit = bloom_bit(a, b);
        lm->bloom[bit >> 6] |= 1ULL << (bit & 63);
    }
}

int32_t gm_typo_lm_word(const gm_typo_lm *lm, const uint32_t *w, size_t n)
{
    if (n == 1)                    /* the direct table, not the hashed one */
        return w[0] - CJK_BASE < CJK_COUNT ? lm->char_id[w[0] - CJK_BASE] : -1;
    uint64_t k = word_key(w, n);
    for (size_t s = mix(k, lm->wmask);; s = (s + 1) & lm->wmask) {
        if (lm->words[s].key == k)
            return lm->words[s].id;
        if (lm->words[s].key == 0)
            return -1;
    }
}

void gm_typo_lm_each_word(const gm_typo_lm *lm, gm_typo_lm_word_fn fn, void *ctx)
{
    for (size_t s = 0; s <= lm->wmask; s++) {
        uint64_t k = lm->words[s].key;
        if (k == 0)
            continue;
        uint32_t w[GM_TYPO_WORD_MAX];
        size_t n = 1;
        while (n < GM_TYPO_WORD_MAX && (k >> (15 * n)) != n)
            n++;
        for (size_t i = 0; i < n; i++)
            w[i] = CJK_BASE + (uint32_t)(k >> (15 * (n - 1 - i)) & 0x7FFF);
        fn(ctx, w, n, lm->words[s].id);
    }
}

/* The two bits of b in a successor filter of words words: the word's
 * index and a mask. */
static size_t succ_word(uint32_t b, uint32_t words, uint64_t *mask)
{
    uint64_t h = (uint64_t)b * 0x9E3779B97F4A7C15ULL;
    *mask = 1ULL << (h & 63) | 1ULL << (h >> 6 & 63);
    return (size_t)(((h >> 32) * words) >> 32);
}

/* 0 when the bigram table certainly has no entry (a, b). */
static int maybe_pair(const gm_typo_lm *lm, uint32_t a, uint32_t b)
{
    uint32_t at = lm->hist[a].succ_at, words = lm->hist[a + 1].succ_at - at;
    if (!words)
        return 0;
    uint64_t mask;
    size_t w = succ_word(b, words, &mask);
    return (lm->succ[at + w] & mask) == mask;
}

/* Starts loading the filter word maybe_pair(lm, a, b) will read. */
static void prefetch_pair(const gm_typo_lm *lm, uint32_t a, uint32_t b)
{
    uint32_t at = lm->hist[a].succ_at, words = lm->hist[a + 1].succ_at - at;
    uint64_t mask;
    if (words)
        __builtin_prefetch(&lm->succ[at + succ_word(b, words, &mask)]);
}

/* The slots of the successor table of a word with n successors: a quarter
 * more, so that probing is short and every table has an empty slot. */
static size_t successor_slots(size_t n)
{
    return n ? n + (n >> 2) + 1 : 0;
}

/* The home slot of successor b in a table of slots slots. */
static size_t successor_home(uint32_t b, size_t slots)
{
    return (size_t)(((uint64_t)(b * 0x85EBCA77u) * slots) >> 32);
}

/* find_pair in the wide layout. */
static long find_wide_pair(const gm_typo_lm *lm, int32_t a, int32_t b)
{
    size_t at = lm->hist[a].pair_at, slots = lm->hist[a + 1].pair_at - at;
    for (size_t s = successor_home((uint32_t)b, slots);; s = s + 1 < slots ? s + 1 : 0) {
        uint32_t x = lm->wide[at + s].b;
        if (x == (uint32_t)b)
            return (long)(at + s);
        if (x == NO_SUCCESSOR)
            return -1;
    }
}

/* The slot of the bigram (a, b) (a >= 0) in the successor tables, -1 when
 * the model holds none. */
static long find_pair(const gm_typo_lm *lm, int32_t a, int32_t b)
{
    if (lm->wide)
        return maybe_pair(lm, (uint32_t)a, (uint32_t)b) ? find_wide_pair(lm, a, b) : -1;
    if (!maybe_pair(lm, (uint32_t)a, (uint32_t)b))
        return -1;
    uint32_t code = lm->succ_code[b];
    if (code == NO_CODE)           /* else it would match an empty slot */
        return -1;
    size_t at = lm->hist[a].pair_at, slots = lm->hist[a + 1].pair_at - at;
    for (size_t s = successor_home((uint32_t)b, slots);; s = s + 1 < slots ? s + 1 : 0) {
        pair_slot x = lm->pairs[at + s];
        if (x >> 16 == code)
            return (long)(at + s);
        if (x == NO_SUCCESSOR)
            return -1;
    }
}

/* log P(b | a) of the bigram in slot at (found by find_pair). */
static float pair_logp(const gm_typo_lm *lm, long at)
{
    return lm->wide ? lm->wide[at].logp : lm->values[lm->pairs[at] & 0xFFFF];
}

int gm_typo_lm_pair_known(const gm_typo_lm *lm, int32_t a, int32_t b)
{
    return a >= 0 && b >= 0 && find_pair(lm, a, b) >= 0;
}

float gm_typo_lm_logp(const gm_typo_lm *lm, int32_t a, int32_t b)
{
    if (a < 0)
        return lm->logp[b];
    long at = find_pair(lm, a, b);
    return at >= 0 ? pair_logp(lm, at) : lm->hist[a].backoff + lm->logp[b];
}

typedef gm_typo_lm_column column;

/* gm_typo_lm_logp through the window's memo; the same value, fewer probes
 * of the large bigram table. */
static float memo_logp(const gm_typo_lm *lm, gm_typo_lm_memo *m, int32_t a, int32_t b)
{
    if (a < 0)
        return lm->logp[b];
    size_t s = ((uint32_t)a * 0x9E3779B1u ^ (uint32_t)b * 0x85EBCA77u) >> (32 - m->bits);
    if (m->slot[s].a != a || m->slot[s].b != b) {
        m->slot[s].a = a;
        m->slot[s].b = b;
        m->slot[s].logp = gm_typo_lm_logp(lm, a, b);
    }
    return m->slot[s].logp;
}

void gm_typo_lm_memo_clear(gm_typo_lm_memo *memo, size_t chars)
{
    memo->bits = 6;                /* ~8 slots a character, 64 .. GM_TYPO_LM_MEMO */
    while (memo->bits < GM_TYPO_LM_MEMO_BITS && (1u << memo->bits) < 8 * chars)
        memo->bits++;
    for (size_t s = 0; s < (1u << memo->bits); s++)
        memo->slot[s].a = -1;      /* no history is never memoised */
}

static void relax(column *c, int32_t word, float score)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->s[i].word == word) {
            if (score > c->s[i].score)
                c->s[i].score = score;
            return;
        }
    if (c->n < GM_TYPO_LM_STATES)
        c->s[c->n++] = (gm_typo_lm_state){word, score};
}

/* The word w[k..k+l) of the window: one-character words from a direct
 * table, longer ones only when every adjacent pair passes the Bloom filter
 * (x->joined, asked once per pair). */
static int32_t span_word(const gm_typo_lm *lm, const gm_typo_lm_window *x, size_t k, size_t l)
{
    if (l == 1)
        return lm->char_id[x->w[k] - CJK_BASE];
    for (size_t i = k; i + 1 < k + l; i++)
        if (!x->joined[i])
            return -1;
    return gm_typo_lm_word(lm, x->w + k, l);
}

/* Fills x->joined for the pairs from..to-1 (those holding a changed character). */
static void join_pairs(const gm_typo_lm *lm, gm_typo_lm_window *x, size_t from, size_t to)
{
    for (size_t i = from; i < to && i + 1 < x->n; i++)
        x->joined[i] = (uint8_t)gm_typo_lm_joined(lm, x->w[i], x->w[i + 1]);
}

/* Looks up the words of every span covering a position of [p, q). */
static void look_up_spans(const gm_typo_lm *lm, gm_typo_lm_window *x, size_t p, size_t q)
{
    for (size_t k = 0; k < x->n; k++)
        for (size_t l = 1; l <= GM_TYPO_WORD_MAX && k + l <= x->n; l++)
            if (k < q && p < k + l)
                x->id[k][l] = span_word(lm, x, k, l);
}

void gm_typo_lm_prefetch_window(const gm_typo_lm *lm, const uint32_t *w, const uint8_t *joined,
                                const gm_typo_lm_spans *spans, size_t n)
{
    n = n < GM_TYPO_LM_WINDOW ? n : GM_TYPO_LM_WINDOW;
    for (size_t k = 0; k < n; k++) {
        __builtin_prefetch(&lm->char_id[w[k] - CJK_BASE]);
        for (size_t l = 2; l <= GM_TYPO_WORD_MAX && k + l <= n && joined[k + l - 2]; l++)
            if (spans[k][l] == GM_TYPO_LM_UNSEEN)
                __builtin_prefetch(&lm->words[mix(word_key(w + k, l), lm->wmask)]);
    }
}

void gm_typo_lm_prefetch_change(const gm_typo_lm *lm, const uint32_t *w, size_t n, size_t p,
                                uint32_t c)
{
    uint32_t v[GM_TYPO_LM_WINDOW];
    n = n < GM_TYPO_LM_WINDOW ? n : GM_TYPO_LM_WINDOW;
    if (p >= n)
        return;
    memcpy(v, w, n * sizeof *w);
    v[p] = c;
    uint32_t bit;
    if (p > 0 && (bit = bloom_bit(v[p - 1], c), 1))
        __builtin_prefetch(&lm->bloom[bit >> 6]);
    if (p + 1 < n && (bit = bloom_bit(c, v[p + 1]), 1))
        __builtin_prefetch(&lm->bloom[bit >> 6]);
    for (size_t k = p >= GM_TYPO_WORD_MAX - 1 ? p - (GM_TYPO_WORD_MAX - 1) : 0; k <= p; k++)
        for (size_t l = p - k + 1 > 2 ? p - k + 1 : 2; l <= GM_TYPO_WORD_MAX && k + l <= n; l++)
            __builtin_prefetch(&lm->words[mix(word_key(v + k, l), lm->wmask)]);
}

/* Every span's word, from the text's spans where an earlier window looked
 * it up; records what is looked up here. */
static void all_spans(const gm_typo_lm *lm, gm_typo_lm_window *x, gm_typo_lm_spans *spans)
{
    for (size_t k = 0; k < x->n; k++)
        for (size_t l = 1; l <= GM_TYPO_WORD_MAX; l++)
            if (k + l > x->n)
                x->id[k][l] = -1;
            else {
                if (spans[k][l] == GM_TYPO_LM_UNSEEN)
                    spans[k][l] = span_word(lm, x, k, l);
                x->id[k][l] = spans[k][l];
            }
}

/* Relaxes the edges (words, or an unknown character) leaving column j
 * that end after column past. */
static void extend(const gm_typo_lm *lm, gm_typo_lm_window *x, size_t j, size_t past)
{
    const column *from = &x->col[j];
    float from_best = -1e30f;
    for (size_t h = 0; h < from->n; h++)
        if (from->s[h].score > from_best)
            from_best = from->s[h].score;
    for (size_t l = 1; l <= GM_TYPO_WORD_MAX && j + l <= x->n; l++) {
        int32_t word = x->id[j][l];
        if (word < 0 || j + l <= past)
            continue;
        float best = -1e30f;
        for (size_t h = 0; h < from->n; h++) {
            float v = from->s[h].score + memo_logp(lm, x->memo, from->s[h].word, word);
            if (v > best)
                best = v;
        }
        relax(&x->col[j + l], word, best);
    }
    if (x->id[j][1] < 0 && j + 1 > past)
        relax(&x->col[j + 1], -1, from_best + LM_UNKNOWN);
}

/* Starts loading the successor filters of every word pair the Viterbi
 * will ask from column j0 on (a word ending at j, then one starting
 * there), so that their cache misses overlap instead of queueing. */
static void prefetch_pairs(const gm_typo_lm *lm, const gm_typo_lm_window *x, size_t j0)
{
    for (size_t j = j0 ? j0 : 1; j < x->n; j++)
        for (size_t k = j >= GM_TYPO_WORD_MAX ? j - GM_TYPO_WORD_MAX : 0; k < j; k++) {
            int32_t h = x->id[k][j - k];
            for (size_t l = 1; h >= 0 && l <= GM_TYPO_WORD_MAX && j + l <= x->n; l++)
                if (x->id[j][l] >= 0)
                    prefetch_pair(lm, (uint32_t)h, (uint32_t)x->id[j][l]);
        }
}

static float final_score(const gm_typo_lm_window *x)
{
    float best = x->n ? -1e30f : 0.0f;
    for (size_t h = 0; h < x->col[x->n].n; h++)
        if (x->col[x->n].s[h].score > best)
            best = x->col[x->n].s[h].score;
    return best;
}

float gm_typo_lm_score(const gm_typo_lm *lm, gm_typo_lm_window *x, const uint32_t *w,
                       const uint8_t *joined, gm_typo_lm_spans *spans, size_t n,
                       gm_typo_lm_memo *memo)
{
    x->n = n < GM_TYPO_LM_WINDOW ? n : GM_TYPO_LM_WINDOW;
    memcpy(x->w, w, x->n * sizeof *w);
    memcpy(x->joined, joined, x->n * sizeof *joined);
    x->memo = memo;
    all_spans(lm, x, spans);
    prefetch_pairs(lm, x, 0);
    for (size_t j = 0; j <= x->n; j++)
        x->col[j].n = 0;
    x->col[0].s[0] = (gm_typo_lm_state){-1, 0.0f};
    x->col[0].n = 1;
    for (size_t j = 0; j < x->n; j++)
        extend(lm, x, j, 0);
    return final_score(x);
}

float gm_typo_lm_rescore(const gm_typo_lm *lm, const gm_typo_lm_window *base, size_t p,
                         uint32_t c, gm_typo_lm_window *x)
{
    return gm_typo_lm_rescore_span(lm, base, p, &c, 1, x);
}

float gm_typo_lm_rescore_span(const gm_typo_lm *lm, const gm_typo_lm_window *base, size_t p,
                              const uint32_t *c, size_t n, gm_typo_lm_window *x)
{
    x->n = base->n;
    memcpy(x->w, base->w, sizeof x->w);
    memcpy(x->id, base->id, sizeof x->id);
    memcpy(x->joined, base->joined, sizeof x->joined);
    x->memo = base->memo;
    memcpy(x->w + p, c, n * sizeof *c);
    join_pairs(lm, x, p ? p - 1 : 0, p + n);
    look_up_spans(lm, x, p, p + n);
    prefetch_pairs(lm, x, p >= GM_TYPO_WORD_MAX - 1 ? p - (GM_TYPO_WORD_MAX - 1) : 0);
    /* Columns up to p hold paths of words ending there, which never cover p. */
    memcpy(x->col, base->col, (p + 1) * sizeof *x->col);
    for (size_t j = p + 1; j <= x->n; j++)
        x->col[j].n = 0;
    for (size_t j = p >= GM_TYPO_WORD_MAX - 1 ? p - (GM_TYPO_WORD_MAX - 1) : 0; j < x->n; j++)
        extend(lm, x, j, j < p ? p : 0);
    return final_score(x);
}

/* The index of the state of word in column c (every word ending there has one). */
static size_t state_of(const column *c, int32_t word)
{
    size_t h = 0;
    while (h + 1 < c->n && c->s[h].word != word)
        h++;
    return h;
}

/* The best score of the rest of the window x after the word h (-1: an
 * unknown character) ends at column j: the edges leaving j and the back
 * values of the columns they reach (x->back filled from past j). */
static float rest_after(const gm_typo_lm *lm, const gm_typo_lm_window *x, size_t j, int32_t h)
{
    if (j == x->n)
        return 0.0f;
    float best = -1e30f;
    if (x->id[j][1] < 0)           /* the unknown edge reaches the state -1 of j + 1 */
        best = LM_UNKNOWN + x->back[j + 1][state_of(&x->col[j + 1], -1)];
    for (size_t l = 1; l <= GM_TYPO_WORD_MAX && j + l <= x->n; l++) {
        int32_t v = x->id[j][l];
        if (v < 0)
            continue;
        float s = memo_logp(lm, x->memo, h, v) + x->back[j + l][state_of(&x->col[j + l], v)];
        best = s > best ? s : best;
    }
    return best;
}

void gm_typo_lm_backward(const gm_typo_lm *lm, gm_typo_lm_window *x, size_t from)
{
    for (size_t j = x->n + 1; j-- > from;)
        for (size_t h = 0; h < x->col[j].n; h++)
            x->back[j][h] = rest_after(lm, x, j, x->col[j].s[h].word);
}

/* The model word of x->w[k..k+l) with w[p] read as c (k <= p < k + l);
 * jl, jr: whether c passes the in-word filter with its left / right
 * neighbour.  -1 when none. */
static int32_t changed_span_word(const gm_typo_lm *lm, const gm_typo_lm_window *x, size_t k,
                                 size_t l, size_t p, uint32_t c, int jl, int jr)
{
    if (l == 1)
        return lm->char_id[c - CJK_BASE];
    uint32_t w[GM_TYPO_WORD_MAX];
    for (size_t i = 0; i < l; i++) {
        w[i] = k + i == p ? c : x->w[k + i];
        if (i + 1 < l && !(k + i + 1 == p ? jl : k + i == p ? jr : x->joined[k + i]))
            return -1;
    }
    return gm_typo_lm_word(lm, w, l);
}

float gm_typo_lm_change_score(const gm_typo_lm *lm, const gm_typo_lm_window *base, size_t p,
                              uint32_t c)
{
    size_t n = base->n;
    int jl = p > 0 && gm_typo_lm_joined(lm, base->w[p - 1], c),
        jr = p + 1 < n && gm_typo_lm_joined(lm, c, base->w[p + 1]);
    float best = -1e30f;
    if (lm->char_id[c - CJK_BASE] < 0) {  /* the unknown edge covers p */
        float from = -1e30f;
        for (size_t h = 0; h < base->col[p].n; h++)
            from = base->col[p].s[h].score > from ? base->col[p].s[h].score : from;
        best = from + LM_UNKNOWN + rest_after(lm, base, p + 1, -1);
    }
    for (size_t k = p >= GM_TYPO_WORD_MAX - 1 ? p - (GM_TYPO_WORD_MAX - 1) : 0; k <= p; k++)
        for (size_t l = p - k + 1; l <= GM_TYPO_WORD_MAX && k + l <= n; l++) {
            int32_t word = changed_span_word(lm, base, k, l, p, c, jl, jr);
            if (word < 0)
                continue;
            const column *from = &base->col[k];
            float in = -1e30f;
            for (size_t h = 0; h < from->n; h++) {
                float s = from->s[h].score + memo_logp(lm, base->memo, from->s[h].word, word);
                in = s > in ? s : in;
            }
            float s = in + rest_after(lm, base, k + l, word);
            best = s > best ? s : best;
        }
    return best;
}

void gm_typo_lm_free(gm_typo_lm *lm)
{
    if (!lm)
        return;
    gm_huge_arena_free(lm->arena);
    free(lm);
}

static size_t slots_for(size_t n)
{
    size_t s = 1024;
    while (s < n + n / 2)
        s <<= 1;
    return s;
}

static int by_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* The adjacent character pairs inside the word with key k, each as
 * (first << 15 | second) in U+4E00 offsets, stored from out; their count. */
static size_t word_pairs(uint64_t k, uint32_t *out)
{
    size_t n = 1;
    while (n < GM_TYPO_WORD_MAX && (k >> (15 * n)) != n)
        n++;
    for (size_t i = 0; i + 1 < n; i++)
        out[i] = (uint32_t)(k >> (15 * (n - 2 - i)) & 0x3FFFFFFF);
    return n - 1;
}

/* Turns the sorted distinct pairs (key << 15 | other) into the per-key
 * ascending lists of direction d. */
static int fill_joins(gm_typo_lm *lm, int d, const uint32_t *pair, size_t np)
{
    lm->join_at[d] = gm_huge_arena_alloc(lm->arena, CJK_COUNT + 1, sizeof *lm->join_at[d], 1);
    lm->join[d] = gm_huge_arena_alloc(lm->arena, np, sizeof *lm->join[d], 0);
    if (!lm->join_at[d] || !lm->join[d])
        return GM_E_NOMEM;
    for (size_t i = 0; i < np; i++) {
        lm->join_at[d][(pair[i] >> 15) + 1]++;
        lm->join[d][i] = (uint16_t)(pair[i] & 0x7FFF);
    }
    for (size_t c = 0; c < CJK_COUNT; c++)
        lm->join_at[d][c + 1] += lm->join_at[d][c];
    return 0;
}

/* Sorts and dedupes pairs; returns the new count. */
static size_t sort_unique(uint32_t *pair, size_t np)
{
    qsort(pair, np, sizeof *pair, by_u32);
    size_t u = 0;
    for (size_t i = 0; i < np; i++)
        if (u == 0 || pair[i] != pair[u - 1])
            pair[u++] = pair[i];
    return u;
}

/* Builds, from the word keys, which characters stand next to which inside
 * a word: per character, the ones after it and the ones before it. */
static int load_joins(gm_typo_lm *lm, const char *p, uint32_t nw)
{
    uint32_t *pair = malloc(((size_t)nw * (GM_TYPO_WORD_MAX - 1) + 1) * sizeof *pair);
    if (!pair)
        return GM_E_NOMEM;
    size_t np = 0;
    for (uint32_t i = 0; i < nw; i++) {
        uint64_t k;
        memcpy(&k, p + (size_t)i * 8, sizeof k);
        np += word_pairs(k, pair + np);
    }
    for (size_t i = 0; i < np; i++)
        if ((pair[i] >> 15) >= CJK_COUNT || (pair[i] & 0x7FFF) >= CJK_COUNT) {
            free(pair);
            return GM_E_INVALID;   /* a character outside the block */
        }
    np = sort_unique(pair, np);
    int rc = fill_joins(lm, 1, pair, np);
    for (size_t i = 0; i < np; i++)
        pair[i] = (pair[i] & 0x7FFF) << 15 | pair[i] >> 15;
    np = sort_unique(pair, np);
    if (!rc)
        rc = fill_joins(lm, 0, pair, np);
    free(pair);
    return rc;
}

/* Copies the unigram arrays and fills the word table. */
static int load_words(gm_typo_lm *lm, const char *p, uint32_t nw)
{
    size_t slots = slots_for(nw);
    lm->wmask = slots - 1;
    lm->words = gm_huge_arena_alloc(lm->arena, slots, sizeof *lm->words, 1);
    lm->logp = gm_huge_arena_alloc(lm->arena, nw, sizeof *lm->logp, 0);
    lm->hist = gm_huge_arena_alloc(lm->arena, (size_t)nw + 1, sizeof *lm->hist, 1);
    lm->bloom = gm_huge_arena_alloc(lm->arena, BLOOM_BITS / 64, sizeof *lm->bloom, 1);
    lm->char_id = gm_huge_arena_alloc(lm->arena, CJK_COUNT, sizeof *lm->char_id, 0);
    if (!lm->words || !lm->logp || !lm->hist || !lm->bloom || !lm->char_id)
        return GM_E_NOMEM;
    for (size_t c = 0; c < CJK_COUNT; c++)
        lm->char_id[c] = -1;
    memcpy(lm->logp, p + (size_t)nw * 8, nw * sizeof *lm->logp);
    for (uint32_t i = 0; i < nw; i++)
        memcpy(&lm->hist[i].backoff, p + (size_t)nw * 12 + (size_t)i * 4, 4);
    for (uint32_t i = 0; i < nw; i++) {
        uint64_t k;
        memcpy(&k, p + (size_t)i * 8, sizeof k);
        if (k == 0 || (k >> 15 == 1 && (k & 0x7FFF) >= CJK_COUNT))
            return GM_E_INVALID;
        size_t s = mix(k, lm->wmask);
        while (lm->words[s].key != 0)
            s = (s + 1) & lm->wmask;
        lm->words[s] = (word_slot){k, (int32_t)i};
        if (k >> 15 == 1)
            lm->char_id[k & 0x7FFF] = (int32_t)i;
        bloom_add_word(lm, k);
    }
    return load_joins(lm, p, nw);
}

/* Checks that the bigrams are ascending pairs of word indexes, counts
 * each first word's successors (in hist[a + 1].pair_at, for now) and marks
 * the words that follow some word (succ_code 0, the others NO_CODE). */
static int count_successors(gm_typo_lm *lm, const char *p, uint32_t nb, uint32_t nw)
{
    uint32_t last_a = 0, last_b = 0;
    memset(lm->succ_code, 0xFF, (size_t)nw * sizeof *lm->succ_code);   /* NO_CODE */
    for (uint32_t i = 0; i < nb; i++) {
        uint32_t a, b;
        memcpy(&a, p + (size_t)i * 4, 4);
        memcpy(&b, p + (size_t)nb * 4 + (size_t)i * 4, 4);
        if (a >= nw || b >= nw || (i && (a < last_a || (a == last_a && b <= last_b))))
            return GM_E_INVALID;
        lm->hist[a + 1].pair_at++;
        lm->succ_code[b] = 0;      /* a successor: numbered later */
        last_a = a;
        last_b = b;
    }
    return 0;
}

/* Turns the successor counts into table offsets and sizes each word's
 * successor filter by its count; the total numbers of slots and filter
 * words. */
static void place_tables(gm_typo_lm *lm, uint32_t nw, size_t *slots, size_t *filter_words)
{
    size_t total = 0, at = 0;
    for (uint32_t a = 0; a < nw; a++) {
        size_t n = lm->hist[a + 1].pair_at;
        lm->hist[a].pair_at = (uint32_t)at;
        lm->hist[a].succ_at = (uint32_t)total;
        at += successor_slots(n);
        total += (n * SUCC_FILTER_BITS + 63) / 64;
    }
    lm->hist[nw].pair_at = (uint32_t)at;
    lm->hist[nw].succ_at = (uint32_t)total;
    *slots = at;
    *filter_words = total;
}

/* The slot of a's successor table that b goes to: its home or the first
 * empty one after it. */
static size_t free_slot(const gm_typo_lm *lm, uint32_t a, uint32_t b)
{
    size_t at = lm->hist[a].pair_at, slots = lm->hist[a + 1].pair_at - at;
    size_t s = successor_home(b, slots);
    while (lm->wide ? lm->wide[at + s].b != NO_SUCCESSOR : lm->pairs[at + s] != NO_SUCCESSOR)
        s = s + 1 < slots ? s + 1 : 0;
    return at + s;
}

/* Puts bigram (a, b) with log-probability logp (value index v in the
 * compact layout) in a's successor table and filter. */
static void add_successor(gm_typo_lm *lm, uint32_t a, uint32_t b, float logp, uint32_t v)
{
    size_t s = free_slot(lm, a, b);
    if (lm->wide)
        lm->wide[s] = (successor){b, logp};
    else
        lm->pairs[s] = (pair_slot)lm->succ_code[b] << 16 | v;
    uint32_t f = lm->hist[a].succ_at, words = lm->hist[a + 1].succ_at - f;
    uint64_t mask;
    lm->succ[f + succ_word(b, words, &mask)] |= mask;
}

/* The distinct bigram log-probabilities, numbered as first met: an
 * open-addressing map of their bit patterns (NaN's all-ones pattern marks
 * an empty slot), used while loading. */
#define VALUE_MAP_SLOTS (VALUES_MAX * 2)
typedef struct value_map {
    uint32_t bits[VALUE_MAP_SLOTS];
    uint16_t index[VALUE_MAP_SLOTS];
    size_t n;
} value_map;

/* The index of the value with these bits, added when new; -1 when the map
 * is full or bits is the empty mark (the model then takes the wide layout). */
static long value_index(value_map *m, float *values, uint32_t bits)
{
    if (bits == UINT32_MAX)
        return -1;
    size_t s = (size_t)((bits * 0x9E3779B1u) >> 15);   /* 17 bits: VALUE_MAP_SLOTS */
    while (m->bits[s] != UINT32_MAX && m->bits[s] != bits)
        s = (s + 1) & (VALUE_MAP_SLOTS - 1);
    if (m->bits[s] == UINT32_MAX) {
        if (m->n == VALUES_MAX)
            return -1;
        m->bits[s] = bits;
        m->index[s] = (uint16_t)m->n;
        memcpy(&values[m->n++], &bits, sizeof bits);
    }
    return m->index[s];
}

/* Numbers the words that follow some word (marked in succ_code by
 * count_successors) in index order; 0 when more than 16 bits number them. */
static int number_successors(gm_typo_lm *lm, uint32_t nw)
{
    uint32_t next = 0;
    for (uint32_t w = 0; w < nw; w++)
        if (lm->succ_code[w] != NO_CODE) {
            if (next == CODES_MAX)
                return 0;
            lm->succ_code[w] = (uint16_t)next++;
        }
    return 1;
}

/* The bigram i of the file: its words and log-probability. */
static void read_bigram(const char *p, uint32_t nb, uint32_t i, uint32_t *a, uint32_t *b,
                        float *logp)
{
    memcpy(a, p + (size_t)i * 4, 4);
    memcpy(b, p + (size_t)nb * 4 + (size_t)i * 4, 4);
    memcpy(logp, p + (size_t)nb * 8 + (size_t)i * 4, 4);
}

/* Fills the successor tables: the compact layout when 16 bits number the
 * successors and the values, else the wide one. */
static int fill_pairs(gm_typo_lm *lm, const char *p, uint32_t nb, uint32_t nw, size_t slots)
{
    value_map *map = malloc(sizeof *map);
    lm->values = gm_huge_arena_alloc(lm->arena, VALUES_MAX, sizeof *lm->values, 0);
    if (!map || !lm->values) {
        free(map);
        return GM_E_NOMEM;
    }
    memset(map->bits, 0xFF, sizeof map->bits);
    map->n = 0;
    int compact = number_successors(lm, nw);
    for (uint32_t i = 0; compact && i < nb; i++) {
        uint32_t a, b, bits;
        float logp;
        read_bigram(p, nb, i, &a, &b, &logp);
        memcpy(&bits, &logp, sizeof bits);
        compact = value_index(map, lm->values, bits) >= 0;
    }
    if (compact)
        lm->pairs = gm_huge_arena_alloc(lm->arena, slots, sizeof *lm->pairs, 0);
    else
        lm->wide = gm_huge_arena_alloc(lm->arena, slots, sizeof *lm->wide, 0);
    if (!lm->pairs && !lm->wide) {
        free(map);
        return GM_E_NOMEM;
    }
    for (size_t s = 0; s < slots; s++)
        if (compact)
            lm->pairs[s] = NO_SUCCESSOR;
        else
            lm->wide[s].b = NO_SUCCESSOR;
    for (uint32_t i = 0; i < nb; i++) {
        uint32_t a, b, bits;
        float logp;
        read_bigram(p, nb, i, &a, &b, &logp);
        memcpy(&bits, &logp, sizeof bits);
        add_successor(lm, a, b, logp, compact ? (uint32_t)value_index(map, lm->values, bits) : 0);
    }
    free(map);
    return 0;
}

/* Loads the bigrams, which must be ascending pairs of word indexes, into
 * each first word's successor table and filter. */
static int load_pairs(gm_typo_lm *lm, const char *p, uint32_t nb, uint32_t nw)
{
    size_t slots, filter_words;
    lm->succ_code = gm_huge_arena_alloc(lm->arena, nw, sizeof *lm->succ_code, 0);
    if (!lm->succ_code)
        return GM_E_NOMEM;
    int rc = count_successors(lm, p, nb, nw);
    if (rc)
        return rc;
    place_tables(lm, nw, &slots, &filter_words);
    if (slots > UINT32_MAX)
        return GM_E_INVALID;
    lm->succ = gm_huge_arena_alloc(lm->arena, filter_words, sizeof *lm->succ, 1);
    if (!lm->succ)
        return GM_E_NOMEM;
    return fill_pairs(lm, p, nb, nw, slots);
}

static int parse(gm_typo_lm *lm, const char *buf, size_t len)
{
    uint32_t nw, nb;
    if (len < 16 || memcmp(buf, "GMLM0001", 8) != 0)
        return GM_E_INVALID;
    memcpy(&nw, buf + 8, 4);
    memcpy(&nb, buf + 12, 4);
    if (nw == 0 || len != 16 + (size_t)nw * 16 + (size_t)nb * 12)
        return GM_E_INVALID;
    int rc = load_words(lm, buf + 16, nw);
    return rc ? rc : load_pairs(lm, buf + 16 + (size_t)nw * 16, nb, nw);
}

int gm_typo_lm_load(const char *path, gm_typo_lm **out, gm_err *err)
{
    *out = NULL;
    char *buf = NULL;
    size_t len = 0;
    int rc = gm_read_file(path, LM_MAX, &buf, &len, "expr_model", err);
    if (rc)
        return rc;
    gm_heap_give_back();           /* what the growing read buffer left */
    gm_typo_lm *lm = calloc(1, sizeof *lm);
    if (lm)
        lm->arena = gm_huge_arena_new();
    rc = lm && lm->arena ? parse(lm, buf, len) : GM_E_NOMEM;
    free(buf);
    if (rc) {
        gm_typo_lm_free(lm);
        return rc == GM_E_NOMEM ? gm_fail(err, rc, "expr_model", "内存不足")
                                : gm_fail(err, rc, "expr_model", "语言模型文件 %s 格式错误", path);
    }
    *out = lm;
    return 0;
}
