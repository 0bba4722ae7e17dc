/*
 * test_check_acrostic.c - REQUIREMENTS §3 "evasion must not work" (issue 14
 * §1, session 28): a term of three or more characters spelt by the first
 * characters of consecutive lines (藏头) or by their last (藏尾), each line
 * a phrase of its own, is found as its term, "via":"acrostic", the finding
 * spanning those lines.  Severity by policy: three characters only warn (a
 * guess), longer terms keep their severity.  Not read: two-character terms
 * (many line pairs start with 色 and 情), lines of one character (that is
 * the term written down the page, found literally), a run broken by a line
 * that starts with a letter or a digit, lists.
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

/* §3.2 evasion must not work: 藏头. */
static void test_first_characters_of_lines_spell_a_term(void **state)
{
    (void)state;
    expect_one("代代相传好家风\n开门迎客笑春风\n发奋图强争上游\n票选十佳我最红", "代开发票",
               "acrostic", "block");
    expect_one("网络连接你我\n上下一心干\n賭書潑茶憶往昔\n场场精彩", "网上赌场", "acrostic",
               "block");   /* traditional characters */
    expect_one("🌸六月荷花开！\n  合家去游园。\n\n彩蝶绕花飞", "六合彩", "acrostic",
               "warn");   /* decoration, indent, a blank line; three characters: a guess */
    json_t *r = run_check(shipped, "诗一首\n百花齐放\n家和万事兴\n乐享好时光\n完", NULL, NULL, NULL);
    assert_int_equal(count_rule(r, "lexicon", NULL), 1);
    assert_int_equal(fint(r, 0, "start"), 4);
    assert_int_equal(fint(r, 0, "end"), 20);
    assert_string_equal(fstr(r, 0, "match"), "百花齐放\n家和万事兴\n乐享好时光");
    json_decref(r);
}

/* §3.2: 藏尾, the last characters. */
static void test_last_characters_of_lines_spell_a_term(void **state)
{
    (void)state;
    expect_one("今天群里谁最六\n大家意见都不合\n晚霞满天真多彩。", "六合彩", "acrostic", "warn");
    expect_one("牙齿天天刷，\n今天不孤单！\n春天燕子返\n万事都顺利😊", "刷单返利", "acrostic",
               "block");
}

/* §3.5 no false hit: what is no acrostic. */
static void test_lines_that_spell_nothing_hidden(void **state)
{
    (void)state;
    expect_none(shipped, "色彩斑斓\n情深意长\n");                   /* two characters */
    expect_none(shipped, "六月荷花开\n1. 合家去游园\n彩蝶绕花飞");   /* broken by a digit */
    expect_none(shipped, "一、六项措施\n二、合力推进\n三、彩色打印");
    expect_none(shipped, "六月荷花开，合家去游园，彩蝶绕花飞。");   /* one line */
    expect_one("六\n合\n彩", "六合彩", "", "block");   /* one character a line: the term itself */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_characters_of_lines_spell_a_term),
        cmocka_unit_test(test_last_characters_of_lines_spell_a_term),
        cmocka_unit_test(test_lines_that_spell_nothing_hidden),
    };
    return cmocka_run_group_tests(tests, setup_shipped, teardown_shipped);
}
