/*
 * assessment_scheme.c - the units' assessment schemes in the store (see
 * report/assessment.h); the rules on what a scheme may hold are core's.
 */
#include "report/assessment.h"
#include "store/audit.h"
#include "store/units.h"
#include "util/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int item_fail(gm_err *err, size_t i, const char *part, const char *msg)
{
    int rc = gm_fail(err, GM_E_INVALID, NULL, "%s", msg);
    if (err)
        snprintf(err->field, sizeof err->field, "indicators[%zu].%s", i, part);
    return rc;
}

int assessment_scheme_from_json(const json_t *arr, gm_scheme *s, gm_err *err)
{
    memset(s, 0, sizeof *s);
    if (!json_is_array(arr))
        return gm_fail(err, GM_E_INVALID, "indicators", "考核指标应为列表");
    if (json_array_size(arr) > GM_SCHEME_MAX)
        return gm_fail(err, GM_E_INVALID, "indicators", "指标最多 %d 项", GM_SCHEME_MAX);
    size_t i;
    json_t *o;
    json_array_foreach(arr, i, o) {
        const char *key;
        json_t *v;
        if (!json_is_object(o))
            return item_fail(err, i, "code", "每项指标应为对象 {code, weight, target}");
        json_object_foreach(o, key, v)
            if (strcmp(key, "code") && strcmp(key, "weight") && strcmp(key, "target"))
                return item_fail(err, i, key, "未知字段");
        json_t *code = json_object_get(o, "code"), *w = json_object_get(o, "weight"),
               *t = json_object_get(o, "target");
        if (!json_is_string(code) || strlen(json_string_value(code)) >= sizeof s->items[i].code)
            return item_fail(err, i, "code", "code 应为指标代码");
        if (!json_is_number(w))
            return item_fail(err, i, "weight", "weight 应为数字");
        if (t && !json_is_null(t) && !json_is_number(t))
            return item_fail(err, i, "target", "target 应为数字");
        snprintf(s->items[i].code, sizeof s->items[i].code, "%s", json_string_value(code));
        s->items[i].weight = json_number_value(w);
        s->items[i].target = t && json_is_number(t) ? json_number_value(t) : 0;
        s->n++;
    }
    return GM_OK;
}

/* The stored form: only what from_json reads back. */
static json_t *scheme_stored_json(const gm_scheme *s)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < s->n; i++) {
        json_t *o = json_pack("{s:s,s:f}", "code", s->items[i].code, "weight", s->items[i].weight);
        if (s->items[i].target > 0)
            json_object_set_new(o, "target", json_real(s->items[i].target));
        json_array_append_new(arr, o);
    }
    return arr;
}

/* A count indicator's target: the value that earns full points (null for
 * veto items and ratios, which need none). */
static json_t *target_json(double target)
{
    return target > 0 ? json_real(target) : json_null();
}

/* Each item as stored (code, weight, and target only when the unit set its
 * own, so a client that saves back what it read keeps it), with what a
 * reader needs to show it: label, kind, and the target in force. */
json_t *assessment_scheme_to_json(const gm_scheme *s)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < s->n; i++) {
        const gm_indicator_def *def = assessment_indicator(s->items[i].code);
        json_t *o = json_pack("{s:s,s:f}", "code", s->items[i].code, "weight", s->items[i].weight);
        if (s->items[i].target > 0)
            json_object_set_new(o, "target", json_real(s->items[i].target));
        if (def) {
            json_object_set_new(o, "label", json_string(def->label));
            json_object_set_new(o, "kind", json_string(assessment_kind_name(def->kind)));
            json_object_set_new(o, "default_target", target_json(def->default_target));
            json_object_set_new(o, "target_in_force", target_json(s->items[i].target > 0
                                                                      ? s->items[i].target
                                                                      : def->default_target));
        }
        json_array_append_new(arr, o);
    }
    return arr;
}

json_t *assessment_catalogue_to_json(void)
{
    size_t n;
    const gm_indicator_def *defs = assessment_indicators(&n);
    gm_scheme preset;
    assessment_default_scheme(&preset);
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        const gm_indicator_def *def = &defs[i];
        json_t *weight = json_null();
        for (size_t k = 0; k < preset.n; k++)
            if (strcmp(preset.items[k].code, def->code) == 0)
                weight = json_real(preset.items[k].weight);
        json_array_append_new(arr, json_pack(
            "{s:s,s:s,s:s,s:s,s:b,s:b,s:o,s:o,s:b,s:o}", "code", def->code, "label", def->label,
            "kind", assessment_kind_name(def->kind), "kind_label", assessment_kind_label(def->kind),
            "vanity", def->vanity, "barred_for_government", def->vanity, "barred_reason",
            def->vanity ? json_string(GM_VANITY_RULE) : json_null(), "default_target",
            target_json(def->default_target), "in_preset", !json_is_null(weight),
            "preset_weight", weight));
    }
    return json_pack("{s:o}", "indicators", arr);
}

int assessment_scheme_get(db *d, long long unit_id, int year, gm_scheme *s, int *stored, gm_err *err)
{
    db_stmt *q;
    *stored = 0;
    assessment_default_scheme(s);
    int rc = db_query(d, &q, err, "SELECT indicators FROM assessment_schemes WHERE unit_id=? AND year=?",
                      "ii", unit_id, (long long)year);
    if (rc)
        return rc;
    if (db_next(q) == 1) {
        json_t *arr = json_loads(db_text(q, 0), 0, NULL);
        if (arr && assessment_scheme_from_json(arr, s, NULL) == 0)
            *stored = 1;
        else
            assessment_default_scheme(s);
        json_decref(arr);
    }
    db_done(q);
    return GM_OK;
}

int assessment_scheme_set(db *d, const gm_actor *who, long long unit_id, int year,
                          const gm_scheme *s, gm_err *err)
{
    gm_unit u;
    char now[GM_ISO_LEN];
    if (year < 2000 || year > 2100)
        return gm_fail(err, GM_E_INVALID, "year", "年份应在 2000 到 2100 之间");
    int rc = units_get(d, unit_id, &u, err);
    if (!rc)
        rc = assessment_scheme_validate(s, assessment_unit_is_government(u.kind), err);
    if (rc)
        return rc;
    json_t *arr = scheme_stored_json(s);
    char *text = json_dumps(arr, JSON_COMPACT);
    clock_iso_from_now(now, 0);
    gm_scheme old;
    int old_stored = 0;
    rc = db_begin(d, err);
    if (!rc)
        rc = assessment_scheme_get(d, unit_id, year, &old, &old_stored, err);
    if (!rc)
        rc = db_exec(d, err, "DELETE FROM assessment_schemes WHERE unit_id=? AND year=?", "ii",
                     unit_id, (long long)year);
    if (!rc)
        rc = db_exec(d, err,
                     "INSERT INTO assessment_schemes(unit_id,year,indicators,updated_at,updated_by) "
                     "VALUES(?,?,?,?,?)", "iittt", unit_id, (long long)year, text, now, who->login);
    if (!rc)
        rc = audit_append_json(d, who, "assessment.scheme", "unit", unit_id,
                               json_pack("{s:i,s:s,s:o}", "year", year, "source",
                                         old_stored ? "unit" : "preset", "indicators",
                                         scheme_stored_json(&old)),
                               json_pack("{s:i,s:O}", "year", year, "indicators", arr), err);
    rc = db_end(d, rc, err);
    free(text);
    json_decref(arr);
    return rc;
}
