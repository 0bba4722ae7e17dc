/*
 * test_check_offsets.c - findings report start/end as code-point offsets
 * into the ORIGINAL input and match as the original text, for every kind
 * of transformation the normaliser applies.
 */
#include "test_check_helpers.h"

static const char *LEX = "赌博\tgambling\tblock\nfish\tads\twarn\n12号\tads\twarn\n哈哈大笑\tvulgar\twarn\n";

static int setup(void **state)
{
    *state = checker_with(LEX, NULL);
    return 0;
}

static int teardown(void **state)
{
    gm_checker_unref(*state);
    return 0;
}

static void test_offset_after_ascii_and_cjk(void **state)
{
    expect_one_hit(*state, "ab中文赌博", "赌博", "赌博", 4, 6);
}

static void test_offset_after_astral_emoji(void **state)
{
    /* each emoji is one code point (4 bytes) */
    expect_one_hit(*state, "😀😀赌博", "赌博", "赌博", 2, 4);
}

static void test_offset_noise_inside(void **state)
{
    expect_one_hit(*state, "x 赌 , 博 x", "赌博", "赌 , 博", 2, 7);
}

static void test_offset_fullwidth(void **state)
{
    expect_one_hit(*state, "我的ＦＩＳＨ", "fish", "ＦＩＳＨ", 2, 6);
}

static void test_offset_traditional(void **state)
{
    expect_one_hit(*state, "不要賭博", "赌博", "賭博", 2, 4);
}

static void test_offset_expansion_ligature(void **state)
{
    /* U+FB01 "ﬁ" is one code point that normalises to two letters */
    expect_one_hit(*state, "a ﬁsh", "fish", "ﬁsh", 2, 5);
}

static void test_offset_expansion_circled_digits(void **state)
{
    /* "⑫" normalises to "12" */
    expect_one_hit(*state, "第⑫号", "12号", "⑫号", 1, 3);
}

static void test_offset_repeats_leading_and_trailing(void **state)
{
    expect_one_hit(*state, "好赌赌博博!", "赌博", "赌赌博博", 1, 5);
}

static void test_offset_term_with_own_repeat(void **state)
{
    expect_one_hit(*state, "他哈哈哈大笑", "哈哈大笑", "哈哈哈大笑", 1, 6);
    expect_clean(*state, "他哈大笑");   /* the term needs "哈" twice */
}

static void test_offset_title_field(void **state)
{
    json_t *r = run_check(*state, "正文", "标题里有赌博", NULL, NULL);
    assert_int_equal(n_findings(r), 1);
    assert_string_equal(fstr(r, 0, "field"), "title");
    assert_int_equal(fint(r, 0, "start"), 4);
    assert_int_equal(fint(r, 0, "end"), 6);
    json_decref(r);
}

static void test_offset_two_hits_in_order(void **state)
{
    json_t *r = run_check(*state, "赌博，再赌 博", NULL, NULL, NULL);
    assert_int_equal(n_findings(r), 2);
    assert_int_equal(fint(r, 0, "start"), 0);
    assert_int_equal(fint(r, 1, "start"), 4);
    assert_string_equal(fstr(r, 1, "match"), "赌 博");
    json_decref(r);
}

static void test_offset_nul_noise_kept_in_match(void **state)
{
    static const char text[] = "x赌\0博";   /* U+0000 is noise, and part of the match */
    gm_check_input in = {text, sizeof text - 1, NULL, NULL, NULL, NULL, NULL};
    json_t *r = NULL;
    gm_err err = {0};
    assert_int_equal(gm_check_json(*state, &in, &r, &err), 0);
    assert_int_equal(n_findings(r), 1);
    const json_t *m = json_object_get(json_array_get(json_object_get(r, "findings"), 0), "match");
    assert_int_equal(json_string_length(m), 7);
    assert_memory_equal(json_string_value(m), "赌\0博", 7);
    assert_int_equal(fint(r, 0, "start"), 1);
    assert_int_equal(fint(r, 0, "end"), 4);
    json_decref(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_offset_after_ascii_and_cjk),
        cmocka_unit_test(test_offset_after_astral_emoji),
        cmocka_unit_test(test_offset_noise_inside),
        cmocka_unit_test(test_offset_fullwidth),
        cmocka_unit_test(test_offset_traditional),
        cmocka_unit_test(test_offset_expansion_ligature),
        cmocka_unit_test(test_offset_expansion_circled_digits),
        cmocka_unit_test(test_offset_repeats_leading_and_trailing),
        cmocka_unit_test(test_offset_term_with_own_repeat),
        cmocka_unit_test(test_offset_title_field),
        cmocka_unit_test(test_offset_two_hits_in_order),
        cmocka_unit_test(test_offset_nul_noise_kept_in_match),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
