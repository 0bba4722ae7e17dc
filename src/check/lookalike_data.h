/*
 * lookalike_data.h - stand-ins for letters and characters, generated at
 * build time by scripts/gen_lookalike.py from ICU's confusable skeletons
 * (UTS #39), Unicode's UnicodeData.txt, NamesList.txt,
 * EquivalentUnifiedIdeograph.txt, Unihan kPrimaryNumeric, kZVariant and
 * kSemanticVariant, OpenCC's jp2t, and CLDR's Chinese emoji names; never
 * typed by hand.  The normaliser folds the radicals; the sound matcher reads the
 * look-alike letters as Latin ones and a digit or an emoji as the character
 * it stands for (6合彩, 扫🐎领取).
 */
#ifndef GM_CHECK_LOOKALIKE_DATA_H
#define GM_CHECK_LOOKALIKE_DATA_H

typedef struct gm_la_pair {
    unsigned cp;     /* the stand-in */
    unsigned to;     /* 'a'-'z' (letters) or a CJK code point */
} gm_la_pair;

extern const gm_la_pair gm_la_letters[];     /* sorted by cp: а ο ɡ 🅓 🇩 ... */
extern const unsigned gm_la_letters_count;
extern const gm_la_pair gm_la_ideographs[];  /* sorted by cp: ⻩ -> 黄 (CJK radicals) */
extern const unsigned gm_la_ideographs_count;
extern const gm_la_pair gm_la_variants[];    /* sorted by cp: 躶 -> 裸, 発 -> 发 (rare forms) */
extern const unsigned gm_la_variants_count;
extern const unsigned gm_la_separators[];    /* sorted: ᐧ ー ㅡ ǃ, letters that look like a separator */
extern const unsigned gm_la_separators_count;
extern const unsigned gm_la_numerals[10];    /* 零 一 二 ... 九 */
extern const gm_la_pair gm_la_emoji[];       /* sorted by cp: 🐎 -> 马 */
extern const unsigned gm_la_emoji_count;

typedef struct gm_la_zhuyin_pair {
    unsigned long long key;   /* up to four bopomofo letters, 16 bits each, first highest */
    const char *pinyin;       /* the toneless syllable they spell */
} gm_la_zhuyin_pair;
extern const gm_la_zhuyin_pair gm_la_zhuyin[];  /* sorted by key: ㄉㄞ -> dai */
extern const unsigned gm_la_zhuyin_count;

/* The syllable the packed bopomofo letters key spell, or NULL. */
const char *gm_la_zhuyin_find(unsigned long long key);

/* 1 when cp looks like a separator (gm_la_separators). */
int gm_la_separator(unsigned cp);

/* The pair of v[0..n) whose cp is cp, or NULL. */
const gm_la_pair *gm_la_find(const gm_la_pair *v, unsigned n, unsigned cp);

#endif
