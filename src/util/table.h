/*
 * table.h - reading a spreadsheet export (CSV or xlsx) into rows of UTF-8
 * text cells, for imports of messages exported from the platforms' back
 * offices.
 *
 * table_read() looks at the bytes: "PK\3\4" is an xlsx workbook (its first
 * sheet is read with libzip + expat, see table_xlsx.c), anything else is
 * CSV (RFC 4180: commas, double quotes, CRLF or LF).  CSV that is not valid
 * UTF-8 is taken for GB18030/GBK (the usual encoding of Excel exports on
 * Chinese Windows) and converted with iconv; bytes that are neither are
 * refused naming the line.  A UTF-8 byte-order mark is dropped.
 * Every row remembers its line number in the file (CSV) or its row number
 * (xlsx), so errors can name it.  Numeric xlsx cells keep their number
 * text; is_number tells the caller (dates are serial numbers there).
 */
#ifndef GM_UTIL_TABLE_H
#define GM_UTIL_TABLE_H

#include <stddef.h>
#include "util/gm_error.h"

#define GM_TABLE_MAX_ROWS 20000
#define GM_TABLE_MAX_COLS 64

typedef struct gm_table_row {
    long line;              /* 1-based line (CSV) or row number (xlsx) */
    size_t n;
    char **cells;           /* UTF-8, NUL-terminated */
    unsigned char *is_number;
} gm_table_row;

typedef struct gm_table {
    size_t n_rows;
    gm_table_row *rows;     /* rows[0] is the header row when the file has one */
    char encoding[16];      /* "utf-8", "gb18030" or "xlsx" */
} gm_table;

/* Reads the file's bytes; fills *t (free with table_free). */
int table_read(const char *data, size_t len, gm_table *t, gm_err *err);
int table_read_csv(const char *data, size_t len, gm_table *t, gm_err *err);
int table_read_xlsx(const char *data, size_t len, gm_table *t, gm_err *err);
void table_free(gm_table *t);

/* Internal to table*.c: appends a cell to the last row / starts a row. */
int table_add_row(gm_table *t, long line, gm_err *err);
int table_add_cell(gm_table *t, const char *s, size_t len, int is_number, gm_err *err);

#endif
