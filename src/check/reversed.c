/*
 * reversed.c - adds each lexicon term written backwards (倒序) to the
 * lexicon as a GM_LEX_REVERSED entry naming its term (reversed.h).  The
 * entries go through gm_lexicon_parse like any list, so the reversed form
 * is normalised and merged the same way; lexscan.c reports a hit on one as
 * its term, "via":"reversed".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/normalize.h"
#include "check/reversed.h"

/* A CJK unified ideograph (the basic block and extension A). */
static int han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

/* A term to add backwards: all Chinese, long enough, no repeat, and its
 * reversal no term itself (簇锦团花 beside 花团锦簇; a palindrome). */
static int eligible(const gm_lexicon *lx, const gm_term *t)
{
    if (t->allow != GM_LEX_TERMS || t->len < GM_REVERSED_MIN || t->runs)
        return 0;
    uint32_t back[GM_TERM_MAX];
    for (uint32_t i = 0; i < t->len; i++) {
        if (!han(t->norm[i]))
            return 0;
        back[i] = t->norm[t->len - 1 - i];
    }
    return !gm_lexicon_has(lx, back, t->len, GM_LEX_TERMS);
}

/* "reversed<TAB>category<TAB>severity\n" of t at buf; the bytes written. */
static size_t put_line(char *buf, const gm_term *t)
{
    size_t n = 0;
    for (uint32_t i = t->len; i-- > 0;)
        n += gm_utf8_put(buf + n, t->norm[i]);
    n += (size_t)sprintf(buf + n, "\t%s\t%s\n", t->category,
                         t->severity == GM_SEV_WARN ? "warn" : "block");
    return n;
}

/* 1 when r is t read backwards. */
static int reverses(const gm_lexicon *lx, const gm_term *r, const gm_term *t)
{
    if (!eligible(lx, t) || t->len != r->len)
        return 0;
    for (uint32_t i = 0; i < t->len; i++)
        if (t->norm[i] != r->norm[t->len - 1 - i])
            return 0;
    return 1;
}

/* Points each new entry (from first on) at the term it reverses: the
 * entries follow the terms' order, and a merged duplicate only drops one.
 * An entry that normalised to something else names no term (UINT32_MAX). */
static void link_terms(gm_lexicon *lx, size_t terms, size_t first)
{
    size_t k = 0;
    for (size_t j = first; j < lx->n; j++) {
        size_t at = k;
        while (at < terms && !reverses(lx, &lx->terms[j], &lx->terms[at]))
            at++;
        lx->terms[j].of = at < terms ? (uint32_t)at : UINT32_MAX;
        if (at < terms)
            k = at + 1;
    }
}

int gm_reversed_add(gm_lexicon *lx, gm_err *err)
{
    size_t terms = lx->n, len = 0;
    for (size_t i = 0; i < terms; i++)
        if (eligible(lx, &lx->terms[i]))
            len += lx->terms[i].len * 4 + strlen(lx->terms[i].category) + 8;
    if (len == 0)
        return 0;
    char *buf = malloc(len + 1);
    if (!buf)
        return gm_fail(err, GM_E_NOMEM, "lexicon", "内存不足");
    len = 0;
    for (size_t i = 0; i < terms; i++)
        if (eligible(lx, &lx->terms[i]))
            len += put_line(buf + len, &lx->terms[i]);
    int rc = gm_lexicon_parse(lx, "lexicon (reversed terms)", buf, len, GM_LEX_REVERSED, err);
    free(buf);
    if (rc == 0)
        link_terms(lx, terms, terms);
    return rc;
}
