/*
 * matcher.h - multi-pattern matching over the normal form of a text.
 *
 * An Aho-Corasick automaton over normalised, repeat-collapsed code points,
 * stored as a double array.  The scanner normalises while it decodes (one
 * pass, one table load per code point), skips noise, folds repeated
 * characters into one element, and reports each hit with code-point and
 * byte offsets into the ORIGINAL text.  A term whose normal form itself
 * repeats a character (e.g. "哈哈") only matches where the text repeats it
 * at least as often.
 */
#ifndef GM_CHECK_MATCHER_H
#define GM_CHECK_MATCHER_H

#include <stddef.h>
#include <stdint.h>

#include "check/lexicon.h"
#include "util/gm_error.h"

typedef struct gm_matcher gm_matcher;

typedef struct gm_hit {
    uint32_t term;               /* index into the lexicon's terms */
    size_t cp_start, cp_end;     /* code points of the original text, [start, end) */
    size_t b_start, b_end;       /* the same span in bytes */
    size_t el_first, el_last;    /* span in normalised elements (for allow lists) */
} gm_hit;

/* Called per hit; return nonzero to stop the scan. */
typedef int (*gm_hit_fn)(void *ctx, const gm_hit *hit);

/* Compiles every term of lx (block, warn and allow alike). */
int gm_matcher_build(gm_matcher **out, const gm_lexicon *lx, gm_err *err);
void gm_matcher_free(gm_matcher *m);

/* Bytes of memory the automaton holds. */
size_t gm_matcher_memory(const gm_matcher *m);
size_t gm_matcher_states(const gm_matcher *m);

/* Scans text; invalid UTF-8 -> GM_E_INVALID "正文不是有效的 UTF-8(第 N 字节)"
 * (field "text"), with hits before it already reported. */
int gm_matcher_scan(const gm_matcher *m, const char *text, size_t len, gm_hit_fn fn,
                    void *ctx, gm_err *err);

#endif
