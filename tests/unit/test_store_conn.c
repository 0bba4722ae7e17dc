/*
 * test_store_conn.c - kept connections and their statement cache (issue 13)
 * on a real SQLite file: a cached statement sees another connection's
 * schema change and committed rows, a nested loop over the same SQL works,
 * the cache stays bounded, and each thread keeps its own connection.
 * With a server's upkeep started, every connection's write transactions
 * run on the one shared writer (its page cache stays current), statements
 * stay on the connection they started on, and a transaction left open is
 * rolled back on the shared writer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"
#include "store/stmt_cache.h"
#include "test_store_helpers.h"

static char path[256];

static void remove_db(void) { test_remove_db(path); }

static int setup(void **state)
{
    snprintf(path, sizeof path, "/tmp/gm-test-conn-%d.db", (int)getpid());
    remove_db();
    db *d;
    gm_err err;
    assert_int_equal(db_open(&d, path, &err), 0);
    assert_int_equal(db_exec_script(d, "CREATE TABLE t(a INTEGER); INSERT INTO t VALUES(1),(2),(3);",
                                    &err), 0);
    *state = d;
    return 0;
}

static int teardown(void **state)
{
    db_close(*state);
    remove_db();
    return 0;
}

static int columns_of_select_star(db *d)
{
    long long n = -1;
    gm_err err;
    /* The same SQL text every time: served from the cache after the first. */
    assert_int_equal(db_query_int(d, &n, &err, "SELECT COUNT(*) FROM pragma_table_info('t')", ""), 0);
    return (int)n;
}

static void test_cached_statement_sees_schema_changed_by_another_connection(void **state)
{
    db *d = *state, *other;
    gm_err err;
    db_stmt *q;
    assert_int_equal(db_query(d, &q, &err, "SELECT * FROM t ORDER BY a", ""), 0);
    assert_int_equal(db_next(q), 1);
    assert_string_equal(db_text(q, 1), "");   /* no second column yet */
    db_done(q);
    assert_int_equal(columns_of_select_star(d), 1);

    assert_int_equal(db_open(&other, path, &err), 0);   /* like `govmedia init` migrating */
    assert_int_equal(db_exec_script(other, "ALTER TABLE t ADD COLUMN b TEXT DEFAULT 'new'", &err), 0);
    db_close(other);

    assert_int_equal(columns_of_select_star(d), 2);
    assert_int_equal(db_query(d, &q, &err, "SELECT * FROM t ORDER BY a", ""), 0);
    assert_int_equal(db_next(q), 1);
    assert_string_equal(db_text(q, 1), "new");
    db_done(q);
}

static long long count_rows(db *d)
{
    long long n = -1;
    gm_err err;
    assert_int_equal(db_query_int(d, &n, &err, "SELECT COUNT(*) FROM t", ""), 0);
    return n;
}

static void test_cached_statement_sees_rows_committed_elsewhere(void **state)
{
    db *d = *state, *other;
    gm_err err;
    assert_int_equal(count_rows(d), 3);
    assert_int_equal(db_open(&other, path, &err), 0);
    assert_int_equal(db_begin(other, &err), 0);
    assert_int_equal(db_exec(other, &err, "INSERT INTO t(a) VALUES(?)", "i", 4LL), 0);
    assert_int_equal(db_commit(other, &err), 0);
    db_close(other);
    assert_int_equal(count_rows(d), 4);
}

static void test_nested_loops_over_the_same_sql_both_run(void **state)
{
    db *d = *state;
    gm_err err;
    const char *sql = "SELECT a FROM t WHERE a >= ? ORDER BY a";
    db_stmt *outer, *inner;
    long long pairs = 0;
    assert_int_equal(db_query(d, &outer, &err, sql, "i", 1LL), 0);
    while (db_next(outer) == 1) {
        assert_int_equal(db_query(d, &inner, &err, sql, "i", db_int(outer, 0)), 0);
        while (db_next(inner) == 1)
            pairs++;
        db_done(inner);
    }
    db_done(outer);
    assert_int_equal(pairs, 3 + 2 + 1);
}

static void test_failed_statement_leaves_the_cache_usable(void **state)
{
    db *d = *state;
    gm_err err;
    assert_int_equal(db_exec_script(d, "CREATE UNIQUE INDEX t_a ON t(a)", &err), 0);
    const char *ins = "INSERT INTO t(a) VALUES(?)";
    assert_int_equal(db_exec(d, &err, ins, "i", 1LL), GM_E_CONFLICT);
    assert_int_equal(db_exec(d, &err, ins, "i", 10LL), 0);
    assert_int_equal(count_rows(d), 4);
}

static void test_release_rolls_back_and_resets_what_a_caller_left_open(void **state)
{
    db *d = *state;
    gm_err err;
    db_stmt *forgotten;
    assert_int_equal(db_query(d, &forgotten, &err, "SELECT a FROM t", ""), 0);
    assert_int_equal(db_next(forgotten), 1);
    assert_int_equal(db_begin(d, &err), 0);
    assert_int_equal(db_exec(d, &err, "INSERT INTO t(a) VALUES(99)", ""), 0);
    db_release(d);
    assert_int_equal(count_rows(d), 3);
    assert_int_equal(db_begin(d, &err), 0);   /* no transaction left open */
    assert_int_equal(db_commit(d, &err), 0);
    db_done(forgotten);
}

static void count_free(void *h) { (*(int *)h)++; }

static void test_statement_cache_is_bounded_and_frees_the_oldest_idle(void **state)
{
    (void)state;
    int freed = 0;
    stmt_cache *c = stmt_cache_new(2, count_free);
    void *h;
    assert_int_equal(stmt_cache_take(c, "A", &h), STMT_CACHE_ABSENT);
    int a = stmt_cache_put(c, "A", &freed);
    assert_int_equal(stmt_cache_take(c, "A", &h), STMT_CACHE_BUSY);
    stmt_cache_give_back(c, a);
    stmt_cache_give_back(c, stmt_cache_put(c, "B", &freed));
    int again = stmt_cache_take(c, "A", &h);                 /* A now newer than B */
    assert_int_equal(again, a);
    stmt_cache_give_back(c, again);
    stmt_cache_give_back(c, stmt_cache_put(c, "C", &freed)); /* evicts B */
    assert_int_equal(freed, 1);
    assert_int_equal(stmt_cache_count(c), 2);
    assert_int_equal(stmt_cache_take(c, "B", &h), STMT_CACHE_ABSENT);
    stmt_cache_free(c);
    assert_int_equal(freed, 3);
}

static void *thread_conn(void *out)
{
    gm_err err;
    db *d1, *d2;
    int fresh1, fresh2;
    assert_int_equal(db_thread_get(&d1, path, &fresh1, &err), 0);
    assert_int_equal(db_thread_get(&d2, path, &fresh2, &err), 0);
    assert_int_equal(fresh1, 1);
    assert_int_equal(fresh2, 0);
    assert_ptr_equal(d1, d2);
    assert_int_equal(count_rows(d1), 3);
    db_release(d1);
    *(db **)out = d1;
    return NULL;   /* the key's destructor closes d1 here */
}

static void test_each_thread_keeps_its_own_connection(void **state)
{
    (void)state;
    db *a = NULL, *b = NULL;
    pthread_t ta, tb;
    pthread_create(&ta, NULL, thread_conn, &a);
    pthread_join(ta, NULL);
    pthread_create(&tb, NULL, thread_conn, &b);
    pthread_join(tb, NULL);
    assert_non_null(a);
    assert_non_null(b);
}

/* ---- the shared writer (db_upkeep_start) ---- */

static int setup_shared(void **state)
{
    setup(state);
    gm_err err;
    assert_int_equal(db_upkeep_start(path, &err), 0);
    return 0;
}

static int teardown_shared(void **state)
{
    db_upkeep_stop();
    return teardown(state);
}

/* The connection a write transaction of d runs on (its stamp's serial). */
static unsigned long long writing_connection(db *d)
{
    gm_err err;
    db_stamp in, out;
    assert_int_equal(db_stamp_take(d, &out, &err), 0);
    assert_int_equal(db_begin(d, &err), 0);
    assert_int_equal(db_stamp_take(d, &in, &err), 0);
    assert_int_equal(db_exec(d, &err, "INSERT INTO t(a) VALUES(?)", "i", 50LL), 0);
    assert_int_equal(db_commit(d, &err), 0);
    assert_int_not_equal(in.connection, out.connection);
    return in.connection;
}

static void test_writes_of_every_connection_run_on_the_shared_writer(void **state)
{
    db *d = *state, *other;
    gm_err err;
    assert_int_equal(db_open(&other, path, &err), 0);
    assert_int_equal(writing_connection(d), writing_connection(other));
    assert_int_equal(count_rows(d), 5);
    assert_int_equal(count_rows(other), 5);
    db_close(other);
}

static void test_statement_begun_before_a_write_ends_on_its_own_connection(void **state)
{
    db *d = *state;
    gm_err err;
    const char *sql = "SELECT a FROM t ORDER BY a";
    db_stmt *q;
    long long seen = 0;
    assert_int_equal(db_query(d, &q, &err, sql, ""), 0);
    while (db_next(q) == 1) {
        seen++;
        assert_int_equal(db_begin(d, &err), 0);
        assert_int_equal(db_exec(d, &err, "INSERT INTO t(a) VALUES(?)", "i", 100 + seen), 0);
        assert_int_equal(db_commit(d, &err), 0);
    }
    db_done(q);
    assert_int_equal(seen, 3);   /* its snapshot: the rows before the loop */
    assert_int_equal(count_rows(d), 6);
    /* Both statement caches still hand out working statements. */
    assert_int_equal(db_query(d, &q, &err, sql, ""), 0);
    assert_int_equal(db_next(q), 1);
    db_done(q);
    assert_int_equal(db_begin(d, &err), 0);
    assert_int_equal(db_query(d, &q, &err, sql, ""), 0);
    assert_int_equal(db_next(q), 1);
    db_done(q);
    db_rollback(d);
}

static void test_release_rolls_back_the_shared_writer(void **state)
{
    db *d = *state, *other;
    gm_err err;
    db_stmt *forgotten;
    assert_int_equal(db_open(&other, path, &err), 0);
    assert_int_equal(db_begin(d, &err), 0);
    assert_int_equal(db_exec(d, &err, "INSERT INTO t(a) VALUES(99)", ""), 0);
    assert_int_equal(db_query(d, &forgotten, &err, "SELECT a FROM t", ""), 0);
    assert_int_equal(db_next(forgotten), 1);
    db_release(d);
    db_done(forgotten);
    assert_int_equal(db_begin(other, &err), 0);   /* the writer is free and clean */
    assert_int_equal(db_exec(other, &err, "INSERT INTO t(a) VALUES(7)", ""), 0);
    assert_int_equal(db_commit(other, &err), 0);
    assert_int_equal(count_rows(d), 4);
    db_close(other);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_cached_statement_sees_schema_changed_by_another_connection,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_cached_statement_sees_rows_committed_elsewhere, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_nested_loops_over_the_same_sql_both_run, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_statement_leaves_the_cache_usable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_release_rolls_back_and_resets_what_a_caller_left_open,
                                        setup, teardown),
        cmocka_unit_test(test_statement_cache_is_bounded_and_frees_the_oldest_idle),
        cmocka_unit_test_setup_teardown(test_each_thread_keeps_its_own_connection, setup, teardown),
        cmocka_unit_test_setup_teardown(test_writes_of_every_connection_run_on_the_shared_writer,
                                        setup_shared, teardown_shared),
        cmocka_unit_test_setup_teardown(test_statement_begun_before_a_write_ends_on_its_own_connection,
                                        setup_shared, teardown_shared),
        cmocka_unit_test_setup_teardown(test_release_rolls_back_the_shared_writer, setup_shared,
                                        teardown_shared),
        cmocka_unit_test_setup_teardown(test_release_rolls_back_and_resets_what_a_caller_left_open,
                                        setup_shared, teardown_shared),
        cmocka_unit_test_setup_teardown(test_cached_statement_sees_rows_committed_elsewhere,
                                        setup_shared, teardown_shared),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
