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
 * Beyond the clause, the sentence (up to 。！？； or a line break) governs
 * the term when it speaks in official register (公安机关, 法院, 全市…) and
 * fights something anywhere in it, names an offender (被告人), tells a
 * cautionary tale (教训), or is a list whose heading before a colon fights
 * (重点打击以下违法行为：1. 赌博；2. …).
 * Who speaks is also found by shape (context_body.c: 县人社局, 校保卫处, a
 * document's heading, see gm_context_bodies); a signed document (特此通知, a
 * signature over a date) makes its fighting sentences official; a claim
 * quoted or reported and called false (网传“…”系谣言), a loss told with its
 * cause (因为赌博，…全输了) and a case's name (…组织赌博案) are governed; and a
 * term the text praises or clears (赌博真实靠谱, 不是骗局) is never softened.
 * The list of enforcement words is data; the condemning words and frames
 * are grammar, kept here.  Both kinds of word are found by the lexicon's
 * own automaton (the condemning ones as GM_LEX_CONDEMN entries), so a text
 * with neither costs nothing here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "check/checker_int.h"
#include "check/normalize.h"
#include "check/han.h"

#define GAP 20       /* most code points between a word and the term it governs */
#define REACH 96     /* most code points looked at on either side of a term */
#define SCOPE 60     /* most code points of a sentence an advert cue is looked for in */

#define N(a) (sizeof a / sizeof *a)

/* Follow a term and condemn it (in the same clause, within GAP). */
static const char *const condemning[] = {
    "违法", "犯罪", "违规", "不良", "骗局", "陷阱", "乱象", "黑产", "非法活动", "专项行动",
    "专项斗争", "有害信息", "危害", "案件", "团伙", "窝点", "诈骗", "圈套", "黑手", "泥潭",
    "产业链", "利益链", "保护伞", "嫌疑人", "法律责任", "刑事责任", "被骗", "受骗", "上当",
    "骗取", "敛财", "诱惑", "落网", "一网打尽", "害人", "别信", "不能碰", "不可信", "没有赢家",
    "扰乱", "侵害", "坑害", "毒害", "倾家荡产", "家破人亡", "血本无归", "受害", "毒瘤", "歪风",
    "诱饵", "幌子", "为名", "为由", "屡禁不止", "手法", "套路", "骗", "真面目", "本质",
    "伎俩", "骗术", "多坑", "坑人", "巨坑", "深渊", "噱头", "案例", "违反", "法网", "虚假宣传",
    "非法", "不受法律保护", "无底洞", "毁掉", "毁了", "害了",
    /* what it costs (赌博的法律后果, 赌博的代价), how it persists (屡打不绝) */
    "后果", "代价", "屡打不绝", "屡禁不绝", "手段",
    /* the risk an official warning names (赌博的法律风险, 关于赌博的风险提示) */
    "法律风险", "风险提示", "风险警示", "风险隐患",
    /* where it spreads (赌博重灾区, 时有发生, 呈蔓延之势), what it cheats (等方式作弊) */
    "重灾区", "时有发生", "蔓延", "作弊", "舞弊",
    /* where it ends (百家乐的尽头是牢房), what it hides under (披上了“理财”外衣) */
    "牢房", "牢狱", "铁窗", "坐牢", "外衣"};
/* After the term in the 对…进行X frame these govern it too (对赌博的监测预警,
 * 对赌博说“不”, 与赌博作斗争). */
static const char *const object_verbs[] = {"监测", "监管", "排查", "预警", "管控", "核查",
                                           "说不", "零容忍", "高压", "斗争", "宣战", "亮剑",
                                           "重拳"};
/* Negative imperatives: one of these before a verb of taking part is an
 * enforcement word (不要点击…链接, 千万别信, 不参与赌博). */
static const char *const imperatives[] = {"不要", "别", "勿", "千万别", "千万不要", "不", "绝不",
                                          "决不", "坚决不", "不能", "不再", "再也不", "永不",
                                          /* the same in dialect broadcasts (莫信, 莫要去碰,
                                           * 甭信, 唔好信, 勿要相信, 覅信) */
                                          "莫", "莫要", "莫得", "千万莫", "甭", "唔好", "勿要",
                                          "覅"};
static const char *const taking_part[] = {"参与", "参加", "相信", "轻信", "听信", "点击", "下载", "投",
                                          "沾染", "接触", "沉迷", "涉足", "加入", "传播", "转发",
                                          "浏览", "尝试", "理会", "染指", "碰", "信", "发布",
                                          "转载", "推广"};
/* What an advert says and official prose does not: contact handles and
 * their spam spellings, private chat, groups, price and earnings cues.  One
 * in the term's sentence that official wording does not itself govern
 * (凡是要求加微信的都是诈骗) keeps the term's own severity. */
static const char *const advert_cues[] = {
    "微信", "加微", "v信", "威信", "薇信", "徽信", "危信", "vx", "wx", "加v", "qq", "扣扣",
    "私聊", "私信", "私我", "加我", "联系我", "找我", "加群", "进群", "入群", "群号", "内部群",
    "详聊", "详询", "特价", "仅需", "低至", "折扣", "打折", "半价", "原价", "现价",
    "全场", "价格美丽", "日赚", "月入", "日入", "返现", "充值", "体验金", "诚招", "招募",
    "招商", "货源", "速来", "名额有限", "联系方式", "只要", "只需", "只收", "仅收",
    /* a seller speaking of itself to a buyer */
    "我们这里", "来我们", "找我们", "我们家", "别家", "本店", "选我们", "老品牌", "关注我",
    "你来试试",
    /* a seller leading the buyer to gains, bonuses */
    "带你赚", "带你稳赚", "带你玩", "带你飞", "特惠", "彩金",
    /* pay, wins and meeting places promised (日结, 包赢, 老地方见) */
    "日结", "一单一结", "包赢", "老地方",
    /* a livestream's shop, a trial offered, a rush (点击下方小黄车, X体验卡, 抓紧上车) */
    "小黄车", "购物车", "体验卡", "先到先得", "抓紧上车", "正规入口"};
/* Cues that are advert wording only before a number, as a price (只要88元;
 * 只要是赌博，就是诈骗 is no advert). */
static const char *const price_adverbs[] = {"只要", "只需", "只收", "仅收"};
/* A cue followed by one of these is an official channel (微信公众号); 关注我
 * followed by 们 is a body asking to be followed (点击上方蓝字关注我们). */
static const char *const channels[] = {"公众号", "小程序", "视频号"};
/* A clause that starts with one of these makes the term its topic; an
 * enforcement word later in the sentence then governs it (针对赌博问题，
 * 开展专项整治). */
static const char *const topic_markers[] = {"针对", "对于", "关于", "围绕", "聚焦"};
/* Before a condemning word they turn it round (不违法, 无犯罪记录, 不是诈骗). */
static const char *const negators[] = {"不", "无", "没", "非", "不是", "并非", "绝非", "不算",
                                       "不属于", "不构成", "不涉及"};
/* Right after the term (or after 等/类/的) they make it the object of a
 * campaign or the modifier of an offence (赌博整治工作, 赌博案, 赌博行为,
 * 赌博线索, 赌博问题). */
static const char *const after_nouns[] = {"整治", "治理", "防范", "防控", "防治", "排查", "打击", "专项",
                                          "攻坚", "查处", "监管", "问题", "案", "行为", "线索",
                                          "现象", "嫌疑", "监测", "预警", "警情", "一事",
                                          /* how to tell it (赌博识别与处置专题培训) */
                                          "识别",
                                          /* what someone spread it on (赌博传单, 色情小广告) */
                                          "传单", "小广告", "名片", "宣传单", "宣传品", "宣传材料",
                                          /* what the law holds it to be (赌博的认定范围) */
                                          "认定"};
static const char *const fillers[] = {"等", "类", "的"};
/* Between the term and such a noun, what kind of campaign it is (赌博源头
 * 治理, 六合彩综合整治, 百家乐集中整治). */
static const char *const campaign_kinds[] = {"源头", "综合", "集中", "常态化", "系统", "联合",
                                             "全链条", "长效"};
/* Between the term and an enforcement word after it they make the term
 * what the enforcement was done to (赌博网站已被依法取缔, 因赌博受到处罚). */
static const char *const passive_markers[] = {"被", "遭", "受到", "已", "依法", "得到"};
/* Between the term and such a marker they turn it round (不会被查封). */
static const char *const passive_negators[] = {"不", "没", "未", "怕", "免", "防", "躲", "避"};
/* A short heading before the term that makes the rest a warning: an
 * authority in it (警方提示：, 以案释法：), an anti-fraud name with an alert
 * word (【反诈提醒】, not 【防骗必看】), or nothing but an alert word (警惕！). */
static const char *const authorities[] = {"警方", "公安", "民警", "网警", "检察", "法院", "法官",
                                          "监管", "网信", "政府", "禁毒", "以案", "普法", "辟谣",
                                          "消协", "律师"};
static const char *const anti_fraud[] = {"反诈", "防骗", "防诈", "反电诈"};
static const char *const alerts[] = {"警惕", "注意", "小心", "当心", "警示", "提醒", "提示",
                                     "预警", "曝光", "紧急", "揭秘", "起底"};
/* Before an alert word, what kind of alert a heading is (重要提醒, 紧急提示). */
static const char *const alert_modifiers[] = {"重要", "紧急", "特别", "郑重", "再次"};
/* After a question about the term, a clause that starts with one of these
 * warns against it (赌博？当心落入陷阱). */
static const char *const alarms[] = {"当心", "小心", "警惕", "谨防", "提防", "别信", "千万别",
                                     "切勿", "切莫", "谨慎", "注意"};
/* In the clause after a condition ending in 的 (参与赌博的，处五日以下拘留)
 * these state the legal consequence. */
static const char *const consequences[] = {"依法", "追究", "拘留", "罚款", "处罚", "处以", "判处",
                                           "吊销", "没收", "责令", "刑事", "治安", "一律", "报警",
                                           "挂断", "拨打", "徒刑", "拘役", "罚金", "警告", "获刑", "判刑",
                                           "判决", "应当", "应予", "予以", "法律规定", "法律法规",
                                           "自首", "处理", "依规", "依纪", "处分", "制裁",
                                           /* steps of a procedure (陈述和申辩, 证据) */
                                           "证据", "申辩",
                                           /* what an exam or a call is met with (取消考试资格,
                                            * 马上挂电话) */
                                           "取消", "挂电话"};
/* Words of official register - who speaks or is spoken of in a notice, a
 * police report, court news or statistics, and never in an advert (公安机关,
 * 全市, 经查) - are a list admins edit (data/check/register.txt, loaded as
 * GM_LEX_REGISTER by checker.c).  A sentence with one of them and a word
 * that fights (an enforcement, frame, condemning or consequence word, or a
 * running total) governs every term in it, however many clauses apart
 * (近年来，一些不法分子…大肆宣传赌博，对此，公安机关始终保持高压态势). */
/* The roles of offenders, built in as register words: a sentence about one
 * is about an offence, whatever else it says (本案中，被告人明知他人从事赌博，仍为其提供
 * 技术支持). */
/* Who reports officially besides authorities (register.txt): built in as
 * register words, so 报告指出，… and 该负责人表示，… speak officially. */
static const char *const reporters[] = {"负责人", "发言人", "报告指出", "报告显示", "课题组",
                                        "记者从", "本报记者", "通讯员"};
static const char *const offenders[] = {"被告人", "犯罪嫌疑人", "违法嫌疑人", "不法分子",
                                        "犯罪分子", "违法行为人", "涉案人员", "违法人员"};
/* Words of a cautionary tale: a sentence with one warns by example (有的人
 * 明知是赌博，却抱着侥幸心理一再参与…这样的教训值得深思). */
static const char *const cautionary[] = {"教训", "侥幸心理", "幡然醒悟", "追悔莫及", "悔不当初",
                                         "警钟", "惨痛代价", "前车之鉴", "懊悔", "悔恨", "悔过",
                                         "悔悟", "越陷越深", "负债累累", "令人唏嘘", "后悔莫及",
                                         /* what the net is not (网络不是法外之地) */
                                         "法外之地"};
/* A running total of what was done (今年以来，全市累计封堵赌博网址1300余个). */
static const char *const aggregates[] = {"累计", "共计", "同比", "环比", "同期", "截至", "今年以来",
                                         "以来共", "全年共"};
/* Just after an enforcement word they stop it governing what follows
 * (打击价, 整治后依然火爆的, 查处不到的). */
static const char *const undoing[] = {"价", "后", "不到", "不了", "不住", "无效", "外传", "外泄",
                                      /* a noun it modifies (防骗指南, 反诈宣传月) */
                                      "指南", "攻略", "手册", "宣传月", "秘籍", "必看"};
/* Just before an enforcement word they turn it round (不怕打击, 躲避查处). */
static const char *const defying[] = {"怕", "惧", "避", "逃", "躲", "不被", "没被", "未被",
                                      "不会被", "一不"};   /* 一不小心 is no warning */

/* Characters official prose keeps inside a clause besides letters and
 * digits: 、 ： · quotes and book-title marks, brackets, invisible ones. */
static int clause_mark(uint32_t cp)
{
    switch (cp) {
    case 0x3001: case 0xFF1A: case ':': case 0x00B7: case 0x30FB:
    case 0x201C: case 0x201D: case 0x2018: case 0x2019: case '"': case '\'':
    case 0x300C: case 0x300D: case 0x300E: case 0x300F:
    case 0x300A: case 0x300B: case 0x3008: case 0x3009:
    case 0xFF08: case 0xFF09: case '(': case ')': case '=': case 0xFF1D:
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
    if (gm_is_han_basic(cp) || (cp < 0x80 && latin_or_digit(cp)))
        return 0;   /* the common case, without a table look-up */
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

uint32_t gm_context_cp_before(const char *text, size_t b, size_t *at)
{
    return cp_before(text, b, at);
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
static int plain(uint32_t cp)
{
    return gm_is_han_basic(cp) || (cp < 0x80 && latin_or_digit(cp));
}

/* Returns 1 when the clause was cut at REACH on either side. */
static int clause_of(const char *text, size_t len, size_t b_start, size_t b_end, size_t *cs,
                     size_t *ce)
{
    size_t b = b_start, l;
    int k, clipped = 0;
    uint32_t next = cp_at(text, len, b_start, &l);
    for (k = 0; b > 0 && k < REACH; k++) {
        size_t at, pat;
        uint32_t cp = cp_before(text, b, &at);
        if (!plain(cp) && ends_clause(cp, at > 0 ? cp_before(text, at, &pat) : 0, next))
            break;
        next = cp;
        b = at;
    }
    clipped |= k == REACH && b > 0;
    *cs = b;
    size_t pl;
    uint32_t prev = b_end > 0 ? cp_before(text, b_end, &pl) : 0;
    b = b_end;
    for (k = 0; b < len && k < REACH; k++) {
        size_t nl;
        uint32_t cp = cp_at(text, len, b, &l);
        if (!plain(cp) && ends_clause(cp, prev, cp_at(text, len, b + l, &nl)))
            break;
        prev = cp;
        b += l;
    }
    clipped |= k == REACH && b < len;
    *ce = b;
    return clipped;
}

static const char *find_in(const char *text, size_t from, size_t to, const char *word)
{
    size_t wl = strlen(word);
    return to > from && to - from >= wl ? memmem(text + from, to - from, word, wl) : NULL;
}

static int any_in(const char *text, size_t from, size_t to, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (find_in(text, from, to, words[i]))
            return 1;
    return 0;
}

static int ends_with(const char *text, size_t from, size_t at, const char *word)
{
    size_t wl = strlen(word);
    return at >= from + wl && memcmp(text + at - wl, word, wl) == 0;
}

static int ends_with_any(const char *text, size_t from, size_t at, const char *const *words,
                         size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ends_with(text, from, at, words[i]))
            return 1;
    return 0;
}

/* The length of the word of words that text[at, to) starts with, or 0. */
static size_t starts_with_any(const char *text, size_t at, size_t to, const char *const *words,
                              size_t n)
{
    for (size_t i = 0; at < to && i < n; i++) {
        if (words[i][0] != text[at])
            continue;   /* most words differ in their first byte */
        size_t wl = strlen(words[i]);
        if (to >= at + wl && memcmp(text + at, words[i], wl) == 0)
            return wl;
    }
    return 0;
}

/* Fear of what an enforcement word names, a few characters before it,
 * defies it too (不怕警方查处, 躲过警方打击). */
static const char *const fears[] = {"怕", "惧", "躲", "逃避"};

/* The enforcement word starting at w_start is defied (不怕打击, 躲避查处,
 * 不怕警方查处). */
static int defied(const char *text, size_t w_start)
{
    return ends_with_any(text, w_start >= 9 ? w_start - 9 : 0, w_start, defying, N(defying)) ||
           any_in(text, w_start >= 15 ? w_start - 15 : 0, w_start, fears, N(fears));
}

/* The enforcement word text[w_start, w_end) does not govern a term starting
 * at b_start: it is a noun's modifier (打击价), undone (整治后, 查处不到的),
 * defied (不怕打击), or a 是 between them starts a new predicate
 * (防范风险的最好方法就是玩六合彩). */
/* A verb's complement of inability (查不到, 检测不出, 管不了): between an
 * enforcement word and the term it says the enforcement fails (反诈APP都检测
 * 不到的赌博平台). */
static const char *const unable[] = {"不到", "不出", "不了", "不住", "不着"};

static int not_governing(const char *text, size_t w_start, size_t w_end, size_t b_start)
{
    static const char is[] = "是";
    if (starts_with_any(text, w_end, b_start, undoing, N(undoing)) ||
        defied(text, w_start) || any_in(text, w_end, b_start, unable, N(unable)))
        return 1;
    return b_start > w_end && memmem(text + w_end, b_start - w_end, is, sizeof is - 1) != NULL;
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
        if (!ends_with_any(text, b_end, w->b_start, negators, N(negators)))
            return 1;
    }
    return 0;
}

/* Parses the words (lower-case, as the matcher normalises) into lx as kind. */
static int load_words(gm_lexicon *lx, const char *name, const char *const *words, size_t n,
                      int kind, gm_err *err)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += strlen(words[i]) + 1;
    char *buf = malloc(len + 1);
    if (!buf)
        return gm_fail(err, GM_E_NOMEM, name, "内存不足");
    len = 0;
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(buf + len, "%s\n", words[i]);
    int rc = gm_lexicon_parse(lx, name, buf, len, kind, err);
    free(buf);
    return rc;
}

/* The negative imperatives, each before each verb of taking part (不要点击,
 * 千万别信); a bare 不 only before a two-character verb (不参与, not 不信). */
static int load_imperatives(gm_lexicon *lx, gm_err *err)
{
    const char *words[N(imperatives) * N(taking_part)];
    char store[N(imperatives) * N(taking_part)][32];
    size_t n = 0;
    for (size_t i = 0; i < N(imperatives); i++)
        for (size_t j = 0; j < N(taking_part); j++) {
            if (strcmp(imperatives[i], "不") == 0 && strlen(taking_part[j]) <= 3)
                continue;
            snprintf(store[n], sizeof store[n], "%s%s", imperatives[i], taking_part[j]);
            words[n] = store[n];
            n++;
        }
    return load_words(lx, "context (built-in negative imperatives)", words, n, GM_LEX_CONTEXT,
                      err);
}

/* A legal instrument or notice naming itself (本通告, 本办法, 本规定): the
 * text is the instrument speaking, official register. */
static const char *const instruments_self[] = {"通告", "公告", "通知", "办法", "规定", "条例",
                                               "细则", "决定", "意见", "方案", "守则", "制度",
                                               "章程", "准则", "公约", "判决", "裁定", "院认为"};

static int load_self_reference(gm_lexicon *lx, gm_err *err)
{
    const char *words[N(instruments_self)];
    char store[N(instruments_self)][32];
    for (size_t i = 0; i < N(instruments_self); i++) {
        snprintf(store[i], sizeof store[i], "本%s", instruments_self[i]);
        words[i] = store[i];
    }
    return load_words(lx, "context (built-in self-references)", words, N(instruments_self),
                      GM_LEX_REGISTER, err);
}

int gm_context_load_builtin(gm_lexicon *lx, gm_err *err)
{
    int rc = load_words(lx, "context (built-in condemning words)", condemning, N(condemning),
                        GM_LEX_CONDEMN, err);
    if (rc == 0)
        rc = load_words(lx, "context (built-in frame verbs)", object_verbs, N(object_verbs),
                        GM_LEX_FRAME, err);
    if (rc == 0)
        rc = load_words(lx, "context (built-in advert cues)", advert_cues, N(advert_cues),
                        GM_LEX_ADVERT, err);
    if (rc == 0)
        rc = load_words(lx, "context (built-in offender roles)", offenders, N(offenders),
                        GM_LEX_REGISTER, err);
    if (rc == 0)
        rc = load_words(lx, "context (built-in legal consequences)", consequences,
                        N(consequences), GM_LEX_LEGAL, err);
    if (rc == 0)
        rc = load_words(lx, "context (built-in running totals)", aggregates, N(aggregates),
                        GM_LEX_LEGAL, err);
    if (rc == 0)
        rc = load_words(lx, "context (built-in cautionary words)", cautionary, N(cautionary),
                        GM_LEX_CONDEMN, err);
    if (rc == 0)
        rc = load_self_reference(lx, err);
    if (rc == 0)
        rc = load_words(lx, "context (built-in reporters)", reporters, N(reporters),
                        GM_LEX_REGISTER, err);
    return rc ? rc : load_imperatives(lx, err);
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

/* An enforcement word after the term that starts with one of these tells
 * the reader not to touch it (赌博千万不能碰, 六合彩切勿参与). */
static const char *const after_imperatives[] = {"不要", "别", "勿", "千万", "切勿", "请勿", "切莫",
                                                "切忌", "不能", "绝不", "决不", "坚决不", "不",
                                                "莫", "甭", "唔好", "勿要", "覅"};

/* Campaign verbs whose object a later enforcement word names (开展赌博治理). */
static const char *const campaign_verbs[] = {"开展", "推进", "部署", "启动", "组织"};

/* A one-character preposition that makes what follows an object (对赌博进行
 * 打击, 与赌博作斗争, 向赌博宣战, 将赌博纳入重点监管, 把赌博作为打击重点) and the
 * words it is only a part of (绝对, 即将, 一把). */
typedef struct marker {
    const char *prep;
    const char *const *not_in;   /* one character before the preposition */
    size_t n;
} marker;
static const char *const dui_words[] = {"绝", "相", "面", "不", "核", "应"};
static const char *const yu_words[] = {"参", "给", "赋", "授", "施"};
static const char *const tong_words[] = {"共", "合", "相", "不", "赞", "认", "如", "协", "陪"};
static const char *const xiang_words[] = {"方", "面", "倾", "走", "导", "指", "志", "意", "去",
                                          "动"};
static const char *const jiang_words[] = {"即", "必", "终", "也", "又", "还", "仍", "都", "亦",
                                          "并", "就", "会", "大", "老", "武", "主", "名"};
static const char *const ba_words[] = {"一", "这", "那", "几", "车", "门", "刀", "火", "个"};
static const marker markers[] = {{"对", dui_words, N(dui_words)},
                                 {"将", jiang_words, N(jiang_words)},
                                 {"把", ba_words, N(ba_words)},
                                 {"与", yu_words, N(yu_words)},
                                 {"同", tong_words, N(tong_words)},
                                 {"向", xiang_words, N(xiang_words)}};

/* One walk over text[from, to): a campaign verb or a preposition of
 * markers that is not part of a longer word (绝对, 即将). */
static int object_marker(const char *text, size_t from, size_t to)
{
    for (size_t b = from; b < to; b++) {
        if (((unsigned char)text[b] & 0xF0) != 0xE0 || b + 3 > to)
            continue;   /* the markers are all three-byte characters */
        if (starts_with_any(text, b, to, campaign_verbs, N(campaign_verbs)))
            return 1;
        for (size_t m = 0; m < N(markers); m++)
            if (memcmp(text + b, markers[m].prep, 3) == 0 &&
                !ends_with_any(text, from, b, markers[m].not_in, markers[m].n))
                return 1;
    }
    return 0;
}

static int sentence_stop(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == '!' ||
           cp == '?' || cp == ';' || cp == '\n' || cp == '\r';
}

/* Closing quotation marks: a stop right before one ends the quoted words,
 * not the sentence, which goes on to its speaker (“…很难出来。”办案民警说). */
static int closing_quote(uint32_t cp)
{
    return cp == 0x201D || cp == 0x2019 || cp == 0x300D || cp == 0x300F;
}

#define HEADING 40   /* most code points of a line that heads what follows it */

/* The line ending at the line break at byte b is open: not empty, at most
 * HEADING code points, and not ended by a stop (关于开展赌博专项整治的通知\n,
 * 【反诈提醒】\n, 男子沉迷赌博\n一年输光家产): a heading or a line of a post
 * written one phrase a line, whose sentence goes on in the next line.  Blank
 * lines and spaces before b are passed over. */
static int open_line(const char *text, size_t b)
{
    size_t at;
    while (b > 0 && strchr("\n\r \t", text[b - 1]))
        b--;
    if (b == 0)
        return 0;
    uint32_t last = cp_before(text, b, &at);
    if (sentence_stop(last) || last == '.')
        return 0;
    for (int k = 0; b > 0; k++) {
        if (k > HEADING)
            return 0;
        if (text[b - 1] == '\n' || text[b - 1] == '\r')
            return 1;
        cp_before(text, b, &at);
        b = at;
    }
    return 1;
}

/* The stop cp (at byte b, l bytes) ends the sentence: not a 。！？ right
 * before a closing quote; a line break unless join is set and it ends an
 * open line (set only for a text with no advert cue). */
static int stop_ends_sentence(const char *text, size_t len, uint32_t cp, size_t b, size_t l,
                              int join)
{
    if (!sentence_stop(cp))
        return 0;
    if (cp == '\n' || cp == '\r')
        return !(join && open_line(text, b));
    size_t nl;
    return !closing_quote(cp_at(text, len, b + l, &nl));
}

/* The end of the sentence that goes on from byte b (at most REACH code
 * points on): 。！？；, their ASCII forms or a line break (see
 * stop_ends_sentence), not inside a quotation that a speaker follows. */
static size_t sentence_end(const char *text, size_t len, size_t b, int join)
{
    for (int k = 0; b < len && k < REACH; k++) {
        size_t l;
        uint32_t cp = cp_at(text, len, b, &l);
        if (stop_ends_sentence(text, len, cp, b, l, join))
            break;
        b += l;
    }
    return b;
}

/* An enforcement word after the term made passive: 被/遭/受到/已 between
 * them, not turned round (不会被查封). */
static int passive(const char *text, size_t b_end, size_t w_start)
{
    if (!any_in(text, b_end, w_start, passive_markers, N(passive_markers)))
        return 0;
    return !any_in(text, b_end, w_start, passive_negators, N(passive_negators));
}

/* One of the words right after the term, past 等/类/的 (赌博整治, 赌博等行为,
 * 赌博案): nothing between them, so no clause break either. */
/* After ≠ right after the term, what it is not (⚠️赌博≠赚钱, 六合彩≠致富捷径). */
static const char *const not_gains[] = {"赚钱", "发财", "致富", "暴富", "收益", "财富", "捷径",
                                        "副业", "投资", "理财", "机会"};

static int noun_after(const char *text, size_t b_end, size_t len)
{
    if (starts_with_any(text, b_end, len, (const char *const[]){"≠"}, 1))
        return starts_with_any(text, b_end + 3, len, not_gains, N(not_gains)) != 0;
    size_t at = b_end + starts_with_any(text, b_end, len, fillers, N(fillers));
    at += starts_with_any(text, at, len, campaign_kinds, N(campaign_kinds));
    return starts_with_any(text, at, len, after_nouns, N(after_nouns)) != 0;
}

/* The code points in text[from, to). */
static size_t chars_between(const char *text, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t b = from; b < to; b++)
        n += ((unsigned char)text[b] & 0xC0) != 0x80;
    return n;
}

/* One of ！：】｜!:|# in the 48 bytes before b_start (16 Chinese characters),
 * or an emoji right after an alert word (🚨注意🚨, 重要提醒📣). */
static int heading_stop_near(const char *text, size_t b_start)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t from = b_start > 48 ? b_start - 48 : 0;
    for (size_t b = from; b < b_start; b++) {
        if (t[b] == '!' || t[b] == ':' || t[b] == '#' || t[b] == '|')
            return 1;
        if (t[b] == 0xF0 && ends_with_any(text, from, b, alerts, N(alerts)))
            return 1;
        if (b + 2 < b_start && ((t[b] == 0xEF && t[b + 1] == 0xBC &&
                                 (t[b + 2] == 0x81 || t[b + 2] == 0x9A)) ||   /* ！ ： */
                                (t[b] == 0xEF && t[b + 1] == 0xBD && t[b + 2] == 0x9C) ||  /* ｜ */
                                (t[b] == 0xE3 && t[b + 1] == 0x80 && t[b + 2] == 0x91)))   /* 】 */
            return 1;
    }
    return 0;
}

/* What ends a heading: ！：】｜ and their ASCII forms, #, and emoji (an
 * alert set between emoji: 🚨注意🚨, 📣重要提醒📣). */
static int heading_stop(uint32_t cp)
{
    return cp == 0xFF01 || cp == 0xFF1A || cp == 0x3011 || cp == '!' || cp == ':' ||
           cp == '#' || cp == 0xFF03 || cp == 0xFF5C || cp == '|' ||
           (cp >= 0x1F000 && symbol(cp));
}

/* What a heading that names an authority ends with when it labels what the
 * authority says (警方提示, 以案释法, 网信办通报) rather than what is claimed of
 * it (【政府补贴】, 政府工作报告都提到了！). */
static const char *const notice_words[] = {"提示", "提醒", "通报", "发布", "公告", "通告", "通知",
                                           "辟谣", "回应", "说", "说法", "释法", "科普", "建议",
                                           "声明", "课堂", "讲堂", "时间", "在线", "在行动",
                                           "进行时", "问答", "答问", "解答"};
/* Characters that end a body's name (公安局, 检察院, 网信办, 刑侦支队). */
static const char body_heads[] = "局部院厅办所队委处组站";

/* The heading text[from, to) names an authority as its speaker: after the
 * authority at most one character, a body's name or a word of notice. */
static int authority_label(const char *text, size_t from, size_t to)
{
    for (size_t i = 0; i < N(authorities); i++) {
        const char *p = find_in(text, from, to, authorities[i]);
        if (!p)
            continue;
        size_t rest = (size_t)(p - text) + strlen(authorities[i]), at;
        if (chars_between(text, rest, to) <= 1 ||
            ends_with_any(text, rest, to, notice_words, N(notice_words)) ||
            ends_with_any(text, rest, to, alerts, N(alerts)))
            return 1;
        uint32_t last = cp_before(text, to, &at);
        char u[5] = {0};
        if (gm_is_han_basic(last) && to - at == 3)
            memcpy(u, text + at, 3);
        if (u[0] && strstr(body_heads, u))
            return 1;
    }
    return 0;
}

/* Particles a spoken alert ends with (注意了, 注意啦, 注意咯). */
static const char *const alert_particles[] = {"了", "啦", "咯", "喽", "哦", "啊", "呀", "哈"};
/* Whom a spoken alert calls to (子女们注意了, 各位老人请注意, 大家注意啦). */
static const char *const callers[] = {"各位", "大家", "广大"};

/* The heading text[hs, he) is nothing but an alert word, a modifier before
 * it (重要提醒, 紧急提示) and a particle after it (注意了). */
static int bare_alert(const char *text, size_t hs, size_t he)
{
    if (hs >= he)
        return 0;
    size_t m = starts_with_any(text, hs, he, alert_modifiers, N(alert_modifiers));
    if (starts_with_any(text, hs + m, he, (const char *const[]){"请"}, 1))
        m += 3;
    size_t w = starts_with_any(text, hs + m, he, alerts, N(alerts));
    return w && (hs + m + w == he ||
                 (he - (hs + m + w) == 3 &&
                  starts_with_any(text, hs + m + w, he, alert_particles, N(alert_particles))));
}

/* After the people a heading calls to (子女们, 各位家长, 大家), at most six
 * characters: where its alert starts, or he when it calls to nobody. */
static size_t addressed(const char *text, size_t hs, size_t he)
{
    size_t c = starts_with_any(text, hs, he, callers, N(callers));
    for (size_t b = hs + c, k = 0; b + 3 <= he && k < 6; b += 3, k++) {
        if (c && starts_with_any(text, b, he, alerts, N(alerts)))
            return b;   /* 各位家长注意了, 大家注意啦 */
        if (memcmp(text + b, "们", 3) == 0)
            return b + 3;   /* 子女们注意了 */
        if ((unsigned char)text[b] < 0xE4 || (unsigned char)text[b] > 0xE9)
            return he;   /* Chinese characters only */
    }
    return he;
}

/* A heading just before the term (at most 16 code points back) that makes
 * what follows a warning: 【反诈提醒】, 警方提示：, 注意！, 以案释法：,
 * 子女们注意了： */
static int alert_heading(const char *text, size_t b_start, int join)
{
    if (!heading_stop_near(text, b_start))
        return 0;   /* the common case, without decoding */
    size_t b = b_start, head_end = 0, head_start = 0;
    while (join && b > 0 && strchr("\n\r \t", text[b - 1]))
        b--;   /* a heading on the line above (【反诈提醒】\n赌博\n都是骗局) */
    for (int k = 0; b > 0 && k < 32; k++) {
        size_t at;
        uint32_t cp = cp_before(text, b, &at);
        int stop = heading_stop(cp);
        int start = stop || cp == 0x3010 || cp == 0x3002 || cp == 0xFF0C || cp == 0xFF1F ||
                    cp == '\n' || cp == ',' || cp == 0x3001;
        if (!head_end && start && !stop)
            return 0;   /* a clause break before any heading */
        if (head_end && stop && b == head_end) {
            head_end = at;   /* a run of them (📣📣重要提醒📣📣) */
            b = at;
            continue;
        }
        if (head_end && start) {
            head_start = b;
            break;
        }
        if (!head_end && stop) {
            if (chars_between(text, b, b_start) > 16 + (join ? 4 : 0))
                return 0;
            head_end = at;
        }
        b = at;
        if (head_end && head_end - b > 30)
            return 0;
    }
    if (!head_end)
        return 0;
    if (!head_start)
        head_start = b;
    if (authority_label(text, head_start, head_end))
        return 1;
    if (any_in(text, head_start, head_end, anti_fraud, N(anti_fraud)))
        return any_in(text, head_start, head_end, alerts, N(alerts));
    return bare_alert(text, head_start, head_end) ||
           bare_alert(text, addressed(text, head_start, head_end), head_end);
}

/* Who an advert speaks to or of (有人带你玩; 您; 王某某教你玩). */
static const char *const addressees[] = {"你", "您", "咱"};

static int condemns_in(const gm_ctx_hits *hs, const char *text, size_t from, size_t to,
                       const gm_hit *h);
static int line_break(uint32_t cp);

/* The term's clause ends with a question (？) and the next clause starts
 * with an alarm word (赌博？当心落入诈骗陷阱); or, in a text without an
 * advert cue, the question is the term alone (a few characters more, nobody
 * addressed) and the two sentences after it condemn it (赌博？不可能赚钱！
 * 都是骗人的！). */
static int question_then_alarm(const gm_ctx_hits *hs, const char *text, size_t len,
                               const gm_hit *h, size_t cs, size_t ce)
{
    size_t l;
    uint32_t cp = cp_at(text, len, ce, &l);
    if (!(cp == 0xFF1F || cp == '?'))
        return 0;
    size_t next = ce + l;
    while (hs->join && next < len && strchr("\n\r \t", text[next]))
        next++;   /* the alarm on the next line (赌博？\n小心！这是骗局) */
    if (starts_with_any(text, next, len, alarms, N(alarms)))
        return 1;
    if (!hs->join || !hs->cond.n || chars_between(text, cs, ce) > chars_between(text, h->b_start,
                                                                                h->b_end) + 4 ||
        any_in(text, cs, ce, addressees, N(addressees)))
        return 0;
    size_t se = sentence_end(text, len, next, 0);
    if (se < len && !line_break(cp_at(text, len, se, &l)))
        se = sentence_end(text, len, se + l, 0);
    return condemns_in(hs, text, next, se, h);
}

/* A clause that starts with one of these is a condition (如遇赌博，请立即
 * 报警; 接到刷单返利的电话，一律挂断). */
static const char *const conditionals[] = {"如遇", "如果", "一旦", "遇到", "接到", "凡是",
                                           "如发现", "发现", "如您", "若", "倘若", "假如",
                                           "如有", "只要"};
/* A next clause that starts with one of these says what the term really is
 * (赌博不是致富路，而是犯罪路). */
static const char *const contrasts[] = {"而是", "其实", "实则", "实为", "实际上"};

/* A hit of hv inside text[from, to). */
static int any_after(const gm_hits *hv, size_t from, size_t to)
{
    for (size_t i = 0; i < hv->n; i++)
        if (hv->v[i].b_start >= from && hv->v[i].b_end <= to)
            return 1;
    return 0;
}

/* Who did what a clause ending in 的 tells (…作弊的考生, …的人员, …的单位). */
static const char *const doers[] = {"人", "人员", "考生", "学生", "单位", "企业", "商户", "账号",
                                    "用户", "平台", "网站", "当事人", "行为人"};

/* The clause [cs, ce) ends in 的 and someone: the people it names (对在考试中
 * 利用X作弊的考生，将依规…). */
static int names_who_did(const char *text, size_t cs, size_t ce)
{
    for (size_t i = 0; i < N(doers); i++) {
        size_t wl = strlen(doers[i]);
        if (ce >= cs + wl + 3 && ends_with(text, cs, ce, doers[i]) &&
            ends_with(text, cs, ce - wl, "的"))
            return 1;
    }
    return 0;
}

/* The clause from head is someone's approach to the reader, a condition as
 * much as 如果 is: 有人 and then 你 or 您 at most four characters on
 * (有人跟您说赌博，马上挂电话; 有人打电话跟您说六合彩，…). */
static int someone_to_you(const char *text, size_t head, size_t b_start)
{
    const char *p = find_in(text, head, b_start, "有人");
    if (!p)
        return 0;
    size_t at = (size_t)(p - text) + 6, to = at + 15 < b_start ? at + 15 : b_start;
    return find_in(text, at, to, "你") || find_in(text, at, to, "您");
}

/* In the rest of a condition's clause after the term, 请 and then a legal
 * step (报警, 拨打, 依法…): the clause asks whoever meets the term to report
 * it (遇到赌博请第一时间拨打96110). */
static int condition_asks_to_report(const gm_ctx_hits *hs, const char *text, const gm_hit *h,
                                    size_t ce)
{
    const char *please = find_in(text, h->b_end, ce, "请");
    if (!please || chars_between(text, h->b_end, (size_t)(please - text)) > 2)
        return 0;
    return any_after(&hs->legal, (size_t)(please - text), ce);
}

/* The term ends its clause (at most two characters after it: 链接, 短信) and
 * the next clause [next, ne) opens, at most four characters in, with a
 * negative imperative that is an enforcement word, not undone (陌生人推荐的
 * 百家乐，千万别信; 朋友发来的六合彩链接，不要点击; 一分钱都别投; not 千万别错过,
 * which is no enforcement word, nor 严禁外传). */
static int next_clause_forbids(const gm_ctx_hits *hs, const char *text, const gm_hit *h,
                               size_t ce, size_t next, size_t ne)
{
    if (chars_between(text, h->b_end, ce) > 2)
        return 0;
    for (size_t i = 0; i < hs->words.n; i++) {
        const gm_hit *w = &hs->words.v[i];
        if (w->b_start >= next && w->b_end <= ne && chars_between(text, next, w->b_start) <= 4 &&
            starts_with_any(text, w->b_start, w->b_end, after_imperatives,
                            N(after_imperatives)) &&
            !starts_with_any(text, w->b_end, ne, undoing, N(undoing)))
            return 1;
    }
    return 0;
}

/* Verbs that say no more than doing what they govern, in its pejorative
 * words (搞赌博, 沾上六合彩): a clause of one and the term is the term alone. */
static const char *const light_verbs[] = {"搞", "沾上", "沾", "碰", "参与"};
static const char *const open_quotes[] = {"“", "「", "‘", "\""};

/* The clause from head (after a label's colon) is an opening quote maybe, a
 * light verb and the term, ending with it (旁白：“搞赌博，终究逃不过法网。”). */
static int light_clause(const char *text, size_t head, const gm_hit *h, size_t ce)
{
    size_t at = head + starts_with_any(text, head, h->b_start, open_quotes, N(open_quotes));
    at += starts_with_any(text, at, h->b_start, light_verbs, N(light_verbs));
    return at > head && at == h->b_start && h->b_end == ce;
}

/* The term's clause is a condition - ending in 的 (参与赌博的，处五日以下拘留;
 * 凡是要求加微信刷单的，都是诈骗) or starting with 如遇/接到/凡是… - a 所谓
 * (所谓“赌博”，其实都是骗局) or the term alone (赌博，一次也不能碰), or the next
 * clause is a contrast (…，而是犯罪路); and the next clause condemns it, or
 * after a condition states a legal consequence or has an enforcement word
 * (赌博，严禁外传 is an advert: no condition). */
static int next_clause_judges(const gm_ctx_hits *hs, const char *text, size_t len,
                              const gm_hit *h, size_t cs, size_t ce)
{
    static const char of[] = "的", so_called[] = "所谓", not_is[] = "不是", is[] = "是";
    size_t l;
    const char *colon = find_in(text, cs, h->b_start, "：");
    size_t head = colon ? (size_t)(colon - text) + 3 : cs;   /* 防骗小贴士：凡是… */
    if (starts_with_any(text, head, h->b_start, conditionals, N(conditionals)) &&
        condition_asks_to_report(hs, text, h, ce))
        return 1;   /* 遇到赌博请第一时间拨打96110 */
    uint32_t cp = cp_at(text, len, ce, &l);
    if (!(cp == 0xFF0C || cp == ','))
        return 0;
    size_t ns, ne, next = ce + l;
    clause_of(text, len, next, next, &ns, &ne);
    if (next_clause_forbids(hs, text, h, ce, next, ne))
        return 1;   /* 陌生人推荐的百家乐，千万别信 */
    int condition = ends_with(text, 0, ce, of) || names_who_did(text, cs, ce) ||
                    starts_with_any(text, head, h->b_start, conditionals, N(conditionals)) ||
                    someone_to_you(text, head, h->b_start);
    int judged = condition || (h->b_start == cs && h->b_end == ce) ||
                 light_clause(text, head, h, ce) ||
                 find_in(text, cs, h->b_start, so_called) ||
                 starts_with_any(text, next, len, contrasts, N(contrasts)) ||
                 (starts_with_any(text, next, len, (const char *const[]){is}, 1) &&
                  find_in(text, h->b_end, ce, not_is));
    if (!judged)
        return 0;
    if (condemned_after(&hs->cond, text, next, h->cp_end, ne))
        return 1;
    if (!condition)
        return 0;
    if (any_after(&hs->legal, next, ne) || any_after(&hs->reg, next, ne) ||
        starts_with_any(text, next, ne, (const char *const[]){"处"}, 1))
        return 1;   /* …情节严重的，处三年以上七年以下有期徒刑; 如发现…，请向公安机关报告 */
    for (size_t i = 0; i < hs->words.n; i++)
        if (hs->words.v[i].b_start >= next && hs->words.v[i].b_end <= ne)
            return 1;
    return 0;
}

/* clause_of for h, reusing the last clause found when h lies inside it and
 * it ended at real breaks on both sides (not at REACH): a text with many
 * findings (a 20,000-word lexicon finds one every dozen characters) walks
 * each clause once. */
static void clause_memo(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h,
                        size_t *cs, size_t *ce)
{
    if (hs->memo_closed && h->b_start >= hs->memo_cs && h->b_end <= hs->memo_ce) {
        *cs = hs->memo_cs;
        *ce = hs->memo_ce;
        return;
    }
    hs->memo_closed = !clause_of(text, len, h->b_start, h->b_end, cs, ce);
    hs->memo_cs = *cs;
    hs->memo_ce = *ce;
}

/* An enforcement word of the clause [cs, ce) governs the hit h: before it
 * (严厉打击…赌博), after it as its object (对赌博进行打击, 赌博专项整治), after
 * it passive (赌博网站已被取缔), or after it in the sentence when the clause
 * makes it the topic (针对赌博问题，开展专项整治). */

static int word_governs(const gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h,
                        size_t cs, size_t ce)
{
    if (!hs->words.n && !hs->frames.n)
        return 0;
    /* the frames need a word after the term: look for their markers only then */
    int after = any_after(&hs->words, h->b_end, ce) || any_after(&hs->frames, h->b_end, ce);
    int object_frame = after && object_marker(text, cs, h->b_start);
    for (size_t i = 0; object_frame && i < hs->frames.n; i++)
        if (hs->frames.v[i].b_start >= h->b_end && hs->frames.v[i].b_end <= ce &&
            hs->frames.v[i].cp_start - h->cp_end <= GAP)
            return 1;   /* 切实加强对赌博的监测预警 */
    size_t se = ce;
    if (hs->words.n && any_in(text, cs, h->b_start, topic_markers, N(topic_markers)))
        se = sentence_end(text, len, ce, 0);
    for (size_t i = 0; i < hs->words.n; i++) {
        const gm_hit *w = &hs->words.v[i];
        if (se > ce && w->b_start >= h->b_end && w->b_end <= se)
            return 1;   /* 针对赌博问题，开展专项整治 */
        if (w->b_start < cs || w->b_end > ce)
            continue;
        if (w->cp_start < h->cp_start && w->cp_end < h->cp_end &&
            (w->cp_end <= h->cp_start ? h->cp_start - w->cp_end <= GAP : 1) &&
            !not_governing(text, w->b_start, w->b_end, h->b_start))
            return 1;   /* 严厉打击…赌博 (不要相信信用卡套现: the repeat folded into the word) */
        if (w->cp_start >= h->cp_end && w->cp_start - h->cp_end <= GAP &&
            (object_frame || ends_with(text, h->b_end, w->b_start, "专项") ||
             passive(text, h->b_end, w->b_start) ||
             starts_with_any(text, w->b_start, w->b_end, after_imperatives,
                             N(after_imperatives))))
            return 1;   /* 对赌博进行打击, 赌博专项整治, 赌博网站已被取缔, 赌博千万不能信 */
    }
    return 0;
}

/* The start of the sentence byte b is in, at most REACH code points back;
 * with lists set a ；does not end it (整治重点：（一）赌博；（二）谣言). */
static size_t sentence_start(const char *text, size_t len, size_t b, int lists, int join)
{
    for (int k = 0; b > 0 && k < REACH; k++) {
        size_t at;
        uint32_t cp = cp_before(text, b, &at);
        if (stop_ends_sentence(text, len, cp, at, b - at, join) &&
            !(lists && (cp == 0xFF1B || cp == ';')))
            break;
        b = at;
    }
    return b;
}

static int overlaps(const gm_hit *w, const gm_hit *h)
{
    return w->b_start < h->b_end && h->b_start < w->b_end;
}

/* An enforcement word in text[from, to), not h, not undone or defied
 * (整治后, 不怕打击). */
static int live_word_in(const gm_hits *words, const char *text, size_t from, size_t to,
                        const gm_hit *h)
{
    for (size_t i = 0; i < words->n; i++) {
        const gm_hit *w = &words->v[i];
        if (w->b_start >= from && w->b_end <= to && !overlaps(w, h) &&
            !starts_with_any(text, w->b_end, to, undoing, N(undoing)) &&
            !defied(text, w->b_start) &&
            !any_in(text, w->b_end, to < w->b_end + 18 ? to : w->b_end + 18, unable, N(unable)))
            return 1;
    }
    return 0;
}

/* A condemning word in text[from, to), not h, not negated (不违法). */
static int condemns_in(const gm_ctx_hits *hs, const char *text, size_t from, size_t to,
                       const gm_hit *h)
{
    for (size_t i = 0; i < hs->cond.n; i++) {
        const gm_hit *w = &hs->cond.v[i];
        if (w->b_start >= from && w->b_end <= to && !overlaps(w, h) &&
            !ends_with_any(text, from, w->b_start, negators, N(negators)))
            return 1;
    }
    return 0;
}

/* Something in the sentence text[from, to) that fights: an enforcement or
 * frame word, a condemning word not negated, a legal consequence or a
 * running total (the last two looked for once per sentence). */
static int fights_in(const gm_ctx_hits *hs, const char *text, size_t from, size_t to,
                     const gm_hit *h)
{
    if (live_word_in(&hs->words, text, from, to, h))
        return 1;
    for (size_t i = 0; i < hs->frames.n; i++)
        if (hs->frames.v[i].b_start >= from && hs->frames.v[i].b_end <= to)
            return 1;
    return condemns_in(hs, text, from, to, h) || any_after(&hs->legal, from, to);
}

int gm_context_fights(const gm_ctx_hits *hs, const char *text, size_t from, size_t to,
                      const gm_hit *h)
{
    return fights_in(hs, text, from, to, h);
}

int gm_context_offender(const char *text, const gm_hit *r)
{
    return starts_with_any(text, r->b_start, r->b_end, offenders, N(offenders)) != 0;
}

/* A hit of hv at most REACH code points from h (the only ones a sentence
 * rule can see). */
static int any_near(const gm_hits *hv, const gm_hit *h)
{
    for (size_t i = 0; i < hv->n; i++) {
        const gm_hit *w = &hv->v[i];
        if (w->cp_end + REACH >= h->cp_start && w->cp_start <= h->cp_end + REACH)
            return 1;
    }
    return 0;
}

/* The sentence around h, reusing the last one found when h lies inside it
 * (a text with many findings walks each sentence once). */
static void sentence_memo(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h,
                          size_t *ss, size_t *se)
{
    if (!(hs->sent_valid && h->b_start >= hs->sent_ss && h->b_end <= hs->sent_se)) {
        hs->sent_ss = sentence_start(text, len, h->b_start, 0, hs->join);
        hs->sent_se = sentence_end(text, len, h->b_end, hs->join);
        hs->sent_valid = 1;
    }
    *ss = hs->sent_ss;
    *se = hs->sent_se;
}

/* What text[from, to) says of its speaker (h's own words left aside): 2
 * when it names an offender or tells a cautionary tale (enough alone), 1
 * when it speaks in official register, else 0. */

static int speaks_officially(const gm_ctx_hits *hs, const char *text, size_t from, size_t to,
                             const gm_hit *h)
{
    int reg = 0;
    for (size_t i = 0; i < hs->reg.n; i++) {
        const gm_hit *r = &hs->reg.v[i];
        if (r->b_start < from || r->b_end > to || overlaps(r, h))
            continue;
        if (starts_with_any(text, r->b_start, r->b_end, offenders, N(offenders)) ||
            (r->term == GM_CTX_PARTY && !any_in(text, from, to, addressees, N(addressees)) &&
             !starts_with_any(text, r->b_end, to, (const char *const[]){"：", ":"}, 2)))
            return 2;   /* 被告人, 犯罪嫌疑人; a party named as a case names one (赵某),
                         * not one who speaks to you (王某某教你玩…) nor one
                         * labelling his own words (学员李某：…) */
        reg = 1;
    }
    for (size_t i = 0; i < hs->cond.n; i++) {
        const gm_hit *w = &hs->cond.v[i];
        if (w->b_start >= from && w->b_end <= to &&
            starts_with_any(text, w->b_start, w->b_end, cautionary, N(cautionary)))
            return 2;
    }
    return reg;
}

/* The term follows a campaign verb (开展, 组织, 举办) and names the subject
 * of what is held (开展赌博专题教育, 组织防范刷单返利宣传). */
static const char *const events[] = {"专题", "主题", "教育", "宣传", "讲座", "培训", "学习",
                                     "知识", "检查"};
static const char *const holding[] = {"开展", "组织", "举办", "推进", "部署", "启动", "进行"};

static int campaign_subject(const char *text, size_t len, size_t from, const gm_hit *h)
{
    size_t lo = h->b_start > from + 3 * GAP ? h->b_start - 3 * GAP : from;
    if (!any_in(text, lo, h->b_start, holding, N(holding)))
        return 0;
    size_t at = h->b_end + starts_with_any(text, h->b_end, len, fillers, N(fillers));
    return starts_with_any(text, at, len, events, N(events)) != 0;
}

/* text[from, to) speaks in official register and fights, names an
 * offender or tells a cautionary tale. */
static int official_span(const gm_ctx_hits *hs, const char *text, size_t from, size_t to,
                         const gm_hit *h)
{
    int how = speaks_officially(hs, text, from, to, h);
    return how == 2 ||
           (how == 1 && (fights_in(hs, text, from, to, h) ||
                         (h->b_start >= from && h->b_end <= to &&
                          campaign_subject(text, to, from, h))));
}

static int line_break(uint32_t cp)
{
    return cp == '\n' || cp == '\r';
}

/* The sentence before [ss, se) and the one after it, in the same paragraph
 * (no line break between): *ps .. *pe; 0 when there is neither. */
static int neighbours(const char *text, size_t len, size_t ss, size_t se, size_t *ps,
                      size_t *pe)
{
    size_t at, l;
    *ps = ss;
    *pe = se;
    if (ss > 0 && !line_break(cp_before(text, ss, &at)))
        *ps = sentence_start(text, len, at, 0, 0);
    uint32_t cp = cp_at(text, len, se, &l);
    if (se < len && !line_break(cp))
        *pe = sentence_end(text, len, se + l, 0);
    return *ps < ss || *pe > se;
}

/* Verbs that give quoted words to their speaker. */
static const char *const speech_verbs[] = {"说", "表示", "介绍", "告诉", "称", "指出", "提醒",
                                           "坦言", "透露", "解释", "强调", "感慨", "回忆", "写道",
                                           "获悉", "了解到", "认为", "分析", "显示"};

/* The quotation “…” in [ss, se) that h lies in: *qs at its opening mark,
 * *qe past its closing one; 0 when h is not quoted. */
static int quotation_around(const char *text, size_t ss, size_t se, const gm_hit *h, size_t *qs,
                            size_t *qe)
{
    static const char open[] = "“", close[] = "”";
    const char *o = NULL, *c;
    for (const char *p = find_in(text, ss, h->b_start, open); p;
         p = find_in(text, (size_t)(p - text) + 3, h->b_start, open))
        o = p;
    if (!o || find_in(text, (size_t)(o - text) + 3, h->b_start, close) ||
        !(c = find_in(text, h->b_end, se, close)))
        return 0;
    *qs = (size_t)(o - text);
    *qe = (size_t)(c - text) + 3;
    return 1;
}

/* A register word followed by a verb of speech in text[from, to) (派出所
 * 所长告诉记者, 民警说). */
static int speaker_in(const gm_ctx_hits *hs, const char *text, size_t from, size_t to)
{
    for (size_t i = 0; i < hs->reg.n; i++) {
        const gm_hit *r = &hs->reg.v[i];
        if (r->b_start >= from && r->b_end <= to &&
            any_in(text, r->b_start, to, speech_verbs, N(speech_verbs)))   /* 报告指出 itself */
            return 1;
    }
    return 0;
}

/* The term is quoted and the words around the quotation give it to an
 * official speaker (“…”派出所所长告诉记者, 民警说：“…”). */
static int official_speaker(gm_ctx_hits *hs, const char *text, size_t len, size_t ss, size_t se,
                            const gm_hit *h)
{
    if (!hs->reg.n)
        return 0;
    if (!hs->quote_seen) {
        hs->quote_seen = 1;
        hs->quote = find_in(text, 0, len, "”") != NULL;
    }
    size_t qs, qe;
    if (!hs->quote || !quotation_around(text, ss, se, h, &qs, &qe))
        return 0;
    size_t cs, ce, ns, ne;
    /* the clause right after the closing mark (…。”派出所所长告诉记者) and the
     * one ending at the opening mark (民警说：“…) */
    clause_of(text, se, qe, qe, &cs, &ce);
    clause_of(text, qs, qs, qs, &ns, &ne);
    return speaker_in(hs, text, qe, ce) || speaker_in(hs, text, ns, qs);
}

/* Words by which a sentence refers back to what the one before it told
 * (经核实，视频中的人员已被警方依法处理; 对此, 该团伙, 上述行为). */
static const char *const anaphors[] = {"对此", "此事", "上述", "涉事", "该", "经核实", "经查"};

/* The characters of text, one pass, once per text: a bit per CJK
 * character (three bytes of UTF-8), hashed mod CHAR_BITS. */
enum { CHAR_BITS = 2039 };

static unsigned three_byte_cp(const unsigned char *u)
{
    return ((unsigned)(u[0] & 0x0F) << 12) | ((unsigned)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
}

static void note_chars(gm_ctx_hits *hs, const char *text, size_t len)
{
    if (hs->chars_seen)
        return;
    hs->chars_seen = 1;
    memset(hs->chars, 0, sizeof hs->chars);
    const unsigned char *u = (const unsigned char *)text;
    for (size_t b = 0; b + 2 < len; b++)
        if ((u[b] & 0xF0) == 0xE0) {
            unsigned bit = three_byte_cp(u + b) % CHAR_BITS;
            hs->chars[bit >> 6] |= (uint64_t)1 << (bit & 63);
            b += 2;
        }
}

/* word may be in the text: its first character is (or is no CJK one). */
static int may_hold(const gm_ctx_hits *hs, const char *word)
{
    const unsigned char *u = (const unsigned char *)word;
    if ((u[0] & 0xF0) != 0xE0 || !u[1] || !u[2])
        return 1;
    unsigned bit = three_byte_cp(u) % CHAR_BITS;
    return (hs->chars[bit >> 6] >> (bit & 63)) & 1;
}

/* One of words is anywhere in the text: most texts lack the first
 * characters of most words, and only the others are searched for. */
static int text_any(gm_ctx_hits *hs, const char *text, size_t len, const char *const *words,
                    size_t n)
{
    note_chars(hs, text, len);
    for (size_t i = 0; i < n; i++)
        if (may_hold(hs, words[i]) && find_in(text, 0, len, words[i]))
            return 1;
    return 0;
}

/* One of words is in the text (looked for once per text; *seen: 0 not yet,
 * 1 no, 2 yes). */
static int text_has(gm_ctx_hits *hs, const char *text, size_t len, int *seen,
                    const char *const *words, size_t n)
{
    if (!*seen)
        *seen = text_any(hs, text, len, words, n) ? 2 : 1;
    return *seen == 2;
}

/* Words by which a sentence goes on about what the one before it told,
 * besides anaphors (当事人曾多次发布…; 经审讯，3人对…供认不讳; 其中…). */
static const char *const continuations[] = {"当事人", "其中", "其", "此外", "同时", "随后",
                                            "这些", "此前"};

/* text[b, to) starts by referring back: an anaphor, a continuation, or a
 * procedure the authority went through (经审讯，经鉴定，经审计，: 经 and a
 * comma within five code points). */
static int refers_back(const char *text, size_t b, size_t to)
{
    static const char jing[] = "经";
    if (starts_with_any(text, b, to, anaphors, N(anaphors)) ||
        starts_with_any(text, b, to, continuations, N(continuations)))
        return 1;
    return to >= b + 6 && memcmp(text + b, jing, 3) == 0 &&
           (find_in(text, b + 3, to < b + 18 ? to : b + 18, "，") ||
            find_in(text, b + 3, to < b + 18 ? to : b + 18, ","));
}

/* Words of a back-reference anywhere in a sentence (今年以来，我市已接报相关
 * 警情46起; 此类案件; 这起案件). */
static const char *const back_refs[] = {"相关", "此类", "这类", "该类", "类似", "此案", "该案",
                                        "这起", "此事", "上述", "这一"};

/* h's sentence starts by referring back to the one before it in the same
 * paragraph, which speaks officially and fights; neither has an advert cue
 * (…并处罚款5万元。当事人曾多次发布赌博内容). */
static int official_prequel(const gm_ctx_hits *hs, const char *text, size_t len,
                            const gm_hit *h, size_t ss, size_t se)
{
    size_t at;
    if (ss == 0 || line_break(cp_before(text, ss, &at)) || !refers_back(text, ss, se))
        return 0;
    size_t ps = sentence_start(text, len, at, 0, 0);
    return ps < at && !any_after(&hs->advert, ps, se) && official_span(hs, text, ps, at, h);
}

/* Demonstratives that, with a condemning word right after them, call what
 * the sentence before named an offence (这类犯罪, 这些违法活动, 此类骗局). */
static const char *const demonstratives[] = {"这类", "此类", "这些", "这种", "该类", "上述",
                                             "该", "此"};

/* Sentence text[ns, ne) starts with a demonstrative and a condemning word at
 * most two characters after it (这类犯罪往往…, 这些违法活动…). */
static int condemning_anaphor(const gm_ctx_hits *hs, const char *text, size_t ns, size_t ne)
{
    size_t d = starts_with_any(text, ns, ne, demonstratives, N(demonstratives));
    if (!d)
        return 0;
    for (size_t i = 0; i < hs->cond.n; i++) {
        const gm_hit *w = &hs->cond.v[i];
        if (w->b_start >= ns + d && w->b_start <= ns + d + 6 && w->b_end <= ne)
            return 1;
    }
    return 0;
}

/* The sentence after h's, in the same paragraph, starts by referring back to it, speaks
 * officially and fights, and neither has an advert cue (近日，一则关于赌博的
 * 视频在网上流传。经核实，视频中的人员已被警方依法处理); or it starts by
 * calling what h's sentence named an offence (…其中，赌博尤为突出。这类犯罪
 * 往往以小利诱人…), and nothing in the text advertises. */
static int official_sequel(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h,
                           size_t ss, size_t se)
{
    size_t l;
    uint32_t cp = cp_at(text, len, se, &l);
    if (se >= len || line_break(cp))
        return 0;
    size_t ns = se + l;
    if (hs->join && hs->cond.n && condemning_anaphor(hs, text, ns, sentence_end(text, len, ns, 0)))
        return 1;
    int back = refers_back(text, ns, len);
    if (!back && !text_has(hs, text, len, &hs->backref_seen, back_refs, N(back_refs)))
        return 0;   /* the common case: no back-reference anywhere in the text */
    size_t ne = sentence_end(text, len, ns, 0);
    if (!back && !any_in(text, ns, ne, back_refs, N(back_refs)))
        return 0;
    return !any_after(&hs->advert, ss, ne) &&
           official_span(hs, text, ns, ne, h);
}

/* Closing formulas of an official document (特此通知, 特此公告). */
static const char *const closings[] = {"特此通知", "特此公告", "特此通告", "特此通报", "特此声明",
                                       "特此函告", "特此说明", "特此批复", "特此答复"};

/* The last line of text[0, to) that is not blank: *ls .. *le. */
static int last_line(const char *text, size_t to, size_t *ls, size_t *le)
{
    while (to > 0 && strchr("\n\r \t", text[to - 1]))
        to--;
    size_t b = to;
    while (b > 0 && text[b - 1] != '\n' && text[b - 1] != '\r')
        b--;
    *ls = b;
    *le = to;
    return to > b;
}

/* text[from, to) is a date: digits, 年, digits, 月, digits, 日 (2026年11月24日). */
static int date_line(const char *text, size_t from, size_t to)
{
    static const char *const marks[] = {"年", "月", "日"};
    size_t b = from;
    for (int m = 0; m < 3; m++) {
        size_t d = b;
        while (b < to && ((text[b] >= '0' && text[b] <= '9') ||
                          ((unsigned char)text[b] == 0xE3 && b + 2 < to &&
                           memcmp(text + b, "〇", 3) == 0)))
            b += text[b] >= '0' && text[b] <= '9' ? 1 : 3;
        if (b == d || to < b + 3 || memcmp(text + b, marks[m], 3) != 0)
            return 0;
        b += 3;
    }
    return b == to;
}

/* The text is a document signed by whoever issued it: a closing formula
 * (特此通知), or a date as its last line under a short line with no stop -
 * the signature (校保卫处\n2026年11月24日); and it has no advert cue. */
static int signed_document(gm_ctx_hits *hs, const char *text, size_t len)
{
    if (!hs->join)
        return 0;
    if (!hs->signed_seen) {
        size_t ds, de, ss, se;
        hs->signed_seen = 1;
        hs->signed_doc = text_any(hs, text, len, (const char *const[]){"特此"}, 1) &&
                         text_any(hs, text, len, closings, N(closings));
        if (!hs->signed_doc && last_line(text, len, &ds, &de) && date_line(text, ds, de) &&
            last_line(text, ds, &ss, &se) && chars_between(text, ss, se) <= 24) {
            size_t at;
            uint32_t cp = cp_before(text, se, &at);
            hs->signed_doc = !sentence_stop(cp) && cp != 0xFF0C && cp != ',';
        }
    }
    return hs->signed_doc;
}

/* What signs a public-service slogan (…——某市反诈中心提醒您, 某县禁毒委 宣). */
static const char *const signing[] = {"提醒您", "提示您", "宣", "制", "宣传", "出品", "敬告",
                                      "监制", "宣印"};
#define SLOGAN_MAX 240   /* most bytes of a signed slogan (80 Chinese characters) */

/* The text is a short slogan signed by an official body: its last line, or
 * what follows its last ——, is at most 24 characters, names a body or a
 * register word and ends with a signing word (远离X，幸福一生。——某县公安局
 * 提醒您; X一时爽，家人两行泪。——某市反诈中心提醒您); h lies before the
 * signature; no advert cue in the text. */
static int signed_slogan(const gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    size_t ls, le;
    if (!hs->join || len > SLOGAN_MAX || !last_line(text, len, &ls, &le))
        return 0;
    const char *dash = NULL, *p;
    while ((p = find_in(text, dash ? (size_t)(dash - text) + 3 : ls, le, "——")) != NULL)
        dash = p;
    size_t from = dash ? (size_t)(dash - text) + strlen("——") : ls;
    if (h->b_end > from || chars_between(text, from, le) > 24 ||
        !ends_with_any(text, from, le, signing, N(signing)))
        return 0;
    for (size_t i = 0; i < hs->reg.n; i++)
        if (hs->reg.v[i].b_start >= from && hs->reg.v[i].b_end <= le &&
            !starts_with_any(text, hs->reg.v[i].b_start, hs->reg.v[i].b_end, offenders,
                             N(offenders)))
            return 1;
    return 0;
}

/* The term's sentence speaks in official register (公安机关, 被告人, 全市) and
 * fights something, however many clauses from the term (被告人…参与赌博，涉案
 * 金额200余万元，法院依法判处其有期徒刑).  Or it fights and the sentence before
 * or after it in its paragraph says who speaks, when none of the three has
 * an advert cue (又有人中招了！一男子轻信赌博，被骗8万元。警方提醒…); a
 * sentence that does not fight is not governed by its neighbour
 * (公安机关严厉打击。六合彩今晚开奖) unless the next one refers back to it
 * (official_sequel).  Or the term is quoted from an official speaker. */
static int official_sentence(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    size_t ss, se, ps, pe;
    if (signed_slogan(hs, text, len, h))
        return 1;
    if (signed_document(hs, text, len)) {
        sentence_memo(hs, text, len, h, &ss, &se);
        if (fights_in(hs, text, ss, se, h))
            return 1;   /* …请同学们提高警惕。\n\n校保卫处\n2026年11月24日 */
    }
    if (!any_near(&hs->reg, h) && !any_near(&hs->cond, h))
        return 0;
    sentence_memo(hs, text, len, h, &ss, &se);
    if (official_span(hs, text, ss, se, h) || official_speaker(hs, text, len, ss, se, h))
        return 1;
    if (fights_in(hs, text, ss, se, h))
        return neighbours(text, len, ss, se, &ps, &pe) && !any_after(&hs->advert, ps, pe) &&
               speaks_officially(hs, text, ps, pe, h);
    return official_sequel(hs, text, len, h, ss, se) ||
           official_prequel(hs, text, len, h, ss, se);
}

/* Words of regret and loss that make quoted words a testimony against what
 * they name (“赌博让我失去了工作和家庭。”回忆往事，他数度哽咽). */
static const char *const regrets[] = {"失去", "输光", "输掉", "输了", "后悔", "哽咽", "心有余悸",
                                      "醒悟", "毁了", "戒赌", "没想到", "被骗", "上当", "欠下",
                                      "欠了", "一无所有", "搭进", "血本无归", "倾家荡产", "悔"};

/* h is quoted, the quotation has its speaker in the sentence (a verb of
 * speech after it or before its opening mark) and the sentence speaks of
 * regret or loss; the text has no advert cue (a testimonial advert quotes
 * gains: “跟着老师玩赌博，一个月赚了3万。”学员小李说). */
static int testimony(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    if (!hs->join)
        return 0;
    if (!hs->quote_seen) {
        hs->quote_seen = 1;
        hs->quote = find_in(text, 0, len, "”") != NULL;
    }
    size_t ss, se, qs, qe, ns, ne;
    if (!hs->quote)
        return 0;
    sentence_memo(hs, text, len, h, &ss, &se);
    if (!quotation_around(text, ss, se, h, &qs, &qe) || !any_in(text, ss, se, regrets, N(regrets)))
        return 0;
    clause_of(text, qs, qs, qs, &ns, &ne);
    return any_in(text, qe, se, speech_verbs, N(speech_verbs)) ||
           any_in(text, ns, qs, speech_verbs, N(speech_verbs)) ||
           ends_with(text, ss, qs, "：") || ends_with(text, ss, qs, ":");   /* 她心有余悸：“…” */
}

/* Labels of who asks in an interview or a press conference (记者：, 问：). */
static const char *const askers[] = {"记者", "问", "主持人", "网友", "提问", "本报记者", "Q", "Ｑ"};

/* A speaker's label in brackets at byte b (【问】, 【答】, [问]): the byte after
 * its closing bracket, or 0. */
static size_t bracket_label(const char *text, size_t len, size_t b)
{
    static const char *const opens[] = {"【", "["}, *const closes[] = {"】", "]"};
    for (size_t i = 0; i < N(opens); i++) {
        size_t o = strlen(opens[i]);
        if (b + o >= len || memcmp(text + b, opens[i], o) != 0)
            continue;
        const char *c = find_in(text, b + o, len < b + o + 12 ? len : b + o + 12, closes[i]);
        return c ? (size_t)(c - text) + strlen(closes[i]) : 0;
    }
    return 0;
}

/* A speaker's label - a few characters and a colon, or a word in brackets -
 * at byte b. */
static int label_at(const char *text, size_t len, size_t b)
{
    size_t to = len < b + 24 ? len : b + 24;   /* eight CJK characters */
    return find_in(text, b, to, "：") || memchr(text + b, ':', to - b) ||
           bracket_label(text, len, b);
}

/* What an answer that refutes the question starts with (答：不合法！). */
static const char *const denials[] = {"不合法", "不是", "不能", "不可以", "不行", "否", "没有",
                                      "当然不", "不要", "千万不要", "违法", "属于"};

/* Words of a seller answering for itself (我们做了八年, 信誉第一, 欢迎咨询). */
static const char *const selling[] = {"我们", "我", "本店", "本公司", "欢迎", "信誉", "保证",
                                      "放心", "靠谱", "正规"};

/* The labelled answer starting at byte b (答：…, 专家：…) does not sell
 * what was asked: it denies it at once, has a word that fights, or has no
 * seller's words (答：我们做了八年，信誉第一，欢迎咨询 sells). */
static int answer_fights(const gm_ctx_hits *hs, const char *text, size_t len, size_t b,
                         const gm_hit *h)
{
    size_t to = len < b + 24 ? len : b + 24, l;
    const char *c = find_in(text, b, to, "：");
    size_t at = c ? (size_t)(c - text) + 3 : b;
    if (!c && (c = memchr(text + b, ':', to - b)) != NULL)
        at = (size_t)(c - text) + 1;
    if (!c && bracket_label(text, len, b))
        at = bracket_label(text, len, b);   /* 【答】… */
    while (at < len && strchr(" \t\r\n", text[at]))
        at++;
    if (starts_with_any(text, at, len, denials, N(denials)))
        return 1;
    size_t ae = sentence_end(text, len, at, 0);
    if (ae < len && !line_break(cp_at(text, len, ae, &l)))
        ae = sentence_end(text, len, ae + l, 0);   /* 答：点击“举报”。平台将依法处理。 */
    return fights_in(hs, text, at, ae, h) || !any_in(text, at, ae, selling, N(selling));
}

/* h's sentence is a question of an interview (记者：…？, 问：…？) and the
 * next sentence is the answer of a labelled speaker (专家：, 发言人：, 答：)
 * or the question itself speaks officially; no advert cue in the text. */
static int interview_question(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    static const char *const colons[] = {"：", ":", "】", "]"};
    if (!hs->join || !text_has(hs, text, len, &hs->colon2_seen, colons, N(colons)))
        return 0;
    size_t ss, se, l;
    sentence_memo(hs, text, len, h, &ss, &se);
    size_t open = bracket_label(text, len, ss) ? ss + 1 + ((unsigned char)text[ss] >= 0x80) * 2
                                               : ss;   /* 【问】… */
    size_t n = starts_with_any(text, open, se, askers, N(askers));
    uint32_t cp = n ? cp_at(text, len, open + n, &l) : 0;
    if (cp != 0xFF1A && cp != ':' && !(open > ss && (cp == 0x3011 || cp == ']')))
        return 0;
    cp = cp_at(text, len, se, &l);
    size_t next = se + l;
    while (next < len && strchr("\n\r \t", text[next]))
        next++;
    return ((cp == 0xFF1F || cp == '?') && next < len && label_at(text, len, next) &&
            answer_fights(hs, text, len, next, h)) ||
           speaks_officially(hs, text, ss, se, h);
}

/* h's sentence reports what an official speaker says, before the term
 * (报告指出，赌博呈现出…; 该负责人…表示，赌博已成为…; 据办案民警介绍，赌博平台…):
 * a register word and a verb of speech after it, then a clause break
 * before the term's clause; no advert cue in the text. */
static int official_report(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    if (!hs->join || !any_near(&hs->reg, h) ||
        !text_has(hs, text, len, &hs->speech_seen, speech_verbs, N(speech_verbs)))
        return 0;
    size_t ss, se, cs, ce;
    sentence_memo(hs, text, len, h, &ss, &se);
    clause_memo(hs, text, len, h, &cs, &ce);
    return cs > ss && speaker_in(hs, text, ss, cs);
}

/* What a survey or a statistic reports (调查显示, 据统计, 数据表明). */
static const char *const finding_leads[] = {"调查显示", "调查发现", "调查表明", "调查结果",
                                            "数据显示", "数据表明", "统计显示", "统计表明",
                                            "据统计", "不完全统计", "抽样调查", "问卷调查",
                                            "研究发现", "研究表明", "监测显示", "监测发现"};
/* Gains a seller's "finding" promises (调查显示，90%的人玩X都赚钱了). */
static const char *const gains[] = {"赚", "回本", "收益", "盈利", "翻倍", "月入", "日入", "发财",
                                    "暴富", "满意", "好评", "推荐", "信赖", "我"};
/* How a finding meets the term as a harm: people exposed to it (收到过,
 * 刷到过) or learning to see through it (识别). */
static const char *const exposure[] = {"收到", "接到", "刷到", "看到", "遇到", "碰到", "接触",
                                       "见过", "听说过", "识别", "辨别", "分辨"};

/* h's sentence reports a finding about the term as a harm - a survey's or
 * a statistic's lead before it (调查结果显示，近四成中学生表示曾刷到过X内容;
 * 统计数据表明，今年上半年X举报量…增长了35%) and the sentence fights or
 * tells people exposed to the term - told, not sold: nobody addressed, no
 * seller (我们) nor gains beside the term, no advert cue in the text. */
static int finding(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    if (!hs->join ||
        !text_has(hs, text, len, &hs->finding_seen, finding_leads, N(finding_leads)))
        return 0;
    size_t ss, se;
    sentence_memo(hs, text, len, h, &ss, &se);
    if (!any_in(text, ss, h->b_start, finding_leads, N(finding_leads)) ||
        any_in(text, ss, se, addressees, N(addressees)) ||
        any_in(text, ss, h->b_start, gains, N(gains)) || any_in(text, h->b_end, se, gains, N(gains)))
        return 0;
    size_t cs, ce;
    clause_memo(hs, text, len, h, &cs, &ce);
    return any_in(text, cs, h->b_start, exposure, N(exposure)) ||
           gm_context_fights(hs, text, ss, se, h);
}

/* A legal definition: the clause names the term as what an instrument or a
 * clause of it means (本通告所称赌博，是指…; 前款所称). */
static int defined_term(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    static const char *const selves[] = {"本", "前款", "前条", "第"}, *const said_w[] = {"所称"};
    if (!text_has(hs, text, len, &hs->said_seen, said_w, 1))
        return 0;
    size_t cs, ce;
    clause_memo(hs, text, len, h, &cs, &ce);
    const char *said = find_in(text, cs, h->b_start, "所称");
    return said && starts_with_any(text, cs, (size_t)(said - text), selves, N(selves));
}


/* Words that say a claim is false (谣言, 不实, 纯属虚构, 假的). */
static const char *const falsities[] = {"谣言", "不实", "假的", "纯属", "虚构", "捏造", "编造",
                                        "造谣", "误导", "不可信", "不属实", "失实", "伪造",
                                        "子虚乌有", "假消息", "误传", "没有依据", "并不存在", "误区"};
/* Words that report a claim without making it (网传, 有人说, 据说, 所谓). */
static const char *const hearsay[] = {"网传", "流传", "传言", "传闻", "据说", "听说", "声称",
                                      "宣称", "号称", "有人说", "有人称", "消息称", "说法"};

/* The term is part of a claim - quoted (“某地放开赌博”) or reported
 * (网传, 有人在群里说) - and its sentence, outside the quotation, or the
 * next one says the claim is false (系谣言, 经核实，该消息为不实信息, 假的！);
 * the text has no advert cue. */
static int claim_refuted(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    if (!hs->join || !text_has(hs, text, len, &hs->false_seen, falsities, N(falsities)))
        return 0;
    size_t ss, se, qs = 0, qe = 0;
    sentence_memo(hs, text, len, h, &ss, &se);
    size_t lw = starts_with_any(text, ss, h->b_start, falsities, N(falsities));
    if (lw && starts_with_any(text, ss + lw, h->b_start, (const char *const[]){"：", ":"}, 2))
        return !any_after(&hs->cond, h->b_end, se);   /* 谣言：赌博是国家认可的投资。 (谣言：
                                                       * X是骗局 refutes a condemnation) */
    int quoted = quotation_around(text, ss, se, h, &qs, &qe);
    if (!quoted && !any_in(text, ss, h->b_start, hearsay, N(hearsay)) &&
        !(find_in(text, ss, h->b_start, "有人") && find_in(text, ss, h->b_start, "说")))
        return 0;
    if (quoted ? any_in(text, ss, qs, falsities, N(falsities)) ||
                     any_in(text, qe, se, falsities, N(falsities))
               : any_in(text, h->b_end, se, falsities, N(falsities)))
        return 1;
    size_t l, ns = se;
    cp_at(text, len, ns, &l);
    for (ns += l; ns < len && strchr("\n\r \t", text[ns]); ns++)
        ;
    return ns < len && any_in(text, ns, sentence_end(text, len, ns, 1), falsities, N(falsities));
}

/* Before the term in its clause: what brought someone to it or kept him in
 * it (因为赌博, 沉迷, 泡在…里), or a realisation (才明白); with a loss or
 * regret in the sentence the sentence tells what the term cost (因为赌博，
 * 老张把二十万全输了; 那段时间我天天泡在赌博里，工作丢了). */
static const char *const causes[] = {"因为", "因", "由于", "沉迷", "迷上", "泡在", "陷入",
                                     "染上", "深陷", "误入", "被诱导", "明白", "才知道", "才发现"};
static const char *const losses[] = {"丢了", "损失", "债务", "外债", "卖房", "抬不起头",
                                     "家破", "离婚", "借遍"};

static int loss_story(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    if (!hs->join ||
        (!text_has(hs, text, len, &hs->loss_seen, losses, N(losses)) &&
         !text_has(hs, text, len, &hs->regret_seen, regrets, N(regrets))) ||
        !text_has(hs, text, len, &hs->cause_seen, causes, N(causes)))
        return 0;
    size_t cs, ce, ss, se;
    clause_memo(hs, text, len, h, &cs, &ce);
    size_t from = h->b_start > cs + 3 * GAP ? h->b_start - 3 * GAP : cs;
    if (!any_in(text, from, h->b_start, causes, N(causes)))
        return 0;
    sentence_memo(hs, text, len, h, &ss, &se);
    size_t l, ne = se;
    if (se < len && !line_break(cp_at(text, len, se, &l)))
        ne = sentence_end(text, len, se + l, 0);   /* …迷上了赌博，…。…儿子终于醒悟 */
    return any_in(text, ss, ne, regrets, N(regrets)) || any_in(text, ss, ne, losses, N(losses));
}

/* The term's clause is the name of a case: it ends in 案 (李某某组织赌博案,
 * 某公司为赌博提供技术支持案), not in a word of 案 (方案, 答案, 备案). */
static int case_name(const char *text, size_t len, size_t cs, size_t ce)
{
    static const char not_cases[] = "方答图档提备草议预教文法专";
    size_t at, pat;
    (void)len;
    if (ce < cs + 6 || cp_before(text, ce, &at) != 0x6848)   /* 案 */
        return 0;
    uint32_t before = cp_before(text, at, &pat);
    char u[5] = {0};
    if (gm_is_han_basic(before) && at - pat == 3)
        memcpy(u, text + pat, 3);
    return u[0] && !strstr(not_cases, u);
}


/* The lead of a field: its first sentence, lines joined as in
 * stop_ends_sentence (a title is its own lead, up to REACH code points). */
static size_t lead_end(const gm_ctx_hits *hs, const char *text, size_t len)
{
    return sentence_end(text, len, 0, hs->join);
}

void gm_context_gist(gm_ctx_hits *hs, const char *text, size_t len, int is_title,
                     gm_field_gist *g)
{
    gm_hit none = {.b_start = len + 1, .b_end = len + 1};
    size_t le = lead_end(hs, text, len);
    if (!hs->bodies_seen) {
        hs->bodies_seen = 1;
        gm_context_bodies(&hs->reg, text, len);
    }
    *g = (gm_field_gist){.speaks = speaks_officially(hs, text, 0, le, &none) != 0,
                         .fights = fights_in(hs, text, 0, le, &none),
                         .advert = hs->advert.n > 0,
                         .is_title = is_title};
}

/* The post's other field governs h: a title and the body's first sentence
 * are read as one sentence (关于防范赌博的提示 + 近期我市发生多起类似案件…;
 * 我区查处一起赌博案件 + 近日，区公安分局…开展联合执法), which speaks
 * officially and fights; a later sentence of the body that fights takes its
 * speaker from an official title that fights.  Neither field may have an
 * advert cue. */
static int other_field_governs(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    const gm_field_gist *o = hs->other;
    if (!o || o->advert || hs->advert.n)
        return 0;
    size_t le = lead_end(hs, text, len);
    if (h->b_start < le)
        return (o->speaks || speaks_officially(hs, text, 0, le, h)) &&
               (o->fights || fights_in(hs, text, 0, le, h));
    size_t ss, se;
    if (!o->is_title || !o->speaks || !o->fights)
        return 0;
    sentence_memo(hs, text, len, h, &ss, &se);
    return fights_in(hs, text, ss, se, h);
}

/* The term's clause makes it the topic (关于赌博，这些法律规定你要知道) and
 * the rest of the sentence speaks of the law (关于赌博，规定时间内到账 does
 * not). */
static int topic_of_the_law(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    if (!any_after(&hs->legal, h->b_end, len))
        return 0;
    size_t cs, ce;
    clause_memo(hs, text, len, h, &cs, &ce);
    if (!any_in(text, cs, h->b_start, topic_markers, N(topic_markers)))
        return 0;
    size_t se = sentence_end(text, len, ce, 0);
    return any_after(&hs->legal, h->b_end, se);
}

/* The names of instruments a body issues (悬赏通告, 安全告知书, 倡议书). */
static const char *const instrument_names[] = {"通告", "公告", "通知", "通报", "告知书", "告家长书",
                                               "倡议书", "公开信", "一封信", "决定", "意见",
                                               "办法", "规定", "提示", "声明"};

/* The term's sentence is the heading of an instrument a body issues about
 * it: a body or register word, 关于, the term, 的 and the instrument's name
 * ending the sentence (某某区公安分局关于赌博的悬赏通告; not 关于X福利的通知,
 * which no body issues). */
static int instrument_heading(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    static const char *const about_word[] = {"关于"};
    if (!hs->reg.n || !text_has(hs, text, len, &hs->about_seen, about_word, 1))
        return 0;
    size_t ss, se;
    sentence_memo(hs, text, len, h, &ss, &se);
    while (se > h->b_end && strchr(" \t\r\n", text[se - 1]))
        se--;
    const char *about = find_in(text, ss, h->b_start, "关于");
    if (!about || !ends_with_any(text, h->b_end, se, instrument_names, N(instrument_names)) ||
        !find_in(text, h->b_end, se, "的"))
        return 0;
    for (size_t i = 0; i < hs->reg.n; i++)
        if (hs->reg.v[i].b_start >= ss && hs->reg.v[i].b_end <= (size_t)(about - text))
            return 1;
    return 0;
}

/* What policy prose does about a topic (针对X呈现的新特点，应加强跨部门协作;
 * 关于X，要完善监测机制): later in the sentence after a clause that makes the
 * term its topic, they govern it as an enforcement word would. */
static const char *const measures[] = {"加强", "完善", "健全", "强化"};

static int topic_measured(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    if (!text_has(hs, text, len, &hs->measure_seen, measures, N(measures)))
        return 0;
    size_t cs, ce;
    clause_memo(hs, text, len, h, &cs, &ce);
    if (!any_in(text, cs, h->b_start, topic_markers, N(topic_markers)))
        return 0;
    return any_in(text, ce, sentence_end(text, len, ce, 0), measures, N(measures));
}

/* The term is an item of a list whose heading, before a colon in the same
 * sentence, fights (重点打击以下违法行为：1. 赌博；2. 制售假药): the heading has
 * a live enforcement word and the items are enumerated (、；（一）1.). */
/* The last colon (： or :) before byte b in its sentence, at most 3 * REACH
 * bytes back, found byte by byte without decoding: 1 and its offset in
 * *at, or 0. */
static int colon_before(const char *text, size_t b, size_t *at)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t lo = b > 3 * REACH ? b - 3 * REACH : 0;
    for (; b > lo; b--) {
        unsigned char c = t[b - 1];
        if (c == ':') {
            *at = b - 1;
            return 1;
        }
        if (c == '\n' || c == '\r' || c == '!' || c == '?')
            return 0;
        if (b - lo >= 3 && (t[b - 3] == 0xEF && t[b - 2] == 0xBC)) {
            if (c == 0x9A) {   /* ： */
                *at = b - 3;
                return 1;
            }
            if (c == 0x81 || c == 0x9F)   /* ！ ？ */
                return 0;
        }
        if (b - lo >= 3 && t[b - 3] == 0xE3 && t[b - 2] == 0x80 && c == 0x82)   /* 。 */
            return 0;
    }
    return 0;
}

/* A heading that names what a campaign aims at (此次行动聚焦三类突出问题：);
 * not 关于/对于, which adverts put before their own lists (关于我们：). */
static const char *const focus_markers[] = {"聚焦", "针对", "围绕"};

static int list_heading(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    if (!hs->colon_seen) {
        hs->colon_seen = 1;
        hs->colon = memchr(text, ':', len) || find_in(text, 0, len, "：");
    }
    if (!hs->colon)
        return 0;
    if (!hs->words.n && !hs->focus_seen) {
        hs->focus_seen = 1;
        hs->focus = text_any(hs, text, len, focus_markers, N(focus_markers));
    }
    if (!hs->words.n && !hs->cond.n && !hs->focus)
        return 0;
    size_t colon;
    if (!hs->colon || !colon_before(text, h->b_start, &colon))
        return 0;
    size_t ss = sentence_start(text, len, colon, 1, 0), se = h->b_end;
    for (int k = 0; se < len && k < REACH; k++) {
        size_t l;
        uint32_t cp = cp_at(text, len, se, &l);
        if (sentence_stop(cp) && cp != 0xFF1B && cp != ';')
            break;
        se += l;
    }
    static const char *const items[] = {"、", "；", ";", "（一）", "(1)", "1.", "1．", "①"};
    return any_in(text, colon, se, items, N(items)) &&
           (live_word_in(&hs->words, text, ss, colon, h) ||
            any_in(text, ss, colon, focus_markers, N(focus_markers)) ||
            condemns_in(hs, text, ss, colon, h));   /* 五类诈骗：, 以下行为属于违法行为： */
}

/* The text has a question mark, a 的， or a conditional (looked for once
 * per text). */
static int question_or_condition(gm_ctx_hits *hs, const char *text, size_t len)
{
    if (!hs->marks_seen) {
        hs->marks_seen = 1;
        hs->marks = find_in(text, 0, len, "？") || memchr(text, '?', len) ||
                    find_in(text, 0, len, "的，") || find_in(text, 0, len, "的,") ||
                    text_any(hs, text, len, conditionals, N(conditionals));
    }
    return hs->marks;
}

/* The term's clause reports a condemnation and asks whether it is true
 * (网传赌博是骗局？): the speaker does not condemn it. */
static int doubted(const char *text, size_t len, const gm_hit *h, size_t cs, size_t ce)
{
    size_t l;
    uint32_t cp = cp_at(text, len, ce, &l);
    return (cp == 0xFF1F || cp == '?') && any_in(text, cs, h->b_start, hearsay, N(hearsay));
}

/* The term's clause is the name of a case (某公司为赌博提供技术支持案). */
static int case_title(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    static const char *const an[] = {"案"};
    if (!text_has(hs, text, len, &hs->case_seen, an, 1))
        return 0;
    size_t cs, ce;
    clause_memo(hs, text, len, h, &cs, &ce);
    return case_name(text, len, cs, ce);
}

/* Words praising what they follow (赌博真实靠谱, 百家乐安全可靠). */
static const char *const praises[] = {"靠谱", "可靠", "放心", "正规", "合法合规", "稳定运营",
                                      "真实可信", "信誉", "很安全", "非常安全", "绝对安全",
                                      "十分安全", "安全无忧", "正版", "完全合法",
                                      "绝对合法", "合法经营"};
/* Right after the term (at most OFFERED characters), it is on offer: the
 * term's clause tells when or where one gets it (赌博全天在线, 六合彩今晚
 * 开奖, 百家乐照常营业), with nothing in the clause fighting it and nothing
 * stopping it (停止营业, 暂停上线). */
enum { OFFERED = 4 };
static const char *const offered[] = {"在线", "营业", "开奖", "开业", "上线", "接单", "开盘",
                                      "开张"};
/* Starting at a time told right after the term, at most ANNOUNCED characters
 * on (赌博今晚八点开始, 六合彩明天开局, 百家乐本周六上午十点准时开抢, 赌博
 * 这周末见): an event announced, whatever heading stands over it (注意！,
 * 提醒：). 见 only ends the clause (这周末见，; not 明天见分晓). */
enum { ANNOUNCED = 10 };
static const char *const scheduled[] = {"开始", "开局", "开场", "开抢", "开播", "开放", "开售",
                                        "开卖", "上线", "开奖", "营业", "开业", "开张", "开盘"};
static const char *const times[] = {"今晚", "今天", "今日", "明天", "明晚", "明早", "后天",
                                    "本周", "这周", "下周", "周末", "周一", "周二", "周三",
                                    "周四", "周五", "周六", "周日", "星期", "每晚", "每天",
                                    "晚上", "上午", "下午"};
static const char *const stopped[] = {"停止", "暂停", "不再", "禁止", "无法", "不得", "关停",
                                      "停业", "不能"};

/* Praise as the term's attribute (真正安全的赌博, 正规的百家乐, 国家认可的X):
 * the words before 的 right before the term. */
static const char *const attributes[] = {"靠谱", "可靠", "放心", "正规", "安全", "合法", "真实",
                                         "稳定", "专业", "权威", "认可", "信得过", "良心",
                                         "推荐"};
/* Before such praise in the clause they deny it (不存在安全的赌博, 所谓正规的X). */
static const char *const denied_praise[] = {"不", "没有", "所谓", "哪有", "并非", "非", "谎称",
                                            "号称", "声称", "自称", "冒充"};

/* The clause from cs praises the term starting at b_start as its attribute. */
static int praised_before(const char *text, size_t cs, size_t b_start)
{
    static const char of[] = "的";
    if (!ends_with(text, cs, b_start, of) ||
        !ends_with_any(text, cs, b_start - 3, attributes, N(attributes)))
        return 0;
    return !any_in(text, cs, b_start, denied_praise, N(denied_praise));
}

/* The term's clause [cs, ce) offers it right after it (赌博全天在线). */
static int on_offer(const gm_ctx_hits *hs, const char *text, const gm_hit *h, size_t cs,
                    size_t ce)
{
    size_t to = ce < h->b_end + 3 * (OFFERED + 2) ? ce : h->b_end + 3 * (OFFERED + 2);
    const char *p = NULL;
    for (size_t i = 0; !p && i < N(offered); i++)
        p = find_in(text, h->b_end, to, offered[i]);
    size_t most = OFFERED;
    if (!p && starts_with_any(text, h->b_end, ce, times, N(times))) {   /* 赌博今晚八点开始 */
        size_t far = ce < h->b_end + 3 * (ANNOUNCED + 2) ? ce : h->b_end + 3 * (ANNOUNCED + 2);
        for (size_t i = 0; !p && i < N(scheduled); i++)
            p = find_in(text, h->b_end, far, scheduled[i]);
        if (!p && ends_with(text, h->b_end, ce, "见"))
            p = text + ce - 3;   /* 赌博这周末见 */
        most = ANNOUNCED;
    }
    if (!p || chars_between(text, h->b_end, (size_t)(p - text)) > most ||
        any_in(text, h->b_end, (size_t)(p - text), stopped, N(stopped)))
        return 0;
    return !live_word_in(&hs->words, text, cs, ce, h) && !condemns_in(hs, text, cs, ce, h) &&
           !any_in(text, cs, h->b_start, stopped, N(stopped));
}

/* The term opens its clause and is called the best choice: 才是 right after
 * it and a superlative later in the clause (本院认为，赌博才是普通人最好的副业;
 * not 远离赌博才是最好的选择, where it does not open the clause). */
static const char *const best[] = {"最好", "最佳", "首选", "王道", "正道", "出路"};

static int chosen(const char *text, const gm_hit *h, size_t cs, size_t ce)
{
    return h->b_start == cs &&
           starts_with_any(text, h->b_end, ce, (const char *const[]){"才是"}, 1) &&
           any_in(text, h->b_end, ce, best, N(best));
}

/* After the term in its clause, not as a question: a condemnation denied
 * (赌博不是骗局, 六合彩不违法) or praise not denied (赌博真实靠谱): the text
 * defends the term, and no context softens it. */
static int defended(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    size_t cs, ce, l;
    clause_memo(hs, text, len, h, &cs, &ce);
    uint32_t cp = cp_at(text, len, ce, &l);
    if (cp == 0xFF1F || cp == '?' || find_in(text, h->b_end, ce, "吗"))
        return 0;
    for (size_t i = 0; i < hs->cond.n; i++) {
        const gm_hit *w = &hs->cond.v[i];
        if (w->b_start >= h->b_end && w->b_end <= ce && w->cp_start - h->cp_end <= 6 &&
            ends_with_any(text, h->b_end, w->b_start, negators, N(negators)))
            return 1;
    }
    if (praised_before(text, cs, h->b_start) || on_offer(hs, text, h, cs, ce) ||
        chosen(text, h, cs, ce))
        return 1;
    size_t to = ce < h->b_end + 18 ? ce : h->b_end + 18;
    for (size_t i = 0; i < N(praises); i++) {
        const char *p = find_in(text, h->b_end, to, praises[i]);
        if (p && !ends_with_any(text, h->b_end, (size_t)(p - text), negators, N(negators)))
            return 1;
    }
    return 0;
}

/* People spoken of in general, as an official text reports what others do
 * (有人在电梯内张贴…, 有校外人员散发…, 个别商户…, 有用户利用直播间发布…). */
static const char *const agents[] = {"人", "用户", "学生", "商户", "商家", "网民", "网友", "分子",
                                     "群众", "居民", "村民", "男子", "女子", "老人", "孩子",
                                     "家长", "员工", "司机", "骑手", "主播", "账号", "店铺",
                                     "人员", "陌生人", "网吧", "门店", "场所", "酒店", "宾馆",
                                     "茶楼", "棋牌室"};
/* Right after the people, verbs that report what they say or want, not
 * what they do (有人问赌博哪里能玩？). */
static const char *const saying[] = {"问", "说", "称", "想", "要", "推荐", "介绍", "求"};
/* What introduces such people as some, not as you or us (有, 个别, 部分). */
static const char *const some[] = {"有", "个别", "部分", "一些", "少数"};

/* The term's clause reports what some people do to or with it: 有/个别 +
 * people (at most four characters apart) before the term, a verb between
 * them, nobody addressed (近日发现有人在小区电梯内张贴赌博小广告; 个别商户门口
 * 张贴赌博广告). */
/* The people introduced by the 有/个别… at byte at, if any: 1 when they
 * are followed by a verb of doing before the term at b_start. */
static int some_people_do(const char *text, size_t len, size_t at, size_t b_start)
{
    size_t w = starts_with_any(text, at, b_start, some, N(some));
    if (!w)
        return -1;
    at += w;
    for (int k = 0; k <= 4 && at < b_start; k++) {
        size_t n = starts_with_any(text, at, b_start, agents, N(agents));
        if (n && at + n + 3 <= b_start)   /* people, then a verb before the term */
            return !starts_with_any(text, at + n, b_start, saying, N(saying));
        size_t l;
        uint32_t cp = cp_at(text, len, at, &l);
        if (!plain(cp))
            break;
        at += l;
    }
    return -1;
}

static int reported_conduct(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    size_t cs, ce;
    if (!text_has(hs, text, len, &hs->some_seen, some, N(some)))
        return 0;
    clause_memo(hs, text, len, h, &cs, &ce);
    /* one pass over the clause by lead characters: 你 您 咱 address
     * someone (no report then); 有 个 部 一 少 may start the people */
    const unsigned char *u = (const unsigned char *)text;
    int found = 0;
    for (size_t b = cs; b + 2 < ce; b++) {
        if ((u[b] & 0xF0) != 0xE0)
            continue;
        switch (three_byte_cp(u + b)) {
        case 0x4F60: case 0x60A8: case 0x54B1:   /* 你 您 咱 */
            return 0;
        case 0x6709: case 0x4E2A: case 0x90E8: case 0x4E00: case 0x5C11:   /* 有 个 部 一 少 */
            if (!found && b < h->b_start)
                found = some_people_do(text, len, b, h->b_start) == 1;
            break;
        }
        b += 2;
    }
    return found;
}

/* Right before the term they refuse to serve it (不为赌博提供帮助). */
static const char *const refusals[] = {"不为", "不帮", "不替", "绝不为", "决不为", "不向"};
/* Before the term in its clause they disclaim offering it (证券公司从未通过个人
 * 微信推荐X; 本物业从未委托任何人办理). */
static const char *const disclaimers[] = {"从未", "从不", "从来不", "从来没有", "绝不会", "决不会",
                                          "不会以任何"};
/* After the term in its clause, a prohibition of taking part in it, the
 * object put first (赌博类App千万不要让孩子下载). */
static const char *const prohibitions[] = {"不要", "千万别", "切勿", "请勿", "严禁", "禁止", "不能",
                                           "不准", "切莫"};
/* Before an enforcement word after the term they ask how to fight it
 * (赌博广告怎么举报？). */
static const char *const how[] = {"怎么", "如何", "怎样", "该如何", "要如何"};

/* Right after a prohibition at b, or after 让/给/帮 and at most three
 * characters of whom (千万不要让孩子下载), a verb of taking part (不要点, 切勿
 * 下载; not 不要犹豫，点击…). */
static int prohibited_act(const char *text, size_t b, size_t to)
{
    static const char *const acts[] = {"点", "扫", "买", "装", "回复"};
    static const char *const whom[] = {"让", "给", "帮", "替"};
    size_t n = starts_with_any(text, b, to, whom, N(whom));
    for (size_t k = 0, at = b + n; k <= (n ? 3u : 0u) && at < to; k++, at += 3)
        if (starts_with_any(text, at, to, taking_part, N(taking_part)) ||
            starts_with_any(text, at, to, acts, N(acts)))
            return 1;
    return 0;
}

/* The term's clause refuses, disclaims or prohibits it, or asks how to
 * fight it. */
static int refused(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    size_t cs, ce;
    clause_memo(hs, text, len, h, &cs, &ce);
    if (text_has(hs, text, len, &hs->refusal_seen, refusals, N(refusals)) &&
        ends_with_any(text, cs, h->b_start, refusals, N(refusals)))
        return 1;
    size_t from = h->b_start > cs + 3 * GAP ? h->b_start - 3 * GAP : cs;
    if (text_has(hs, text, len, &hs->disclaim_seen, disclaimers, N(disclaimers)) &&
        any_in(text, from, h->b_start, disclaimers, N(disclaimers)) &&
        !ends_with(text, cs, h->b_start, "的"))
        return 1;
    for (size_t i = 0; i < hs->words.n; i++) {
        const gm_hit *w = &hs->words.v[i];
        if (w->b_start >= h->b_end && w->b_end <= ce && w->cp_start - h->cp_end <= GAP &&
            ends_with_any(text, h->b_end, w->b_start, how, N(how)))
            return 1;
    }
    if (!text_has(hs, text, len, &hs->prohibit_seen, prohibitions, N(prohibitions)))
        return 0;
    size_t to = ce < h->b_end + 3 * GAP ? ce : h->b_end + 3 * GAP;
    const unsigned char *u = (const unsigned char *)text;
    for (size_t b = h->b_end; b + 2 < to; b++) {   /* one pass, by lead characters */
        if ((u[b] & 0xF0) != 0xE0)
            continue;
        switch (three_byte_cp(u + b)) {
        case 0x4E0D: case 0x5343: case 0x5207: case 0x8BF7: case 0x4E25: case 0x7981: {
            /* 不 千 切 请 严 禁 */
            size_t n = starts_with_any(text, b, to, prohibitions, N(prohibitions));
            if (n && prohibited_act(text, b + n, to))
                return 1;
            break;
        }
        }
        b += 2;
    }
    return 0;
}

/* A poster broken over short lines (远离\n赌博\n守护家庭幸福; 一次赌博\n可能毁掉
 * \n一个家庭): the line before the term's ends with an enforcement word, or
 * the line after starts with a word that condemns; every line open and
 * short, the text without an advert cue. */
enum { POSTER_LINE = 12 };

static int short_open_line(const char *text, size_t from, size_t to)
{
    return to > from && chars_between(text, from, to) <= POSTER_LINE && open_line(text, to);
}

static int poster_line(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    if (!hs->lines_seen)
        hs->lines_seen = memchr(text, '\n', len) ? 2 : 1;
    if (hs->lines_seen == 1)
        return 0;
    size_t ls = h->b_start, le = h->b_end;
    while (ls > 0 && text[ls - 1] != '\n')
        ls--;
    while (le < len && text[le] != '\n')
        le++;
    if (chars_between(text, ls, le) > POSTER_LINE ||
        (ls == 0 && le == len) || memchr(text + ls, '\r', le - ls))
        return 0;
    if (ls > 0) {   /* the line before */
        size_t ps = ls - 1, pe = ls - 1;
        while (ps > 0 && text[ps - 1] != '\n')
            ps--;
        for (size_t i = 0; short_open_line(text, ps, pe) && i < hs->words.n; i++)
            if (hs->words.v[i].b_start >= ps && hs->words.v[i].b_end == pe &&
                !any_in(text, pe, h->b_start, (const char *const[]){"是"}, 1))
                return 1;
    }
    if (le < len && open_line(text, le)) {   /* the line after */
        size_t ns = le + 1, ne = ns;
        while (ne < len && text[ne] != '\n')
            ne++;
        if (chars_between(text, ns, ne) <= POSTER_LINE &&
            condemned_after(&hs->cond, text, ns, h->cp_end, ne))
            return 1;
    }
    return 0;
}

/* One of the next two sentences after h's fights it by pronoun: an
 * enforcement word right before 它 (👉赌博👈 这四个字，记住了吗？记住了就远离
 * 它！; 赌博？举报它！), the text without an advert cue. */
static int fought_by_pronoun(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    if (!hs->join || !hs->words.n)
        return 0;
    if (!hs->it_seen) {   /* once per text: a 它 anywhere? */
        hs->it_seen = 1;
        hs->it = find_in(text, 0, len, "它") != NULL;
    }
    if (!hs->it)
        return 0;
    size_t ss, se, l;
    sentence_memo(hs, text, len, h, &ss, &se);
    size_t to = se;
    for (int k = 0; k < 2 && to < len; k++) {
        cp_at(text, len, to, &l);
        to = sentence_end(text, len, to + l, 1);
    }
    for (size_t i = 0; i < hs->words.n; i++) {
        const gm_hit *w = &hs->words.v[i];
        if (w->b_start >= h->b_end && w->b_end <= to &&
            starts_with_any(text, w->b_end, to, (const char *const[]){"它"}, 1) &&
            !not_governing(text, w->b_start, w->b_end, w->b_end)) {
            size_t cs, ce;   /* not a claim about fighting it (拒绝它就是拒绝财富) */
            clause_of(text, len, w->b_end, w->b_end, &cs, &ce);
            return !find_in(text, w->b_end, ce, "是");
        }
    }
    return 0;
}

/* Falling into a trap, told in h's sentence: a verb of falling and, later in
 * its clause, a trap (一条“赌博”的短信，让他掉进了精心设计的骗局; not 掉进了
 * 百家乐的快乐里). */
static const char *const falling[] = {"掉进", "掉入", "落入", "坠入", "陷进", "跳进", "钻进"};
static const char *const traps[] = {"骗局", "陷阱", "圈套", "深渊", "泥潭", "火坑", "套路"};

/* The term itself is what one fell into: a verb of falling (or 陷入) right
 * before it, maybe with 了, and nothing after it in its clause but 的, 中 or
 * 之中 or 的坑 (他是怎样一步步掉进赌博的？; 一名老人险些陷入刷单返利，…; 差点
 * 掉进六合彩的坑; not 掉进了百家乐的快乐里). */
static int fell_into_term(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    static const char *const tails[] = {"的坑", "的", "之中", "中"};
    size_t at = h->b_start, cs, ce;
    if (ends_with(text, 0, at, "了"))
        at -= 3;
    if (!ends_with_any(text, 0, at, falling, N(falling)) && !ends_with(text, 0, at, "陷入"))
        return 0;
    clause_memo(hs, text, len, h, &cs, &ce);
    size_t t = starts_with_any(text, h->b_end, ce, tails, N(tails));
    return h->b_end + t == ce;
}

static int fell_into_trap(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    if (hs->join && fell_into_term(hs, text, len, h))
        return 1;
    if (!hs->join || !hs->cond.n)
        return 0;
    size_t ss, se;
    sentence_memo(hs, text, len, h, &ss, &se);
    for (size_t i = 0; i < hs->cond.n; i++) {
        const gm_hit *w = &hs->cond.v[i];
        if (w->b_start < ss || w->b_end > se || overlaps(w, h) ||
            !starts_with_any(text, w->b_start, w->b_end, traps, N(traps)))
            continue;
        size_t cs, ce;
        clause_of(text, len, w->b_start, w->b_end, &cs, &ce);
        for (size_t k = 0; k < N(falling); k++) {
            const char *f = find_in(text, cs, w->b_start, falling[k]);
            if (f && !ends_with_any(text, cs, (size_t)(f - text), imperatives, N(imperatives)) &&
                h->b_end <= (size_t)(f - text))
                return 1;   /* told, not advised (别掉进…陷阱), of the term before it */
        }
    }
    return 0;
}

/* The span h of text is named in order to fight it, leaving advert cues
 * aside. */
static int governed(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h, int wide)
{
    if (noun_after(text, h->b_end, len) || (wide && alert_heading(text, h->b_start, hs->join)))
        return 1;   /* both look only at the text right next to the term; a heading
                     * does not make an advert cue official (检察建议：找我们做…) */
    /* The other rules need a word the scan found, a question or a 的， after
     * the term; most findings of a big lexicon have none, and skip the walk. */
    if (hs->words.n || hs->frames.n || hs->cond.n || hs->legal.n ||
        question_or_condition(hs, text, len)) {
        size_t cs, ce;
        clause_memo(hs, text, len, h, &cs, &ce);
        if (word_governs(hs, text, len, h, cs, ce) ||
            (condemned_after(&hs->cond, text, h->b_end, h->cp_end, ce) &&
             !doubted(text, len, h, cs, ce)) ||
            question_then_alarm(hs, text, len, h, cs, ce) ||
            next_clause_judges(hs, text, len, h, cs, ce))
            return 1;
    }
    /* the sentence rules need a register, condemning or enforcement word near */
    if (wide && !hs->bodies_seen) {
        hs->bodies_seen = 1;
        gm_context_bodies(&hs->reg, text, len);
    }
    return wide && (official_sentence(hs, text, len, h) || list_heading(hs, text, len, h) ||
                    topic_of_the_law(hs, text, len, h) || other_field_governs(hs, text, len, h) ||
                    instrument_heading(hs, text, len, h) || topic_measured(hs, text, len, h) ||
                    testimony(hs, text, len, h) || interview_question(hs, text, len, h) ||
                    official_report(hs, text, len, h) || finding(hs, text, len, h) ||
                    defined_term(hs, text, len, h) || claim_refuted(hs, text, len, h) ||
                    loss_story(hs, text, len, h) || case_title(hs, text, len, h) ||
                    refused(hs, text, len, h) || gm_context_turns(hs, text, len, h) ||
                    gm_context_marked(hs, text, len, h) || gm_context_table_row(hs, text, len, h) ||
                    fought_by_pronoun(hs, text, len, h) || fell_into_trap(hs, text, len, h) ||
                    gm_context_parts(hs, text, len, h) || gm_context_asks_how(hs, text, len, h) ||
                    (hs->join && (reported_conduct(hs, text, len, h) ||
                                  poster_line(hs, text, len, h))));
}

/* A cue named as what offenders used (利用微信群组织赌博, 冒充QQ好友) is no
 * advert cue. */
static const char *const instruments[] = {"利用", "借助", "冒充", "假冒", "仿冒"};

/* A price adverb (只要, 只需) not followed by a number is no advert cue. */
static int price_adverb(const char *text, size_t len, const gm_hit *a)
{
    if (!starts_with_any(text, a->b_start, a->b_end, price_adverbs, N(price_adverbs)))
        return 0;
    size_t l;
    uint32_t cp = cp_at(text, len, a->b_end, &l);
    static const char numerals[] = "一二两三四五六七八九十百千万";
    char u[5] = {0};
    if (cp >= 0x80 && cp < 0x10000 && l <= 4)
        memcpy(u, text + a->b_end, l);
    return !((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) ||
             (u[0] && strstr(numerals, u)));
}

/* A disclaimer at most ten characters before a cue, in its clause: the
 * channel is named as one never used (从未通过个人微信推荐). */
static int disclaimed(const char *text, size_t b)
{
    size_t from = b >= 30 ? b - 30 : 0;
    const char *p = NULL;
    for (size_t i = 0; !p && i < N(disclaimers); i++)
        p = find_in(text, from, b, disclaimers[i]);
    return p && !find_in(text, (size_t)(p - text), b, "，") &&
           !find_in(text, (size_t)(p - text), b, "。");
}

/* Verbs of luring victims: a cue after one is what they were lured into
 * (诱骗国内群众充值投注). */
static const char *const luring[] = {"诱骗", "诱导", "引诱", "欺骗", "骗取", "哄骗", "忽悠"};

/* The cue a is told of an offender: the sentence names one (被告人, 犯罪嫌疑人,
 * 不法分子) before it, or a verb of luring comes at most
 * eight characters before it in its clause (经审理查明：被告人李某通过微信群
 * 发布…; 诱骗群众充值投注). */
static int offenders_means(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *a)
{
    size_t from = a->b_start >= 24 ? a->b_start - 24 : 0;
    for (size_t i = 0; i < N(luring); i++) {
        const char *p = find_in(text, from, a->b_start, luring[i]);
        if (p && !find_in(text, (size_t)(p - text), a->b_start, "，") &&
            !find_in(text, (size_t)(p - text), a->b_start, "。"))
            return 1;
    }
    if (!hs->bodies_seen) {
        hs->bodies_seen = 1;
        gm_context_bodies(&hs->reg, text, len);
    }
    size_t ss = sentence_start(text, len, a->b_start, 0, 0);
    for (size_t i = 0; i < hs->reg.n; i++) {
        const gm_hit *r = &hs->reg.v[i];
        if (r->b_start >= ss && r->b_end <= a->b_start &&
            starts_with_any(text, r->b_start, r->b_end, offenders, N(offenders)))
            return 1;
    }
    return 0;
}

/* The cue a is one item of an enumeration closed by 等, with nothing but
 * Chinese characters and 、 up to it (涵盖招募、引流、结算等环节): a word of
 * prose describing, not an offer (私聊、进群等你来 still is one). */
static int listed_with_others(const char *text, size_t len, const gm_hit *a)
{
    int sep = ends_with(text, 0, a->b_start, "、");
    size_t b = a->b_end, l;
    for (int k = 0; k < 24 && b < len; k++, b += l) {
        uint32_t cp = cp_at(text, len, b, &l);
        if (cp == 0x3001)   /* 、 */
            sep = 1;
        else if (cp == 0x7B49)   /* 等 */
            return sep && !starts_with_any(text, b + l, len, addressees, N(addressees));
        else if (!gm_is_han_basic(cp))
            return 0;
    }
    return 0;
}

void gm_context_prepare(gm_ctx_hits *hs, const char *text, size_t len)
{
    size_t kept = 0;
    gm_context_offer_cues(&hs->advert, text, len);
    for (size_t i = 0; i < hs->advert.n; i++) {
        gm_hit a = hs->advert.v[i];
        if (!starts_with_any(text, a.b_end, len, channels, N(channels)) &&
            !(ends_with(text, a.b_start, a.b_end, "关注我") &&
              starts_with_any(text, a.b_end, len, (const char *const[]){"们"}, 1)) &&
            !price_adverb(text, len, &a) &&
            !ends_with_any(text, a.b_start >= 6 ? a.b_start - 6 : 0, a.b_start, instruments,
                           N(instruments)) &&
            !disclaimed(text, a.b_start) && !offenders_means(hs, text, len, &a) &&
            !listed_with_others(text, len, &a) &&
            !governed(hs, text, len, &a, 0))
            hs->advert.v[kept++] = a;
    }
    hs->advert.n = kept;
    hs->join = kept == 0;
}

/* A cue left by gm_context_prepare in h's sentence: no 。 or line break
 * between them (a ？ or ！ does not end it: 严厉打击赌博？加微信教你避开), at
 * most SCOPE code points away. */
int gm_context_advertised(const gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    (void)len;
    for (size_t i = 0; i < hs->advert.n; i++) {
        const gm_hit *a = &hs->advert.v[i];
        size_t from, to;   /* the text between the cue and h */
        if (a->b_end <= h->b_start) {
            if (h->cp_start - a->cp_end > SCOPE)
                continue;
            from = a->b_end, to = h->b_start;
        } else if (a->b_start >= h->b_end) {
            if (a->cp_start - h->cp_end > SCOPE)
                continue;
            from = h->b_end, to = a->b_start;
        } else {
            continue;   /* inside the term's own match */
        }
        if (!find_in(text, from, to, "。") && !memchr(text + from, '\n', to - from) &&
            !memchr(text + from, '\r', to - from))
            return 1;
    }
    return 0;
}

int gm_context_governs(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h)
{
    return !gm_context_advertised(hs, text, len, h) && governed(hs, text, len, h, 1) &&
           !defended(hs, text, len, h);
}
