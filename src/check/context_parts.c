/*
 * context_parts.c - a text told in numbered parts, for the
 * enforcement-context grammar (context.c): the panels of a comic (第一格：…
 * 第二格：…第四格：…原来是骗局) and the items of an outline (培训提纲：一、X的
 * 概念；二、常见手法；三、查处依据).  No part says by itself what the whole
 * is about; the parts together do.  A term in a part, or in the heading
 * before the first one (四格漫画《阿强的X之路》：第一格…), is governed when
 * another part fights (an enforcement, condemning or legal word: 血本无归,
 * 后悔莫及, 上当了, 查处依据, 典型案例).
 *
 * Parts are marked by 第N格 (N a numeral, anywhere) or by a numeral and 、
 * at the start of the text, of a line or after ：；。 (一、 二、 1、), at least
 * two of the same kind.  Only in a text without an advert cue (hs->join): a
 * comic that sells (第三格暴富，第四格扫码加入我们, with a cue) keeps the
 * term's severity.
 */
#include <string.h>

#include "check/checker_int.h"
#include "check/normalize.h"

#define PARTS_MAX 12   /* most parts looked at */

#define N(a) (sizeof a / sizeof *a)

static const char *const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九",
                                       "十"};

/* A numeral at b (Chinese, or one ASCII digit): its bytes, or 0. */
static size_t numeral_at(const char *text, size_t len, size_t b)
{
    if (b < len && text[b] >= '1' && text[b] <= '9')
        return 1;
    for (size_t i = 0; i < N(numerals); i++)
        if (b + 3 <= len && memcmp(text + b, numerals[i], 3) == 0)
            return 3;
    return 0;
}

static int starts(const char *text, size_t at, size_t len, const char *word)
{
    size_t wl = strlen(word);
    return len >= at + wl && memcmp(text + at, word, wl) == 0;
}

/* What may stand before an outline's numeral: the text's or a line's
 * start, ：；。 or a space. */
static int item_break_before(const char *text, size_t b)
{
    if (b == 0 || text[b - 1] == '\n' || text[b - 1] == ' ')
        return 1;
    return b >= 3 && (memcmp(text + b - 3, "：", 3) == 0 || memcmp(text + b - 3, "；", 3) == 0 ||
                      memcmp(text + b - 3, "。", 3) == 0);
}

/* A part's mark at b: 1 a comic's panel (第N格), 2 an outline's item (一、
 * after a break); *end is where the mark ends. */
static int mark_at(const char *text, size_t len, size_t b, size_t *end)
{
    size_t n;
    if (starts(text, b, len, "第") && (n = numeral_at(text, len, b + 3)) &&
        starts(text, b + 3 + n, len, "格")) {
        *end = b + 3 + n + 3;
        return 1;
    }
    if (item_break_before(text, b) && (n = numeral_at(text, len, b)) &&
        starts(text, b + n, len, "、")) {
        *end = b + n + 3;
        return 2;
    }
    return 0;
}

/* The lead bytes of 第 (E7 AC AC), of a Chinese numeral (E4 or E5: 一 E4 B8
 * 80, 四 E5 9B 9B) or an ASCII digit: the only places a mark may start. */
static int may_mark(unsigned char c)
{
    return c == 0xE7 || c == 0xE4 || c == 0xE5 || (c >= '1' && c <= '9');
}

/* The end of the last part, starting at b: the end of its sentence (。！？
 * or a line break). */
static size_t last_part_end(const char *text, size_t len, size_t b)
{
    for (size_t at = b; at < len; at++)
        if (text[at] == '\n' ||
            (at + 3 <= len && (memcmp(text + at, "。", 3) == 0 || memcmp(text + at, "！", 3) == 0 ||
                               memcmp(text + at, "？", 3) == 0)))
            return at;
    return len;
}

/* The marks of the text's parts (at most PARTS_MAX, all of the first kind
 * found): their starts in at, their ends in ends; how many. */
static size_t marks_of(const char *text, size_t len, size_t *at, size_t *ends)
{
    size_t n = 0;
    int kind = 0;
    for (size_t b = 0; b < len && n < PARTS_MAX; b++) {
        size_t e;
        int k;
        if (!may_mark((unsigned char)text[b]) || !(k = mark_at(text, len, b, &e)))
            continue;
        if (kind && k != kind)
            continue;
        kind = k;
        at[n] = b;
        ends[n++] = e;
        b = e - 1;
    }
    return n;
}

int gm_context_parts(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    if (!hs->join)
        return 0;
    size_t at[PARTS_MAX], ends[PARTS_MAX], n = 0;
    if (!hs->parts_seen) {   /* once per text: two marks? */
        hs->parts_seen = 1;
        hs->parts = (n = marks_of(text, len, at, ends)) >= 2;
    }
    if (!hs->parts)
        return 0;
    if (!n)
        n = marks_of(text, len, at, ends);   /* a text in parts: its marks again */
    size_t head = at[0];   /* the heading before the first part, on its line */
    while (head > 0 && text[head - 1] != '\n')
        head--;
    size_t last = last_part_end(text, len, ends[n - 1]);
    if (h->b_start < head || h->b_end > last)
        return 0;
    for (size_t i = 0; i < n; i++) {
        size_t pe = i + 1 < n ? at[i + 1] : last;
        if (gm_context_fights(hs, text, ends[i], pe, h))
            return 1;
    }
    return 0;
}
