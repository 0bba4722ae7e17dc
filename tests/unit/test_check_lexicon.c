/*
 * test_check_lexicon.c - lexicon files are data: format, categories and
 * severities, several files combining, duplicates merged with a note, and
 * clear errors naming file and line for empty terms, bad severities and
 * invalid UTF-8.
 */
#include "test_check_helpers.h"

#include "check/lexicon.h"

static int parse(gm_lexicon *lx, const char *text, gm_err *err)
{
    return gm_lexicon_parse(lx, "test.txt", text, strlen(text), 0, err);
}

static void expect_error(const char *text, const char *needle)
{
    gm_lexicon lx = {0};
    gm_err err = {0};
    assert_int_equal(parse(&lx, text, &err), GM_E_INVALID);
    if (!strstr(err.message, needle))
        fprintf(stderr, "message: %s (wanted %s)\n", err.message, needle);
    assert_non_null(strstr(err.message, needle));
    assert_non_null(strstr(err.message, "test.txt"));
    assert_int_equal(lx.n, 0);   /* nothing half loaded */
    gm_lexicon_free(&lx);
}

static void test_lexicon_format_fields(void **state)
{
    (void)state;
    gm_lexicon lx = {0};
    gm_err err = {0};
    assert_int_equal(parse(&lx, "# comment\n\n赌博\tgambling\tblock\n网传\trumour\twarn  # why\n裸词\n", &err), 0);
    assert_int_equal(lx.n, 3);
    assert_string_equal(lx.terms[0].category, "gambling");
    assert_int_equal(lx.terms[0].severity, GM_SEV_BLOCK);
    assert_int_equal(lx.terms[1].severity, GM_SEV_WARN);
    assert_string_equal(lx.terms[2].category, "general");
    assert_int_equal(lx.terms[2].severity, GM_SEV_BLOCK);
    assert_int_equal(lx.terms[1].line, 4);
    gm_lexicon_free(&lx);
}

/* Issue 8 item 12: a term written twice, or in its traditional and its
 * simplified form (乾性 / 干性), is one entry with the stricter severity and
 * a note naming both lines, not an error refusing the whole file. */
static void expect_merged(const char *text, size_t terms, int severity, const char *needle)
{
    gm_lexicon lx = {0};
    gm_err err = {0};
    assert_int_equal(parse(&lx, text, &err), 0);
    assert_int_equal(lx.n, terms);
    assert_int_equal(lx.terms[0].severity, severity);
    assert_int_equal(lx.nmerges, 1);
    if (!strstr(lx.merges[0], needle))
        fprintf(stderr, "merge note: %s (wanted %s)\n", lx.merges[0], needle);
    assert_non_null(strstr(lx.merges[0], needle));
    gm_lexicon_free(&lx);
}

static void test_item12_lexicon_duplicate_term_is_merged_naming_lines(void **state)
{
    (void)state;
    expect_merged("赌博\n其他\n赌博\n", 2, GM_SEV_BLOCK, "第 3 行");
}

static void test_item12_lexicon_traditional_and_simplified_forms_merge_keeping_stricter(void **state)
{
    (void)state;
    expect_merged("乾性\tskin\twarn\n干性\tskin\tblock\n", 1, GM_SEV_BLOCK, "第 2 行“干性”与第 1 行“乾性”");
    expect_merged("赌博\twarn_cat\twarn\n賭 博\tx\twarn\n", 1, GM_SEV_WARN, "第 2 行");
    expect_merged("VPN\nvpn\n", 1, GM_SEV_BLOCK, "第 2 行");
}

static void test_item12_lexicon_merge_notes_vanish_with_a_refused_file(void **state)
{
    (void)state;
    gm_lexicon lx = {0};
    gm_err err = {0};
    assert_int_equal(parse(&lx, "赌博\n賭博\n坏\tx\tfatal\n", &err), GM_E_INVALID);
    assert_int_equal(lx.n, 0);
    assert_int_equal(lx.nmerges, 0);
    gm_lexicon_free(&lx);
}

static void test_lexicon_empty_term(void **state)
{
    (void)state;
    expect_error("赌博\n\tads\tblock\n", "第 2 行");
}

static void test_lexicon_noise_only_term(void **state)
{
    (void)state;
    expect_error("！！！\n", "第 1 行");
}

static void test_lexicon_bad_severity(void **state)
{
    (void)state;
    expect_error("赌博\tgambling\tfatal\n", "fatal");
}

static void test_lexicon_too_many_fields(void **state)
{
    (void)state;
    expect_error("赌博\ta\tblock\textra\n", "第 1 行");
}

static void test_lexicon_invalid_utf8(void **state)
{
    (void)state;
    expect_error("好词\n坏\xff词\n", "第 2 行");
}

static void test_lexicon_control_character(void **state)
{
    (void)state;
    expect_error("a\x01b\n", "第 1 行");
}

static void test_lexicon_crlf_lines(void **state)
{
    (void)state;
    gm_lexicon lx = {0};
    gm_err err = {0};
    assert_int_equal(parse(&lx, "赌博\tgambling\twarn\r\n网传\r\n", &err), 0);
    assert_int_equal(lx.n, 2);
    assert_int_equal(lx.terms[0].severity, GM_SEV_WARN);
    gm_lexicon_free(&lx);
}

static void test_lexicon_several_files_combine(void **state)
{
    (void)state;
    char *a = tmp_file("赌博\tgambling\tblock\n", strlen("赌博\tgambling\tblock\n"));
    char *b = tmp_file("网传\trumour\twarn\n赌博\tgambling\twarn\n", strlen("网传\trumour\twarn\n赌博\tgambling\twarn\n"));
    char platforms[4200];
    snprintf(platforms, sizeof platforms, "%s/check/platforms.json", data_dir());
    const char *lex[2] = {a, b};
    gm_checker_files f = {.lexicons = lex, .n_lexicons = 2, .platforms = platforms};
    gm_checker *c = NULL;
    gm_err err = {0};
    assert_int_equal(gm_checker_load(&c, &f, &err), 0);
    json_t *r = run_check(c, "网传有人赌博", NULL, NULL, NULL);
    assert_int_equal(n_findings(r), 2);              /* 赌博 merged across files */
    assert_string_equal(fstr(r, 1, "severity"), "block");   /* the stronger one */
    assert_false(json_is_true(json_object_get(r, "ok")));
    json_decref(r);
    gm_checker_unref(c);
    unlink(a);
    unlink(b);
    free(a);
    free(b);
}

static void test_lexicon_load_error_names_file(void **state)
{
    (void)state;
    char *a = tmp_file("赌博\tx\tsevere\n", strlen("赌博\tx\tsevere\n"));
    const char *lex[1] = {a};
    gm_checker_files f = {.lexicons = lex, .n_lexicons = 1, .platforms = "/nonexistent"};
    gm_checker *c = NULL;
    gm_err err = {0};
    assert_int_equal(gm_checker_load(&c, &f, &err), GM_E_INVALID);
    assert_null(c);
    assert_non_null(strstr(err.message, a));
    assert_non_null(strstr(err.message, "第 1 行"));
    unlink(a);
    free(a);
}

static void test_lexicon_warn_only_is_ok(void **state)
{
    (void)state;
    gm_checker *c = checker_with("网传\trumour\twarn\n", NULL);
    json_t *r = run_check(c, "网传某地停水", NULL, NULL, NULL);
    assert_int_equal(n_findings(r), 1);
    assert_string_equal(fstr(r, 0, "severity"), "warn");
    assert_string_equal(fstr(r, 0, "category"), "rumour");
    assert_true(json_is_true(json_object_get(r, "ok")));
    json_decref(r);
    gm_checker_unref(c);
}

static void test_lexicon_shipped_data_loads(void **state)
{
    (void)state;
    gm_checker *c = NULL;
    gm_err err = {0};
    assert_int_equal(gm_checker_load_default(&c, data_dir(), &err), 0);
    assert_true(gm_checker_term_count(c) > 40);
    gm_checker_ref(c);     /* a request in flight */
    gm_checker_unref(c);   /* the reloader drops the old one */
    json_t *r = run_check(c, "六合彩", NULL, NULL, NULL);   /* still usable */
    assert_int_equal(count_rule(r, "lexicon", "gambling"), 1);
    json_decref(r);
    gm_checker_unref(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lexicon_format_fields),
        cmocka_unit_test(test_item12_lexicon_duplicate_term_is_merged_naming_lines),
        cmocka_unit_test(test_item12_lexicon_traditional_and_simplified_forms_merge_keeping_stricter),
        cmocka_unit_test(test_item12_lexicon_merge_notes_vanish_with_a_refused_file),
        cmocka_unit_test(test_lexicon_empty_term),
        cmocka_unit_test(test_lexicon_noise_only_term),
        cmocka_unit_test(test_lexicon_bad_severity),
        cmocka_unit_test(test_lexicon_too_many_fields),
        cmocka_unit_test(test_lexicon_invalid_utf8),
        cmocka_unit_test(test_lexicon_control_character),
        cmocka_unit_test(test_lexicon_crlf_lines),
        cmocka_unit_test(test_lexicon_several_files_combine),
        cmocka_unit_test(test_lexicon_load_error_names_file),
        cmocka_unit_test(test_lexicon_warn_only_is_ok),
        cmocka_unit_test(test_lexicon_shipped_data_loads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
