/*
 * typo_lm.h - the word bigram language model of the 错别字 check: unigram
 * and bigram log-probabilities with back-off, converted at build time by
 * scripts/gen_expr_lm.py from Debian's sunpinyin-data (open-gram corpus).
 *
 * Immutable after loading; shared by all threads through the typo model.
 */
#ifndef GM_CHECK_TYPO_LM_H
#define GM_CHECK_TYPO_LM_H

#include <stddef.h>
#include <stdint.h>

#include "util/gm_error.h"

typedef struct gm_typo_lm gm_typo_lm;

/* Loads the binary model at path; errors name the field "expr_model". */
int gm_typo_lm_load(const char *path, gm_typo_lm **out, gm_err *err);
void gm_typo_lm_free(gm_typo_lm *lm);

/* The model's index of the word w[0..n) (CJK, 1 <= n <= 4); -1 if unknown. */
int32_t gm_typo_lm_word(const gm_typo_lm *lm, const uint32_t *w, size_t n);

/* Calls fn for every word of the model (w[0..n), its index), in no
 * particular order. */
typedef void (*gm_typo_lm_word_fn)(void *ctx, const uint32_t *w, size_t n, int32_t id);
void gm_typo_lm_each_word(const gm_typo_lm *lm, gm_typo_lm_word_fn fn, void *ctx);

/* 1 when characters a and b stand next to each other inside some model
 * word of 2-4 characters (a Bloom filter: a rare false 1, never a false 0;
 * the suspect test was tuned with it). */
int gm_typo_lm_joined(const gm_typo_lm *lm, uint32_t a, uint32_t b);

/* Exactly the characters that follow cp inside some model word (after: 1)
 * or precede it (after: 0), as ascending offsets from U+4E00; *n of them. */
const uint16_t *gm_typo_lm_joiners(const gm_typo_lm *lm, uint32_t cp, int after, size_t *n);

/* 1 when the model holds the bigram (a, b) itself (no back-off). */
int gm_typo_lm_pair_known(const gm_typo_lm *lm, int32_t a, int32_t b);

/* log P(b | a) with back-off; a < 0: no history (unigram); b must be a
 * word index. */
float gm_typo_lm_logp(const gm_typo_lm *lm, int32_t a, int32_t b);

/* A window of text scored by the model: the word index of every span
 * (id[k][l] for w[k..k+l), -1 when no word) and the Viterbi columns (the
 * best score of each last word ending at each position). */
#define GM_TYPO_LM_WINDOW 16
#define GM_TYPO_LM_STATES 5
typedef struct gm_typo_lm_state {
    int32_t word;              /* -1: none / an unknown character */
    float score;
} gm_typo_lm_state;
typedef struct gm_typo_lm_column {
    gm_typo_lm_state s[GM_TYPO_LM_STATES];
    size_t n;
} gm_typo_lm_column;
/* Bigram log-probabilities already looked up for one text, its windows
 * and their candidate changes (most word pairs recur from one candidate to
 * the next, and windows overlap): a direct-mapped cache of up to
 * GM_TYPO_LM_MEMO slots, filled by the scoring; a short text uses fewer
 * (emptying all of them cost a fifth of the detector on a sentence). */
#define GM_TYPO_LM_MEMO_BITS 10
#define GM_TYPO_LM_MEMO (1u << GM_TYPO_LM_MEMO_BITS)
typedef struct gm_typo_lm_memo {
    unsigned bits;             /* log2 of the slots in use */
    struct {
        int32_t a, b;
        float logp;
    } slot[GM_TYPO_LM_MEMO];
} gm_typo_lm_memo;

/* Empties memo for a text of chars characters (before its first use). */
void gm_typo_lm_memo_clear(gm_typo_lm_memo *memo, size_t chars);
/* The model word of each span w[k..k+l) of a text (spans[k][l]), shared by
 * the overlapping windows scored in it: GM_TYPO_LM_UNSEEN until the first
 * window looks it up, then the word index or -1. */
#define GM_TYPO_LM_UNSEEN (-2)
typedef int32_t gm_typo_lm_spans[GM_TYPO_LM_STATES];

typedef struct gm_typo_lm_window {
    uint32_t w[GM_TYPO_LM_WINDOW];
    size_t n;
    uint8_t joined[GM_TYPO_LM_WINDOW];   /* gm_typo_lm_joined(w[k], w[k + 1]) */
    int32_t id[GM_TYPO_LM_WINDOW][5];
    gm_typo_lm_column col[GM_TYPO_LM_WINDOW + 1];
    /* back[j][h]: the best score of the rest of the window after state h of
     * column j (gm_typo_lm_backward; a rescore leaves it alone) */
    float back[GM_TYPO_LM_WINDOW + 1][GM_TYPO_LM_STATES];
    gm_typo_lm_memo *memo;
} gm_typo_lm_window;

/* The log-probability of the best segmentation of the CJK window w[0..n)
 * (at most GM_TYPO_LM_WINDOW characters are used) into model words, a
 * character the model has no word for costing a fixed penalty; fills x.
 * joined[k] is gm_typo_lm_joined(w[k], w[k + 1]); spans (aligned with w)
 * is read and filled; memo (see gm_typo_lm_memo_clear) is kept by x and by
 * every rescore of x. */
float gm_typo_lm_score(const gm_typo_lm *lm, gm_typo_lm_window *x, const uint32_t *w,
                       const uint8_t *joined, gm_typo_lm_spans *spans, size_t n,
                       gm_typo_lm_memo *memo);

/* Starts loading what gm_typo_lm_score will read first for the same
 * window (the table slots of its spans' words), so that a caller can
 * overlap those cache misses with other work. */
void gm_typo_lm_prefetch_window(const gm_typo_lm *lm, const uint32_t *w, const uint8_t *joined,
                                const gm_typo_lm_spans *spans, size_t n);

/* Starts loading what gm_typo_lm_rescore will look up first for the
 * window w[0..n) with w[p] replaced by c (the table slots of the words
 * that would cover p), to overlap those misses with the base's scoring. */
void gm_typo_lm_prefetch_change(const gm_typo_lm *lm, const uint32_t *w, size_t n, size_t p,
                                uint32_t c);

/* The same for base (filled by gm_typo_lm_score) with w[p] replaced by c,
 * reusing what the change cannot affect; fills x, base is unchanged. */
float gm_typo_lm_rescore(const gm_typo_lm *lm, const gm_typo_lm_window *base, size_t p,
                         uint32_t c, gm_typo_lm_window *x);
/* The same with w[p .. p + n) replaced by c[0 .. n) (n >= 1; the same
 * score as changing them one after the other, in one pass). */
float gm_typo_lm_rescore_span(const gm_typo_lm *lm, const gm_typo_lm_window *base, size_t p,
                              const uint32_t *c, size_t n, gm_typo_lm_window *x);

/* Fills base->back from column from on, for a window filled by
 * gm_typo_lm_score (the bigrams it asks are the base's own: the memo
 * answers them). */
void gm_typo_lm_backward(const gm_typo_lm *lm, gm_typo_lm_window *base, size_t from);

/* The score of base (filled by gm_typo_lm_score and gm_typo_lm_backward
 * from p + 1 on) with w[p] replaced by c, from the edge that covers p alone: every path
 * crosses p by exactly one word or unknown character, the columns before
 * it are base's and the rest after it base's back values.  The same value
 * as gm_typo_lm_rescore up to float rounding (the same terms summed in
 * another order), without refilling the window or any column. */
float gm_typo_lm_change_score(const gm_typo_lm *lm, const gm_typo_lm_window *base, size_t p,
                              uint32_t c);

#endif
