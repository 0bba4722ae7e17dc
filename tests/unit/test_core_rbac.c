/*
 * test_core_rbac.c - the role table and unit reach (REQUIREMENTS "Users").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/actor.h"
#include "core/rbac.h"

static gm_grant grant(gm_role role, const char *path)
{
    gm_grant g = {.role = role};
    strcpy(g.unit_path, path);
    return g;
}

static void test_role_names_round_trip(void **state)
{
    (void)state;
    for (int r = 0; r < ROLE_COUNT; r++)
        assert_int_equal(role_from_name(role_name((gm_role)r)), r);
    assert_int_equal(role_from_name("emperor"), -1);
    assert_int_equal(role_from_name(NULL), -1);
}

static void test_supervisor_reaches_units_below(void **state)
{
    (void)state;
    gm_grant g = grant(ROLE_SUPERVISOR, "/1/2/");
    assert_true(rbac_allows(&g, 1, PERM_ACCOUNT_APPROVE, "/1/2/"));
    assert_true(rbac_allows(&g, 1, PERM_ACCOUNT_APPROVE, "/1/2/3/4/"));
    assert_false(rbac_allows(&g, 1, PERM_ACCOUNT_APPROVE, "/1/"));
    assert_false(rbac_allows(&g, 1, PERM_ACCOUNT_APPROVE, "/1/5/"));
}

static void test_path_prefix_is_by_segment(void **state)
{
    (void)state;
    /* "/1/2/" must not cover "/1/22/". */
    gm_grant g = grant(ROLE_SUPERVISOR, "/1/2/");
    assert_false(rbac_allows(&g, 1, PERM_ACCOUNT_READ, "/1/22/"));
}

static void test_contributor_only_own_unit(void **state)
{
    (void)state;
    gm_grant g = grant(ROLE_CONTRIBUTOR, "/1/2/3/");
    assert_true(rbac_allows(&g, 1, PERM_ACCOUNT_APPLY, "/1/2/3/"));
    assert_false(rbac_allows(&g, 1, PERM_ACCOUNT_APPLY, "/1/2/3/4/"));
    assert_false(rbac_allows(&g, 1, PERM_ACCOUNT_APPROVE, "/1/2/3/"));
}

static void test_observer_is_read_only(void **state)
{
    (void)state;
    gm_grant g = grant(ROLE_OBSERVER, "/1/");
    for (int p = PERM_UNIT_READ; p < PERM_COUNT; p++) {
        const char *name = perm_name((gm_perm)p);
        /* re-checking the archive changes nothing: an inspector's read */
        int is_read = strstr(name, ".read") != NULL || strcmp(name, "post.recheck") == 0;
        assert_int_equal(rbac_allows(&g, 1, (gm_perm)p, "/1/2/"), is_read);
    }
}

static void test_only_admin_manages_users_and_lexicons(void **state)
{
    (void)state;
    for (int r = 0; r < ROLE_COUNT; r++) {
        assert_int_equal(role_has_perm((gm_role)r, PERM_USER_WRITE), r == ROLE_ADMIN);
        assert_int_equal(role_has_perm((gm_role)r, PERM_LEXICON_ADMIN), r == ROLE_ADMIN);
    }
}

static void test_actor_takes_role_that_allows(void **state)
{
    (void)state;
    gm_actor a = {0};
    a.grants[0] = grant(ROLE_CONTRIBUTOR, "/1/2/3/");
    a.grant_units[0] = 3;
    a.grants[1] = grant(ROLE_SUPERVISOR, "/1/2/");
    a.grant_units[1] = 2;
    a.n_grants = 2;
    assert_true(actor_take_role(&a, PERM_ACCOUNT_APPROVE, "/1/2/3/"));
    assert_string_equal(a.role, "supervisor");
    assert_int_equal(a.unit_id, 2);
    assert_true(actor_take_role(&a, PERM_ACCOUNT_APPLY, "/1/2/3/"));
    assert_string_equal(a.role, "contributor");
    assert_false(actor_take_role(&a, PERM_USER_WRITE, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_role_names_round_trip),
        cmocka_unit_test(test_supervisor_reaches_units_below),
        cmocka_unit_test(test_path_prefix_is_by_segment),
        cmocka_unit_test(test_contributor_only_own_unit),
        cmocka_unit_test(test_observer_is_read_only),
        cmocka_unit_test(test_only_admin_manages_users_and_lexicons),
        cmocka_unit_test(test_actor_takes_role_that_allows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
