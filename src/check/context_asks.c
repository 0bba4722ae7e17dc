/*
 * context_asks.c - the question official text asks about meeting the term,
 * for the enforcement-context grammar (context.c): 遇到X怎么办？, 收到X短信
 * 应该怎么处理？, 家里老人陷入X怎么劝？ - exam questions, Q&A columns,
 * notices for the elderly.  Someone met the term (a verb of meeting or
 * falling before it) and asks how to respond (a how-word after it, in the
 * same sentence, which ends in a question mark).
 *
 * The question alone does not fight: 刷到X怎么办？直接冲！ is an advert.  It
 * is governed when its own sentence or one of the two after it fights or
 * speaks in official register (一挂、二问、三报警; 我们请教了社区民警), or
 * when it is set as a test question (第8题：…, 必考题：…) or nothing follows it.
 * Only in a text without an advert cue (hs->join).
 */
#include <string.h>

#include "check/checker_int.h"

#define MEET_GAP 24   /* most bytes between a verb of meeting and the term */
#define HOW_GAP 36    /* most bytes between the term and the how-word */

#define N(a) (sizeof a / sizeof *a)

static const char *const meeting[] = {"遇到", "碰到", "收到", "接到", "看到", "刷到", "陷入",
                                      "迷上", "沉迷", "卷入", "误入", "染上", "落入", "参加",
                                      "参与"};
static const char *const how[] = {"怎么办", "怎么做", "怎么劝", "怎么处理", "如何处理",
                                  "如何应对", "怎么应对", "该怎么", "如何是好", "咋办"};

static const char *find(const char *text, size_t from, size_t to, const char *word)
{
    size_t wl = strlen(word);
    return to > from && to - from >= wl ? memmem(text + from, to - from, word, wl) : NULL;
}

/* A stop of a sentence at b: 。！？!? or a line break; its bytes or 0. */
static size_t stop_at(const char *text, size_t len, size_t b)
{
    if (text[b] == '\n' || text[b] == '!' || text[b] == '?')
        return 1;
    if (b + 3 <= len && (memcmp(text + b, "。", 3) == 0 || memcmp(text + b, "！", 3) == 0 ||
                         memcmp(text + b, "？", 3) == 0))
        return 3;
    return 0;
}

/* Where the sentence holding b starts. */
static size_t start_of(const char *text, size_t b)
{
    while (b > 0) {
        if (text[b - 1] == '\n' || text[b - 1] == '!' || text[b - 1] == '?')
            break;
        if (b >= 3 && (memcmp(text + b - 3, "。", 3) == 0 || memcmp(text + b - 3, "！", 3) == 0 ||
                       memcmp(text + b - 3, "？", 3) == 0))
            break;
        b--;
    }
    return b;
}

/* Where the sentence holding b ends (at its stop), and the stop's bytes. */
static size_t end_of(const char *text, size_t len, size_t b, size_t *l)
{
    for (; b < len; b++)
        if ((*l = stop_at(text, len, b)))
            return b;
    *l = 0;
    return len;
}

/* A register hit (an official speaker) in text[from, to). */
static int register_in(const gm_ctx_hits *hs, size_t from, size_t to)
{
    for (size_t i = 0; i < hs->reg.n; i++)
        if (hs->reg.v[i].b_start >= from && hs->reg.v[i].b_end <= to)
            return 1;
    return 0;
}

int gm_context_asks_how(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    if (!hs->join)
        return 0;
    if (!hs->how_seen) {   /* once per text: a how-word anywhere? */
        hs->how_seen = 1;
        for (size_t i = 0; i < N(how) && !hs->how; i++)
            hs->how = find(text, 0, len, how[i]) != NULL;
    }
    if (!hs->how)
        return 0;
    size_t ss = start_of(text, h->b_start), l;
    size_t se = end_of(text, len, h->b_end, &l);
    if (!((l == 3 && memcmp(text + se, "？", 3) == 0) || (l == 1 && text[se] == '?')))
        return 0;   /* not a question */
    size_t from = h->b_start > ss + MEET_GAP ? h->b_start - MEET_GAP : ss;
    int met = 0, asked = 0;
    for (size_t i = 0; i < N(meeting) && !met; i++)
        met = find(text, from, h->b_start, meeting[i]) != NULL;
    size_t to = se < h->b_end + HOW_GAP ? se : h->b_end + HOW_GAP;
    for (size_t i = 0; i < N(how) && met && !asked; i++)
        asked = find(text, h->b_end, to, how[i]) != NULL;
    if (!asked)
        return 0;
    size_t ls = h->b_start;
    while (ls > 0 && text[ls - 1] != '\n')
        ls--;
    if (find(text, ls, h->b_start, "题：") || find(text, ls, h->b_start, "题:"))
        return 1;   /* a test question (第8题：小明收到参与X的邀请，他应该怎么做？) */
    size_t after = se + l, stop = after;
    for (int k = 0; k < 2 && stop < len; k++) {
        stop = end_of(text, len, stop, &l);
        stop += l;
    }
    while (after < len && (text[after] == ' ' || text[after] == '\n'))
        after++;
    return after >= len || gm_context_fights(hs, text, ss, stop, h) ||
           register_in(hs, ss, stop);
}
