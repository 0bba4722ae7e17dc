/*
 * test_check_threads.c - a loaded checker is shared by server threads:
 * concurrent checks on one checker give the same report as a lone check,
 * and references taken and dropped concurrently free it exactly once
 * (ASan reports a leak or a double free otherwise).
 */
#include <pthread.h>

#include "test_check_helpers.h"

#define THREADS 4
#define ROUNDS 200

static const char *TEXT = "網 傳：賭博😀网站，电话13812345678，严禁赌博。";

typedef struct job {
    gm_checker *c;
    const char *want;
    int mismatches;
} job;

static char *report(gm_checker *c)
{
    gm_check_input in = {TEXT, strlen(TEXT), "标题", "weibo", "新华社", NULL, NULL};
    json_t *out = NULL;
    gm_err err = {0};
    if (gm_check_json(c, &in, &out, &err) != 0)
        return NULL;
    char *s = json_dumps(out, JSON_COMPACT);
    json_decref(out);
    return s;
}

static void *worker(void *arg)
{
    job *j = arg;
    for (int i = 0; i < ROUNDS; i++) {
        gm_checker_ref(j->c);          /* a request takes the current checker */
        char *got = report(j->c);
        if (!got || strcmp(got, j->want) != 0)
            j->mismatches++;
        free(got);
        gm_checker_unref(j->c);        /* and drops it when done */
    }
    return NULL;
}

static void test_checker_shared_by_threads(void **state)
{
    (void)state;
    gm_checker *c = checker_with("赌博\tgambling\tblock\n网传\trumour\twarn\n", "严禁赌博\n");
    char *want = report(c);
    assert_non_null(want);
    assert_non_null(strstr(want, "\"match\":\"賭博\""));
    pthread_t th[THREADS];
    job jobs[THREADS];
    for (int i = 0; i < THREADS; i++) {
        jobs[i] = (job){c, want, 0};
        assert_int_equal(pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_join(th[i], NULL), 0);
        assert_int_equal(jobs[i].mismatches, 0);
    }
    free(want);
    gm_checker_unref(c);   /* the last reference: freed here */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_checker_shared_by_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
