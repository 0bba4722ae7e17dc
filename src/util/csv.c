/*
 * csv.c - the CSV writer (see csv.h).
 */
#include "util/csv.h"

#include <stdlib.h>
#include <string.h>

static int reserve(gm_csv *c, size_t extra)
{
    if (c->oom)
        return -1;
    if (c->len + extra <= c->cap)
        return 0;
    size_t cap = (c->len + extra) * 2;
    char *p = realloc(c->buf, cap);
    if (!p) {
        c->oom = 1;
        return -1;
    }
    c->buf = p;
    c->cap = cap;
    return 0;
}

void csv_begin(gm_csv *c)
{
    memset(c, 0, sizeof *c);
    if (!reserve(c, 3)) {
        memcpy(c->buf, "\xEF\xBB\xBF", 3);
        c->len = 3;
    }
}

/* A cell a spreadsheet would evaluate as a formula. */
static int looks_like_formula(const char *s)
{
    return *s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r';
}

void csv_field(gm_csv *c, const char *s, int last)
{
    if (!s)
        s = "";
    if (reserve(c, 2 * strlen(s) + 6))
        return;
    char *w = c->buf + c->len;
    *w++ = '"';
    if (looks_like_formula(s))
        *w++ = '\'';
    for (; *s; s++) {
        if (*s == '"')
            *w++ = '"';
        *w++ = *s;
    }
    *w++ = '"';
    if (last) {
        *w++ = '\r';
        *w++ = '\n';
    } else {
        *w++ = ',';
    }
    c->len = (size_t)(w - c->buf);
}

void csv_row(gm_csv *c, const char *const *fields, size_t n)
{
    for (size_t i = 0; i < n; i++)
        csv_field(c, fields[i], i + 1 == n);
}

char *csv_finish(gm_csv *c, size_t *len)
{
    if (c->oom) {
        free(c->buf);
        memset(c, 0, sizeof *c);
        return NULL;
    }
    *len = c->len;
    char *out = c->buf;
    memset(c, 0, sizeof *c);
    return out;
}
