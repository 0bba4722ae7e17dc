/*
 * csv_read.h - reading CSV (RFC 4180): fields separated by commas, quoted
 * with "..." where they hold commas, quotes ("") or line breaks; lines end
 * in LF or CRLF; a leading UTF-8 BOM is skipped.  Records are read one at
 * a time from a buffer the caller owns.
 */
#ifndef GM_CSV_READ_H
#define GM_CSV_READ_H

#include <stddef.h>

#define GM_CSV_MAX_FIELDS 32

typedef struct gm_csv_reader {
    const char *p, *end;
    long line;                         /* line number where the last record started */
    long extra_lines;                  /* line breaks inside that record's quotes */
    char *fields[GM_CSV_MAX_FIELDS];   /* the last record, NUL-terminated copies */
    size_t n_fields;
    char *store;                       /* owns the field text */
    size_t store_cap;
} gm_csv_reader;

void csv_reader_init(gm_csv_reader *r, const char *text, size_t len);
/* 1: a record was read, 0: end of input, -1: malformed (unterminated quote,
 * text after a closing quote, too many fields) or out of memory. */
int csv_reader_next(gm_csv_reader *r);
void csv_reader_free(gm_csv_reader *r);

#endif
