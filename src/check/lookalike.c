/*
 * lookalike.c - look-ups in the generated stand-in tables (see
 * lookalike_data.h): a binary search over each sorted table.
 */
#include <stddef.h>

#include "check/lookalike_data.h"

const gm_la_pair *gm_la_find(const gm_la_pair *v, unsigned n, unsigned cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid].cp < cp)
            lo = mid + 1;
        else if (v[mid].cp > cp)
            hi = mid;
        else
            return &v[mid];
    }
    return NULL;
}
