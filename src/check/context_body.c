/*
 * context_body.c - names of official bodies found by their shape, for the
 * enforcement-context grammar (context.c): a sentence whose speaker or
 * subject is a body (市教育局, 县人社局, 区卫健委, 校保卫处, 某银行某支行,
 * 本院, 我局) speaks in official register, like the words of
 * data/check/register.txt, without every body having to be listed there.
 *
 * A body's name is a level (市 区 县 省 镇 乡 村 州 校, 国家 全国 中央 中共
 * 最高, or 某 该 本 我 各 naming one) at a word's start, at most six
 * characters of its own name, and a head that says what kind of body it is
 * (局 厅 委 办 处 科 所 院 署 队 站 部 组, 中心 协会 政府 机关 支行 分行 银行
 * 法院 学校 社区); a head must not run on into another word (局面, 办理,
 * 所有, 部署, 组织).  Without a level, a head at the start of a sentence
 * followed by a colon or a notice word names the speaker of a notice
 * (保卫处通知：, 社区居委会：, 学生处提醒).  A heading before a colon at the
 * start of a line or sentence that names the kind of document it heads
 * (行政处罚决定书（摘要）：, 政府信息公开申请答复书：, 情况通报：) speaks as the
 * body that issued it.
 *
 * Parties of a case are named the way official writing hides them: a
 * surname and 某 or 某某 (赵某, 王某某; not 某些, 某种, 某天).  A sentence
 * naming one tells a case, as one naming 被告人 does.
 */
#include <stdlib.h>
#include <string.h>

#include "check/checker_int.h"
#include "check/normalize.h"
#include "check/han.h"

#define MIDDLE 6   /* most characters of a body's own name between level and head */

/* One character decoded: its code point, bytes and code-point index. */
typedef struct unit {
    uint32_t cp;
    size_t b, l, i;
} unit;

/* cp (a CJK character: three bytes of UTF-8) is one of chars, a string of
 * CJK characters, compared encoded. */
static int one_of(uint32_t cp, const char *chars)
{
    if (!gm_is_han_basic(cp))
        return 0;
    unsigned char e[3] = {(unsigned char)(0xE0 | (cp >> 12)),
                          (unsigned char)(0x80 | ((cp >> 6) & 0x3F)),
                          (unsigned char)(0x80 | (cp & 0x3F))};
    for (const unsigned char *s = (const unsigned char *)chars; s[0] && s[1] && s[2]; s += 3)
        if (s[0] == e[0] && s[1] == e[1] && s[2] == e[2])
            return 1;
    return 0;
}

/* cp is the one character of c. */
static int is(uint32_t cp, const char *c)
{
    return one_of(cp, c);
}

/* Heads of one character, the characters after them that make another
 * word of them (局面, 委托, 办理, 处罚, 科技, 所有, 院子, 署名, 队伍, 站点,
 * 部署, 组织) and the ones before them that do (格局, 骗局, 场所, 美容院,
 * 全部, 好处, 团队, 网站). */
typedef struct head {
    const char *c;
    const char *not_before;
    const char *not_after;
} head;
static const head heads[] = {
    {"局", "面部势限外", "格布结骗赌饭棋牌僵定开终残败胜大时政全困"},
    {"厅", "", "餐客大舞"},
    {"委", "托屈婉实身", ""},
    {"办", "理法事案证学好得完成了过个不班卡的一件签手酒货妥", "怎承包举代"},
    {"处", "理罚置于在处分方境事女世以决死", "好到各远深住相之难长短益用"},
    {"科", "技学研普目幻生", "专理工文内外"},
    {"所", "有以谓在得需说属述做知见想要能用致为提指称", "会场厕诊住处"},
    {"院", "子落线墙里", "影剧戏容庭寺"},
    {"署", "名理", "部签"},
    {"队", "伍列友", "团排车"},
    {"站", "点起立住着在岗", "网车"},
    {"部", "分署位件队落", "全乐内外局背头腹胸"},
    {"组", "织成合建团装", ""},
};
/* Heads of two characters, named by their last one and the one before. */
static const char *const heads2[] = {"中心", "协会", "政府", "机关", "支行", "分行", "银行",
                                     "法院", "学校", "社区", "委会", "员会"};

/* Levels of one character that start a body's name, and the characters
 * that may stand right before a level (function words, time words) without
 * making it the end of another word (城市, 日本, 应该, 自我). */
static const char levels[] = "市区县省镇乡村州校某该本我各";
static const char before_level[] =
    "在由经向对与和及据请到至从把将被为的是即前后天月近今昨年时中上下内外、称给让某会同同";
/* Levels of two characters, by their last character and the one before. */
static const char *const levels2[] = {"国家", "全国", "中央", "中共", "最高"};
/* Characters a body's own name does not hold (我在医院, 我们学校的保卫处). */
static const char not_in_name[] = "的了是在和与及把被给让说要会能去来到也都就还又很太们这那";

/* cp can end a head (局 厅 委 办 处 科 所 院 署 队 站 部 组, 心 会 府 关 行 校
 * 区 of the two-character ones): most characters cannot, and cost no more. */
static int may_end_head(uint32_t cp)
{
    switch (cp) {
    case 0x5C40: case 0x5385: case 0x59D4: case 0x529E: case 0x5904: case 0x79D1:
    case 0x6240: case 0x9662: case 0x7F72: case 0x961F: case 0x7AD9: case 0x90E8:
    case 0x7EC4: case 0x5FC3: case 0x4F1A: case 0x5E9C: case 0x5173: case 0x884C:
    case 0x6821: case 0x533A:
        return 1;
    }
    return 0;
}

/* The head ending at u[k] (u[k-1] before it), or 0; *len its characters. */
static int head_at(const unit *u, int k, uint32_t next, int *len)
{
    if (!may_end_head(u[k].cp))
        return 0;
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
        if (is(u[k].cp, heads[i].c)) {
            *len = 1;
            return (!gm_is_han_basic(next) || !one_of(next, heads[i].not_before)) &&
                   (k == 0 || !one_of(u[k - 1].cp, heads[i].not_after));
        }
    if (k > 1 && u[k].cp == 0x5FC3 && u[k - 1].cp == 0x4E2D && one_of(u[k - 2].cp, "市物"))
        return 0;   /* 市中心, 购物中心 */
    for (size_t i = 0; k > 0 && i < sizeof heads2 / sizeof *heads2; i++) {
        uint32_t a = 0, b = 0;
        size_t l = gm_utf8_decode((const unsigned char *)heads2[i], 3, &a);
        gm_utf8_decode((const unsigned char *)heads2[i] + l, 3, &b);
        if (u[k].cp == b && u[k - 1].cp == a) {
            *len = 2;
            return 1;
        }
    }
    return 0;
}

/* A level at u[j] (two characters: u[j-1], u[j]) at a word's start; *start
 * its first unit. */
static int level_at(const unit *u, int j, int *start)
{
    for (size_t i = 0; j > 0 && i < sizeof levels2 / sizeof *levels2; i++) {
        uint32_t a = 0, b = 0;
        size_t l = gm_utf8_decode((const unsigned char *)levels2[i], 3, &a);
        gm_utf8_decode((const unsigned char *)levels2[i] + l, 3, &b);
        if (u[j].cp == b && u[j - 1].cp == a) {
            *start = j - 1;
            return 1;
        }
    }
    if (!one_of(u[j].cp, levels))
        return 0;
    *start = j;
    if (j == 0 || !gm_is_han_basic(u[j - 1].cp))
        return 1;
    if (is(u[j].cp, "本") && is(u[j - 1].cp, "日"))
        return 0;
    return one_of(u[j - 1].cp, before_level);
}

/* A notice word or a colon right after a head at a sentence's start: a
 * speaker's label (保卫处通知：, 社区居委会：, 学生处提醒); or what a subject
 * does (学校保卫科在巡查中发现…, 社区联合派出所开展…). */
static int label_after(const char *text, size_t len, size_t b)
{
    static const char *const notices[] = {"：", ":", "通知", "提醒", "提示", "公告", "郑重",
                                          "温馨", "通报", "声明", "在", "近日", "已", "于",
                                          "联合", "会同", "开展", "发现", "要求", "印发",
                                          "发布", "组织"};
    for (size_t i = 0; i < sizeof notices / sizeof *notices; i++) {
        size_t wl = strlen(notices[i]);
        if (len >= b + wl && memcmp(text + b, notices[i], wl) == 0)
            return 1;
    }
    return 0;
}

static int add(gm_hits *reg, const unit *from, const unit *to)
{
    if (reg->n == reg->cap) {
        size_t cap = reg->cap ? 2 * reg->cap : 8;
        gm_hit *v = realloc(reg->v, cap * sizeof *v);
        if (!v)
            return -1;
        reg->v = v;
        reg->cap = cap;
    }
    reg->v[reg->n++] = (gm_hit){.cp_start = from->i, .cp_end = to->i + 1, .b_start = from->b,
                                .b_end = to->b + to->l, .term = UINT32_MAX};
    return 0;
}

/* The body ending at u[k] (a head), u[0..k] the characters before it back
 * to the sentence's start or a non-CJK character; at_start: u[0] starts a
 * sentence or line. */
static int body_before(const unit *u, int k, int hl, int at_start, const char *text, size_t len,
                       int *from)
{
    for (int j = k - hl; j >= 0 && j >= k - hl - MIDDLE; j--) {
        int s;
        if (level_at(u, j, &s)) {
            *from = s;
            return 1;
        }
        if (one_of(u[j].cp, not_in_name))
            break;
    }
    /* no level: a speaker's label at the start of a sentence */
    if (at_start && k < 10 && label_after(text, len, u[k].b + u[k].l)) {
        *from = 0;
        return 1;
    }
    return 0;
}

/* Kinds of official documents, as the last words of a heading. */
static const char *const documents[] = {"决定书", "通知书", "判决书", "裁定书", "意见书", "答复书",
                                        "告知书", "建议书", "起诉书", "承诺书", "保证书", "倡议书",
                                        "责任书", "通报", "公告", "通告", "通知", "决定", "报告",
                                        "答复", "答复函", "纪要", "简报", "批复", "情况说明"};

/* text[from, to) ends with a kind of document, past a parenthesis
 * (行政处罚决定书（摘要）). */
static int names_a_document(const char *text, size_t from, size_t to)
{
    static const char close[] = "）";
    if (to >= from + 3 && memcmp(text + to - 3, close, 3) == 0) {
        const char *open = NULL;
        for (size_t b = from; b + 3 <= to; b++)
            if (memcmp(text + b, "（", 3) == 0)
                open = text + b;
        if (!open)
            return 0;
        to = (size_t)(open - text);
    }
    for (size_t i = 0; i < sizeof documents / sizeof *documents; i++) {
        size_t wl = strlen(documents[i]);
        if (to >= from + wl && memcmp(text + to - wl, documents[i], wl) == 0)
            return 1;
    }
    return 0;
}

/* Headings naming a document before a colon, at most HEAD bytes from the
 * start of their line or sentence. */
static void document_headings(gm_hits *reg, const char *text, size_t len)
{
    enum { HEAD = 3 * 24 };
    for (const char *c = memmem(text, len, "：", 3); c;
         c = memmem(c + 3, len - (size_t)(c + 3 - text), "：", 3)) {
        size_t colon = (size_t)(c - text), b = colon, cps = 0;
        while (b > 0 && colon - b < HEAD) {
            unsigned char x = (unsigned char)text[b - 1];
            if (x == '\n' || x == '\r' || x == '!' || x == '?')
                break;
            if (b >= 3 && (memcmp(text + b - 3, "。", 3) == 0 || memcmp(text + b - 3, "！", 3) == 0 ||
                           memcmp(text + b - 3, "？", 3) == 0 || memcmp(text + b - 3, "】", 3) == 0))
                break;
            b--;
            cps += (x & 0xC0) != 0x80;
        }
        if (colon - b < HEAD && colon > b && names_a_document(text, b, colon)) {
            unit from = {.b = b, .i = 0}, to = {.b = colon - 3, .l = 3, .i = 0};
            if (add(reg, &from, &to) != 0)
                return;
            /* code points: counted from the text's start for any_near */
            size_t i = 0;
            for (size_t k = 0; k < b; k++)
                i += ((unsigned char)text[k] & 0xC0) != 0x80;
            reg->v[reg->n - 1].cp_start = i;
            reg->v[reg->n - 1].cp_end = i + cps;
        }
    }
}

/* Common surnames (百家姓's most frequent, leaving out those that are mostly
 * function words before 某: 向 从 和 于 与 对 把). */
static const char surnames[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝"
    "顾龚邵覃武钱戴严莫孔汤康易乔赖";
/* After 某 they make it a word of its own (某些, 某种, 某天), not a name. */
static const char not_named[] = "些种个天地处位人时项次类样一方日年月宝音东";

/* 某 (0x67D0) at u_b, prev before it, next after it: a surname and 某 (and
 * maybe 某 again) naming a party (赵某, 王某某). */
static int party_at(uint32_t prev, uint32_t next)
{
    return one_of(prev, surnames) && !one_of(next, not_named);
}

static int add_party(gm_hits *reg, size_t b, size_t i, size_t bytes)
{
    unit from = {.b = b, .i = i}, to = {.b = b + bytes - 3, .l = 3, .i = i + bytes / 3 - 1};
    if (add(reg, &from, &to) != 0)
        return -1;
    reg->v[reg->n - 1].term = GM_CTX_PARTY;
    return 0;
}

/* The code point at text[b] (*l its bytes): three-byte characters decoded
 * inline, the rest by gm_utf8_decode; a broken byte is U+FFFD, one byte. */
static uint32_t decode_at(const char *text, size_t len, size_t b, size_t *l)
{
    const unsigned char *u = (const unsigned char *)text + b;
    uint32_t cp = 0;
    if ((u[0] & 0xF0) == 0xE0 && b + 2 < len && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        cp = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {   /* not overlong, no surrogate */
            *l = 3;
            return cp;
        }
    }
    *l = gm_utf8_decode(u, len - b, &cp);
    if (!*l)
        *l = 1, cp = 0xFFFD;
    return cp;
}

void gm_context_bodies(gm_hits *reg, const char *text, size_t len)
{
    uint32_t prev = 0;
    enum { RUN = 16 };
    if (memmem(text, len, "：", 3))
        document_headings(reg, text, len);
    unit ring[RUN];                       /* the current run's last RUN characters */
    size_t rn = 0, i = 0;                 /* characters in the current run of CJK ones */
    int at_start = 1;
    for (size_t b = 0; b < len; i++) {
        size_t l, b0 = b;
        uint32_t cp = decode_at(text, len, b, &l);
        b += l;
        if (cp == 0x67D0 && prev != 0x67D0 && b >= 6) {   /* 某 after a surname */
            uint32_t next = 0, after = 0;
            size_t nl = 0, al;
            if (b < len)
                next = decode_at(text, len, b, &nl);
            if (next == 0x67D0 && b + nl < len)   /* 某某 */
                after = decode_at(text, len, b + nl, &al);
            if (party_at(prev, next == 0x67D0 ? after : next) &&
                add_party(reg, b - 6, i - 1, next == 0x67D0 ? 9 : 6) != 0)
                return;
        }
        prev = cp;
        if (!gm_is_han_basic(cp)) {   /* a run of CJK characters ends */
            at_start = cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == '\n' ||
                       cp == '\r' || cp == 0x3010 || cp == 0x3011 || cp == '!' || cp == '?' ||
                       cp == '#';
            rn = 0;
            continue;
        }
        ring[rn % RUN] = (unit){.cp = cp, .b = b0, .l = l, .i = i};
        rn++;
        if (!may_end_head(cp))
            continue;   /* most characters: nothing more to do */
        /* the run's last RUN characters up to this one, in order */
        unit u[RUN];
        int n = rn < RUN ? (int)rn : RUN;
        for (int k = 0; k < n; k++)
            u[k] = ring[(rn - (size_t)n + (size_t)k) % RUN];
        uint32_t next = 0;
        size_t nl;
        if (b < len)
            next = decode_at(text, len, b, &nl);
        int hl, from;
        if (head_at(u, n - 1, next, &hl) &&
            body_before(u, n - 1, hl, at_start && rn <= RUN, text, len, &from) &&
            add(reg, &u[from], &u[n - 1]) != 0)
            return;
    }
}
