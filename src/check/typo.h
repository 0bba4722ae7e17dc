/*
 * typo.h - the general 错别字 detector of the expression check.
 *
 * A character is suspect when it forms no word of the bigram language
 * model with either neighbour (two Bloom probes) and is not one of the
 * commonest one-character words.  For a suspect, each character of its
 * confusion set (same reading, similar Wubi shape) that forms a model word
 * with a neighbour is tried: the window (up to 4 characters each side) is
 * scored with and without the change by the word bigram model (Viterbi)
 * and the unigram dictionary, plus a prior for the kind of confusion, and
 * the change is suggested when the score reaches the threshold.
 *
 * Whole-word slips of pinyin input (队伍 typed as 堆物) are found apart:
 * every span of 2-4 CJK characters holding two suspects (the first not one
 * of the commonest one-character words) is read as the commonest word of
 * the bigram model with the same toneless syllables (typo_homophone.h);
 * when that word forms a bigram the model holds with a neighbouring word
 * of the text it is scored the same way; of overlapping changes the best
 * is kept.  A word that forms words with its neighbours can still be the
 * slip (阉割落实 for 严格落实, 政策错失 for 政策措施): the pair path reads
 * the text as its longest model words and, where two neighbours form no
 * bigram the model holds, tries in place of each the commoner words of its
 * syllables that fit there, scored the same way.  The long-word path
 * reads a span of 3-4 characters that starts with either of two such words
 * and reaches past it as the word of its syllables (练习会议 -> 联席会议,
 * 公司懂事长 -> 董事长); the short-word path reads two one-character words
 * that form no known pair as the two-character word of their syllables
 * (说明才聊 -> 说明材料).  Tuned for precision: see
 * data/expressions/README.md and bench/expressions/.
 */
#ifndef GM_CHECK_TYPO_H
#define GM_CHECK_TYPO_H

#include <stddef.h>
#include <stdint.h>

#include "check/finding.h"
#include "check/typo_model.h"

/* The score a correction needs (natural-log likelihood ratio of the
 * window under the bigram model, plus GM_TYPO_UNIGRAM_WEIGHT times the
 * unigram dictionary's, plus the confusion kind's prior); tuned on the 80 %
 * tuning split of odw.train (bench/expressions/): with the word model that
 * learned from rows of index 0-2 mod 5, the smallest threshold giving
 * >= 0.9 precision and <= 2 % flagged correct sentences on the rows of
 * index 3 mod 5. */
#define GM_TYPO_THRESHOLD 14.5f
#define GM_TYPO_UNIGRAM_WEIGHT 0.5f
/* A change the bigram model alone gains less from is not considered. */
#define GM_TYPO_LM_GAIN_MIN 6.0f
#define GM_TYPO_PRIOR_READING 1.0f  /* same reading, another tone */
#define GM_TYPO_PRIOR_TONE 4.0f     /* same reading and tone */
/* A one-character change whose original stands in no word of the unigram
 * dictionary (付印 does, so 付 -> 复 gets nothing) and whose new word forms
 * a bigram the model holds with a word of the text next to it (合里 ->
 * 合理 before 通报): on the inner split the smallest bonus that gave the
 * most recall at 14.5 (0.481 -> 0.491, 1.5 to 3 all the same). */
#define GM_TYPO_FIT_BONUS 1.5f
/* A word of the same syllables read in place of a span of the text (支招
 * for 执照): a prior, less this for each changed character after the
 * first and this times the log of the number of words of those syllables. */
#define GM_TYPO_PRIOR_WORD 1.0f
#define GM_TYPO_WORD_EACH_CHANGE 3.0f
#define GM_TYPO_WORD_AMBIGUITY 2.0f
/* How many of the commonest words of the same syllables are tried (one:
 * a second one found nothing more on the tuning rows and cost a third of
 * the word step's time). */
#define GM_TYPO_WORD_TRIES 1
/* The pair path: how many of the commonest other words of a word's
 * syllables are tried where it forms no known pair with a neighbour (one
 * found nearly as much on the inner split, three cost nothing measurable),
 * and what its changes gain beyond a word change's score: on the inner
 * split the changes it added were right at every score from the gain
 * floor up (31 of 31 on rows 3, 24 of them below 14.5; none on a correct
 * character), so it reports from a score of 6.5 (14.5 - 8); 8.5 or more
 * would report every change that passes the gain floor. */
#define GM_TYPO_PAIR_TRIES 3
#define GM_TYPO_PAIR_BONUS 8.0f
/* The long-word path: a span of 3-4 characters over two text words that
 * form no known pair, or starting with the second of them, read as the
 * commonest word of its syllables (懂事会 -> 董事会).  On the inner split every change it made was right
 * at every score from the gain floor up (73 of 73 on rows 3 with a bonus
 * of 8), but outside the file it misread 给出研究 as 基础研究: a changed
 * character of another tone (给 gěi / 基 jī) costs this much. */
#define GM_TYPO_LONG_BONUS 8.0f
#define GM_TYPO_LONG_UNTONED 3.0f
/* The short-word path: two one-character text words that form no known
 * pair (才|聊) read as the commonest word of their syllables (材料) when
 * the word forms a known pair with a text word of two or more characters
 * next to it.  On the inner split every change it made was right from the
 * gain floor up (38 of 38 characters on rows 0-3); 10 is the smallest bonus
 * giving the most recall on rows 3 (8: 0.497, 10 to 16: 0.509).  Session 24
 * let one of the two characters stay (人|定 -> 认定, 浓|业 -> 农业): 9 more
 * right characters on rows 0-3, none wrong. */
#define GM_TYPO_SHORT_BONUS 10.0f
/* A character rarer than this on its own is not changed by a whole word. */
#define GM_TYPO_WORD_RARE_LP (-13.0f)
/* A suspect whose own one-character word is this probable is left alone. */
#define GM_TYPO_FUNCTION_LP -6.0f
/* The unigram gain that makes a near miss of a listed name a slip. */
#define GM_TYPO_SLIP_GAIN 9.0f

typedef struct gm_typo_hit {
    size_t cp, n;              /* the code points changed: cp .. cp + n - 1 (the
                                  first and the last differ from the text) */
    size_t b_start, b_end;     /* their bytes */
    uint32_t replacement[GM_TYPO_WORD_MAX];   /* what is proposed for them */
    float gain;                /* log-likelihood gain of the change */
    size_t w_start, w_len;     /* the word the change forms, in code points */
    int path;                  /* the method step that found it (GM_TYPO_PATH_*) */
} gm_typo_hit;

/* The method steps a change comes from (typo.h's header comment). */
enum { GM_TYPO_PATH_CHAR = 1, GM_TYPO_PATH_WORD, GM_TYPO_PATH_PAIR, GM_TYPO_PATH_LONG,
       GM_TYPO_PATH_SHORT };

typedef int (*gm_typo_fn)(void *ctx, const gm_typo_hit *hit, const uint32_t *cps);

/* Reports every suspect whose best change gains at least min_gain, in text
 * order; cps is the decoded text.  text must be valid UTF-8.  Returns
 * GM_E_NOMEM or what fn returned when nonzero (which stops the scan). */
int gm_typo_suggest(const gm_typo_model *m, const char *text, size_t len, float min_gain,
                    gm_typo_fn fn, void *ctx);

/* 1 when w[0..n) with w[i] replaced by c reads as a slip rather than as
 * other words: c forms no dictionary word with its neighbours in w, or the
 * original reads better by the threshold.  For near misses of listed
 * names (公安部 -> 公安不 is ordinary text, 国家医保局 -> 国家医保句 is not). */
int gm_typo_is_slip(const gm_typo_model *m, const uint32_t *w, size_t n, size_t i, uint32_t c);

/* 1 when w[0..n) (a person's name) with w[i] replaced by c holds no
 * usual dictionary word (at least GM_TYPO_WORD_RARE_LP probable) of 2 or
 * more characters covering i other than the whole name: the variant reads
 * as no part of other words (李卫东 -> 李卫冬, 赵晓峰 -> 赵小峰, 杨光明 ->
 * 杨广明 are slips of the name, 广明 a rare word; 张建国 -> 张建设 is not,
 * 建设 is text).  A name is a string of characters, not words, so the reading test
 * of gm_typo_is_slip (which reads both forms as words) misses most slips of
 * it. */
int gm_typo_is_name_slip(const gm_typo_model *m, const uint32_t *w, size_t n, size_t i,
                         uint32_t c);

/* Byte spans of a field the 错别字 check leaves alone: a listed
 * office-holder's name and the title written next to it (the 市长 of
 * 张建国市长调研 is no slip of 市场调研, whatever the bigram model says). */
typedef struct gm_typo_quiet {
    size_t (*b)[2];
    size_t n, cap;
} gm_typo_quiet;

/* Adds [b_start, b_end) to q; GM_E_NOMEM when it cannot grow. */
int gm_typo_quiet_add(gm_typo_quiet *q, size_t b_start, size_t b_end);
void gm_typo_quiet_free(gm_typo_quiet *q);

/* Appends "typo" findings (rule "expression", severity warn) for field,
 * skipping characters already inside an expression finding of that field
 * or inside a span of quiet (may be NULL). */
int gm_typo_findings(const gm_typo_model *m, const char *text, size_t len, const char *field,
                     const gm_typo_quiet *quiet, gm_findings *fs);

#endif
