/*
 * test_core_post.c - the review workflow's rules (core/post.c), without a
 * database: states, policies and presets, approval and mass-send rules,
 * how findings count.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/post.h"

static void test_post_state_machine_allows_only_legal_steps(void **state)
{
    (void)state;
    gm_err err;
    assert_int_equal(post_event_check(POST_DRAFT, POST_SUBMIT, &err), GM_OK);
    assert_int_equal(post_event_check(POST_RETURNED, POST_EDIT, &err), GM_OK);
    assert_int_equal(post_event_check(POST_DRAFT, POST_APPROVE, &err), GM_E_CONFLICT);
    assert_string_equal(err.field, "state");
    assert_int_equal(post_event_check(POST_IN_REVIEW, POST_EDIT, &err), GM_E_CONFLICT);
    assert_int_equal(post_event_check(POST_IN_REVIEW, POST_PUBLISH, &err), GM_E_CONFLICT);
    assert_int_equal(post_event_check(POST_APPROVED, POST_PUBLISH, &err), GM_OK);
    assert_int_equal(post_event_check(POST_PUBLISHED, POST_PUBLISH, &err), GM_OK);
}

static void test_published_post_is_immutable(void **state)
{
    (void)state;
    gm_err err;
    assert_int_equal(post_event_check(POST_PUBLISHED, POST_EDIT, &err), GM_E_CONFLICT);
    assert_non_null(strstr(err.message, "更正"));
    assert_int_equal(post_event_check(POST_PUBLISHED, POST_WITHDRAW, &err), GM_E_CONFLICT);
}

static void test_review_levels_per_unit_policy_and_presets(void **state)
{
    (void)state;
    gm_err err;
    gm_review_policy p;
    gm_role chain[8];
    review_policy_default(&p);
    assert_int_equal(review_chain(&p, false, chain, 8), 2);
    assert_int_equal(chain[0], ROLE_DEPARTMENT_HEAD);
    assert_int_equal(chain[1], ROLE_LEADER);
    assert_int_equal(review_chain(&p, true, chain, 8), 3);
    assert_int_equal(chain[2], ROLE_PRINCIPAL);
    assert_int_equal(p.overdue_days, 2);
    assert_int_equal(review_policy_preset("single_level", &p, &err), GM_OK);
    assert_int_equal(review_chain(&p, false, chain, 8), 1);
    assert_int_equal(review_policy_preset("nope", &p, &err), GM_E_INVALID);
    assert_string_equal(err.field, "preset");
}

static void test_review_policy_validation_names_the_field(void **state)
{
    (void)state;
    gm_err err;
    gm_review_policy p;
    json_t *j = json_pack("{s:[s,s]}", "levels", "leader", "leader");
    assert_int_equal(review_policy_from_json(j, &p, &err), GM_E_INVALID);
    assert_string_equal(err.field, "levels");
    json_decref(j);
    j = json_pack("{s:[s]}", "levels", "operator");
    assert_int_equal(review_policy_from_json(j, &p, &err), GM_E_INVALID);
    json_decref(j);
    j = json_pack("{s:[s],s:[s]}", "levels", "leader", "major_extra", "leader");
    assert_int_equal(review_policy_from_json(j, &p, &err), GM_E_INVALID);
    assert_string_equal(err.field, "major_extra");
    json_decref(j);
    j = json_pack("{s:[s,s],s:i}", "levels", "department_head", "principal", "overdue_days", 0);
    assert_int_equal(review_policy_from_json(j, &p, &err), GM_E_INVALID);
    assert_string_equal(err.field, "overdue_days");
    json_decref(j);
}

/* A stored policy holds its preset's name with its chain; read back it is
 * still that preset (the console shows the preset's label), unless the chain
 * differs from the preset's. */
static void test_review_policy_stored_preset_reads_back_as_the_preset(void **state)
{
    (void)state;
    gm_err err;
    gm_review_policy p, back;
    assert_int_equal(review_policy_preset("three_level", &p, &err), GM_OK);
    p.overdue_days = 3;
    json_t *j = review_policy_to_json(&p);
    assert_int_equal(review_policy_from_json(j, &back, &err), GM_OK);
    assert_string_equal(back.preset, "three_level");
    assert_int_equal(back.overdue_days, 3);
    json_decref(j);
    j = json_pack("{s:s,s:[s]}", "preset", "three_level", "levels", "leader");
    assert_int_equal(review_policy_from_json(j, &back, &err), GM_OK);
    assert_string_equal(back.preset, "custom");
    json_decref(j);
}

static void test_approval_rules_author_level_override_confidentiality(void **state)
{
    (void)state;
    gm_err err;
    gm_approval a = {.is_author = true, .holds_level_role = true, .level = 1, .n_levels = 2};
    assert_int_equal(post_approval_check(&a, &err), GM_E_DENIED);
    assert_string_equal(err.field, "author");
    a.is_author = false;
    a.holds_level_role = false;
    assert_int_equal(post_approval_check(&a, &err), GM_E_DENIED);
    assert_string_equal(err.field, "level_role");
    a.holds_level_role = true;
    a.warns = 1;
    assert_int_equal(post_approval_check(&a, &err), GM_E_INVALID);
    assert_string_equal(err.field, "override_reason");
    a.override_reason = "已核实";
    assert_int_equal(post_approval_check(&a, &err), GM_OK);
    a.level = 2;
    assert_int_equal(post_approval_check(&a, &err), GM_E_INVALID);
    assert_string_equal(err.field, "confidentiality");
    a.confidentiality = true;
    assert_int_equal(post_approval_check(&a, &err), GM_OK);
}

static void test_wechat_mass_send_once_a_day_after_preview(void **state)
{
    (void)state;
    gm_err err;
    assert_int_equal(post_mass_send_check("wechat", true, 0, &err), GM_OK);
    assert_int_equal(post_mass_send_check("wechat", false, 0, &err), GM_E_CONFLICT);
    assert_string_equal(err.field, "mass_send");
    assert_int_equal(post_mass_send_check("wechat", true, 1, &err), GM_E_CONFLICT);
    assert_int_equal(post_mass_send_check("weibo", true, 0, &err), GM_E_CONFLICT);
}

static void test_unapproved_repost_source_is_a_warning_missing_source_blocks(void **state)
{
    (void)state;
    json_t *f = json_pack("[{s:s,s:s,s:s},{s:s,s:s,s:s}]", "rule", "source", "category",
                          "unapproved", "severity", "block", "rule", "source", "category",
                          "missing", "severity", "block");
    int blocks, warns;
    post_findings_adjust(f);
    post_findings_count(f, &blocks, &warns);
    assert_int_equal(blocks, 1);
    assert_int_equal(warns, 1);
    json_decref(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_post_state_machine_allows_only_legal_steps),
        cmocka_unit_test(test_published_post_is_immutable),
        cmocka_unit_test(test_review_levels_per_unit_policy_and_presets),
        cmocka_unit_test(test_review_policy_validation_names_the_field),
        cmocka_unit_test(test_review_policy_stored_preset_reads_back_as_the_preset),
        cmocka_unit_test(test_approval_rules_author_level_override_confidentiality),
        cmocka_unit_test(test_wechat_mass_send_once_a_day_after_preview),
        cmocka_unit_test(test_unapproved_repost_source_is_a_warning_missing_source_blocks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
