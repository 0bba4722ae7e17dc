/*
 * test_core_account.c - account lifecycle, application form, deadlines,
 * the one-account-per-platform rule and the annual review (core only).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/account.h"
#include "core/account_deadline.h"
#include "core/account_form.h"
#include "core/account_review.h"
#include "core/account_unique.h"
#include "core/calendar.h"
#include "core/platform.h"

static gm_date D(const char *s)
{
    gm_date d = 0;
    assert_int_equal(date_parse(s, NULL, &d, NULL), GM_OK);
    return d;
}

static void assert_date(gm_date got, const char *want)
{
    char buf[GM_DATE_TEXT_SIZE];
    assert_string_equal(date_format(got, buf), want);
}

/* ---- lifecycle: every state x event pair ----------------------------- */

typedef struct legal_move {
    gm_account_state from;
    gm_account_event event;
    gm_account_state to;
} legal_move;

/* The complete legal set, written out independently of account.c. */
static const legal_move legal_moves[] = {
    {GM_ACCOUNT_NONE, GM_EVENT_APPLY, GM_ACCOUNT_APPLIED},
    {GM_ACCOUNT_APPLIED, GM_EVENT_APPROVE, GM_ACCOUNT_APPROVED},
    {GM_ACCOUNT_APPLIED, GM_EVENT_REJECT, GM_ACCOUNT_REJECTED},
    {GM_ACCOUNT_APPROVED, GM_EVENT_OPEN, GM_ACCOUNT_OPENED},
    {GM_ACCOUNT_OPENED, GM_EVENT_CERTIFY, GM_ACCOUNT_CERTIFIED},
    {GM_ACCOUNT_CERTIFIED, GM_EVENT_FILE, GM_ACCOUNT_FILED},
    /* issue 8 item 9: filing needs no certification; certification is
     * recordable before or after filing */
    {GM_ACCOUNT_OPENED, GM_EVENT_FILE, GM_ACCOUNT_FILED},
    {GM_ACCOUNT_CERTIFIED, GM_EVENT_CERTIFY, GM_ACCOUNT_CERTIFIED},
    {GM_ACCOUNT_FILED, GM_EVENT_CERTIFY, GM_ACCOUNT_FILED},
    {GM_ACCOUNT_REFILING_DUE, GM_EVENT_CERTIFY, GM_ACCOUNT_REFILING_DUE},
    {GM_ACCOUNT_REFILING_DUE, GM_EVENT_FILE, GM_ACCOUNT_FILED},
    {GM_ACCOUNT_OPENED, GM_EVENT_CHANGE_PEOPLE, GM_ACCOUNT_OPENED},
    {GM_ACCOUNT_CERTIFIED, GM_EVENT_CHANGE_PEOPLE, GM_ACCOUNT_CERTIFIED},
    {GM_ACCOUNT_FILED, GM_EVENT_CHANGE_PEOPLE, GM_ACCOUNT_REFILING_DUE},
    {GM_ACCOUNT_REFILING_DUE, GM_EVENT_CHANGE_PEOPLE, GM_ACCOUNT_REFILING_DUE},
#define LIVE_KEEPS(s)                                                                              \
    {s, GM_EVENT_SUBMIT_ANNUAL_REPORT, s}, {s, GM_EVENT_PASS_ANNUAL_REVIEW, s},                    \
        {s, GM_EVENT_FAIL_ANNUAL_REVIEW, s}, {s, GM_EVENT_CLOSE, GM_ACCOUNT_CLOSED},               \
        {s, GM_EVENT_MERGE, GM_ACCOUNT_MERGED}
    LIVE_KEEPS(GM_ACCOUNT_OPENED),
    LIVE_KEEPS(GM_ACCOUNT_CERTIFIED),
    LIVE_KEEPS(GM_ACCOUNT_FILED),
    LIVE_KEEPS(GM_ACCOUNT_REFILING_DUE),
#undef LIVE_KEEPS
};

static const legal_move *find_legal(gm_account_state s, gm_account_event e)
{
    for (size_t i = 0; i < sizeof legal_moves / sizeof *legal_moves; i++)
        if (legal_moves[i].from == s && legal_moves[i].event == e)
            return &legal_moves[i];
    return NULL;
}

static void test_every_transition_legal_and_illegal(void **state)
{
    (void)state;
    int legal = 0, illegal = 0;
    for (int s = 0; s < GM_ACCOUNT_STATE_COUNT; s++)
        for (int e = 0; e < GM_ACCOUNT_EVENT_COUNT; e++) {
            const legal_move *want = find_legal((gm_account_state)s, (gm_account_event)e);
            gm_account_state next = GM_ACCOUNT_STATE_COUNT;
            gm_err err;
            gm_err_clear(&err);
            int rc = account_transition((gm_account_state)s, (gm_account_event)e, &next, &err);
            if (want) {
                if (rc != GM_OK)
                    fail_msg("%s + %s should be legal: %s", account_state_name(s),
                             account_event_name(e), err.message);
                assert_int_equal(next, want->to);
                assert_true(account_event_is_legal(s, e));
                legal++;
            } else {
                if (rc != GM_E_CONFLICT)
                    fail_msg("%s + %s should be a conflict", account_state_name(s),
                             account_event_name(e));
                assert_int_equal(next, GM_ACCOUNT_STATE_COUNT); /* untouched */
                assert_false(account_event_is_legal(s, e));
                char want_msg[256];
                snprintf(want_msg, sizeof want_msg, "账号当前状态为“%s”，不能执行“%s”",
                         account_state_label(s), account_event_label(e));
                assert_string_equal(err.message, want_msg);
                assert_string_equal(err.field, "state");
                illegal++;
            }
        }
    assert_int_equal(legal, (int)(sizeof legal_moves / sizeof *legal_moves));
    assert_int_equal(legal + illegal, GM_ACCOUNT_STATE_COUNT * GM_ACCOUNT_EVENT_COUNT);
}

static void test_illegal_transition_messages_name_current_state(void **state)
{
    (void)state;
    gm_account_state next;
    gm_err err;
    assert_int_equal(account_transition(GM_ACCOUNT_APPROVED, GM_EVENT_FILE, &next, &err), GM_E_CONFLICT);
    assert_string_equal(err.message, "账号当前状态为“已批准”，不能执行“备案”");
    assert_int_equal(account_transition(GM_ACCOUNT_APPROVED, GM_EVENT_APPROVE, &next, &err), GM_E_CONFLICT);
    assert_string_equal(err.message, "账号当前状态为“已批准”，不能执行“批准”");
    assert_int_equal(account_transition(GM_ACCOUNT_CLOSED, GM_EVENT_CLOSE, &next, &err), GM_E_CONFLICT);
    assert_string_equal(err.message, "账号当前状态为“已注销”，不能执行“注销”");
    assert_int_equal(account_transition(GM_ACCOUNT_STATE_COUNT, GM_EVENT_FILE, &next, &err), GM_E_INVALID);
    assert_int_equal(account_transition(GM_ACCOUNT_FILED, (gm_account_event)-1, &next, &err), GM_E_INVALID);
}

static void test_full_lifecycle_walk(void **state)
{
    (void)state;
    const gm_account_event walk[] = {GM_EVENT_APPLY, GM_EVENT_APPROVE, GM_EVENT_OPEN,
                                     GM_EVENT_CERTIFY, GM_EVENT_FILE, GM_EVENT_CHANGE_PEOPLE,
                                     GM_EVENT_FILE, GM_EVENT_SUBMIT_ANNUAL_REPORT,
                                     GM_EVENT_FAIL_ANNUAL_REVIEW, GM_EVENT_CLOSE};
    const gm_account_state expect[] = {GM_ACCOUNT_APPLIED, GM_ACCOUNT_APPROVED, GM_ACCOUNT_OPENED,
                                       GM_ACCOUNT_CERTIFIED, GM_ACCOUNT_FILED,
                                       GM_ACCOUNT_REFILING_DUE, GM_ACCOUNT_FILED, GM_ACCOUNT_FILED,
                                       GM_ACCOUNT_FILED, GM_ACCOUNT_CLOSED};
    gm_account_state s = GM_ACCOUNT_NONE;
    for (size_t i = 0; i < sizeof walk / sizeof *walk; i++) {
        assert_int_equal(account_transition(s, walk[i], &s, NULL), GM_OK);
        assert_int_equal(s, expect[i]);
    }
    assert_true(account_state_is_final(s));
}

static void test_rule_closed_account_receives_no_posts(void **state)
{
    (void)state;
    gm_err err;
    for (int s = 0; s < GM_ACCOUNT_STATE_COUNT; s++) {
        int rc = account_can_receive_posts((gm_account_state)s, &err);
        assert_int_equal(rc, account_state_is_live(s) ? GM_OK : GM_E_CONFLICT);
    }
    assert_int_equal(account_can_receive_posts(GM_ACCOUNT_CLOSED, &err), GM_E_CONFLICT);
    assert_string_equal(err.message, "账号当前状态为“已注销”，不能发布信息");
    assert_int_equal(account_can_receive_posts(GM_ACCOUNT_MERGED, &err), GM_E_CONFLICT);
}

static void test_state_and_event_names_round_trip(void **state)
{
    (void)state;
    for (int s = 0; s < GM_ACCOUNT_STATE_COUNT; s++) {
        gm_account_state back;
        assert_int_equal(account_state_parse(account_state_name(s), &back, NULL), GM_OK);
        assert_int_equal(back, s);
    }
    for (int e = 0; e < GM_ACCOUNT_EVENT_COUNT; e++) {
        gm_account_event back;
        assert_int_equal(account_event_parse(account_event_name(e), &back, NULL), GM_OK);
        assert_int_equal(back, e);
    }
    gm_err err;
    gm_account_state s;
    gm_account_event e;
    assert_int_equal(account_state_parse("deleted", &s, &err), GM_E_INVALID);
    assert_string_equal(err.field, "state");
    assert_int_equal(account_event_parse(NULL, &e, &err), GM_E_INVALID);
    assert_string_equal(account_state_label(GM_ACCOUNT_REFILING_DUE), "待重新备案");
}

static void test_platform_names_and_labels(void **state)
{
    (void)state;
    const char *names[] = {"weibo", "wechat", "toutiao", "douyin", "kuaishou", "app"};
    assert_int_equal(GM_PLATFORM_COUNT, 6);
    for (int p = 0; p < GM_PLATFORM_COUNT; p++) {
        gm_platform back;
        assert_string_equal(platform_name(p), names[p]);
        assert_int_equal(platform_parse(names[p], NULL, &back, NULL), GM_OK);
        assert_int_equal(back, p);
        assert_int_equal(platform_parse(platform_label(p), NULL, &back, NULL), GM_OK);
        assert_int_equal(back, p);
    }
    assert_string_equal(platform_label(GM_PLATFORM_WEIBO), "微博");
    assert_string_equal(platform_label(GM_PLATFORM_TOUTIAO), "头条号");
    gm_platform p;
    gm_err err;
    assert_int_equal(platform_parse("twitter", NULL, &p, &err), GM_E_INVALID);
    assert_string_equal(err.field, "platform");
    assert_string_equal(platform_name((gm_platform)99), "unknown");
}

/* ---- application form ------------------------------------------------ */

static gm_account_application good_form(void)
{
    gm_account_application f = {
        .name = "某某市人民政府",
        .platform = "wechat",
        .host_unit = "某某市人民政府办公室",
        .date = "2026-11-23",
        .responsible = {"张三", "副主任", "0571-87654321", "13812345678"},
        .admin = {"李四", "科员", "0571-87654322-8001", "19912345678"},
        .admin_qq = "12345678",
        .admin_wechat = "lisi_2026",
        .purpose = "发布政务信息,回应群众关切。\n服务范围:全市。",
    };
    return f;
}

static void assert_form_error(const gm_account_application *f, const char *field)
{
    gm_err err;
    gm_err_clear(&err);
    int rc = account_apply_validate(f, NULL, &err);
    if (rc != GM_E_INVALID || strcmp(err.field, field) != 0)
        fail_msg("expected invalid %s, got rc=%d field=%s (%s)", field, rc, err.field, err.message);
    assert_true(err.message[0] != '\0');
}

static void test_rule_valid_application_is_accepted(void **state)
{
    (void)state;
    gm_account_application f = good_form();
    gm_application_values v;
    gm_err err;
    assert_int_equal(account_apply_validate(&f, &v, &err), GM_OK);
    assert_int_equal(v.platform, GM_PLATFORM_WECHAT);
    assert_date(v.date, "2026-11-23");
    f.platform = "微博";
    assert_int_equal(account_apply_validate(&f, &v, &err), GM_OK);
    assert_int_equal(v.platform, GM_PLATFORM_WEIBO);
}

static void test_rule_every_required_field_is_named_when_missing(void **state)
{
    (void)state;
    struct {
        const char *field;
        size_t offset;
    } required[] = {
        {"name", offsetof(gm_account_application, name)},
        {"platform", offsetof(gm_account_application, platform)},
        {"host_unit", offsetof(gm_account_application, host_unit)},
        {"date", offsetof(gm_account_application, date)},
        {"responsible.name", offsetof(gm_account_application, responsible.name)},
        {"responsible.title", offsetof(gm_account_application, responsible.title)},
        {"responsible.office_phone", offsetof(gm_account_application, responsible.office_phone)},
        {"responsible.mobile", offsetof(gm_account_application, responsible.mobile)},
        {"admin.name", offsetof(gm_account_application, admin.name)},
        {"admin.title", offsetof(gm_account_application, admin.title)},
        {"admin.office_phone", offsetof(gm_account_application, admin.office_phone)},
        {"admin.mobile", offsetof(gm_account_application, admin.mobile)},
        {"purpose", offsetof(gm_account_application, purpose)},
    };
    const char *blanks[] = {NULL, "", "   ", "\xE3\x80\x80\t"};
    for (size_t i = 0; i < sizeof required / sizeof *required; i++)
        for (size_t b = 0; b < sizeof blanks / sizeof *blanks; b++) {
            gm_account_application f = good_form();
            memcpy((char *)&f + required[i].offset, &blanks[b], sizeof(const char *));
            assert_form_error(&f, required[i].field);
        }
}

static void test_rule_qq_and_wechat_are_optional(void **state)
{
    (void)state;
    gm_account_application f = good_form();
    f.admin_qq = NULL;
    f.admin_wechat = "";
    assert_int_equal(account_apply_validate(&f, NULL, NULL), GM_OK);
}

static void test_rule_mobile_is_11_digits_starting_13_to_19(void **state)
{
    (void)state;
    const char *good[] = {"13012345678", "15912345678", "19912345678"};
    const char *bad[] = {"12012345678", "1381234567", "138123456789", "23812345678",
                         "1381234567a", "+8613812345678", "138 1234 5678", "11012345678"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        assert_int_equal(account_mobile_validate(good[i], "m", NULL), GM_OK);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        gm_err err;
        assert_int_equal(account_mobile_validate(bad[i], "admin.mobile", &err), GM_E_INVALID);
        assert_string_equal(err.field, "admin.mobile");
    }
    gm_account_application f = good_form();
    f.responsible.mobile = "12345678901";
    assert_form_error(&f, "responsible.mobile");
    f = good_form();
    f.admin.mobile = "1991234567";
    assert_form_error(&f, "admin.mobile");
}

static void test_rule_office_phone_has_area_code_and_optional_extension(void **state)
{
    (void)state;
    const char *good[] = {"0571-87654321", "010-62345678", "021-2345678", "0571-87654321-123",
                          "0571-87654321转8001", "0571-87654321ext12"};
    const char *bad[] = {"87654321", "571-87654321", "05711-87654321", "0571-1234567",
                         "0571-0234567", "0571-876543210", "0571-876543", "0571-87654321-",
                         "0571-87654321-1234567", "0571 87654321", "13812345678",
                         "0571-87654321x12"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        if (account_office_phone_validate(good[i], "p", NULL) != GM_OK)
            fail_msg("%s should be accepted", good[i]);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (account_office_phone_validate(bad[i], "p", NULL) != GM_E_INVALID)
            fail_msg("%s should be refused", bad[i]);
    gm_account_application f = good_form();
    f.admin.office_phone = "87654321";
    assert_form_error(&f, "admin.office_phone");
    f = good_form();
    f.responsible.office_phone = "0571/87654321";
    assert_form_error(&f, "responsible.office_phone");
}

static void test_rule_qq_is_5_to_11_digits(void **state)
{
    (void)state;
    const char *good[] = {"10000", "12345678", "12345678901"};
    const char *bad[] = {"1234", "123456789012", "01234567", "12345a", "qq12345"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        assert_int_equal(account_qq_validate(good[i], "q", NULL), GM_OK);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(account_qq_validate(bad[i], "q", NULL), GM_E_INVALID);
    gm_account_application f = good_form();
    f.admin_qq = "1234";
    assert_form_error(&f, "admin.qq");
}

static void test_rule_wechat_id_or_mobile(void **state)
{
    (void)state;
    const char *good[] = {"lisi_2026", "a12345", "Zhang-San_0123456789", "13812345678"};
    const char *bad[] = {"1lisi2026", "abc", "lisi 2026", "李四2026", "abcdefghijklmnopqrstu"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        if (account_wechat_id_validate(good[i], "w", NULL) != GM_OK)
            fail_msg("%s should be accepted", good[i]);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (account_wechat_id_validate(bad[i], "w", NULL) != GM_E_INVALID)
            fail_msg("%s should be refused", bad[i]);
    gm_account_application f = good_form();
    f.admin_wechat = "1lisi";
    assert_form_error(&f, "admin.wechat");
}

static void test_rule_platform_must_be_known(void **state)
{
    (void)state;
    gm_account_application f = good_form();
    f.platform = "myspace";
    assert_form_error(&f, "platform");
}

static void test_rule_application_date_is_a_real_date(void **state)
{
    (void)state;
    gm_account_application f = good_form();
    f.date = "2026-02-30";
    assert_form_error(&f, "date");
    f.date = "2026/11/23";
    assert_form_error(&f, "date");
}

static void test_rule_text_fields_have_limits_and_valid_encoding(void **state)
{
    (void)state;
    char longname[300];
    memset(longname, 0, sizeof longname);
    for (int i = 0; i < 65; i++)
        strcat(longname, "政"); /* 65 characters, 195 bytes */
    gm_account_application f = good_form();
    f.name = longname;
    assert_form_error(&f, "name");
    longname[strlen("政") * 64] = '\0'; /* exactly 64 characters: fine */
    assert_int_equal(account_apply_validate(&f, NULL, NULL), GM_OK);
    f = good_form();
    f.host_unit = "\xC3\x28 bad utf-8";
    assert_form_error(&f, "host_unit");
    f = good_form();
    f.admin.name = "李\n四";
    assert_form_error(&f, "admin.name");
    f = good_form();
    f.responsible.title = "\xED\xA0\x80"; /* a UTF-16 surrogate */
    assert_form_error(&f, "responsible.title");
}

static void test_rule_first_bad_field_in_form_order_is_named(void **state)
{
    (void)state;
    gm_account_application f = good_form();
    f.purpose = "";
    f.admin.mobile = "1";
    f.responsible.title = NULL;
    assert_form_error(&f, "responsible.title");
}

/* ---- deadlines ------------------------------------------------------- */

static int setup_calendar(void **state)
{
    const char *root = getenv("GM_SOURCE_DIR");
    gm_calendar *cal;
    assert_int_equal(calendar_new(&cal, NULL), GM_OK);
    for (int year = 2025; year <= 2026; year++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/data/calendars/%d.txt", root ? root : ".", year);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        static char buf[65536];
        size_t n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        assert_int_equal(calendar_load_year(cal, buf, n, NULL), GM_OK);
    }
    *state = cal;
    return 0;
}

static int teardown_calendar(void **state)
{
    calendar_free(*state);
    return 0;
}

static void test_rule_filing_due_3_calendar_days_after_opening(void **state)
{
    (void)state;
    gm_deadline_policy p = deadline_policy_default();
    gm_date due;
    assert_int_equal(p.filing_due_days, 3);
    assert_int_equal(account_filing_due(&p, D("2026-11-23"), &due, NULL), GM_OK);
    assert_date(due, "2026-11-26");
    /* Calendar days: a holiday does not extend it. */
    assert_int_equal(account_filing_due(&p, D("2026-09-30"), &due, NULL), GM_OK);
    assert_date(due, "2026-10-03");
    p.filing_due_days = -1;
    gm_err err;
    assert_int_equal(account_filing_due(&p, D("2026-09-30"), &due, &err), GM_E_INVALID);
    assert_string_equal(err.field, "filing_due_days");
}

static void test_rule_filing_overdue_is_flagged(void **state)
{
    (void)state;
    gm_deadline_policy p = deadline_policy_default();
    int overdue = -1;
    gm_date opened = D("2026-11-02");
    assert_int_equal(account_filing_overdue(&p, GM_ACCOUNT_OPENED, opened, D("2026-11-05"), &overdue, NULL), GM_OK);
    assert_false(overdue); /* the due day itself is still in time */
    assert_int_equal(account_filing_overdue(&p, GM_ACCOUNT_OPENED, opened, D("2026-11-06"), &overdue, NULL), GM_OK);
    assert_true(overdue);
    assert_int_equal(account_filing_overdue(&p, GM_ACCOUNT_CERTIFIED, opened, D("2026-11-06"), &overdue, NULL), GM_OK);
    assert_true(overdue);
    assert_int_equal(account_filing_overdue(&p, GM_ACCOUNT_FILED, opened, D("2026-12-06"), &overdue, NULL), GM_OK);
    assert_false(overdue);
    assert_int_equal(account_filing_overdue(&p, GM_ACCOUNT_CLOSED, opened, D("2026-12-06"), &overdue, NULL), GM_OK);
    assert_false(overdue);
}

static void test_rule_refiling_due_5_working_days_after_change(void **state)
{
    const gm_calendar *cal = *state;
    gm_deadline_policy p = deadline_policy_default();
    gm_date due;
    assert_int_equal(p.refiling_due_working_days, 5);
    /* National Day 2026 in between: 09-30, 10-08, 10-09, 10-10 (调休), 10-12. */
    assert_int_equal(account_refiling_due(&p, cal, D("2026-09-29"), &due, NULL), GM_OK);
    assert_date(due, "2026-10-12");
    /* Spring Festival 2026 with 调休 Saturday 02-14. */
    assert_int_equal(account_refiling_due(&p, cal, D("2026-02-12"), &due, NULL), GM_OK);
    assert_date(due, "2026-02-26");
    /* Year boundary with 元旦 and 调休 Sunday 2026-01-04. */
    assert_int_equal(account_refiling_due(&p, cal, D("2025-12-31"), &due, NULL), GM_OK);
    assert_date(due, "2026-01-08");
    /* A change late in the last loaded year: the deadline is not guessed. */
    gm_err err;
    assert_int_equal(account_refiling_due(&p, cal, D("2026-12-29"), &due, &err), GM_E_INVALID);
    assert_string_equal(err.field, "calendar");
    assert_non_null(strstr(err.message, "2027"));
}

static void test_rule_refiling_overdue_is_flagged(void **state)
{
    const gm_calendar *cal = *state;
    gm_deadline_policy p = deadline_policy_default();
    int overdue = -1;
    gm_date changed = D("2026-09-29");
    assert_int_equal(account_refiling_overdue(&p, cal, GM_ACCOUNT_REFILING_DUE, changed, D("2026-10-12"), &overdue, NULL), GM_OK);
    assert_false(overdue);
    assert_int_equal(account_refiling_overdue(&p, cal, GM_ACCOUNT_REFILING_DUE, changed, D("2026-10-13"), &overdue, NULL), GM_OK);
    assert_true(overdue);
    assert_int_equal(account_refiling_overdue(&p, cal, GM_ACCOUNT_FILED, changed, D("2026-10-13"), &overdue, NULL), GM_OK);
    assert_false(overdue);
}

/* ---- one account per unit per platform ------------------------------- */

static void test_rule_one_account_per_unit_per_platform(void **state)
{
    (void)state;
    gm_account_brief unit[] = {
        {1, "某某发布", GM_PLATFORM_WEIBO, GM_ACCOUNT_FILED},
        {2, "某某旧号", GM_PLATFORM_WECHAT, GM_ACCOUNT_CLOSED},
        {3, "某某被拒", GM_PLATFORM_DOUYIN, GM_ACCOUNT_REJECTED},
        {4, "某某合并", GM_PLATFORM_DOUYIN, GM_ACCOUNT_MERGED},
        {5, "某某申请中", GM_PLATFORM_TOUTIAO, GM_ACCOUNT_APPLIED},
    };
    size_t n = sizeof unit / sizeof *unit;
    gm_err err;
    gm_err_clear(&err);
    assert_int_equal(account_unique_platform_check(GM_PLATFORM_WEIBO, unit, n, NULL, &err), GM_E_CONFLICT);
    assert_string_equal(err.field, "platform");
    assert_non_null(strstr(err.message, "某某发布"));
    assert_non_null(strstr(err.message, "微博"));
    /* A pending application holds the slot too. */
    assert_int_equal(account_unique_platform_check(GM_PLATFORM_TOUTIAO, unit, n, NULL, &err), GM_E_CONFLICT);
    /* Closed, rejected and merged accounts free it. */
    assert_int_equal(account_unique_platform_check(GM_PLATFORM_WECHAT, unit, n, NULL, &err), GM_OK);
    assert_int_equal(account_unique_platform_check(GM_PLATFORM_DOUYIN, unit, n, NULL, &err), GM_OK);
    assert_int_equal(account_unique_platform_check(GM_PLATFORM_APP, NULL, 0, NULL, &err), GM_OK);
    /* Every state that holds a slot conflicts; the rest do not. */
    for (int s = 0; s < GM_ACCOUNT_STATE_COUNT; s++) {
        gm_account_brief one = {9, "x", GM_PLATFORM_KUAISHOU, (gm_account_state)s};
        int want = account_state_holds_platform_slot(s) ? GM_E_CONFLICT : GM_OK;
        assert_int_equal(account_unique_platform_check(GM_PLATFORM_KUAISHOU, &one, 1, NULL, NULL), want);
    }
}

static void test_rule_platform_exception_needs_a_reason(void **state)
{
    (void)state;
    gm_account_brief unit[] = {{1, "某某发布", GM_PLATFORM_WEIBO, GM_ACCOUNT_FILED}};
    gm_err err;
    assert_int_equal(account_unique_platform_check(GM_PLATFORM_WEIBO, unit, 1, "应急指挥专用账号,经市委网信办同意", &err), GM_OK);
    assert_int_equal(account_unique_platform_check(GM_PLATFORM_WEIBO, unit, 1, "  ", &err), GM_E_INVALID);
    assert_string_equal(err.field, "exception_reason");
}

static void test_rule_internal_department_may_not_hold_accounts(void **state)
{
    (void)state;
    gm_err err;
    assert_int_equal(account_unit_may_hold_check(1, NULL, &err), GM_OK);
    assert_int_equal(account_unit_may_hold_check(0, NULL, &err), GM_E_CONFLICT);
    assert_string_equal(err.field, "host_unit");
    assert_int_equal(account_unit_may_hold_check(0, "经批准的专项工作账号", &err), GM_OK);
    assert_int_equal(account_unit_may_hold_check(0, "", &err), GM_E_INVALID);
}

/* ---- annual review --------------------------------------------------- */

static void test_rule_annual_review_round_defaults_to_november(void **state)
{
    (void)state;
    gm_date first, last;
    assert_int_equal(review_round_window(2026, 0, &first, &last, NULL), GM_OK);
    assert_date(first, "2026-11-01");
    assert_date(last, "2026-11-30");
    assert_int_equal(review_round_window(2026, 12, &first, &last, NULL), GM_OK);
    assert_date(last, "2026-12-31");
    assert_int_equal(review_round_window(2028, 2, &first, &last, NULL), GM_OK);
    assert_date(last, "2028-02-29");
    gm_err err;
    assert_int_equal(review_round_window(2026, 13, &first, &last, &err), GM_E_INVALID);
    assert_string_equal(err.field, "month");
}

static void test_rule_annual_review_transitions(void **state)
{
    (void)state;
    const gm_account_event evs[] = {GM_EVENT_SUBMIT_ANNUAL_REPORT, GM_EVENT_PASS_ANNUAL_REVIEW,
                                    GM_EVENT_FAIL_ANNUAL_REVIEW, GM_EVENT_FILE};
    /* expected[state][event]: -1 illegal. */
    const int expected[GM_REVIEW_STATE_COUNT][4] = {
        [GM_REVIEW_NONE] = {GM_REVIEW_SUBMITTED, -1, -1, -1},
        [GM_REVIEW_SUBMITTED] = {-1, GM_REVIEW_PASSED, GM_REVIEW_FAILED, -1},
        [GM_REVIEW_PASSED] = {-1, -1, -1, -1},
        [GM_REVIEW_FAILED] = {-1, -1, -1, -1},
    };
    for (int s = 0; s < GM_REVIEW_STATE_COUNT; s++)
        for (int e = 0; e < 4; e++) {
            gm_review_state next = GM_REVIEW_STATE_COUNT;
            gm_err err;
            int rc = review_transition((gm_review_state)s, evs[e], &next, &err);
            if (expected[s][e] < 0) {
                assert_int_equal(rc, GM_E_CONFLICT);
                assert_non_null(strstr(err.message, review_state_label(s)));
            } else {
                assert_int_equal(rc, GM_OK);
                assert_int_equal(next, expected[s][e]);
            }
        }
}

static void test_rule_no_report_or_failed_review_must_close(void **state)
{
    (void)state;
    const gm_review_entry round[] = {
        {10, GM_ACCOUNT_FILED, GM_REVIEW_PASSED},         /* keep */
        {11, GM_ACCOUNT_FILED, GM_REVIEW_NONE},           /* must close: no report */
        {12, GM_ACCOUNT_CERTIFIED, GM_REVIEW_FAILED},     /* must close: failed */
        {13, GM_ACCOUNT_REFILING_DUE, GM_REVIEW_SUBMITTED}, /* pending decision */
        {14, GM_ACCOUNT_CLOSED, GM_REVIEW_NONE},          /* already closed */
        {15, GM_ACCOUNT_APPLIED, GM_REVIEW_NONE},         /* not open yet */
        {16, GM_ACCOUNT_OPENED, GM_REVIEW_NONE},          /* must close */
    };
    size_t idx[7], n = 99;
    review_list_must_close(round, 7, idx, &n);
    assert_int_equal(n, 3);
    assert_int_equal(round[idx[0]].account_id, 11);
    assert_int_equal(round[idx[1]].account_id, 12);
    assert_int_equal(round[idx[2]].account_id, 16);
    assert_int_equal(review_outcome(GM_ACCOUNT_FILED, GM_REVIEW_SUBMITTED), GM_REVIEW_OUTCOME_PENDING);
    assert_int_equal(review_outcome(GM_ACCOUNT_FILED, GM_REVIEW_PASSED), GM_REVIEW_OUTCOME_KEEP);
    assert_int_equal(review_outcome(GM_ACCOUNT_MERGED, GM_REVIEW_FAILED), GM_REVIEW_OUTCOME_EXEMPT);
    review_list_must_close(NULL, 0, idx, &n);
    assert_int_equal(n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_transition_legal_and_illegal),
        cmocka_unit_test(test_illegal_transition_messages_name_current_state),
        cmocka_unit_test(test_full_lifecycle_walk),
        cmocka_unit_test(test_rule_closed_account_receives_no_posts),
        cmocka_unit_test(test_state_and_event_names_round_trip),
        cmocka_unit_test(test_platform_names_and_labels),
        cmocka_unit_test(test_rule_valid_application_is_accepted),
        cmocka_unit_test(test_rule_every_required_field_is_named_when_missing),
        cmocka_unit_test(test_rule_qq_and_wechat_are_optional),
        cmocka_unit_test(test_rule_mobile_is_11_digits_starting_13_to_19),
        cmocka_unit_test(test_rule_office_phone_has_area_code_and_optional_extension),
        cmocka_unit_test(test_rule_qq_is_5_to_11_digits),
        cmocka_unit_test(test_rule_wechat_id_or_mobile),
        cmocka_unit_test(test_rule_platform_must_be_known),
        cmocka_unit_test(test_rule_application_date_is_a_real_date),
        cmocka_unit_test(test_rule_text_fields_have_limits_and_valid_encoding),
        cmocka_unit_test(test_rule_first_bad_field_in_form_order_is_named),
        cmocka_unit_test(test_rule_filing_due_3_calendar_days_after_opening),
        cmocka_unit_test(test_rule_filing_overdue_is_flagged),
        cmocka_unit_test_setup_teardown(test_rule_refiling_due_5_working_days_after_change, setup_calendar, teardown_calendar),
        cmocka_unit_test_setup_teardown(test_rule_refiling_overdue_is_flagged, setup_calendar, teardown_calendar),
        cmocka_unit_test(test_rule_one_account_per_unit_per_platform),
        cmocka_unit_test(test_rule_platform_exception_needs_a_reason),
        cmocka_unit_test(test_rule_internal_department_may_not_hold_accounts),
        cmocka_unit_test(test_rule_annual_review_round_defaults_to_november),
        cmocka_unit_test(test_rule_annual_review_transitions),
        cmocka_unit_test(test_rule_no_report_or_failed_review_must_close),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
