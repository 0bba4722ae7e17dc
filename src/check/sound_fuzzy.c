/*
 * sound_fuzzy.c - near-homophones: the syllables a typist's "fuzzy pinyin"
 * (模糊音) confuses with a syllable.  The pairs are the ambiguities pinyin
 * input methods offer as options (libpinyin's PINYIN_AMB_* and
 * PINYIN_INCOMPLETE families, rime's fuzzy spelling algebra): the initials
 * z/zh, c/ch, s/sh (平翘舌), n/l, f/h, l/r, and the finals an/ang, en/eng,
 * in/ing (前后鼻音); and, as southern accents say them, the medial u
 * dropped or added (uan/an, ua/a, ui/ei: 贷款 ~ 贷坎 kan) and the final i
 * with or without a nasal ending (i/in/ing: 收益 ~ 收英 ying).  They are
 * spelling rules applied to the generated syllable list (pinyin_data.h), so
 * only real syllables come out: 刷单 shua dan ~ 刷当 dang, 免费领取 ~ 免费林取
 * lin, 老虎机 ~ 脑虎机 nao.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "check/pinyin_data.h"
#include "check/sound.h"

static const char *const initials[][2] = {{"zh", "z"}, {"ch", "c"}, {"sh", "s"},
                                          {"n", "l"}, {"f", "h"}, {"r", "l"}};
static const char *const finals[][2] = {{"ang", "an"}, {"eng", "en"}, {"ing", "in"}};

/* Adds the syllable spelt head + tail to out (once) when it is one. */
static unsigned add(unsigned short *out, unsigned n, unsigned self, const char *head,
                    size_t hl, const char *tail)
{
    char buf[16];
    if (hl + strlen(tail) >= sizeof buf)
        return n;
    memcpy(buf, head, hl);
    strcpy(buf + hl, tail);
    int id = gm_sound_syllable(buf, strlen(buf));
    if (id < 0 || (unsigned)id == self || n == GM_FUZZY_MAX)
        return n;
    for (unsigned i = 0; i < n; i++)
        if (out[i] == id)
            return n;
    out[n] = (unsigned short)id;
    return n + 1;
}

/* The finals that differ only by the medial u (合口 and 开口): 贷款 kuan read
 * as kan, 刷单 shua as sha, 对 dui as dei, as southern accents say them. */
static const char *const medial[][2] = {{"ua", "a"},   {"uo", "o"},   {"uai", "ai"}, {"uan", "an"},
                                        {"uang", "ang"}, {"ui", "ei"}, {"un", "en"}};

/* Adds the syllables with the medial u of s dropped or added: only after a
 * consonant initial other than j q x y (whose u is ü: juan is no jan). */
static unsigned add_medial(unsigned short *out, unsigned n, unsigned syl, const char *s)
{
    size_t il = s[0] && strchr("zcs", s[0]) && s[1] == 'h' ? 2
                : s[0] && strchr("bpmfdtnlgkhrzcs", s[0]) ? 1
                                                           : 0;
    if (il == 0)
        return n;
    for (size_t r = 0; r < sizeof medial / sizeof *medial; r++)
        for (int way = 0; way < 2; way++)
            if (strcmp(s + il, medial[r][way]) == 0)
                n = add(out, n, syl, s, il, medial[r][!way]);
    return n;
}

/* Adds the syllables of the final i with a nasal ending added or dropped:
 * 益 yi read as ying (收英), 比 bi as bin. */
static unsigned add_nasal_i(unsigned short *out, unsigned n, unsigned syl, const char *s, size_t len)
{
    static const char *const finals_i[] = {"i", "in", "ing"};
    for (size_t a = 0; a < 3; a++) {
        size_t al = strlen(finals_i[a]);
        if (len <= al || strcmp(s + len - al, finals_i[a]) != 0 || strchr("aeiouv", s[len - al - 1]))
            continue;   /* the final itself, after an initial: bi, not bei or gui */
        for (size_t b = 0; b < 3; b++)
            if (b != a)
                n = add(out, n, syl, s, len - al, finals_i[b]);
    }
    return n;
}

static unsigned spell_near(unsigned syl, unsigned short out[GM_FUZZY_MAX])
{
    const char *s = gm_py_syllables[syl];
    size_t len = strlen(s);
    unsigned n = 0;
    for (size_t r = 0; r < sizeof initials / sizeof *initials; r++)
        for (int way = 0; way < 2; way++) {
            const char *from = initials[r][way], *to = initials[r][!way];
            size_t fl = strlen(from);
            /* z is not the start of zh: the longer initial is tried first */
            if (strncmp(s, from, fl) != 0 || (fl == 1 && s[1] == 'h' && strchr("zcs", s[0])))
                continue;
            n = add(out, n, syl, to, strlen(to), s + fl);
        }
    for (size_t r = 0; r < sizeof finals / sizeof *finals; r++)
        for (int way = 0; way < 2; way++) {
            const char *from = finals[r][way], *to = finals[r][!way];
            size_t fl = strlen(from);
            if (len < fl || strcmp(s + len - fl, from) != 0)
                continue;
            n = add(out, n, syl, s, len - fl, to);
        }
    n = add_medial(out, n, syl, s);
    return add_nasal_i(out, n, syl, s, len);
}

/* Every syllable's near ones, spelt once per process (lexicons of many
 * thousand terms ask for the same few hundred syllables again and again). */
static unsigned short (*near_of)[GM_FUZZY_MAX + 1];
static pthread_once_t near_once = PTHREAD_ONCE_INIT;

static void build_near(void)
{
    unsigned short (*t)[GM_FUZZY_MAX + 1] = calloc(gm_py_syllable_count, sizeof *t);
    if (!t)
        return;
    for (unsigned i = 0; i < gm_py_syllable_count; i++)
        t[i][GM_FUZZY_MAX] = (unsigned short)spell_near(i, t[i]);
    near_of = t;
}

unsigned gm_fuzzy_syllables(unsigned syl, unsigned short out[GM_FUZZY_MAX])
{
    pthread_once(&near_once, build_near);
    if (!near_of)
        return spell_near(syl, out);   /* out of memory: spelt each time */
    unsigned n = near_of[syl][GM_FUZZY_MAX];
    memcpy(out, near_of[syl], n * sizeof *out);
    return n;
}
