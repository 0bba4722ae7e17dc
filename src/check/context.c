/*
 * context.c - enforcement context: does official text name a lexicon term
 * in order to fight it (严厉打击赌博违法犯罪, 对六合彩进行专项整治, 不得发布
 * 涉及赌博等不良信息)?  Then the term is a warning, not a block.
 *
 * A term is governed inside its clause only.  A clause ends at sentence and
 * clause punctuation (。，；！？…), at a line break, and also at what official
 * prose does not put inside a clause but adverts use as separators: spaces
 * between Chinese characters, emoji and other symbols, 【】 and the like
 * (打击价！六合彩, 严厉打击 六合彩私聊).  Inside the clause, any of:
 *   - an enforcement word (context.txt, admin-edited) before the term, at
 *     most GAP code points before it (严禁利用账号发布赌博等信息);
 *   - a word that condemns what it follows, after the term (…赌博等违法犯罪
 *     活动, 刷单返利骗局, 散布淫秽、色情或者教唆犯罪的), not negated (不违法);
 *   - an enforcement word after the term in a frame that makes the term its
 *     object: 对…进行打击 (对 or a campaign verb such as 开展 before the term;
 *     also 对…的监测预警) or …专项整治;
 *   - the clause makes the term its topic (针对, 关于… before it) and an
 *     enforcement word follows later in the sentence (针对赌博问题，开展专项
 *     整治).
 * The list of enforcement words is data; the condemning words and frames
 * are grammar, kept here.  Both kinds of word are found by the lexicon's
 * own automaton (the condemning ones as GM_LEX_CONDEMN entries), so a text
 * with neither costs nothing here.
 */
#include <string.h>
#include <utf8proc.h>

#include "check/checker_int.h"
#include "check/normalize.h"

#define GAP 20       /* most code points between a word and the term it governs */
#define REACH 96     /* most code points looked at on either side of a term */

/* Follow a term and condemn it (in the same clause, within GAP). */
static const char *const condemning[] = {"违法", "犯罪", "违规", "不良", "骗局", "陷阱", "乱象",
                                         "黑产", "非法活动", "专项行动", "专项斗争", "有害信息",
                                         "危害", "案件", "团伙", "窝点"};
/* After the term in the 对…进行X frame these govern it too (对赌博的监测预警). */
static const char *const object_verbs[] = {"监测", "监管", "排查", "预警", "管控", "核查"};
/* A clause that starts with one of these makes the term its topic; an
 * enforcement word later in the sentence then governs it (针对赌博问题，
 * 开展专项整治). */
static const char *const topic_markers[] = {"针对", "对于", "关于", "围绕", "聚焦"};
/* Before a condemning word they turn it round (不违法, 无犯罪记录). */
static const char *const negators[] = {"不", "无", "没", "非"};

/* Characters official prose keeps inside a clause besides letters and
 * digits: 、 ： · quotes and book-title marks, brackets, invisible ones. */
static int clause_mark(uint32_t cp)
{
    switch (cp) {
    case 0x3001: case 0xFF1A: case ':': case 0x00B7: case 0x30FB:
    case 0x201C: case 0x201D: case 0x2018: case 0x2019: case '"': case '\'':
    case 0x300C: case 0x300D: case 0x300E: case 0x300F:
    case 0x300A: case 0x300B: case 0x3008: case 0x3009:
    case 0xFF08: case 0xFF09: case '(': case ')':
        return 1;
    }
    return 0;
}

static int latin_or_digit(uint32_t cp)
{
    return cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9')
                     : (cp >= 0xFF10 && cp <= 0xFF5A);
}

/* 1 when cp (between prev and next) ends a clause for context purposes. */
static int ends_clause(uint32_t cp, uint32_t prev, uint32_t next)
{
    if (clause_mark(cp))
        return 0;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_CF:
        return 0;
    case UTF8PROC_CATEGORY_ZS:   /* a space inside Latin text or next to a number */
        return !latin_or_digit(prev) && !latin_or_digit(next);
    default:
        return 1;
    }
}

/* The code point ending at byte b (b > 0), its start in *at. */
static uint32_t cp_before(const char *text, size_t b, size_t *at)
{
    size_t p = b - 1;
    while (p > 0 && ((unsigned char)text[p] & 0xC0) == 0x80)
        p--;
    uint32_t cp = 0;
    if (!gm_utf8_decode((const unsigned char *)text + p, b - p, &cp))
        cp = 0xFFFD;
    *at = p;
    return cp;
}

static uint32_t cp_at(const char *text, size_t len, size_t b, size_t *l)
{
    uint32_t cp = 0;
    *l = b < len ? gm_utf8_decode((const unsigned char *)text + b, len - b, &cp) : 0;
    if (b < len && !*l)
        *l = 1;
    return b < len ? cp : 0;
}

/* The clause around bytes [b_start, b_end): *cs .. *ce, at most REACH
 * code points on either side. */
static void clause_of(const char *text, size_t len, size_t b_start, size_t b_end, size_t *cs,
                      size_t *ce)
{
    size_t b = b_start, l;
    uint32_t next = cp_at(text, len, b_start, &l);
    for (int k = 0; b > 0 && k < REACH; k++) {
        size_t at, pat;
        uint32_t cp = cp_before(text, b, &at);
        uint32_t prev = at > 0 ? cp_before(text, at, &pat) : 0;
        if (ends_clause(cp, prev, next))
            break;
        next = cp;
        b = at;
    }
    *cs = b;
    size_t pl;
    uint32_t prev = b_end > 0 ? cp_before(text, b_end, &pl) : 0;
    b = b_end;
    for (int k = 0; b < len && k < REACH; k++) {
        size_t nl;
        uint32_t cp = cp_at(text, len, b, &l);
        uint32_t nxt = cp_at(text, len, b + l, &nl);
        if (ends_clause(cp, prev, nxt))
            break;
        prev = cp;
        b += l;
    }
    *ce = b;
}

/* The enforcement word ending at w_end does not govern a term starting at
 * b_start: it is a noun's modifier (打击价, a knock-down price), or a 是
 * between them starts a new predicate (防范风险的最好方法就是玩六合彩). */
static int not_governing(const char *text, size_t w_end, size_t b_start)
{
    static const char price[] = "价", is[] = "是";
    if (b_start >= w_end + sizeof price - 1 && memcmp(text + w_end, price, sizeof price - 1) == 0)
        return 1;
    return b_start > w_end && memmem(text + w_end, b_start - w_end, is, sizeof is - 1) != NULL;
}

static const char *find_in(const char *text, size_t from, size_t to, const char *word)
{
    size_t wl = strlen(word);
    return to > from && to - from >= wl ? memmem(text + from, to - from, word, wl) : NULL;
}

static int ends_with(const char *text, size_t from, size_t at, const char *word)
{
    size_t wl = strlen(word);
    return at >= from + wl && memcmp(text + at - wl, word, wl) == 0;
}

/* A condemning word (one of the hits cond) in text[b_end, ce), at most GAP
 * code points after the term ending at cp_end, not negated. */
static int condemned_after(const gm_hits *cond, const char *text, size_t b_end, size_t cp_end,
                           size_t ce)
{
    for (size_t i = 0; i < cond->n; i++) {
        const gm_hit *w = &cond->v[i];
        if (w->b_start < b_end || w->b_end > ce || w->cp_start - cp_end > GAP)
            continue;
        int negated = 0;
        for (size_t n = 0; n < sizeof negators / sizeof *negators; n++)
            negated |= ends_with(text, b_end, w->b_start, negators[n]);
        if (!negated)
            return 1;
    }
    return 0;
}

static int load_words(gm_lexicon *lx, const char *name, const char *const *words, size_t n,
                      int kind, gm_err *err)
{
    char buf[512];
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s\n", words[i]);
    return gm_lexicon_parse(lx, name, buf, len, kind, err);
}

int gm_context_load_builtin(gm_lexicon *lx, gm_err *err)
{
    int rc = load_words(lx, "context (built-in condemning words)", condemning,
                        sizeof condemning / sizeof *condemning, GM_LEX_CONDEMN, err);
    return rc ? rc
              : load_words(lx, "context (built-in frame verbs)", object_verbs,
                           sizeof object_verbs / sizeof *object_verbs, GM_LEX_FRAME, err);
}

/* Sentence and clause punctuation and line breaks. */
static int punctuation_break(uint32_t cp)
{
    switch (cp) {
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: case 0xFF0C: case 0xFF0E:
    case '.': case '!': case '?': case ';': case ',': case '\n': case '\r': case 0x2026:
        return 1;
    }
    return 0;
}

/* Emoji and other symbols: no official phrase has one inside. */
static int symbol(uint32_t cp)
{
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_SO || c == UTF8PROC_CATEGORY_SM || c == UTF8PROC_CATEGORY_SK;
}

int gm_crosses_clause(const char *text, size_t b_start, size_t b_end)
{
    for (size_t b = b_start; b < b_end;) {
        uint32_t cp;
        size_t l = gm_utf8_decode((const unsigned char *)text + b, b_end - b, &cp);
        if (!l)
            return 0;
        if (punctuation_break(cp) || symbol(cp))
            return 1;
        b += l;
    }
    return 0;
}

/* Campaign verbs whose object a later enforcement word names (开展赌博治理). */
static const char *const campaign_verbs[] = {"开展", "推进", "部署", "启动", "组织"};

static int any_in(const char *text, size_t from, size_t to, const char *const *words, size_t n);

/* 对 as the preposition that makes what follows an object (对赌博进行打击),
 * not inside 绝对, 相对, 面对, 不对; or a campaign verb (开展…治理). */
static int object_marker(const char *text, size_t from, size_t to)
{
    if (any_in(text, from, to, campaign_verbs, sizeof campaign_verbs / sizeof *campaign_verbs))
        return 1;
    static const char *const words[] = {"绝", "相", "面", "不"};
    for (const char *p = find_in(text, from, to, "对"); p;
         p = find_in(text, (size_t)(p - text) + 1, to, "对")) {
        int part = 0;
        for (size_t i = 0; i < sizeof words / sizeof *words; i++)
            part |= ends_with(text, from, (size_t)(p - text), words[i]);
        if (!part)
            return 1;
    }
    return 0;
}

static int any_in(const char *text, size_t from, size_t to, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (find_in(text, from, to, words[i]))
            return 1;
    return 0;
}

/* The end of the sentence that goes on from byte b (at most REACH code
 * points on): 。！？；, their ASCII forms or a line break. */
static size_t sentence_end(const char *text, size_t len, size_t b)
{
    for (int k = 0; b < len && k < REACH; k++) {
        size_t l;
        uint32_t cp = cp_at(text, len, b, &l);
        if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == '!' ||
            cp == '?' || cp == ';' || cp == '\n' || cp == '\r')
            break;
        b += l;
    }
    return b;
}

int gm_context_governs(const gm_hits *words, const gm_hits *cond, const gm_hits *frames,
                       const char *text, size_t len, const gm_hit *h)
{
    size_t cs, ce;
    clause_of(text, len, h->b_start, h->b_end, &cs, &ce);
    int object_frame = object_marker(text, cs, h->b_start);
    for (size_t i = 0; object_frame && i < frames->n; i++)
        if (frames->v[i].b_start >= h->b_end && frames->v[i].b_end <= ce &&
            frames->v[i].cp_start - h->cp_end <= GAP)
            return 1;   /* 切实加强对赌博的监测预警 */
    int topic = any_in(text, cs, h->b_start, topic_markers, sizeof topic_markers / sizeof *topic_markers);
    size_t se = topic ? sentence_end(text, len, ce) : ce;
    for (size_t i = 0; i < words->n; i++) {
        const gm_hit *w = &words->v[i];
        if (topic && w->b_start >= ce && w->b_end <= se)
            return 1;   /* 针对赌博问题，开展专项整治 */
        if (w->b_start < cs || w->b_end > ce)
            continue;
        if (w->cp_start < h->cp_start && w->cp_end < h->cp_end &&
            (w->cp_end <= h->cp_start ? h->cp_start - w->cp_end <= GAP : 1) &&
            !not_governing(text, w->b_end, h->b_start))
            return 1;   /* 严厉打击…赌博 (不要相信信用卡套现: the repeat folded into the word) */
        if (w->cp_start >= h->cp_end && w->cp_start - h->cp_end <= GAP &&
            (object_frame || ends_with(text, h->b_end, w->b_start, "专项")))
            return 1;   /* 对赌博进行打击, 赌博专项整治 */
    }
    return condemned_after(cond, text, h->b_end, h->cp_end, ce);
}
