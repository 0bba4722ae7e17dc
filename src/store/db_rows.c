/*
 * db_rows.c - query rows to JSON arrays (see db_rows.h).
 */
#include "store/db_rows.h"

static int append_all(db *d, json_t *arr, db_row_json_fn fn, gm_err *err, const char *sql,
                      const char *fmt, va_list ap)
{
    db_stmt *q;
    int rc = db_vquery(d, &q, err, sql, fmt, ap);
    if (rc)
        return rc;
    while ((rc = db_next(q)) == 1) {
        json_t *row = fn(q);
        if (!row || json_array_append_new(arr, row) != 0) {
            rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
            break;
        }
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

int db_append_rows(db *d, json_t *arr, db_row_json_fn fn, gm_err *err, const char *sql,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = append_all(d, arr, fn, err, sql, fmt, ap);
    va_end(ap);
    return rc;
}

int db_rows_json(db *d, json_t **out, db_row_json_fn fn, gm_err *err, const char *sql,
                 const char *fmt, ...)
{
    json_t *arr = json_array();
    if (!arr)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    va_list ap;
    va_start(ap, fmt);
    int rc = append_all(d, arr, fn, err, sql, fmt, ap);
    va_end(ap);
    if (rc) {
        json_decref(arr);
        return rc;
    }
    *out = arr;
    return GM_OK;
}
