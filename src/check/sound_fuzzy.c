/*
 * sound_fuzzy.c - near-homophones: the syllables a typist's "fuzzy pinyin"
 * (模糊音) confuses with a syllable.  The pairs are the ambiguities pinyin
 * input methods offer as options (libpinyin's PINYIN_AMB_* and
 * PINYIN_INCOMPLETE families, rime's fuzzy spelling algebra): the initials
 * z/zh, c/ch, s/sh (平翘舌), n/l, f/h, l/r, and the finals an/ang, en/eng,
 * in/ing (前后鼻音).  They are spelling rules applied to the generated
 * syllable list (pinyin_data.h), so only real syllables come out: 刷单 shua
 * dan ~ 刷当 dang, 免费领取 ~ 免费林取 lin, 老虎机 ~ 脑虎机 nao.
 */
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

unsigned gm_fuzzy_syllables(unsigned syl, unsigned short out[GM_FUZZY_MAX])
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
    return n;
}
