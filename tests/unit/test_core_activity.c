/*
 * test_core_activity.c - the update-frequency presets, the national 2-week
 * veto and the zombie list (core/activity.c), walked across National Day
 * 2026 with the shipped working calendar.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/activity.h"

static gm_date day(const char *s)
{
    gm_date d;
    gm_err err;
    assert_int_equal(date_parse(s, NULL, &d, &err), 0);
    return d;
}

static int setup_calendar(void **state)
{
    gm_calendar *cal;
    gm_err err;
    assert_int_equal(calendar_new(&cal, &err), 0);
    const char *root = getenv("GM_SOURCE_DIR");
    char path[1024];
    for (int year = 2026; year <= 2027; year++) {
        snprintf(path, sizeof path, "%s/data/calendars/%d.txt", root ? root : ".", year);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;   /* 2027 may not be published yet */
        char *buf = malloc(65536);
        size_t len = fread(buf, 1, 65536, f);
        fclose(f);
        assert_int_equal(calendar_load_year(cal, buf, len, &err), 0);
        free(buf);
    }
    calendar_set_weekend_fallback(cal, 1);
    *state = cal;
    return 0;
}

static int teardown_calendar(void **state)
{
    calendar_free(*state);
    return 0;
}

/* Evaluates an account whose publications are the given days (newest first). */
static gm_activity_result eval(gm_activity_policy p, const char *as_of, const char *opened,
                               const char *const *days, int originals, const gm_calendar *cal)
{
    gm_activity_pub pubs[64];
    size_t n = 0;
    gm_activity_input in = {.policy = p, .as_of = day(as_of), .opened = day(opened),
                            .last_update = -1, .last_original = -1, .cal = cal};
    for (; days && days[n]; n++) {
        pubs[n].day = day(days[n]);
        pubs[n].original = (int)n < originals;
        if (pubs[n].day <= in.as_of && in.last_update < 0)
            in.last_update = pubs[n].day;
        if (pubs[n].original && pubs[n].day <= in.as_of && in.last_original < 0)
            in.last_original = pubs[n].day;
    }
    in.pubs = pubs;
    in.n_pubs = n;
    gm_activity_result r;
    gm_err err;
    assert_int_equal(activity_evaluate(&in, &r, &err), 0);
    return r;
}

static const char *const before_holiday[] = {"2026-09-30", "2026-09-29", "2026-09-28", NULL};

static void test_activity_national_warning_from_10_days_veto_after_14(void **state)
{
    (void)state;
    gm_activity_result r = eval(ACTIVITY_NATIONAL, "2026-10-09", "2025-01-01", before_holiday, 3, NULL);
    assert_int_equal(r.status, ACTIVITY_OK);
    assert_int_equal(r.days_since_update, 9);
    r = eval(ACTIVITY_NATIONAL, "2026-10-10", "2025-01-01", before_holiday, 3, NULL);
    assert_int_equal(r.status, ACTIVITY_WARNING);
    assert_non_null(strstr(r.reason, "已 10 天未更新"));
    r = eval(ACTIVITY_NATIONAL, "2026-10-14", "2025-01-01", before_holiday, 3, NULL);
    assert_int_equal(r.status, ACTIVITY_WARNING);
    r = eval(ACTIVITY_NATIONAL, "2026-10-15", "2025-01-01", before_holiday, 3, NULL);
    assert_int_equal(r.status, ACTIVITY_VETO);
    assert_int_equal(r.days_since_update, 15);
    assert_non_null(strstr(r.reason, "单项否决"));
}

/* The daily preset excuses the Golden Week holidays, the national veto does not. */
static void test_activity_daily_preset_across_national_day(void **state)
{
    const gm_calendar *cal = *state;
    const char *as_of[] = {"2026-10-01", "2026-10-05", "2026-10-07", "2026-10-08", "2026-10-09",
                           "2026-10-12", "2026-10-15"};
    const gm_activity_status want[] = {ACTIVITY_OK, ACTIVITY_OK, ACTIVITY_OK, ACTIVITY_WARNING,
                                       ACTIVITY_VIOLATION, ACTIVITY_VIOLATION, ACTIVITY_VETO};
    for (size_t i = 0; i < sizeof as_of / sizeof as_of[0]; i++) {
        gm_activity_result r = eval(ACTIVITY_DAILY, as_of[i], "2025-01-01", before_holiday, 3, cal);
        if (r.status != want[i])
            fprintf(stderr, "as of %s: %s (%s)\n", as_of[i], activity_status_name(r.status), r.reason);
        assert_int_equal(r.status, want[i]);
    }
    /* 10 October 2026 is a Saturday worked in lieu (调休上班): it counts as a working day. */
    gm_activity_result r = eval(ACTIVITY_DAILY, "2026-10-11", "2025-01-01", before_holiday, 3, cal);
    assert_non_null(strstr(r.reason, "有 3 个工作日未更新"));
}

static void test_activity_daily_preset_needs_an_original_every_two_weeks(void **state)
{
    const gm_calendar *cal = *state;
    const char *const reposts[] = {"2026-11-20", "2026-11-19", "2026-11-18", "2026-11-17",
                                   "2026-11-16", "2026-11-13", "2026-11-12", "2026-11-11",
                                   "2026-11-10", "2026-11-09", "2026-11-06", NULL};
    /* Only the oldest (06 Nov) would be an original: give none. */
    gm_activity_result r = eval(ACTIVITY_DAILY, "2026-11-20", "2025-01-01", reposts, 0, cal);
    assert_int_equal(r.status, ACTIVITY_VIOLATION);
    assert_non_null(strstr(r.reason, "原创"));
    assert_int_equal(r.originals_14d, 0);
    r = eval(ACTIVITY_DAILY, "2026-11-20", "2025-01-01", reposts, 1, cal);
    assert_int_equal(r.status, ACTIVITY_OK);
    assert_int_equal(r.originals_14d, 1);
}

static void test_activity_twice_weekly_every_3_days_and_weekly_presets(void **state)
{
    (void)state;
    const char *const two[] = {"2026-11-16", "2026-11-10", NULL};
    /* twice a week: second newest update 10 Nov leaves the 7-day window on 17 Nov. */
    assert_int_equal(eval(ACTIVITY_TWICE_WEEKLY, "2026-11-14", "2025-01-01", two, 2, NULL).status,
                     ACTIVITY_OK);
    assert_int_equal(eval(ACTIVITY_TWICE_WEEKLY, "2026-11-15", "2025-01-01", two, 2, NULL).status,
                     ACTIVITY_WARNING);
    assert_int_equal(eval(ACTIVITY_TWICE_WEEKLY, "2026-11-17", "2025-01-01", two, 2, NULL).status,
                     ACTIVITY_VIOLATION);
    assert_int_equal(eval(ACTIVITY_TWICE_WEEKLY, "2026-11-11", "2025-01-01", two, 2, NULL).status,
                     ACTIVITY_OK);
    assert_int_equal(eval(ACTIVITY_EVERY_3_DAYS, "2026-11-17", "2025-01-01", two, 2, NULL).status,
                     ACTIVITY_OK);
    assert_int_equal(eval(ACTIVITY_EVERY_3_DAYS, "2026-11-18", "2025-01-01", two, 2, NULL).status,
                     ACTIVITY_WARNING);
    assert_int_equal(eval(ACTIVITY_EVERY_3_DAYS, "2026-11-19", "2025-01-01", two, 2, NULL).status,
                     ACTIVITY_VIOLATION);
    assert_int_equal(eval(ACTIVITY_WEEKLY, "2026-11-20", "2025-01-01", two, 2, NULL).status,
                     ACTIVITY_OK);
    assert_int_equal(eval(ACTIVITY_WEEKLY, "2026-11-21", "2025-01-01", two, 2, NULL).status,
                     ACTIVITY_WARNING);
    gm_activity_result r = eval(ACTIVITY_WEEKLY, "2026-11-23", "2025-01-01", two, 2, NULL);
    assert_int_equal(r.status, ACTIVITY_VIOLATION);
    assert_int_equal(r.days_since_update, 7);
}

static void test_activity_account_without_publications_counts_from_opening(void **state)
{
    (void)state;
    gm_activity_result r = eval(ACTIVITY_NATIONAL, "2026-11-20", "2026-11-10", NULL, 0, NULL);
    assert_int_equal(r.days_since_update, 10);
    assert_int_equal(r.status, ACTIVITY_WARNING);
    /* Opened yesterday: the twice-weekly preset cannot be broken yet. */
    r = eval(ACTIVITY_TWICE_WEEKLY, "2026-11-20", "2026-11-19", NULL, 0, NULL);
    assert_int_equal(r.status, ACTIVITY_OK);
}

static void test_activity_zombie_after_three_months(void **state)
{
    (void)state;
    assert_false(activity_is_zombie(day("2026-09-30"), day("2026-12-30")));
    assert_false(activity_is_zombie(day("2026-09-30"), day("2026-12-31")));
    assert_true(activity_is_zombie(day("2026-09-30"), day("2027-01-01")));
    assert_false(activity_is_zombie(day("2026-02-28"), day("2026-05-31")));
    gm_activity_result r = eval(ACTIVITY_NATIONAL, "2027-01-01", "2025-01-01", before_holiday, 3, NULL);
    assert_true(r.zombie);
    assert_int_equal(r.status, ACTIVITY_VETO);
    r = eval(ACTIVITY_NATIONAL, "2026-12-30", "2025-01-01", before_holiday, 3, NULL);
    assert_false(r.zombie);
}

static void test_activity_longest_gap_in_last_90_days(void **state)
{
    (void)state;
    const char *const pubs[] = {"2026-11-20", "2026-11-01", "2026-10-30", NULL};
    gm_activity_result r = eval(ACTIVITY_NATIONAL, "2026-11-23", "2026-10-20", pubs, 1, NULL);
    assert_int_equal(r.longest_gap_days, 19);    /* 1 Nov -> 20 Nov */
    r = eval(ACTIVITY_NATIONAL, "2026-11-23", "2025-01-01", pubs, 1, NULL);
    /* The 90-day window ending 23 Nov starts 26 Aug: 65 days until 30 Oct. */
    assert_int_equal(r.longest_gap_days, 65);
    assert_int_equal(r.originals_14d, 1);   /* 20 Nov is the one original */
    assert_int_equal(r.updates_7d, 1);
}

static void test_activity_policy_names_parse_and_reject(void **state)
{
    (void)state;
    gm_activity_policy p;
    gm_err err;
    for (int i = 0; i < ACTIVITY_POLICY_COUNT; i++) {
        assert_int_equal(activity_policy_parse(activity_policy_name((gm_activity_policy)i), &p, &err), 0);
        assert_int_equal(p, i);
    }
    assert_int_equal(activity_policy_parse("hourly", &p, &err), GM_E_INVALID);
    assert_string_equal(err.field, "policy");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_activity_national_warning_from_10_days_veto_after_14),
        cmocka_unit_test_setup_teardown(test_activity_daily_preset_across_national_day, setup_calendar,
                                        teardown_calendar),
        cmocka_unit_test_setup_teardown(test_activity_daily_preset_needs_an_original_every_two_weeks,
                                        setup_calendar, teardown_calendar),
        cmocka_unit_test(test_activity_twice_weekly_every_3_days_and_weekly_presets),
        cmocka_unit_test(test_activity_account_without_publications_counts_from_opening),
        cmocka_unit_test(test_activity_zombie_after_three_months),
        cmocka_unit_test(test_activity_longest_gap_in_last_90_days),
        cmocka_unit_test(test_activity_policy_names_parse_and_reject),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
