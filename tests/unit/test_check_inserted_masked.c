/*
 * test_check_inserted_masked.c - REQUIREMENTS §3 "evasion must not work"
 * (issue 14 §1, session 26): a word inserted into a term as speech splits a
 * word (约个炮, 信用卡套个现), a lone letter as a filler (赌x博), and one
 * character of a longer term hidden by a mask mark (六*彩, 代开□票), the
 * first one behind a star or a cross (*合彩, session 28).
 * Severity by policy: a two-character term read through an inserted word
 * only warns, a linking word (的) only warns, a mask in a three-character
 * term or of the first character only warns; the text's own words (个人,
 * 统一), alternating separators, check boxes, bullets, numerals and noise
 * are none.  Shipped data, and a small
 * lexicon for the negatives.
 */
#include "test_check_helpers.h"

#define shipped (*shipped_checker())

static void expect_one(const char *text, const char *term, const char *via, const char *sev)
{
    expect_one_lexicon(shipped, text, term, via, sev);
}

static void expect_none(const gm_checker *c, const char *text)
{
    expect_lexicon_clean(c, text);
}

static void test_word_inserted_in_a_two_character_term_warns(void **state)
{
    (void)state;
    expect_one("约个炮吗", "约炮", "inserted", "warn");
    expect_one("约了个炮", "约炮", "inserted", "warn");
    expect_one("约一炮", "约炮", "inserted", "warn");
    expect_one("赌了把球", "赌球", "inserted", "warn");
    expect_one("今晚约 过 炮", "约炮", "inserted", "warn");   /* noise around it */
    json_t *r = run_check(shipped, "他说约了个炮", NULL, NULL, NULL);
    assert_int_equal(fint(r, 0, "start"), 2);
    assert_int_equal(fint(r, 0, "end"), 6);
    assert_string_equal(fstr(r, 0, "match"), "约了个炮");
    json_decref(r);
}

static void test_lone_letter_between_two_characters_warns(void **state)
{
    (void)state;
    expect_one("赌x博", "赌博", "inserted", "warn");
    expect_one("裸X聊", "裸聊", "inserted", "warn");
    expect_none(shipped, "赌ab博");   /* a word of letters */
    expect_none(shipped, "赌1博");    /* a digit */
    expect_none(shipped, "赌x 1博");
}

static void test_word_inserted_in_a_longer_term_keeps_its_severity(void **state)
{
    (void)state;
    expect_one("信用卡套个现", "信用卡套现", "inserted", "block");
    expect_one("加一下微信咨询", "加微信咨询", "inserted", "block");
    expect_one("刷个单返利", "刷单返利", "inserted", "block");
    expect_one("办张假证", "办假证", "inserted", "warn");   /* 张 links: a guess */
    expect_one("无抵押的贷款", "无抵押贷款", "inserted", "warn");
}

/* §3.2 evasion must not work, §3.9 a guess only warns: an inserted word
 * that forms a word with a neighbour (开张, 加个) inside a longer term
 * (session 28). */
static void test_inserted_word_forming_a_word_warns_in_a_longer_term(void **state)
{
    (void)state;
    expect_one("代开张发票", "代开发票", "inserted", "warn");
    expect_one("加个微信咨询", "加微信咨询", "inserted", "warn");
    expect_one("误点了点击购买链接", "点击购买", "", "block");   /* 点 repeated: the term itself */
    expect_one("网上赌场的场所", "网上赌场", "", "block");
}

static void test_linking_word_in_a_two_character_term_is_none(void **state)
{
    (void)state;
    expect_none(shipped, "我们要保持有特色的情况");   /* 的 between 色 and 情 */
    expect_none(shipped, "白色的聊天框");
}

static void test_text_own_words_and_separators_are_no_inserted_word(void **state)
{
    (void)state;
    gm_checker *c = checker_with("好人\tgeneral\tblock\n统和\tgeneral\tblock\n"
                                 "创业精神\tgeneral\tblock\n精神\tgeneral\tblock\n",
                                 NULL);
    expect_none(c, "他是何个人");    /* 个人 is a word */
    expect_none(c, "统一和协调");    /* 统一 is a word */
    json_t *r = run_check(c, "创x业x精x神", NULL, NULL, NULL);   /* x alternates */
    assert_int_equal(count_rule(r, "lexicon", NULL), 1);
    assert_string_equal(fstr(r, 0, "term"), "创业精神");
    json_decref(r);
    gm_checker_unref(c);
}

static void test_masked_character_in_a_longer_term(void **state)
{
    (void)state;
    expect_one("六*彩今晚开奖", "六合彩", "mask", "warn");   /* three characters: a guess */
    expect_one("老×机", "老虎机", "mask", "warn");
    expect_one("百■乐", "百家乐", "mask", "warn");
    expect_one("专业代开□票", "代开发票", "mask", "block");
    expect_one("稳赚不*，速来", "稳赚不赔", "mask", "block");   /* the last one hidden */
    json_t *r = run_check(shipped, "专业代开＊票", NULL, NULL, NULL);
    assert_int_equal(fint(r, 0, "start"), 2);
    assert_int_equal(fint(r, 0, "end"), 6);
    json_decref(r);
}

/* §3.2 evasion must not work, §3.9 a guess only warns: the first character
 * hidden behind a star or a cross (session 28). */
static void test_masked_first_character_warns(void **state)
{
    (void)state;
    expect_one("*合彩", "六合彩", "mask", "warn");
    expect_one("×家乐今晚开", "百家乐", "mask", "warn");
    expect_one("姐妹们冲！＊单返利，链接在评论区", "刷单返利", "mask", "warn");   /* longer: still a guess */
    expect_one("✖时抢购", "限时抢购", "mask", "warn");
    json_t *r = run_check(shipped, "速来，*上赌场", NULL, NULL, NULL);
    assert_int_equal(fint(r, 0, "start"), 3);
    assert_int_equal(fint(r, 0, "end"), 7);
    assert_string_equal(fstr(r, 0, "match"), "*上赌场");
    json_decref(r);
}

static void test_mask_marks_that_hide_nothing(void **state)
{
    (void)state;
    expect_none(shipped, "□合彩");          /* a box or bullet first: a list item, a form field */
    expect_none(shipped, "●家乐福超市");
    expect_none(shipped, "冲*合彩");        /* after a character: the mark may end that word */
    expect_none(shipped, "* 合彩");         /* a markdown bullet */
    expect_none(shipped, "六**彩");          /* two marks: markdown */
    expect_none(shipped, "代开发*平台");     /* a character right after: several words may hide */
    expect_one("扫码领○取", "扫码领取", "", "block");   /* beside the character: noise */
    expect_one("六○合○彩", "六合彩", "", "block");       /* alternating: separators */
    gm_checker *c = checker_with("二零二\tgeneral\tblock\n", NULL);
    expect_none(c, "二○二四年");   /* ○ beside a numeral is a zero */
    gm_checker_unref(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_inserted_in_a_two_character_term_warns),
        cmocka_unit_test(test_lone_letter_between_two_characters_warns),
        cmocka_unit_test(test_word_inserted_in_a_longer_term_keeps_its_severity),
        cmocka_unit_test(test_inserted_word_forming_a_word_warns_in_a_longer_term),
        cmocka_unit_test(test_linking_word_in_a_two_character_term_is_none),
        cmocka_unit_test(test_text_own_words_and_separators_are_no_inserted_word),
        cmocka_unit_test(test_masked_character_in_a_longer_term),
        cmocka_unit_test(test_masked_first_character_warns),
        cmocka_unit_test(test_mask_marks_that_hide_nothing),
    };
    return cmocka_run_group_tests(tests, setup_shipped, teardown_shipped);
}
