/*
 * test_notify.c - notifications and publications on a real SQLite file:
 * notices commit or vanish with the caller's transaction, role
 * notifications reach exactly the role holders of the unit, robot
 * payload shapes, retry backoff, a failed send said in Chinese, the
 * publication record's rules.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_store_helpers.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/notice.h"
#include "notify/outbox_loop.h"
#include "notify/robot_send.h"
#include "notify/robot_refusal.h"
#include "notify/send_error_text.h"
#include "store/accounts.h"
#include "store/notify.h"
#include "store/publications.h"
#include "store/store.h"
#include "store/units.h"
#include "store/users.h"

static char path[256];
static long long unit_a, unit_b, head_a, head_b, leader_a;

static long long add_user(db *d, const gm_actor *who, const char *login, const char *role,
                          long long unit)
{
    gm_err err;
    long long id;
    user_grant g = {role, unit};
    assert_int_equal(users_add(d, who, login, login, "x", &g, 1, &id, &err), 0);
    return id;
}

static int setup(void **state)
{
    snprintf(path, sizeof path, "/tmp/gm-test-notify-%d.db", (int)getpid());
    unlink(path);
    db *d;
    gm_err err;
    gm_actor who;
    actor_init_cli(&who, "tester");
    assert_int_equal(store_open(&d, path, &err), 0);
    assert_int_equal(store_migrate(d, NULL, &err), 0);
    long long root;
    assert_int_equal(units_add(d, &who, "省", "province", 0, &root, &err), 0);
    assert_int_equal(units_add(d, &who, "甲局", "department", root, &unit_a, &err), 0);
    assert_int_equal(units_add(d, &who, "乙局", "department", root, &unit_b, &err), 0);
    head_a = add_user(d, &who, "head_a", "department_head", unit_a);
    head_b = add_user(d, &who, "head_b", "department_head", unit_b);
    leader_a = add_user(d, &who, "leader_a", "leader", unit_a);
    *state = d;
    return 0;
}

static int teardown(void **state)
{
    test_close_removed(*state, path);
    return 0;
}

static long long count(db *d, const char *sql)
{
    long long n = -1;
    gm_err err;
    assert_int_equal(db_query_int(d, &n, &err, sql, ""), 0);
    return n;
}

static const gm_notice review = {"post.review", "待审核:测试稿件", "第 1 级", "/posts/1"};

static void test_notify_role_reaches_only_the_role_holders_of_the_unit(void **state)
{
    db *d = *state;
    gm_err err;
    long long n = 0;
    assert_int_equal(db_begin(d, &err), 0);
    assert_int_equal(notify_role(d, unit_a, ROLE_DEPARTMENT_HEAD, &review, &n, &err), 0);
    assert_int_equal(db_end(d, 0, &err), 0);
    assert_int_equal(n, 1);
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM notifications WHERE user_id=%lld", head_a);
    assert_int_equal(count(d, sql), 1);
    assert_int_equal(count(d, "SELECT COUNT(*) FROM notifications"), 1);
}

static void test_notification_vanishes_when_the_step_rolls_back(void **state)
{
    db *d = *state;
    gm_err err;
    long long hook;
    assert_int_equal(db_query_int(d, &hook, &err,
                                  "INSERT INTO unit_webhooks(unit_id,kind,name,url,enabled,"
                                  "created_at,updated_at) VALUES(?,'wecom','群','http://x/y',1,"
                                  "'2026-01-01T00:00:00Z','2026-01-01T00:00:00Z') RETURNING id",
                                  "i", unit_a),
                     0);
    assert_int_equal(db_begin(d, &err), 0);
    assert_int_equal(notify_user(d, leader_a, unit_a, &review, &err), 0);
    db_end(d, GM_E_CONFLICT, &err);        /* the step failed */
    assert_int_equal(count(d, "SELECT COUNT(*) FROM notifications"), 0);
    assert_int_equal(count(d, "SELECT COUNT(*) FROM webhook_outbox"), 0);
    assert_int_equal(db_begin(d, &err), 0);
    assert_int_equal(notify_user(d, leader_a, unit_a, &review, &err), 0);
    assert_int_equal(db_end(d, 0, &err), 0);
    assert_int_equal(count(d, "SELECT COUNT(*) FROM notifications"), 1);
    assert_int_equal(count(d, "SELECT COUNT(*) FROM webhook_outbox WHERE state='pending'"), 1);
}

static void test_bad_notice_is_refused_naming_the_field(void **state)
{
    db *d = *state;
    gm_err err;
    gm_notice bad = {"Post Review", "t", "", ""};
    assert_int_equal(notify_user(d, head_b, unit_b, &bad, &err), GM_E_INVALID);
    assert_string_equal(err.field, "kind");
    gm_notice bad_link = {"post.review", "t", "", "http://evil"};
    assert_int_equal(notify_user(d, head_b, unit_b, &bad_link, &err), GM_E_INVALID);
    assert_string_equal(err.field, "link");
}

static void test_robot_payloads_have_the_wecom_and_dingtalk_shapes(void **state)
{
    (void)state;
    json_t *w = notice_robot_payload("wecom", &review);
    assert_string_equal(json_string_value(json_object_get(w, "msgtype")), "markdown");
    const char *content =
        json_string_value(json_object_get(json_object_get(w, "markdown"), "content"));
    assert_non_null(strstr(content, "**【政务新媒体】待审核:测试稿件**"));
    assert_non_null(strstr(content, "/posts/1"));
    json_t *t = notice_robot_payload("dingtalk", &review);
    json_t *md = json_object_get(t, "markdown");
    assert_string_equal(json_string_value(json_object_get(md, "title")), "【政务新媒体】待审核:测试稿件");
    assert_non_null(strstr(json_string_value(json_object_get(md, "text")), "第 1 级"));
    assert_null(notice_robot_payload("slack", &review));
    json_decref(w);
    json_decref(t);
}

static void test_webhook_retry_backoff_doubles_caps_and_gives_up(void **state)
{
    (void)state;
    assert_int_equal(outbox_retry_delay(30, 1), 30);
    assert_int_equal(outbox_retry_delay(30, 2), 60);
    assert_int_equal(outbox_retry_delay(30, 3), 120);
    assert_int_equal(outbox_retry_delay(30, 9), OUTBOX_MAX_DELAY);
    assert_int_equal(outbox_retry_delay(30, OUTBOX_MAX_ATTEMPTS), -1);
    assert_int_equal(outbox_retry_delay(0, 1), 1);
}

static long long an_account(db *d)
{
    gm_err err;
    long long id;
    assert_int_equal(db_query_int(d, &id, &err,
                                  "INSERT INTO accounts(unit_id,platform,name,state,version,record,"
                                  "created_at,updated_at) VALUES(?,'wechat','甲局发布','live',1,'{}',"
                                  "'2026-01-01T00:00:00Z','2026-01-01T00:00:00Z') RETURNING id",
                                  "i", unit_a),
                     0);
    return id;
}

static void test_publication_record_rules(void **state)
{
    db *d = *state;
    gm_err err;
    long long acc = an_account(d), id;
    gm_publication p = {.account_id = acc, .published_at = "2026-11-23T09:30:00+08:00",
                        .title = "导入的文章", .url = "https://mp.weixin.qq.com/s/abc",
                        .kind = "original", .origin = "import", .mass_send = 1,
                        .reads = 120, .likes = GM_COUNT_UNKNOWN, .comments = 0};
    assert_int_equal(db_begin(d, &err), 0);
    assert_int_equal(publications_insert(d, &p, &id, &err), 0);
    assert_int_equal(db_end(d, 0, &err), 0);
    assert_int_equal(count(d, "SELECT COUNT(*) FROM publications WHERE likes IS NULL AND "
                              "reads=120 AND published_at='2026-11-23T01:30:00Z'"),
                     1);
    /* one per url per account */
    assert_int_equal(publications_insert(d, &p, &id, &err), GM_E_CONFLICT);
    assert_string_equal(err.field, "url");
    /* the mass send counts on its China-time day, not the UTC one */
    long long n = 0;
    assert_int_equal(publications_mass_sends_on(d, acc, "2026-11-23", &n, &err), 0);
    assert_int_equal(n, 1);
    assert_int_equal(publications_mass_sends_on(d, acc, "2026-11-22", &n, &err), 0);
    assert_int_equal(n, 0);
    gm_publication bad = p;
    bad.url = NULL;
    bad.kind = "copy";
    assert_int_equal(publications_insert(d, &bad, &id, &err), GM_E_INVALID);
    assert_string_equal(err.field, "kind");
    bad.kind = "repost";
    bad.published_at = "2026-02-30T00:00:00Z";
    assert_int_equal(publications_insert(d, &bad, &id, &err), GM_E_INVALID);
    assert_string_equal(err.field, "published_at");
}

/* Latin words other than the protocol names an address is written with. */
static int has_english_word(const char *s)
{
    for (const char *p = s; *p;) {
        size_t n = 0;
        while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z'))
            n++;
        if (n >= 3 && !(n == 4 && strncmp(p, "http", 4) == 0) &&
            !(n == 5 && strncmp(p, "https", 5) == 0))
            return 1;
        p += n ? n : 1;
    }
    return 0;
}

/* §2 notifications: operators read a robot's delivery error in the console,
 * so every libcurl code is worded in Chinese (by its code, not curl's text). */
/* §2 notifications: a robot's refusal - a documented code in Chinese, the
 * robot's own words labelled as its own; an unknown code only quoted. */
static void test_robot_refusal_is_chinese_where_the_code_is_known(void **state)
{
    (void)state;
    char out[512];
    robot_refusal_text("wecom", 93000, "invalid webhook url", out, sizeof out);
    assert_non_null(strstr(out, "机器人拒收(错误码 93000):机器人地址无效"));
    assert_non_null(strstr(out, "。机器人返回:invalid webhook url"));
    *strstr(out, "机器人返回:") = '\0';
    assert_false(has_english_word(out));
    /* the same code of the other robot means nothing certain: quoted only */
    assert_null(robot_refusal_meaning("dingtalk", 93000));
    robot_refusal_text("dingtalk", 93000, "whatever", out, sizeof out);
    assert_string_equal(out, "机器人拒收(错误码 93000)。机器人返回:whatever");
    robot_refusal_text("dingtalk", 310000, "", out, sizeof out);
    assert_string_equal(out, "机器人拒收(错误码 310000):消息未通过机器人的安全设置(自定义关键词、加签密钥或 IP "
                             "地址段),请核对机器人的安全设置");
    assert_non_null(robot_refusal_meaning("dingtalk", 130101));
    assert_non_null(robot_refusal_meaning("wecom", 45009));
    /* a long answer is cut on a character boundary */
    char longmsg[400];
    for (int i = 0; i < 133; i++)
        memcpy(longmsg + 3 * i, "拒", 3);
    longmsg[399] = '\0';
    robot_refusal_text("wecom", 1, longmsg, out, sizeof out);
    const char *words = strstr(out, "机器人返回:") + strlen("机器人返回:");
    assert_int_equal(strlen(words), 198);
}

static void test_robot_send_error_is_chinese_for_every_curl_code(void **state)
{
    (void)state;
    for (int code = 1; code < 100; code++) {
        const char *t = send_error_text(code);
        assert_non_null(t);
        assert_true(strlen(t) >= 6);
        assert_false(has_english_word(t));
    }
    assert_string_not_equal(send_error_text(7), send_error_text(28));   /* refused vs time-out */
    /* a real send to a port nobody listens on: the code-7 wording and the code */
    char errbuf[256];
    robot_send_global_init();
    assert_int_equal(robot_send("wecom", "http://127.0.0.1:9/cgi-bin/webhook/send?key=x", NULL,
                                "{}", NULL, 5, errbuf, sizeof errbuf),
                     -1);
    assert_non_null(strstr(errbuf, send_error_text(7)));
    assert_non_null(strstr(errbuf, "错误码 7"));
    assert_false(has_english_word(errbuf));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_notify_role_reaches_only_the_role_holders_of_the_unit,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_notification_vanishes_when_the_step_rolls_back, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_bad_notice_is_refused_naming_the_field, setup,
                                        teardown),
        cmocka_unit_test(test_robot_payloads_have_the_wecom_and_dingtalk_shapes),
        cmocka_unit_test(test_webhook_retry_backoff_doubles_caps_and_gives_up),
        cmocka_unit_test(test_robot_send_error_is_chinese_for_every_curl_code),
        cmocka_unit_test(test_robot_refusal_is_chinese_where_the_code_is_known),
        cmocka_unit_test_setup_teardown(test_publication_record_rules, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
