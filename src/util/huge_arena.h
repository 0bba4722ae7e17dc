/*
 * huge_arena.h - one block of memory for the tables of a large model that
 * is loaded once, read at random and freed as a whole (the 错别字 models:
 * word tables, bigram lists and filters, confusion sets).  The arena's
 * chunks are 2 MB aligned and advised MADV_HUGEPAGE, so with transparent
 * huge pages in "madvise" mode (Debian's default) a probe costs a cache
 * miss but seldom also a page-table walk; elsewhere it is ordinary memory.
 *
 *     gm_huge_arena *a = gm_huge_arena_new();
 *     float *v = gm_huge_arena_alloc(a, n, sizeof *v, 1);   // zeroed
 *     ...
 *     gm_huge_arena_free(a);                               // every block
 */
#ifndef GM_HUGE_ARENA_H
#define GM_HUGE_ARENA_H

#include <stddef.h>

typedef struct gm_huge_arena gm_huge_arena;

/* An empty arena; NULL when out of memory. */
gm_huge_arena *gm_huge_arena_new(void);

/* n * size bytes, 64-byte aligned, zeroed when zero is nonzero; NULL when
 * out of memory or on overflow.  Never freed alone. */
void *gm_huge_arena_alloc(gm_huge_arena *a, size_t n, size_t size, int zero);

/* Frees every block of the arena and the arena (NULL: nothing). */
void gm_huge_arena_free(gm_huge_arena *a);

/* Returns the heap's free pages to the system (glibc malloc_trim).  A big
 * file is read into the heap and freed after its tables were built in an
 * arena, so no later allocation reuses that space as it did when the
 * tables came from malloc: a loader calls this after freeing it (else the
 * process keeps ~10-20 MB more). */
void gm_heap_give_back(void);

#endif
