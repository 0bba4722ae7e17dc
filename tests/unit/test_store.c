/*
 * test_store.c - migrations, transactions and the audit chain on a real
 * SQLite file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/audit_chain.h"
#include "store/audit.h"
#include "store/store.h"
#include "store/units.h"
#include "test_store_helpers.h"

static char path[256];

static int setup(void **state)
{
    snprintf(path, sizeof path, "/tmp/gm-test-store-%d.db", (int)getpid());
    unlink(path);
    db *d;
    gm_err err;
    assert_int_equal(store_open(&d, path, &err), 0);
    assert_int_equal(store_migrate(d, NULL, &err), 0);
    *state = d;
    return 0;
}

static int teardown(void **state)
{
    db_close(*state);
    test_remove_db(path);
    return 0;
}

static gm_actor tester(void)
{
    gm_actor a;
    actor_init_cli(&a, "tester");
    return a;
}

static void test_migrate_twice_applies_nothing_more(void **state)
{
    db *d = *state;
    gm_err err;
    int applied = -1, version = 0;
    assert_int_equal(store_migrate(d, &applied, &err), 0);
    assert_int_equal(applied, 0);
    assert_int_equal(store_schema_version(d, &version, &err), 0);
    assert_true(version >= 1);
    assert_int_equal(store_require_current(d, &err), 0);
}

static void test_foreign_keys_are_enforced(void **state)
{
    db *d = *state;
    gm_err err;
    int rc = db_exec(d, &err, "INSERT INTO units(parent_id,name,kind,created_at) VALUES(999,'x','city','t')", "");
    assert_int_equal(rc, GM_E_CONFLICT);
}

static void test_failed_action_rolls_back_whole(void **state)
{
    db *d = *state;
    gm_err err;
    gm_actor a = tester();
    long long id, n0, n1, a0, a1;
    assert_int_equal(units_add(d, &a, "根", "province", 0, &id, &err), 0);
    db_query_int(d, &n0, &err, "SELECT COUNT(*) FROM units", "");
    db_query_int(d, &a0, &err, "SELECT COUNT(*) FROM audit", "");
    /* Same name under the same parent: the insert fails after validation. */
    assert_int_equal(units_add(d, &a, "根", "province", 0, &id, &err), GM_E_CONFLICT);
    assert_string_equal(err.field, "name");
    assert_int_equal(units_add(d, &a, "子", "city", 12345, &id, &err), GM_E_INVALID);
    assert_string_equal(err.field, "parent_id");
    db_query_int(d, &n1, &err, "SELECT COUNT(*) FROM units", "");
    db_query_int(d, &a1, &err, "SELECT COUNT(*) FROM audit", "");
    assert_int_equal(n0, n1);
    assert_int_equal(a0, a1);
}

static void test_unit_path_reflects_tree(void **state)
{
    db *d = *state;
    gm_err err;
    gm_actor a = tester();
    long long root, child, grandchild;
    gm_unit u;
    assert_int_equal(units_add(d, &a, "省", "province", 0, &root, &err), 0);
    assert_int_equal(units_add(d, &a, "市", "city", root, &child, &err), 0);
    assert_int_equal(units_add(d, &a, "县", "county", child, &grandchild, &err), 0);
    assert_int_equal(units_get(d, grandchild, &u, &err), 0);
    char want[64];
    snprintf(want, sizeof want, "/%lld/%lld/%lld/", root, child, grandchild);
    assert_string_equal(u.path, want);
}

static void test_audit_chain_links_rows(void **state)
{
    db *d = *state;
    gm_err err;
    gm_actor a = tester();
    for (int i = 0; i < 5; i++) {
        assert_int_equal(db_begin(d, &err), 0);
        assert_int_equal(db_end(d, audit_append(d, &a, "test.event", "thing", "1", "", "{}", &err), &err), 0);
    }
    audit_verdict v;
    assert_int_equal(audit_verify(d, &v, &err), 0);
    assert_true(v.ok);
    assert_int_equal(v.rows, 5);
    db_stmt *q;
    assert_int_equal(db_query(d, &q, &err, "SELECT prev_hash FROM audit WHERE id=1", ""), 0);
    assert_int_equal(db_next(q), 1);
    assert_string_equal(db_text(q, 0), AUDIT_GENESIS);
    db_done(q);
}

static void test_audit_hash_depends_on_every_field(void **state)
{
    (void)state;
    gm_audit_row r = {.id = 1, .at = "t", .user_id = 2, .login = "l", .role = "r", .unit_id = 3,
                      .action = "a", .object_type = "o", .object_id = "i", .before = "b",
                      .after = "f", .client_addr = "c", .prev_hash = AUDIT_GENESIS};
    char base[AUDIT_HASH_HEX], other[AUDIT_HASH_HEX];
    audit_row_hash(&r, base);
    gm_audit_row m = r;
    m.after = "g";
    audit_row_hash(&m, other);
    assert_string_not_equal(base, other);
    m = r;
    m.unit_id = 4;
    audit_row_hash(&m, other);
    assert_string_not_equal(base, other);
    /* Length prefixes: moving a character between fields changes the hash. */
    m = r;
    m.before = "bf";
    m.after = "";
    audit_row_hash(&m, other);
    assert_string_not_equal(base, other);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_migrate_twice_applies_nothing_more, setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreign_keys_are_enforced, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_action_rolls_back_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unit_path_reflects_tree, setup, teardown),
        cmocka_unit_test_setup_teardown(test_audit_chain_links_rows, setup, teardown),
        cmocka_unit_test(test_audit_hash_depends_on_every_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
