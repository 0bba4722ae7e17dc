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
    int32_t *fused;        /* 65536 entries: symbol, 0, GM_SYM_NOISE or GM_SYM_SLOW */
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
    size_t nterms;
    int32_t *root_next;    /* nalpha + 1 entries: root transitions */
};

/* Symbol of a normalised code point (0 when no term contains it). */
int32_t gm_matcher_sym(const gm_matcher *m, uint32_t cp);

#endif
