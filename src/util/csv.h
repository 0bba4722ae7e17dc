/*
 * csv.h - writing CSV that spreadsheet programs open safely: UTF-8 with a
 * byte-order mark (so Excel reads it as UTF-8), every field quoted, CRLF
 * line ends, and a cell that starts like a formula (= + - @, also after
 * a tab or CR) prefixed with ' so it is shown as text, never evaluated.
 * The one CSV writer of govmedia: every export goes through it.
 */
#ifndef GM_CSV_H
#define GM_CSV_H

#include <stddef.h>

typedef struct gm_csv {
    char *buf;
    size_t len, cap;
    int oom;        /* set once an allocation failed; later calls do nothing */
} gm_csv;

/* Starts a document with the BOM. */
void csv_begin(gm_csv *c);
/* Appends one field; last != 0 ends the line. NULL is an empty field. */
void csv_field(gm_csv *c, const char *s, int last);
/* Appends a whole row of n fields. */
void csv_row(gm_csv *c, const char *const *fields, size_t n);
/* Hands over the text (malloc'd) and its length; NULL when memory ran out
 * (the buffer is then freed). */
char *csv_finish(gm_csv *c, size_t *len);

#endif
