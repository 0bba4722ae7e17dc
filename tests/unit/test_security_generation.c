/*
 * test_security_generation.c - the security generation (migration 046) and
 * the session memo that relies on it (store/session_memo.c), on a real
 * SQLite file with a second connection standing in for another thread or
 * the CLI: every insert, update and delete of sessions, users, user_roles
 * and units moves the generation, other tables' writes do not; a kept
 * session lookup survives ordinary writes of other connections and is read
 * afresh after each security change; nothing read inside a write
 * transaction that is rolled back is ever kept.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"
#include "store/sessions.h"
#include "test_store_helpers.h"

#define TOKEN "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"
#define NOW "2026-11-24T05:00:00Z"

typedef struct fixture {
    char path[256];
    db *d, *other;
} fixture;

static void run(db *d, const char *sql)
{
    gm_err err;
    assert_int_equal(db_exec_script(d, sql, &err), 0);
}

static int setup(void **state)
{
    static fixture f;
    snprintf(f.path, sizeof f.path, "/tmp/gm-test-secgen-%d.db", (int)getpid());
    f.d = test_open_migrated(f.path);
    gm_err err;
    assert_int_equal(db_open(&f.other, f.path, &err), 0);
    run(f.other,
        "INSERT INTO units(id,parent_id,name,kind,path,created_at) "
        "VALUES(900,NULL,'测试县','county','/900/','2026-01-01T00:00:00Z');"
        "INSERT INTO users(id,login,display_name,pw_hash,created_at) "
        "VALUES(900,'tester','测试员','x','2026-01-01T00:00:00Z');"
        "INSERT INTO user_roles(user_id,unit_id,role) VALUES(900,900,'operator');"
        "INSERT INTO sessions(token_hash,user_id,csrf,created_at,expires_at) "
        "VALUES('" TOKEN "',900,'csrf1','2026-01-01T00:00:00Z','2099-01-01T00:00:00Z');"
        "CREATE TABLE scratch(a INTEGER);");
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    db_close(f->other);
    test_close_removed(f->d, f->path);
    return 0;
}

static long long generation(db *d)
{
    long long g = -1;
    gm_err err;
    assert_int_equal(db_query_int(d, &g, &err, "SELECT value FROM security_generation WHERE id=1", ""),
                     0);
    return g;
}

static void test_every_change_to_sessions_users_grants_or_units_moves_the_generation(void **state)
{
    fixture *f = *state;
    static const char *const changes[] = {
        "INSERT INTO units(id,parent_id,name,kind,path,created_at) "
        "VALUES(901,900,'乡','township','/900/901/','2026-01-01T00:00:00Z')",
        "UPDATE units SET path='/900/9010/' WHERE id=901",
        "INSERT INTO users(id,login,display_name,pw_hash,created_at) "
        "VALUES(901,'second','第二','x','2026-01-01T00:00:00Z')",
        "UPDATE users SET disabled=1 WHERE id=901",
        "INSERT INTO user_roles(user_id,unit_id,role) VALUES(901,901,'observer')",
        "UPDATE user_roles SET role='leader' WHERE user_id=901",
        "INSERT INTO sessions(token_hash,user_id,csrf,created_at,expires_at) "
        "VALUES('other',901,'c','2026-01-01T00:00:00Z','2099-01-01T00:00:00Z')",
        "UPDATE sessions SET expires_at='2098-01-01T00:00:00Z' WHERE token_hash='other'",
        "DELETE FROM sessions WHERE token_hash='other'",
        "DELETE FROM user_roles WHERE user_id=901",
        "DELETE FROM users WHERE id=901",
        "DELETE FROM units WHERE id=901",
    };
    for (size_t i = 0; i < sizeof changes / sizeof changes[0]; i++) {
        long long before = generation(f->d);
        run(f->other, changes[i]);
        long long after = generation(f->d);
        if (after <= before)
            fail_msg("the generation did not move for: %s", changes[i]);
    }
}

static void test_other_tables_writes_leave_the_generation(void **state)
{
    fixture *f = *state;
    long long before = generation(f->d);
    run(f->other, "INSERT INTO scratch VALUES(1); UPDATE scratch SET a=2; DELETE FROM scratch;");
    assert_int_equal(generation(f->d), before);
}

static void load(db *d, gm_actor *a)
{
    char csrf[SESSION_TOKEN_HEX];
    gm_err err;
    memset(a, 0, sizeof *a);
    assert_int_equal(sessions_load_actor(d, TOKEN, NOW, a, csrf, &err), 0);
}

/* Renames the user without moving the generation (its trigger dropped for
 * the moment): only a kept lookup still says the old name. */
static void rename_unseen(db *other, const char *login)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "DROP TRIGGER users_moves_security_generation_on_update;"
             "UPDATE users SET login='%s' WHERE id=900;"
             "CREATE TRIGGER users_moves_security_generation_on_update AFTER UPDATE ON users "
             "BEGIN UPDATE security_generation SET value = value + 1 WHERE id = 1; END;",
             login);
    run(other, sql);
}

static void test_kept_lookup_survives_ordinary_writes_of_other_connections(void **state)
{
    fixture *f = *state;
    gm_actor a;
    load(f->d, &a);
    assert_string_equal(a.login, "tester");
    run(f->other, "INSERT INTO scratch VALUES(7)");   /* moves the stamp, not the generation */
    rename_unseen(f->other, "renamed");
    load(f->d, &a);
    assert_string_equal(a.login, "tester");   /* kept: the generation says nothing changed */
    run(f->other, "UPDATE user_roles SET role='leader' WHERE user_id=900");
    load(f->d, &a);
    assert_string_equal(a.login, "renamed");   /* a security change: read afresh */
    assert_int_equal(a.n_grants, 1);
    assert_int_equal(a.grants[0].role, ROLE_LEADER);
}

static void test_security_changes_of_other_connections_are_seen_at_once(void **state)
{
    fixture *f = *state;
    gm_actor a;
    char csrf[SESSION_TOKEN_HEX];
    gm_err err;
    load(f->d, &a);
    run(f->other, "UPDATE units SET path='/0/900/' WHERE id=900");
    load(f->d, &a);
    assert_string_equal(a.grants[0].unit_path, "/0/900/");
    run(f->other, "UPDATE users SET disabled=1 WHERE id=900");
    assert_int_equal(sessions_load_actor(f->d, TOKEN, NOW, &a, csrf, &err), GM_E_AUTH);
    run(f->other, "UPDATE users SET disabled=0 WHERE id=900");
    load(f->d, &a);
    run(f->other, "DELETE FROM sessions WHERE token_hash='" TOKEN "'");
    assert_int_equal(sessions_load_actor(f->d, TOKEN, NOW, &a, csrf, &err), GM_E_AUTH);
}

static void test_nothing_read_in_a_rolled_back_write_is_kept(void **state)
{
    fixture *f = *state;
    gm_actor a;
    gm_err err;
    load(f->d, &a);
    assert_int_equal(a.grants[0].role, ROLE_OPERATOR);
    /* A write transaction grants leader, looks the session up, rolls back. */
    assert_int_equal(db_begin(f->d, &err), 0);
    run(f->d, "UPDATE user_roles SET role='leader' WHERE user_id=900");
    load(f->d, &a);
    assert_int_equal(a.grants[0].role, ROLE_LEADER);
    db_rollback(f->d);
    /* Another connection makes the same number of security changes, but
     * different ones: the generation is the one the rolled-back read saw. */
    run(f->other, "UPDATE user_roles SET role='observer' WHERE user_id=900");
    load(f->d, &a);
    assert_int_equal(a.grants[0].role, ROLE_OBSERVER);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            test_every_change_to_sessions_users_grants_or_units_moves_the_generation, setup,
            teardown),
        cmocka_unit_test_setup_teardown(test_other_tables_writes_leave_the_generation, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_kept_lookup_survives_ordinary_writes_of_other_connections, setup, teardown),
        cmocka_unit_test_setup_teardown(test_security_changes_of_other_connections_are_seen_at_once,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_nothing_read_in_a_rolled_back_write_is_kept, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
