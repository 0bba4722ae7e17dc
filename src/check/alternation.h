/*
 * alternation.h - words between a term's characters (alternation.c): a
 * separator that is a word elsewhere alternating with them (代一开一发一票),
 * and a word inserted once as speech splits a word (约个炮) or a lone letter
 * as a filler (赌x博).
 */
#ifndef GM_CHECK_ALTERNATION_H
#define GM_CHECK_ALTERNATION_H

#include <stddef.h>
#include <stdint.h>

/* Terms shorter than this are not read through an alternating separator:
 * 赌一博 is as often an ordinary phrase. */
#define GM_ALTERNATION_MIN 3

typedef struct gm_alternation {
    char *text;     /* the text with its separators blanked (NULL: none) */
    size_t *seps;   /* code-point indices of the separators, ascending */
    size_t n, cap;
    uint32_t sep;   /* the separator blanked */
    /* first walk only (after 0): inserted words and fillers blanked */
    char *gap_text;            /* NULL: none */
    size_t *gaps;              /* code-point indices of the blanked gaps, ascending */
    unsigned char *gap_kinds;  /* per gap: its kind (alternation.c) */
    size_t n_gaps, gap_cap, gap_kind_cap;
} gm_alternation;

/* 1 when characters a b (normalised) stand side by side in some term. */
typedef int (*gm_alternation_pair)(const void *ctx, uint32_t a, uint32_t b);

/* With after 0, also blanks in gap_text the words inserted between two
 * characters side by side in some term (pair).  Finds the least separator s above after (a character s in A s B s C,
 * none of them noise or digits, A B C not s, noise between passed over,
 * A B and B C side by side in some term: pair) and
 * blanks its occurrences in such windows; fills *a.  Returns how many were
 * blanked (0: no separator above after), -1 when out of memory.  Call again
 * with after = a->sep for the next one; gm_alternation_free each time. */
int gm_alternation_find(const char *text, size_t len, uint32_t after, gm_alternation *a,
                        gm_alternation_pair pair, const void *ctx);
/* 1 when the code points [cp_start, cp_end) are chars characters (at least
 * GM_ALTERNATION_MIN) with a separator between every two. */
int gm_alternation_spaced(const gm_alternation *a, size_t cp_start, size_t cp_end, size_t chars);
/* 1 when the code points [cp_start, cp_end), a hit of a term of chars
 * characters in gap_text, hold an inserted word or filler; 2 when one of
 * them is a word only longer terms take (的 会 张 来 点: 无抵押的贷款, a
 * guess, as 内容的丰富 is ordinary grammar); 0 otherwise (and for such a
 * word in a two-character term). */
int gm_alternation_gapped(const gm_alternation *a, size_t cp_start, size_t cp_end, size_t chars);
void gm_alternation_free(gm_alternation *a);

#endif
