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
        rc = gm_fail(err, GM_E_INVALID, "page_size", "每页条数应在 1 到 %d 之间", LIST_PAGE_MAX);
    if (!rc && p->page && !p->page_size)
        p->page_size = 20;
    if (!rc && p->page_size && !p->page)
        p->page = 1;
    return rc;
}

/* The slice [*from, *to) of the `total` selected rows that p's page shows. */
static void page_slice(const list_page *p, size_t total, size_t *from, size_t *to)
{
    *from = 0;
    *to = total;
    if (!p->page_size)
        return;
    size_t size = (size_t)p->page_size, before = (size_t)(p->page - 1);
    *from = before > total / size ? total : before * size;   /* no overflow on a huge page */
    *to = total - *from < size ? total : *from + size;
}

static long long shown_page(const list_page *p) { return p->page ? p->page : 1; }

static long long shown_page_size(const list_page *p, size_t total)
{
    return p->page_size ? p->page_size : (long long)total;
}

static list_value json_row_value(const void *rows, size_t i, const char *key)
{
    return list_value_of_json(json_array_get(rows, i), key);
}

json_t *list_page_reply(json_t *rows, const list_page *p, const char *const *search_keys,
                        const char *list_key)
{
    size_t total, from, to;
    size_t *idx = list_select(rows, json_array_size(rows), json_row_value, p->q, search_keys,
                              p->sort, p->desc, &total);
    json_t *page = idx ? json_array() : NULL;
    if (page) {
        page_slice(p, total, &from, &to);
        for (size_t k = from; k < to; k++)
            json_array_append(page, json_array_get(rows, idx[k]));
    }
    free(idx);
    json_decref(rows);
    if (!page)
        return NULL;
    return json_pack("{s:o,s:I,s:I,s:I}", list_key, page, "total", (json_int_t)total, "page",
                     (json_int_t)shown_page(p), "page_size",
                     (json_int_t)shown_page_size(p, total));
}

int list_page_write(json_text *out, const void *rows, size_t n, list_value_fn value,
                    list_row_writer write_row, const list_page *p,
                    const char *const *search_keys, const char *list_key)
{
    size_t total, from, to;
    size_t *idx = list_select(rows, n, value, p->q, search_keys, p->sort, p->desc, &total);
    if (!idx)
        return GM_E_NOMEM;
    page_slice(p, total, &from, &to);
    JT_LIT(out, "{");
    jt_string(out, list_key);
    JT_LIT(out, ":[");
    for (size_t k = from; k < to; k++) {
        if (k > from)
            JT_LIT(out, ",");
        write_row(out, rows, idx[k]);
    }
    JT_LIT(out, "],\"total\":");
    jt_int(out, (long long)total);
    JT_LIT(out, ",\"page\":");
    jt_int(out, shown_page(p));
    JT_LIT(out, ",\"page_size\":");
    jt_int(out, shown_page_size(p, total));
    JT_LIT(out, "}");
    free(idx);
    return out->bad ? GM_E_NOMEM : GM_OK;
}
