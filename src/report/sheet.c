/*
 * sheet.c - building report sheets and their CSV form (see table.h).
 */
#include "report/sheet.h"
#include "core/instant.h"
#include "util/csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int sheet_init(gm_sheet *t, const char *title, gm_err *err)
{
    memset(t, 0, sizeof *t);
    t->title = title;
    t->rows = json_array();
    return t->rows ? GM_OK : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
}

void sheet_add_col(gm_sheet *t, const char *header, gm_col_type type)
{
    if (t->n_cols < GM_SHEET_MAX_COLS)
        t->cols[t->n_cols++] = (gm_column){header, type};
}

int sheet_add_row(gm_sheet *t, json_t *row, gm_err *err)
{
    if (!row || json_array_append_new(t->rows, row))
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    return GM_OK;
}

void sheet_free(gm_sheet *t)
{
    json_decref(t->rows);
    t->rows = NULL;
}

int sheet_from_objects(gm_sheet *t, const char *title, const gm_field *fields, size_t n,
                       const json_t *objs, gm_err *err)
{
    int rc = sheet_init(t, title, err);
    for (size_t k = 0; k < n; k++)
        sheet_add_col(t, fields[k].header, fields[k].type);
    size_t i;
    json_t *o;
    json_array_foreach(objs, i, o) {
        json_t *row = json_array();
        for (size_t k = 0; row && k < n; k++) {
            json_t *v = json_object_get(o, fields[k].key);
            json_array_append(row, v ? v : json_null());
        }
        if (!rc)
            rc = sheet_add_row(t, row, err);
        else
            json_decref(row);
    }
    return rc;
}

const char *sheet_cell_text(const gm_sheet *t, size_t col, json_t *v, char *buf, size_t cap)
{
    long long utc;
    buf[0] = '\0';
    if (!v || json_is_null(v))
        return buf;
    if (json_is_integer(v))
        snprintf(buf, cap, "%lld", (long long)json_integer_value(v));
    else if (json_is_real(v))
        snprintf(buf, cap, "%.2f", json_real_value(v));
    else if (json_is_boolean(v))
        snprintf(buf, cap, "%s", json_is_true(v) ? "是" : "否");
    else if (t->cols[col].type == COL_TIME && json_is_string(v) &&
             instant_parse(json_string_value(v), NULL, &utc, NULL) == 0) {
        time_t local = (time_t)(utc + 8 * 3600);
        struct tm tm;
        gmtime_r(&local, &tm);
        strftime(buf, cap, "%Y-%m-%d %H:%M", &tm);
    } else if (json_is_string(v))
        snprintf(buf, cap, "%s", json_string_value(v));
    return buf;
}

int sheet_to_csv(const gm_sheet *t, char **out, size_t *len, gm_err *err)
{
    gm_csv c;
    size_t i;
    json_t *row;
    char cell[4096];
    csv_begin(&c);
    for (size_t k = 0; k < t->n_cols; k++)
        csv_field(&c, t->cols[k].header, k + 1 == t->n_cols);
    json_array_foreach(t->rows, i, row)
        for (size_t k = 0; k < t->n_cols; k++)
            csv_field(&c, sheet_cell_text(t, k, json_array_get(row, k), cell, sizeof cell),
                      k + 1 == t->n_cols);
    *out = csv_finish(&c, len);
    return *out ? GM_OK : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
}
