/*
 * acrostic.h - terms spelt by the first or the last character of lines
 * (藏头, 藏尾: 六月飞雪寒 / 合家欢乐多 / 彩灯照夜明 for 六合彩).  A run of
 * GM_ACROSTIC_MIN or more consecutive lines of two word characters or more
 * (Chinese, letters, digits) that each start (or end) with a Chinese
 * character gives the string of those characters, which the literal matcher
 * reads like any text; a hit maps back to the lines it spans.  Lines without
 * a word character (blank, emoji, punctuation) are passed over, and so are
 * spaces, punctuation and emoji before the first (after the last) word
 * character; a line of one word character, or one that starts (ends) with a
 * letter or a digit, ends the run.  No I/O.
 */
#ifndef GM_CHECK_ACROSTIC_H
#define GM_CHECK_ACROSTIC_H

#include <stddef.h>
#include <stdint.h>

#define GM_ACROSTIC_MIN 3   /* lines, and so characters of a term */

/* A line of a run, in bytes of the text: from its first word character to
 * the end of its last. */
typedef struct gm_acrostic_line {
    size_t b_start, b_end;
} gm_acrostic_line;

/* One run of lines: text holds the n lines' first (tail 0) or last (tail 1)
 * characters, in UTF-8; line[k] is the line of its k-th code point. */
typedef struct gm_acrostic_run {
    char *text;
    size_t len, n;
    gm_acrostic_line *line;
    int tail;
} gm_acrostic_run;

/* Called per run; nonzero stops the walk and is returned. */
typedef int (*gm_acrostic_fn)(void *ctx, const gm_acrostic_run *run);

/* Walks the runs of text's lines, heads and tails in one pass.  Returns 0,
 * fn's nonzero return, or GM_E_NOMEM.  A text of fewer than
 * GM_ACROSTIC_MIN line breaks costs one memchr or two; a line, the few code
 * points around its first and last word characters. */
int gm_acrostic_runs(const char *text, size_t len, gm_acrostic_fn fn, void *ctx);

#endif
