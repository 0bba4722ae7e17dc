/*
 * list_page.h - search, sort and paging of a list reply on the server, for
 * the console's tables.
 *
 * A list handler that already holds every row the caller may see (a JSON
 * array, visibility decided row by row) declares LIST_PAGE_QUERY among its
 * query parameters, reads them with list_page_read() and answers with
 * list_page_reply():
 *   q          words matched (substring, case-sensitive) against search_keys
 *   sort       a key of the rows (one of the declared choices), order asc|desc
 *   page       1-based, with page_size (1..500; default: every row)
 * The reply is {"<list_key>":[the page], "total":N, "page":P, "page_size":S};
 * without page/page_size every matching row comes back, as before.
 * A list whose rows are not jansson objects (the account list keeps each
 * entry as JSON text) uses list_page_write() with a field reader and a row
 * writer instead; the search and sort rules are util/list_select.h's.
 */
#ifndef GM_HTTP_LIST_PAGE_H
#define GM_HTTP_LIST_PAGE_H

#include <jansson.h>
#include "http/query.h"
#include "util/json_text.h"
#include "util/list_select.h"

#define LIST_PAGE_MAX 500

/* The five parameters; sorts is "key1|key2|...". */
#define LIST_PAGE_QUERY(sorts)                                                               \
    {"q", QP_TEXT, NULL}, {"sort", QP_ENUM, sorts}, {"order", QP_ENUM, "asc|desc"},         \
        {"page", QP_ID, NULL}, {"page_size", QP_ID, NULL}

typedef struct list_page {
    const char *q;          /* NULL: no search */
    const char *sort;       /* NULL: the handler's order */
    int desc;
    long long page;         /* 0: no paging */
    long long page_size;
} list_page;

/* Reads the parameters (after request_query()); 400 naming page_size when
 * above LIST_PAGE_MAX. */
int list_page_read(gm_request *r, list_page *p, gm_err *err);

/* Filters rows (stolen) by q over search_keys (NULL-terminated), sorts,
 * slices, and wraps: {"<list_key>":[...], "total", "page", "page_size"}. */
json_t *list_page_reply(json_t *rows, const list_page *p, const char *const *search_keys,
                        const char *list_key);

/* The same reply as text for n rows of any kind: value reads row i's
 * fields, write_row writes row i's JSON; GM_E_NOMEM when out of memory. */
typedef void (*list_row_writer)(json_text *out, const void *rows, size_t i);
int list_page_write(json_text *out, const void *rows, size_t n, list_value_fn value,
                    list_row_writer write_row, const list_page *p,
                    const char *const *search_keys, const char *list_key);

#endif
