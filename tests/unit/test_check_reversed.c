/*
 * test_check_reversed.c - REQUIREMENTS §3 "evasion must not work" (issue 14
 * §1, session 27): a term of three or more characters written backwards
 * (倒序), with the tolerance of the term itself (noise, traditional
 * characters, one character a line), is found as its term, "via":"reversed".
 * Severity by policy: a three-character term read backwards only warns
 * (three characters backwards are a guess), a longer one keeps its
 * severity; two-character terms are never read backwards (情色, 邮包, 上传网站
 * hold their reversals), nor a reversal that is a term itself or a
 * palindrome, nor a term of letters.
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

/* §3.2 evasion must not work: a term written backwards. */
static void test_longer_term_written_backwards_keeps_its_severity(void **state)
{
    (void)state;
    expect_one("场赌上网", "网上赌场", "reversed", "block");
    expect_one("欢迎盟加商招", "招商加盟", "reversed", "block");
    expect_one("价低最网全，速来", "全网最低价", "reversed", "block");
    expect_one("場·賭·上·網", "网上赌场", "reversed", "block");   /* traditional, noise */
    expect_one("款\n贷\n押\n抵\n无", "无抵押贷款", "reversed", "block");   /* 竖排 */
    json_t *r = run_check(shipped, "他说场赌上网", NULL, NULL, NULL);
    assert_int_equal(fint(r, 0, "start"), 2);
    assert_int_equal(fint(r, 0, "end"), 6);
    assert_string_equal(fstr(r, 0, "match"), "场赌上网");
    json_decref(r);
}

/* §3.2, §3.9: a guessed reading only warns. */
static void test_three_character_term_written_backwards_warns(void **state)
{
    (void)state;
    expect_one("证假办", "办假证", "reversed", "warn");
    expect_one("级密机", "机密级", "reversed", "warn");
}

/* §3.2: no false hit on words that hold a reversal. */
static void test_two_character_terms_are_not_read_backwards(void **state)
{
    (void)state;
    expect_none(shipped, "情色");       /* a word of its own */
    expect_none(shipped, "邮包已送达");
    expect_none(shipped, "上传网站");   /* 传网 inside */
    expect_none(shipped, "密绝");
}

/* §3.2: one finding, the term as written. */
static void test_reversal_that_is_a_term_or_a_palindrome_is_the_term_itself(void **state)
{
    (void)state;
    gm_checker *c = checker_with("花团锦簇\tgeneral\tblock\n簇锦团花\tgeneral\tblock\n"
                                 "上海自来水来自海上\tgeneral\twarn\nvpn加速器\tgeneral\tblock\n",
                                 NULL);
    expect_one_lexicon(c, "簇锦团花", "簇锦团花", "", "block");
    expect_one_lexicon(c, "上海自来水来自海上", "上海自来水来自海上", "", "warn");
    expect_none(c, "器速加npv");   /* letters are not reversed */
    gm_checker_unref(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_longer_term_written_backwards_keeps_its_severity),
        cmocka_unit_test(test_three_character_term_written_backwards_warns),
        cmocka_unit_test(test_two_character_terms_are_not_read_backwards),
        cmocka_unit_test(test_reversal_that_is_a_term_or_a_palindrome_is_the_term_itself),
    };
    return cmocka_run_group_tests(tests, setup_shipped, teardown_shipped);
}
