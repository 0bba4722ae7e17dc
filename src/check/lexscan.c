/*
 * lexscan.c - turns matcher hits into lexicon findings, applying the allow
 * list: a hit is dropped when an allow-list occurrence covers it (in the
 * normalised element positions, so "禁 止 赌 博" still covers "赌博").
 */
#include <stdlib.h>
#include <string.h>

#include "check/checker_int.h"

typedef struct hitvec {
    gm_hit *v;
    size_t n, cap;
} hitvec;

typedef struct collect {
    const gm_lexicon *lex;
    hitvec block, allow;
    int nomem;
} collect;

static int push(hitvec *hv, const gm_hit *h)
{
    if (hv->n == hv->cap) {
        size_t cap = hv->cap ? hv->cap * 2 : 32;
        gm_hit *grown = realloc(hv->v, cap * sizeof *grown);
        if (!grown)
            return GM_E_NOMEM;
        hv->v = grown;
        hv->cap = cap;
    }
    hv->v[hv->n++] = *h;
    return 0;
}

static int on_hit(void *ctx, const gm_hit *h)
{
    collect *c = ctx;
    hitvec *hv = c->lex->terms[h->term].allow ? &c->allow : &c->block;
    c->nomem = push(hv, h) != 0;
    return c->nomem;
}

static int by_first(const void *a, const void *b)
{
    size_t x = ((const gm_hit *)a)->el_first, y = ((const gm_hit *)b)->el_first;
    return x < y ? -1 : x > y;
}

/* Sorts allow hits by first element and turns el_last into a running
 * maximum, so "is [s,e] covered" is one binary search. */
static void prepare_allow(hitvec *a)
{
    if (a->n == 0)
        return;
    qsort(a->v, a->n, sizeof *a->v, by_first);
    for (size_t i = 1; i < a->n; i++)
        if (a->v[i].el_last < a->v[i - 1].el_last)
            a->v[i].el_last = a->v[i - 1].el_last;
}

static int covered(const hitvec *a, const gm_hit *h)
{
    size_t lo = 0, hi = a->n;   /* first allow hit starting after h */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a->v[mid].el_first <= h->el_first)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && a->v[lo - 1].el_last >= h->el_last;
}

static int add_finding(const gm_lexicon *lex, const char *text, const char *field,
                       const gm_hit *h, gm_findings *fs)
{
    const gm_term *t = &lex->terms[h->term];
    gm_finding f = {.rule = "lexicon", .field = field, .category = t->category,
                    .severity = t->severity, .term = t->text, .match = (char *)text + h->b_start,
                    .start = h->cp_start, .end = h->cp_end, .b_start = h->b_start,
                    .b_end = h->b_end};
    return gm_findings_add(fs, &f, h->b_end - h->b_start);
}

int gm_lexicon_findings(const gm_checker *c, const char *text, size_t len, const char *field,
                        gm_findings *fs, gm_err *err)
{
    collect col = {.lex = &c->lex};
    int rc = gm_matcher_scan(c->m, text, len, on_hit, &col, err);
    if (rc == 0 && col.nomem)
        rc = gm_fail(err, GM_E_NOMEM, field, "内存不足");
    if (rc == 0) {
        prepare_allow(&col.allow);
        for (size_t i = 0; i < col.block.n && rc == 0; i++)
            if (!covered(&col.allow, &col.block.v[i]) &&
                add_finding(&c->lex, text, field, &col.block.v[i], fs) != 0)
                rc = gm_fail(err, GM_E_NOMEM, field, "内存不足");
    }
    free(col.block.v);
    free(col.allow.v);
    return rc;
}
