/*
 * test_check_helpers.h - shared by the test_check_*.c programs: build a
 * checker from lexicon text written to temporary files, run a check, and
 * pick findings out of the JSON report.
 */
#ifndef TEST_CHECK_HELPERS_H
#define TEST_CHECK_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "check/check.h"

/* Writes s to a new temporary file; returns its malloc'd path. */
static inline char *tmp_file(const char *s, size_t len)
{
    char *path = strdup("/tmp/gm_check_test_XXXXXX");
    assert_non_null(path);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, s, len), (ssize_t)len);
    close(fd);
    return path;
}

static inline const char *data_dir(void)
{
    const char *src = getenv("GM_SOURCE_DIR");
    static char buf[4096];
    if (src) {
        snprintf(buf, sizeof buf, "%s/data", src);
        return buf;
    }
    return GM_DATA_DIR;
}

/* A checker with the given lexicon and allow list (either may be NULL),
 * the shipped approved sources and platform presets. */
static inline gm_checker *checker_with(const char *lexicon, const char *allow)
{
    char *lp = lexicon ? tmp_file(lexicon, strlen(lexicon)) : NULL;
    char *ap = allow ? tmp_file(allow, strlen(allow)) : NULL;
    char sources[4200], platforms[4200];
    snprintf(sources, sizeof sources, "%s/check/approved_sources.txt", data_dir());
    snprintf(platforms, sizeof platforms, "%s/check/platforms.json", data_dir());
    const char *lex[1] = {lp};
    gm_checker_files f = {.lexicons = lex, .n_lexicons = lp ? 1 : 0, .allow = ap, .sources = sources, .platforms = platforms};
    gm_checker *c = NULL;
    gm_err err = {0};
    int rc = gm_checker_load(&c, &f, &err);
    if (rc)
        fprintf(stderr, "load failed: %s\n", err.message);
    assert_int_equal(rc, 0);
    if (lp)
        unlink(lp);
    if (ap)
        unlink(ap);
    free(lp);
    free(ap);
    return c;
}

/* Runs a check; fails the test on error. */
static inline json_t *run_check(const gm_checker *c, const char *text, const char *title,
                         const char *platform, const char *repost)
{
    gm_check_input in = {text, strlen(text), title, platform, repost, NULL, NULL};
    json_t *out = NULL;
    gm_err err = {0};
    int rc = gm_check_json(c, &in, &out, &err);
    if (rc)
        fprintf(stderr, "check failed: %s\n", err.message);
    assert_int_equal(rc, 0);
    assert_non_null(out);
    return out;
}

static inline size_t n_findings(const json_t *r)
{
    return json_array_size(json_object_get(r, "findings"));
}

/* The i-th finding's string member. */
static inline const char *fstr(const json_t *r, size_t i, const char *key)
{
    const json_t *f = json_array_get(json_object_get(r, "findings"), i);
    assert_non_null(f);
    const char *s = json_string_value(json_object_get(f, key));
    assert_non_null(s);
    return s;
}

static inline long long fint(const json_t *r, size_t i, const char *key)
{
    const json_t *f = json_array_get(json_object_get(r, "findings"), i);
    assert_non_null(f);
    return (long long)json_integer_value(json_object_get(f, key));
}

/* Number of findings of rule (and category, when not NULL). */
static inline size_t count_rule(const json_t *r, const char *rule, const char *category)
{
    size_t n = 0, i;
    const json_t *f;
    json_array_foreach(json_object_get(r, "findings"), i, f) {
        if (strcmp(json_string_value(json_object_get(f, "rule")), rule) == 0 &&
            (!category || strcmp(json_string_value(json_object_get(f, "category")), category) == 0))
            n++;
    }
    return n;
}

/* Asserts text yields exactly one lexicon hit of term covering match at
 * [start, end). */
static inline void expect_one_hit(const gm_checker *c, const char *text, const char *term,
                           const char *match, long long start, long long end)
{
    json_t *r = run_check(c, text, NULL, NULL, NULL);
    if (n_findings(r) != 1)
        fprintf(stderr, "text: %s -> %zu findings\n", text, n_findings(r));
    assert_int_equal(n_findings(r), 1);
    assert_string_equal(fstr(r, 0, "rule"), "lexicon");
    assert_string_equal(fstr(r, 0, "term"), term);
    assert_string_equal(fstr(r, 0, "match"), match);
    assert_int_equal(fint(r, 0, "start"), start);
    assert_int_equal(fint(r, 0, "end"), end);
    json_decref(r);
}

static inline void expect_clean(const gm_checker *c, const char *text)
{
    json_t *r = run_check(c, text, NULL, NULL, NULL);
    if (n_findings(r) != 0)
        fprintf(stderr, "expected clean, got: %s\n", json_dumps(r, JSON_COMPACT));
    assert_int_equal(n_findings(r), 0);
    assert_true(json_is_true(json_object_get(r, "ok")));
    json_decref(r);
}

/* The checker built from every shipped file (data/), for the test groups
 * that use the shipped lexicon, allow list, context words and policy:
 * cmocka_run_group_tests(tests, setup_shipped, teardown_shipped). */
static inline gm_checker **shipped_checker(void)
{
    static gm_checker *c;
    return &c;
}

static inline int setup_shipped(void **state)
{
    (void)state;
    gm_err err = {0};
    int rc = gm_checker_load_default(shipped_checker(), data_dir(), &err);
    if (rc)
        fprintf(stderr, "%s\n", err.message);
    return rc;
}

static inline int teardown_shipped(void **state)
{
    (void)state;
    gm_checker_unref(*shipped_checker());
    return 0;
}

/* text has exactly one lexicon finding: term, via ("" when literal),
 * severity. */
static inline void expect_one_lexicon(const gm_checker *c, const char *text, const char *term,
                                      const char *via, const char *sev)
{
    json_t *r = run_check(c, text, NULL, NULL, NULL);
    if (count_rule(r, "lexicon", NULL) != 1)
        fprintf(stderr, "text: %s -> %zu lexicon findings\n", text, count_rule(r, "lexicon", NULL));
    assert_int_equal(count_rule(r, "lexicon", NULL), 1);
    assert_string_equal(fstr(r, 0, "term"), term);
    const json_t *v = json_object_get(json_array_get(json_object_get(r, "findings"), 0), "via");
    assert_string_equal(v ? json_string_value(v) : "", via);
    assert_string_equal(fstr(r, 0, "severity"), sev);
    json_decref(r);
}

/* No lexicon finding on text; names the first one on stderr if there is. */
static inline void expect_lexicon_clean(const gm_checker *c, const char *text)
{
    json_t *r = run_check(c, text, NULL, NULL, NULL);
    if (count_rule(r, "lexicon", NULL) != 0)
        fprintf(stderr, "text: %s -> %s\n", text, fstr(r, 0, "term"));
    assert_int_equal(count_rule(r, "lexicon", NULL), 0);
    json_decref(r);
}

#endif
