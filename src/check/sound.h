/*
 * sound.h - matching lexicon terms by how they sound: toneless pinyin
 * (spaced, joined, any case), hanzi mixed with pinyin, and homophones
 * (characters sharing a reading; polyphonic characters with all their
 * readings).
 *
 * Terms made only of CJK characters are compiled into a trie over syllable
 * ids (one path per combination of their characters' readings).  The text
 * is read as a lattice: each CJK character is one step carrying all its
 * readings; a run of Latin letters that splits completely into syllables
 * gives one step per syllable of every such split; noise is skipped as the
 * literal matcher skips it; anything else breaks.  A hit whose characters
 * are exactly the term's is left to the literal matcher.  A homophone hit
 * is dropped when a substituted character at its edge forms a common word
 * with the text outside it (实时采集 is not 时时彩): ordinary words that
 * sound like a term.  Repeated characters or syllables (发发发票, dai dai)
 * are folded as the literal matcher folds them; a run of Latin letters may
 * be split by noise anywhere (d a i k a i, dai-kai) and carry tone digits
 * (dai4kai1).
 */
#ifndef GM_CHECK_SOUND_H
#define GM_CHECK_SOUND_H

#include <stddef.h>
#include <stdint.h>

#include "check/lexicon.h"
#include "util/gm_error.h"

/* GM_VIA_HOMOPHONE_WEAK: a homophone hit whose substituted character also
 * forms a common word inside it (大开发票): reported as "homophone", at
 * most a warning. */
/* GM_VIA_INITIALS: a Latin word of the term's pinyin initials (dkfp for
 * 代开发票), reported as "initials", at most a warning for three letters. */
/* GM_VIA_DIGIT, GM_VIA_EMOJI: a homophone hit in which a lone digit stands
 * for its numeral (6合彩) or an emoji for the character CLDR names it
 * (扫🐎领取); reported as "digit" / "emoji", treated as homophones. */
/* GM_VIA_NEAR: a term of three or more characters through the fuzzy
 * pinyin of one of its syllables (刷当返利, 免费林取): reported as "near", at
 * most a warning. */
/* GM_VIA_SHAPE: one character of a term of three or more characters
 * written as a character of a similar shape (六含彩, 兔费领取; sound_shape.c),
 * every other character the term's own: treated as a homophone.
 * GM_VIA_SHAPE_WEAK: the same in a two-character term, or with other
 * characters spelt in pinyin, or forming a common word inside the hit: at
 * most a warning.  Both are reported as "shape". */
/* GM_VIA_INSERTED: the term's characters literally, with a word inserted
 * (约个炮, 代开张发票) or a lone letter as a filler (赌x博) between two of them
 * (alternation.c): the term's own severity, at most a warning for a term of
 * two characters.  GM_VIA_INSERTED_WEAK: the same through a word only
 * longer terms take (无抵押的贷款), at most a warning.  Reported as "inserted". */
/* GM_VIA_MASK: a term of three or more characters with one character hidden
 * by a mask mark (六*彩, 代开□票; mask.c): treated as a homophone, at most a
 * warning for three characters.  GM_VIA_MASK_WEAK: the first character
 * hidden (*合彩): always a warning (a word is known by its start).  Both are
 * reported as "mask". */
/* GM_VIA_REVERSED: a term of three or more characters written backwards
 * (彩合六, reversed.h); three-character terms warn.  GM_VIA_ACROSTIC: a term
 * of three or more characters spelt by the first or last characters of
 * lines (藏头, 藏尾; acrostic.h); three-character terms warn. */
enum { GM_VIA_PINYIN = 1, GM_VIA_HOMOPHONE = 2, GM_VIA_HOMOPHONE_WEAK = 3, GM_VIA_INITIALS = 4,
       GM_VIA_DIGIT = 5, GM_VIA_EMOJI = 6, GM_VIA_NEAR = 7, GM_VIA_SHAPE = 8,
       GM_VIA_SHAPE_WEAK = 9, GM_VIA_INSERTED = 10, GM_VIA_MASK = 11,
       GM_VIA_INSERTED_WEAK = 12, GM_VIA_REVERSED = 13, GM_VIA_MASK_WEAK = 14,
       GM_VIA_ACROSTIC = 15 };

typedef struct gm_sound gm_sound;

typedef struct gm_sound_hit {
    uint32_t term;
    int via;                     /* GM_VIA_* */
    size_t cp_start, cp_end, b_start, b_end;
} gm_sound_hit;

typedef int (*gm_sound_fn)(void *ctx, const gm_sound_hit *hit);

/* Compiles the block/warn terms of lx that are all CJK characters. */
int gm_sound_build(gm_sound **out, const gm_lexicon *lx, gm_err *err);
void gm_sound_free(gm_sound *s);

/* Scans valid UTF-8 text; fn's nonzero return stops the scan. */
/* 1 when a b (normalised) stand side by side in some term of s. */
int gm_sound_term_pair(const gm_sound *s, uint32_t a, uint32_t b);
void gm_sound_scan(const gm_sound *s, const gm_lexicon *lx, const char *text, size_t len,
                   gm_sound_fn fn, void *ctx);

/* 1 when the CJK characters a b (normalised) are a common two-character
 * word (rime-essay's list). */
int gm_sound_common_word(uint32_t a, uint32_t b);

/* The id of the toneless syllable letters[0..n) spell, or -1. */
int gm_sound_syllable(const char *letters, size_t n);

/* Toneless syllables of cp (a normalised CJK character): count, ids in *ids. */
unsigned gm_sound_readings(uint32_t cp, const unsigned short **ids);

/* The near-homophones of syllable id syl (sound_fuzzy.c): the ids of the
 * syllables fuzzy pinyin confuses it with (zh/z, an/ang, n/l...), at most
 * GM_FUZZY_MAX; returns how many. */
#define GM_FUZZY_MAX 8
unsigned gm_fuzzy_syllables(unsigned syl, unsigned short out[GM_FUZZY_MAX]);

/* The shape index (sound_shape.c): for the characters of a lexicon's
 * terms, the characters of a similar shape a writer may put instead
 * (shape_data.h), none of them sounding alike. */
typedef struct gm_shape_index {
    uint64_t *pairs;   /* written << 32 | meant, sorted */
    size_t n, cap;
    uint32_t *first;   /* per U+4E00..U+9FFF (+1): where its pairs start in pairs */
    uint64_t *bigrams; /* set of two characters side by side in a term (a << 32 | b) */
    size_t n_bigrams, n_terms_bigrams;
    uint8_t *added;    /* while building: bit per character already added */
    uint64_t *bloom;   /* (neighbour, look-alike) pairs that may make a hit */
    size_t bloom_bits;
} gm_shape_index;
/* Adds the shape-alikes of the term character meant; -1 when out of memory. */
int gm_shape_add(gm_shape_index *ix, uint32_t meant);
/* Adds the shape-alikes of a term's characters and its pairs of neighbours. */
int gm_shape_add_term(gm_shape_index *ix, const uint32_t *chars, size_t n);
int gm_shape_finish(gm_shape_index *ix);   /* sorts; before any look-up */
/* 1 when cp may be written for some term character by its shape. */
int gm_shape_written(const gm_shape_index *ix, uint32_t cp);
/* The pairs (written << 32 | meant) of the term characters written may stand
 * for, in *pairs; how many. */
size_t gm_shape_meant(const gm_shape_index *ix, uint32_t written, const uint64_t **pairs);
/* 0 when look-alike b after a (side 1), or look-alike a before b (side 2),
 * surely stands beside no character of a term it may stand for (a Bloom
 * filter: a rare false 1). */
int gm_shape_near(const gm_shape_index *ix, uint32_t a, uint32_t b, int side);
/* 1 when a b stand side by side in some term. */
int gm_shape_bigram(const gm_shape_index *ix, uint32_t a, uint32_t b);
/* 1 when written is a common character (GB 2312's first level, 一级汉字):
 * beside another character it is far more often a word than an evasion. */
int gm_shape_common(uint32_t written);
/* 1 when written may stand for meant by its shape. */
int gm_shape_alike(const gm_shape_index *ix, uint32_t written, uint32_t meant);
void gm_shape_free(gm_shape_index *ix);

/* The initials index (sound_initials.c): terms of 2..GM_INITIALS_MAX CJK
 * characters by every spelling of their pinyin initials (two letters are
 * looked up only as a lower-case word beside a character, sound.c). */
#define GM_INITIALS_MAX 8
typedef struct gm_initials_entry {
    uint64_t key;     /* the letters, packed */
    uint32_t term;
} gm_initials_entry;
typedef struct gm_initials {
    gm_initials_entry *v;
    size_t n, cap;
} gm_initials;
/* Indexes term by the initials of chars[0..n) (nothing when n is not
 * 2..GM_INITIALS_MAX); -1 when out of memory. */
int gm_initials_add(gm_initials *in, const uint32_t *chars, size_t n, uint32_t term);
void gm_initials_finish(gm_initials *in);   /* sorts; before any find */
/* The terms (at most max, into terms) whose initials are letters[0..n)
 * (lower-case a-z). */
size_t gm_initials_find(const gm_initials *in, const char *letters, size_t n, uint32_t *terms,
                        size_t max);
void gm_initials_free(gm_initials *in);

/* Reports (fn, via GM_VIA_INITIALS) the terms of in spelt by characters
 * mixed with initials in text (代kfp, dk发票): a run of CJK characters and
 * Latin letters, at least one of each, no Latin word cut, every character
 * the term's own (chars + chars_at[t], as gm_sound keeps them). */
void gm_initials_mixed(const gm_initials *in, const uint32_t *chars, const uint32_t *chars_at,
                       const char *text, size_t len, gm_sound_fn fn, void *ctx);

/* The mask index (mask.c): terms of three or more characters by the
 * characters on either side of each position, to read a term with one
 * character hidden by a mask mark (六*彩, *合彩). */
typedef struct gm_mask_entry {
    uint64_t key;      /* the character before the hole (the first: a marker) << 32 | the one
                          after it (0: none) */
    uint32_t term, hole;
} gm_mask_entry;
typedef struct gm_mask_index {
    gm_mask_entry *v;
    size_t n, cap;
} gm_mask_index;
/* Indexes term by chars[0..n) (nothing when n < 3); -1 when out of memory. */
int gm_mask_add(gm_mask_index *ix, const uint32_t *chars, size_t n, uint32_t term);
void gm_mask_finish(gm_mask_index *ix);   /* sorts; before any scan */
/* 1 when cp is a mark that may hide a character (* × □ ○ ※ ...). */
int gm_mask_mark(uint32_t cp);
void gm_mask_free(gm_mask_index *ix);
/* Reports (fn, via GM_VIA_MASK) the terms of ix written in text with one
 * character hidden by a mask mark, the others literally (chars + chars_at[t],
 * as gm_sound keeps them). */
void gm_mask_scan(const gm_mask_index *ix, const uint32_t *chars, const uint32_t *chars_at,
                  const char *text, size_t len, gm_sound_fn fn, void *ctx);

#endif
