/*
 * context_table.c - a table written in text, for the enforcement-context
 * grammar (context.c).  Statistics posts set figures out as rows of cells
 * (序号｜案件类型｜立案数｜同比⏎1｜赌博｜156｜-12%): a cell says nothing by
 * itself, the table's header (its first row, or the caption line above
 * it) says what the rows are.  A term in a row is governed when the header
 * or the caption fights (an enforcement, condemning or legal word, a
 * running total: 案件类型, 同比, 查处数).
 *
 * A row is a line with at least two cell separators (｜ | ┃ or a tab); the
 * table is the run of such lines around the term's, at most ROWS up.  Only
 * in a text without an advert cue (hs->join): a price list (套餐｜价格｜X)
 * keeps the term's severity.
 */
#include <string.h>

#include "check/checker_int.h"

#define ROWS 24   /* most rows looked at above the term's */

static size_t line_start(const char *text, size_t b)
{
    while (b > 0 && text[b - 1] != '\n')
        b--;
    return b;
}

static size_t line_end(const char *text, size_t len, size_t b)
{
    while (b < len && text[b] != '\n')
        b++;
    return b;
}

/* The cell separators of text[from, to): ｜ (EF BD 9C), ┃ (E2 94 83), | and
 * tabs. */
static int separators(const char *text, size_t from, size_t to)
{
    int n = 0;
    for (size_t b = from; b < to; b++) {
        unsigned char c = (unsigned char)text[b];
        if (c == '|' || c == '\t')
            n++;
        else if (b + 2 < to && ((c == 0xEF && (unsigned char)text[b + 1] == 0xBD &&
                                 (unsigned char)text[b + 2] == 0x9C) ||
                                (c == 0xE2 && (unsigned char)text[b + 1] == 0x94 &&
                                 (unsigned char)text[b + 2] == 0x83)))
            n++, b += 2;
    }
    return n;
}

int gm_context_table_row(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    if (!hs->join)
        return 0;
    if (!hs->table_seen) {   /* once per text: two lines and a separator? */
        hs->table_seen = 1;
        hs->table = memchr(text, '\n', len) &&
                    (memchr(text, '|', len) || memchr(text, '\t', len) ||
                     memmem(text, len, "｜", 3) || memmem(text, len, "┃", 3));
    }
    if (!hs->table)
        return 0;
    size_t rs = line_start(text, h->b_start);
    if (rs == 0 || separators(text, rs, line_end(text, len, h->b_end)) < 2)
        return 0;
    size_t head = rs;
    for (int k = 0; k < ROWS && head > 0; k++) {   /* up the run of rows */
        size_t ps = line_start(text, head - 1);
        if (separators(text, ps, head - 1) < 2)
            break;
        head = ps;
    }
    if (head == rs)
        return 0;   /* the term's row is the header */
    size_t cap = head > 0 ? line_start(text, head - 1) : head;
    return gm_context_fights(hs, text, head, line_end(text, len, head), h) ||
           (cap < head && gm_context_fights(hs, text, cap, head - 1, h));
}
