/*
 * context_marks.c - emoji marks of a list of don'ts, for the
 * enforcement-context grammar (context.c).  Posts for the phone set their
 * rules as ticked items (✅不点陌生链接 ✅不信赌博 ✅不向陌生人转账) or cross
 * out what they warn against (✅正规渠道 ❌赌博; 🚫赌博):
 *
 *  - a checklist of don'ts: the term's item follows a tick (✅ ✔ ☑ ✓) and
 *    starts with a negation and a verb of taking part (不信, 不碰, 别点,
 *    勿扫, 拒绝, 远离), at most DONT characters before the term, and the text
 *    has at least two such ticked negations;
 *  - a cross (❌ ❎ 🚫 ⛔ ✖ ✗ ✘ 🙅) right before the term.
 *
 * Only in a text without an advert cue (hs->join): a post that sells ticks
 * its own offers (✅不限年龄 ✅X日结 加微信) and keeps the term's severity.
 */
#include <string.h>

#include "check/checker_int.h"
#include "check/normalize.h"
#include "check/han.h"

#define DONT 4   /* most characters between a tick's negation and the term */

#define N(a) (sizeof a / sizeof *a)

/* Negations of a ticked don't, each before a verb of taking part (不信,
 * 不要点) or alone (拒绝, 远离). */
static const char *const negations[] = {"不要", "别", "勿", "莫", "不"};
static const char *const verbs[] = {"信", "碰", "点", "听", "沾", "玩", "去", "扫", "接", "转",
                                    "下载", "参与", "加入", "相信", "轻信", "接触", "理会"};
static const char *const refusing[] = {"拒绝", "远离", "抵制"};

static int tick(uint32_t cp)
{
    return cp == 0x2705 || cp == 0x2714 || cp == 0x2611 || cp == 0x2713;
}

static int cross(uint32_t cp)
{
    return cp == 0x274C || cp == 0x274E || cp == 0x1F6AB || cp == 0x26D4 || cp == 0x2716 ||
           cp == 0x2717 || cp == 0x2718 || cp == 0x1F645;
}

/* What a mark may carry after it: a variation selector, a skin tone, a
 * zero-width joiner and the sign after it (🙅‍♀️), a space. */
static int mark_tail(uint32_t cp)
{
    return cp == 0xFE0F || cp == 0x200D || cp == 0x2640 || cp == 0x2642 || cp == ' ' ||
           cp == 0x3000 || (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

static size_t word_at(const char *text, size_t at, size_t to, const char *const *words,
                      size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(words[i]);
        if (at + l <= to && memcmp(text + at, words[i], l) == 0)
            return l;
    }
    return 0;
}

/* Bytes of a ticked don't at text[at, to) (不信, 别点, 拒绝), or 0. */
static size_t dont_at(const char *text, size_t at, size_t to)
{
    size_t r = word_at(text, at, to, refusing, N(refusing));
    if (r)
        return r;
    size_t n = word_at(text, at, to, negations, N(negations));
    size_t v = n ? word_at(text, at + n, to, verbs, N(verbs)) : 0;
    return v ? n + v : 0;
}

/* Where the mark before byte b ends its tail, or b itself when none:
 * the mark's code point in *mark (0 when none). */
static size_t mark_before(const char *text, size_t b, uint32_t *mark)
{
    size_t at;
    *mark = 0;
    for (int k = 0; b > 0 && k < 6; k++) {
        uint32_t cp = gm_context_cp_before(text, b, &at);
        if (tick(cp) || cross(cp)) {
            *mark = cp;
            return at;
        }
        if (!mark_tail(cp))
            return b;
        b = at;
    }
    return b;
}

/* A tick (✅ ✔ ☑ ✓: E2 9C 85/94/93, E2 98 91) or a cross (❌ ❎ ✖ ✗ ✘: E2 9D 8C/8E,
 * E2 9C 96-98; ⛔ E2 9B 94; 🚫 F0 9F 9A AB; 🙅 F0 9F 99 85) starts at byte b:
 * its code point, or 0.  Looked at by bytes, without decoding the text. */
static uint32_t mark_at(const unsigned char *u, size_t len, size_t b)
{
    if (u[b] == 0xE2 && b + 2 < len && (u[b + 1] == 0x9C || u[b + 1] == 0x9D ||
                                         u[b + 1] == 0x98 || u[b + 1] == 0x9B)) {
        uint32_t cp = 0x2000u + ((u[b + 1] & 0x3Fu) << 6) + (u[b + 2] & 0x3Fu);
        return tick(cp) || cross(cp) ? cp : 0;
    }
    if (u[b] == 0xF0 && b + 3 < len && u[b + 1] == 0x9F &&
        ((u[b + 2] == 0x9A && u[b + 3] == 0xAB) || (u[b + 2] == 0x99 && u[b + 3] == 0x85)))
        return u[b + 2] == 0x9A ? 0x1F6AB : 0x1F645;
    return 0;
}

/* 2 when the text has two ticked don'ts, 1 when it has some tick or cross,
 * else 0. */
static int marks_of(const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    int any = 0, donts = 0;
    for (size_t b = 0; b < len && donts < 2; b++) {
        uint32_t cp = (u[b] == 0xE2 || u[b] == 0xF0) ? mark_at(u, len, b) : 0;
        if (!cp)
            continue;
        any = 1;
        size_t at = b + (u[b] == 0xF0 ? 4 : 3);
        while (at < len) {
            size_t tl = gm_utf8_decode(u + at, len - at, &cp);
            if (!tl || !mark_tail(cp))
                break;
            at += tl;
        }
        donts += tick(mark_at(u, len, b)) && dont_at(text, at, len) != 0;
        b = at - 1;
    }
    return donts >= 2 ? 2 : any;
}

int gm_context_marked(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    if (!hs->join)
        return 0;
    if (!hs->marks2_seen) {   /* once per text */
        hs->marks2_seen = 1;
        hs->marked = marks_of(text, len);
    }
    if (!hs->marked)
        return 0;
    uint32_t mark;
    if (mark_before(text, h->b_start, &mark) != h->b_start && cross(mark))
        return 1;   /* ❌赌博 */
    if (hs->marked < 2)
        return 0;
    size_t b = h->b_start, at;
    for (int k = 0; b > 0 && k <= DONT + 2; k++) {   /* back to the tick: ✅不信赌博 */
        uint32_t cp = gm_context_cp_before(text, b, &at);
        if (tick(cp) || mark_tail(cp)) {
            mark_before(text, b, &mark);
            size_t n = word_at(text, b, h->b_start, negations, N(negations));
            return tick(mark) &&
                   (dont_at(text, b, h->b_start) != 0 ||   /* a verb folded into the term: */
                    (n && b + n == h->b_start &&          /* 不信信用卡套现 */
                     word_at(text, h->b_start, h->b_end, verbs, N(verbs))));
        }
        if (!gm_is_han_basic(cp))
            return 0;
        b = at;
    }
    return 0;
}
