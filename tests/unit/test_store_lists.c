/*
 * test_store_lists.c - managed lists (store/managed_lists.c) on a real
 * SQLite file: the first edit starts from the shipped default, every
 * change is a version with its diff and an audit row, bad changes change
 * nothing, and a stale version is refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_store_helpers.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/audit.h"
#include "store/managed_lists.h"
#include "store/store.h"

static char path[256];

static int setup(void **state)
{
    snprintf(path, sizeof path, "/tmp/gm-test-lists-%d.db", (int)getpid());
    db *d = test_open_migrated(path);
    *state = d;
    return 0;
}

static int teardown(void **state)
{
    test_close_removed(*state, path);
    return 0;
}

static int no_digits(void *ctx, const json_t *entries, gm_err *err)
{
    (void)ctx;
    size_t i;
    const json_t *e;
    json_array_foreach(entries, i, e)
        if (strpbrk(json_string_value(json_object_get(e, "term")), "0123456789"))
            return gm_fail(err, GM_E_INVALID, "term", "no digits");
    return 0;
}

static const managed_list_def words = {"words", "term", no_digits, NULL};

static long long audit_rows(db *d)
{
    long long n = 0;
    gm_err err;
    assert_int_equal(db_query_int(d, &n, &err, "SELECT COUNT(*) FROM audit WHERE object_type="
                                               "'managed_list'", ""), 0);
    return n;
}

static json_t *j(const char *text)
{
    json_t *v = json_loads(text, 0, NULL);
    assert_non_null(v);
    return v;
}

static void test_managed_list_first_edit_starts_from_defaults(void **state)
{
    db *d = *state;
    gm_err err;
    gm_actor a;
    actor_init_cli(&a, "admin");
    json_t *entries, *res;
    long long version;
    assert_int_equal(managed_list_get(d, "words", &entries, &version, &err), 0);
    assert_null(entries);
    assert_int_equal(version, 0);

    json_t *defaults = j("[{\"term\":\"a\",\"sev\":\"block\"},{\"term\":\"b\"}]");
    json_t *add = j("[{\"term\":\"c\"}]");
    managed_list_change ch = {.add = add, .note = "new word"};
    assert_int_equal(managed_list_apply(d, &a, &words, defaults, &ch, &res, &err), 0);
    assert_int_equal(json_integer_value(json_object_get(res, "version")), 1);
    json_t *diff = json_object_get(res, "diff");
    assert_int_equal(json_array_size(json_object_get(diff, "added")), 1);
    assert_int_equal(json_array_size(json_object_get(diff, "removed")), 0);
    json_decref(res);

    assert_int_equal(managed_list_get(d, "words", &entries, &version, &err), 0);
    assert_int_equal(version, 1);
    assert_int_equal(json_array_size(entries), 3);
    assert_string_equal(json_string_value(json_object_get(json_array_get(entries, 2), "term")),
                        "c");
    json_decref(entries);
    assert_int_equal(audit_rows(d), 1);
    json_decref(defaults);
    json_decref(add);
}

static void test_managed_list_versions_keep_who_when_diff(void **state)
{
    db *d = *state;
    gm_err err;
    gm_actor a;
    actor_init_cli(&a, "admin");
    json_t *res, *vs;
    json_t *set = j("[{\"term\":\"a\",\"sev\":\"warn\"}]"), *rm = j("[\"b\"]");
    managed_list_change ch = {.set = set, .remove = rm, .expect_version = 1};
    assert_int_equal(managed_list_apply(d, &a, &words, NULL, &ch, &res, &err), 0);
    json_decref(res);
    assert_int_equal(managed_list_versions(d, "words", 0, &vs, &err), 0);
    assert_int_equal(json_array_size(vs), 2);
    json_t *v2 = json_array_get(vs, 0);
    assert_int_equal(json_integer_value(json_object_get(v2, "version")), 2);
    assert_string_equal(json_string_value(json_object_get(v2, "login")), "cli:admin");
    json_t *changed = json_object_get(json_object_get(v2, "diff"), "changed");
    assert_int_equal(json_array_size(changed), 1);
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(json_array_get(changed, 0), "after"), "sev")),
                        "warn");
    json_decref(vs);
    json_decref(set);
    json_decref(rm);
}

static void assert_refused(db *d, const managed_list_change *ch, int code, const char *field)
{
    gm_err err;
    gm_actor a;
    actor_init_cli(&a, "admin");
    json_t *res = NULL, *before, *after;
    long long v0, v1, audits = audit_rows(d);
    assert_int_equal(managed_list_get(d, "words", &before, &v0, &err), 0);
    assert_int_equal(managed_list_apply(d, &a, &words, NULL, ch, &res, &err), code);
    assert_string_equal(err.field, field);
    assert_int_equal(managed_list_get(d, "words", &after, &v1, &err), 0);
    assert_int_equal(v0, v1);
    assert_true(json_equal(before, after));
    assert_int_equal(audit_rows(d), audits);
    json_decref(before);
    json_decref(after);
}

static void test_managed_list_bad_change_changes_nothing(void **state)
{
    db *d = *state;
    json_t *dup = j("[{\"term\":\"c\"}]"), *nokey = j("[{\"x\":1}]"), *gone = j("[\"zz\"]");
    json_t *digits = j("[{\"term\":\"d1\"}]");
    managed_list_change c1 = {.add = dup};
    assert_refused(d, &c1, GM_E_CONFLICT, "add[0].term");
    managed_list_change c2 = {.add = nokey};
    assert_refused(d, &c2, GM_E_INVALID, "add[0].term");
    managed_list_change c3 = {.remove = gone};
    assert_refused(d, &c3, GM_E_NOTFOUND, "remove[0]");
    managed_list_change c4 = {.add = digits};
    assert_refused(d, &c4, GM_E_INVALID, "term");
    managed_list_change c5 = {.remove = gone, .expect_version = 1};
    assert_refused(d, &c5, GM_E_CONFLICT, "version");
    json_decref(dup);
    json_decref(nokey);
    json_decref(gone);
    json_decref(digits);
}

static void test_managed_list_import_replaces_whole_list(void **state)
{
    db *d = *state;
    gm_err err;
    gm_actor a;
    actor_init_cli(&a, "admin");
    json_t *res, *entries, *rep = j("[{\"term\":\"x\"},{\"term\":\"a\",\"sev\":\"warn\"}]");
    long long version;
    managed_list_change ch = {.replace = rep};
    assert_int_equal(managed_list_apply(d, &a, &words, NULL, &ch, &res, &err), 0);
    json_t *diff = json_object_get(res, "diff");
    assert_int_equal(json_array_size(json_object_get(diff, "added")), 1);     /* x */
    assert_int_equal(json_array_size(json_object_get(diff, "removed")), 1);   /* c */
    assert_int_equal(json_array_size(json_object_get(diff, "changed")), 0);   /* a same */
    json_decref(res);
    assert_int_equal(managed_list_get(d, "words", &entries, &version, &err), 0);
    assert_int_equal(version, 3);
    assert_int_equal(json_array_size(entries), 2);
    json_decref(entries);
    /* the same import again changes nothing and is refused */
    assert_refused(d, &ch, GM_E_INVALID, "entries");
    json_decref(rep);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_managed_list_first_edit_starts_from_defaults),
        cmocka_unit_test(test_managed_list_versions_keep_who_when_diff),
        cmocka_unit_test(test_managed_list_bad_change_changes_nothing),
        cmocka_unit_test(test_managed_list_import_replaces_whole_list),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
