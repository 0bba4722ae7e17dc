/*
 * csv_read.c - the CSV reader (see csv_read.h).
 */
#include "util/csv_read.h"

#include <stdlib.h>
#include <string.h>

void csv_reader_init(gm_csv_reader *r, const char *text, size_t len)
{
    memset(r, 0, sizeof *r);
    r->p = text;
    r->end = text + len;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        r->p += 3;
}

void csv_reader_free(gm_csv_reader *r)
{
    free(r->store);
    r->store = NULL;
}

/* Reads one field into w; returns bytes written or -1. */
static long read_field(gm_csv_reader *r, char *w)
{
    char *start = w;
    if (r->p < r->end && *r->p == '"') {
        r->p++;
        for (;;) {
            if (r->p >= r->end)
                return -1;                    /* unterminated quote */
            if (*r->p == '"') {
                if (r->p + 1 < r->end && r->p[1] == '"') { *w++ = '"'; r->p += 2; continue; }
                r->p++;
                break;
            }
            *w++ = *r->p++;
        }
        if (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
            return -1;                        /* text after the closing quote */
    } else {
        while (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
            *w++ = *r->p++;
    }
    *w = '\0';
    return w - start;
}

int csv_reader_next(gm_csv_reader *r)
{
    if (r->p >= r->end)
        return 0;
    size_t need = (size_t)(r->end - r->p) + GM_CSV_MAX_FIELDS + 1;
    if (need > r->store_cap) {
        char *s = realloc(r->store, need);
        if (!s)
            return -1;
        r->store = s;
        r->store_cap = need;
    }
    r->line += 1 + r->extra_lines;
    r->extra_lines = 0;
    const char *rec_start = r->p;
    char *w = r->store;
    r->n_fields = 0;
    for (;;) {
        if (r->n_fields == GM_CSV_MAX_FIELDS)
            return -1;
        r->fields[r->n_fields++] = w;
        long n = read_field(r, w);
        if (n < 0)
            return -1;
        w += n + 1;
        if (r->p < r->end && *r->p == ',') { r->p++; continue; }
        break;
    }
    /* Count the line breaks inside quoted fields for the next line number. */
    for (const char *c = rec_start; c < r->p; c++)
        r->extra_lines += *c == '\n';
    if (r->p < r->end && *r->p == '\r') r->p++;
    if (r->p < r->end && *r->p == '\n') r->p++;
    return 1;
}
