/*
 * list_select.c - search and sort of list rows (see list_select.h).
 */
#include "util/list_select.h"

#include <stdlib.h>
#include <string.h>

list_value list_value_of_json(const json_t *row, const char *key)
{
    const json_t *v = json_object_get(row, key);
    if (!v || json_is_null(v))
        return (list_value){.kind = LV_MISSING};
    if (json_is_number(v))
        return (list_value){.kind = LV_NUMBER, .num = json_number_value(v)};
    if (json_is_string(v))
        return (list_value){.kind = LV_STRING, .str = json_string_value(v)};
    return (list_value){.kind = LV_OTHER};
}

static int matches(const void *rows, size_t i, list_value_fn value, const char *q,
                   const char *const *keys)
{
    for (size_t k = 0; keys && keys[k]; k++) {
        list_value v = value(rows, i, keys[k]);
        if (v.kind == LV_STRING && strstr(v.str, q))
            return 1;
    }
    return 0;
}

typedef struct sort_item {
    list_value key;
    size_t at;
} sort_item;

static int compare_items(const void *a, const void *b, void *arg)
{
    const int desc = *(const int *)arg;
    const sort_item *ia = a, *ib = b;
    const list_value *x = &ia->key, *y = &ib->key;
    int xn = x->kind == LV_MISSING, yn = y->kind == LV_MISSING;
    int c = 0;
    if (xn || yn)
        c = xn - yn;
    else if (x->kind == LV_NUMBER && y->kind == LV_NUMBER)
        c = x->num < y->num ? -1 : x->num > y->num ? 1 : 0;
    else if (x->kind == LV_STRING && y->kind == LV_STRING)
        c = strcmp(x->str, y->str);
    if (c && desc && !xn && !yn)
        c = -c;
    return c ? c : (ia->at > ib->at) - (ia->at < ib->at);
}

/* Sorts the kept indices by the sort key, each row's key read once. */
static int sort_kept(const void *rows, size_t *kept, size_t n, list_value_fn value,
                     const char *sort, int desc)
{
    sort_item *v = malloc((n ? n : 1) * sizeof *v);
    if (!v)
        return -1;
    for (size_t i = 0; i < n; i++)
        v[i] = (sort_item){value(rows, kept[i], sort), kept[i]};
    qsort_r(v, n, sizeof *v, compare_items, &desc);
    for (size_t i = 0; i < n; i++)
        kept[i] = v[i].at;
    free(v);
    return 0;
}

size_t *list_select(const void *rows, size_t n, list_value_fn value, const char *q,
                    const char *const *search_keys, const char *sort, int desc, size_t *kept)
{
    size_t *idx = malloc((n ? n : 1) * sizeof *idx), k = 0;
    if (!idx)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (!q || matches(rows, i, value, q, search_keys))
            idx[k++] = i;
    if (sort && sort_kept(rows, idx, k, value, sort, desc)) {
        free(idx);
        return NULL;
    }
    *kept = k;
    return idx;
}
