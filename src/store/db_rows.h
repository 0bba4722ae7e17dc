/*
 * db_rows.h - turning the rows of a query into a JSON array, the shape in
 * which every list leaves the store.
 */
#ifndef GM_DB_ROWS_H
#define GM_DB_ROWS_H

#include <jansson.h>
#include "store/db.h"

/* Builds one JSON value from the current row (NULL: out of memory). */
typedef json_t *(*db_row_json_fn)(db_stmt *q);

/* Runs the query and appends fn(row) to arr for every row. */
int db_append_rows(db *d, json_t *arr, db_row_json_fn fn, gm_err *err, const char *sql,
                   const char *fmt, ...);

/* The same into a new array: *out is set only on success. */
int db_rows_json(db *d, json_t **out, db_row_json_fn fn, gm_err *err, const char *sql,
                 const char *fmt, ...);

#endif
