/*
 * test_core_assessment.c - assessment schemes and scoring (core/assessment.c):
 * the national preset, veto items, the 2024 rule against 指尖上的形式主义.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/assessment.h"

static void test_assessment_government_preset_has_no_vanity_metric(void **state)
{
    (void)state;
    gm_scheme s;
    gm_err err;
    assessment_default_scheme(&s);
    double points = 0;
    for (size_t i = 0; i < s.n; i++) {
        const gm_indicator_def *d = assessment_indicator(s.items[i].code);
        assert_non_null(d);
        assert_false(d->vanity);
        if (d->kind == IND_SCORE)
            points += s.items[i].weight;
    }
    assert_true(points == 100);
    assert_int_equal(assessment_scheme_validate(&s, 1, &err), 0);
}

static void add_item(gm_scheme *s, const char *code, double w)
{
    snprintf(s->items[s->n].code, sizeof s->items[s->n].code, "%s", code);
    s->items[s->n].weight = w;
    s->items[s->n++].target = 0;
}

static void test_assessment_refuses_likes_for_government_citing_2024_rule(void **state)
{
    (void)state;
    const char *vanity[] = {"likes", "follows", "forwards", "reads", "reading_time"};
    for (size_t i = 0; i < sizeof vanity / sizeof vanity[0]; i++) {
        gm_scheme s;
        gm_err err;
        assessment_default_scheme(&s);
        add_item(&s, vanity[i], 10);
        assert_int_equal(assessment_scheme_validate(&s, 1, &err), GM_E_INVALID);
        assert_string_equal(err.field, "indicators[8].code");
        assert_non_null(strstr(err.message, "指尖上的形式主义"));
        /* A company, school or association may use it. */
        assert_int_equal(assessment_scheme_validate(&s, 0, &err), 0);
    }
    assert_true(assessment_unit_is_government("county"));
    assert_true(assessment_unit_is_government("department"));
    assert_false(assessment_unit_is_government("organisation"));
}

static void test_assessment_rejects_unknown_duplicate_and_bad_weights(void **state)
{
    (void)state;
    gm_scheme s = {0};
    gm_err err;
    assert_int_equal(assessment_scheme_validate(&s, 1, &err), GM_E_INVALID);
    add_item(&s, "timeliness", 50);
    add_item(&s, "nonsense", 10);
    assert_int_equal(assessment_scheme_validate(&s, 1, &err), GM_E_INVALID);
    assert_string_equal(err.field, "indicators[1].code");
    s.n = 1;
    add_item(&s, "timeliness", 10);
    assert_int_equal(assessment_scheme_validate(&s, 1, &err), GM_E_INVALID);
    s.n = 1;
    add_item(&s, "veto_security", 5);
    assert_int_equal(assessment_scheme_validate(&s, 1, &err), GM_E_INVALID);
    assert_string_equal(err.field, "indicators[1].weight");
    s.n = 1;
    add_item(&s, "originality", 0);
    assert_int_equal(assessment_scheme_validate(&s, 1, &err), GM_E_INVALID);
}

static void test_assessment_scores_veto_fails_and_missing_data_scales(void **state)
{
    (void)state;
    gm_scheme s;
    assessment_default_scheme(&s);
    /* veto_security, veto_inactivity, veto_interaction, timeliness, originality,
     * replies, consolidation, originals_bonus */
    gm_indicator_value v[] = {{1, 0}, {1, 0}, {0, 0}, {1, 0.9}, {1, 0.25}, {0, 0}, {1, 1.0}, {1, 100}};
    gm_indicator_score sc[8];
    gm_assessment_total t;
    assessment_score(&s, v, sc, &t);
    /* (27 + 10 + 20) of 70 points with data -> 81.43, + 5 bonus (100 of 200 originals). */
    assert_true(sc[3].points > 26.99 && sc[3].points < 27.01);
    assert_true(t.total > 86.4 && t.total < 86.5);
    assert_string_equal(t.grade, "良好");
    assert_false(t.vetoed);
    v[1].value = 2;   /* two accounts found two weeks without update at a quarterly check */
    assessment_score(&s, v, sc, &t);
    assert_true(t.vetoed);
    assert_true(sc[1].vetoed);
    assert_string_equal(t.grade, "不合格(单项否决)");
    v[1].value = 0;
    v[3].value = 0.2;
    v[4].value = 0.05;
    v[6].value = 0.3;
    v[7].value = 0;
    assessment_score(&s, v, sc, &t);
    assert_true(t.total < 60);
    assert_string_equal(t.grade, "不合格");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_assessment_government_preset_has_no_vanity_metric),
        cmocka_unit_test(test_assessment_refuses_likes_for_government_citing_2024_rule),
        cmocka_unit_test(test_assessment_rejects_unknown_duplicate_and_bad_weights),
        cmocka_unit_test(test_assessment_scores_veto_fails_and_missing_data_scales),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
