/*
 * allow_filter.c - the allow list for rules other than the lexicon (see
 * gm_allow_filter in checker_int.h): a phrase an admin has allowed is never
 * a finding, whichever rule raised it.  The text is scanned for allow-list
 * occurrences only when the rule found something, so clean text costs
 * nothing extra.
 */
#include <stdlib.h>

#include "check/checker_int.h"

typedef struct spans {
    const gm_lexicon *lex;
    gm_hit *v;
    size_t n, cap;
    int nomem;
} spans;

static int on_allow(void *ctx, const gm_hit *h)
{
    spans *s = ctx;
    if (s->lex->terms[h->term].allow != GM_LEX_ALLOW)
        return 0;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 8;
        gm_hit *g = realloc(s->v, cap * sizeof *g);
        if (!g) {
            s->nomem = 1;
            return 1;
        }
        s->v = g;
        s->cap = cap;
    }
    s->v[s->n++] = *h;
    return 0;
}

/* Keep a finding unless an allow occurrence spans it. */
static int outside_allowed(void *ctx, const gm_finding *f)
{
    const spans *s = ctx;
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].cp_start <= f->start && s->v[i].cp_end >= f->end)
            return 0;
    return 1;
}

int gm_allow_filter(const gm_checker *c, const char *text, size_t len, gm_findings *fs,
                    size_t from, gm_err *err)
{
    if (fs->n == from || !c->m)
        return 0;
    spans s = {.lex = &c->lex};
    int rc = gm_matcher_scan(c->m, text, len, on_allow, &s, err);
    if (!rc && s.nomem)
        rc = gm_fail(err, GM_E_NOMEM, "", "内存不足");
    if (!rc && s.n)
        gm_findings_keep(fs, from, outside_allowed, &s);
    free(s.v);
    return rc;
}
