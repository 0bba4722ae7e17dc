/*
 * test_jobs.c - the scheduler on a real SQLite file: leases, missed runs,
 * retries and the run log (jobs/scheduler.c, store/jobs.c).  Uses its own
 * job table so a job can be made to fail on purpose.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_store_helpers.h"
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/instant.h"
#include "jobs/jobs.h"
#include "store/jobs.h"
#include "store/store.h"

static char path[256];
static int calls, fail_next;

static int counting_job(gm_job_ctx *ctx, gm_err *err)
{
    calls++;
    if (fail_next > 0) {
        fail_next--;
        return gm_fail(err, GM_E_IO, NULL, "模拟失败");
    }
    snprintf(ctx->message, sizeof ctx->message, "第 %d 次调用", calls);
    return 0;
}

static const gm_job_def defs[] = {{"test.count", "daily 09:00", counting_job, "测试"}};
static const gm_job_table table = {defs, 1};

static int setup(void **state)
{
    snprintf(path, sizeof path, "/tmp/gm-test-jobs-%d.db", (int)getpid());
    db *d = test_open_migrated(path);
    calls = fail_next = 0;
    *state = d;
    return 0;
}

static int teardown(void **state)
{
    test_close_removed(*state, path);
    return 0;
}

static void set_next(db *d, const char *iso)
{
    gm_err err;
    assert_int_equal(db_exec(d, &err, "UPDATE jobs SET next_run_at=? WHERE name='test.count'", "t", iso), 0);
}

static long long count_runs(db *d, const char *status)
{
    long long n;
    gm_err err;
    assert_int_equal(db_query_int(d, &n, &err, "SELECT COUNT(*) FROM job_runs WHERE status=?", "t", status), 0);
    return n;
}

static void test_jobs_new_job_waits_for_its_first_slot(void **state)
{
    db *d = *state;
    gm_err err;
    int ran;
    long long now = time(NULL);
    assert_int_equal(jobs_sync_in(&table, d, now, &err), 0);
    assert_int_equal(jobs_run_due_in(&table, d, "a", now, "", &ran, &err), 0);
    assert_int_equal(ran, 0);
    assert_int_equal(calls, 0);
}

static void test_jobs_missed_run_runs_once_not_per_slot(void **state)
{
    db *d = *state;
    gm_err err;
    int ran;
    long long now = time(NULL);
    assert_int_equal(jobs_sync_in(&table, d, now, &err), 0);
    set_next(d, "2020-01-01T01:00:00Z");   /* years of daily slots missed */
    assert_int_equal(jobs_run_due_in(&table, d, "a", now, "", &ran, &err), 0);
    assert_int_equal(jobs_run_due_in(&table, d, "a", now, "", &ran, &err), 0);
    assert_int_equal(calls, 1);
    assert_int_equal(count_runs(d, "ok"), 1);
    long long later;
    assert_int_equal(db_query_int(d, &later, &err,
                                  "SELECT next_run_at > ? FROM jobs WHERE name='test.count'", "t",
                                  "2026-01-01T00:00:00Z"), 0);
    assert_int_equal(later, 1);
}

static void test_jobs_lease_held_by_another_runner_blocks_running(void **state)
{
    db *d = *state;
    gm_err err;
    int ran, ok;
    char msg[256];
    long long now = time(NULL);
    assert_int_equal(jobs_sync_in(&table, d, now, &err), 0);
    set_next(d, "2020-01-01T01:00:00Z");
    assert_int_equal(db_exec(d, &err, "UPDATE jobs SET lease_owner='other:1:x', lease_until='2999-01-01T00:00:00Z'", ""), 0);
    assert_int_equal(jobs_run_due_in(&table, d, "a", now, "", &ran, &err), 0);
    assert_int_equal(ran, 0);
    assert_int_equal(jobs_run_named_in(&table, d, "test.count", "a", now, "", &ok, msg, sizeof msg, &err),
                     GM_E_CONFLICT);
    assert_int_equal(calls, 0);
    /* An expired lease (its holder died) is taken over. */
    assert_int_equal(db_exec(d, &err, "UPDATE jobs SET lease_until='2020-01-01T00:00:00Z'", ""), 0);
    assert_int_equal(jobs_run_due_in(&table, d, "a", now, "", &ran, &err), 0);
    assert_int_equal(ran, 1);
    assert_int_equal(calls, 1);
}

static void test_jobs_two_runners_never_run_one_slot_twice(void **state)
{
    db *a = *state, *b;
    gm_err err;
    int ran_a, ran_b;
    long long now = time(NULL);
    assert_int_equal(store_open(&b, path, &err), 0);
    assert_int_equal(jobs_sync_in(&table, a, now, &err), 0);
    for (int round = 0; round < 5; round++) {
        set_next(a, "2020-01-01T01:00:00Z");
        assert_int_equal(jobs_run_due_in(&table, b, "runner-b", now, "", &ran_b, &err), 0);
        assert_int_equal(jobs_run_due_in(&table, a, "runner-a", now, "", &ran_a, &err), 0);
        assert_int_equal(ran_a + ran_b, 1);
    }
    assert_int_equal(calls, 5);
    db_close(b);
}

/* test.count runs daily at 09:00 Beijing time: a "now" in the half hour
 * before that slot is moved an hour on, so the test's ten minutes never
 * reach the slot (the test failed when run between 08:50 and 09:00). */
static long long clear_of_slot(long long now)
{
    long long bj = (now + 8 * 3600) % 86400;
    return bj >= 8 * 3600 + 30 * 60 && bj < 9 * 3600 ? now + 3600 : now;
}

static void test_jobs_failure_is_retried_then_waits_for_next_slot(void **state)
{
    db *d = *state;
    gm_err err;
    int ran;
    long long now = clear_of_slot(time(NULL)), attempts;
    assert_int_equal(jobs_sync_in(&table, d, now, &err), 0);
    set_next(d, "2020-01-01T01:00:00Z");
    fail_next = 5;
    /* Attempt 1 fails: retried a minute later, not before. */
    assert_int_equal(jobs_run_due_in(&table, d, "a", now, "", &ran, &err), 0);
    assert_int_equal(jobs_run_due_in(&table, d, "a", now + 30, "", &ran, &err), 0);
    assert_int_equal(calls, 1);
    assert_int_equal(jobs_run_due_in(&table, d, "a", now + 70, "", &ran, &err), 0);
    assert_int_equal(calls, 2);
    assert_int_equal(db_query_int(d, &attempts, &err, "SELECT attempts FROM jobs", ""), 0);
    assert_int_equal(attempts, 2);
    /* Attempt 3 (after 2 more minutes) is the last; then the next daily slot. */
    assert_int_equal(jobs_run_due_in(&table, d, "a", now + 200, "", &ran, &err), 0);
    assert_int_equal(calls, 3);
    assert_int_equal(jobs_run_due_in(&table, d, "a", now + 600, "", &ran, &err), 0);
    assert_int_equal(calls, 3);
    assert_int_equal(count_runs(d, "failed"), 3);
    assert_int_equal(db_query_int(d, &attempts, &err, "SELECT attempts FROM jobs", ""), 0);
    assert_int_equal(attempts, 0);
    json_t *runs;
    assert_int_equal(jobs_store_runs(d, "test.count", 10, &runs, &err), 0);
    assert_int_equal(json_array_size(runs), 3);
    assert_string_equal(json_string_value(json_object_get(json_array_get(runs, 0), "message")), "模拟失败");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(runs, 0), "attempt")), 3);
    json_decref(runs);
}

static void test_jobs_manual_run_keeps_schedule(void **state)
{
    db *d = *state;
    gm_err err;
    int ok;
    char msg[256], before[32], after[32];
    long long now = time(NULL);
    assert_int_equal(jobs_sync_in(&table, d, now, &err), 0);
    db_stmt *q;
    assert_int_equal(db_query(d, &q, &err, "SELECT next_run_at FROM jobs", ""), 0);
    assert_int_equal(db_next(q), 1);
    snprintf(before, sizeof before, "%s", db_text(q, 0));
    db_done(q);
    assert_int_equal(jobs_run_named_in(&table, d, "test.count", "op", now, "", &ok, msg, sizeof msg, &err), 0);
    assert_true(ok);
    assert_string_equal(msg, "第 1 次调用");
    assert_int_equal(db_query(d, &q, &err, "SELECT next_run_at, manual FROM jobs, job_runs", ""), 0);
    assert_int_equal(db_next(q), 1);
    snprintf(after, sizeof after, "%s", db_text(q, 0));
    assert_int_equal(db_int(q, 1), 1);
    db_done(q);
    assert_string_equal(before, after);
    assert_int_equal(jobs_run_named_in(&table, d, "nope", "op", now, "", &ok, msg, sizeof msg, &err),
                     GM_E_NOTFOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_jobs_new_job_waits_for_its_first_slot, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jobs_missed_run_runs_once_not_per_slot, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jobs_lease_held_by_another_runner_blocks_running, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jobs_two_runners_never_run_one_slot_twice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jobs_failure_is_retried_then_waits_for_next_slot, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jobs_manual_run_keeps_schedule, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
