/*
 * typo.c - the general 错别字 detector (see typo.h for the method).
 */
#include "check/typo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/lexicon.h"
#include "check/normalize.h"
#include "util/gm_error.h"

#define SIDE 4                     /* window characters each side */
#define WIN (2 * SIDE + 1)

typedef struct text_cps {
    uint32_t *cp;
    size_t *boff;                  /* byte offset of each, plus the end */
    size_t n;
} text_cps;

/* Decodes text, each character in its normal form where that is one
 * character (traditional -> simplified, full width -> half width), so
 * traditional text is read with the simplified dictionary. */
static int decode_all(const char *text, size_t len, text_cps *t)
{
    const uint32_t *norm = gm_norm_bmp();
    t->cp = malloc((len + 1) * sizeof *t->cp);
    t->boff = malloc((len + 1) * sizeof *t->boff);
    t->n = 0;
    if (!t->cp || !t->boff)
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

/* Best unigram segmentation of w[0..n) (log-probability). */
static float segment(const gm_typo_model *m, const uint32_t *w, size_t n)
{
    float best[WIN + 1];
    best[0] = 0.0f;
    for (size_t j = 1; j <= n; j++) {
        best[j] = best[j - 1] + gm_typo_unknown(m);
        for (size_t k = j > GM_TYPO_WORD_MAX ? j - GM_TYPO_WORD_MAX : 0; k < j; k++) {
            float lp = gm_typo_logp(m, w + k, j - k);
            if (lp <= 0.0f && best[k] + lp > best[j])
                best[j] = best[k] + lp;
        }
    }
    return best[n];
}

/* The most probable word of 2-4 characters covering position j of w[0..n)
 * (which already holds the candidate); 0 when there is none. */
static int best_word(const gm_typo_model *m, const uint32_t *w, size_t n, size_t j,
                     size_t *ws, size_t *wl)
{
    float best = 1.0f;
    for (size_t l = 2; l <= GM_TYPO_WORD_MAX && l <= n; l++) {
        for (size_t k = j + 1 >= l ? j + 1 - l : 0; k <= j && k + l <= n; k++) {
            float lp = gm_typo_logp(m, w + k, l);
            if (lp <= 0.0f && (best > 0.0f || lp > best)) {
                best = lp;
                *ws = k;
                *wl = l;
            }
        }
    }
    return best <= 0.0f;
}

static int cjk_at(const text_cps *t, size_t i)
{
    return i < t->n && gm_typo_is_cjk(t->cp[i]);
}

/* Neither neighbour forms a word with cp[i]: the only places looked at. */
static int suspect(const gm_typo_model *m, const text_cps *t, size_t i)
{
    int prev = i > 0 && cjk_at(t, i - 1), next = cjk_at(t, i + 1);
    if (!prev && !next)
        return 0;
    if (prev && gm_typo_bigram(m, t->cp[i - 1], t->cp[i]))
        return 0;
    return !(next && gm_typo_bigram(m, t->cp[i], t->cp[i + 1]));
}

static int joins_neighbour(const gm_typo_model *m, const text_cps *t, size_t i, uint32_t c)
{
    return (i > 0 && cjk_at(t, i - 1) && gm_typo_bigram(m, t->cp[i - 1], c)) ||
           (cjk_at(t, i + 1) && gm_typo_bigram(m, c, t->cp[i + 1]));
}

/* Tries every confusable character at i; fills *hit with the best. */
static int best_change(const gm_typo_model *m, const text_cps *t, size_t i, gm_typo_hit *hit)
{
    size_t nc;
    const uint16_t *conf = gm_typo_confusion(m, t->cp[i], &nc);
    size_t a = i, b = i + 1;
    while (a > 0 && i - a < SIDE && cjk_at(t, a - 1))
        a--;
    while (b - i <= SIDE && cjk_at(t, b))
        b++;
    uint32_t w[WIN];
    memcpy(w, t->cp + a, (b - a) * sizeof *w);
    float base = 0.0f;
    int have_base = 0, found = 0;
    for (size_t k = 0; k < nc; k++) {
        uint32_t c = 0x4E00u + conf[k];
        size_t ws = 0, wl = 0;
        if (!joins_neighbour(m, t, i, c) || (i > 0 && t->cp[i - 1] == c) ||
            (i + 1 < t->n && t->cp[i + 1] == c))
            continue;                  /* no word, or a mere doubling (他哈 -> 哈哈) */
        w[i - a] = c;
        if (best_word(m, w, b - a, i - a, &ws, &wl)) {
            if (!have_base) {
                w[i - a] = t->cp[i];
                base = segment(m, w, b - a);
                have_base = 1;
                w[i - a] = c;
            }
            float gain = segment(m, w, b - a) - base;
            if (!found || gain > hit->gain) {
                *hit = (gm_typo_hit){i, t->boff[i], t->boff[i + 1], c, gain, a + ws, wl};
                found = 1;
            }
        }
        w[i - a] = t->cp[i];
    }
    return found;
}

int gm_typo_is_slip(const gm_typo_model *m, const uint32_t *w, size_t n, size_t i, uint32_t c)
{
    int prev = i > 0 && gm_typo_is_cjk(w[i - 1]), next = i + 1 < n && gm_typo_is_cjk(w[i + 1]);
    if (!(prev && gm_typo_bigram(m, w[i - 1], c)) && !(next && gm_typo_bigram(m, c, w[i + 1])))
        return 1;
    size_t a = i > SIDE ? i - SIDE : 0, b = i + SIDE + 1 < n ? i + SIDE + 1 : n;
    uint32_t win[WIN];
    for (size_t k = a; k < b; k++)
        if (!gm_typo_is_cjk(w[k]))
            return 0;                  /* mixed text: keep only clear slips */
    memcpy(win, w + a, (b - a) * sizeof *win);
    float right = segment(m, win, b - a);
    win[i - a] = c;
    return right - segment(m, win, b - a) >= GM_TYPO_THRESHOLD;
}

int gm_typo_suggest(const gm_typo_model *m, const char *text, size_t len, float min_gain,
                    gm_typo_fn fn, void *ctx)
{
    text_cps t;
    int rc = decode_all(text, len, &t);
    for (size_t i = 0; rc == 0 && i < t.n; i++) {
        gm_typo_hit hit;
        if (gm_typo_is_cjk(t.cp[i]) && suspect(m, &t, i) && best_change(m, &t, i, &hit) &&
            hit.gain >= min_gain)
            rc = fn(ctx, &hit, t.cp);
    }
    free(t.cp);
    free(t.boff);
    return rc;
}

typedef struct emit_ctx {
    const char *text, *field;
    gm_findings *fs;
    size_t listed;                 /* findings present before the scan */
} emit_ctx;

static int inside_listed(const emit_ctx *e, size_t b_start)
{
    for (size_t k = 0; k < e->listed; k++) {
        const gm_finding *f = &e->fs->v[k];
        if (strcmp(f->rule, "expression") == 0 && strcmp(f->field, e->field) == 0 &&
            f->b_start <= b_start && b_start < f->b_end)
            return 1;
    }
    return 0;
}

static size_t put_word(char *buf, const uint32_t *cps, size_t start, size_t n, size_t at,
                       uint32_t c)
{
    size_t l = 0;
    for (size_t k = start; k < start + n; k++)
        l += gm_utf8_put(buf + l, k == at ? c : cps[k]);
    buf[l] = '\0';
    return l;
}

static int emit(void *ctx, const gm_typo_hit *h, const uint32_t *cps)
{
    emit_ctx *e = ctx;
    if (inside_listed(e, h->b_start))
        return 0;
    char repl[8], was[4 * GM_TYPO_WORD_MAX + 1], now[4 * GM_TYPO_WORD_MAX + 1], msg[160];
    repl[gm_utf8_put(repl, h->replacement)] = '\0';
    put_word(was, cps, h->w_start, h->w_len, h->cp, cps[h->cp]);
    put_word(now, cps, h->w_start, h->w_len, h->cp, h->replacement);
    snprintf(msg, sizeof msg, "疑似错别字：「%s」应为「%s」？", was, now);
    gm_finding f = {.rule = "expression", .field = e->field, .category = "typo",
                    .severity = GM_SEV_WARN, .term = now, .match = (char *)e->text + h->b_start,
                    .start = h->cp, .end = h->cp + 1, .b_start = h->b_start,
                    .b_end = h->b_end, .replacement = repl, .message = msg};
    return gm_findings_add(e->fs, &f, h->b_end - h->b_start);
}

int gm_typo_findings(const gm_typo_model *m, const char *text, size_t len, const char *field,
                     gm_findings *fs)
{
    emit_ctx e = {text, field, fs, fs->n};
    return gm_typo_suggest(m, text, len, GM_TYPO_THRESHOLD, emit, &e);
}
