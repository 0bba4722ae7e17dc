/*
 * matcher_scan.c - the one-pass scanner: decode UTF-8, normalise through
 * the fused table, skip noise, fold repeats, step the automaton, report
 * hits with offsets into the original text.
 *
 * A text is seen as a sequence of "elements": maximal runs of the same
 * normalised letter, ignoring noise in between.  The last GM_RING elements
 * are kept in a ring so that a hit ending at element k can find where its
 * first element started.  Hits ending at an element are reported when the
 * element is complete (the next element starts, or the text ends), so a
 * trailing run of repeats is underlined in full and a term's own repeat
 * counts can be verified.
 */
#include <string.h>

#include "check/matcher_int.h"
#include "check/normalize.h"

#define GM_RING 64   /* > GM_TERM_MAX, a power of two */
#define RING_MASK (GM_RING - 1)

typedef struct elem {
    size_t cp_start, cp_end, b_start, b_end;
    uint32_t run, latin;
    uint32_t prev_latin;   /* the original character just before is Latin */
} elem;

typedef struct scan {
    const gm_matcher *m;
    gm_hit_fn fn;
    void *ctx;
    size_t k;          /* elements seen; the current one is k - 1 */
    int32_t state, prev_sym, pending;
    int stop;
    int gap;           /* noise seen since the last significant character */
    elem ring[GM_RING];
} scan;

static int runs_suffice(const scan *s, const uint8_t *runs, uint32_t len)
{
    size_t first = s->k - len;
    for (uint32_t i = 0; i < len; i++)
        if (s->ring[(first + i) & RING_MASK].run < runs[i])
            return 0;
    return 1;
}

/* Latin-only terms need a non-Latin original character (or none) right
 * before and right after them: whole words, while noise inside still
 * counts as evasion. */
static int word_bounded(const scan *s, uint32_t len, int next_latin)
{
    return !next_latin && !s->ring[(s->k - len) & RING_MASK].prev_latin;
}

/* Reports every term ending at the element just completed; next_latin
 * tells whether the element after it is a Latin letter or digit. */
static void flush(scan *s, int next_latin)
{
    const gm_matcher *m = s->m;
    int32_t st = m->cell[s->pending].outs;
    s->pending = -1;
    const elem *last = &s->ring[(s->k - 1) & RING_MASK];
    for (; st >= 0 && !s->stop; st = m->dict[st]) {
        for (int32_t t = m->term_head[st]; t >= 0 && !s->stop; t = m->term_next[t]) {
            uint32_t len = m->term_len[t];
            if (m->term_runs[t] && !runs_suffice(s, m->term_runs[t], len))
                continue;
            if (m->term_latin[t] && !word_bounded(s, len, next_latin))
                continue;
            const elem *first = &s->ring[(s->k - len) & RING_MASK];
            gm_hit h = {(uint32_t)t, first->cp_start, last->cp_end, first->b_start,
                        last->b_end, s->k - len, s->k - 1};
            s->stop = s->fn(s->ctx, &h) != 0;
        }
    }
}

static inline void feed(scan *s, int32_t entry, size_t cpi, size_t bs, size_t be)
{
    int32_t sym = entry >> 1;
    uint32_t latin = (uint32_t)entry & 1;
    int gap = s->gap;
    s->gap = 0;
    if (sym > 0 && sym == s->prev_sym) {
        elem *e = &s->ring[(s->k - 1) & RING_MASK];
        e->run++;
        e->cp_end = cpi + 1;
        e->b_end = be;
        return;
    }
    if (s->pending >= 0)
        flush(s, !gap && latin);
    uint32_t prev_latin = s->k > 0 && !gap && s->ring[(s->k - 1) & RING_MASK].latin;
    elem *e = &s->ring[s->k & RING_MASK];
    *e = (elem){cpi, cpi + 1, bs, be, 1, latin, prev_latin};
    s->k++;
    s->prev_sym = sym;
    s->state = sym ? gm_matcher_next(s->m, s->state, sym) : 0;
    if (s->m->cell[s->state].outs >= 0)
        s->pending = s->state;
}

/* Code points outside the fused table, or that expand to several. */
static void feed_slow(scan *s, uint32_t cp, size_t cpi, size_t bs, size_t be)
{
    uint32_t out[GM_NORM_MAX];
    int n = gm_norm_map(cp, out);
    if (n == 0)
        s->gap = 1;   /* noise outside the table (emoji and the like) */
    for (int i = 0; i < n; i++)
        feed(s, gm_matcher_sym(s->m, out[i]) * 2 + gm_is_latin(out[i]), cpi, bs, be);
}

int gm_matcher_scan(const gm_matcher *m, const char *text, size_t len, gm_hit_fn fn,
                    void *ctx, gm_err *err)
{
    scan s;
    s.m = m;
    s.fn = fn;
    s.ctx = ctx;
    s.k = 0;
    s.state = 0;
    s.prev_sym = -1;
    s.pending = -1;
    s.stop = 0;
    s.gap = 0;
    const unsigned char *p = (const unsigned char *)text;
    const int32_t *fused = m->fused;
    size_t i = 0, cpi = 0;
    while (i < len && !s.stop) {
        uint32_t cp;
        size_t n = 1;
        size_t kc, kcps;
        if (p[i] < 0x80 && i + 1 < len && p[i + 1] >= 0xE2 &&
            (kc = gm_keycap_len(p + i, len - i, &kcps)) != 0) {
            s.gap = 1;
            i += kc;
            cpi += kcps;
            continue;
        }
        if (p[i] < 0x80)
            cp = p[i];
        else if ((n = gm_utf8_decode(p + i, len - i, &cp)) == 0)
            return gm_fail(err, GM_E_INVALID, "text", "正文不是有效的 UTF-8(第 %zu 字节)", i);
        int32_t f = cp < 0x10000 ? fused[cp] : GM_SYM_SLOW;
        if (f >= 0)
            feed(&s, f, cpi, i, i + n);
        else if (f == GM_SYM_SLOW)
            feed_slow(&s, cp, cpi, i, i + n);
        else
            s.gap = 1;
        i += n;
        cpi++;
    }
    if (s.pending >= 0 && !s.stop)
        flush(&s, 0);
    return 0;
}
