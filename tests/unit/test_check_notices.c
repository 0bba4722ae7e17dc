/*
 * test_check_notices.c - negatives with the SHIPPED data: ordinary
 * government notices (政务通知) come back clean, and an ad-laden draft does
 * not.  Guards the starter lexicon and allow list against false positives.
 */
#include "test_check_helpers.h"

static const char *NOTICES[] = {
    "关于2026年元旦假期停水的通知\n"
    "因市政管网改造施工，1月1日8:00至18:00，城东片区将暂停供水。请广大居民提前做好储水准备，"
    "给您带来的不便，敬请谅解。咨询电话：0551-12345。",

    "【防范电信网络诈骗】近期，冒充客服退款、刷单返利类诈骗案件高发。警方提醒：凡是要求先转账"
    "的都是诈骗，不轻信、不透露、不转账。如遇可疑情况，请拨打110或96110。",

    "区文明办倡议：移风易俗，严禁赌博，文明过节。各社区要加强宣传，营造健康向上的节日氛围。",

    "市人民政府办公室关于印发《政务新媒体管理办法》的通知。各区县人民政府，市政府各部门：现将"
    "《政务新媒体管理办法》印发给你们，请认真贯彻执行。发布信息应严格履行审核程序，不得涉及国家"
    "秘密和工作秘密，转载信息须注明来源。",

    "今天上午，全市安全生产工作会议召开。会议强调，要压实企业主体责任，深入开展隐患排查整治，"
    "坚决防范遏制重特大事故发生，确保人民群众生命财产安全。",

    "【天气预报】受冷空气影响，明天我市有小到中雨，气温下降6～8℃，请市民朋友注意添衣保暖，"
    "出行注意安全。#温暖过冬# 😊",
};

static int setup(void **state)
{
    gm_checker *c = NULL;
    gm_err err = {0};
    assert_int_equal(gm_checker_load_default(&c, data_dir(), &err), 0);
    *state = c;
    return 0;
}

static int teardown(void **state)
{
    gm_checker_unref(*state);
    return 0;
}

static void test_negative_official_notices_are_clean(void **state)
{
    for (size_t i = 0; i < sizeof NOTICES / sizeof *NOTICES; i++)
        expect_clean(*state, NOTICES[i]);
}

static void test_negative_notices_fit_wechat(void **state)
{
    for (size_t i = 0; i < sizeof NOTICES / sizeof *NOTICES; i++) {
        json_t *r = run_check(*state, NOTICES[i], "通知", "wechat", NULL);
        assert_true(json_is_true(json_object_get(r, "ok")));
        json_decref(r);
    }
}

static void test_shipped_lexicon_catches_an_ad(void **state)
{
    json_t *r = run_check(*state, "全網最低價！限时 抢购，加微信咨询，包郵到家", NULL, "weibo", NULL);
    assert_int_equal(count_rule(r, "lexicon", "ads"), 4);
    assert_false(json_is_true(json_object_get(r, "ok")));
    json_decref(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_negative_official_notices_are_clean),
        cmocka_unit_test(test_negative_notices_fit_wechat),
        cmocka_unit_test(test_shipped_lexicon_catches_an_ad),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
