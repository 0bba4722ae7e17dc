/*
 * typo_model.h - the word dictionary and confusion sets of the expression
 * check, generated at build time by scripts/gen_expr_model.py from Debian
 * data (jieba's word frequencies, Unihan readings, Wubi 86 shape codes).
 *
 * Loaded once per process (thread-safe) and immutable afterwards.  Only
 * CJK Unified Ideographs U+4E00..U+9FFF take part; words are 1-4 of them.
 */
#ifndef GM_CHECK_TYPO_MODEL_H
#define GM_CHECK_TYPO_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "check/typo_lm.h"
#include "util/gm_error.h"
#include "check/han.h"

#define GM_TYPO_WORD_MAX 4
#define GM_TYPO_CONF_MAX 2048   /* most members of one confusion set */
#define GM_TYPO_READINGS 4      /* most readings kept per character */
#define GM_TYPO_SYLLABLES 1024  /* syllable numbers are below this */

typedef struct gm_typo_homophones gm_typo_homophones;

typedef struct gm_typo_model gm_typo_model;

/* The process-wide model.  Its file is $GOVMEDIA_EXPR_MODEL, else the one
 * the build generated (GM_EXPR_MODEL); its language model is
 * $GOVMEDIA_EXPR_LM, else GM_EXPR_LM (scripts/gen_expr_lm.py).  A missing or bad file is an error
 * (GM_E_IO / GM_E_INVALID, field "expr_model"); every later call returns
 * the same result. */
int gm_typo_model_get(const gm_typo_model **out, gm_err *err);

/* log(frequency / total) of the word w[0..n) (CJK, 1 <= n <= 4), or a
 * positive value when it is not in the dictionary. */
float gm_typo_logp(const gm_typo_model *m, const uint32_t *w, size_t n);

/* log-probability given to one character the dictionary does not know. */
float gm_typo_unknown(const gm_typo_model *m);

/* 1 when a and b stand next to each other inside some word of 2-4
 * characters (a Bloom filter: a rare false 1, never a false 0). */
int gm_typo_bigram(const gm_typo_model *m, uint32_t a, uint32_t b);

/* Characters a slip for cp may stand for (same reading or similar shape),
 * ascending offsets from U+4E00; *n of them, NULL when none. */
const uint16_t *gm_typo_confusion(const gm_typo_model *m, uint32_t cp, size_t *n);

/* The kind of each member of cp's confusion set, in the same order: 2 = a
 * same reading with the same tone, 1 = a same reading ignoring tones,
 * 0 = a similar shape only. */
const uint8_t *gm_typo_confusion_kinds(const gm_typo_model *m, uint32_t cp);

/* The extra similar shapes of cp (by Cangjie code, any character of a
 * Chinese source) that the near misses of listed names and office-holders
 * try besides its confusion set (部 -> 郜 郃, 赵 -> 越); *n of them, as
 * offsets from U+4E00.  The 错别字 detector does not use them. */
const uint16_t *gm_typo_name_shapes(const gm_typo_model *m, uint32_t cp, size_t *n);

/* 1 when b is a standard variant of a (the same character written
 * another way, both in GB 2312: 帐 / 账; Unihan's semantic and Z variants,
 * directly or through their traditional forms). */
int gm_typo_is_variant(const gm_typo_model *m, uint32_t a, uint32_t b);

/* 1 when cp's one-character logp (gm_typo_logp) is above GM_TYPO_FUNCTION_LP
 * (typo.h): a common one-character word (的, 是, 在 …) or no one-character
 * word at all (logp 1); from a 2.6 KB bitmap, not the 84 KB table. */
int gm_typo_is_function_char(const gm_typo_model *m, uint32_t cp);

/* The word bigram model loaded with the dictionary. */
const gm_typo_lm *gm_typo_model_lm(const gm_typo_model *m);

/* cp's toneless readings as GM_TYPO_READINGS syllable numbers (the same
 * number = the same syllable), 0 after the last; all 0 when unknown.
 * NULL when cp is not CJK. */
const uint16_t *gm_typo_readings(const gm_typo_model *m, uint32_t cp);

/* The bigram model's words indexed by reading (typo_homophone.h). */
const gm_typo_homophones *gm_typo_model_homophones(const gm_typo_model *m);

#endif
