/*
 * units.c - storing and listing units.
 *
 * Invariant: path = parent's path + id + "/", set in the insert's own
 * transaction, so subtree queries (path LIKE 'p%') are always exact.
 */
#include "store/units.h"
#include "store/audit.h"
#include "core/unit_rules.h"
#include "util/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNIT_COLUMNS "id,COALESCE(parent_id,0),name,kind,path," \
    "COALESCE((SELECT p.name FROM units p WHERE p.id=units.parent_id),'')"

static void unit_from_row(db_stmt *q, gm_unit *u)
{
    u->id = db_int(q, 0);
    u->parent_id = db_int(q, 1);
    snprintf(u->name, sizeof u->name, "%s", db_text(q, 2));
    snprintf(u->kind, sizeof u->kind, "%s", db_text(q, 3));
    snprintf(u->path, sizeof u->path, "%s", db_text(q, 4));
    snprintf(u->parent_name, sizeof u->parent_name, "%s", db_text(q, 5));
}

int units_get(db *d, long long id, gm_unit *out, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err, "SELECT " UNIT_COLUMNS " FROM units WHERE id=?", "i", id);
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 1) {
        unit_from_row(q, out);
        rc = GM_OK;
    } else if (rc == 0) {
        rc = gm_fail(err, GM_E_NOTFOUND, "unit_id", "单位 %lld 不存在", id);
    }
    db_done(q);
    return rc;
}

json_t *unit_to_json(const gm_unit *u)
{
    return json_pack("{s:I,s:o,s:s,s:s,s:s,s:s,s:o}", "id", (json_int_t)u->id, "parent_id",
                     u->parent_id ? json_integer(u->parent_id) : json_null(), "name", u->name,
                     "kind", u->kind, "kind_label", unit_kind_label_zh(u->kind), "path", u->path,
                     "parent_name", u->parent_id ? json_string(u->parent_name) : json_null());
}

static int insert_unit(db *d, const gm_actor *who, const char *name, const char *kind,
                       long long parent_id, long long *id_out, gm_err *err)
{
    gm_unit parent = {0}, made;
    int rc = parent_id ? units_get(d, parent_id, &parent, err) : GM_OK;
    if (rc == GM_E_NOTFOUND)
        return gm_fail(err, GM_E_INVALID, "parent_id", "上级单位 %lld 不存在", parent_id);
    if (rc)
        return rc;
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    rc = db_query_int(d, id_out, err,
                      "INSERT INTO units(parent_id,name,kind,created_at) VALUES(?,?,?,?) RETURNING id",
                      "nttt", parent_id, name, kind, now);
    if (rc == GM_E_CONFLICT)
        return gm_fail(err, GM_E_CONFLICT, "name", "同一上级单位下已有名为“%s”的单位", name);
    if (rc)
        return rc;
    char path[sizeof parent.path + 24];
    int n = snprintf(path, sizeof path, "%s%lld/", parent_id ? parent.path : "/", *id_out);
    if (n < 0 || (size_t)n >= sizeof parent.path)
        return gm_fail(err, GM_E_INVALID, "parent_id", "单位层级过深");
    rc = db_exec(d, err, "UPDATE units SET path=? WHERE id=?", "ti", path, *id_out);
    if (!rc)
        rc = units_get(d, *id_out, &made, err);
    if (rc)
        return rc;
    json_t *after = unit_to_json(&made);
    return after ? audit_append_json(d, who, "unit.add", "unit", *id_out, NULL, after, err)
                 : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
}

int units_add(db *d, const gm_actor *who, const char *name, const char *kind,
              long long parent_id, long long *id_out, gm_err *err)
{
    int rc = unit_validate_new(name, kind, err);
    if (rc)
        return rc;
    rc = db_begin(d, err);
    if (!rc)
        rc = insert_unit(d, who, name, kind, parent_id, id_out, err);
    return db_end(d, rc, err);
}

/* Appends the units below path (inclusive) not yet in seen. */
static int append_subtree(db *d, const char *path, json_t *arr, json_t *seen, gm_err *err)
{
    db_stmt *q;
    char like[140];
    snprintf(like, sizeof like, "%s%%", path);
    int rc = db_query(d, &q, err, "SELECT " UNIT_COLUMNS " FROM units WHERE path LIKE ? ORDER BY path",
                      "t", like);
    if (rc)
        return rc;
    while ((rc = db_next(q)) == 1) {
        gm_unit u;
        unit_from_row(q, &u);
        if (json_object_get(seen, u.path))
            continue;
        json_object_set_new(seen, u.path, json_true());
        json_array_append_new(arr, unit_to_json(&u));
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

int units_list(db *d, const gm_actor *scope, json_t **out, gm_err *err)
{
    json_t *arr = json_array(), *seen = json_object();
    int rc = arr && seen ? GM_OK : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (!scope && !rc)
        rc = append_subtree(d, "/", arr, seen, err);
    for (size_t i = 0; scope && !rc && i < scope->n_grants; i++) {
        /* Every role may see its own unit; subtree roles see below it. */
        if (role_reaches_subtree(scope->grants[i].role))
            rc = append_subtree(d, scope->grants[i].unit_path, arr, seen, err);
        else {
            gm_unit u;
            rc = units_get(d, scope->grant_units[i], &u, err);
            if (!rc && !json_object_get(seen, u.path)) {
                json_object_set_new(seen, u.path, json_true());
                json_array_append_new(arr, unit_to_json(&u));
            }
        }
    }
    json_decref(seen);
    if (rc) {
        json_decref(arr);
        return rc;
    }
    *out = arr;
    return GM_OK;
}
