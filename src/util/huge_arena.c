/*
 * huge_arena.c - a bump allocator over 2 MB aligned chunks advised
 * MADV_HUGEPAGE (see huge_arena.h).  Small blocks share a chunk; a block
 * larger than a chunk gets one of its own, rounded up to 2 MB.  Measured
 * in bench/check/README.md: the 错别字 detector waits on memory, and with
 * its ~70 MB of tables in 4 KB pages most probes also missed the TLB.
 */
#define _DEFAULT_SOURCE
#include "util/huge_arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define HUGE_PAGE ((size_t)2 << 20)
#define CHUNK ((size_t)4 << 20)   /* of small blocks */
#define ALIGN ((size_t)64)

typedef struct chunk {
    struct chunk *next;
    char *base;
    size_t used, cap;
} chunk;

struct gm_huge_arena {
    chunk *head;                   /* the chunk small blocks are cut from first */
};

gm_huge_arena *gm_huge_arena_new(void)
{
    return calloc(1, sizeof(gm_huge_arena));
}

/* A chunk of at least bytes, 2 MB aligned and rounded, advised for huge pages. */
static chunk *chunk_new(size_t bytes)
{
    size_t cap = (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    chunk *c = malloc(sizeof *c);
    void *base = NULL;
    if (!c || posix_memalign(&base, HUGE_PAGE, cap) != 0) {
        free(c);
        return NULL;
    }
#ifdef MADV_HUGEPAGE
    (void)madvise(base, cap, MADV_HUGEPAGE);   /* advice only: ignored where unsupported */
#endif
    *c = (chunk){NULL, base, 0, cap};
    return c;
}

void *gm_huge_arena_alloc(gm_huge_arena *a, size_t n, size_t size, int zero)
{
    if (size && n > (SIZE_MAX - ALIGN) / size)
        return NULL;
    size_t bytes = (n * size + ALIGN - 1) & ~(ALIGN - 1);
    bytes = bytes ? bytes : ALIGN;
    chunk *c = a->head;
    if (!c || c->cap - c->used < bytes) {
        c = chunk_new(bytes > CHUNK ? bytes : CHUNK);
        if (!c)
            return NULL;
        if (bytes > CHUNK && a->head) {      /* a large block: keep cutting from the head */
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = a->head;
            a->head = c;
        }
    }
    char *p = c->base + c->used;
    c->used += bytes;
    if (zero)
        memset(p, 0, bytes);
    return p;
}

void gm_huge_arena_free(gm_huge_arena *a)
{
    if (!a)
        return;
    for (chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c->base);
        free(c);
    }
    free(a);
}
