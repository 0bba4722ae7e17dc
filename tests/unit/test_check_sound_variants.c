/*
 * test_check_sound_variants.c - evasions by sound beyond the plain forms
 * (issue 14 §1, made robust): pinyin spelt letter by letter or with tone
 * digits and marks, 〇 as filler, repeats inside pinyin and homophones, and
 * the homophone verdict that keeps ordinary words quiet (an ordinary word
 * across the hit's edge drops it; one inside makes it a warning; a link
 * through a reading that is not the usual one of both characters makes it
 * a warning too).  Shipped data.
 */
#include "test_check_helpers.h"

#define shipped (*shipped_checker())

static void expect_one(const char *text, const char *term, const char *via, const char *sev)
{
    expect_one_lexicon(shipped, text, term, via, sev);
}

static void expect_no_lexicon_finding(const char *text)
{
    json_t *r = run_check(shipped, text, NULL, NULL, NULL);
    if (count_rule(r, "lexicon", NULL) != 0)
        fprintf(stderr, "text: %s -> %s\n", text, fstr(r, 0, "term"));
    assert_int_equal(count_rule(r, "lexicon", NULL), 0);
    json_decref(r);
}

static void test_pinyin_letter_by_letter_or_split_anywhere_blocks(void **state)
{
    (void)state;
    expect_one("d a i k a i f a p i a o", "代开发票", "pinyin", "block");
    expect_one("D-A-I-K-A-I-F-A-P-I-A-O", "代开发票", "pinyin", "block");
    expect_one("dai-kai_fa.piao", "代开发票", "pinyin", "block");
    expect_one("d ai ka i fap iao", "代开发票", "pinyin", "block");
    expect_one("hello world, dai kai fa piao", "代开发票", "pinyin", "block");
    json_t *r = run_check(shipped, "d a i k a i f a p i a o!", NULL, NULL, NULL);
    assert_int_equal(fint(r, 0, "start"), 0);
    assert_int_equal(fint(r, 0, "end"), 23);   /* the trailing ! is not part of it */
    json_decref(r);
}

static void test_pinyin_with_tone_digits_or_marks_blocks(void **state)
{
    (void)state;
    expect_one("dai4 kai1 fa1 piao4", "代开发票", "pinyin", "block");
    expect_one("dai4kai1fa1piao4", "代开发票", "pinyin", "block");
    expect_one("ｌｉｕ４ｈｅ２ｃａｉ３", "六合彩", "pinyin", "block");
    expect_one("dài kāi fā piào", "代开发票", "pinyin", "block");
    expect_one("liù hé cǎi", "六合彩", "pinyin", "block");
    /* a number is no tone digit: it breaks the spelling */
    expect_no_lexicon_finding("liu45he cai");
    expect_no_lexicon_finding("GDP2023 增长");
}

static void test_pinyin_u_umlaut_written_v_u_or_with_dots_blocks(void **state)
{
    (void)state;
    gm_checker *c = checker_with("旱魃为虐\tgeneral\tblock\n旅进旅退\tgeneral\tblock\n", NULL);
    const char *texts[] = {"han ba wei nve", "han ba wei nue", "hàn bá wéi nüè", "lv jin lv tui",
                           "lu jin lu tui", "lǚ jìn lǚ tuì", "LÜ JIN LÜ TUI", NULL};
    for (size_t i = 0; texts[i]; i++) {
        json_t *r = run_check(c, texts[i], NULL, NULL, NULL);
        if (n_findings(r) != 1)
            fprintf(stderr, "text: %s -> %zu findings\n", texts[i], n_findings(r));
        assert_int_equal(n_findings(r), 1);
        assert_string_equal(fstr(r, 0, "via"), "pinyin");
        json_decref(r);
    }
    gm_checker_unref(c);
}

static void test_ideographic_zero_is_noise_between_characters(void **state)
{
    (void)state;
    expect_one("赌〇博", "赌博", "", "block");
    expect_one("六〇合〇彩", "六合彩", "", "block");
    expect_one("六◯和⭕彩", "六合彩", "homophone", "block");
    expect_no_lexicon_finding("二〇二四年工作总结");
}

static void test_repeats_fold_in_pinyin_and_homophones(void **state)
{
    (void)state;
    expect_one("dai dai kai fa piao", "代开发票", "pinyin", "block");
    expect_one("liu liu he he cai", "六合彩", "pinyin", "block");
    expect_one("带带开开发票", "代开发票", "homophone", "block");
    expect_one("六六和和彩", "六合彩", "homophone", "block");
    json_t *r = run_check(shipped, "带带开发票", NULL, NULL, NULL);
    assert_int_equal(fint(r, 0, "start"), 0);   /* one finding, from the first 带 */
    assert_string_equal(fstr(r, 0, "match"), "带带开发票");
    json_decref(r);
    expect_one("时时彩", "时时彩", "", "block");   /* a term's own repeat still needs two */
}

static void test_homophone_ordinary_word_across_the_edge_is_dropped(void **state)
{
    (void)state;
    expect_no_lexicon_finding("实时采集监测数据");   /* 采集 runs past 时时彩's end */
    expect_no_lexicon_finding("各地大专院校推迟开学");   /* 院校: ordinary words throughout */
    expect_no_lexicon_finding("提高利用效率");
    expect_no_lexicon_finding("南京市六合区");
}

static void test_homophone_with_an_ordinary_word_inside_warns(void **state)
{
    (void)state;
    expect_one("实时彩今晚开奖", "时时彩", "homophone", "warn");   /* 实时 inside */
    expect_one("稳赚不配", "稳赚不赔", "homophone", "warn");       /* 不配 inside */
    expect_one("稳转不赔", "稳赚不赔", "homophone", "block");      /* no word: an evasion */
}

static void test_homophone_through_a_reading_not_usual_to_both_warns(void **state)
{
    (void)state;
    /* 结 jié ~ 家 jiē (a rare reading of 家): an unlucky phrase, not an evasion */
    expect_one("关于做好百分百结了婚的通知", "百家乐", "homophone", "warn");
    expect_one("六个彩今晚开奖", "六合彩", "homophone", "warn");   /* 合 gě is rare */
    expect_one("六和彩今晚开奖", "六合彩", "homophone", "block");  /* hé is usual to both */
    expect_one("百加乐今晚开奖", "百家乐", "homophone", "block");  /* jiā is usual to both */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pinyin_letter_by_letter_or_split_anywhere_blocks),
        cmocka_unit_test(test_pinyin_with_tone_digits_or_marks_blocks),
        cmocka_unit_test(test_pinyin_u_umlaut_written_v_u_or_with_dots_blocks),
        cmocka_unit_test(test_ideographic_zero_is_noise_between_characters),
        cmocka_unit_test(test_repeats_fold_in_pinyin_and_homophones),
        cmocka_unit_test(test_homophone_ordinary_word_across_the_edge_is_dropped),
        cmocka_unit_test(test_homophone_with_an_ordinary_word_inside_warns),
        cmocka_unit_test(test_homophone_through_a_reading_not_usual_to_both_warns),
    };
    return cmocka_run_group_tests(tests, setup_shipped, teardown_shipped);
}
