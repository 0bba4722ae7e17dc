/*
 * test_check_allow.c - the allow list (白名单) drops a hit only when it lies
 * inside an occurrence of a longer allowed word, matched with the same
 * evasion-proof normalisation.
 */
#include "test_check_helpers.h"

static const char *LEX = "赌博\tgambling\tblock\n诈骗\tfraud\twarn\n";
static const char *ALLOW = "# 白名单\n严禁赌博\n反诈骗中心\n";

static int setup(void **state)
{
    *state = checker_with(LEX, ALLOW);
    return 0;
}

static int teardown(void **state)
{
    gm_checker_unref(*state);
    return 0;
}

static void test_allow_suppresses_hit_inside_longer_word(void **state)
{
    expect_clean(*state, "村委会提醒：严禁赌博。");
    expect_clean(*state, "请拨打反诈骗中心电话");
}

static void test_allow_matches_through_evasion(void **state)
{
    expect_clean(*state, "嚴 禁 賭 博");
}

static void test_allow_keeps_hits_outside_the_allowed_word(void **state)
{
    expect_one_hit(*state, "严禁赌博，但他仍去赌博", "赌博", "赌博", 9, 11);
}

static void test_allow_partial_overlap_does_not_suppress(void **state)
{
    /* "反诈骗中" is not the whole allowed word */
    expect_one_hit(*state, "反诈骗中", "诈骗", "诈骗", 1, 3);
}

static void test_allow_list_alone_reports_nothing(void **state)
{
    json_t *r = run_check(*state, "严禁赌博", NULL, NULL, NULL);
    assert_int_equal(count_rule(r, "lexicon", NULL), 0);
    json_decref(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_allow_suppresses_hit_inside_longer_word),
        cmocka_unit_test(test_allow_matches_through_evasion),
        cmocka_unit_test(test_allow_keeps_hits_outside_the_allowed_word),
        cmocka_unit_test(test_allow_partial_overlap_does_not_suppress),
        cmocka_unit_test(test_allow_list_alone_reports_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
