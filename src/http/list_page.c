/*
 * list_page.c - search, sort and paging of a list reply (see list_page.h).
 */
#include "http/list_page.h"

#include <stdlib.h>
#include <string.h>

int list_page_read(gm_request *r, list_page *p, gm_err *err)
{
    memset(p, 0, sizeof *p);
    p->q = request_arg(r, "q");
    if (p->q && !p->q[0])
        p->q = NULL;
    p->sort = request_arg(r, "sort");
    const char *order = request_arg(r, "order");
    p->desc = order && strcmp(order, "desc") == 0;
    int rc = request_arg_int(r, "page", 0, &p->page, err);
    if (!rc)
        rc = request_arg_int(r, "page_size", 0, &p->page_size, err);
    if (!rc && p->page_size > LIST_PAGE_MAX)
        rc = gm_fail(err, GM_E_INVALID, "page_size", "page_size 应在 1 到 %d 之间", LIST_PAGE_MAX);
    if (!rc && p->page && !p->page_size)
        p->page_size = 20;
    if (!rc && p->page_size && !p->page)
        p->page = 1;
    return rc;
}

static int matches(json_t *row, const char *q, const char *const *keys)
{
    for (size_t i = 0; keys && keys[i]; i++) {
        const char *v = json_string_value(json_object_get(row, keys[i]));
        if (v && strstr(v, q))
            return 1;
    }
    return 0;
}

typedef struct { json_t *row; size_t at; } sort_item;

/* Nulls and missing values sort after everything else in either order;
 * equal keys keep the handler's order (qsort is not stable: the index). */
static int compare_rows(const void *a, const void *b, void *arg)
{
    const list_page *p = arg;
    const sort_item *ia = a, *ib = b;
    json_t *x = json_object_get(ia->row, p->sort), *y = json_object_get(ib->row, p->sort);
    int xn = !x || json_is_null(x), yn = !y || json_is_null(y);
    int c = 0;
    if (xn || yn)
        c = xn - yn;
    else if (json_is_number(x) && json_is_number(y))
        c = json_number_value(x) < json_number_value(y)   ? -1
            : json_number_value(x) > json_number_value(y) ? 1
                                                          : 0;
    else if (json_is_string(x) && json_is_string(y))
        c = strcmp(json_string_value(x), json_string_value(y));
    if (c && p->desc && !xn && !yn)
        c = -c;
    return c ? c : (ia->at > ib->at) - (ia->at < ib->at);
}

static json_t *sorted(json_t *rows, const list_page *p)
{
    size_t n = json_array_size(rows);
    sort_item *v = malloc((n ? n : 1) * sizeof *v);
    json_t *out = json_array();
    if (!v || !out) {
        free(v);
        json_decref(out);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        v[i] = (sort_item){json_array_get(rows, i), i};
    if (p->sort)
        qsort_r(v, n, sizeof *v, compare_rows, (void *)p);
    for (size_t i = 0; i < n; i++)
        json_array_append(out, v[i].row);
    free(v);
    return out;
}

json_t *list_page_reply(json_t *rows, const list_page *p, const char *const *search_keys,
                        const char *list_key)
{
    json_t *kept = json_array(), *row;
    size_t i;
    json_array_foreach(rows, i, row)
        if (!p->q || matches(row, p->q, search_keys))
            json_array_append(kept, row);
    json_decref(rows);
    json_t *all = kept ? sorted(kept, p) : NULL;
    json_decref(kept);
    if (!all)
        return NULL;
    size_t total = json_array_size(all);
    json_t *page = all;
    if (p->page_size) {
        page = json_array();
        size_t from = (size_t)((p->page - 1) * p->page_size);
        for (size_t k = from; page && k < total && k < from + (size_t)p->page_size; k++)
            json_array_append(page, json_array_get(all, k));
        json_decref(all);
    }
    return json_pack("{s:o,s:I,s:I,s:I}", list_key, page, "total", (json_int_t)total, "page",
                     (json_int_t)(p->page ? p->page : 1), "page_size",
                     (json_int_t)(p->page_size ? p->page_size : (long long)total));
}
