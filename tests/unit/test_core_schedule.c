/*
 * test_core_schedule.c - job schedules in Beijing time and moments typed by
 * people (core/schedule.c, core/instant.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/instant.h"
#include "core/schedule.h"

static long long at(const char *s)
{
    long long t;
    gm_err err;
    assert_int_equal(instant_parse(s, NULL, &t, &err), 0);
    return t;
}

static void test_instant_without_zone_is_beijing_time(void **state)
{
    (void)state;
    assert_true(at("2026-10-08 09:00") == at("2026-10-08T01:00:00Z"));
    assert_true(at("2026-10-08") == at("2026-10-07T16:00:00Z"));
    assert_true(at("2026-10-08T09:00:00+08:00") == at("2026-10-08T01:00Z"));
    assert_true(at("2026-10-08T09:30:15") - at("2026-10-08T09:30") == 15);
}

static void test_instant_rejects_junk_naming_field(void **state)
{
    (void)state;
    const char *bad[] = {"", "2026-13-01", "2026-10-08 25:00", "2026-10-08T09", "08/10/2026",
                         "2026-10-08 09:00 +0800x", "2026-02-30"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        long long t;
        gm_err err;
        assert_int_equal(instant_parse(bad[i], "published_at", &t, &err), GM_E_INVALID);
        assert_string_equal(err.field, "published_at");
    }
}

static gm_schedule sched(const char *text)
{
    gm_schedule s;
    gm_err err;
    assert_int_equal(schedule_parse(text, &s, &err), 0);
    return s;
}

static void test_schedule_weekly_thursday_0900_beijing(void **state)
{
    (void)state;
    gm_schedule s = sched("weekly thu 09:00");
    /* 2026-10-01 is a Thursday: 09:00 Beijing = 01:00 UTC. */
    assert_true(schedule_next(&s, at("2026-09-30 12:00")) == at("2026-10-01 09:00"));
    /* Strictly after: at the slot itself, the next one is a week later. */
    assert_true(schedule_next(&s, at("2026-10-01 09:00")) == at("2026-10-08 09:00"));
    /* Thursday 08:59 Beijing is Thursday 00:59 UTC: still today's slot. */
    assert_true(schedule_next(&s, at("2026-10-08 08:59")) == at("2026-10-08 09:00"));
    /* Wednesday 20:00 UTC is already Thursday 04:00 in Beijing. */
    assert_true(schedule_next(&s, at("2026-10-07T20:00:00Z")) == at("2026-10-08 09:00"));
}

static void test_schedule_missed_slots_collapse_to_next_after_now(void **state)
{
    (void)state;
    gm_schedule s = sched("daily 03:30");
    /* Server down for ten days: next run is the first slot after now, once. */
    long long now = at("2026-10-11 10:00");
    assert_true(schedule_next(&s, now) == at("2026-10-12 03:30"));
}

static void test_schedule_every_monthly_yearly(void **state)
{
    (void)state;
    gm_schedule e = sched("every 5m"), m = sched("monthly 1 08:30"), y = sched("yearly 11-01 09:00");
    assert_true(schedule_next(&e, 1000) == 1300);
    assert_true(schedule_next(&m, at("2026-10-01 08:30")) == at("2026-11-01 08:30"));
    assert_true(schedule_next(&y, at("2026-11-01 09:00")) == at("2027-11-01 09:00"));
    assert_true(schedule_next(&y, at("2026-03-01")) == at("2026-11-01 09:00"));
}

static void test_schedule_describe_in_chinese(void **state)
{
    (void)state;
    char buf[96];
    gm_schedule s = sched("weekly thu 09:00");
    schedule_describe(&s, buf, sizeof buf);
    assert_string_equal(buf, "每周四 09:00(北京时间)");
}

static void test_schedule_rejects_bad_text(void **state)
{
    (void)state;
    const char *bad[] = {"", "weekly thursday 09:00", "daily 9:00", "daily 24:00", "every 0m",
                         "every 5x", "monthly 31 09:00", "yearly 02-29 09:00", "yearly 13-01 09:00",
                         "daily 09:00 extra"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        gm_schedule s;
        gm_err err;
        assert_int_equal(schedule_parse(bad[i], &s, &err), GM_E_INVALID);
        assert_string_equal(err.field, "schedule");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_instant_without_zone_is_beijing_time),
        cmocka_unit_test(test_instant_rejects_junk_naming_field),
        cmocka_unit_test(test_schedule_weekly_thursday_0900_beijing),
        cmocka_unit_test(test_schedule_missed_slots_collapse_to_next_after_now),
        cmocka_unit_test(test_schedule_every_monthly_yearly),
        cmocka_unit_test(test_schedule_describe_in_chinese),
        cmocka_unit_test(test_schedule_rejects_bad_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
