/*
 * context_turns.c - two shapes of official text that name what they fight
 * without an enforcement word next to it, for the enforcement-context
 * grammar (context.c):
 *
 *  - a dialogue of labelled turns (民警：…⏎大姐：…⏎民警：…), as anti-fraud
 *    scripts, 情景剧 and case write-ups give it: the term in any turn is
 *    governed when a turn whose label names an official speaker (a register
 *    word or a body's name in the label: 民警, 社区民警老张, 网格员小李, 检察官;
 *    or the tail of such a label, 老张 after 社区民警老张) fights (an
 *    enforcement, condemning or legal word in its words);
 *  - an item of a quiz or a questionnaire (a stem, options A. B. C. or □,
 *    a blank （ ）, an answer 答案：…): the term in the stem or an option is
 *    governed when the item fights, when the answer marks the statement
 *    false (判断题：…（ ）答案：×), or when the stem asks the respondent
 *    whether they met it (您是否收到过X短信？A.经常 B.偶尔), or when the stem
 *    is a test question about it (下列不属于X特征的是（ ）A.… B.…; 以下哪一项
 *    属于X？A.… B.…).
 *
 * Both only in a text without an advert cue (hs->join): a dialogue or a
 * quiz that sells (客服：…加微信发您链接; 想赚钱选哪个？A.X 答案：A，私聊)
 * keeps the term's severity.
 */
#include <string.h>

#include "check/checker_int.h"
#include "check/normalize.h"
#include "check/han.h"

#define LABEL_MAX 8    /* most characters of a speaker's label */
#define ITEM_LINES 8   /* most lines of a quiz item (stem, options, answer) */

#define N(a) (sizeof a / sizeof *a)

static uint32_t cp_at(const char *text, size_t len, size_t b, size_t *l)
{
    uint32_t cp = 0;
    *l = b < len ? gm_utf8_decode((const unsigned char *)text + b, len - b, &cp) : 0;
    if (b < len && !*l)
        *l = 1;
    return b < len ? cp : 0;
}

static int has(const char *text, size_t from, size_t to, const char *word)
{
    size_t wl = strlen(word);
    return to > from && to - from >= wl && memmem(text + from, to - from, word, wl);
}

static int starts(const char *text, size_t at, size_t to, const char *word)
{
    size_t wl = strlen(word);
    return to >= at + wl && memcmp(text + at, word, wl) == 0;
}

/* ---- dialogues ---------------------------------------------------------- */

/* A character of a label: CJK or a Latin letter (民警, 小刘, Q). */
static int label_char(uint32_t cp)
{
    return gm_is_han_basic(cp) || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
}

/* A turn starts at the text's start, after a line break or after the end
 * of a sentence (。！？ or a closing quote, maybe followed by spaces). */
static int turn_may_start(const char *text, size_t b)
{
    if (b == 0)
        return 1;
    unsigned char c = (unsigned char)text[b - 1];
    if (c == '\n' || c == '\r')
        return 1;
    if (c != 0x82 && c != 0x81 && c != 0x9F && c != 0x9D && c != '!' && c != '?')
        return 0;   /* not the last byte of 。！？” ! ? */
    static const char *const stops[] = {"。", "！", "？", "”", "!", "?"};
    for (size_t i = 0; i < N(stops); i++) {
        size_t wl = strlen(stops[i]);
        if (b >= wl && memcmp(text + b - wl, stops[i], wl) == 0)
            return 1;
    }
    return 0;
}

/* A label at b - one to LABEL_MAX label characters and a colon - its end
 * past the colon in *end; 0 when there is none. */
static int label_at(const char *text, size_t len, size_t b, size_t *end)
{
    size_t at = b, l;
    for (int k = 0; k <= LABEL_MAX && at < len; k++) {
        uint32_t cp = cp_at(text, len, at, &l);
        if (cp == 0xFF1A || cp == ':') {
            *end = at + l;
            return k > 0;
        }
        if (!label_char(cp))
            return 0;
        at += l;
    }
    return 0;
}

typedef struct turn {
    size_t ls, le;   /* the label, colon included */
    size_t te;       /* the end of its words (the next turn's label) */
} turn;

enum { TURNS_MAX = 16 };

/* The labelled turns of text, in order; their number. */
static size_t turns_of(const char *text, size_t len, turn *t)
{
    size_t n = 0, end;
    for (size_t b = 0; b < len && n < TURNS_MAX; b++) {
        if (((unsigned char)text[b] & 0xC0) == 0x80 || !turn_may_start(text, b))
            continue;
        size_t at = b;
        while (at < len && (text[at] == ' ' || text[at] == '\t'))
            at++;
        if (label_at(text, len, at, &end)) {
            if (n)
                t[n - 1].te = at;
            t[n++] = (turn){at, end, len};
            b = end - 1;
        }
    }
    return n;
}

/* The label of t names an official speaker: a register word or a body's
 * name inside it, not an offender's role nor a party (被告人：, 李某：). */
static int official_label(const gm_ctx_hits *hs, const char *text, const turn *t)
{
    for (size_t i = 0; i < hs->reg.n; i++) {
        const gm_hit *r = &hs->reg.v[i];
        if (r->b_start >= t->ls && r->b_end <= t->le && r->term != GM_CTX_PARTY &&
            !gm_context_offender(text, r))
            return 1;
    }
    return 0;
}

/* The colon's bytes at the end of t's label (： or :). */
static size_t colon_bytes(const char *text, const turn *t)
{
    return text[t->le - 1] == ':' ? 1 : 3;
}

/* t's label names again, by its tail, the speaker of another turn whose
 * label is official (社区民警老张：… 老张：…): at least two characters. */
static int official_by_tail(const gm_ctx_hits *hs, const char *text, const turn *t,
                            const turn *all, size_t n)
{
    size_t tl = t->le - colon_bytes(text, t) - t->ls;
    if (tl < 6)
        return 0;
    for (size_t i = 0; i < n; i++) {
        const turn *u = &all[i];
        size_t ul = u->le - colon_bytes(text, u) - u->ls;
        if (u != t && ul > tl && memcmp(text + u->ls + ul - tl, text + t->ls, tl) == 0 &&
            official_label(hs, text, u))
            return 1;
    }
    return 0;
}

/* Two labels differ (a dialogue has at least two speakers). */
static int other_speaker(const char *text, const turn *a, const turn *b)
{
    return a->le - a->ls != b->le - b->ls || memcmp(text + a->ls, text + b->ls, a->le - a->ls);
}

/* h lies in the words of a turn of a dialogue (two speakers at least)
 * whose official speaker fights in some turn; t holds the text's n turns. */
static int dialogue(gm_ctx_hits *hs, const char *text, const turn *t, size_t n, const gm_hit *h)
{
    int in = 0;
    for (size_t i = 0; i < n; i++)
        in |= h->b_start >= t[i].le && h->b_end <= t[i].te;
    if (!in)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((official_label(hs, text, &t[i]) || official_by_tail(hs, text, &t[i], t, n)) &&
            gm_context_fights(hs, text, t[i].le, t[i].te, h))
            return 1;
    return 0;
}

/* ---- quiz and questionnaire items ---------------------------------------- */

static size_t line_start(const char *text, size_t b)
{
    while (b > 0 && text[b - 1] != '\n')
        b--;
    return b;
}

static size_t line_end(const char *text, size_t len, size_t b)
{
    const char *nl = memchr(text + b, '\n', len - b);
    return nl ? (size_t)(nl - text) : len;
}

/* A box to tick (□ ☐ ○). */
static int box(uint32_t cp)
{
    return cp == 0x25A1 || cp == 0x2610 || cp == 0x25CB;
}

/* An option's letter at b: A-D (or Ａ-Ｄ) after a break (start, space,
 * punctuation) and before . ． 、 ) ） : ： or a space; its length or 0. */
static size_t option_at(const char *text, size_t len, size_t b)
{
    size_t l, nl;
    uint32_t cp = cp_at(text, len, b, &l);
    if (box(cp))
        return l;
    if (!((cp >= 'A' && cp <= 'D') || (cp >= 0xFF21 && cp <= 0xFF24)))
        return 0;
    if (b > 0) {
        unsigned char p = (unsigned char)text[b - 1];
        if (p < 0x80 && ((p | 0x20) >= 'a' && (p | 0x20) <= 'z'))
            return 0;   /* inside a Latin word (APP, ABC) */
        if (p < 0x80 && p >= '0' && p <= '9')
            return 0;
    }
    uint32_t next = cp_at(text, len, b + l, &nl);
    switch (next) {
    case '.': case 0xFF0E: case 0x3001: case ')': case 0xFF09: case ':': case 0xFF1A:
        return l + nl;
    }
    return 0;
}

/* The options in text[from, to). */
static int options_in(const char *text, size_t len, size_t from, size_t to)
{
    int n = 0;
    for (size_t b = from; b < to; b++) {
        unsigned char c = (unsigned char)text[b];   /* A-D, Ａ-Ｄ (EF), □ ☐ ○ (E2) */
        if (((c >= 'A' && c <= 'D') || c == 0xEF || c == 0xE2) && option_at(text, len, b))
            n++;
    }
    return n;
}

/* A line that is an option (A. X, □有) or an answer (答案：, 答：, 解析：). */
static int option_line(const char *text, size_t len, size_t ls)
{
    while (ls < len && (text[ls] == ' ' || text[ls] == '\t'))
        ls++;
    return option_at(text, len, ls) != 0;
}

static const char *const answers[] = {"答案", "正确答案", "参考答案", "答：", "答:", "解析"};

static int answer_line(const char *text, size_t len, size_t ls)
{
    for (size_t i = 0; i < N(answers); i++)
        if (starts(text, ls, len, answers[i]))
            return 1;
    return 0;
}

/* The quiz item around h: from the stem's line (up over option lines) to
 * the last option or answer line after it. */
static void item_of(const char *text, size_t len, const gm_hit *h, size_t *is, size_t *ie)
{
    size_t s = line_start(text, h->b_start), e = line_end(text, len, h->b_end);
    for (int k = 0; k < ITEM_LINES && s > 0 && option_line(text, len, s); k++)
        s = line_start(text, s - 1);
    for (int k = 0; k < ITEM_LINES && e < len; k++) {
        size_t ns = e + 1;
        if (!option_line(text, len, ns) && !answer_line(text, len, ns))
            break;
        e = line_end(text, len, ns);
    }
    *is = s;
    *ie = e;
}

/* A blank to fill or a bracket to mark in: （ ）, ( ), ____. */
static int blank_in(const char *text, size_t from, size_t to)
{
    static const char *const blanks[] = {"（ ）", "（  ）", "（　）", "（）", "( )", "()", "___",
                                         "＿＿"};
    for (size_t i = 0; i < N(blanks); i++)
        if (has(text, from, to, blanks[i]))
            return 1;
    return 0;
}

/* The item marks its statement false (答案：×, （×）, 答案：错误). */
static int marked_false(const char *text, size_t from, size_t to)
{
    static const char *const falses[] = {"答案：×", "答案:×", "（×）", "(×)", "答案：错",
                                         "答案：✗", "答案：✘"};
    for (size_t i = 0; i < N(falses); i++)
        if (has(text, from, to, falses[i]))
            return 1;
    return 0;
}

/* Words asking whether the respondent met something (您是否收到过, 有没有人). */
static const char *const whether[] = {"是否", "有没有", "有无", "曾经", "曾"};

/* The stem asks whether: a whether-word before the term and a question mark
 * after it, on the term's line. */
static int asks_whether(const char *text, size_t len, const gm_hit *h)
{
    size_t s = line_start(text, h->b_start), e = line_end(text, len, h->b_end);
    int before = 0;
    for (size_t i = 0; i < N(whether) && !before; i++) {
        const char *p = memmem(text + s, h->b_start - s, whether[i], strlen(whether[i]));
        before = p != NULL;
    }
    return before && (has(text, h->b_end, e, "？") || has(text, h->b_end, e, "?"));
}

/* Words a test question picks its options with (下列不属于X特征的是（ ）). */
static const char *const which[] = {"下列", "以下", "下面"};

/* The item is a test question about the term: a which-word before it in
 * the item (the stem, when the term is an option) and a blank to mark after
 * it or a question mark in the item (以下哪一项属于X？A.… B.…). */
static int asks_which(const char *text, const gm_hit *h, size_t is, size_t ie)
{
    int before = 0;
    for (size_t i = 0; i < N(which) && !before; i++)
        before = memmem(text + is, h->b_start - is, which[i], strlen(which[i])) != NULL;
    return before && (blank_in(text, h->b_end, ie) || has(text, is, ie, "？") ||
                      has(text, is, ie, "?"));
}

/* A mark of a quiz or a questionnaire at byte b (判断题：, 第3题）, 每日一题,
 * 答案, 答：, 问卷, boxes); 问题 alone is none.  Looked for by lead
 * character in one pass. */
static int quiz_mark_at(const char *text, size_t len, size_t b)
{
    static const char *const after_ti[] = {"：", ":", "】", "）", ")"};
    if (starts(text, b, len, "题")) {
        for (size_t i = 0; i < N(after_ti); i++)
            if (starts(text, b + 3, len, after_ti[i]))
                return 1;
        return b >= 3 && starts(text, b - 3, len, "一");
    }
    if (starts(text, b, len, "答"))
        return starts(text, b + 3, len, "案") || starts(text, b + 3, len, "：") ||
               starts(text, b + 3, len, ":");
    if (starts(text, b, len, "卷"))
        return b >= 3 && starts(text, b - 3, len, "问");
    return 0;
}

/* h lies in the stem or an option of a quiz item (options, a blank or an
 * answer) that fights, marks it false or asks whether one met it. */
static int quiz_item(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    size_t is, ie;
    item_of(text, len, h, &is, &ie);
    int options = options_in(text, len, is, ie);
    if (options < 2 && !blank_in(text, is, ie) && !has(text, is, ie, "答"))
        return 0;
    return gm_context_fights(hs, text, is, ie, h) || marked_false(text, is, ie) ||
           (options >= 2 && (asks_whether(text, len, h) || asks_which(text, h, is, ie)));
}

int gm_context_turns(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    if (!hs->join)
        return 0;
    turn t[TURNS_MAX];
    size_t n = 0;
    if (!hs->turns_seen) {   /* once per text: a dialogue? options or a quiz's marks? */
        n = turns_of(text, len, t);
        hs->turns_seen = 1;
        hs->turns = 0;
        for (size_t i = 1; i < n; i++)
            if (other_speaker(text, &t[0], &t[i]))
                hs->turns |= 1;
        int options = 0;
        for (size_t b = 0; b < len && !(hs->turns & 2); b++) {   /* one pass, by lead bytes */
            unsigned char c = (unsigned char)text[b];   /* 题 E9, 答 E7, 卷 E5 */
            if ((c == 0xE9 || c == 0xE7 || c == 0xE5) && quiz_mark_at(text, len, b))
                hs->turns |= 2;
            else if (((c >= 'A' && c <= 'D') || c == 0xEF || c == 0xE2) &&
                     option_at(text, len, b) && ++options >= 2)
                hs->turns |= 2;   /* options, boxes */
        }
    }
    if ((hs->turns & 1) && !n)
        n = turns_of(text, len, t);   /* a dialogue: its turns again, for a later finding */
    return ((hs->turns & 1) && dialogue(hs, text, t, n, h)) ||
           ((hs->turns & 2) && quiz_item(hs, text, len, h));
}
