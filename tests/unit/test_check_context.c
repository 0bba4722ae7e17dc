/*
 * test_check_context.c - enforcement context (issue 14 §2, made robust):
 * official sentences that name what they fight warn with
 * "context":"enforcement" (an enforcement word before the term at a
 * distance, negations, 严禁…等行为, 对…进行打击, 开展…专项整治, words that
 * condemn what they follow, 针对…问题，…整治), and adverts next to an enforcement word still
 * block (clause breaks, spaces and emoji as separators, 打击价, a new
 * predicate with 是, an enforcement word after the term outside a frame, an
 * allow-list phrase across a clause break).  Session 19 generalised it: a
 * passive after the term, an offence or campaign noun right after it,
 * negative imperatives, alert headings, a question then an alarm, a
 * condition then its legal consequence; and advert cues (加微信, 私聊, VX)
 * in the sentence override context and the allow list unless official
 * wording itself fights them.  Shipped data.
 */
#include "test_check_helpers.h"
#include "check/checker_int.h"

#define shipped (*shipped_checker())

/* Every lexicon finding of text is a warning in enforcement context, and
 * there is at least one. */
static void expect_enforcement(const char *text)
{
    json_t *r = run_check(shipped, text, NULL, NULL, NULL);
    size_t n = count_rule(r, "lexicon", NULL);
    int ok = n > 0 && json_is_true(json_object_get(r, "ok"));
    for (size_t i = 0; ok && i < n_findings(r); i++)
        ok = strcmp(fstr(r, i, "rule"), "lexicon") != 0 ||
             (strcmp(fstr(r, i, "severity"), "warn") == 0 &&
              strcmp(fstr(r, i, "context"), "enforcement") == 0);
    if (!ok)
        fprintf(stderr, "not enforcement context: %s\n", text);
    assert_true(ok);
    json_decref(r);
}

/* text blocks on term, which is not softened. */
static void expect_block(const char *text, const char *term)
{
    json_t *r = run_check(shipped, text, NULL, NULL, NULL);
    int found = 0;
    for (size_t i = 0; i < n_findings(r); i++)
        if (strcmp(fstr(r, i, "rule"), "lexicon") == 0 && strcmp(fstr(r, i, "term"), term) == 0)
            found = strcmp(fstr(r, i, "severity"), "block") == 0;
    if (!found || json_is_true(json_object_get(r, "ok")))
        fprintf(stderr, "not blocked on %s: %s\n", term, text);
    assert_true(found);
    assert_false(json_is_true(json_object_get(r, "ok")));
    json_decref(r);
}

static void test_enforcement_word_before_the_term_at_a_distance_warns(void **state)
{
    (void)state;
    expect_enforcement("严禁利用政务新媒体账号发布六合彩等信息");
    expect_enforcement("依法打击借助网络直播间实施网上赌场的违法行为");
    expect_enforcement("不得发布涉及暴力、恐怖、迷信、赌博等不良信息");
    expect_enforcement("禁止发布淫秽、色情、百家乐等内容");
    expect_enforcement("严厉打击“六合彩”");   /* quotes stay inside the clause */
}

static void test_enforcement_negations_warn(void **state)
{
    (void)state;
    expect_enforcement("切勿参与六合彩");
    expect_enforcement("广大群众不要相信信用卡套现，谨防上当受骗");   /* 信 folded into the word */
    expect_enforcement("远离网上赌场，从我做起");
}

static void test_enforcement_frames_after_the_term_warn(void **state)
{
    (void)state;
    expect_enforcement("对六合彩等违法犯罪活动进行严厉打击");
    expect_enforcement("对时时彩问题进行集中整治");
    expect_enforcement("开展百家乐专项整治行动");
    expect_enforcement("深入推进老虎机专项治理");
    expect_enforcement("散布淫秽、色情、暴力、恐怖或者教唆犯罪的");   /* a regulation's list */
    expect_enforcement("刷单返利骗局层出不穷");
    expect_enforcement("网上赌场严重危害群众财产安全");
    expect_enforcement("切实加强对时时彩的监测预警");
}

static void test_enforcement_topic_clause_then_enforcement_word_warns(void **state)
{
    (void)state;
    expect_enforcement("针对六合彩问题，我局开展了专项整治");
    expect_enforcement("关于网上赌场，公安机关将依法查处");
    expect_block("关于六合彩的开奖信息，请加微信", "六合彩");   /* no enforcement word */
}

static void test_enforcement_word_next_to_an_advert_still_blocks(void **state)
{
    (void)state;
    expect_block("打击价六合彩，名额有限", "六合彩");
    expect_block("严厉打击 六合彩私聊", "六合彩");         /* a space between Chinese: a break */
    expect_block("💥打击💥六合彩天天开", "六合彩");        /* emoji: a break */
    expect_block("【严禁外传】六合彩内部资料", "六合彩");
    expect_block("防范风险的最好方法就是玩六合彩", "六合彩");
    expect_block("六合彩严禁未成年人参与，成年人速来", "六合彩");   /* after, no frame */
    expect_block("六合彩不违法，放心玩", "六合彩");          /* condemnation negated */
    expect_block("六合彩，严禁外传", "六合彩");
    expect_block("绝对正宗六合彩严禁外传", "六合彩");          /* 绝对 is no 对…frame */
}

static void test_allow_list_phrase_does_not_cross_a_clause_break(void **state)
{
    (void)state;
    expect_block("严厉打击，赌博加微信咨询", "赌博");   /* 打击赌博 is allowed, not across ， */
    expect_block("打击💥赌博天天开", "赌博");
    json_t *r = run_check(shipped, "嚴 禁 賭 博", NULL, NULL, NULL);   /* spaces are no break */
    assert_int_equal(count_rule(r, "lexicon", NULL), 0);
    json_decref(r);
}

static void test_enforcement_passive_after_the_term_warns(void **state)
{
    (void)state;
    expect_enforcement("这些六合彩平台均已被查封");
    expect_enforcement("该网上赌场已被依法取缔");
    expect_enforcement("一男子因百家乐受到行政拘留处罚");
    expect_block("六合彩平台不会被查封，放心玩", "六合彩");   /* passive turned round */
}

static void test_enforcement_offence_or_campaign_noun_right_after_the_term_warns(void **state)
{
    (void)state;
    expect_enforcement("警方通报一起百家乐案");
    expect_enforcement("如发现赌球线索请及时反映");
    expect_enforcement("全省时时彩整治工作推进会召开");
    expect_enforcement("10名网上赌场嫌疑人落网");
    expect_enforcement("以刷单返利为名实施诈骗");
}

static void test_enforcement_negative_imperative_warns(void **state)
{
    (void)state;
    expect_enforcement("不要点击来源不明的六合彩链接");
    expect_enforcement("天上不会掉馅饼，刷单返利千万别信");
    expect_enforcement("不参与百家乐，不传播百家乐");
}

static void test_enforcement_alert_heading_warns(void **state)
{
    (void)state;
    expect_enforcement("警惕！六合彩又出新花样");
    expect_enforcement("警方提示：网上赌场又出新花样");
    expect_enforcement("【反诈提醒】百家乐又出新花样");
    expect_block("【防骗必看】六合彩稳赚攻略", "六合彩");   /* no authority, no alert word */
    expect_block("温馨提示：六合彩今晚开奖", "六合彩");
}

static void test_enforcement_question_then_alarm_warns(void **state)
{
    (void)state;
    expect_enforcement("六合彩？当心上当！");
    expect_block("想玩六合彩？加我好友", "六合彩");
}

static void test_enforcement_condition_then_consequence_warns(void **state)
{
    (void)state;
    expect_enforcement("依据《治安管理处罚法》，参与六合彩的，处五日以下拘留");
    expect_enforcement("所谓“百家乐”，其实都是骗局");
    expect_enforcement("时时彩，一次也不能碰");
    expect_enforcement("如遇刷单返利，请立即拨打96110");
    expect_enforcement("接到中奖通知的电话，一律挂断");
    expect_enforcement("百家乐不是致富路，而是犯罪路");
    expect_block("六合彩的，今晚开奖", "六合彩");
    expect_block("六合彩不是梦，而是天天开", "六合彩");
    expect_block("六合彩，严禁外传", "六合彩");   /* an enforcement word there needs 的 */
}

static void test_advert_cue_overrides_enforcement_context_and_allow_list(void **state)
{
    (void)state;
    expect_block("严厉打击六合彩？加微信教你避开", "六合彩");
    expect_block("远离六合彩？不如私聊我", "六合彩");
    expect_block("打击六合彩力度大，我们有门路，VX：gm8888", "六合彩");
    expect_block("打击赌博力度大，我们有门路，V信：gm8888", "赌博");   /* allow list too */
    expect_block("严禁外传：六合彩内部群", "六合彩");
    /* a cue official wording itself fights, or an official channel, is none */
    expect_enforcement("凡是要求添加微信、QQ进行刷单返利的，都是诈骗");
    expect_enforcement("欢迎通过微信公众号举报六合彩违法犯罪线索");
}

static void test_enforcement_word_defied_or_undone_does_not_govern(void **state)
{
    (void)state;
    expect_block("不怕打击的六合彩平台", "六合彩");
    expect_block("整治后依然火爆的六合彩", "六合彩");
    expect_block("查处不到的六合彩平台", "六合彩");
}

/* Session 20: an official sentence fights what it names however many
 * clauses apart, when it speaks in official register (公安机关, 被告人, 全市)
 * and has an enforcement, condemning or consequence word or a running
 * total; a sentence about an offender is about an offence. */
static void test_enforcement_official_register_across_clauses_warns(void **state)
{
    (void)state;
    expect_enforcement("被告人王某通过网络平台组织他人参与赌博，涉案金额200余万元，法院依法判处其有期徒刑");
    expect_enforcement("近年来，一些不法分子利用网络平台，打着旗号，大肆宣传六合彩，对此，公安机关始终保持高压态势");
    expect_enforcement("今年以来，全市累计封堵百家乐网址1300余个");
    expect_enforcement("本案中，被告人明知他人从事赌博，仍为其提供技术支持");
    expect_enforcement("刑侦大队民警发现，辖区有人利用微信群组织赌博，已依法查处");
    /* without register, a fighting word clauses away does not govern */
    expect_block("整治期间，六合彩照常开奖，欢迎来玩", "六合彩");
    expect_block("查处了那么多，我们的赌博依然稳如泰山", "赌博");
    /* register in another sentence does not count */
    expect_block("公安机关严厉打击。六合彩今晚开奖", "六合彩");
}

/* A cautionary tale warns by example (…这样的教训值得深思). */
static void test_enforcement_cautionary_tale_warns(void **state)
{
    (void)state;
    expect_enforcement("有的人明知是赌博，却一再参与，最终害了自己也害了家人，这样的教训值得深思");
    expect_enforcement("他点开了一个六合彩链接，一步步陷入其中，直到最后才幡然醒悟");
}

/* A list under a heading that fights: its items are governed. */
static void test_enforcement_list_heading_governs_its_items(void **state)
{
    (void)state;
    expect_enforcement("今年重点整治以下问题：赌博、非法集资、电信诈骗");
    expect_enforcement("重点打击以下违法行为：1. 六合彩；2. 制售假药；3. 非法采矿");
    expect_enforcement("清理范围包括：（一）网络谣言；（二）百家乐信息");
    /* a heading whose word is undone, or no list, does not govern */
    expect_block("打击价：六合彩、百家乐今晚开奖", "六合彩");
}

/* #话题# headings with an authority are alert headings; 以案说法 too. */
static void test_enforcement_hashtag_heading_warns(void **state)
{
    (void)state;
    expect_enforcement("#以案说法# 男子沉迷六合彩，欠下巨额债务");
    expect_enforcement("#警方提醒# 百家乐就是陷阱");
    expect_block("#好物分享# 六合彩今晚开奖", "六合彩");
}

/* After the term: a negative imperative (赌博千万不能碰), a passive with
 * 得到, a case-study noun (赌博典型案例); after a condition 处 + penalty. */
static void test_enforcement_imperative_passive_and_penalty_after_the_term_warn(void **state)
{
    (void)state;
    expect_enforcement("六合彩千万不能信");
    expect_enforcement("到2027年底，赌博得到有效遏制");
    expect_enforcement("曝光台｜5起百家乐典型案例");
    expect_enforcement("根据《刑法》规定，组织赌博情节严重的，处三年以上七年以下有期徒刑");
    expect_enforcement("如您发现身边存在六合彩，可拨打举报电话");
    expect_enforcement("他们口中所谓的“赌博”，不过是骗取钱财的幌子");
    /* not governed: 不被查封的 defies the enforcement word */
    expect_block("不被查封的六合彩，长期稳定", "六合彩");
}

/* A price adverb before a number is an advert cue (只要88元); before
 * anything else it is ordinary wording (只要是赌博，就是诈骗). */
static void test_advert_cue_price_adverb_before_a_number(void **state)
{
    (void)state;
    expect_block("禁止赌博的地方太多了，来这里只要88元", "赌博");
    expect_block("严禁六合彩？这里只需五十元一注", "六合彩");
    expect_enforcement("只要是六合彩，就是诈骗！");
}

/* Session 21: a quotation's own 。 does not end the sentence; its speaker
 * after the closing quote belongs to it. */
static void test_enforcement_quote_before_its_speaker_warns(void **state)
{
    (void)state;
    expect_enforcement("“我当时被六合彩冲昏了头脑，现在非常后悔。”犯罪嫌疑人张某说");
    expect_enforcement("“这些百家乐平台的服务器都设在境外。”市公安局负责人介绍，目前已全部查封");
    expect_block("“六合彩今晚开奖。”老板说", "六合彩");
}

/* A sentence that fights takes its speaker from the sentence before or
 * after it in the same paragraph; one that does not fight, or a paragraph
 * with an advert cue, does not. */
static void test_enforcement_paragraph_register_in_the_next_sentence_warns(void **state)
{
    (void)state;
    expect_enforcement("六合彩又出新花样，不少人上当受骗。警方提醒大家提高警惕。");
    expect_enforcement("民警介绍了近期案情。一些人沉迷百家乐，最终血本无归，悔之晚矣");
    expect_block("六合彩又出新花样，不少人上当受骗。警方都查不到，加微信了解。", "六合彩");
    expect_block("公安机关严厉打击。六合彩今晚开奖", "六合彩");
    expect_block("公安机关严厉打击。\n六合彩又出新花样，不少人上当受骗", "六合彩");
}

/* A condition whose next clause names an authority (如发现…，请向公安机关
 * 报告); 将/把 make the term the object of a later enforcement word, not
 * 即将; a topic whose sentence speaks of the law; 不是…，是<condemning>. */
static void test_enforcement_condition_disposal_topic_and_contrast_warn(void **state)
{
    (void)state;
    expect_enforcement("如发现有人组织六合彩，请立即向当地公安机关报告");
    expect_enforcement("新规将六合彩纳入重点监管范围");
    expect_enforcement("要把百家乐作为打击重点");
    expect_enforcement("一图读懂｜关于六合彩，这些法律规定你要知道");
    expect_enforcement("六合彩不是捷径，是深渊");
    expect_block("我们即将推出六合彩新玩法，监管无忧", "六合彩");
    expect_block("关于六合彩，规定时间内到账", "六合彩");
    expect_block("六合彩不是骗局，是真的", "六合彩");
}

/* A list heading naming a campaign's aim (聚焦/针对/围绕) governs its items;
 * 关于我们： does not. */
static void test_enforcement_list_heading_naming_its_aim_warns(void **state)
{
    (void)state;
    expect_enforcement("此次行动聚焦三类突出问题：六合彩、虚假广告和网络水军");
    expect_block("关于我们：六合彩、百家乐，应有尽有", "百家乐");
}

/* Quoted words given to an official speaker right next to the quotation
 * (…。”派出所所长告诉记者, 民警说：“…), and a quotation with a cautionary
 * word, are official; a speaker further on, or none, is not. */
static void test_enforcement_quotation_from_an_official_speaker_warns(void **state)
{
    (void)state;
    expect_enforcement("“我们接到的报案中，有不少都和六合彩有关。”派出所所长告诉记者。");
    expect_enforcement("民警说：“百家乐就是一个无底洞。”");
    expect_enforcement("“刚开始只是想试试六合彩，没想到越陷越深。”小张低着头说。");
    expect_block("“六合彩稳赚。”他说，民警也在玩", "六合彩");
    expect_block("“六合彩真的太香了！”老哥说", "六合彩");
}

/* A sentence that does not fight is governed by the next one when that
 * one starts by referring back to it (经核实, 对此, 该, 上述) and speaks
 * officially and fights; a fear of the enforcement word a few characters
 * before it defies it (不怕警方查处). */
static void test_enforcement_next_sentence_referring_back_warns(void **state)
{
    (void)state;
    expect_enforcement("近日，一则关于六合彩的视频在网上流传。经核实，视频中的人员已被警方依法处理。");
    expect_enforcement("网传某小区有人组织百家乐。对此，公安机关迅速核查并依法查处。");
    expect_block("六合彩今晚开奖。公安机关严厉打击", "六合彩");
    expect_block("六合彩今晚开奖。该平台不怕警方查处", "六合彩");
    expect_block("六合彩今晚开奖。经查，警方严厉打击的是别家，加微信", "六合彩");
}

/* The official-register words are an admin-edited list: a word added there
 * makes its sentence official. */
static void test_enforcement_register_words_are_a_list(void **state)
{
    (void)state;
    const char *text = "街道综治中心走访中了解到，辖区组织百家乐，目前已处置完毕";
    expect_block(text, "百家乐");
    gm_checker_texts t = {.register_words = "综治中心\n"};
    gm_checker *c = NULL;
    gm_err err = {0};
    assert_int_equal(gm_checker_load_texts(&c, data_dir(), &t, &err), 0);
    json_t *r = run_check(c, text, NULL, NULL, NULL);
    assert_true(json_is_true(json_object_get(r, "ok")));
    assert_string_equal(fstr(r, 0, "context"), "enforcement");
    json_decref(r);
    /* the shipped words are gone with the shipped file replaced */
    const char *shipped_word = "辖区组织百家乐，公安机关目前已处置完毕";
    expect_enforcement(shipped_word);
    r = run_check(c, shipped_word, NULL, NULL, NULL);
    assert_false(json_is_true(json_object_get(r, "ok")));
    json_decref(r);
    gm_checker_unref(c);
}

/* A title with a body (the check's title field): every lexicon finding
 * of either field is a warning in enforcement context when want_warn,
 * else some finding of term blocks. */
static void expect_titled(const char *title, const char *text, const char *term, int want_warn)
{
    json_t *r = run_check(shipped, text, title, NULL, NULL);
    size_t n = count_rule(r, "lexicon", NULL);
    int warned = n > 0, blocked = 0;
    for (size_t i = 0; i < n_findings(r); i++) {
        if (strcmp(fstr(r, i, "rule"), "lexicon") != 0)
            continue;
        int soft = strcmp(fstr(r, i, "severity"), "warn") == 0 &&
                   strcmp(fstr(r, i, "context"), "enforcement") == 0;
        warned &= soft;
        blocked |= strcmp(fstr(r, i, "term"), term) == 0 &&
                   strcmp(fstr(r, i, "severity"), "block") == 0;
    }
    if (want_warn ? !warned : !blocked)
        fprintf(stderr, "title %s / text %s: want %s\n", title, text, want_warn ? "warn" : "block");
    assert_true(want_warn ? warned : blocked);
    json_decref(r);
}

/* A title and its body are read together: the title and the body's first
 * sentence as one sentence, a later sentence of the body that fights under
 * an official title that fights; an advert cue in either field keeps the
 * block. */
static void test_enforcement_title_and_body_read_together(void **state)
{
    (void)state;
    expect_titled("六合彩背后的真相", "近日，区公安分局会同市场监管部门开展联合执法，现场查扣涉案物品一批。",
                  "六合彩", 1);
    expect_titled("警方提醒", "近期百家乐案件多发。一些人沉迷其中，血本无归。", "百家乐", 1);
    expect_titled("六合彩背后的真相", "加微信了解更多", "六合彩", 0);
    expect_titled("六合彩背后的真相", "今晚开奖，欢迎参与", "六合彩", 0);
    expect_titled("公安机关严厉打击赌博", "百家乐今晚开奖，私聊", "百家乐", 0);
    expect_titled("民警提醒", "百家乐怎么玩？看这里", "百家乐", 0);
}

/* A line without a stop that heads what follows (a heading, or a post
 * written one phrase a line) does not end its sentence when the text has
 * no advert cue: the heading's speaker and the next line's fighting word
 * reach across it, as do an alert heading and an alarm on the next line. */
static void test_enforcement_heading_line_joins_the_next_line(void **state)
{
    (void)state;
    expect_enforcement("六合彩背后的真相\n近日，区公安分局开展联合执法，现场查扣涉案物品一批。");
    expect_enforcement("【以案说法】\n男子沉迷百家乐\n一年输光百万家产\n法官提醒：远离违法活动");
    expect_enforcement("【反诈提醒】\n百家乐\n都是骗局！");
    expect_enforcement("百家乐？\n小心！这是骗局");
    expect_block("六合彩背后的真相\n近日开奖，私聊", "六合彩");
    expect_block("【公告】\n百家乐\n新用户注册即送体验金", "百家乐");
    expect_block("公安机关严厉打击。\n六合彩今晚开奖", "六合彩");
}

/* Quoted words with their speaker in the sentence and words of regret or
 * loss are a testimony against what they name; a testimonial of gains, or
 * one with an advert cue, is not. */
static void test_enforcement_testimony_of_regret_warns(void **state)
{
    (void)state;
    expect_enforcement("“百家乐让我失去了工作和家庭。”回忆往事，他数度哽咽。");
    expect_enforcement("“那时候我满脑子想的都是六合彩，根本听不进家人的劝。”已经戒赌两年的老周说。");
    expect_block("“跟着老师玩百家乐，一个月赚了3万。”学员小李说。", "百家乐");
    expect_block("“玩百家乐我从不后悔。”他说，想玩的加微信", "百家乐");
}

/* A question of an interview (记者：…？) answered by a labelled speaker. */
static void test_enforcement_interview_question_warns(void **state)
{
    (void)state;
    expect_enforcement("记者：您怎样看待目前百家乐的新特点？专家：隐蔽性更强，跨境化趋势明显。");
    expect_enforcement("记者：有市民担心自己不慎参与了六合彩，应该怎么办？发言人：应立即停止。");
    expect_block("问：哪里能玩百家乐？答：加我微信", "百家乐");
    expect_block("网友：百家乐今晚开奖吗", "百家乐");
}

/* A sentence that reports an official speaker before the term (报告指出，
 * 据办案民警介绍，) is the speaker's. */
static void test_enforcement_official_report_of_a_speaker_warns(void **state)
{
    (void)state;
    expect_enforcement("报告指出，百家乐呈现出组织化、链条化、跨境化的特点。");
    expect_enforcement("据办案民警介绍，六合彩平台往往披着“游戏”“理财”的外衣。");
    expect_enforcement("该负责人在接受本报记者采访时表示，百家乐已成为影响群众安全感的突出问题。");
    expect_block("民警说，六合彩今晚开奖，私聊", "六合彩");
    expect_block("六合彩今晚开奖，民警说", "六合彩");
}

/* A sentence that goes on from an official one (当事人…, 经审讯，…) or an
 * official one after it that refers back anywhere (相关警情, 此类案件). */
static void test_enforcement_sentence_continuing_an_official_one_warns(void **state)
{
    (void)state;
    expect_enforcement("市场监管部门已责令当事人立即改正，并处罚款5万元。当事人曾多次发布六合彩内容。");
    expect_enforcement("目前，3名犯罪嫌疑人已被依法刑事拘留。经审讯，3人对通过百家乐牟利的事实供认不讳。");
    expect_enforcement("百家乐又出新花样。今年以来，我市已接报相关警情46起。");
    expect_block("公安机关严厉打击。其实六合彩今晚开奖，私聊", "六合彩");
    expect_block("六合彩今晚开奖。相关问题请私聊", "六合彩");
}

/* An instrument naming itself (本通告, 本办法) speaks officially, and a
 * legal definition (本通告所称X，是指…) names the term to rule on it. */
static void test_enforcement_legal_definition_and_self_reference_warn(void **state)
{
    (void)state;
    expect_enforcement("本通告所称六合彩，是指以营利为目的，通过互联网组织他人参与的行为。");
    expect_enforcement("凡在本通告发布前从事百家乐活动的人员，应于12月31日前投案自首。");
    expect_block("所称六合彩，就是今晚开奖的那种", "六合彩");
}

/* An enforcement word with a complement of inability (检测不到, 查不了) does
 * not govern; a seller speaking of itself (来我们这里) is an advert cue. */
static void test_enforcement_inability_and_first_person_seller_still_block(void **state)
{
    (void)state;
    expect_block("反诈APP都检测不到的百家乐平台，安全放心", "百家乐");
    expect_block("警方都查不到的六合彩渠道", "六合彩");
    expect_block("拒绝百家乐骗局？来我们这里，真实平台，诚信经营", "百家乐");
    expect_block("“严禁六合彩”的都是没找到好渠道，我们这里放心", "六合彩");
}


/* A body named by its shape - a level, its own name and a head (县人社局,
 * 校保卫处), or a head labelling a notice at a sentence's start (社区居委会：,
 * 学校保卫科在…) - speaks officially like a register word. */
static void test_enforcement_body_named_by_its_shape_warns(void **state)
{
    (void)state;
    expect_enforcement("学校保卫科在巡查中发现有人在围墙外兜售六合彩物品，已报警处理。");
    expect_enforcement("县人社局近日对3家发布百家乐招聘信息的中介机构进行了约谈。");
    expect_enforcement("社区居委会：有居民反映楼道内出现百家乐小卡片，我们已安排人员清理。");
    expect_enforcement("审计发现，2个乡镇的补贴资金被挪用于六合彩，涉及金额46万元。");
    /* shapes that are no body: 市场格局, 我所有的, 本科生 */
    gm_hits reg = {0};
    const char *none = "市场格局变了，我所有的本科生同学都在美容院";
    gm_context_bodies(&reg, none, strlen(none));
    assert_int_equal(reg.n, 0);
    const char *some = "近日，县人社局会同校保卫处和某银行某支行，本院";
    gm_context_bodies(&reg, some, strlen(some));
    assert_int_equal(reg.n, 5);   /* 县人社局 校保卫处 某银行 某支行 本院 */
    free(reg.v);
}

/* A claim quoted or reported (网传, 有人说) and called false in its sentence
 * or the next (系谣言, 经核实，该消息为不实信息) is rebutted, not made; a
 * condemnation asked about (网传…是骗局？) or denied (不是骗局) is no rebuttal. */
static void test_enforcement_claim_called_false_warns(void **state)
{
    (void)state;
    expect_enforcement("近日网上流传“某公司推出百家乐”一事，经我局核实，系不实信息。");
    expect_enforcement("近日，一则“某银行推出六合彩业务”的消息在朋友圈流传。经核实，该消息为不实信息。");
    expect_enforcement("有人在群里说百家乐稳赚，这种说法不可信。");
    expect_block("网传百家乐是骗局？我们是正规公司，欢迎实地考察", "百家乐");
    expect_block("辟谣：六合彩不是骗局！我们已稳定运营三年，欢迎考察", "六合彩");
}

/* What brought someone to the term (因为, 沉迷, 泡在…里) and a loss in the
 * sentence tell what it cost; the same cause with a gain is an advert. */
static void test_enforcement_loss_told_by_its_cause_warns(void **state)
{
    (void)state;
    expect_enforcement("因为六合彩，老张把准备给儿子结婚的二十万全输了。");
    expect_enforcement("那段时间我天天泡在百家乐里，工作丢了，朋友也都不理我了。");
    expect_enforcement("回想起那段经历，陈女士仍心有余悸：“我真没想到六合彩会找上我。”");
    expect_block("因为百家乐，我一个月多赚了三万", "百家乐");
}

/* A case's name (…为六合彩提供技术支持案), the subject of what a body holds
 * (开展六合彩专题教育) and a question labelled Q answered on the next line. */
static void test_enforcement_case_name_campaign_subject_and_q_label_warn(void **state)
{
    (void)state;
    expect_enforcement("一、某网络科技公司为六合彩提供技术支持案");
    expect_enforcement("市教育局会同市公安局印发通知，要求各校开展百家乐专题教育。");
    expect_enforcement("Q：六合彩平台说可以提现，是真的吗？\nA：不是，这是骗子的常用话术。");
    expect_block("百家乐最新方案，私聊", "百家乐");
}

/* Praise of the term (真实靠谱) or a denied condemnation (不是骗局) defends
 * it whatever heading it stands under, and an authority's heading does not
 * make a seller's cue official (检察建议：找我们做…). */
static void test_advert_praising_or_clearing_the_term_still_blocks(void **state)
{
    (void)state;
    expect_block("#反诈# #净网# 百家乐真实靠谱，戳主页👉", "百家乐");
    expect_block("检察建议：想赚钱就找我们做六合彩，收益稳定", "六合彩");
    expect_enforcement("警方提示：六合彩不靠谱，切勿参与");
}


/* A heading naming a kind of document before a colon speaks as its issuer;
 * a text closed by a formula (特此通知) or signed (a short line over a date)
 * is a document whose fighting sentences are official; a list heading that
 * condemns governs its items; a kind of campaign may stand between the term
 * and its noun (源头治理). */
static void test_enforcement_document_kind_signature_and_list_heading_warn(void **state)
{
    (void)state;
    expect_enforcement("行政处罚决定书（摘要）：当事人在其经营的网店中发布六合彩信息，违反了《电子商务法》第十三条。");
    expect_enforcement("近期有校外人员在宿舍楼散发百家乐传单，请同学们提高警惕。\n\n校保卫处\n2026年11月24日");
    expect_enforcement("以下行为属于违法行为：1.组织或参与六合彩；2.为赌球提供场所。");
    expect_enforcement("下一步工作打算：一是持续深化百家乐源头治理；二是加大宣传力度。");
    /* an advert cue anywhere: no document */
    expect_block("百家乐今晚开放，请大家提高警惕，私聊\n\n客服部\n2026年11月24日", "百家乐");
}

/* Session 24.  A party named as official writing hides him (赵某, 王某某)
 * tells a case; not one who speaks to you or labels his own words; 某些 and
 * 主张某种 name nobody. */
static void test_enforcement_party_named_as_a_case_names_one_warns(void **state)
{
    (void)state;
    expect_enforcement("2026年3月，某镇居民赵某通过短视频平台接触六合彩，先后转账9万余元。");
    expect_enforcement("王某某身为党员领导干部，热衷百家乐，依据有关规定，给予其开除党籍处分。");
    expect_block("王某某教你玩百家乐", "百家乐");
    expect_block("学员李某：跟着老师做六合彩，一个月赚了3万", "六合彩");
    gm_hits reg = {0};
    const char *none = "有人主张某些六合彩玩法，某种意义上";
    gm_context_bodies(&reg, none, strlen(none));
    assert_int_equal(reg.n, 0);
    const char *two = "被告人张某某与李某";
    gm_context_bodies(&reg, two, strlen(two));
    assert_int_equal(reg.n, 2);
    assert_int_equal(reg.v[0].term, GM_CTX_PARTY);
    assert_int_equal(reg.v[0].b_end - reg.v[0].b_start, 9);   /* 张某某 */
    free(reg.v);
}

/* What some people (有人, 个别商户, 有校外人员) are reported doing with the
 * term, or the material they spread it on (传单, 小广告), is told, not
 * offered; people asking for it (有人问…哪里能玩？) or addressed (你) are not. */
static void test_enforcement_reported_conduct_and_material_spread_warn(void **state)
{
    (void)state;
    expect_enforcement("尊敬的业主：近日发现有人在小区电梯内张贴六合彩小广告，物业服务中心已全部清除。");
    expect_enforcement("发现问题：个别商户门口张贴百家乐广告。处理情况：当场清除。");
    expect_enforcement("保卫处通知：近期校园内发现六合彩传单，各学院要加强对学生的教育管理。");
    expect_enforcement("我们注意到有用户利用直播间发布百家乐信息，平台已对相关直播间作下播处理。");
    expect_block("有人问六合彩哪里能玩？看主页简介", "六合彩");
    expect_block("有人带你玩百家乐，稳赚", "百家乐");
}

/* A refusal right before the term (不为X提供帮助), a disclaimer of offering it
 * (从未通过个人微信推荐X: the channel is no advert cue then), a prohibition
 * of the object put first (X类App千万不要让孩子下载), a question how to fight
 * it (X广告怎么举报？) and a victim's verb (遭遇X). */
static void test_enforcement_refusal_disclaimer_and_prohibition_warn(void **state)
{
    (void)state;
    expect_enforcement("我承诺：不参与六合彩，不传播六合彩，不为六合彩提供帮助。");
    expect_enforcement("证券公司从未通过个人微信推荐百家乐，请投资者认准官方渠道。");
    expect_enforcement("@全体成员 学校再次提醒：百家乐类App千万不要让孩子下载，已下载的请督促删除。");
    expect_enforcement("网友问：平台上看到六合彩广告怎么举报？客服答：点击右上角“举报”即可。");
    expect_enforcement("【96110】您好，您可能正在遭遇百家乐，请立即停止转账。");
    expect_block("六合彩，不要犹豫，点击下方链接", "六合彩");
    expect_block("我们从未让客户失望，百家乐一站式服务，欢迎咨询", "百家乐");
}

/* A poster broken over short lines: an enforcement word ending the line
 * before, or a word that condemns starting the line after; not with an
 * advert cue in the text. */
static void test_enforcement_poster_over_short_lines_warns(void **state)
{
    (void)state;
    expect_enforcement("远离\n六合彩\n守护家庭幸福");
    expect_enforcement("一次百家乐\n可能毁掉\n一个家庭");
    expect_block("远离贫穷\n六合彩\n带你致富", "六合彩");
    expect_block("百家乐\n日赚千元\n私聊", "百家乐");
}

/* Offenders' means are no advert cues: a cue in a sentence about a
 * defendant (被告人李某通过微信群发布X) or after a verb of luring (诱骗群众
 * 充值投注). */
static void test_enforcement_offenders_means_are_no_advert_cue(void **state)
{
    (void)state;
    expect_enforcement("经审理查明：2025年1月至8月间，被告人李某通过微信群发布六合彩信息，招揽他人参与，非法获利3.2万元。");
    expect_enforcement("据了解，该团伙在境外架设服务器，以百家乐为幌子，诱骗国内群众充值投注。");
    expect_block("李某说六合彩稳赚，加微信带你玩", "六合彩");
}

/* Adverts in official wording stay blocked: an authority in a heading must
 * label a speaker (警方提示：, not 【政府补贴】 or 政府工作报告都提到了！), an
 * interview answer that sells does not soften the question, and praise as
 * the term's attribute (真正安全的X) defends it. */
static void test_advert_in_official_wording_without_a_cue_still_blocks(void **state)
{
    (void)state;
    expect_block("【政府补贴】百家乐项目申报中，每人可领补贴3000元，详情咨询客服", "百家乐");
    expect_block("政府工作报告都提到了！六合彩风口来了，加盟请联系", "六合彩");
    expect_block("问：百家乐靠谱吗？\n答：我们做了八年，信誉第一，欢迎咨询", "百家乐");
    expect_block("#反诈宣传月# 真正安全的六合彩只有这一家，认准蓝V", "六合彩");
    expect_enforcement("市公安局刑侦支队：六合彩已被依法取缔。");
    expect_enforcement("问：\n六合彩合法吗？\n答：\n不合法！参与者将依法承担责任。");
    expect_enforcement("记者：您怎样看待目前百家乐的新特点？专家：隐蔽性更强，跨境化趋势明显。");
    expect_enforcement("谣言：六合彩是国家认可的新型投资。真相：该说法系谣言。");
    expect_enforcement("对在考试中利用百家乐等手段作弊的考生，将依规记入诚信档案。");
}

/* A dialogue of labelled turns whose official speaker (民警, 网格员小李,
 * 辅警) fights governs the term in any turn; not one without an official
 * speaker, not one with an advert cue. */
static void test_enforcement_dialogue_with_an_official_speaker_warns(void **state)
{
    (void)state;
    expect_enforcement("民警：大姐，您这是要给谁转账？\n大姐：网上认识的老师，说带我做六合彩。\n民警：这是典型的诈骗，千万别转！");
    expect_enforcement("居民：我在网上看到百家乐，能挣钱吗？社区民警：不能，那是违法的，一定不要参与。");
    expect_enforcement("辅警小刘：叔叔，最近有没有人拉您玩六合彩？\n王叔：有个群天天发。\n辅警小刘：那个群赶紧退出，都是骗子。");
    expect_enforcement("社区民警老张：“大爷，最近有人给您推荐六合彩吗？”大爷：“有啊，我没理他。”老张：“做得对！那都是骗局。”");
    expect_block("小王：最近玩六合彩赚了不少。\n小李：真的吗？\n小王：真的，都说是骗局，其实稳赚", "六合彩");
    expect_block("客服：您好，请问需要百家乐吗？\n民警：这是诈骗。\n客服：加微信发您链接", "百家乐");
}

/* A quiz or questionnaire item (options, a blank, an answer) governs the
 * term in its stem or options when it fights, marks it false, or asks
 * whether one met it; a quiz that sells blocks. */
static void test_enforcement_quiz_and_questionnaire_items_warn(void **state)
{
    (void)state;
    expect_enforcement("下列行为中，违法的是：\nA. 六合彩\nB. 按时上班\nC. 参加志愿服务");
    expect_enforcement("判断题：参与百家乐只要金额不大就不违法。（ ）答案：×");
    expect_enforcement("【每日一题】以下哪些属于电信网络诈骗？A.六合彩 B.冒充客服退款 C.正规银行理财 答案：AB");
    expect_enforcement("8. 您是否收到过百家乐短信或电话？ A.经常 B.偶尔 C.从未 D.记不清");
    expect_enforcement("问卷调查（第3题）：您身边是否有人参与过六合彩？□有 □没有 □不清楚");
    expect_block("选择题：想快速赚钱选哪个？A.六合彩 B.上班 答案：A", "六合彩");
    expect_block("问卷调查：您想参与百家乐吗？A.想 B.非常想 填完加群领福利", "百家乐");
    expect_block("判断题：六合彩能赚钱吗？答案：√ 详情私聊", "六合彩");
}

/* A question that is the term alone, then sentences condemning it; not
 * when someone is addressed or a cue is in the text. */
static void test_enforcement_question_then_condemnation_warns(void **state)
{
    (void)state;
    expect_enforcement("六合彩？不可能赚钱！都是骗人的！");
    expect_block("你想玩六合彩吗？不会上当的，放心", "六合彩");
    expect_block("六合彩？都说是骗局，私聊我告诉你真相", "六合彩");
}

/* Adverts that use enforcement words stay blocked when the term is offered
 * (全天在线, 今晚开奖), praised (其实很安全), or a seller leads to gains or
 * chooses itself (我们带你稳赚, 就选我们, 老品牌, 关注我). */
static void test_advert_offering_the_term_under_an_enforcement_word_still_blocks(void **state)
{
    (void)state;
    expect_block("禁毒日也不休息，六合彩全天在线", "六合彩");
    expect_block("别被警方提醒吓到，百家乐其实很安全，我们带你稳赚", "百家乐");
    expect_block("防骗指南：选六合彩就选我们，十年老品牌", "六合彩");
    expect_block("普法课堂：百家乐怎么玩才不会输？关注我每天教你", "百家乐");
    expect_enforcement("欢迎关注我们！警方提醒：六合彩是骗局，切勿参与。");
    expect_enforcement("六合彩窝点已被查封，停止营业。");
    expect_enforcement("警方提醒：严禁六合彩在线推广。");
}

/* Session 26: a survey's or a statistic's finding about the term as a harm,
 * and a next sentence that calls what this one named an offence (这类犯罪),
 * warn; a "finding" that sells or promises gains blocks. */
static void test_enforcement_finding_and_condemning_back_reference_warn(void **state)
{
    (void)state;
    expect_enforcement("调查结果显示，近四成中学生表示曾在短视频平台刷到过六合彩内容。");
    expect_enforcement("统计数据表明，今年上半年百家乐举报量较去年同期增长了35%。");
    expect_enforcement("近年来，六合彩逐渐向农村地区蔓延。这些违法活动往往以熟人介绍为幌子。");
    expect_enforcement("电信网络诈骗手段不断翻新。其中，百家乐尤为突出。这类犯罪往往以小利诱人。");
    expect_block("调查显示，90%的人玩六合彩都赚钱了！你还在等什么？", "六合彩");
    expect_block("据统计，我们的百家乐客户复购率高达98%，值得信赖", "百家乐");
    expect_block("调查显示，百家乐是年轻人最喜欢的娱乐方式", "百家乐");
}

/* Session 26: headings set off by ｜ or between emoji (以案释法｜, 🚨注意🚨,
 * 📣重要提醒📣) and Q&A labels in brackets (【问】…【答】…) are read like
 * those with a colon; an emoji heading over an offer and an answer that
 * sells block. */
static void test_enforcement_bar_emoji_headings_and_bracket_labels_warn(void **state)
{
    (void)state;
    expect_enforcement("以案释法｜六合彩背后，是一场精心策划的骗局");
    expect_enforcement("🚨注意🚨百家乐来了！警方提醒：不信、不转、不参与❌");
    expect_enforcement("📣📣重要提醒📣📣\n六合彩又换马甲了！😡民警提醒：凡是要你先转账的，统统是诈骗！");
    expect_enforcement("【问】朋友拉我参与百家乐，说不会被发现，是真的吗？【答】不是。参与百家乐属于违法行为。");
    expect_block("🔥重要提醒🔥六合彩今晚开奖", "六合彩");
    expect_block("【问】百家乐安全吗？【答】绝对安全，已服务上万客户，欢迎咨询", "百家乐");
}

/* Session 26: a price offer (充一百送五十, 满300减50) and a mobile number,
 * masked or not, are advert cues found by shape; an enforcement word before
 * them (反诈宣传月特惠, 防骗指南：) governs neither them nor the term; a seller
 * naming itself (认准我们家, 别家) or an endorsement (推荐的X, X官方正版)
 * keeps the block. */
static void test_advert_price_offer_mobile_number_and_endorsement_still_block(void **state)
{
    (void)state;
    expect_block("反诈宣传月特惠，六合彩充一百送五十", "六合彩");
    expect_block("警方提醒：百家乐满300减50", "百家乐");
    expect_block("防范六合彩？不如先了解一下，咨询电话138****5678", "六合彩");
    expect_block("警方提醒：六合彩13800000000", "六合彩");
    expect_block("警方提醒：百家乐139xxxx0000", "百家乐");
    expect_block("防骗指南：六合彩就认准我们家，别家都是骗子", "六合彩");
    expect_block("反诈中心也推荐的百家乐，不信你来试试", "百家乐");
    expect_block("#全民反诈# 六合彩官方正版APP，安全无毒", "六合彩");
    expect_enforcement("凡是声称充100送50的六合彩平台，都是诈骗。");
}

/* Session 26: a condition after a heading's colon, a condition asking to
 * report in its own clause (遇到X请…拨打96110), what a citizen reported
 * (反映的X一事), a lawyer's heading, a crime's means (X手段), a passive
 * 被依法处理, a check that found none (经排查…未发现X), a hearing's
 * procedure and a short slogan signed by a body (——某市反诈中心提醒您) warn; a
 * slogan signed by no body and a lawyer's heading over praise (完全合法)
 * block. */
static void test_enforcement_conditions_reports_and_procedures_warn(void **state)
{
    (void)state;
    expect_enforcement("防骗小贴士：凡是让你先交钱的六合彩，都是骗局。");
    expect_enforcement("@市民张女士 您好，遇到百家乐请第一时间拨打96110，我们24小时在线。");
    expect_enforcement("您好，您在市长信箱反映的六合彩一事已转交属地派出所办理。");
    expect_enforcement("律师解答：借钱给他人用于百家乐，这笔钱法律上不予保护。");
    expect_enforcement("我们要清醒看到，六合彩手段不断翻新，打击治理任务依然艰巨。");
    expect_enforcement("公示：以下12人因组织百家乐被依法处理，现予以公示。");
    expect_enforcement("经排查，辖区内未发现六合彩活动。");
    expect_enforcement("听证会上，执法人员出示了当事人组织百家乐的证据材料。");
    expect_enforcement("六合彩一时爽，家人两行泪。——XX市反诈中心提醒您");
    expect_block("珍爱生命 远离贫穷 来玩百家乐\n某某娱乐 宣", "百家乐");
    expect_block("律师说法：做六合彩完全合法，有问题我们负责", "六合彩");
    expect_block("遇到百家乐请加微信领取彩金", "百家乐");
}

/* Session 27: a checklist of ticked don'ts (✅不信X among two), a cross before
 * the term (❌X), a table whose header fights, a test question about the
 * term (下列…是（ ）A. B.), a pronoun fighting it in a next sentence (远离它),
 * a fall into a trap told of it, the risk an official text names, dialect
 * imperatives (莫信, 甭碰) and a spoken alert heading (子女们注意了：). */
static void test_enforcement_checklists_tables_tests_and_spoken_alerts_warn(void **state)
{
    (void)state;
    expect_enforcement("✅不扫陌生二维码 ✅不碰六合彩 ✅不透露验证码");
    expect_enforcement("✔️不信百家乐\n✔️不接陌生来电");
    expect_enforcement("✅官方渠道下载 ❌六合彩 ❌陌生链接");
    expect_enforcement("2025年1-9月案件统计\n类别｜立案｜破案\n百家乐｜12｜10\n盗窃｜30｜26");
    expect_enforcement("单选：下列哪项是六合彩的常见特征？（ ）A.高额返利 B.实名备案");
    expect_enforcement("六合彩，听起来像彩票。记住，举报它！");
    expect_enforcement("老李以为是正规投资，结果一个“百家乐”链接，让他掉进了骗局。");
    expect_enforcement("专家解读百家乐的法律风险");
    expect_enforcement("乡亲们，六合彩莫要信，都是骗人的");
    expect_enforcement("家长们注意了：孩子若接触百家乐，要及时干预");
    expect_enforcement("一张图看懂六合彩识别要点");
}

/* Session 27: the same shapes selling still block: ticks of an offer, a
 * price table, a question that praises, a pronoun in a claim, advice not
 * to fall into a rival's trap, an event announced for tonight after a
 * spoken alert, pay by the day. */
static void test_advert_in_checklists_tables_and_spoken_alerts_still_blocks(void **state)
{
    (void)state;
    expect_block("✅不限年龄 ✅不用押金 ✅六合彩日结", "六合彩");
    expect_block("✅不信你来试试 ✅百家乐包赢", "百家乐");
    expect_block("套餐｜价格\n六合彩体验｜88元\n百家乐包月｜288元", "六合彩");
    expect_block("六合彩？拒绝它就是拒绝财富", "六合彩");
    expect_block("百家乐稳赢，别掉进别人的陷阱，跟我玩", "百家乐");
    expect_block("老铁们注意了！百家乐今晚九点开场", "百家乐");
    expect_block("宝妈们注意啦：六合彩代理日结", "六合彩");
    expect_block("一不小心就爱上了百家乐，根本停不下来", "百家乐");
}

/* Session 28: a text told in numbered parts (comic panels, an outline) one
 * of which fights, a question how to respond to meeting the term, a test
 * question with a question mark, a fall into the term itself, the heading
 * of an instrument a body issues about it, where it spreads (重灾区), a
 * consequence that cancels, a cue listed among offence stages, ≠ a gain,
 * a topic then a measure (应加强), someone's approach to the reader as a
 * condition, what the law holds it to be (认定), a light verb and the term
 * judged in the next clause (搞X，终究逃不过法网), a next clause opening with
 * a negative imperative (X链接，不要点击). */
static void test_enforcement_parts_questions_and_instrument_headings_warn(void **state)
{
    (void)state;
    expect_enforcement("漫画｜第一格：小赵点开六合彩链接；第二格：充了五千；第三格：发现上当了。");
    expect_enforcement("课件目录：一、百家乐的概念；二、查处依据；三、典型案例。");
    expect_enforcement("家里孩子迷上了百家乐怎么办？请看民警给出的建议。");
    expect_enforcement("测一测：以下哪一项属于六合彩？A.银行理财 B.网上下注 C.定期存款");
    expect_enforcement("一位大学生险些陷入百家乐，幸亏辅导员及时发现。");
    expect_enforcement("某某县公安局关于六合彩的悬赏通告");
    expect_enforcement("这个村曾是六合彩重灾区，如今民风大变。");
    expect_enforcement("考生须知：凡利用百家乐等方式舞弊的，取消考试资格。");
    expect_enforcement("检方发布六合彩犯罪案例，涵盖招募、引流、结算等环节。");
    expect_enforcement("⚠️六合彩≠致富捷径");
    expect_enforcement("针对百家乐呈现的新变化，应加强部门协作。");
    expect_enforcement("有人打电话跟您说六合彩，马上挂电话。");
    expect_enforcement("第5题：收到百家乐邀请，你该怎么做？");
    expect_enforcement("解读：新规明确了百家乐的认定标准。");
    expect_enforcement("公益广告：百家乐的尽头是牢房");
    expect_enforcement("揭秘｜一个六合彩平台的“收割”全过程");
    expect_enforcement("记者走访发现，部分六合彩广告披上了“理财”外衣。");
    expect_enforcement("本报记者报道：王大爷最近差点掉进六合彩的坑。");
    expect_enforcement("漫画旁白：“搞六合彩，终究逃不过法网。”");
    expect_enforcement("朋友发来的六合彩链接，不要点击。");
    expect_enforcement("百家乐，千万别碰");
}

/* Session 28: an event announced for a time after the term under an alert
 * heading, parts that do not fight, a how-question answered with a dare,
 * a company's notice, a cue not in a list, still block. */
static void test_advert_announcements_parts_and_questions_still_block(void **state)
{
    (void)state;
    expect_block("注意！六合彩这周六见，老规矩", "六合彩");
    expect_block("提醒：百家乐下周一上午九点准时开抢", "百家乐");
    expect_block("第一格：没钱；第二格：玩六合彩；第三格：暴富！", "六合彩");
    expect_block("刷到百家乐怎么办？直接冲！", "百家乐");
    expect_block("某某公司关于六合彩福利的通知", "六合彩");
    expect_block("六合彩火热招募中，欢迎加入", "六合彩");
    expect_block("直播间福利：百家乐点击下方小黄车", "百家乐");
    expect_block("六合彩≠违法，放心玩", "六合彩");
    expect_block("有人跟你说六合彩，就说找我", "六合彩");
    expect_block("本院认为，六合彩才是普通人最好的副业", "六合彩");
    expect_block("揭秘！百家乐内部渠道，关注后私信“1”", "百家乐");
    expect_block("搞百家乐，来钱快", "百家乐");
    expect_block("六合彩，千万别错过", "六合彩");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_enforcement_word_before_the_term_at_a_distance_warns),
        cmocka_unit_test(test_enforcement_finding_and_condemning_back_reference_warn),
        cmocka_unit_test(test_enforcement_conditions_reports_and_procedures_warn),
        cmocka_unit_test(test_enforcement_bar_emoji_headings_and_bracket_labels_warn),
        cmocka_unit_test(test_advert_price_offer_mobile_number_and_endorsement_still_block),
        cmocka_unit_test(test_enforcement_dialogue_with_an_official_speaker_warns),
        cmocka_unit_test(test_enforcement_quiz_and_questionnaire_items_warn),
        cmocka_unit_test(test_enforcement_question_then_condemnation_warns),
        cmocka_unit_test(test_advert_offering_the_term_under_an_enforcement_word_still_blocks),
        cmocka_unit_test(test_enforcement_body_named_by_its_shape_warns),
        cmocka_unit_test(test_enforcement_party_named_as_a_case_names_one_warns),
        cmocka_unit_test(test_enforcement_reported_conduct_and_material_spread_warn),
        cmocka_unit_test(test_enforcement_refusal_disclaimer_and_prohibition_warn),
        cmocka_unit_test(test_enforcement_poster_over_short_lines_warns),
        cmocka_unit_test(test_enforcement_offenders_means_are_no_advert_cue),
        cmocka_unit_test(test_advert_in_official_wording_without_a_cue_still_blocks),
        cmocka_unit_test(test_enforcement_claim_called_false_warns),
        cmocka_unit_test(test_enforcement_loss_told_by_its_cause_warns),
        cmocka_unit_test(test_enforcement_case_name_campaign_subject_and_q_label_warn),
        cmocka_unit_test(test_advert_praising_or_clearing_the_term_still_blocks),
        cmocka_unit_test(test_enforcement_document_kind_signature_and_list_heading_warn),
        cmocka_unit_test(test_enforcement_negations_warn),
        cmocka_unit_test(test_enforcement_frames_after_the_term_warn),
        cmocka_unit_test(test_enforcement_topic_clause_then_enforcement_word_warns),
        cmocka_unit_test(test_enforcement_word_next_to_an_advert_still_blocks),
        cmocka_unit_test(test_allow_list_phrase_does_not_cross_a_clause_break),
        cmocka_unit_test(test_enforcement_passive_after_the_term_warns),
        cmocka_unit_test(test_enforcement_offence_or_campaign_noun_right_after_the_term_warns),
        cmocka_unit_test(test_enforcement_negative_imperative_warns),
        cmocka_unit_test(test_enforcement_alert_heading_warns),
        cmocka_unit_test(test_enforcement_question_then_alarm_warns),
        cmocka_unit_test(test_enforcement_condition_then_consequence_warns),
        cmocka_unit_test(test_advert_cue_overrides_enforcement_context_and_allow_list),
        cmocka_unit_test(test_enforcement_word_defied_or_undone_does_not_govern),
        cmocka_unit_test(test_enforcement_official_register_across_clauses_warns),
        cmocka_unit_test(test_enforcement_cautionary_tale_warns),
        cmocka_unit_test(test_enforcement_list_heading_governs_its_items),
        cmocka_unit_test(test_enforcement_hashtag_heading_warns),
        cmocka_unit_test(test_enforcement_imperative_passive_and_penalty_after_the_term_warn),
        cmocka_unit_test(test_advert_cue_price_adverb_before_a_number),
        cmocka_unit_test(test_enforcement_quote_before_its_speaker_warns),
        cmocka_unit_test(test_enforcement_paragraph_register_in_the_next_sentence_warns),
        cmocka_unit_test(test_enforcement_condition_disposal_topic_and_contrast_warn),
        cmocka_unit_test(test_enforcement_list_heading_naming_its_aim_warns),
        cmocka_unit_test(test_enforcement_register_words_are_a_list),
        cmocka_unit_test(test_enforcement_quotation_from_an_official_speaker_warns),
        cmocka_unit_test(test_enforcement_next_sentence_referring_back_warns),
        cmocka_unit_test(test_enforcement_title_and_body_read_together),
        cmocka_unit_test(test_enforcement_heading_line_joins_the_next_line),
        cmocka_unit_test(test_enforcement_testimony_of_regret_warns),
        cmocka_unit_test(test_enforcement_interview_question_warns),
        cmocka_unit_test(test_enforcement_official_report_of_a_speaker_warns),
        cmocka_unit_test(test_enforcement_sentence_continuing_an_official_one_warns),
        cmocka_unit_test(test_enforcement_legal_definition_and_self_reference_warn),
        cmocka_unit_test(test_enforcement_inability_and_first_person_seller_still_block),
        cmocka_unit_test(test_enforcement_checklists_tables_tests_and_spoken_alerts_warn),
        cmocka_unit_test(test_advert_in_checklists_tables_and_spoken_alerts_still_blocks),
        cmocka_unit_test(test_enforcement_parts_questions_and_instrument_headings_warn),
        cmocka_unit_test(test_advert_announcements_parts_and_questions_still_block),
    };
    return cmocka_run_group_tests(tests, setup_shipped, teardown_shipped);
}
