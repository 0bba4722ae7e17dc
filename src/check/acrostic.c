/*
 * acrostic.c - the runs of lines whose first (last) characters may spell a
 * term (藏头, 藏尾; acrostic.h).  One pass over the text's code points per
 * walk; a text with fewer than GM_ACROSTIC_MIN lines is not decoded.
 * No I/O.
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

static int alnum(uint32_t cp)
{
    return (cp < 0x80 && ((cp | 0x20) - 'a' < 26 || cp - '0' < 10)) ||
           (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
           (cp >= 0xFF41 && cp <= 0xFF5A);
}

static int blank(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == 0x3000 || cp == 0xA0 ||
           (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF;
}

/* One line as read: its content span, its word characters and the
 * first (last) of them that is Chinese or alphanumeric. */
typedef struct line_read {
    gm_acrostic_line span;
    size_t content;            /* code points that are not blank */
    uint32_t head, tail;       /* first and last word character, 0: none */
    size_t head_b, head_e, tail_b, tail_e;
} line_read;

static line_read read_line(const char *text, size_t b, size_t e, size_t cp)
{
    line_read r = {.span = {cp, cp, b, b}};
    for (size_t l; b < e; b += l, cp++) {
        uint32_t c;
        if (!(l = gm_utf8_decode((const unsigned char *)text + b, e - b, &c)))
            break;
        if (blank(c))
            continue;
        if (!r.content++)
            r.span = (gm_acrostic_line){cp, cp, b, b};
        r.span.cp_end = cp + 1;
        r.span.b_end = b + l;
        if (chinese(c) || alnum(c)) {
            if (!r.head) {
                r.head = c;
                r.head_b = b;
                r.head_e = b + l;
            }
            r.tail = c;
            r.tail_b = b;
            r.tail_e = b + l;
        }
    }
    return r;
}

static size_t count_cps(const char *text, size_t b, size_t e)
{
    size_t n = 0;
    for (; b < e; b++)
        n += ((unsigned char)text[b] & 0xC0) != 0x80;
    return n;
}

static int enough_lines(const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    for (int k = 0; k < GM_ACROSTIC_MIN - 1; k++, p++)
        if (!(p = memchr(p, '\n', (size_t)(end - p))))
            return 0;
    return 1;
}

/* Hands the run to fn when it is long enough, and empties it. */
static int flush(gm_acrostic_run *run, gm_acrostic_fn fn, void *ctx)
{
    int rc = run->n >= GM_ACROSTIC_MIN ? fn(ctx, run) : 0;
    run->n = run->len = 0;
    return rc;
}

static int append(gm_acrostic_run *run, size_t *cap_t, size_t *cap_l, const char *text,
                  size_t b, size_t e, const gm_acrostic_line *span)
{
    if (gm_grow((void **)&run->text, cap_t, run->len + (e - b) + 1, 1) ||
        gm_grow((void **)&run->line, cap_l, run->n + 1, sizeof *run->line))
        return GM_E_NOMEM;
    memcpy(run->text + run->len, text + b, e - b);
    run->len += e - b;
    run->text[run->len] = 0;
    run->line[run->n++] = *span;
    return 0;
}

int gm_acrostic_runs(const char *text, size_t len, int tail, gm_acrostic_fn fn, void *ctx)
{
    if (!enough_lines(text, len))
        return 0;
    gm_acrostic_run run = {0};
    size_t cap_t = 0, cap_l = 0, cp = 0;
    int rc = 0;
    for (size_t b = 0; b <= len && rc == 0;) {
        const char *nl = memchr(text + b, '\n', len - b);
        size_t e = nl ? (size_t)(nl - text) : len;
        line_read r = read_line(text, b, e, cp);
        uint32_t c = tail ? r.tail : r.head;
        if (r.content >= 2 && chinese(c))
            rc = tail ? append(&run, &cap_t, &cap_l, text, r.tail_b, r.tail_e, &r.span)
                      : append(&run, &cap_t, &cap_l, text, r.head_b, r.head_e, &r.span);
        else if (r.content)
            rc = flush(&run, fn, ctx);
        cp += count_cps(text, b, e) + 1;
        b = e + 1;
    }
    if (rc == 0)
        rc = flush(&run, fn, ctx);
    free(run.text);
    free(run.line);
    return rc;
}
