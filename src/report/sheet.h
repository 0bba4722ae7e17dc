/*
 * sheet.h - a report as a sheet: typed columns with Chinese headers and
 * rows of JSON values, written as CSV (util/csv.h) or xlsx (libxlsxwriter).
 *
 * Column types decide how a cell is shown:
 *   TEXT     as is                  INT, NUMBER   numbers (NUMBER: 2 decimals)
 *   DATE     "YYYY-MM-DD" -> a real spreadsheet date
 *   TIME     UTC ISO-8601 -> a date-time in Beijing time ("YYYY-MM-DD HH:MM")
 * A JSON null is an empty cell.  Each report builder in report/ fills a
 * gm_sheet; the exporters know nothing about reports.
 */
#ifndef GM_REPORT_SHEET_H
#define GM_REPORT_SHEET_H

#include <jansson.h>
#include <stddef.h>
#include "util/gm_error.h"

typedef enum { COL_TEXT, COL_INT, COL_NUMBER, COL_DATE, COL_TIME } gm_col_type;

typedef struct gm_column {
    const char *header;   /* Chinese */
    gm_col_type type;
} gm_column;

#define GM_SHEET_MAX_COLS 40

typedef struct gm_sheet {
    const char *title;                /* sheet name, Chinese, <= 31 characters */
    gm_column cols[GM_SHEET_MAX_COLS];
    size_t n_cols;
    json_t *rows;                     /* owned: array of arrays of n_cols values */
} gm_sheet;

/* Starts an empty table (rows = []); GM_E_NOMEM on failure. */
int sheet_init(gm_sheet *t, const char *title, gm_err *err);
void sheet_add_col(gm_sheet *t, const char *header, gm_col_type type);
/* Appends a row, stealing the array (NULL: out of memory). */
int sheet_add_row(gm_sheet *t, json_t *row, gm_err *err);
void sheet_free(gm_sheet *t);

/* A column taken from one key of JSON objects. */
typedef struct gm_field {
    const char *key, *header;
    gm_col_type type;
} gm_field;

/* A table whose rows are the given keys of each object of objs. */
int sheet_from_objects(gm_sheet *t, const char *title, const gm_field *fields, size_t n,
                       const json_t *objs, gm_err *err);

/* The cell as people read it (Beijing time for TIME); buf holds it. */
const char *sheet_cell_text(const gm_sheet *t, size_t col, json_t *v, char *buf, size_t cap);

/* CSV (UTF-8 with BOM, formula-looking cells neutralised); *out malloc'd. */
int sheet_to_csv(const gm_sheet *t, char **out, size_t *len, gm_err *err);

/* xlsx file at path: Chinese headers, frozen header row, fitting widths,
 * dates as dates. */
int sheet_to_xlsx_file(const gm_sheet *t, const char *path, gm_err *err);

/* The same into memory (through a temporary file): *out malloc'd. */
int sheet_to_xlsx(const gm_sheet *t, char **out, size_t *len, gm_err *err);

#endif
