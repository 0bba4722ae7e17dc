/*
 * acrostic.c - the runs of lines whose first (last) characters may spell a
 * term (藏头, 藏尾; acrostic.h).  One pass over the lines: each line is read
 * forwards to its first word character and backwards to its last, so the
 * characters between cost nothing; a text with fewer than GM_ACROSTIC_MIN
 * lines is not decoded at all.  No I/O.
 */
#include <stdlib.h>
#include <string.h>

#include "check/acrostic.h"
#include "check/normalize.h"
#include "util/gm_error.h"
#include "util/grow.h"

static int chinese(uint32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x3FFFF);
}

static int word_char(uint32_t cp)
{
    return chinese(cp) || (cp < 0x80 && ((cp | 0x20) - 'a' < 26 || cp - '0' < 10)) ||
           (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
           (cp >= 0xFF41 && cp <= 0xFF5A);
}

/* A word character of a line: its code point and bytes. */
typedef struct edge {
    uint32_t cp;   /* 0: the line has none */
    size_t b, e;
} edge;

static edge first_word(const char *text, size_t b, size_t e)
{
    for (size_t l; b < e; b += l) {
        uint32_t cp;
        if (!(l = gm_utf8_decode((const unsigned char *)text + b, e - b, &cp)))
            break;
        if (word_char(cp))
            return (edge){cp, b, b + l};
    }
    return (edge){0, 0, 0};
}

static edge last_word(const char *text, size_t b, size_t e)
{
    for (size_t q = e; q > b;) {
        size_t end = q;
        while (--q > b && ((unsigned char)text[q] & 0xC0) == 0x80)
            ;
        uint32_t cp;
        if (gm_utf8_decode((const unsigned char *)text + q, end - q, &cp) && word_char(cp))
            return (edge){cp, q, end};
    }
    return (edge){0, 0, 0};
}

static int enough_lines(const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    for (int k = 0; k < GM_ACROSTIC_MIN - 1; k++, p++)
        if (!(p = memchr(p, '\n', (size_t)(end - p))))
            return 0;
    return 1;
}

/* A run being gathered, with its buffers' capacities. */
typedef struct gather {
    gm_acrostic_run run;
    size_t cap_text, cap_line;
} gather;

/* Hands the run to fn when it is long enough, and empties it. */
static int flush(gather *g, gm_acrostic_fn fn, void *ctx)
{
    int rc = g->run.n >= GM_ACROSTIC_MIN ? fn(ctx, &g->run) : 0;
    g->run.n = g->run.len = 0;
    return rc;
}

static int append(gather *g, const char *text, const edge *c, const gm_acrostic_line *line)
{
    gm_acrostic_run *r = &g->run;
    if (gm_grow((void **)&r->text, &g->cap_text, r->len + (c->e - c->b) + 1, 1) ||
        gm_grow((void **)&r->line, &g->cap_line, r->n + 1, sizeof *r->line))
        return GM_E_NOMEM;
    memcpy(r->text + r->len, text + c->b, c->e - c->b);
    r->len += c->e - c->b;
    r->text[r->len] = 0;
    r->line[r->n++] = *line;
    return 0;
}

/* One line into a run: its character when it is Chinese and the line has
 * two word characters or more, else the run ends there. */
static int take(gather *g, const char *text, const edge *c, int two, const gm_acrostic_line *line,
                gm_acrostic_fn fn, void *ctx)
{
    return two && chinese(c->cp) ? append(g, text, c, line) : flush(g, fn, ctx);
}

int gm_acrostic_runs(const char *text, size_t len, gm_acrostic_fn fn, void *ctx)
{
    if (!enough_lines(text, len))
        return 0;
    gather g[2] = {{.run = {.tail = 0}}, {.run = {.tail = 1}}};
    int rc = 0;
    for (size_t b = 0; b <= len && rc == 0;) {
        const char *nl = memchr(text + b, '\n', len - b);
        size_t e = nl ? (size_t)(nl - text) : len;
        edge head = first_word(text, b, e);
        if (head.cp) {   /* lines without a word character are passed over */
            edge tail = last_word(text, head.b, e);
            int two = tail.b > head.b;
            gm_acrostic_line line = {head.b, tail.e};
            rc = take(&g[0], text, &head, two, &line, fn, ctx);
            if (rc == 0)
                rc = take(&g[1], text, &tail, two, &line, fn, ctx);
        }
        b = e + 1;
    }
    for (int t = 0; t < 2 && rc == 0; t++)
        rc = flush(&g[t], fn, ctx);
    for (int t = 0; t < 2; t++) {
        free(g[t].run.text);
        free(g[t].run.line);
    }
    return rc;
}
