/*
 * grow.h - growing a malloc'd array by doubling, the one pattern every
 * list built row by row uses:
 *
 *     item *v = NULL; size_t n = 0, cap = 0;
 *     if (gm_grow((void **)&v, &cap, n + 1, sizeof *v)) return nomem;
 *     v[n++] = ...;
 */
#ifndef GM_GROW_H
#define GM_GROW_H

#include <stddef.h>

/* Makes room for at least `need` elements of `size` bytes in *arr
 * (capacity *cap, doubled, at least 16); 0 on success, -1 when out of
 * memory (then *arr is unchanged). */
int gm_grow(void **arr, size_t *cap, size_t need, size_t size);

#endif
