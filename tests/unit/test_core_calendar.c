/*
 * test_core_calendar.c - dates and the working calendar, on the shipped
 * 2025 and 2026 schedules (data/calendars/YYYY.txt, read here: core does no I/O).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/date.h"

static gm_date D(const char *s)
{
    gm_date d = 0;
    gm_err err;
    assert_int_equal(date_parse(s, NULL, &d, &err), GM_OK);
    return d;
}

static char *read_shipped_calendar(int year, size_t *len)
{
    const char *root = getenv("GM_SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/data/calendars/%d.txt", root ? root : ".", year);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(65536);
    assert_non_null(buf);
    *len = fread(buf, 1, 65536, f);
    fclose(f);
    return buf;
}

static int setup_shipped(void **state)
{
    gm_calendar *cal;
    gm_err err;
    assert_int_equal(calendar_new(&cal, &err), GM_OK);
    for (int year = 2025; year <= 2026; year++) {
        size_t len;
        char *text = read_shipped_calendar(year, &len);
        int rc = calendar_load_year(cal, text, len, &err);
        free(text);
        if (rc)
            fprintf(stderr, "%s\n", err.message);
        assert_int_equal(rc, GM_OK);
    }
    *state = cal;
    return 0;
}

static int teardown_calendar(void **state)
{
    calendar_free(*state);
    return 0;
}

static gm_date due_in_working_days(const gm_calendar *cal, const char *from, int n)
{
    gm_date out = 0;
    gm_err err;
    int rc = calendar_add_working_days(cal, D(from), n, &out, &err);
    if (rc)
        fprintf(stderr, "%s\n", err.message);
    assert_int_equal(rc, GM_OK);
    return out;
}

static int working(const gm_calendar *cal, const char *day)
{
    int w = -1;
    gm_err err;
    assert_int_equal(calendar_is_working_day(cal, D(day), &w, &err), GM_OK);
    return w;
}

static void assert_date(gm_date got, const char *want)
{
    char buf[GM_DATE_TEXT_SIZE];
    assert_string_equal(date_format(got, buf), want);
}

/* ---- dates ----------------------------------------------------------- */

static void test_date_round_trips_and_epoch(void **state)
{
    (void)state;
    assert_int_equal(D("1970-01-01"), 0);
    assert_int_equal(D("1970-01-02"), 1);
    assert_int_equal(D("1969-12-31"), -1);
    const char *samples[] = {"0001-01-01", "1900-02-28", "2000-02-29", "2024-12-31",
                             "2026-11-23", "9999-12-31"};
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++)
        assert_date(D(samples[i]), samples[i]);
    int y, m, d;
    date_to_ymd(D("2026-02-28"), &y, &m, &d);
    assert_int_equal(y, 2026);
    assert_int_equal(m, 2);
    assert_int_equal(d, 28);
}

static void test_date_parse_rejects_malformed_and_impossible(void **state)
{
    (void)state;
    const char *bad[] = {"", "2026-1-01", "2026/01/01", "2026-13-01", "2026-02-29",
                         "1900-02-29", "2026-04-31", "0000-01-01", "2026-01-01x",
                         "abcd-ef-gh", " 2026-01-01"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        gm_date d;
        gm_err err;
        gm_err_clear(&err);
        assert_int_equal(date_parse(bad[i], "opened_on", &d, &err), GM_E_INVALID);
        assert_string_equal(err.field, "opened_on");
    }
    gm_date d;
    assert_int_equal(date_parse(NULL, NULL, &d, NULL), GM_E_INVALID);
}

static void test_date_weekdays(void **state)
{
    (void)state;
    assert_int_equal(date_weekday(D("1970-01-01")), 4); /* Thursday */
    assert_int_equal(date_weekday(D("2026-10-01")), 4);
    assert_int_equal(date_weekday(D("2026-01-04")), 7); /* Sunday */
    assert_int_equal(date_weekday(D("2025-09-28")), 7);
    assert_int_equal(date_weekday(D("2026-02-14")), 6);
    assert_int_equal(date_weekday(D("1969-12-29")), 1);
    assert_true(date_is_weekend(D("2026-11-22")));
    assert_false(date_is_weekend(D("2026-11-23")));
}

static void test_date_add_days_checks_range(void **state)
{
    (void)state;
    gm_date out;
    assert_int_equal(calendar_add_days(D("2026-12-30"), 3, &out, NULL), GM_OK);
    assert_date(out, "2027-01-02");
    assert_int_equal(date_add_days(D("2024-03-01"), -1, &out, NULL), GM_OK);
    assert_date(out, "2024-02-29");
    assert_int_equal(date_add_days(D("9999-12-31"), 1, &out, NULL), GM_E_INVALID);
    assert_int_equal(date_add_days(D("0001-01-01"), -1, &out, NULL), GM_E_INVALID);
    assert_int_equal(date_day_of_year(D("2024-12-31")), 365);
}

/* ---- shipped calendars ----------------------------------------------- */

/* §6.1 the official 2025 and 2026 schedules of shared/HOLIDAYS.md ship with the product. */
static void test_shipped_calendars_encode_holidays_md(void **state)
{
    const gm_calendar *cal = *state;
    assert_int_equal(calendar_year_count(cal), 2);
    assert_int_equal(calendar_year_at(cal, 0), 2025);
    assert_int_equal(calendar_year_at(cal, 1), 2026);
    /* Every day off listed in HOLIDAYS.md, and every 调休 working day. */
    static const char *off[][2] = {
        {"2025-01-01", "2025-01-01"}, {"2025-01-28", "2025-02-04"}, {"2025-04-04", "2025-04-06"},
        {"2025-05-01", "2025-05-05"}, {"2025-05-31", "2025-06-02"}, {"2025-10-01", "2025-10-08"},
        {"2026-01-01", "2026-01-03"}, {"2026-02-15", "2026-02-23"}, {"2026-04-04", "2026-04-06"},
        {"2026-05-01", "2026-05-05"}, {"2026-06-19", "2026-06-21"}, {"2026-09-25", "2026-09-27"},
        {"2026-10-01", "2026-10-07"}};
    static const char *work[] = {"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28",
                                 "2025-10-11", "2026-01-04", "2026-02-14", "2026-02-28",
                                 "2026-05-09", "2026-09-20", "2026-10-10"};
    int listed_off = 0;
    for (size_t i = 0; i < sizeof off / sizeof *off; i++)
        for (gm_date d = D(off[i][0]); d <= D(off[i][1]); d++) {
            char buf[GM_DATE_TEXT_SIZE];
            assert_int_equal(working(cal, date_format(d, buf)), 0);
            listed_off++;
        }
    for (size_t i = 0; i < sizeof work / sizeof *work; i++) {
        assert_true(date_is_weekend(D(work[i])));
        assert_int_equal(working(cal, work[i]), 1);
    }
    /* And nothing else differs from the weekend rule: count working days. */
    int n2025, n2026;
    assert_int_equal(calendar_working_days_between(cal, D("2024-12-31"), D("2025-12-31"), &n2025, NULL), GM_OK);
    assert_int_equal(calendar_working_days_between(cal, D("2025-12-31"), D("2026-12-31"), &n2026, NULL), GM_OK);
    assert_int_equal(listed_off, 28 + 33);
    assert_int_equal(n2025, 248); /* 261 weekdays - 18 weekday holidays + 5 调休 */
    assert_int_equal(n2026, 248); /* 261 weekdays - 19 weekday holidays + 6 调休 */
    assert_int_equal(working(cal, "2026-11-23"), 1);
    assert_int_equal(working(cal, "2026-11-22"), 0);
}

/* §4 holiday duty roster: a day off is named by its holiday, a 调休 Saturday
 * by its entry, a plain weekend by nothing. */
static void test_days_keep_the_names_of_their_entries(void **state)
{
    const gm_calendar *cal = *state;
    assert_string_equal(calendar_day_name(cal, D("2026-10-03")), "国庆节");
    assert_string_equal(calendar_day_name(cal, D("2026-02-15")), "春节");
    assert_string_equal(calendar_day_name(cal, D("2026-02-23")), "春节");
    assert_string_equal(calendar_day_name(cal, D("2026-10-10")), "国庆节调休上班(周六)");
    assert_null(calendar_day_name(cal, D("2026-11-21")));   /* a plain Saturday */
    assert_null(calendar_day_name(cal, D("2027-01-01")));   /* a year not loaded */
}

/* §6.1 a deadline in working days skips the holidays and counts the 调休 working weekend. */
static void test_deadline_crosses_national_day_2026(void **state)
{
    const gm_calendar *cal = *state;
    /* Change on Tue 09-29: 09-30 (1), 10-01..07 off, 10-08 (2), 10-09 (3),
     * Sat 10-10 调休 (4), Sun 10-11 off, Mon 10-12 (5). */
    assert_date(due_in_working_days(cal, "2026-09-29", 5), "2026-10-12");
    /* Change on the last day off: 10-08, 10-09, 10-10, 10-12, 10-13. */
    assert_date(due_in_working_days(cal, "2026-10-07", 5), "2026-10-13");
    /* Mid-Autumn 09-25..27 then 调休 Sunday 09-20 before it. */
    assert_date(due_in_working_days(cal, "2026-09-18", 1), "2026-09-20");
    assert_date(due_in_working_days(cal, "2026-09-23", 5), "2026-10-08");
}

static void test_deadline_crosses_spring_festival_2026(void **state)
{
    const gm_calendar *cal = *state;
    /* Thu 02-12: 02-13 (1), Sat 02-14 调休 (2), 02-15..23 off, 02-24 (3),
     * 02-25 (4), 02-26 (5). */
    assert_date(due_in_working_days(cal, "2026-02-12", 5), "2026-02-26");
    /* Tue 02-24: 25, 26, 27, Sat 02-28 调休, Mon 03-02. */
    assert_date(due_in_working_days(cal, "2026-02-24", 5), "2026-03-02");
    assert_int_equal(working(cal, "2026-02-14"), 1);
    assert_int_equal(working(cal, "2026-02-28"), 1);
    assert_int_equal(working(cal, "2026-02-21"), 0);
}

static void test_deadline_crosses_national_day_2025(void **state)
{
    const gm_calendar *cal = *state;
    /* Fri 09-26: Sun 09-28 调休 (1), 09-29 (2), 09-30 (3), 10-01..08 off,
     * 10-09 (4), 10-10 (5). */
    assert_date(due_in_working_days(cal, "2025-09-26", 5), "2025-10-10");
    /* Sat 10-11 is a working day too. */
    assert_date(due_in_working_days(cal, "2025-10-09", 2), "2025-10-11");
}

static void test_deadline_crosses_year_boundary_2025_2026(void **state)
{
    const gm_calendar *cal = *state;
    /* Wed 2025-12-31: 01-01..03 off, Sun 01-04 调休 (1), 01-05 (2), 01-06 (3),
     * 01-07 (4), 01-08 (5). */
    assert_date(due_in_working_days(cal, "2025-12-31", 5), "2026-01-08");
    assert_date(due_in_working_days(cal, "2025-12-31", 1), "2026-01-04");
    assert_date(due_in_working_days(cal, "2025-12-31", 0), "2025-12-31");
}

static void test_working_days_between_is_inverse_of_add(void **state)
{
    const gm_calendar *cal = *state;
    const char *starts[] = {"2025-01-20", "2025-09-26", "2025-12-31", "2026-02-12", "2026-09-29"};
    for (size_t i = 0; i < sizeof starts / sizeof *starts; i++)
        for (int n = 0; n <= 12; n++) {
            gm_date due = due_in_working_days(cal, starts[i], n);
            int back;
            assert_int_equal(calendar_working_days_between(cal, D(starts[i]), due, &back, NULL), GM_OK);
            assert_int_equal(back, n);
            assert_int_equal(calendar_working_days_between(cal, due, D(starts[i]), &back, NULL), GM_OK);
            assert_int_equal(back, -n);
        }
}

static void test_missing_year_is_refused_naming_the_year(void **state)
{
    gm_calendar *cal = *state;
    gm_date out;
    gm_err err;
    int w;
    gm_err_clear(&err);
    assert_int_equal(calendar_is_working_day(cal, D("2027-03-01"), &w, &err), GM_E_INVALID);
    assert_string_equal(err.field, "calendar");
    assert_non_null(strstr(err.message, "2027"));
    /* A deadline that runs off the end of the last loaded year fails too. */
    gm_err_clear(&err);
    assert_int_equal(calendar_add_working_days(cal, D("2026-12-28"), 5, &out, &err), GM_E_INVALID);
    assert_non_null(strstr(err.message, "2027"));
    int n;
    assert_int_equal(calendar_working_days_between(cal, D("2025-01-03"), D("2024-12-30"), &n, &err),
                     GM_E_INVALID);
    assert_non_null(strstr(err.message, "2024"));
    /* The start day itself is never looked at, so it may lie in any year. */
    assert_int_equal(calendar_add_working_days(cal, D("2024-12-31"), 1, &out, &err), GM_OK);
    assert_date(out, "2025-01-02");
    assert_false(calendar_has_year(cal, 2027));
}

static void test_weekend_fallback_only_when_opted_in(void **state)
{
    gm_calendar *cal = *state;
    gm_date out;
    calendar_set_weekend_fallback(cal, 1);
    assert_int_equal(calendar_add_working_days(cal, D("2026-12-28"), 5, &out, NULL), GM_OK);
    assert_date(out, "2027-01-04"); /* Mon 01-01 2027 counted: no guessing of 元旦 */
    calendar_set_weekend_fallback(cal, 0);
    assert_int_equal(calendar_add_working_days(cal, D("2026-12-28"), 5, &out, NULL), GM_E_INVALID);
}

static void test_add_working_days_rejects_bad_counts(void **state)
{
    const gm_calendar *cal = *state;
    gm_date out;
    gm_err err;
    assert_int_equal(calendar_add_working_days(cal, D("2026-03-02"), -1, &out, &err), GM_E_INVALID);
    assert_int_equal(calendar_add_working_days(cal, D("2026-03-02"), GM_CALENDAR_MAX_WORKING_DAYS + 1, &out, &err),
                     GM_E_INVALID);
}

/* ---- year-file parser ------------------------------------------------ */

static int load_text(gm_calendar *cal, const char *text, gm_err *err)
{
    gm_err_clear(err);
    return calendar_load_year(cal, text, strlen(text), err);
}

static void assert_parse_error(const char *text, const char *line_mention)
{
    gm_calendar *cal;
    gm_err err;
    assert_int_equal(calendar_new(&cal, &err), GM_OK);
    assert_int_equal(load_text(cal, text, &err), GM_E_INVALID);
    assert_string_equal(err.field, "calendar");
    if (!strstr(err.message, line_mention))
        fail_msg("message \"%s\" lacks \"%s\"", err.message, line_mention);
    assert_int_equal(calendar_year_count(cal), 0);
    calendar_free(cal);
}

static void test_parse_errors_name_the_line(void **state)
{
    (void)state;
    assert_parse_error("", "年份声明");
    assert_parse_error("# only a comment\n", "年份声明");
    assert_parse_error("2026-10-01 off 国庆节\n", "第1行");
    assert_parse_error("year 2026\nyear 2026\n", "第2行");
    assert_parse_error("year 26\n", "第1行");
    assert_parse_error("year 2026 extra\n", "第1行");
    assert_parse_error("year 2026\n\n2026-13-01 off x\n", "第3行");
    assert_parse_error("year 2026\n2027-01-01 off 元旦\n", "第2行");
    assert_parse_error("year 2026\n2026-10-01 holiday 国庆节\n", "第2行");
    assert_parse_error("year 2026\n2026-10-01\n", "第2行");
    assert_parse_error("year 2026\n2026-10-07..2026-10-01 off x\n", "第2行");
    assert_parse_error("year 2026\n2026-10-01..2026-10-07 off a\n2026-10-03 off b\n", "第3行");
    assert_parse_error("year 2026\n2026-10-09 work 周五不是周末\n", "2026-10-09");
    assert_parse_error("year 2026\n2026-12-30..2027-01-01 off x\n", "第2行");
    assert_parse_error("year 2026\n2026-10-01..2026-10-0 off x\n", "第2行");
    static const char nul_text[] = "year 2026\n2026-10-01 off \0x\n";
    gm_calendar *cal;
    gm_err err;
    assert_int_equal(calendar_new(&cal, &err), GM_OK);
    assert_int_equal(calendar_load_year(cal, nul_text, sizeof nul_text - 1, &err), GM_E_INVALID);
    assert_non_null(strstr(err.message, "第2行"));
    calendar_free(cal);
}

static void test_parse_accepts_crlf_bom_comments_and_replaces_year(void **state)
{
    (void)state;
    gm_calendar *cal;
    gm_err err;
    assert_int_equal(calendar_new(&cal, &err), GM_OK);
    assert_int_equal(load_text(cal, "\xEF\xBB\xBF# c\r\n  year 2027\r\n\t2027-01-01 off 元旦\r\n"
                                    "   # indented comment\r\n2027-02-06 work", &err), GM_OK);
    assert_true(calendar_has_year(cal, 2027));
    assert_int_equal(working(cal, "2027-01-01"), 0);
    assert_int_equal(working(cal, "2027-02-06"), 1);
    /* Loading the year again replaces it; a failed load changes nothing. */
    assert_int_equal(load_text(cal, "year 2027\n", &err), GM_OK);
    assert_int_equal(working(cal, "2027-01-01"), 1);
    assert_int_equal(load_text(cal, "year 2027\n2027-01-01 off\nbad\n", &err), GM_E_INVALID);
    assert_int_equal(working(cal, "2027-01-01"), 1);
    assert_int_equal(calendar_year_count(cal), 1);
    /* Years stay sorted whatever the load order. */
    assert_int_equal(load_text(cal, "year 2025\n", &err), GM_OK);
    assert_int_equal(load_text(cal, "year 2030\n", &err), GM_OK);
    assert_int_equal(load_text(cal, "year 2026\n", &err), GM_OK);
    assert_int_equal(calendar_year_count(cal), 4);
    assert_int_equal(calendar_year_at(cal, 0), 2025);
    assert_int_equal(calendar_year_at(cal, 1), 2026);
    assert_int_equal(calendar_year_at(cal, 2), 2027);
    assert_int_equal(calendar_year_at(cal, 3), 2030);
    calendar_free(cal);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_round_trips_and_epoch),
        cmocka_unit_test(test_date_parse_rejects_malformed_and_impossible),
        cmocka_unit_test(test_date_weekdays),
        cmocka_unit_test(test_date_add_days_checks_range),
        cmocka_unit_test_setup_teardown(test_shipped_calendars_encode_holidays_md, setup_shipped, teardown_calendar),
        cmocka_unit_test_setup_teardown(test_days_keep_the_names_of_their_entries, setup_shipped, teardown_calendar),
        cmocka_unit_test_setup_teardown(test_deadline_crosses_national_day_2026, setup_shipped, teardown_calendar),
        cmocka_unit_test_setup_teardown(test_deadline_crosses_spring_festival_2026, setup_shipped, teardown_calendar),
        cmocka_unit_test_setup_teardown(test_deadline_crosses_national_day_2025, setup_shipped, teardown_calendar),
        cmocka_unit_test_setup_teardown(test_deadline_crosses_year_boundary_2025_2026, setup_shipped, teardown_calendar),
        cmocka_unit_test_setup_teardown(test_working_days_between_is_inverse_of_add, setup_shipped, teardown_calendar),
        cmocka_unit_test_setup_teardown(test_missing_year_is_refused_naming_the_year, setup_shipped, teardown_calendar),
        cmocka_unit_test_setup_teardown(test_weekend_fallback_only_when_opted_in, setup_shipped, teardown_calendar),
        cmocka_unit_test_setup_teardown(test_add_working_days_rejects_bad_counts, setup_shipped, teardown_calendar),
        cmocka_unit_test(test_parse_errors_name_the_line),
        cmocka_unit_test(test_parse_accepts_crlf_bom_comments_and_replaces_year),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
