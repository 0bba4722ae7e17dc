/*
 * test_report_security_engine.c - the assessment's veto item 安全问题
 * (report/assessment_security.c) loads its engine only when a publication
 * has no verdict kept for the engine's origin: a warm assessment never loads
 * it, a changed text or another origin does.  Real store (a demo database
 * made by the real binary, GM_BIN), real engine (the shipped data).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/assessment_security.h"
#include "test_store_helpers.h"

#define DB_PATH "test_report_security_engine.db"

typedef struct fixture {
    db *d;
    gm_checker *c;       /* what load() built (once per test) */
    int loads;           /* load() calls */
    char loaded_origin[64];
    long long hits;
} fixture;

static int count_load(void *ctx, const gm_checker **out, gm_err *err)
{
    fixture *f = ctx;
    f->loads++;
    if (!f->c) {
        const char *root = getenv("GM_SOURCE_DIR");
        char data[1024];
        snprintf(data, sizeof data, "%s/data", root ? root : ".");
        int rc = gm_checker_load_default(&f->c, data, err);
        if (rc)
            return rc;
    }
    gm_checker_set_origin(f->c, f->loaded_origin);
    *out = f->c;
    return 0;
}

static void count_hit(void *ctx, const security_hit *hit)
{
    (void)hit;
    ((fixture *)ctx)->hits++;
}

static void publish(db *d, long long id, const char *body)
{
    gm_err err;
    const char *day = "2026-03-02T02:00:00Z";
    assert_int_equal(db_exec(d, &err,
                             "INSERT INTO posts(id,unit_id,author_id,state,version,title,body,"
                             "created_at,updated_at,published_at) "
                             "VALUES(?,4,3,'published',1,'关于春季工作的通知',?,?,?,?)",
                             "ittt" "t", id, body, day, day, day), 0);
    assert_int_equal(db_exec(d, &err,
                             "INSERT INTO publications(account_id,post_id,published_at,title,url,"
                             "kind,origin,created_at) VALUES(1,?,?,'关于春季工作的通知',"
                             "'https://mp.weixin.qq.com/s/x' || ?,'original','workflow',?)",
                             "itit", id, day, id, day), 0);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    const char *bin = getenv("GM_BIN");
    char cmd[1024];
    test_remove_db(DB_PATH);
    snprintf(cmd, sizeof cmd, "%s init --db %s --demo >/dev/null", bin ? bin : "./govmedia", DB_PATH);
    assert_int_equal(system(cmd), 0);
    gm_err err;
    assert_int_equal(store_open(&f->d, DB_PATH, &err), 0);
    publish(f->d, 9001, "春季植树活动在全县展开,各单位积极参与。");
    publish(f->d, 9002, "庆祝中华人民共合国成立,全县举办升旗仪式。");
    snprintf(f->loaded_origin, sizeof f->loaded_origin, "engine=test;lists=none");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    gm_checker_unref(f->c);
    test_close_removed(f->d, DB_PATH);
    free(f);
    return 0;
}

/* One scan of unit 4's 2026 publications with an engine of origin. */
static security_counts scan(fixture *f, const char *origin)
{
    security_engine e = {.origin = origin, .load = count_load, .ctx = f};
    report_scope scope = {NULL, 4};
    security_counts n;
    gm_err err;
    f->loads = 0;
    f->hits = 0;
    assert_int_equal(assessment_security_scan(f->d, &e, &scope, "2026-01-01T00:00:00Z",
                                              "2027-01-01T00:00:00Z", count_hit, f, &n, &err), 0);
    return n;
}

static long long verdicts(fixture *f, const char *origin)
{
    long long n = -1;
    gm_err err;
    assert_int_equal(db_query_int(f->d, &n, &err, "SELECT COUNT(*) FROM security_verdicts WHERE judged_by=?",
                                  "t", origin), 0);
    return n;
}

/* §5.2 §3.4 a warm assessment judges from the kept verdicts without loading the engine. */
static void test_warm_scan_never_loads_the_engine(void **state)
{
    fixture *f = *state;
    security_counts n = scan(f, f->loaded_origin);
    assert_int_equal(f->loads, 1);
    assert_int_equal(n.judged, 2);
    assert_int_equal(n.rechecked, 2);
    assert_int_equal(f->hits, 1);   /* 中华人民共合国 */
    assert_int_equal(verdicts(f, f->loaded_origin), 2);
    n = scan(f, f->loaded_origin);
    assert_int_equal(f->loads, 0);
    assert_int_equal(n.judged, 2);
    assert_int_equal(n.rechecked, 0);
    assert_int_equal(f->hits, 1);   /* the kept verdict still names it */
}

/* A changed text is judged again, and only it loads the engine. */
static void test_changed_text_loads_the_engine_for_it_alone(void **state)
{
    fixture *f = *state;
    gm_err err;
    scan(f, f->loaded_origin);
    assert_int_equal(db_exec(f->d, &err, "UPDATE posts SET body=? WHERE id=9002", "t",
                             "庆祝中华人民共和国成立,全县举办升旗仪式。"), 0);
    security_counts n = scan(f, f->loaded_origin);
    assert_int_equal(f->loads, 1);
    assert_int_equal(n.rechecked, 1);
    assert_int_equal(f->hits, 0);
}

/* An engine that comes up with another origin than the walk looked verdicts
 * up by (a list edited meanwhile) files nothing under the walk's origin. */
static void test_engine_of_another_origin_keeps_nothing(void **state)
{
    fixture *f = *state;
    security_counts n = scan(f, "engine=before-an-edit;lists=none");
    assert_int_equal(f->loads, 1);
    assert_int_equal(n.rechecked, 2);
    assert_int_equal(f->hits, 1);
    assert_int_equal(verdicts(f, "engine=before-an-edit;lists=none"), 0);
    assert_int_equal(verdicts(f, f->loaded_origin), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_warm_scan_never_loads_the_engine, setup, teardown),
        cmocka_unit_test_setup_teardown(test_changed_text_loads_the_engine_for_it_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(test_engine_of_another_origin_keeps_nothing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
