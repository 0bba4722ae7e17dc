/*
 * test_check_rules.c - the rules beyond the lexicon: length per platform
 * (code points, Weibo 140, WeChat 680 with title), personal data (ID
 * checksum, 15-digit ID, mobile, Luhn bank cards, e-mail, masks), repost
 * sources, media type and size (libmagic), and input validation.
 */
#include "test_check_helpers.h"

#include "check/privacy.h"

static int setup(void **state)
{
    *state = checker_with("赌博\tgambling\tblock\n", NULL);
    return 0;
}

static int teardown(void **state)
{
    gm_checker_unref(*state);
    return 0;
}

static char *repeat(const char *unit, size_t n)
{
    size_t l = strlen(unit);
    char *s = malloc(l * n + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + i * l, unit, l);
    s[l * n] = '\0';
    return s;
}

static void test_length_weibo_140(void **state)
{
    char *ok = repeat("政", 140), *over = repeat("政", 141);
    json_t *r = run_check(*state, ok, NULL, "weibo", NULL);
    assert_int_equal(json_integer_value(json_object_get(r, "chars")), 140);
    assert_int_equal(json_integer_value(json_object_get(r, "limit")), 140);
    assert_int_equal(n_findings(r), 0);
    json_decref(r);
    r = run_check(*state, over, NULL, "weibo", NULL);
    assert_int_equal(n_findings(r), 1);
    assert_string_equal(fstr(r, 0, "rule"), "length");
    assert_int_equal(fint(r, 0, "start"), 140);
    assert_int_equal(fint(r, 0, "end"), 141);
    assert_string_equal(fstr(r, 0, "match"), "政");
    assert_false(json_is_true(json_object_get(r, "ok")));
    json_decref(r);
    free(ok);
    free(over);
}

static void test_length_counts_code_points_not_bytes(void **state)
{
    char *s = repeat("😀", 140);   /* 560 bytes, 140 code points */
    json_t *r = run_check(*state, s, NULL, "weibo", NULL);
    assert_int_equal(json_integer_value(json_object_get(r, "chars")), 140);
    assert_int_equal(count_rule(r, "length", NULL), 0);
    json_decref(r);
    free(s);
}

static void test_length_wechat_680_counts_title_and_punctuation(void **state)
{
    char *body = repeat("。", 675);
    json_t *r = run_check(*state, body, "关于停水的通知", "wechat", NULL);   /* 7 + 675 = 682 */
    assert_int_equal(json_integer_value(json_object_get(r, "chars")), 682);
    assert_int_equal(json_integer_value(json_object_get(r, "limit")), 680);
    assert_int_equal(count_rule(r, "length", NULL), 1);
    assert_int_equal(fint(r, 0, "start"), 673);
    assert_int_equal(fint(r, 0, "end"), 675);
    json_decref(r);
    free(body);
}

static void test_length_no_limit_on_other_platforms(void **state)
{
    char *s = repeat("政", 5000);
    json_t *r = run_check(*state, s, NULL, "toutiao", NULL);
    assert_true(json_is_null(json_object_get(r, "limit")));
    assert_int_equal(n_findings(r), 0);
    json_decref(r);
    free(s);
}

static void test_platform_unknown_is_invalid(void **state)
{
    gm_check_input in = {"x", 1, NULL, "myspace", NULL, NULL, NULL};
    json_t *out = NULL;
    gm_err err = {0};
    assert_int_equal(gm_check_json(*state, &in, &out, &err), GM_E_INVALID);
    assert_string_equal(err.field, "platform");
    assert_null(out);
}

static void test_utf8_invalid_reports_byte(void **state)
{
    gm_check_input in = {"好\xc3(", 5, NULL, NULL, NULL, NULL, NULL};
    json_t *out = NULL;
    gm_err err = {0};
    assert_int_equal(gm_check_json(*state, &in, &out, &err), GM_E_INVALID);
    assert_string_equal(err.message, "正文不是有效的 UTF-8(第 3 字节)");
    assert_string_equal(err.field, "text");
    assert_null(out);
    gm_check_input t = {"ok", 2, "\xed\xa0\x80", NULL, NULL, NULL, NULL};   /* a surrogate */
    assert_int_equal(gm_check_json(*state, &t, &out, &err), GM_E_INVALID);
    assert_string_equal(err.field, "title");
}

static void test_empty_input_is_valid(void **state)
{
    gm_check_input in = {"", 0, NULL, "weibo", NULL, NULL, NULL};
    json_t *out = NULL;
    gm_err err = {0};
    assert_int_equal(gm_check_json(*state, &in, &out, &err), 0);
    assert_true(json_is_true(json_object_get(out, "ok")));
    assert_int_equal(json_integer_value(json_object_get(out, "chars")), 0);
    json_decref(out);
}

static void test_privacy_id_checksum(void **state)
{
    assert_true(gm_id_checksum_ok("11010519491231002X"));
    assert_false(gm_id_checksum_ok("110105194912310021"));
    json_t *r = run_check(*state, "身份证号11010519491231002X。", NULL, NULL, NULL);
    assert_int_equal(count_rule(r, "privacy", "id_card"), 1);
    assert_string_equal(fstr(r, 0, "replacement"), "110105********002X");
    assert_int_equal(fint(r, 0, "start"), 4);
    assert_int_equal(fint(r, 0, "end"), 22);
    json_decref(r);
    r = run_check(*state, "编号110105194912310021", NULL, NULL, NULL);   /* bad check digit */
    assert_int_equal(count_rule(r, "privacy", "id_card"), 0);
    json_decref(r);
}

static void test_privacy_id_15_digits(void **state)
{
    json_t *r = run_check(*state, "旧证130503670401001", NULL, NULL, NULL);
    assert_int_equal(count_rule(r, "privacy", "id_card"), 1);
    assert_string_equal(fstr(r, 0, "replacement"), "130503*****1001");
    json_decref(r);
}

static void test_privacy_mobile(void **state)
{
    json_t *r = run_check(*state, "联系138-1234-5678或13912345678 12345678901", NULL, NULL, NULL);
    assert_int_equal(count_rule(r, "privacy", "mobile"), 2);
    assert_string_equal(fstr(r, 0, "replacement"), "138****5678");
    assert_string_equal(fstr(r, 0, "match"), "138-1234-5678");
    json_decref(r);
}

static void test_privacy_fullwidth_digits(void **state)
{
    json_t *r = run_check(*state, "电话１３８１２３４５６７８", NULL, NULL, NULL);
    assert_int_equal(count_rule(r, "privacy", "mobile"), 1);
    assert_int_equal(fint(r, 0, "start"), 2);
    assert_int_equal(fint(r, 0, "end"), 13);
    json_decref(r);
}

static void test_privacy_bank_card_luhn(void **state)
{
    assert_true(gm_luhn_ok("6222021234567890128", 19) || gm_luhn_ok("4111111111111111", 16));
    json_t *r = run_check(*state, "卡号 4111 1111 1111 1111", NULL, NULL, NULL);
    assert_int_equal(count_rule(r, "privacy", "bank_card"), 1);
    assert_string_equal(fstr(r, 0, "replacement"), "************1111");
    json_decref(r);
    r = run_check(*state, "卡号 4111 1111 1111 1112", NULL, NULL, NULL);   /* fails Luhn */
    assert_int_equal(count_rule(r, "privacy", "bank_card"), 0);
    json_decref(r);
}

static void test_privacy_email(void **state)
{
    json_t *r = run_check(*state, "来信请寄zhang.san@example.gov.cn。", NULL, NULL, NULL);
    assert_int_equal(count_rule(r, "privacy", "email"), 1);
    assert_string_equal(fstr(r, 0, "match"), "zhang.san@example.gov.cn");
    assert_string_equal(fstr(r, 0, "replacement"), "z***@example.gov.cn");
    assert_int_equal(fint(r, 0, "start"), 4);
    json_decref(r);
    r = run_check(*state, "a@b 和 @weibo 不是邮箱", NULL, NULL, NULL);
    assert_int_equal(count_rule(r, "privacy", NULL), 0);
    json_decref(r);
}

static void test_privacy_masked_text(void **state)
{
    json_t *r = run_check(*state, "王某，电话13812345678，身份证11010519491231002X。", NULL, NULL, NULL);
    assert_string_equal(json_string_value(json_object_get(r, "masked")),
                        "王某，电话138****5678，身份证110105********002X。");
    assert_true(json_is_true(json_object_get(r, "ok")));   /* warnings only */
    json_decref(r);
}

static void test_source_repost_must_name_source(void **state)
{
    json_t *r = run_check(*state, "转载内容", NULL, NULL, "  ");
    assert_int_equal(count_rule(r, "source", "missing"), 1);
    assert_false(json_is_true(json_object_get(r, "ok")));
    json_decref(r);
}

static void test_source_unapproved(void **state)
{
    json_t *r = run_check(*state, "转载内容", NULL, NULL, "某某自媒体");
    assert_int_equal(count_rule(r, "source", "unapproved"), 1);
    json_decref(r);
    r = run_check(*state, "x", NULL, NULL, "https://evilgov.cn/a");
    assert_int_equal(count_rule(r, "source", "unapproved"), 1);
    json_decref(r);
}

static void test_source_approved_name_and_domain(void **state)
{
    const char *ok[] = {"新华社", "新華社", " 人民日报 ", "https://www.gov.cn/zhengce/2025.htm",
                        "www.news.cn", "http://sh.gov.cn"};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        json_t *r = run_check(*state, "转载内容", NULL, NULL, ok[i]);
        if (n_findings(r))
            fprintf(stderr, "source %s not approved\n", ok[i]);
        assert_int_equal(n_findings(r), 0);
        json_decref(r);
    }
}

static char *media_file(const unsigned char *head, size_t hl, size_t total)
{
    char *buf = calloc(1, total);
    assert_non_null(buf);
    memcpy(buf, head, hl);
    char *p = tmp_file(buf, total);
    free(buf);
    return p;
}

static json_t *media(const gm_checker *c, const char *path, const char *platform)
{
    json_t *out = NULL;
    gm_err err = {0};
    int rc = gm_check_media_json(c, path, platform, &out, &err);
    if (rc)
        fprintf(stderr, "media: %s\n", err.message);
    assert_int_equal(rc, 0);
    return out;
}

static const unsigned char JPEG[] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00,
                                     0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00};
static const unsigned char PNG[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
                                    'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
static const unsigned char MP4[] = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0,
                                    'm', 'p', '4', '2', 'i', 's', 'o', 'm'};

/* The company seed's rule (JPEG of 1-5 MB) is the "website" preset. */
static void test_media_jpeg_size_1_to_5_mb(void **state)
{
    char *good = media_file(JPEG, sizeof JPEG, 2u << 20);
    char *small = media_file(JPEG, sizeof JPEG, 512u << 10);
    json_t *r = media(*state, small, "weibo");   /* not the default */
    assert_true(json_is_true(json_object_get(r, "ok")));
    json_decref(r);
    r = media(*state, good, "website");
    assert_string_equal(json_string_value(json_object_get(r, "mime")), "image/jpeg");
    assert_true(json_is_true(json_object_get(r, "ok")));
    json_decref(r);
    r = media(*state, small, "website");
    assert_int_equal(count_rule(r, "media", "size"), 1);
    assert_false(json_is_true(json_object_get(r, "ok")));
    json_decref(r);
    unlink(good);
    unlink(small);
    free(good);
    free(small);
}

static void test_media_real_type_not_name(void **state)
{
    char *png = media_file(PNG, sizeof PNG, 2u << 20);   /* named like nothing, is a PNG */
    json_t *r = media(*state, png, NULL);
    assert_string_equal(json_string_value(json_object_get(r, "mime")), "image/png");
    assert_string_equal(json_string_value(json_object_get(r, "kind")), "image");
    assert_true(json_is_true(json_object_get(r, "ok")));   /* PNG is a normal image */
    json_decref(r);
    r = media(*state, png, "website");                      /* the seed's JPEG-only preset */
    assert_int_equal(count_rule(r, "media", "type"), 1);
    json_decref(r);
    unlink(png);
    free(png);
}

static void test_media_video_mp4(void **state)
{
    char *mp4 = media_file(MP4, sizeof MP4, 64u << 10);
    json_t *r = media(*state, mp4, "douyin");
    assert_string_equal(json_string_value(json_object_get(r, "kind")), "video");
    assert_true(json_is_true(json_object_get(r, "ok")));
    json_decref(r);
    unlink(mp4);
    free(mp4);
}

static void test_media_missing_file_is_invalid(void **state)
{
    json_t *out = NULL;
    gm_err err = {0};
    assert_int_equal(gm_check_media_json(*state, "/nonexistent/x.jpg", NULL, &out, &err), GM_E_INVALID);
    assert_string_equal(err.field, "media");
}

static void test_privacy_mobile_with_country_code_keeps_its_form(void **state)
{
    json_t *r = run_check(*state, "电话+86 13812345678", NULL, NULL, NULL);
    assert_string_equal(fstr(r, 0, "match"), "+86 13812345678");
    assert_string_equal(fstr(r, 0, "replacement"), "+86 138****5678");
    assert_string_equal(json_string_value(json_object_get(r, "masked")), "电话+86 138****5678");
    json_decref(r);
}

static void test_privacy_detailed_address_masked(void **state)
{
    json_t *r = run_check(*state, "家住江苏省南京市玄武区中山路100号3栋201室。", NULL, NULL, NULL);
    assert_int_equal(count_rule(r, "privacy", "address"), 1);
    assert_string_equal(fstr(r, 0, "match"), "100号3栋201室");
    assert_string_equal(json_string_value(json_object_get(r, "masked")),
                        "家住江苏省南京市玄武区中山路***号*栋***室。");
    json_decref(r);
    const char *plain[] = {"市政府位于北京东路41号", "中山路改造工程", "第3号文件", "鼓楼区3号线", NULL};
    for (size_t i = 0; plain[i]; i++) {
        r = run_check(*state, plain[i], NULL, NULL, NULL);
        assert_int_equal(count_rule(r, "privacy", "address"), 0);
        json_decref(r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_length_weibo_140),
        cmocka_unit_test(test_length_counts_code_points_not_bytes),
        cmocka_unit_test(test_length_wechat_680_counts_title_and_punctuation),
        cmocka_unit_test(test_length_no_limit_on_other_platforms),
        cmocka_unit_test(test_platform_unknown_is_invalid),
        cmocka_unit_test(test_utf8_invalid_reports_byte),
        cmocka_unit_test(test_empty_input_is_valid),
        cmocka_unit_test(test_privacy_id_checksum),
        cmocka_unit_test(test_privacy_id_15_digits),
        cmocka_unit_test(test_privacy_mobile),
        cmocka_unit_test(test_privacy_fullwidth_digits),
        cmocka_unit_test(test_privacy_bank_card_luhn),
        cmocka_unit_test(test_privacy_email),
        cmocka_unit_test(test_privacy_masked_text),
        cmocka_unit_test(test_privacy_mobile_with_country_code_keeps_its_form),
        cmocka_unit_test(test_privacy_detailed_address_masked),
        cmocka_unit_test(test_source_repost_must_name_source),
        cmocka_unit_test(test_source_unapproved),
        cmocka_unit_test(test_source_approved_name_and_domain),
        cmocka_unit_test(test_media_jpeg_size_1_to_5_mb),
        cmocka_unit_test(test_media_real_type_not_name),
        cmocka_unit_test(test_media_video_mp4),
        cmocka_unit_test(test_media_missing_file_is_invalid),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
