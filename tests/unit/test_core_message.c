/*
 * test_core_message.c - reply deadlines in working hours across the
 * shipped 2025 and 2026 holiday schedules (National Day and its swapped
 * working weekends), the message state machine, routing rules, incident
 * chains, duty-roster gaps and missing monthly meetings.  Core only: the
 * year files are read here, core does no I/O.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/duty.h"
#include "core/incident.h"
#include "core/meeting.h"
#include "core/message.h"
#include "core/message_policy.h"

static gm_calendar *cal;

static int load_calendar(void **state)
{
    (void)state;
    gm_err err;
    assert_int_equal(calendar_new(&cal, &err), GM_OK);
    for (int year = 2025; year <= 2026; year++) {
        const char *root = getenv("GM_SOURCE_DIR");
        char path[1024];
        snprintf(path, sizeof path, "%s/data/calendars/%d.txt", root ? root : ".", year);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        char buf[65536];
        size_t len = fread(buf, 1, sizeof buf, f);
        fclose(f);
        assert_int_equal(calendar_load_year(cal, buf, len, &err), GM_OK);
    }
    return 0;
}

static int free_calendar(void **state)
{
    (void)state;
    calendar_free(cal);
    return 0;
}

static gm_instant T(const char *s)
{
    gm_instant t;
    gm_err err;
    assert_int_equal(instant_parse(s, NULL, &t, &err), GM_OK);
    return t;
}

static void assert_cst(gm_instant t, const char *want)
{
    char buf[GM_INSTANT_TEXT_SIZE];
    assert_string_equal(instant_format_cst(t, buf), want);
}

static gm_message_deadlines deadlines(const char *preset, const char *received)
{
    gm_message_policy p;
    gm_message_deadlines dl;
    gm_err err;
    assert_int_equal(message_policy_preset(preset, &p, &err), GM_OK);
    assert_int_equal(message_deadlines(&p, cal, T(received), &dl, &err), GM_OK);
    return dl;
}

static void test_instant_parse_zones_and_spreadsheet_forms(void **state)
{
    (void)state;
    char buf[GM_INSTANT_TEXT_SIZE];
    assert_string_equal(instant_format_utc(T("2026-10-08T11:30:00+08:00"), buf), "2026-10-08T03:30:00Z");
    assert_string_equal(instant_format_utc(T("2026-10-08 11:30"), buf), "2026-10-08T03:30:00Z");
    assert_string_equal(instant_format_utc(T("2026/9/30 9:05"), buf), "2026-09-30T01:05:00Z");
    assert_string_equal(instant_format_utc(T("2026-10-08T03:30:00Z"), buf), "2026-10-08T03:30:00Z");
    gm_instant t;
    gm_err err;
    assert_int_equal(instant_parse("2026-02-30 10:00", "received_at", &t, &err), GM_E_INVALID);
    assert_string_equal(err.field, "received_at");
    assert_int_equal(instant_parse("yesterday", "received_at", &t, &err), GM_E_INVALID);
    assert_int_equal(instant_from_excel_serial(46296.5, &t, &err), GM_OK); /* 2026-10-01 12:00 */
    assert_cst(t, "2026-10-01T12:00:00+08:00");
}

/* REQUIREMENTS §4 + §6: a message on the Friday before National Day 2025 is
 * due after the holiday; Sunday 09-28 is a swapped working day. */
static void test_deadline_friday_before_national_day_2025_is_after_the_holiday(void **state)
{
    (void)state;
    gm_message_deadlines dl = deadlines("standard", "2025-09-26T16:00:00+08:00");
    assert_cst(dl.first_response_due, "2025-09-28T11:30:00+08:00"); /* 1.5 h + 2.5 h on the swapped Sunday */
    assert_cst(dl.answer_due, "2025-10-10T17:30:00+08:00");         /* 09-28, 29, 30, 10-09, 10-10 */
    assert_cst(dl.answer_max, "2025-10-16T17:30:00+08:00");         /* + Sat 10-11 (swapped), 13..16 */
}

static void test_deadline_eve_of_national_day_2026_skips_the_week_and_counts_saturday_10_10(void **state)
{
    (void)state;
    gm_message_deadlines dl = deadlines("standard", "2026-09-30T16:00:00+08:00");
    assert_cst(dl.first_response_due, "2026-10-08T11:30:00+08:00");
    assert_cst(dl.answer_due, "2026-10-13T17:30:00+08:00"); /* 10-08, 09, Sat 10-10, 12, 13 */
}

static void test_deadline_weekend_message_starts_monday_morning(void **state)
{
    (void)state;
    gm_message_deadlines dl = deadlines("standard", "2026-11-21T10:00:00+08:00");
    assert_cst(dl.first_response_due, "2026-11-23T14:30:00+08:00"); /* 9-12 and 13:30-14:30 */
    dl = deadlines("standard", "2026-11-23T11:00:00+08:00");
    assert_cst(dl.first_response_due, "2026-11-23T16:30:00+08:00"); /* lunch break not counted */
}

static void test_deadline_same_day_preset_of_seed_003(void **state)
{
    (void)state;
    gm_message_deadlines dl = deadlines("same_day", "2026-09-30T10:00:00+08:00");
    assert_cst(dl.first_response_due, "2026-09-30T17:30:00+08:00");
    dl = deadlines("same_day", "2026-09-30T18:05:00+08:00");
    assert_cst(dl.first_response_due, "2026-10-08T17:30:00+08:00");
}

static void test_deadline_needs_the_year_loaded(void **state)
{
    (void)state;
    gm_message_policy p;
    gm_message_deadlines dl;
    gm_err err;
    message_policy_preset("standard", &p, &err);
    assert_int_equal(message_deadlines(&p, cal, T("2027-12-31T16:00:00+08:00"), &dl, &err), GM_E_INVALID);
    assert_string_equal(err.field, "calendar");
}

static void test_extension_beyond_policy_maximum_is_refused(void **state)
{
    (void)state;
    gm_message_deadlines dl = deadlines("standard", "2026-09-30T16:00:00+08:00");
    gm_err err;
    assert_int_equal(message_extension_check(&dl, dl.answer_due, dl.answer_max, &err), GM_OK);
    assert_int_equal(message_extension_check(&dl, dl.answer_due, dl.answer_max + 1, &err), GM_E_INVALID);
    assert_string_equal(err.field, "until");
    /* the refusal names the limit as people read it: China time, no ISO 'T' or zone */
    char want[128];
    snprintf(want, sizeof want, "延期超出答复时限政策允许的最长期限 %s(北京时间)",
             instant_format_cst_text(dl.answer_max, (char[GM_INSTANT_TEXT_SIZE]){0}));
    assert_string_equal(err.message, want);
    assert_null(strchr(err.message, 'T'));
    assert_int_equal(message_extension_check(&dl, dl.answer_due, dl.answer_due, &err), GM_E_INVALID);
}

static void test_working_hours_between_across_national_day(void **state)
{
    (void)state;
    gm_message_policy p;
    gm_err err;
    double h;
    message_policy_preset("standard", &p, &err);
    assert_int_equal(message_working_hours(&p, cal, T("2025-09-26 16:00"), T("2025-10-09 10:00"), &h, &err), GM_OK);
    assert_true(h == 23.5); /* 1.5 + 7 (Sun 28) + 7 + 7 + 1 */
}

static void test_work_hours_parse_and_policy_validation(void **state)
{
    (void)state;
    gm_work_hours h;
    gm_err err;
    char buf[GM_WORK_HOURS_TEXT_SIZE];
    assert_int_equal(work_hours_parse("08:30-12:00, 14:00-18:00", "work_hours", &h, &err), GM_OK);
    assert_string_equal(work_hours_format(&h, buf), "08:30-12:00,14:00-18:00");
    assert_int_equal(work_hours_minutes_per_day(&h), 450);
    assert_int_equal(work_hours_parse("13:00-12:00", "work_hours", &h, &err), GM_E_INVALID);
    assert_int_equal(work_hours_parse("09:00-12:00,11:00-17:00", "work_hours", &h, &err), GM_E_INVALID);
    gm_message_policy p;
    message_policy_preset("standard", &p, &err);
    p.answer_max_working_days = 3;
    assert_int_equal(message_policy_validate(&p, &err), GM_E_INVALID);
    assert_string_equal(err.field, "answer_max_working_days");
    assert_int_equal(message_policy_preset("weekly", &p, &err), GM_E_INVALID);
}

static void test_message_state_machine_refuses_replies_to_hidden_or_answered(void **state)
{
    (void)state;
    gm_msg_state s;
    gm_err err;
    assert_int_equal(msg_transition(GM_MSG_RECEIVED, GM_MSG_ASSIGN, &s, &err), GM_OK);
    assert_int_equal(s, GM_MSG_ASSIGNED);
    assert_int_equal(msg_transition(GM_MSG_ACKNOWLEDGED, GM_MSG_ASSIGN, &s, &err), GM_OK);
    assert_int_equal(s, GM_MSG_ACKNOWLEDGED);
    assert_int_equal(msg_transition(GM_MSG_ACKNOWLEDGED, GM_MSG_ACK, &s, &err), GM_E_CONFLICT);
    assert_int_equal(msg_transition(GM_MSG_HIDDEN, GM_MSG_ANSWER, &s, &err), GM_E_CONFLICT);
    assert_int_equal(msg_transition(GM_MSG_ANSWERED, GM_MSG_ANSWER, &s, &err), GM_E_CONFLICT);
    assert_int_equal(msg_transition(GM_MSG_ANSWERED, GM_MSG_EXTEND, &s, &err), GM_E_CONFLICT);
    assert_int_equal(msg_transition(GM_MSG_ANSWERED, GM_MSG_HIDE, &s, &err), GM_OK);
    int k;
    assert_int_equal(msg_kind_parse("投诉", "kind", &k, &err), GM_OK);
    assert_string_equal(msg_kind_name(k), "complaint");
    assert_int_equal(msg_kind_parse("spam", "kind", &k, &err), GM_E_INVALID);
}

static void test_routing_rules_keyword_and_kind_first_match_by_priority(void **state)
{
    (void)state;
    gm_route_rule rules[] = {
        {1, 50, "疫苗", NULL, 5},
        {2, 10, "学校", "complaint", 4},
        {3, 90, NULL, "report", 2},
        {4, 10, "学校", NULL, 6},
    };
    assert_int_equal(msg_route_match(rules, 4, "complaint", "学校食堂有问题"), 1);
    assert_int_equal(msg_route_match(rules, 4, "consult", "学校几点放学"), 3);
    assert_int_equal(msg_route_match(rules, 4, "consult", "疫苗在哪里打"), 0);
    assert_int_equal(msg_route_match(rules, 4, "report", "有人乱倒垃圾"), 2);
    assert_int_equal(msg_route_match(rules, 4, "consult", "天气"), -1);
}

/* §4: the first response is the 受理 or the answer, whichever came first;
 * a step still owed is late once its due time has passed. */
static void test_first_response_is_ack_or_answer_whichever_first_and_late_once_due_passed(void **state)
{
    (void)state;
    const char *due = "2026-11-02T06:30:00Z";
    assert_string_equal(msg_first_response_at("", "2026-11-03T02:00:00Z"), "2026-11-03T02:00:00Z");
    assert_string_equal(msg_first_response_at("2026-11-02T02:00:00Z", ""), "2026-11-02T02:00:00Z");
    assert_string_equal(msg_first_response_at("2026-11-04T02:00:00Z", "2026-11-03T02:00:00Z"),
                        "2026-11-03T02:00:00Z");
    assert_string_equal(msg_first_response_at(NULL, NULL), "");
    assert_true(msg_step_late("2026-11-03T02:00:00Z", due, 0, "2026-11-01T00:00:00Z"));
    assert_false(msg_step_late("2026-11-02T06:30:00Z", due, 1, "2026-11-09T00:00:00Z")); /* on the dot */
    assert_true(msg_step_late("", due, 1, "2026-11-02T06:30:01Z"));
    assert_false(msg_step_late("", due, 1, "2026-11-02T06:30:00Z"));
    assert_false(msg_step_late("", due, 0, "2026-12-01T00:00:00Z"));   /* hidden: owes nothing */
    assert_false(msg_step_late("", "", 1, "2026-12-01T00:00:00Z"));
}

static void test_median_and_worst(void **state)
{
    (void)state;
    double v[] = {5, 1, 3, 8}, med, max;
    msg_median_max(v, 4, &med, &max);
    assert_true(med == 4.0 && max == 8.0);
    msg_median_max(v, 0, &med, &max);
    assert_true(med == 0 && max == 0);
}

static gm_date D(const char *s)
{
    gm_date d;
    gm_err err;
    assert_int_equal(date_parse(s, NULL, &d, &err), GM_OK);
    return d;
}

static void test_duty_roster_gap_on_national_day_2026(void **state)
{
    (void)state;
    gm_duty_shift shifts[16];
    size_t n = 0;
    for (int day = 1; day <= 7; day++) {
        char s[11];
        snprintf(s, sizeof s, "2026-10-%02d", day);
        if (day == 5)
            continue;                                  /* nobody */
        shifts[n++] = (gm_duty_shift){D(s), 0};
        if (day != 3)
            shifts[n++] = (gm_duty_shift){D(s), 1};   /* 10-03: no leader */
    }
    gm_duty_gap gaps[16];
    size_t ng;
    gm_err err;
    /* 09-30 .. 10-11: 10-10 (Sat) is a working day, 10-11 (Sun) is not */
    assert_int_equal(duty_find_gaps(cal, D("2026-09-30"), D("2026-10-11"), shifts, n, gaps, 16, &ng, &err), GM_OK);
    assert_int_equal(ng, 3);
    assert_int_equal(gaps[0].day, D("2026-10-03"));
    assert_int_equal(gaps[0].kind, GM_DUTY_NO_LEADER);
    assert_int_equal(gaps[1].day, D("2026-10-05"));
    assert_int_equal(gaps[1].kind, GM_DUTY_NOBODY);
    assert_int_equal(gaps[2].day, D("2026-10-11"));
    assert_int_equal(duty_find_gaps(cal, D("2026-10-11"), D("2026-10-01"), shifts, n, gaps, 16, &ng, &err), GM_E_INVALID);
}

static void test_monthly_meeting_missing_months(void **state)
{
    (void)state;
    int first, last, held[] = {2026 * 12 + 0, 2026 * 12 + 2}, out[12];
    gm_err err;
    assert_int_equal(meeting_month_parse("2026-01", "from", &first, &err), GM_OK);
    assert_int_equal(meeting_month_parse("2026-04", "to", &last, &err), GM_OK);
    assert_int_equal(meeting_missing_months(first, last, held, 2, out, 12), 2);
    char buf[GM_MONTH_TEXT_SIZE];
    assert_string_equal(meeting_month_format(out[0], buf), "2026-02");
    assert_string_equal(meeting_month_format(out[1], buf), "2026-04");
    assert_int_equal(meeting_month_parse("2026-13", "from", &first, &err), GM_E_INVALID);
}

static void test_incident_chain_escalates_to_next_applicable_step(void **state)
{
    (void)state;
    gm_chain_step steps[] = {{1, 2, 30}, {2, 3, 60}, {3, 2, 120}};
    gm_err err;
    assert_int_equal(incident_chain_validate(steps, 3, &err), GM_OK);
    assert_false(incident_step_applies(&steps[0], 1)); /* 一般: no chain */
    assert_true(incident_step_applies(&steps[0], 2));
    assert_false(incident_step_applies(&steps[1], 2));
    assert_int_equal(incident_next_step(steps, 3, 2, 1), 2);  /* skips step 2 (重大 only) */
    assert_int_equal(incident_next_step(steps, 3, 3, 1), 1);
    assert_int_equal(incident_next_step(steps, 3, 2, 3), -1);
    assert_false(incident_ack_late(&steps[0], 1000, 1000 + 30 * 60));
    assert_true(incident_ack_late(&steps[0], 1000, 1000 + 30 * 60 + 1));
    int level;
    assert_int_equal(incident_level_parse("较大", "level", &level, &err), GM_OK);
    assert_int_equal(level, 2);
    steps[1].step_no = 1;
    assert_int_equal(incident_chain_validate(steps, 3, &err), GM_E_INVALID);
    assert_string_equal(err.field, "steps[1].step");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_instant_parse_zones_and_spreadsheet_forms),
        cmocka_unit_test(test_deadline_friday_before_national_day_2025_is_after_the_holiday),
        cmocka_unit_test(test_deadline_eve_of_national_day_2026_skips_the_week_and_counts_saturday_10_10),
        cmocka_unit_test(test_deadline_weekend_message_starts_monday_morning),
        cmocka_unit_test(test_deadline_same_day_preset_of_seed_003),
        cmocka_unit_test(test_deadline_needs_the_year_loaded),
        cmocka_unit_test(test_extension_beyond_policy_maximum_is_refused),
        cmocka_unit_test(test_working_hours_between_across_national_day),
        cmocka_unit_test(test_work_hours_parse_and_policy_validation),
        cmocka_unit_test(test_message_state_machine_refuses_replies_to_hidden_or_answered),
        cmocka_unit_test(test_routing_rules_keyword_and_kind_first_match_by_priority),
        cmocka_unit_test(test_first_response_is_ack_or_answer_whichever_first_and_late_once_due_passed),
        cmocka_unit_test(test_median_and_worst),
        cmocka_unit_test(test_duty_roster_gap_on_national_day_2026),
        cmocka_unit_test(test_monthly_meeting_missing_months),
        cmocka_unit_test(test_incident_chain_escalates_to_next_applicable_step),
    };
    return cmocka_run_group_tests(tests, load_calendar, free_calendar);
}
