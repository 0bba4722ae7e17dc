/*
 * test_check_expression_lists.c - the expression lists as managed-list
 * entries (src/check/lists_expr.c): file text -> entries -> text round
 * trips, the shipped files read as defaults, office-holders grouped by
 * person, and validation naming the field, all through the loader's own
 * parser.  Also: an edited list given as text replaces the shipped file.
 */
#include "test_check_helpers.h"

#include <jansson.h>

static void round_trip(int kind, const char *text)
{
    json_t *e = NULL, *again = NULL;
    gm_err err = {0};
    assert_int_equal(gm_list_parse(kind, text, strlen(text), &e, &err), 0);
    assert_int_equal(gm_list_validate(kind, e, &err), 0);
    char *t = gm_list_text(kind, e);
    assert_non_null(t);
    assert_int_equal(gm_list_parse(kind, t, strlen(t), &again, &err), 0);
    assert_true(json_equal(e, again));
    free(t);
    json_decref(e);
    json_decref(again);
}

static void test_expression_lists_round_trip(void **state)
{
    (void)state;
    round_trip(GM_LIST_NAMES, "# c\n中华人民共和国\t中华人民共合国|中华人民共和囯\tblock\n外交部\t-\twarn\n");
    round_trip(GM_LIST_FORMULATIONS, "扫黑除恶\t扫黑险恶\n");
    round_trip(GM_LIST_NAMES, "国家医疗保障局\t#医保局|国家医保句\twarn\n");   /* # only starts a comment at a line's start (found by fuzz_lexicon) */
    round_trip(GM_LIST_OUTDATED, "自然资源部\t国土资源部\twarn\n");
    round_trip(GM_LIST_OFFICIALS, "张建国\t副市长\t示例市\t2018-03-01\t2021-05-31\tblock\n"
                                  "张建国\t市长\t示例市\t2021-06-01\t\tblock\n");
    round_trip(GM_LIST_OFFICIALS, "张建国\t市长\t示例市\t2021-06-01\t\tblock\n"
                                  "张建国\t局长\t示例县教育局\t2019-01-01\t\twarn\t张建国（教育局）\n");
}

/* Two people of one name: two entries; a title either held by the text's
 * day is right, and the finding names both when neither held it. */
static void test_expression_officials_namesakes(void **state)
{
    (void)state;
    const char *t = "张建国\t市长\t示例市人民政府\t2021-06-01\t\tblock\n"
                    "张建国\t局长\t示例县教育局\t2019-01-01\t\twarn\t张建国（教育局）\n";
    json_t *e = NULL;
    gm_err err = {0};
    assert_int_equal(gm_list_parse(GM_LIST_OFFICIALS, t, strlen(t), &e, &err), 0);
    assert_int_equal(json_array_size(e), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(e, 0), "id")), "张建国");
    assert_string_equal(json_string_value(json_object_get(json_array_get(e, 1), "id")),
                        "张建国（教育局）");
    json_decref(e);
    gm_checker_texts texts = {.officials = t};
    gm_checker *c = NULL;
    assert_int_equal(gm_checker_load_texts(&c, data_dir(), &texts, &err), 0);
    gm_check_input in = {"张建国局长讲话", strlen("张建国局长讲话"), NULL, NULL, NULL, NULL, NULL};
    json_t *out = NULL;
    assert_int_equal(gm_check_json_on(c, &in, "2022-01-01", &out, &err), 0);
    assert_int_equal(count_rule(out, "expression", "title"), 0);
    json_decref(out);
    in = (gm_check_input){"张建国县长讲话", strlen("张建国县长讲话"), NULL, NULL, NULL, NULL, NULL};
    assert_int_equal(gm_check_json_on(c, &in, "2022-01-01", &out, &err), 0);
    json_t *f = json_array_get(json_object_get(out, "findings"), 0);
    assert_non_null(strstr(json_string_value(json_object_get(f, "message")), "示例县教育局"));
    assert_non_null(strstr(json_string_value(json_object_get(f, "message")), "示例市人民政府"));
    assert_null(json_object_get(f, "replacement"));
    json_decref(out);
    /* in 2020 only the second had a post: the fix is his title */
    assert_int_equal(gm_check_json_on(c, &in, "2020-01-01", &out, &err), 0);
    f = json_array_get(json_object_get(out, "findings"), 0);
    assert_string_equal(json_string_value(json_object_get(f, "replacement")), "局长");
    json_decref(out);
    assert_int_equal(gm_check_json_on(c, &in, "2020-13-01", &out, &err), GM_E_INVALID);
    assert_string_equal(err.field, "date");
    gm_checker_unref(c);
}

static void test_expression_officials_grouped_by_person(void **state)
{
    (void)state;
    const char *t = "张建国\t副市长\t示例市\t2018-03-01\t2021-05-31\twarn\n"
                    "李卫东\t市委书记\t示例市委\t2020-01-15\t\tblock\n"
                    "张建国\t市长\t示例市\t2021-06-01\t\tblock\n";
    json_t *e = NULL;
    gm_err err = {0};
    assert_int_equal(gm_list_parse(GM_LIST_OFFICIALS, t, strlen(t), &e, &err), 0);
    assert_int_equal(json_array_size(e), 2);
    json_t *zhang = json_array_get(e, 0);
    assert_string_equal(json_string_value(json_object_get(zhang, "severity")), "block");
    json_t *posts = json_object_get(zhang, "posts");
    assert_int_equal(json_array_size(posts), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(posts, 1), "title")),
                        "市长");
    assert_string_equal(json_string_value(json_object_get(json_array_get(posts, 1), "to")), "");
    json_decref(e);
}

static void test_expression_shipped_files_are_the_defaults(void **state)
{
    (void)state;
    json_t *e = NULL;
    gm_err err = {0};
    assert_int_equal(gm_list_defaults(GM_LIST_NAMES, data_dir(), &e, &err), 0);
    assert_true(json_array_size(e) > 10);
    assert_int_equal(gm_list_validate(GM_LIST_NAMES, e, &err), 0);
    json_decref(e);
    assert_int_equal(gm_list_defaults(GM_LIST_OFFICIALS, data_dir(), &e, &err), 0);
    assert_int_equal(json_array_size(e), 0);
    json_decref(e);
}

static void refused(int kind, const char *json, const char *field)
{
    json_error_t je;
    json_t *e = json_loads(json, 0, &je);
    assert_non_null(e);
    gm_err err = {0};
    assert_int_equal(gm_list_validate(kind, e, &err), GM_E_INVALID);
    assert_string_equal(err.field, field);
    json_decref(e);
}

static void test_expression_list_validation_names_the_field(void **state)
{
    (void)state;
    refused(GM_LIST_NAMES, "[{\"correct\":\"\"}]", "entries[0].correct");
    refused(GM_LIST_NAMES, "[{\"correct\":\"甲乙丙\"},{\"correct\":\"丁戊\",\"wrong\":[\"a|b\"]}]",
            "entries[1].wrong[0]");
    refused(GM_LIST_NAMES, "[{\"correct\":\"甲乙丙\",\"wrong\":[\"-\"]}]", "entries[0].wrong[0]");
    refused(GM_LIST_OUTDATED, "[{\"correct\":\"甲\\t乙\"}]", "entries[0].correct");
    refused(GM_LIST_FORMULATIONS, "[{\"correct\":\"甲乙丙\",\"severity\":\"high\"}]",
            "entries[0].severity");
    refused(GM_LIST_OFFICIALS, "[{\"name\":\"张三\",\"posts\":[]}]", "entries[0].posts");
    refused(GM_LIST_OFFICIALS,
            "[{\"name\":\"张三\",\"posts\":[{\"title\":\"局长\",\"from\":\"2021-02-29\"}]}]",
            "entries[0].posts[0].from");
    refused(GM_LIST_OFFICIALS,
            "[{\"name\":\"张三\",\"posts\":[{\"title\":\"局长\",\"from\":\"2021-02-01\","
            "\"to\":\"2020-01-01\"}]}]",
            "entries[0].posts[0].to");
    refused(GM_LIST_OFFICIALS, "[{\"name\":\"#张三\",\"posts\":[{\"title\":\"局长\"}]}]",
            "entries[0].name");
}

static void test_expression_bad_file_names_the_line(void **state)
{
    (void)state;
    const char *t = "张三\t局长\t某局\t2020-01-01\t\twarn\n李四\t局长\t某局\t2020-13-01\t\twarn\n";
    json_t *e = NULL;
    gm_err err = {0};
    assert_int_equal(gm_list_parse(GM_LIST_OFFICIALS, t, strlen(t), &e, &err), GM_E_INVALID);
    assert_non_null(strstr(err.message, "第 2 行"));
    assert_string_equal(err.field, "officials");
}

static void test_expression_edited_list_replaces_shipped_file(void **state)
{
    (void)state;
    gm_checker_texts t = {.formulations = "扫黑除恶\t扫黑除鳄\tblock\n", .officials = ""};
    gm_checker *c = NULL;
    gm_err err = {0};
    assert_int_equal(gm_checker_load_texts(&c, data_dir(), &t, &err), 0);
    gm_check_input in = {"扫黑除鳄", strlen("扫黑除鳄"), NULL, NULL, NULL, NULL, NULL};
    json_t *r = NULL;
    assert_int_equal(gm_check_json(c, &in, &r, &err), 0);
    assert_false(json_is_true(json_object_get(r, "ok")));   /* block, from the edited text */
    json_decref(r);
    gm_check_input in2 = {"中华人民共合国", strlen("中华人民共合国"), NULL, NULL, NULL, NULL, NULL};
    assert_int_equal(gm_check_json(c, &in2, &r, &err), 0);   /* names.txt still shipped */
    assert_true(json_array_size(json_object_get(r, "findings")) > 0);
    json_decref(r);
    gm_checker_unref(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_expression_lists_round_trip),
        cmocka_unit_test(test_expression_officials_grouped_by_person),
        cmocka_unit_test(test_expression_officials_namesakes),
        cmocka_unit_test(test_expression_shipped_files_are_the_defaults),
        cmocka_unit_test(test_expression_list_validation_names_the_field),
        cmocka_unit_test(test_expression_bad_file_names_the_line),
        cmocka_unit_test(test_expression_edited_list_replaces_shipped_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
