/*
 * acrostic.h - terms spelt by the first or the last character of lines
 * (藏头, 藏尾: 六月飞雪寒 / 合家欢乐多 / 彩灯照夜明 for 六合彩).  A run of
 * GM_ACROSTIC_MIN or more consecutive lines of two characters or more that
 * each start (or end) with a Chinese character gives the string of those
 * characters, which the literal matcher reads like any text; a hit maps back
 * to the lines it spans.  Blank lines are passed over, and punctuation,
 * spaces and emoji before the first (after the last) character; a line of
 * one character, or one that starts (ends) with a letter or a digit, ends
 * the run.  No I/O.
 */
#ifndef GM_CHECK_ACROSTIC_H
#define GM_CHECK_ACROSTIC_H

#include <stddef.h>
#include <stdint.h>

#define GM_ACROSTIC_MIN 3   /* lines, and so characters of a term */

typedef struct gm_acrostic_line {
    size_t cp_start, cp_end;   /* the line's content in code points of the text */
    size_t b_start, b_end;     /* the same in bytes */
} gm_acrostic_line;

/* One run of lines: text holds the n lines' first (or last) characters, in
 * UTF-8; line[k] is the line of its k-th code point. */
typedef struct gm_acrostic_run {
    char *text;
    size_t len, n;
    gm_acrostic_line *line;
} gm_acrostic_run;

/* Called per run; nonzero stops the walk and is returned. */
typedef int (*gm_acrostic_fn)(void *ctx, const gm_acrostic_run *run);

/* Walks the runs of text's lines, heads (tail 0) or tails (tail 1).
 * Returns 0, fn's nonzero return, or GM_E_NOMEM.  A text of
 * fewer than GM_ACROSTIC_MIN line breaks costs one memchr. */
int gm_acrostic_runs(const char *text, size_t len, int tail, gm_acrostic_fn fn, void *ctx);

#endif
