/*
 * typo.c - the general 错别字 detector (see typo.h for the method).
 */
#include "check/typo.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/lexicon.h"
#include "check/normalize.h"
#include "check/typo_homophone.h"
#include "util/gm_error.h"
#include "util/grow.h"

#define SIDE 4                     /* window characters each side */
#define WIN (2 * SIDE + 2 * GM_TYPO_WORD_MAX - 1)   /* a suspect's spans and their sides */

typedef struct text_cps {
    uint32_t *cp;
    size_t *boff;                  /* byte offset of each, plus the end */
    size_t n;
    uint8_t *joined;               /* gm_typo_lm_joined(cp[i], cp[i + 1]), both CJK */
    gm_typo_lm_spans *spans;       /* the model words starting at each, shared by windows */
} text_cps;

/* One allocation for the arrays of a text of at most len characters. */
static int text_alloc(text_cps *t, size_t len)
{
    size_t n = len + 1;
    *t = (text_cps){0};
    char *block = malloc(n * (sizeof *t->boff + sizeof *t->spans + sizeof *t->cp + 1));
    if (!block)
        return GM_E_NOMEM;
    t->boff = (size_t *)block;     /* the widest alignment first */
    t->spans = (gm_typo_lm_spans *)(t->boff + n);
    t->cp = (uint32_t *)(t->spans + n);
    t->joined = (uint8_t *)(t->cp + n);
    t->n = 0;
    return 0;
}

/* Decodes text, each character in its normal form where that is one
 * character (traditional -> simplified, full width -> half width), so
 * traditional text is read with the simplified dictionary. */
static int decode_all(const char *text, size_t len, text_cps *t)
{
    const uint32_t *norm = gm_norm_bmp();
    if (text_alloc(t, len))
        return GM_E_NOMEM;
    size_t i = 0;
    while (i < len) {
        uint32_t c;
        size_t l = gm_utf8_decode((const unsigned char *)text + i, len - i, &c);
        if (!l) {                  /* callers validate; be safe anyway */
            c = 0xFFFD;
            l = 1;
        }
        if (c < 0x10000 && norm[c] < GM_NORM_EXPAND)
            c = norm[c];
        t->cp[t->n] = c;
        t->boff[t->n++] = i;
        i += l;
    }
    t->boff[t->n] = len;
    return 0;
}

/* A window of text and the log-probability of every dictionary word in
 * it: lp[k][l] for w[k..k+l), positive when that is no word.  A candidate
 * change at j only looks up the spans covering j again. */
typedef struct lattice {
    uint32_t w[WIN];
    size_t n;
    float lp[WIN][GM_TYPO_WORD_MAX + 1];
} lattice;

/* Looks up every span of 1-4 characters (covering j, unless j == n). */
static void lattice_fill(const gm_typo_model *m, lattice *L, size_t j)
{
    for (size_t k = 0; k < L->n; k++)
        for (size_t l = 1; l <= GM_TYPO_WORD_MAX && k + l <= L->n; l++)
            if (j == L->n || (k <= j && j < k + l))
                L->lp[k][l] = gm_typo_logp(m, L->w + k, l);
}

/* Best unigram segmentation of the window (log-probability). */
static float lattice_best(const gm_typo_model *m, const lattice *L)
{
    float best[WIN + 1];
    best[0] = 0.0f;
    for (size_t j = 1; j <= L->n; j++) {
        best[j] = best[j - 1] + gm_typo_unknown(m);
        for (size_t k = j > GM_TYPO_WORD_MAX ? j - GM_TYPO_WORD_MAX : 0; k < j; k++) {
            float lp = L->lp[k][j - k];
            if (lp <= 0.0f && best[k] + lp > best[j])
                best[j] = best[k] + lp;
        }
    }
    return best[L->n];
}

/* The most probable word of 2-4 characters covering position j; 0 when
 * there is none. */
static int lattice_word_at(const lattice *L, size_t j, size_t *ws, size_t *wl)
{
    float best = 1.0f;
    for (size_t k = j + 1 >= GM_TYPO_WORD_MAX ? j + 1 - GM_TYPO_WORD_MAX : 0; k <= j; k++)
        for (size_t l = j - k + 1 > 2 ? j - k + 1 : 2; l <= GM_TYPO_WORD_MAX && k + l <= L->n; l++)
            if (L->lp[k][l] <= 0.0f && (best > 0.0f || L->lp[k][l] > best)) {
                best = L->lp[k][l];
                *ws = k;
                *wl = l;
            }
    return best <= 0.0f;
}

static int cjk_at(const text_cps *t, size_t i)
{
    return i < t->n && gm_is_han_basic(t->cp[i]);
}

/* Asks the model once per pair of neighbouring CJK characters whether
 * they stand inside a word; no model word is looked up yet. */
static void join_text(const gm_typo_lm *lm, text_cps *t)
{
    for (size_t i = 0; i < t->n; i++) {
        t->joined[i] = cjk_at(t, i) && cjk_at(t, i + 1) &&
                       gm_typo_lm_joined(lm, t->cp[i], t->cp[i + 1]);
        for (size_t l = 0; l <= GM_TYPO_WORD_MAX; l++)
            t->spans[i][l] = GM_TYPO_LM_UNSEEN;
    }
}

/* Neither neighbour forms a word of the language model with cp[i] (CJK):
 * the only places looked at (one character in ten of official text). */
static int suspect(const text_cps *t, size_t i)
{
    int prev = i > 0 && cjk_at(t, i - 1), next = cjk_at(t, i + 1);
    if (!prev && !next)
        return 0;
    return !(prev && t->joined[i - 1]) && !(next && t->joined[i]);
}

/* More than float rounding can part gm_typo_lm_change_score from
 * gm_typo_lm_rescore (sums of a few dozen terms of magnitude < 200). */
#define ROUNDING_SLACK 0.01f

/* What a change of confusion kind k is worth before any evidence: a slip
 * of the same toned reading (the commonest input slip) is likelier than
 * one of another tone, which is likelier than a shape slip. */
static const float kind_prior[3] = {0.0f, GM_TYPO_PRIOR_READING, GM_TYPO_PRIOR_TONE};

/* The window around i: up to SIDE CJK characters each side. */
static void window_of(const text_cps *t, size_t i, size_t *a, size_t *b)
{
    *a = i;
    *b = i + 1;
    while (*a > 0 && i - *a < SIDE && cjk_at(t, *a - 1))
        (*a)--;
    while (*b - i <= SIDE && cjk_at(t, *b))
        (*b)++;
}

/* Tries every confusable character at i; fills *hit with the best.  A
 * change is scored by the bigram model's gain on the window, plus a
 * fraction of the unigram dictionary's gain (it knows words the bigram
 * model lacks), plus the prior of its confusion kind. */
/* The unigram dictionary's side of a window: the original's lattice,
 * filled on first need (most candidates never get that far). */
typedef struct unigram_side {
    lattice base, cand;
    float base_lp;
    int ready;
} unigram_side;

static float unigram_gain(const gm_typo_model *m, unigram_side *u, const uint32_t *w, size_t n,
                          size_t p, uint32_t c)
{
    if (!u->ready) {
        u->base.n = u->cand.n = n;
        memcpy(u->base.w, w, n * sizeof *w);
        memcpy(u->cand.w, w, n * sizeof *w);
        lattice_fill(m, &u->base, n);
        u->base_lp = lattice_best(m, &u->base);
        memcpy(u->cand.lp, u->base.lp, sizeof u->cand.lp);
        u->ready = 1;
    }
    u->cand.w[p] = c;
    lattice_fill(m, &u->cand, p);
    return lattice_best(m, &u->cand) - u->base_lp;
}

/* One bit per CJK character: the characters that form a model word with
 * a suspect's neighbours.  All clear between suspects. */
#define CJK_SPAN (0x9FFFu - 0x4E00u + 1)
typedef struct joiner_marks {
    uint64_t bit[(CJK_SPAN + 63) / 64];
} joiner_marks;

/* Marks (on: 1) or clears (on: 0) the characters that stand inside a model
 * word after i's left neighbour or before its right one, neighbours in the
 * window [a, b) only.  Clearing zeroes whole words: only these lists set
 * bits; a long list (ascending) is cleared as the run of words from its
 * first character to its last. */
static void mark_joiners(const gm_typo_lm *lm, const text_cps *t, size_t i, size_t a, size_t b,
                         joiner_marks *mk, int on)
{
    for (int side = 0; side < 2; side++) {
        size_t n = 0;
        const uint16_t *v = NULL;
        if (side == 0 && i > a)
            v = gm_typo_lm_joiners(lm, t->cp[i - 1], 1, &n);
        if (side == 1 && i + 1 < b)
            v = gm_typo_lm_joiners(lm, t->cp[i + 1], 0, &n);
        size_t words = n ? (size_t)(v[n - 1] >> 6) - (v[0] >> 6) + 1 : 0;
        if (!on && words < n)      /* fewer stores than one a character */
            memset(&mk->bit[v[0] >> 6], 0, words * sizeof *mk->bit);
        else if (!on)
            for (size_t k = 0; k < n; k++)
                mk->bit[v[k] >> 6] = 0;
        else
            for (size_t k = 0; k < n; k++)
                mk->bit[v[k] >> 6] |= 1ULL << (v[k] & 63);
    }
}

static int marked(const joiner_marks *mk, uint16_t off)
{
    return (int)(mk->bit[off >> 6] >> (off & 63)) & 1;
}

/* 1 when c merely doubles a neighbour (他哈 -> 哈哈). */
static int doubles_neighbour(const text_cps *t, size_t i, uint32_t c)
{
    return (i > 0 && t->cp[i - 1] == c) || (i + 1 < t->n && t->cp[i + 1] == c);
}

/* Tries every confusable character at i; fills *hit with the best.  A
 * change is scored by the bigram model's gain on the window, plus a
 * fraction of the unigram dictionary's gain (it knows words the bigram
 * model lacks), plus the prior of its confusion kind, plus
 * GM_TYPO_FIT_BONUS when the original character stands in no word of the
 * dictionary and the word the change forms reads on with its context
 * (change_fits).  Changes the bigram model gains little from are dropped
 * before the unigram side is asked. */
static int fits_context(const gm_typo_model *m, const text_cps *t, size_t s, size_t l, int32_t id);
static int fits_words_of(const gm_typo_model *m, const text_cps *t, size_t s, size_t l,
                         int32_t id, size_t min);

/* 1 when the word w the change forms in place of t[s..s+l) (2-4
 * characters) is a word of the bigram model that forms a bigram the model
 * holds with a word of the text right before or after it: the change
 * reads on with its context, not only as a word of its own (城市道路 where
 * 道 made 道路, not 新媒体虚报市政府 where 虚 made 虚报). */
static int change_fits(const gm_typo_model *m, const text_cps *t, size_t s, size_t l,
                       const uint32_t *w)
{
    if (l < 2)
        return 0;
    int32_t id = gm_typo_lm_word(gm_typo_model_lm(m), w, l);
    return id >= 0 && fits_context(m, t, s, l, id);
}

static int best_change(const gm_typo_model *m, const text_cps *t, size_t i, joiner_marks *mk,
                       gm_typo_lm_memo *memo, gm_typo_hit *hit)
{
    size_t nc, a, b, nk = 0;
    const uint16_t *conf = gm_typo_confusion(m, t->cp[i], &nc);
    uint16_t kept[GM_TYPO_CONF_MAX];   /* the members of conf worth scoring */
    const uint8_t *kinds = gm_typo_confusion_kinds(m, t->cp[i]);
    const gm_typo_lm *lm = gm_typo_model_lm(m);
    window_of(t, i, &a, &b);
    gm_typo_lm_window lm_base, lm_cand;
    unigram_side uni;              /* its lattices are filled before they are read */
    uni.ready = 0;
    float base_lm = 0.0f;
    int have_base = 0, found = 0;
    mark_joiners(lm, t, i, a, b, mk, 1);
    for (size_t k = 0; k < nc && k < GM_TYPO_CONF_MAX; k++)
        if (marked(mk, conf[k]) && !doubles_neighbour(t, i, 0x4E00u + conf[k]))
            kept[nk++] = (uint16_t)k;
    mark_joiners(lm, t, i, a, b, mk, 0);
    for (size_t q = 0; q < nk; q++)    /* their word lookups overlap the base's scoring */
        gm_typo_lm_prefetch_change(lm, t->cp + a, b - a, i - a, 0x4E00u + conf[kept[q]]);
    for (size_t q = 0; q < nk; q++) {
        size_t k = kept[q];
        uint32_t c = 0x4E00u + conf[k];
        if (!have_base++) {
            base_lm = gm_typo_lm_score(lm, &lm_base, t->cp + a, t->joined + a, t->spans + a,
                                       b - a, memo);
            gm_typo_lm_backward(lm, &lm_base, i - a + 1);
        }
        /* Nine candidates in ten gain less than GM_TYPO_LM_GAIN_MIN: the
         * change's score from the edges around it says so without
         * refilling the window; the rest are rescored as before, so the
         * gains (and findings) are the same to the last bit. */
        if (gm_typo_lm_change_score(lm, &lm_base, i - a, c) - base_lm <
            GM_TYPO_LM_GAIN_MIN - ROUNDING_SLACK)
            continue;
        float gain = gm_typo_lm_rescore(lm, &lm_base, i - a, c, &lm_cand) - base_lm;
        if (gain < GM_TYPO_LM_GAIN_MIN)
            continue;
        gain += GM_TYPO_UNIGRAM_WEIGHT * unigram_gain(m, &uni, t->cp + a, b - a, i - a, c) +
                kind_prior[kinds[k] < 3 ? kinds[k] : 0];
        size_t ws = i - a, wl = 1, os, ol;
        lattice_word_at(&uni.cand, i - a, &ws, &wl);
        if (!lattice_word_at(&uni.base, i - a, &os, &ol) &&
            change_fits(m, t, a + ws, wl, uni.cand.w + ws))
            gain += GM_TYPO_FIT_BONUS;
        if (!found || gain > hit->gain) {
            *hit = (gm_typo_hit){.cp = i, .n = 1, .b_start = t->boff[i], .b_end = t->boff[i + 1],
                                 .replacement = {c}, .gain = gain, .w_start = a + ws,
                                 .w_len = wl, .path = GM_TYPO_PATH_CHAR};
            found = 1;
        }
    }
    return found;
}

/* The window around the span [s, e): up to SIDE CJK characters each side. */
static void window_around(const text_cps *t, size_t s, size_t e, size_t *a, size_t *b)
{
    *a = s;
    *b = e;
    while (*a > 0 && s - *a < SIDE && cjk_at(t, *a - 1))
        (*a)--;
    while (*b - e < SIDE && cjk_at(t, *b))
        (*b)++;
}

/* A span of text and its window, scored once for all the words of the
 * same syllables tried in its place. */
typedef struct word_span {
    const text_cps *t;
    size_t s, l, a, b;             /* the span and its window */
    gm_typo_lm_window base, cand;
    gm_typo_lm_memo *memo;         /* the text's */
    float base_lm;
    int have_base;
    unigram_side uni;
} word_span;
_Static_assert(2 * SIDE + 2 * GM_TYPO_WORD_MAX - 1 <= GM_TYPO_LM_WINDOW &&
                   2 * SIDE + 2 * GM_TYPO_WORD_MAX - 1 <= WIN,
               "a suspect's spans and their sides fit one window");

/* Sets ws up for spans inside [first, end) of t: their shared window, not
 * scored yet (its windows are filled before they are read). */
static void word_span_start(word_span *ws, const text_cps *t, gm_typo_lm_memo *memo, size_t first,
                            size_t end)
{
    ws->t = t;
    ws->memo = memo;
    ws->have_base = 0;
    ws->uni.ready = 0;
    window_around(t, first, end, &ws->a, &ws->b);
}

/* The unigram dictionary's gain of reading the span as w. */
static float word_unigram_gain(const gm_typo_model *m, word_span *ws, const uint32_t *w)
{
    unigram_side *u = &ws->uni;
    const uint32_t *text = ws->t->cp;
    if (!u->ready)                 /* fills the original's side */
        unigram_gain(m, u, text + ws->a, ws->b - ws->a, 0, text[ws->a]);
    memcpy(u->cand.w, u->base.w, sizeof u->cand.w);
    memcpy(u->cand.lp, u->base.lp, sizeof u->cand.lp);
    for (size_t k = 0; k < ws->l; k++)
        u->cand.w[ws->s - ws->a + k] = w[k];
    for (size_t k = 0; k < ws->l; k++)
        if (w[k] != text[ws->s + k])
            lattice_fill(m, &u->cand, ws->s - ws->a + k);
    return lattice_best(m, &u->cand) - u->base_lp;
}

/* The score of reading the span as w, one of nw words of its syllables:
 * like a one-character change (the bigram model's gain on the window, a
 * fraction of the unigram dictionary's) plus the word prior, less a
 * penalty for each further character changed and for the number of
 * words the syllables could stand for. */
static float word_gain(const gm_typo_model *m, word_span *ws, const uint32_t *w, size_t nw)
{
    const gm_typo_lm *lm = gm_typo_model_lm(m);
    const uint32_t *text = ws->t->cp;
    if (!ws->have_base++)
        ws->base_lm = gm_typo_lm_score(lm, &ws->base, text + ws->a, ws->t->joined + ws->a,
                                       ws->t->spans + ws->a, ws->b - ws->a, ws->memo);
    size_t first = ws->l, last = 0;
    int changed = 0;
    for (size_t k = 0; k < ws->l; k++)
        if (w[k] != text[ws->s + k]) {
            changed++;
            first = k < first ? k : first;
            last = k;
        }
    float gain = gm_typo_lm_rescore_span(lm, &ws->base, ws->s + first - ws->a, w + first,
                                         last - first + 1, &ws->cand) - ws->base_lm;
    if (gain < GM_TYPO_LM_GAIN_MIN)
        return gain;
    return gain + GM_TYPO_UNIGRAM_WEIGHT * word_unigram_gain(m, ws, w) + GM_TYPO_PRIOR_WORD -
           GM_TYPO_WORD_EACH_CHANGE * (float)(changed - 1) -
           GM_TYPO_WORD_AMBIGUITY * logf((float)nw);
}

/* 1 when every character of the span that w changes is a word of the
 * bigram model at least GM_TYPO_WORD_RARE_LP probable on its own: a rare
 * character is likelier a slip of shape, whose fix is another character
 * than a word of the same syllables (菅理 is 管理, not 建立). */
static int changes_usual_chars(const gm_typo_model *m, const word_span *ws, const uint32_t *w)
{
    const gm_typo_lm *lm = gm_typo_model_lm(m);
    for (size_t k = 0; k < ws->l; k++) {
        const uint32_t *c = ws->t->cp + ws->s + k;
        if (w[k] == *c)
            continue;
        int32_t id = gm_typo_lm_word(lm, c, 1);
        if (id < 0 || gm_typo_lm_logp(lm, -1, id) < GM_TYPO_WORD_RARE_LP)
            return 0;
    }
    return 1;
}

/* The model word t[k..k+l) (all CJK), -1 when none: looked up once per
 * text (t->spans), and only when its neighbouring pairs pass the Bloom
 * filter. */
static int32_t text_word(const gm_typo_lm *lm, const text_cps *t, size_t k, size_t l)
{
    if (t->spans[k][l] == GM_TYPO_LM_UNSEEN) {
        size_t j = k;
        while (j + 1 < k + l && t->joined[j])
            j++;
        t->spans[k][l] = j + 1 < k + l ? -1 : gm_typo_lm_word(lm, t->cp + k, l);
    }
    return t->spans[k][l];
}

/* 1 when the model word id read in place of t[s..s+l) forms a bigram the
 * model holds with a word of the text ending right before it or starting
 * right after it: a few lookups that spare 19 of 20 words the window's
 * rescore (a right word almost always has such a neighbour: 官僚 before
 * 主义). */
static int fits_context(const gm_typo_model *m, const text_cps *t, size_t s, size_t l, int32_t id)
{
    return fits_words_of(m, t, s, l, id, 1);
}

/* fits_context with text words of at least min characters only. */
static int fits_words_of(const gm_typo_model *m, const text_cps *t, size_t s, size_t l,
                         int32_t id, size_t min)
{
    const gm_typo_lm *lm = gm_typo_model_lm(m);
    if (id < 0)
        return 1;
    for (size_t k = min; k <= GM_TYPO_WORD_MAX && k <= s && cjk_at(t, s - k); k++) {
        int32_t left = text_word(lm, t, s - k, k);
        if (left >= 0 && gm_typo_lm_pair_known(lm, left, id))
            return 1;
    }
    for (size_t k = min; k <= GM_TYPO_WORD_MAX && cjk_at(t, s + l + k - 1); k++) {
        int32_t right = text_word(lm, t, s + l, k);
        if (right >= 0 && gm_typo_lm_pair_known(lm, id, right))
            return 1;
    }
    return 0;
}

/* The reading keys of t[s..s+l) (every combination of the characters'
 * readings, the last character's varying fastest, at most max) into keys;
 * their number (0 when a character has none, or when no word of 3-4
 * syllables starts with the first two characters' readings). */
static size_t reading_keys(const gm_typo_model *m, const text_cps *t, size_t s, size_t l,
                           uint64_t *keys, size_t max)
{
    const uint16_t *r[GM_TYPO_WORD_MAX];
    size_t at[GM_TYPO_WORD_MAX] = {0}, n = 0;
    for (size_t k = 0; k < l; k++)
        if (!(r[k] = gm_typo_readings(m, t->cp[s + k]))[0])
            return 0;
    if (l >= 3 && !gm_typo_homophones_may_start(gm_typo_model_homophones(m), r[0], r[1]))
        return 0;                  /* no word of 3-4 syllables starts so: none of its keys */
    while (n < max) {
        uint16_t syl[GM_TYPO_WORD_MAX];
        for (size_t k = 0; k < l; k++)
            syl[k] = r[k][at[k]];
        keys[n++] = gm_typo_reading_key(syl, l);
        size_t k = l;
        do {                       /* the next combination, odometer-wise */
            if (k == 0)
                return n;
            k--;
            at[k] = at[k] + 1 < GM_TYPO_READINGS && r[k][at[k] + 1] ? at[k] + 1 : 0;
        } while (at[k] == 0);
    }
    return n;
}

#define KEYS_MAX 16

/* Records in *hit that w, read in place of t[s..s+l), scored gain. */
static void word_hit(const text_cps *t, size_t s, size_t l, const uint32_t *w, float gain,
                     int path, gm_typo_hit *hit)
{
    size_t first = 0, last = l - 1;
    while (w[first] == t->cp[s + first])
        first++;
    while (w[last] == t->cp[s + last])
        last--;
    *hit = (gm_typo_hit){.cp = s + first, .n = last - first + 1, .b_start = t->boff[s + first],
                         .b_end = t->boff[s + last + 1], .gain = gain, .w_start = s, .w_len = l,
                         .path = path};
    memcpy(hit->replacement, w + first, hit->n * sizeof *hit->replacement);
}


/* Tries in place of t[s..s+l) the GM_TYPO_WORD_TRIES commonest words of
 * the bigram model with the same syllables, other than the text itself,
 * that change no rare character and fit the context; keeps the best in
 * *hit (*found says whether it holds one). */
static void try_words(const gm_typo_model *m, word_span *ws, size_t l, gm_typo_hit *hit,
                      int *found)
{
    const text_cps *t = ws->t;
    uint64_t keys[KEYS_MAX];
    size_t nk = reading_keys(m, t, ws->s, l, keys, KEYS_MAX);
    ws->l = l;
    for (size_t q = 0; q < nk; q++) {
        size_t nw, tried = 0;
        const gm_typo_homophone *w =
            gm_typo_homophones_find(gm_typo_model_homophones(m), keys[q], &nw);
        for (size_t j = 0; j < nw && tried < GM_TYPO_WORD_TRIES; j++) {
            if (memcmp(w[j].w, t->cp + ws->s, l * sizeof *w[j].w) == 0)
                continue;
            tried++;
            if (!changes_usual_chars(m, ws, w[j].w))
                continue;
            if (!fits_context(m, t, ws->s, l, w[j].id))
                continue;
            float gain = word_gain(m, ws, w[j].w, nw);
            if (gain >= GM_TYPO_LM_GAIN_MIN && (!*found || gain > hit->gain)) {
                word_hit(t, ws->s, l, w[j].w, gain, GM_TYPO_PATH_WORD, hit);
                *found = 1;
            }
        }
    }
}

/* The number of suspects (odd) in [s, s + l). */
static int suspects_in(const uint8_t *odd, size_t s, size_t l)
{
    int n = 0;
    for (size_t k = s; k < s + l; k++)
        n += odd[k];
    return n;
}

/* 1 when i is the first suspect (odd) of t[s..s+l). */
static int first_suspect(const uint8_t *odd, size_t s, size_t l, size_t i)
{
    for (size_t k = s; k < i; k++)
        if (odd[k])
            return 0;
    return i < s + l;
}

/* The best word read in place of a span of 2-4 CJK characters whose first
 * suspect (odd) is i and which holds another suspect: the whole-word slip
 * of pinyin input (关料, 堆物: a wrong word of the right syllables leaves
 * two characters that form no word with their neighbours; a span with one
 * suspect is mostly the one-character path's, and trying those too cost
 * more than the rest of the detector for a point of recall).  All the
 * spans share one window.  1: *hit is set; 0: none. */
static int best_word_change(const gm_typo_model *m, const text_cps *t, size_t i,
                            const uint8_t *odd, gm_typo_lm_memo *memo, gm_typo_hit *hit)
{
    size_t first = i, end = i + 1;    /* every span holding i lies in [first, end) */
    while (first > 0 && i - first < GM_TYPO_WORD_MAX - 1 && cjk_at(t, first - 1))
        first--;
    while (end - i < GM_TYPO_WORD_MAX && cjk_at(t, end))
        end++;
    word_span ws;
    word_span_start(&ws, t, memo, first, end);
    int found = 0;
    for (size_t s = first; s <= i; s++)
        for (size_t l = 2; l <= GM_TYPO_WORD_MAX && s + l <= end; l++)
            if (first_suspect(odd, s, l, i) && suspects_in(odd, s, l) >= 2) {
                ws.s = s;
                try_words(m, &ws, l, hit, &found);
            }
    return found;
}

/* The changes found, before overlaps are settled. */
typedef struct hit_list {
    gm_typo_hit *v;
    size_t n, cap;
} hit_list;

static int hit_push(hit_list *h, const gm_typo_hit *x)
{
    if (h->n == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 16;
        gm_typo_hit *v = realloc(h->v, cap * sizeof *v);
        if (!v)
            return GM_E_NOMEM;
        h->v = v;
        h->cap = cap;
    }
    h->v[h->n++] = *x;
    return 0;
}

/* The longest model word of the text starting at k (all CJK): its length,
 * its index in *id (-1 and length 1 when k starts none). */
static size_t word_at(const gm_typo_lm *lm, const text_cps *t, size_t k, int32_t *id)
{
    size_t max = 0;
    while (max < GM_TYPO_WORD_MAX && cjk_at(t, k + max))
        max++;
    for (size_t l = max; l >= 1; l--)
        if ((*id = text_word(lm, t, k, l)) >= 0)
            return l;
    *id = -1;
    return 1;
}

/* 1 when the word h read in place of t[s..s+l) forms a model word with
 * characters of the text right before or after it (社会 + 保障). */
static int joins_neighbours(const gm_typo_lm *lm, const text_cps *t, size_t s, size_t l,
                            const uint32_t *h)
{
    uint32_t buf[GM_TYPO_WORD_MAX];
    /* A longer word holds every adjacent pair of its characters: the text's
     * pairs (t->joined) and the junction with h must pass the in-word
     * filter before the word table is asked. */
    int left = s > 0 && cjk_at(t, s - 1) && gm_typo_lm_joined(lm, t->cp[s - 1], h[0]);
    for (size_t k = 1; left && k + l <= GM_TYPO_WORD_MAX && k <= s && cjk_at(t, s - k) &&
                       (k == 1 || t->joined[s - k]);
         k++) {
        memcpy(buf, t->cp + s - k, k * sizeof *buf);
        memcpy(buf + k, h, l * sizeof *buf);
        if (gm_typo_lm_word(lm, buf, k + l) >= 0)
            return 1;
    }
    int right = cjk_at(t, s + l) && gm_typo_lm_joined(lm, h[l - 1], t->cp[s + l]);
    for (size_t k = 1; right && k + l <= GM_TYPO_WORD_MAX && cjk_at(t, s + l + k - 1) &&
                       (k == 1 || t->joined[s + l + k - 2]);
         k++) {
        memcpy(buf, h, l * sizeof *buf);
        memcpy(buf + l, t->cp + s + l, k * sizeof *buf);
        if (gm_typo_lm_word(lm, buf, k + l) >= 0)
            return 1;
    }
    return 0;
}

/* 1 when the word h read in place of t[s..s+l) fits where the text's word
 * does not: it forms a bigram the model holds with the neighbouring word
 * nb (after: nb follows), or with another word of the text right before
 * or after it, or a longer model word with the characters next to it. */
static int pair_fits(const gm_typo_model *m, const text_cps *t, size_t s, size_t l,
                     const gm_typo_homophone *h, int32_t nb, int after)
{
    const gm_typo_lm *lm = gm_typo_model_lm(m);
    if (after ? gm_typo_lm_pair_known(lm, h->id, nb) : gm_typo_lm_pair_known(lm, nb, h->id))
        return 1;
    return fits_context(m, t, s, l, h->id) || joins_neighbours(lm, t, s, l, h->w);
}

/* Tries in place of the model word self = t[s..s+l) the commonest other
 * words of its syllables, each commoner than self; the commonest of them
 * as it stands (its score weighs the context), the others only where they
 * fit where self forms no bigram the model holds with its neighbour nb
 * (pair_fits): a
 * word that forms words with its neighbours is read as the word of its
 * syllables the model expects there (阉割落实 -> 严格落实, 政策错失 ->
 * 政策措施, 社会报账部 -> 社会保障部).  Keeps the best in *hit. */
static void try_pair_words(const gm_typo_model *m, const text_cps *t, size_t s, size_t l,
                           int32_t self, int32_t nb, int after, gm_typo_lm_memo *memo,
                           gm_typo_hit *hit, int *found)
{
    const gm_typo_lm *lm = gm_typo_model_lm(m);
    float self_lp = gm_typo_lm_logp(lm, -1, self);
    uint64_t keys[KEYS_MAX];
    size_t nk = reading_keys(m, t, s, l, keys, KEYS_MAX);
    word_span ws;
    word_span_start(&ws, t, memo, s, s + l);
    ws.s = s;
    ws.l = l;
    for (size_t q = 0; q < nk; q++) {
        size_t nw, tried = 0;
        const gm_typo_homophone *w =
            gm_typo_homophones_find(gm_typo_model_homophones(m), keys[q], &nw);
        for (size_t j = 0; j < nw && tried < GM_TYPO_PAIR_TRIES; j++) {
            if (memcmp(w[j].w, t->cp + s, l * sizeof *w[j].w) == 0)
                continue;
            tried++;
            if (gm_typo_lm_logp(lm, -1, w[j].id) < self_lp)
                break;             /* commonest first: the rest are rarer still */
            if (tried > 1 && !pair_fits(m, t, s, l, &w[j], nb, after))
                continue;          /* the commonest is scored as it stands */
            float gain = word_gain(m, &ws, w[j].w, nw);
            if (gain < GM_TYPO_LM_GAIN_MIN)
                continue;
            gain += GM_TYPO_PAIR_BONUS;
            if (!*found || gain > hit->gain) {
                word_hit(t, s, l, w[j].w, gain, GM_TYPO_PATH_PAIR, hit);
                *found = 1;
            }
        }
    }
}

/* 1 when t[s..s+l) is all CJK. */
static int all_cjk(const text_cps *t, size_t s, size_t l)
{
    for (size_t k = s; k < s + l; k++)
        if (!cjk_at(t, k))
            return 0;
    return 1;
}

/* The characters w changes in t[s..s+l) that are no same-reading,
 * same-tone confusion of the text's (kind 2 of its confusion set). */
static int untoned_changes(const gm_typo_model *m, const text_cps *t, size_t s, size_t l,
                           const uint32_t *w)
{
    int n = 0;
    for (size_t k = 0; k < l; k++) {
        uint32_t c = t->cp[s + k];
        if (w[k] == c)
            continue;
        size_t nc, j = 0;
        const uint16_t *conf = gm_typo_confusion(m, c, &nc);
        const uint8_t *kinds = gm_typo_confusion_kinds(m, c);
        nc = nc < GM_TYPO_CONF_MAX ? nc : GM_TYPO_CONF_MAX;
        while (j < nc && 0x4E00u + conf[j] != w[k])
            j++;
        n += !(j < nc && kinds[j] == 2);
    }
    return n;
}

/* Reads the span t[s..s+l) (no model word) as the commonest model word of
 * its syllables under each reading key, scored like the words of step 4
 * less GM_TYPO_LONG_UNTONED for each changed character of another tone;
 * keeps the best in *hit.  Two paths:
 *  - the long-word path (short_word 0, 3-4 characters): the long word of a
 *    pinyin slip split over two text words (懂事会 -> 董事会, 以下建成 ->
 *    以下简称, 练习会议 -> 联席会议), plus GM_TYPO_LONG_BONUS;
 *  - the short-word path (short_word 1, two one-character text words that
 *    form no bigram the model holds): the two-character whole-word slip
 *    whose characters still form words with their neighbours, so step 4
 *    (two suspects) never sees it, plus GM_TYPO_SHORT_BONUS, only when the
 *    word forms a bigram the model holds with a text word of two or more
 *    characters right before or after it (说明|才|聊 -> 说明材料, 进行|靠|河
 *    -> 进行考核; not 音近、形|近|的 -> 行进 before 的, nor 监督|阅|评|和 ->
 *    乐平 before 和); one character of the two may stay (调查|人|定 ->
 *    调查认定: 人 forms words with its neighbours, so step 3 never sees it). */
static void try_syllable_word(const gm_typo_model *m, const text_cps *t, size_t s, size_t l,
                              int short_word, gm_typo_lm_memo *memo, gm_typo_hit *hit,
                              int *found)
{
    uint64_t keys[KEYS_MAX];
    size_t nk = reading_keys(m, t, s, l, keys, KEYS_MAX);
    word_span ws;
    int started = 0;
    for (size_t q = 0; q < nk; q++) {
        size_t nw;
        const gm_typo_homophone *w =
            gm_typo_homophones_find(gm_typo_model_homophones(m), keys[q], &nw);
        if (!nw || memcmp(w[0].w, t->cp + s, l * sizeof *w[0].w) == 0)
            continue;
        if (short_word && !fits_words_of(m, t, s, 2, w[0].id, 2))
            continue;
        if (!started++) {
            word_span_start(&ws, t, memo, s, s + l);
            ws.s = s;
            ws.l = l;
        }
        if (!changes_usual_chars(m, &ws, w[0].w))
            continue;
        float gain = word_gain(m, &ws, w[0].w, nw);
        if (gain < GM_TYPO_LM_GAIN_MIN)
            continue;
        gain += (short_word ? GM_TYPO_SHORT_BONUS : GM_TYPO_LONG_BONUS) -
                GM_TYPO_LONG_UNTONED * (float)untoned_changes(m, t, s, l, w[0].w);
        if (!*found || gain > hit->gain) {
            word_hit(t, s, l, w[0].w, gain, short_word ? GM_TYPO_PATH_SHORT : GM_TYPO_PATH_LONG,
                     hit);
            *found = 1;
        }
    }
}

/* Two neighbouring CJK words of the text read as its longest model words:
 * t[ps..ps+pl) (model word pid, -1 when none) and t[k..k+l) (id); whether
 * the model holds them as a bigram is asked once, when first needed. */
typedef struct word_pair {
    size_t ps, pl, k, l;
    int32_t pid, id;
    int known;                     /* -1: not asked yet */
} word_pair;

static int pair_known_once(const gm_typo_lm *lm, word_pair *p)
{
    if (p->known < 0)
        p->known = p->pid >= 0 && p->id >= 0 && gm_typo_lm_pair_known(lm, p->pid, p->id);
    return p->known;
}

/* The pair path at p: where two model words form no bigram the model
 * holds, each of them of 2-4 characters that a commoner word of its
 * syllables outranks (the first gate, a bit test) is tried as another
 * word of the same syllables (try_pair_words); *tried_s is the start of
 * the last word tried, so no word is tried twice. */
static int pair_step(const gm_typo_model *m, const text_cps *t, word_pair *p, size_t *tried_s,
                     gm_typo_lm_memo *memo, float min_gain, hit_list *out)
{
    const gm_typo_lm *lm = gm_typo_model_lm(m);
    const gm_typo_homophones *hm = gm_typo_model_homophones(m);
    int try_prev = p->pl >= 2 && *tried_s != p->ps && gm_typo_homophones_outranked(hm, p->pid),
        try_this = p->l >= 2 && gm_typo_homophones_outranked(hm, p->id);
    if (!(try_prev || try_this) || p->pid < 0 || p->id < 0 || pair_known_once(lm, p))
        return 0;
    gm_typo_hit hit;
    int found = 0;
    if (try_prev)
        try_pair_words(m, t, p->ps, p->pl, p->pid, p->id, 1, memo, &hit, &found);
    if (try_this)
        try_pair_words(m, t, p->k, p->l, p->id, p->pid, 0, memo, &hit, &found);
    *tried_s = p->k;
    return found && hit.gain >= min_gain ? hit_push(out, &hit) : 0;
}

/* Tries in place of each span of 3-4 CJK characters that starts with the
 * text word t[s..s+l), reaches past it and is no model word itself a word
 * of its syllables (try_syllable_word). */
static void try_long_spans(const gm_typo_model *m, const text_cps *t, size_t s, size_t l,
                           gm_typo_lm_memo *memo, gm_typo_hit *hit, int *found)
{
    const gm_typo_lm *lm = gm_typo_model_lm(m);
    for (size_t sl = l + 1 > 3 ? l + 1 : 3; sl <= GM_TYPO_WORD_MAX; sl++)
        if (all_cjk(t, s, sl) && text_word(lm, t, s, sl) < 0)
            try_syllable_word(m, t, s, sl, 0, memo, hit, found);
}

/* The long-word path at p: where the two words form no bigram the model
 * holds (or one of them is no model word), the spans that start with the
 * first word and reach into the second (练习|会议 -> 联席会议), and those
 * that start with the second and reach past it (公司|懂事长 -> 董事长:
 * the slip breaks the pair on its left, while 懂事 + 长 read on), are
 * tried as words of their syllables (try_long_spans); *tried_s is the
 * start of the last second word tried, so no span is tried twice. */
static int long_step(const gm_typo_model *m, const text_cps *t, word_pair *p, size_t *tried_s,
                     gm_typo_lm_memo *memo, float min_gain, hit_list *out)
{
    const gm_typo_lm *lm = gm_typo_model_lm(m);
    if (pair_known_once(lm, p))
        return 0;
    gm_typo_hit hit;
    int found = 0;
    if (*tried_s != p->ps)         /* not tried already as the last pair's second */
        try_long_spans(m, t, p->ps, p->pl, memo, &hit, &found);
    try_long_spans(m, t, p->k, p->l, memo, &hit, &found);
    if (p->pl == 1 && p->l == 1)
        try_syllable_word(m, t, p->ps, 2, 1, memo, &hit, &found);
    *tried_s = p->k;
    return found && hit.gain >= min_gain ? hit_push(out, &hit) : 0;
}

/* Steps 5 and 6: the text is read as its longest model words, left to
 * right, and every two neighbouring CJK words go to the pair path and the
 * long-word path. */
static int word_pair_changes(const gm_typo_model *m, const text_cps *t, gm_typo_lm_memo *memo,
                             float min_gain, hit_list *out)
{
    const gm_typo_lm *lm = gm_typo_model_lm(m);
    word_pair p = {0};
    size_t tried_s = (size_t)-1, long_s = (size_t)-1;
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < t->n;) {
        if (!cjk_at(t, k)) {
            p.pl = 0;
            k++;
            continue;
        }
        int32_t id;
        size_t l = word_at(lm, t, k, &id);
        if (p.pl) {
            p.k = k;
            p.l = l;
            p.id = id;
            p.known = -1;
            rc = pair_step(m, t, &p, &tried_s, memo, min_gain, out);
            if (rc == 0)
                rc = long_step(m, t, &p, &long_s, memo, min_gain, out);
        }
        p.ps = k;
        p.pl = l;
        p.pid = id;
        k += l;
    }
    return rc;
}

int gm_typo_is_slip(const gm_typo_model *m, const uint32_t *w, size_t n, size_t i, uint32_t c)
{
    int prev = i > 0 && gm_is_han_basic(w[i - 1]), next = i + 1 < n && gm_is_han_basic(w[i + 1]);
    if (!(prev && gm_typo_bigram(m, w[i - 1], c)) && !(next && gm_typo_bigram(m, c, w[i + 1])))
        return 1;
    size_t a = i > SIDE ? i - SIDE : 0, b = i + SIDE + 1 < n ? i + SIDE + 1 : n;
    lattice L;
    L.n = b - a;
    for (size_t k = a; k < b; k++)
        if (!gm_is_han_basic(w[k]))
            return 0;                  /* mixed text: keep only clear slips */
    memcpy(L.w, w + a, L.n * sizeof *L.w);
    lattice_fill(m, &L, L.n);
    float right = lattice_best(m, &L);
    L.w[i - a] = c;
    lattice_fill(m, &L, i - a);
    return right - lattice_best(m, &L) >= GM_TYPO_SLIP_GAIN;
}

int gm_typo_is_name_slip(const gm_typo_model *m, const uint32_t *w, size_t n, size_t i,
                         uint32_t c)
{
    uint32_t v[GM_TYPO_WORD_MAX];
    for (size_t l = 2; l <= GM_TYPO_WORD_MAX && l < n; l++)
        for (size_t k = i + 1 >= l ? i + 1 - l : 0; k <= i && k + l <= n; k++) {
            for (size_t j = 0; j < l; j++)
                v[j] = k + j == i ? c : w[k + j];
            if (gm_typo_logp(m, v, l) > GM_TYPO_WORD_RARE_LP && gm_typo_logp(m, v, l) <= 0.0f)
                return 0;          /* a usual word: 阳光 of 阳光明媚, not 广明 */
        }
    return 1;
}

/* The first character at or after i worth trying changes for: a CJK
 * suspect that is no common one-character word (的, 在, 是, 和 … standing
 * alone are almost always meant; skipping them keeps the scan cheap) and
 * no character the dictionary lacks as a word of its own; t->n when
 * none. */
static size_t next_suspect(const gm_typo_model *m, const text_cps *t, size_t i)
{
    while (i < t->n && !(gm_is_han_basic(t->cp[i]) && suspect(t, i) &&
                         !gm_typo_is_function_char(m, t->cp[i])))
        i++;
    return i;
}

/* Starts loading what best_change will read first for suspect i (its
 * confusion set, its neighbours' joiner lists, its window's words), so
 * those cache misses overlap with the work on the suspect before it. */
static void prefetch_suspect(const gm_typo_model *m, const text_cps *t, size_t i)
{
    const gm_typo_lm *lm = gm_typo_model_lm(m);
    size_t nc, n, a, b;
    const uint16_t *conf = gm_typo_confusion(m, t->cp[i], &nc);
    if (nc) {
        __builtin_prefetch(conf);
        __builtin_prefetch(gm_typo_confusion_kinds(m, t->cp[i]));
    }
    window_of(t, i, &a, &b);
    if (i > a)
        __builtin_prefetch(gm_typo_lm_joiners(lm, t->cp[i - 1], 1, &n));
    if (i + 1 < b)
        __builtin_prefetch(gm_typo_lm_joiners(lm, t->cp[i + 1], 0, &n));
    gm_typo_lm_prefetch_window(lm, t->cp + a, t->joined + a, t->spans + a, b - a);
}

static int by_gain_desc(const void *a, const void *b)
{
    const gm_typo_hit *x = a, *y = b;
    if (x->gain != y->gain)
        return x->gain > y->gain ? -1 : 1;
    return x->cp < y->cp ? -1 : x->cp > y->cp;
}

static int by_position(const void *a, const void *b)
{
    const gm_typo_hit *x = a, *y = b;
    return x->cp < y->cp ? -1 : x->cp > y->cp;
}

/* Keeps the best of overlapping changes (a greedy pass by gain), in text
 * order: h->n becomes the number kept. */
static void settle_overlaps(hit_list *h)
{
    if (h->n == 0)
        return;                    /* qsort must not see a null array */
    qsort(h->v, h->n, sizeof *h->v, by_gain_desc);
    size_t kept = 0;
    for (size_t i = 0; i < h->n; i++) {
        int clash = 0;
        for (size_t k = 0; k < kept && !clash; k++)
            clash = h->v[i].cp < h->v[k].cp + h->v[k].n && h->v[k].cp < h->v[i].cp + h->v[i].n;
        if (!clash)
            h->v[kept++] = h->v[i];
    }
    h->n = kept;
    qsort(h->v, h->n, sizeof *h->v, by_position);
}

/* Collects the best one-character change of every suspect and the best
 * same-syllable word of every span, each at min_gain or more. */
static int collect(const gm_typo_model *m, text_cps *t, float min_gain, hit_list *out)
{
    int rc = 0;
    joiner_marks mk = {{0}};
    gm_typo_lm_memo memo;
    gm_typo_lm_memo_clear(&memo, t->n);
    uint8_t *odd = malloc(t->n + 1);   /* the suspects */
    if (!odd)
        return GM_E_NOMEM;
    join_text(gm_typo_model_lm(m), t);
    for (size_t i = 0; i < t->n; i++)
        odd[i] = gm_is_han_basic(t->cp[i]) && suspect(t, i);
    /* Suspects that are common one-character words (的, 是 …) are skipped
     * by both paths: the word path found almost nothing more there on the
     * tuning rows, for two thirds of its time on official text. */
    for (size_t i = next_suspect(m, t, 0), next; rc == 0 && i < t->n; i = next) {
        gm_typo_hit hit;
        next = next_suspect(m, t, i + 1);
        if (next < t->n)
            prefetch_suspect(m, t, next);
        if (best_change(m, t, i, &mk, &memo, &hit) && hit.gain >= min_gain)
            rc = hit_push(out, &hit);
        if (!rc && best_word_change(m, t, i, odd, &memo, &hit) && hit.gain >= min_gain)
            rc = hit_push(out, &hit);
    }
    if (rc == 0)
        rc = word_pair_changes(m, t, &memo, min_gain, out);
    free(odd);
    return rc;
}

/* 1 when the model word t[s..s+l) reads as a model word with h's changes
 * made inside it. */
static int word_spelt_both_ways(const gm_typo_lm *lm, const text_cps *t, size_t s, size_t l,
                                const gm_typo_hit *h)
{
    uint32_t w[GM_TYPO_WORD_MAX];
    if (!all_cjk(t, s, l) || gm_typo_lm_word(lm, t->cp + s, l) < 0)
        return 0;
    for (size_t k = 0; k < l; k++)
        w[k] = s + k >= h->cp && s + k < h->cp + h->n ? h->replacement[s + k - h->cp] : t->cp[s + k];
    return gm_typo_lm_word(lm, w, l) >= 0;
}

/* 1 when h only writes characters as their standard variants (账 -> 帐)
 * inside a word the model knows spelt both ways (账号 and 帐号): both
 * spellings are written, neither is a slip.  其她 -> 其他 stays a change
 * (其她 is no word), and so does 豫北 -> 预备 (北 -> 备 is no variant). */
static int variant_spelling(const gm_typo_model *m, const text_cps *t, const gm_typo_hit *h)
{
    size_t first = h->n, last = 0;
    for (size_t k = 0; k < h->n; k++) {
        if (h->replacement[k] == t->cp[h->cp + k])
            continue;
        if (!gm_typo_is_variant(m, t->cp[h->cp + k], h->replacement[k]))
            return 0;
        first = first < k ? first : k;
        last = k;
    }
    if (first == h->n)
        return 0;
    const gm_typo_lm *lm = gm_typo_model_lm(m);
    size_t a = h->cp + first, b = h->cp + last + 1;   /* the changed characters */
    for (size_t l = b - a > 2 ? b - a : 2; l <= GM_TYPO_WORD_MAX; l++)
        for (size_t s = b >= l ? b - l : 0; s <= a && s + l <= t->n; s++)
            if (word_spelt_both_ways(lm, t, s, l, h))
                return 1;
    return 0;
}

/* Leaves out of h the changes that only spell a word another standard way. */
static void drop_variant_spellings(const gm_typo_model *m, const text_cps *t, hit_list *h)
{
    size_t kept = 0;
    for (size_t i = 0; i < h->n; i++)
        if (!variant_spelling(m, t, &h->v[i]))
            h->v[kept++] = h->v[i];
    h->n = kept;
}

int gm_typo_suggest(const gm_typo_model *m, const char *text, size_t len, float min_gain,
                    gm_typo_fn fn, void *ctx)
{
    text_cps t;
    hit_list h = {0};
    int rc = decode_all(text, len, &t);
    if (rc == 0)
        rc = collect(m, &t, min_gain, &h);
    if (rc == 0) {
        drop_variant_spellings(m, &t, &h);
        settle_overlaps(&h);
    }
    for (size_t i = 0; rc == 0 && i < h.n; i++)
        rc = fn(ctx, &h.v[i], t.cp);
    free(h.v);
    free(t.boff);                  /* the block (text_alloc) */
    return rc;
}

typedef struct emit_ctx {
    const char *text, *field;
    gm_findings *fs;
    size_t listed;                 /* findings present before the scan */
    const gm_typo_quiet *quiet;    /* spans left alone, or NULL */
} emit_ctx;

int gm_typo_quiet_add(gm_typo_quiet *q, size_t b_start, size_t b_end)
{
    if (gm_grow((void **)&q->b, &q->cap, q->n + 1, sizeof *q->b))
        return GM_E_NOMEM;
    q->b[q->n][0] = b_start;
    q->b[q->n++][1] = b_end;
    return 0;
}

void gm_typo_quiet_free(gm_typo_quiet *q)
{
    free(q->b);
    *q = (gm_typo_quiet){0};
}

/* 1 when the bytes [b_start, b_end) overlap an expression finding of the
 * field or a span the check leaves alone. */
static int inside_listed(const emit_ctx *e, size_t b_start, size_t b_end)
{
    for (size_t k = 0; e->quiet && k < e->quiet->n; k++)
        if (e->quiet->b[k][0] < b_end && b_start < e->quiet->b[k][1])
            return 1;
    for (size_t k = 0; k < e->listed; k++) {
        const gm_finding *f = &e->fs->v[k];
        if (strcmp(f->rule, "expression") == 0 && strcmp(f->field, e->field) == 0 &&
            f->b_start < b_end && b_start < f->b_end)
            return 1;
    }
    return 0;
}

/* Writes cps[start..start+n) with the hit's change applied when h is set. */
static size_t put_word(char *buf, const uint32_t *cps, size_t start, size_t n,
                       const gm_typo_hit *h)
{
    size_t l = 0;
    for (size_t k = start; k < start + n; k++)
        l += gm_utf8_put(buf + l, h && k >= h->cp && k < h->cp + h->n ? h->replacement[k - h->cp]
                                                                       : cps[k]);
    buf[l] = '\0';
    return l;
}

static int emit(void *ctx, const gm_typo_hit *h, const uint32_t *cps)
{
    emit_ctx *e = ctx;
    if (inside_listed(e, h->b_start, h->b_end))
        return 0;
    char repl[4 * GM_TYPO_WORD_MAX + 1], was[4 * GM_TYPO_WORD_MAX + 1],
        now[4 * GM_TYPO_WORD_MAX + 1], msg[160];
    put_word(repl, cps, h->cp, h->n, h);
    put_word(was, cps, h->w_start, h->w_len, NULL);
    put_word(now, cps, h->w_start, h->w_len, h);
    snprintf(msg, sizeof msg, "疑似错别字：「%s」应为「%s」？", was, now);
    gm_finding f = {.rule = "expression", .field = e->field, .category = "typo",
                    .severity = GM_SEV_WARN, .term = now, .match = (char *)e->text + h->b_start,
                    .start = h->cp, .end = h->cp + h->n, .b_start = h->b_start,
                    .b_end = h->b_end, .replacement = repl, .message = msg};
    return gm_findings_add(e->fs, &f, h->b_end - h->b_start);
}

int gm_typo_findings(const gm_typo_model *m, const char *text, size_t len, const char *field,
                     const gm_typo_quiet *quiet, gm_findings *fs)
{
    emit_ctx e = {text, field, fs, fs->n, quiet};
    return gm_typo_suggest(m, text, len, GM_TYPO_THRESHOLD, emit, &e);
}
