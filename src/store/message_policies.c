/*
 * message_policies.c - reply-deadline policies per unit (see
 * message_policies.h).
 */
#include "store/message_policies.h"
#include "store/audit.h"
#include "store/units.h"
#include "util/clock.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void row_to_policy(db_stmt *q, gm_message_policy *p)
{
    memset(p, 0, sizeof *p);
    snprintf(p->preset, sizeof p->preset, "%s", db_text(q, 0));
    p->first_response_minutes = (int)db_int(q, 1);
    p->first_response_same_day = (int)db_int(q, 2);
    p->answer_working_days = (int)db_int(q, 3);
    p->answer_max_working_days = (int)db_int(q, 4);
    if (work_hours_parse(db_text(q, 5), "work_hours", &p->hours, NULL))
        p->hours = work_hours_default();
}

int message_policy_get(db *d, long long unit_id, gm_message_policy *out, long long *from_unit,
                       gm_err *err)
{
    gm_unit u;
    int rc = units_get(d, unit_id, &u, err);
    if (rc)
        return rc;
    db_stmt *q;
    rc = db_query(d, &q, err,
                  "SELECT p.preset,p.first_response_minutes,p.first_response_same_day,"
                  "p.answer_working_days,p.answer_max_working_days,p.work_hours,p.unit_id "
                  "FROM message_policies p JOIN units x ON x.id=p.unit_id "
                  "WHERE substr(?,1,length(x.path))=x.path ORDER BY length(x.path) DESC LIMIT 1",
                  "t", u.path);
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 1) {
        row_to_policy(q, out);
        if (from_unit)
            *from_unit = db_int(q, 6);
        rc = GM_OK;
    } else if (rc == 0) {
        rc = message_policy_preset("standard", out, err);
        if (from_unit)
            *from_unit = 0;
    }
    db_done(q);
    return rc;
}

static int set_in_transaction(db *d, const gm_actor *who, long long unit_id,
                              const gm_message_policy *p, gm_err *err)
{
    char now[GM_ISO_LEN], hours[GM_WORK_HOURS_TEXT_SIZE];
    clock_iso_from_now(now, 0);
    gm_message_policy old;
    long long old_from = 0;
    int rc = message_policy_get(d, unit_id, &old, &old_from, err);
    json_t *before = rc ? NULL : message_policy_to_json(&old, unit_id, old_from);
    if (!rc)
        rc = db_exec(d, err, "DELETE FROM message_policies WHERE unit_id=?", "i", unit_id);
    if (!rc)
        rc = db_exec(d, err,
                     "INSERT INTO message_policies(unit_id,preset,first_response_minutes,"
                     "first_response_same_day,answer_working_days,answer_max_working_days,"
                     "work_hours,updated_at) VALUES(?,?,?,?,?,?,?,?)",
                     "itiiiitt", unit_id, p->preset, (long long)p->first_response_minutes,
                     (long long)p->first_response_same_day, (long long)p->answer_working_days,
                     (long long)p->answer_max_working_days, work_hours_format(&p->hours, hours), now);
    if (rc) {
        json_decref(before);
        return rc;
    }
    return audit_append_json(d, who, "message.policy_set", "unit", unit_id, before,
                             message_policy_to_json(p, unit_id, unit_id), err);
}

int message_policy_set(db *d, const gm_actor *who, long long unit_id, const gm_message_policy *p,
                       gm_err *err)
{
    gm_unit u;
    int rc = message_policy_validate(p, err);
    if (!rc)
        rc = units_get(d, unit_id, &u, err);
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, set_in_transaction(d, who, unit_id, p, err), err);
    return rc;
}

json_t *message_policy_to_json(const gm_message_policy *p, long long unit_id, long long from_unit)
{
    char hours[GM_WORK_HOURS_TEXT_SIZE];
    json_t *j = json_pack("{s:I,s:s,s:s,s:b,s:i,s:i,s:s}", "unit_id", (json_int_t)unit_id, "preset",
                          p->preset, "preset_label", message_policy_preset_label(p->preset),
                          "first_response_same_day", p->first_response_same_day,
                          "answer_working_days", p->answer_working_days,
                          "answer_max_working_days", p->answer_max_working_days, "work_hours",
                          work_hours_format(&p->hours, hours));
    if (!j)
        return NULL;
    json_object_set_new(j, "first_response_hours",
                        p->first_response_same_day ? json_null()
                                                   : json_real(p->first_response_minutes / 60.0));
    json_object_set_new(j, "inherited_from_unit_id",
                        from_unit == unit_id ? json_null()
                        : from_unit          ? json_integer(from_unit)
                                             : json_string("preset"));
    return j;
}

static int int_field(const json_t *in, const char *key, int lo, int hi, int *out, gm_err *err)
{
    json_t *v = json_object_get(in, key);
    if (!v)
        return 0;
    if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi)
        return gm_fail(err, GM_E_INVALID, key, "%s 应为 %d 到 %d 之间的整数", key, lo, hi);
    *out = (int)json_integer_value(v);
    return 1;
}

int message_policy_from_json(const json_t *in, const gm_message_policy *base,
                             gm_message_policy *out, gm_err *err)
{
    const char *preset = json_string_value(json_object_get(in, "preset"));
    int rc = GM_OK, changed = 0, r;
    *out = *base;
    if (preset && (rc = message_policy_preset(preset, out, err)) != GM_OK)
        return rc;
    json_t *h = json_object_get(in, "first_response_hours");
    if (h) {
        if (!json_is_number(h) || json_number_value(h) <= 0 || json_number_value(h) > 120)
            return gm_fail(err, GM_E_INVALID, "first_response_hours", "首次回应时限应为 0 到 120 个工作小时");
        out->first_response_minutes = (int)lround(json_number_value(h) * 60);
        out->first_response_same_day = 0;
        changed = 1;
    }
    json_t *sd = json_object_get(in, "first_response_same_day");
    if (sd) {
        if (!json_is_boolean(sd))
            return gm_fail(err, GM_E_INVALID, "first_response_same_day", "当日首次回应应为是或否");
        out->first_response_same_day = json_is_true(sd);
        if (!out->first_response_same_day && !out->first_response_minutes)
            out->first_response_minutes = 240;
        changed = 1;
    }
    if ((r = int_field(in, "answer_working_days", 1, 30, &out->answer_working_days, err)) < 0)
        return r;
    changed |= r;
    if ((r = int_field(in, "answer_max_working_days", 1, 60, &out->answer_max_working_days, err)) < 0)
        return r;
    changed |= r;
    json_t *wh = json_object_get(in, "work_hours");
    if (wh) {
        if (!json_is_string(wh))
            return gm_fail(err, GM_E_INVALID, "work_hours", "工作时段应为文字,如 09:00-12:00,13:30-17:30");
        if ((rc = work_hours_parse(json_string_value(wh), "work_hours", &out->hours, err)) != GM_OK)
            return rc;
        changed = 1;
    }
    if (changed)
        snprintf(out->preset, sizeof out->preset, "custom");
    return message_policy_validate(out, err);
}
