/*
 * matcher_int.h - layout of the compiled automaton, shared by
 * matcher_build.c (writes it) and matcher_scan.c (reads it).
 *
 * Invariants: state 0 is the root.  A transition from state s on symbol c
 * exists iff cell[cell[s].base + c].check == s.  cell[s].fail is the
 * Aho-Corasick failure link; cell[s].outs is the nearest state on the
 * failure chain (s itself included) that ends a term, or -1; dict[s] is
 * the next such state strictly beyond s.  Symbols: 1..nalpha for code
 * points that occur in some term; 0 means "a letter no term contains".
 * A fused-table entry e >= 0 packs symbol and Latin flag: e = sym * 2 +
 * latin, latin being 1 when the normalised letter is ASCII [a-z0-9].
 * Terms made only of such letters (term_latin) match whole words only:
 * the original characters right before and after a hit must not be Latin,
 * so "sb" is not found in "is bad" (the hit "s b" follows "i") while
 * "s.b" and "a SB!" still match.
 */
#ifndef GM_CHECK_MATCHER_INT_H
#define GM_CHECK_MATCHER_INT_H

#include <stdint.h>

#include "check/matcher.h"

#define GM_SYM_NOISE (-1)
#define GM_SYM_SLOW (-2)   /* not in the BMP table: normalise on the spot */

typedef struct gm_cell {
    int32_t base, check, fail, outs;
} gm_cell;

typedef struct gm_alpha {
    uint32_t cp;
    int32_t sym;
} gm_alpha;

struct gm_matcher {
    int32_t *fused;        /* 65536 entries: sym * 2 + latin, GM_SYM_NOISE or GM_SYM_SLOW */
    gm_alpha *alpha;       /* sorted by cp, for the slow path */
    size_t nalpha;
    gm_cell *cell;
    size_t size;           /* cells */
    size_t nstates;
    int32_t *dict;         /* per cell */
    int32_t *term_head;    /* per cell: first term ending here, -1 */
    int32_t *term_next;    /* per term */
    uint32_t *term_len;    /* per term, collapsed length */
    uint8_t **term_runs;   /* per term, NULL unless it repeats a character */
    uint8_t *term_latin;   /* per term: 1 when made only of ASCII letters/digits */
    size_t nterms;
    int32_t *root_next;    /* nalpha + 1 entries: root transitions */
};

/* Symbol of a normalised code point (0 when no term contains it). */
int32_t gm_matcher_sym(const gm_matcher *m, uint32_t cp);

/* The automaton's transition from state s on sym, following failure links
 * until a state has one (the root always has): used by the scan and, while
 * building, to compute failure links. */
static inline int32_t gm_matcher_next(const gm_matcher *m, int32_t s, int32_t sym)
{
    for (;;) {
        if (s == 0)
            return m->root_next[sym];
        size_t t = (size_t)(m->cell[s].base + sym);
        if (t < m->size && m->cell[t].check == s)
            return (int32_t)t;
        s = m->cell[s].fail;
    }
}

/* 1 when a normalised code point is an ASCII letter or digit. */
static inline int gm_is_latin(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
}

#endif
