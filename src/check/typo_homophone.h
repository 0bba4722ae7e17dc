/*
 * typo_homophone.h - the words of the 错别字 check's bigram model indexed by
 * their toneless reading: the whole-word slips of pinyin input (执照 typed
 * as 支招, 部署 as 不熟, 评估 as 平谷) are words of the same syllables.
 *
 * Built once when the model loads, immutable afterwards.
 */
#ifndef GM_CHECK_TYPO_HOMOPHONE_H
#define GM_CHECK_TYPO_HOMOPHONE_H

#include <stddef.h>
#include <stdint.h>

#include "check/typo_lm.h"
#include "check/typo_model.h"

/* One word of the index: its characters and its bigram-model index. */
typedef struct gm_typo_homophone {
    uint32_t w[GM_TYPO_WORD_MAX];
    int32_t id;
} gm_typo_homophone;

/* Indexes every word of 2..GM_TYPO_WORD_MAX characters of lm under each
 * combination of its characters' readings (read: per character from
 * U+4E00, GM_TYPO_READINGS syllable numbers, 0-padded).  NULL: no memory. */
gm_typo_homophones *gm_typo_homophones_build(const gm_typo_lm *lm,
                                             const uint16_t (*read)[GM_TYPO_READINGS]);
void gm_typo_homophones_free(gm_typo_homophones *h);

/* The reading key of syllables s[0..n) (2 <= n <= GM_TYPO_WORD_MAX). */
uint64_t gm_typo_reading_key(const uint16_t *s, size_t n);

/* The words read as key; *count of them (0: none). */
const gm_typo_homophone *gm_typo_homophones_find(const gm_typo_homophones *h, uint64_t key,
                                                 size_t *count);

/* 0 when no key of three or more syllables starts with a reading of r0
 * and then one of r1 (each GM_TYPO_READINGS syllable numbers, 0-padded):
 * a span of 3-4 characters beginning with those two has no word of its
 * syllables, and its reading keys need not be formed (a bit test per
 * combination, in 128 KB). */
int gm_typo_homophones_may_start(const gm_typo_homophones *h, const uint16_t *r0,
                                 const uint16_t *r1);

/* 1 when a commoner word of the index reads like the word of index id
 * (under one of its reading keys): a bit test, the pair path's first gate. */
int gm_typo_homophones_outranked(const gm_typo_homophones *h, int32_t id);

#endif
