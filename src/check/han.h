/*
 * han.h - which code points the check reads as Chinese characters.
 * gm_is_han_basic is the basic block of CJK unified ideographs
 * (U+4E00..U+9FFF), the block the 错别字 model's tables and the context
 * rules' character tests cover; the normalizer folds traditional and
 * compatibility forms into it before any rule runs.  One definition, so
 * that the rules cannot drift apart on where a character starts.
 */
#ifndef GM_CHECK_HAN_H
#define GM_CHECK_HAN_H

#include <stdint.h>

#define GM_HAN_BASIC_FIRST 0x4E00u
#define GM_HAN_BASIC_LAST  0x9FFFu

static inline int gm_is_han_basic(uint32_t cp)
{
    return cp >= GM_HAN_BASIC_FIRST && cp <= GM_HAN_BASIC_LAST;
}

#endif
