/*
 * finding.c - the list of findings the rules append to (see finding.h).
 */
#include "check/finding.h"

#include <stdlib.h>
#include <string.h>

#include "util/gm_error.h"

static char *dup_or_null(const char *s, int *bad)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        *bad = 1;
    return d;
}

static void finding_free(gm_finding *f)
{
    free(f->category);
    free(f->term);
    free(f->match);
    free(f->replacement);
    free(f->message);
}

int gm_findings_add(gm_findings *fs, const gm_finding *f, size_t match_len)
{
    if (fs->n == fs->cap) {
        size_t cap = fs->cap ? fs->cap * 2 : 16;
        gm_finding *grown = realloc(fs->v, cap * sizeof *grown);
        if (!grown)
            return GM_E_NOMEM;
        fs->v = grown;
        fs->cap = cap;
    }
    int bad = 0;
    gm_finding c = *f;
    c.category = dup_or_null(f->category, &bad);
    c.term = dup_or_null(f->term, &bad);
    c.replacement = dup_or_null(f->replacement, &bad);
    c.message = dup_or_null(f->message, &bad);
    c.match = malloc(match_len + 1);
    if (c.match) {
        memcpy(c.match, f->match ? f->match : "", match_len);
        c.match[match_len] = '\0';
    }
    if (bad || !c.match) {
        finding_free(&c);
        return GM_E_NOMEM;
    }
    fs->v[fs->n++] = c;
    return 0;
}

static int cmp_finding(const void *a, const void *b)
{
    const gm_finding *x = a, *y = b;
    int c = strcmp(x->field, y->field);
    if (c)
        return c;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    c = strcmp(x->rule, y->rule);
    return c ? c : strcmp(x->term ? x->term : "", y->term ? y->term : "");
}

static int same_place(const gm_finding *x, const gm_finding *y)
{
    return strcmp(x->rule, "lexicon") == 0 && cmp_finding(x, y) == 0;
}

void gm_findings_sort(gm_findings *fs)
{
    if (fs->n == 0)
        return;
    qsort(fs->v, fs->n, sizeof *fs->v, cmp_finding);
    size_t w = 0;
    for (size_t r = 1; r < fs->n; r++) {
        if (same_place(&fs->v[w], &fs->v[r])) {
            if (fs->v[r].severity > fs->v[w].severity)
                fs->v[w].severity = fs->v[r].severity;
            finding_free(&fs->v[r]);
        } else {
            fs->v[++w] = fs->v[r];
        }
    }
    fs->n = w + 1;
}

void gm_findings_free(gm_findings *fs)
{
    for (size_t i = 0; i < fs->n; i++)
        finding_free(&fs->v[i]);
    free(fs->v);
    memset(fs, 0, sizeof *fs);
}

void gm_findings_keep(gm_findings *fs, size_t from, int (*keep)(void *ctx, const gm_finding *f),
                      void *ctx)
{
    size_t out = from;
    for (size_t i = from; i < fs->n; i++) {
        if (keep(ctx, &fs->v[i]))
            fs->v[out++] = fs->v[i];
        else
            finding_free(&fs->v[i]);
    }
    fs->n = out;
}
