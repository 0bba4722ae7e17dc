/*
 * pinyin_data.h - the reading tables generated at build time by
 * scripts/gen_pinyin.py from Unihan (kMandarin, kXHC1983, kTGHZ2013) and the
 * rime-essay word list; never typed by hand.
 */
#ifndef GM_CHECK_PINYIN_DATA_H
#define GM_CHECK_PINYIN_DATA_H

typedef struct gm_py_char {
    unsigned cp;         /* a CJK code point */
    unsigned first;      /* its first reading in gm_py_readings */
    unsigned char count; /* how many readings (toneless, all of them) */
} gm_py_char;

extern const char *const gm_py_syllables[];      /* sorted toneless syllables ("v" for ü) */
extern const unsigned gm_py_syllable_count;
extern const gm_py_char gm_py_chars[];           /* sorted by cp */
extern const unsigned gm_py_char_count;
extern const unsigned short gm_py_readings[];    /* syllable ids, the usual (kMandarin) first */
extern const unsigned long long gm_py_words[];   /* common two-character words, sorted */
extern const unsigned gm_py_word_count;
extern const unsigned long long gm_py_word_heads[];  /* first two characters of longer ones */
extern const unsigned gm_py_word_head_count;
extern const unsigned long long gm_py_word_tails[];  /* last two characters of longer ones */
extern const unsigned gm_py_word_tail_count;

#endif
