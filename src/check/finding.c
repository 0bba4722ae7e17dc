/*
 * finding.c - the list of findings the rules append to (see finding.h).
 */
#include "check/finding.h"

#include <stdlib.h>
#include <string.h>

#include "util/gm_error.h"

/* A block of copied strings; blocks are chained, newest first. */
typedef struct gm_text_block {
    struct gm_text_block *next;
    size_t used, cap;
    char data[];
} gm_text_block;

enum { TEXT_BLOCK = 4096 };

/* Room for n bytes in fs's newest block (a new block when it is full). */
static char *text_room(gm_findings *fs, size_t n)
{
    gm_text_block *b = fs->text;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > TEXT_BLOCK ? n : TEXT_BLOCK;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = fs->text;
        b->used = 0;
        b->cap = cap;
        fs->text = b;
    }
    char *p = b->data + b->used;
    b->used += n;
    return p;
}

/* A copy of s[0..n) with a NUL after it, in fs's blocks. */
static char *copy_text(gm_findings *fs, const char *s, size_t n, int *bad)
{
    char *d = text_room(fs, n + 1);
    if (!d) {
        *bad = 1;
        return NULL;
    }
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static char *copy_or_null(gm_findings *fs, const char *s, int *bad)
{
    return s ? copy_text(fs, s, strlen(s), bad) : NULL;
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
    c.category = copy_or_null(fs, f->category, &bad);
    c.term = copy_or_null(fs, f->term, &bad);
    c.replacement = copy_or_null(fs, f->replacement, &bad);
    c.message = copy_or_null(fs, f->message, &bad);
    c.match = copy_text(fs, f->match ? f->match : "", match_len, &bad);
    if (bad)
        return GM_E_NOMEM;   /* what was copied stays in the blocks until freed */
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
        } else {
            fs->v[++w] = fs->v[r];
        }
    }
    fs->n = w + 1;
}

void gm_findings_free(gm_findings *fs)
{
    for (gm_text_block *b = fs->text, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(fs->v);
    memset(fs, 0, sizeof *fs);
}

void gm_findings_keep(gm_findings *fs, size_t from, int (*keep)(void *ctx, const gm_finding *f),
                      void *ctx)
{
    size_t out = from;
    for (size_t i = from; i < fs->n; i++) {
        if (keep(ctx, &fs->v[i]))   /* a dropped one's strings stay in the blocks */
            fs->v[out++] = fs->v[i];
    }
    fs->n = out;
}
