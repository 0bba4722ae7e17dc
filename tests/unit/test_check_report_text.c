/*
 * test_check_report_text.c - the report written directly as text
 * (gm_check_text, the fast path of `check --jsonl` and POST /api/v1/check)
 * is byte for byte what json_dumps(JSON_COMPACT) prints for gm_check_json's
 * object: every rule and optional member, jansson's escapes of control
 * characters, quotes and backslashes, UTF-8 kept, titles, platforms, repost
 * sources, a reused buffer, and the same errors for bad input.
 */
#include "test_check_helpers.h"

static gm_checker *shipped, *custom;

static int setup(void **state)
{
    (void)state;
    gm_err err = {0};
    assert_int_equal(gm_checker_load_default(&shipped, data_dir(), &err), 0);
    custom = checker_with("赌博\tgambling\tblock\n刷单\tfraud\twarn\n代开发票\tads\tblock\n"
                          "六合彩\tgambling\tblock\n",
                          "禁止赌博\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    gm_checker_unref(shipped);
    gm_checker_unref(custom);
    return 0;
}

/* Both outputs for one input must agree: same text, same ok, same error. */
static void same_report(const gm_checker *c, const char *text, size_t len, const char *title,
                        const char *platform, const char *repost, char **buf, size_t *cap)
{
    gm_check_input in = {text, len, title, platform, repost, NULL, NULL};
    json_t *tree = NULL;
    gm_err e1 = {0}, e2 = {0};
    size_t n = 0;
    int ok = -1;
    int rc1 = gm_check_json(c, &in, &tree, &e1);
    int rc2 = gm_check_text(c, &in, buf, cap, &n, &ok, &e2);
    assert_int_equal(rc1, rc2);
    if (rc1) {
        assert_string_equal(e1.message, e2.message);
        assert_string_equal(e1.field, e2.field);
        return;
    }
    char *want = json_dumps(tree, JSON_COMPACT);
    assert_non_null(want);
    assert_int_equal(n, strlen(*buf));
    assert_string_equal(*buf, want);
    assert_int_equal(ok, json_is_true(json_object_get(tree, "ok")));
    free(want);
    json_decref(tree);
}

static void same(const gm_checker *c, const char *text, const char *title, const char *platform,
                 const char *repost)
{
    char *buf = NULL;
    size_t cap = 0;
    same_report(c, text, strlen(text), title, platform, repost, &buf, &cap);
    free(buf);
}

static void test_report_text_matches_tree_for_every_rule(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "",
        "通知：今天下午开会。",
        "赌博网站 联系电话13812345678，身份证号110101199003071234",
        "dai kai fa piao 代kai发piao DaiKaiFaPiao 带开发票 六和彩",
        "严厉打击赌博违法犯罪，警惕刷单返利诈骗",
        "禁止赌博",
        "家住南京市玄武区中山路18号3栋2单元501室，邮箱 zhang.san@example.com",
        "+86 13912345678 银行卡 6222021234567890123",
        "中华人民共合国 扫黑险恶 国家医保句",
        "引号\"和\\反斜杠/斜杠\t制表\n换行\r回车\b退格\f换页\x01\x1f\x7f结束",
        "😀 ｆｕｌｌ width ＡＢＣ 赌\u200b博",
    };
    const char *platforms[] = {NULL, "weibo", "wechat", "douyin"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        for (size_t p = 0; p < sizeof platforms / sizeof *platforms; p++) {
            same(shipped, texts[i], NULL, platforms[p], NULL);
            same(custom, texts[i], NULL, platforms[p], NULL);
            same(custom, texts[i], "标题里的赌博\"引号\"", platforms[p], "某自媒体");
            same(shipped, texts[i], "六合彩", platforms[p], "人民日报");
        }
}

static void test_report_text_escapes_every_control_character(void **state)
{
    (void)state;
    /* Each control character inside a match ("赌\x0b博": noise is skipped)
     * and, with a phone number present, in the masked text. */
    char text[64 * 8] = "13812345678";
    size_t n = strlen(text);
    for (int c = 0; c < 0x20; c++) {
        memcpy(text + n, "赌", 3);
        text[n + 3] = (char)c;   /* NUL too: the length says where the text ends */
        memcpy(text + n + 4, "博", 3);
        n += 7;
    }
    char *buf = NULL;
    size_t cap = 0;
    same_report(custom, text, n, NULL, "weibo", NULL, &buf, &cap);
    same_report(shipped, text, n, NULL, NULL, NULL, &buf, &cap);
    free(buf);
}

static void test_report_text_reuses_its_buffer(void **state)
{
    (void)state;
    char *buf = NULL, long_text[4000] = "";
    size_t cap = 0;
    for (int i = 0; i < 300; i++)
        strcat(long_text, "赌博");
    same_report(custom, long_text, strlen(long_text), NULL, NULL, NULL, &buf, &cap);
    size_t grown = cap;
    assert_true(grown > 256);
    same_report(custom, "没有问题", strlen("没有问题"), NULL, NULL, NULL, &buf, &cap);
    assert_int_equal(cap, grown);   /* a shorter report reuses the buffer */
    free(buf);
}

static void test_report_text_rejects_what_the_tree_rejects(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t cap = 0;
    same_report(custom, "bad \xff utf8", 10, NULL, NULL, NULL, &buf, &cap);
    same_report(custom, "好", 3, "\xc3", NULL, NULL, &buf, &cap);
    same_report(custom, "好", 3, NULL, "myspace", NULL, &buf, &cap);
    free(buf);
}

/* Random mixes of the fragments above, as a small corpus. */
static void test_report_text_matches_tree_on_a_mixed_corpus(void **state)
{
    (void)state;
    static const char *const parts[] = {
        "赌博", "刷单", "dai kai", "fa piao", "代开发票", "六和彩", "打击", "，", "。", "13812345678",
        "110101199003071234", "中山路18号3栋501室", "南京市", "a@b.cn", "\"", "\\", "\n", "\x02",
        "😀", "ＡＢ", "扫黑险恶", "国务院", "的", " ", "-", "+86 ", "禁止赌博", "实时发布"};
    unsigned seed = 14;
    char *buf = NULL;
    size_t cap = 0;
    for (int i = 0; i < 400; i++) {
        char text[1024] = "";
        int k = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 24;
        for (int j = 0; j < k; j++)
            strcat(text, parts[((seed = seed * 1103515245u + 12345u) >> 16) %
                               (sizeof parts / sizeof *parts)]);
        same_report(i % 2 ? custom : shipped, text, strlen(text), i % 3 ? NULL : "题目赌博",
                    i % 4 ? "weibo" : NULL, i % 5 ? NULL : "某号", &buf, &cap);
    }
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_text_matches_tree_for_every_rule),
        cmocka_unit_test(test_report_text_escapes_every_control_character),
        cmocka_unit_test(test_report_text_reuses_its_buffer),
        cmocka_unit_test(test_report_text_rejects_what_the_tree_rejects),
        cmocka_unit_test(test_report_text_matches_tree_on_a_mixed_corpus),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
