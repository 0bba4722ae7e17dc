/*
 * matcher_build.c - compiles a lexicon into the double-array Aho-Corasick
 * automaton described in matcher_int.h.
 *
 * Steps: (1) give every code point used by a term a symbol, most frequent
 * first, so busy nodes pack densely; (2) sort the terms' symbol strings and
 * lay the trie into the double array depth-first, first-fit (as darts
 * does); (3) breadth-first, compute failure and output links.
 */
#include "check/matcher_int.h"

#include <stdlib.h>
#include <string.h>

#include "check/normalize.h"

#define CELL_FREE (-1)
#define CP_LIMIT 0x110000u

typedef struct kid {
    int32_t sym;
    uint32_t lo, hi;
} kid;

typedef struct edge {
    int32_t sym, node;
} edge;

typedef struct builder {
    gm_matcher *m;
    const gm_lexicon *lx;
    int32_t *syms;      /* all terms' symbol strings, concatenated */
    size_t *soff;       /* per term offset into syms */
    uint32_t *order;    /* term indexes, sorted by symbol string */
    kid *kids;
    size_t nkids, kcap;
    edge *edges;
    size_t nedges, ecap;
    int32_t *edge_first, *edge_count;   /* per cell */
    int32_t *next_free, *prev_free;      /* per cell: list of free cells */
    int32_t free_head, free_tail;        /* -1 when empty */
    size_t wide_cursor;                  /* where wide nodes start looking */
    int32_t maxsym;
} builder;

int32_t gm_matcher_sym(const gm_matcher *m, uint32_t cp)
{
    size_t lo = 0, hi = m->nalpha;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->alpha[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->nalpha && m->alpha[lo].cp == cp ? m->alpha[lo].sym : 0;
}

static int by_count_desc(const void *a, const void *b, void *counts)
{
    uint32_t ca = ((uint32_t *)counts)[((const gm_alpha *)a)->cp];
    uint32_t cb = ((uint32_t *)counts)[((const gm_alpha *)b)->cp];
    if (ca != cb)
        return ca > cb ? -1 : 1;
    return ((const gm_alpha *)a)->cp < ((const gm_alpha *)b)->cp ? -1 : 1;
}

static int by_cp(const void *a, const void *b)
{
    uint32_t x = ((const gm_alpha *)a)->cp, y = ((const gm_alpha *)b)->cp;
    return x < y ? -1 : x > y;
}

/* Step 1: symbols, ordered by frequency; alpha ends up sorted by cp. */
static int assign_symbols(builder *b)
{
    gm_matcher *m = b->m;
    uint32_t *counts = calloc(CP_LIMIT, sizeof *counts);
    if (!counts)
        return GM_E_NOMEM;
    size_t total = 0;
    for (size_t t = 0; t < b->lx->n; t++)
        total += b->lx->terms[t].len;
    m->alpha = malloc((total ? total : 1) * sizeof *m->alpha);
    if (!m->alpha) {
        free(counts);
        return GM_E_NOMEM;
    }
    /* counts is touched only where terms have letters: the calloc'd pages
     * of the rest of the code space are never faulted in */
    for (size_t t = 0; t < b->lx->n; t++)
        for (uint32_t i = 0; i < b->lx->terms[t].len; i++)
            if (counts[b->lx->terms[t].norm[i]]++ == 0)
                m->alpha[m->nalpha++].cp = b->lx->terms[t].norm[i];
    qsort_r(m->alpha, m->nalpha, sizeof *m->alpha, by_count_desc, counts);
    for (size_t i = 0; i < m->nalpha; i++)
        m->alpha[i].sym = (int32_t)(i + 1);
    qsort(m->alpha, m->nalpha, sizeof *m->alpha, by_cp);
    free(counts);
    b->maxsym = (int32_t)m->nalpha;
    return 0;
}

static int fill_fused(gm_matcher *m)
{
    const uint32_t *bmp = gm_norm_bmp();
    m->fused = malloc(0x10000 * sizeof *m->fused);
    if (!m->fused)
        return GM_E_NOMEM;
    for (uint32_t cp = 0; cp < 0x10000; cp++) {
        uint32_t e = bmp[cp];
        m->fused[cp] = e == GM_NORM_NOISE    ? GM_SYM_NOISE
                       : e == GM_NORM_EXPAND ? GM_SYM_SLOW
                                             : gm_matcher_sym(m, e) * 2 + gm_is_latin(e);
    }
    return 0;
}

static int term_strings(builder *b)
{
    size_t n = b->lx->n, total = 0;
    b->soff = malloc((n + 1) * sizeof *b->soff);
    b->order = malloc((n ? n : 1) * sizeof *b->order);
    for (size_t t = 0; t < n; t++)
        total += b->lx->terms[t].len;
    b->syms = malloc((total ? total : 1) * sizeof *b->syms);
    if (!b->soff || !b->order || !b->syms)
        return GM_E_NOMEM;
    size_t off = 0;
    for (size_t t = 0; t < n; t++) {
        b->soff[t] = off;
        b->order[t] = (uint32_t)t;
        for (uint32_t i = 0; i < b->lx->terms[t].len; i++)
            b->syms[off++] = gm_matcher_sym(b->m, b->lx->terms[t].norm[i]);
    }
    b->soff[n] = off;
    return 0;
}

static int by_symbols(const void *a, const void *b, void *ctx)
{
    const builder *bd = ctx;
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    const int32_t *sx = bd->syms + bd->soff[x], *sy = bd->syms + bd->soff[y];
    uint32_t lx = bd->lx->terms[x].len, ly = bd->lx->terms[y].len;
    for (uint32_t i = 0; i < lx && i < ly; i++)
        if (sx[i] != sy[i])
            return sx[i] < sy[i] ? -1 : 1;
    if (lx != ly)
        return lx < ly ? -1 : 1;
    return x < y ? -1 : x > y;
}

static int grow_cells(builder *b, size_t need)
{
    gm_matcher *m = b->m;
    if (need <= m->size)
        return 0;
    size_t ns = m->size ? m->size : 1024;
    while (ns < need)
        ns *= 2;
    void *grown;
    /* Each array keeps its old block when realloc fails, so the builder
     * can still be freed; the size is raised only when all have grown. */
#define GROW_TO(p, n) ((grown = realloc((p), (n) * sizeof *(p))) != NULL ? ((p) = grown, 0) : -1)
    if (GROW_TO(m->cell, ns) || GROW_TO(m->term_head, ns) || GROW_TO(b->edge_first, ns) ||
        GROW_TO(b->edge_count, ns) || GROW_TO(b->next_free, ns) || GROW_TO(b->prev_free, ns))
        return GM_E_NOMEM;
#undef GROW_TO
    for (size_t i = m->size; i < ns; i++) {
        m->cell[i] = (gm_cell){0, CELL_FREE, 0, -1};
        m->term_head[i] = -1;
        b->edge_first[i] = -1;
        b->edge_count[i] = 0;
        b->next_free[i] = -1;
        b->prev_free[i] = b->free_tail;
        if (b->free_tail >= 0)
            b->next_free[b->free_tail] = (int32_t)i;
        else
            b->free_head = (int32_t)i;
        b->free_tail = (int32_t)i;
    }
    m->size = ns;
    return 0;
}

/* Marks cell i used by parent (takes it off the free list). */
static void take_cell(builder *b, int32_t i, int32_t parent)
{
    b->m->cell[i].check = parent;
    int32_t n = b->next_free[i], p = b->prev_free[i];
    if (p >= 0)
        b->next_free[p] = n;
    else
        b->free_head = n;
    if (n >= 0)
        b->prev_free[n] = p;
    else
        b->free_tail = p;
}

static int kids_fit(const builder *b, size_t k0, size_t nk, size_t base)
{
    for (size_t q = k0; q < k0 + nk; q++)
        if (b->m->cell[base + (size_t)b->kids[q].sym].check != CELL_FREE)
            return 0;
    return 1;
}

#define WIDE_NODE 8

static int32_t first_free_from(const builder *b, size_t i)
{
    for (; i < b->m->size; i++)
        if (b->m->cell[i].check == CELL_FREE)
            return (int32_t)i;
    return -1;
}

/* First-fit search, over the free list, for a base where every child's
 * cell is free.  Nodes with many children rarely fit into the densely
 * packed low cells, so they start where the last wide node was placed:
 * that keeps the build close to linear at a small cost in density. */
static int64_t find_base(builder *b, size_t k0, size_t nk)
{
    int32_t c0 = b->kids[k0].sym;
    int wide = nk >= WIDE_NODE;
    int32_t pos = wide ? first_free_from(b, b->wide_cursor) : b->free_head;
    for (;;) {
        if (pos < 0) {
            size_t old = b->m->size;
            if (grow_cells(b, old * 2) != 0)
                return -1;
            pos = (int32_t)old;
        }
        if (pos > c0) {
            size_t base = (size_t)(pos - c0);
            if (base + (size_t)b->maxsym + 2 > b->m->size &&
                grow_cells(b, base + (size_t)b->maxsym + 2) != 0)
                return -1;
            if (kids_fit(b, k0, nk, base)) {
                if (wide)
                    b->wide_cursor = (size_t)pos;
                return (int64_t)base;
            }
        }
        pos = b->next_free[pos];
    }
}

static int push_kid(builder *b, kid k)
{
    if (b->nkids == b->kcap) {
        size_t cap = b->kcap ? b->kcap * 2 : 256;
        kid *grown = realloc(b->kids, cap * sizeof *grown);
        if (!grown)
            return GM_E_NOMEM;
        b->kids = grown;
        b->kcap = cap;
    }
    b->kids[b->nkids++] = k;
    return 0;
}

static int push_edge(builder *b, int32_t sym, int32_t node)
{
    if (b->nedges == b->ecap) {
        size_t cap = b->ecap ? b->ecap * 2 : 1024;
        edge *grown = realloc(b->edges, cap * sizeof *grown);
        if (!grown)
            return GM_E_NOMEM;
        b->edges = grown;
        b->ecap = cap;
    }
    b->edges[b->nedges++] = (edge){sym, node};
    return 0;
}

/* Lays out node (holding terms order[lo..hi), all sharing depth symbols). */
static int place_node(builder *b, int32_t node, uint32_t lo, uint32_t hi, uint32_t depth)
{
    gm_matcher *m = b->m;
    uint32_t i = lo;
    for (; i < hi && b->lx->terms[b->order[i]].len == depth; i++) {
        m->term_next[b->order[i]] = m->term_head[node];
        m->term_head[node] = (int32_t)b->order[i];
    }
    size_t k0 = b->nkids;
    while (i < hi) {
        int32_t s = b->syms[b->soff[b->order[i]] + depth];
        uint32_t j = i + 1;
        while (j < hi && b->syms[b->soff[b->order[j]] + depth] == s)
            j++;
        if (push_kid(b, (kid){s, i, j}) != 0)
            return GM_E_NOMEM;
        i = j;
    }
    size_t nk = b->nkids - k0;
    if (nk == 0)
        return 0;
    int64_t base = find_base(b, k0, nk);
    if (base < 0)
        return GM_E_NOMEM;
    m->cell[node].base = (int32_t)base;
    b->edge_first[node] = (int32_t)b->nedges;
    b->edge_count[node] = (int32_t)nk;
    for (size_t q = k0; q < k0 + nk; q++) {
        int32_t child = (int32_t)base + b->kids[q].sym;
        take_cell(b, child, node);
        if (push_edge(b, b->kids[q].sym, child) != 0)
            return GM_E_NOMEM;
    }
    for (size_t q = k0; q < k0 + nk; q++) {
        kid k = b->kids[q];
        int rc = place_node(b, (int32_t)base + k.sym, k.lo, k.hi, depth + 1);
        if (rc)
            return rc;
    }
    b->nkids = k0;
    return 0;
}

/* Step 3: breadth-first failure and output links. */
static int link_failures(builder *b)
{
    gm_matcher *m = b->m;
    m->root_next = calloc((size_t)b->maxsym + 1, sizeof *m->root_next);
    m->dict = malloc(m->size * sizeof *m->dict);
    int32_t *queue = malloc((b->nedges + 1) * sizeof *queue);
    if (!m->root_next || !m->dict || !queue) {
        free(queue);
        return GM_E_NOMEM;
    }
    for (int32_t e = 0; e < b->edge_count[0]; e++)
        m->root_next[b->edges[b->edge_first[0] + e].sym] = b->edges[b->edge_first[0] + e].node;
    for (size_t i = 0; i < m->size; i++)
        m->dict[i] = -1;
    m->cell[0].fail = 0;
    m->cell[0].outs = -1;
    size_t head = 0, tail = 0;
    queue[tail++] = 0;
    while (head < tail) {
        int32_t u = queue[head++];
        for (int32_t e = 0; e < b->edge_count[u]; e++) {
            edge ed = b->edges[b->edge_first[u] + e];
            int32_t f = u == 0 ? 0 : gm_matcher_next(m, m->cell[u].fail, ed.sym);
            m->cell[ed.node].fail = f;
            m->dict[ed.node] = m->cell[f].outs;
            m->cell[ed.node].outs = m->term_head[ed.node] >= 0 ? ed.node : m->cell[f].outs;
            queue[tail++] = ed.node;
        }
    }
    m->nstates = tail;
    free(queue);
    return 0;
}

static int copy_term_info(gm_matcher *m, const gm_lexicon *lx)
{
    size_t n = lx->n ? lx->n : 1;
    m->nterms = lx->n;
    m->term_next = malloc(n * sizeof *m->term_next);
    m->term_len = malloc(n * sizeof *m->term_len);
    m->term_runs = calloc(n, sizeof *m->term_runs);
    m->term_latin = calloc(n, 1);
    if (!m->term_next || !m->term_len || !m->term_runs || !m->term_latin)
        return GM_E_NOMEM;
    for (size_t t = 0; t < lx->n; t++) {
        m->term_len[t] = lx->terms[t].len;
        m->term_latin[t] = 1;
        for (uint32_t i = 0; i < lx->terms[t].len; i++)
            m->term_latin[t] &= (uint8_t)gm_is_latin(lx->terms[t].norm[i]);
        if (lx->terms[t].runs) {
            m->term_runs[t] = malloc(lx->terms[t].len);
            if (!m->term_runs[t])
                return GM_E_NOMEM;
            memcpy(m->term_runs[t], lx->terms[t].runs, lx->terms[t].len);
        }
    }
    return 0;
}

static int build_all(builder *b)
{
    int rc = assign_symbols(b);
    if (!rc)
        rc = fill_fused(b->m);
    if (!rc)
        rc = copy_term_info(b->m, b->lx);
    if (!rc)
        rc = term_strings(b);
    if (rc)
        return rc;
    qsort_r(b->order, b->lx->n, sizeof *b->order, by_symbols, b);
    b->free_head = b->free_tail = -1;
    if (grow_cells(b, (size_t)b->maxsym + 2) != 0)
        return GM_E_NOMEM;
    take_cell(b, 0, 0);   /* the root's cell */
    rc = place_node(b, 0, 0, (uint32_t)b->lx->n, 0);
    return rc ? rc : link_failures(b);
}

int gm_matcher_build(gm_matcher **out, const gm_lexicon *lx, gm_err *err)
{
    int rc = gm_norm_init(err);
    if (rc)
        return rc;
    gm_matcher *m = calloc(1, sizeof *m);
    if (!m)
        return gm_fail(err, GM_E_NOMEM, "lexicon", "内存不足");
    builder b = {.m = m, .lx = lx};
    rc = build_all(&b);
    free(b.syms);
    free(b.soff);
    free(b.order);
    free(b.kids);
    free(b.edges);
    free(b.edge_first);
    free(b.edge_count);
    free(b.next_free);
    free(b.prev_free);
    if (rc) {
        gm_matcher_free(m);
        return gm_fail(err, GM_E_NOMEM, "lexicon", "内存不足，无法编译词库");
    }
    *out = m;
    return 0;
}

void gm_matcher_free(gm_matcher *m)
{
    if (!m)
        return;
    for (size_t t = 0; m->term_runs && t < m->nterms; t++)
        free(m->term_runs[t]);
    free(m->term_runs);
    free(m->term_latin);
    free(m->fused);
    free(m->alpha);
    free(m->cell);
    free(m->dict);
    free(m->term_head);
    free(m->term_next);
    free(m->term_len);
    free(m->root_next);
    free(m);
}

size_t gm_matcher_memory(const gm_matcher *m)
{
    size_t bytes = sizeof *m + 0x10000 * sizeof *m->fused + m->nalpha * sizeof *m->alpha;
    bytes += m->size * (sizeof *m->cell + sizeof *m->dict + sizeof *m->term_head);
    bytes += m->nterms * (sizeof *m->term_next + sizeof *m->term_len + sizeof *m->term_runs + 1);
    for (size_t t = 0; t < m->nterms; t++)
        bytes += m->term_runs[t] ? m->term_len[t] : 0;
    return bytes + ((size_t)m->nalpha + 1) * sizeof *m->root_next;
}

size_t gm_matcher_states(const gm_matcher *m)
{
    return m->nstates;
}
