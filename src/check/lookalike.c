/*
 * lookalike.c - look-ups in the generated stand-in tables (see
 * lookalike_data.h): stdlib bsearch over each sorted table.
 */
#include <stdlib.h>

#include "check/lookalike_data.h"

static int by_cp(const void *key, const void *e)
{
    unsigned cp = *(const unsigned *)key, x = ((const gm_la_pair *)e)->cp;
    return cp < x ? -1 : cp > x;
}

static int by_value(const void *key, const void *e)
{
    unsigned cp = *(const unsigned *)key, x = *(const unsigned *)e;
    return cp < x ? -1 : cp > x;
}

static int by_letters(const void *key, const void *e)
{
    unsigned long long k = *(const unsigned long long *)key;
    unsigned long long x = ((const gm_la_zhuyin_pair *)e)->key;
    return k < x ? -1 : k > x;
}

const gm_la_pair *gm_la_find(const gm_la_pair *v, unsigned n, unsigned cp)
{
    return bsearch(&cp, v, n, sizeof *v, by_cp);
}

const char *gm_la_zhuyin_find(unsigned long long key)
{
    const gm_la_zhuyin_pair *p =
        bsearch(&key, gm_la_zhuyin, gm_la_zhuyin_count, sizeof *p, by_letters);
    return p ? p->pinyin : NULL;
}

int gm_la_separator(unsigned cp)
{
    return bsearch(&cp, gm_la_separators, gm_la_separators_count, sizeof cp, by_value) != NULL;
}
