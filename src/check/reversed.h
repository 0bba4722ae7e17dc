/*
 * reversed.h - terms written backwards (倒序: 彩合六 for 六合彩, 票发开代 for
 * 代开发票).  Each lexicon term of GM_REVERSED_MIN or more Chinese
 * characters is added to the lexicon once more, reversed, as a
 * GM_LEX_REVERSED entry that names its term; the matcher then finds the
 * reversed form with the same tolerance of noise, repeats and traditional
 * characters as the term itself.  Two-character terms are left out: their
 * reversals are words of their own (邮包, 情色, 传网 in 上传网站).
 */
#ifndef GM_CHECK_REVERSED_H
#define GM_CHECK_REVERSED_H

#include "check/lexicon.h"

#define GM_REVERSED_MIN 3

/* Appends the reversed form of every eligible term of lx (kind
 * GM_LEX_TERMS, GM_REVERSED_MIN or more characters, all Chinese, no
 * repeated character, its reversal no term itself) as a GM_LEX_REVERSED entry whose
 * `of` is the term's index.  On error lx is left as it was. */
int gm_reversed_add(gm_lexicon *lx, gm_err *err);

#endif
