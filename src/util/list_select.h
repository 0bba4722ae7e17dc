/*
 * list_select.h - search and sort of a list's rows, whatever holds them
 * (jansson objects, or entries kept as JSON text like the account list's).
 *
 * The caller says how to read a field of row i (list_value_fn); the rules
 * are those of the console's tables (http/list_page.h):
 *   q     a row is kept when q is a substring (case-sensitive) of one of
 *         its search keys' string values;
 *   sort  by one field: numbers by value, strings by bytes (strcmp), null
 *         or missing values after everything else in either order; rows
 *         with equal (or incomparable) keys keep their order.
 */
#ifndef GM_LIST_SELECT_H
#define GM_LIST_SELECT_H

#include <jansson.h>
#include <stddef.h>

typedef enum { LV_MISSING, LV_NUMBER, LV_STRING, LV_OTHER } list_value_kind;

typedef struct list_value {
    list_value_kind kind;   /* LV_MISSING also for null; LV_OTHER: true, {...} */
    double num;
    const char *str;
} list_value;

typedef list_value (*list_value_fn)(const void *rows, size_t i, const char *key);

/* The indices of the rows kept by q (NULL: all), ordered by sort (NULL:
 * as they are; desc reverses); *kept their number.  malloc'd; NULL when out
 * of memory. */
size_t *list_select(const void *rows, size_t n, list_value_fn value, const char *q,
                    const char *const *search_keys, const char *sort, int desc, size_t *kept);

/* A field of a jansson object as a list value. */
list_value list_value_of_json(const json_t *row, const char *key);

#endif
