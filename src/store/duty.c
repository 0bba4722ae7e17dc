/*
 * duty.c - the duty roster in the store (see duty.h).
 */
#include "store/duty.h"
#include "core/duty.h"
#include "store/audit.h"
#include "store/db_rows.h"
#include "store/units.h"
#include "util/clock.h"
#include "util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int add_in_transaction(db *d, const gm_actor *who, const gm_shift_in *in, long long *id,
                              gm_err *err)
{
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = db_query_int(d, id, err,
                          "INSERT INTO duty_shifts(unit_id,day,person,leader,phone,created_at) "
                          "VALUES(?,?,?,?,?,?) RETURNING id", "ittitt", in->unit_id, in->day,
                          in->person, (long long)in->leader, in->phone ? in->phone : "", now);
    if (rc == GM_E_CONFLICT)
        return gm_fail(err, GM_E_CONFLICT, "person", "%s 已排在 %s 值班", in->person, in->day);
    return rc ? rc
              : audit_append_json(d, who, "duty.add", "duty_shift", *id, NULL,
                                  json_pack("{s:I,s:s,s:s,s:b}", "unit_id", (json_int_t)in->unit_id,
                                            "day", in->day, "person", in->person, "leader", in->leader),
                                  err);
}

int duty_add(db *d, const gm_actor *who, const gm_shift_in *in, long long *id, gm_err *err)
{
    gm_date day;
    gm_unit u;
    int rc = date_parse(in->day ? in->day : "", "day", &day, err);
    if (!rc)
        rc = text_require(in->person, "person", 1, 50, err);
    if (!rc && in->phone && *in->phone)
        rc = text_require(in->phone, "phone", 1, 30, err);
    if (!rc && units_get(d, in->unit_id, &u, NULL))
        rc = gm_fail(err, GM_E_INVALID, "unit_id", "单位 %lld 不存在", in->unit_id);
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, add_in_transaction(d, who, in, id, err), err);
    return rc;
}

int duty_unit(db *d, long long id, long long *unit_id, gm_err *err)
{
    int rc = db_query_int(d, unit_id, err, "SELECT unit_id FROM duty_shifts WHERE id=?", "i", id);
    return rc == GM_E_NOTFOUND ? gm_fail(err, GM_E_NOTFOUND, "id", "值班安排 %lld 不存在", id) : rc;
}

/* The shift as it was, for the audit row of its removal. */
static json_t *shift_before(db *d, long long id, gm_err *err)
{
    db_stmt *q;
    json_t *j = NULL;
    if (db_query(d, &q, err, "SELECT unit_id,day,person,leader FROM duty_shifts WHERE id=?", "i",
                 id))
        return NULL;
    if (db_next(q) == 1)
        j = json_pack("{s:I,s:s,s:s,s:b}", "unit_id", (json_int_t)db_int(q, 0), "day",
                      db_text(q, 1), "person", db_text(q, 2), "leader", (int)db_int(q, 3));
    db_done(q);
    return j;
}

static int remove_in_transaction(db *d, const gm_actor *who, long long id, gm_err *err)
{
    json_t *before = shift_before(d, id, err);
    int rc = db_exec(d, err, "DELETE FROM duty_shifts WHERE id=?", "i", id);
    if (!rc && db_changes(d) == 0)
        rc = gm_fail(err, GM_E_NOTFOUND, "id", "值班安排 %lld 不存在", id);
    if (rc) {
        json_decref(before);
        return rc;
    }
    return audit_append_json(d, who, "duty.remove", "duty_shift", id, before, NULL, err);
}

int duty_remove(db *d, const gm_actor *who, long long id, gm_err *err)
{
    int rc = db_begin(d, err);
    return rc ? rc : db_end(d, remove_in_transaction(d, who, id, err), err);
}

static json_t *shift_row(db_stmt *q)
{
    return json_pack("{s:I,s:s,s:s,s:b,s:s}", "id", (json_int_t)db_int(q, 0), "date", db_text(q, 1),
                     "person", db_text(q, 2), "leader", (int)db_int(q, 3), "phone", db_text(q, 4));
}

static const char *const weekdays[] = {"", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

/* The shifts listed for day (a borrowed array). */
static size_t shifts_on(json_t *shifts, const char *day)
{
    size_t i, n = 0;
    json_t *s;
    json_array_foreach(shifts, i, s)
        n += strcmp(json_string_value(json_object_get(s, "date")), day) == 0;
    return n;
}

/* One day of the roster: its shifts, its gap and, for a public holiday, the
 * holiday's name from the working calendar (null on a plain weekend). */
static json_t *day_entry(const gm_calendar *cal, gm_date day, json_t *shifts,
                         const gm_duty_gap *gaps, size_t n_gaps)
{
    char text[GM_DATE_TEXT_SIZE];
    json_t *mine = json_array(), *s;
    size_t i;
    date_format(day, text);
    json_array_foreach(shifts, i, s)
        if (strcmp(json_string_value(json_object_get(s, "date")), text) == 0)
            json_array_append(mine, s);
    json_t *e = json_pack("{s:s,s:s,s:o}", "date", text, "weekday", weekdays[date_weekday(day)],
                          "shifts", mine);
    const char *holiday = calendar_day_name(cal, day);
    json_object_set_new(e, "holiday", holiday ? json_string(holiday) : json_null());
    json_object_set_new(e, "gap", json_null());
    json_object_set_new(e, "gap_label", json_null());
    for (i = 0; i < n_gaps; i++)
        if (gaps[i].day == day) {
            json_object_set_new(e, "gap", json_string(duty_gap_name(gaps[i].kind)));
            json_object_set_new(e, "gap_label", json_string(duty_gap_label(gaps[i].kind)));
        }
    return e;
}

static int build_roster(const gm_calendar *cal, gm_date from, gm_date to, json_t *shifts,
                        json_t *out, gm_err *err)
{
    size_t n = json_array_size(shifts), i, n_gaps;
    gm_duty_shift *sh = calloc(n ? n : 1, sizeof *sh);
    gm_duty_gap gaps[GM_DUTY_MAX_RANGE];
    json_t *s;
    if (!sh)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    json_array_foreach(shifts, i, s) {
        date_parse(json_string_value(json_object_get(s, "date")), NULL, &sh[i].day, NULL);
        sh[i].leader = json_is_true(json_object_get(s, "leader"));
    }
    int rc = duty_find_gaps(cal, from, to, sh, n, gaps, GM_DUTY_MAX_RANGE, &n_gaps, err);
    free(sh);
    json_t *days = json_array(), *gap_list = json_array();
    for (gm_date day = from; !rc && day <= to; day++) {
        int working;
        char text[GM_DATE_TEXT_SIZE];
        /* a working day is listed only when someone was put on it (a date typed
         * wrong, or a day off turned into a 调休 working day later): never hidden */
        if ((rc = calendar_is_working_day(cal, day, &working, err)) != GM_OK ||
            (working && !shifts_on(shifts, date_format(day, text))))
            continue;
        json_t *e = day_entry(cal, day, shifts, gaps, n_gaps);
        json_object_set_new(e, "working_day", json_boolean(working));
        json_object_set_new(e, "day_label", json_string(working ? DUTY_WORKING_DAY_LABEL : "休息日"));
        if (!json_is_null(json_object_get(e, "gap")))
            json_array_append_new(gap_list, json_pack("{s:O,s:O,s:O}", "date", json_object_get(e, "date"),
                                                      "gap", json_object_get(e, "gap"), "gap_label",
                                                      json_object_get(e, "gap_label")));
        json_array_append_new(days, e);
    }
    json_object_set_new(out, "days", days);
    json_object_set_new(out, "gaps", gap_list);
    return rc;
}

int duty_roster(db *d, const gm_calendar *cal, long long unit_id, gm_date from, gm_date to,
                json_t **out, gm_err *err)
{
    char a[GM_DATE_TEXT_SIZE], b[GM_DATE_TEXT_SIZE];
    json_t *shifts;
    gm_unit u;
    if (to < from || to - from >= GM_DUTY_MAX_RANGE)
        return gm_fail(err, GM_E_INVALID, "to", "结束日期应不早于开始日期,且一次最多 %d 天", GM_DUTY_MAX_RANGE);
    int rc = units_get(d, unit_id, &u, err);
    if (!rc)
        rc = db_rows_json(d, &shifts, shift_row, err,
                          "SELECT id,day,person,leader,phone FROM duty_shifts WHERE unit_id=? AND day>=? "
                          "AND day<=? ORDER BY day, leader DESC, person", "itt", unit_id,
                          date_format(from, a), date_format(to, b));
    if (rc)
        return rc;
    json_t *j = json_pack("{s:I,s:s,s:s,s:s}", "unit_id", (json_int_t)unit_id, "unit_name", u.name,
                          "from", a, "to", b);
    rc = build_roster(cal, from, to, shifts, j, err);
    json_decref(shifts);
    if (rc)
        json_decref(j);
    else
        *out = j;
    return rc;
}

int duty_units(db *d, long long *units, size_t cap, size_t *n, gm_err *err)
{
    db_stmt *q;
    *n = 0;
    int rc = db_query(d, &q, err, "SELECT DISTINCT unit_id FROM duty_shifts ORDER BY unit_id", "");
    if (rc)
        return rc;
    while (*n < cap && (rc = db_next(q)) == 1)
        units[(*n)++] = db_int(q, 0);
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}
