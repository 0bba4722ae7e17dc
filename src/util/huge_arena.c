/*
 * huge_arena.c - a bump allocator over 2 MB aligned chunks advised
 * MADV_HUGEPAGE (see huge_arena.h).  A block goes into the first chunk
 * with room (so a huge page is seldom left mostly empty), else into a new
 * chunk of one huge page, or of its own size rounded up to 2 MB.  Measured
 * in bench/check/README.md: the 错别字 detector waits on memory, and with
 * its ~70 MB of tables in 4 KB pages most probes also missed the TLB.
 */
#define _DEFAULT_SOURCE
#include "util/huge_arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#define HUGE_PAGE ((size_t)2 << 20)
#define ALIGN ((size_t)64)

typedef struct chunk {
    struct chunk *next;
    char *base;
    size_t used, cap;
} chunk;

struct gm_huge_arena {
    chunk *head;
};

gm_huge_arena *gm_huge_arena_new(void)
{
    return calloc(1, sizeof(gm_huge_arena));
}

/* cap bytes of fresh zero pages at a 2 MB boundary: a mapping one huge
 * page longer, its unaligned ends unmapped. */
static char *map_aligned(size_t cap)
{
    char *m = mmap(NULL, cap + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                   -1, 0);
    if (m == MAP_FAILED)
        return NULL;
    size_t head = (HUGE_PAGE - (uintptr_t)m % HUGE_PAGE) % HUGE_PAGE;
    if (head)
        munmap(m, head);
    if (HUGE_PAGE - head)
        munmap(m + head + cap, HUGE_PAGE - head);
    return m + head;
}

/* A chunk of at least bytes, rounded up to 2 MB, advised for huge pages. */
static chunk *chunk_new(size_t bytes)
{
    size_t cap = (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    chunk *c = malloc(sizeof *c);
    char *base = c ? map_aligned(cap) : NULL;
    if (!base) {
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
    while (c && c->cap - c->used < bytes)
        c = c->next;
    if (!c) {
        if (!(c = chunk_new(bytes)))
            return NULL;
        c->next = a->head;
        a->head = c;
    }
    char *p = c->base + c->used;
    c->used += bytes;
    (void)zero;                    /* fresh mapped pages are zero, and no block is reused */
    return p;
}

void gm_huge_arena_free(gm_huge_arena *a)
{
    if (!a)
        return;
    for (chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        munmap(c->base, c->cap);
        free(c);
    }
    free(a);
}

void gm_heap_give_back(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
