/*
 * audit_list.c - reading audit rows for inspectors (newest first), scoped
 * to the reader's reach.
 *
 * An audit row belongs to the unit its actor acted in (audit.unit_id) and
 * to the unit of its object: an account's or review round's unit, a unit
 * itself, every unit a user holds a grant on.  A reader sees the row when
 * one of those units is within a grant of theirs carrying PERM_AUDIT_READ;
 * rows of system-wide objects (calendar, lexicon) have only the actor's
 * unit.  New object types: add their unit to OBJECT_UNIT_PATH below.
 */
#include "store/audit_query.h"
#include "store/db_rows.h"
#include "store/users.h"

#include <stdlib.h>
#include <string.h>

#define OBJECT_UNIT_PATH                                                                          \
    "CASE a.object_type "                                                                         \
    "WHEN 'account' THEN (SELECT u.path FROM accounts x JOIN units u ON u.id=x.unit_id "          \
    "  WHERE CAST(x.id AS TEXT)=a.object_id) "                                                    \
    "WHEN 'review_round' THEN (SELECT u.path FROM review_rounds x JOIN units u ON u.id=x.unit_id " \
    "  WHERE CAST(x.id AS TEXT)=a.object_id) "                                                    \
    "WHEN 'unit' THEN (SELECT path FROM units WHERE CAST(id AS TEXT)=a.object_id) "               \
    "ELSE NULL END"

#define AUDIT_SQL                                                                                 \
    "SELECT a.id,a.at,COALESCE(a.user_id,0),a.login,a.role,COALESCE(a.unit_id,0),a.action,"      \
    "a.object_type,a.object_id,a.before,a.after,a.client_addr,a.hash,"                            \
    "COALESCE(au.path,''),COALESCE(" OBJECT_UNIT_PATH ",'') "                                     \
    "FROM audit a LEFT JOIN units au ON au.id=a.unit_id "                                         \
    "WHERE (?=0 OR a.id<?) ORDER BY a.id DESC LIMIT ?"

static json_t *audit_row_json(db_stmt *q)
{
    return json_pack("{s:I,s:s,s:I,s:s,s:s,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "id",
                     (json_int_t)db_int(q, 0), "at", db_text(q, 1), "user_id",
                     (json_int_t)db_int(q, 2), "login", db_text(q, 3), "role", db_text(q, 4),
                     "unit_id", (json_int_t)db_int(q, 5), "action", db_text(q, 6), "object_type",
                     db_text(q, 7), "object_id", db_text(q, 8), "before", db_text(q, 9), "after",
                     db_text(q, 10), "client_addr", db_text(q, 11), "hash", db_text(q, 12));
}

static int reaches(const gm_actor *scope, const char *path)
{
    return path[0] && rbac_allows(scope->grants, scope->n_grants, PERM_AUDIT_READ, path);
}

static int user_object_in_reach(db *d, const gm_actor *scope, const char *object_id)
{
    gm_actor target;
    char *end;
    long long id = strtoll(object_id, &end, 10);
    if (*end || users_load_grants(d, id, &target, NULL))
        return 0;
    for (size_t i = 0; i < target.n_grants; i++)
        if (reaches(scope, target.grants[i].unit_path))
            return 1;
    return 0;
}

/* Rows with neither an actor unit nor an object unit (the scheduler, the
 * local CLI, system-wide objects) belong to the whole system: readers with
 * PERM_AUDIT_READ on a root unit ("/N/") see them. */
static int reaches_root(const gm_actor *scope)
{
    for (size_t i = 0; i < scope->n_grants; i++) {
        const char *p = scope->grants[i].unit_path;
        if (role_has_perm(scope->grants[i].role, PERM_AUDIT_READ) && role_reaches_subtree(scope->grants[i].role) &&
            p[0] == '/' && strchr(p + 1, '/') && !strchr(strchr(p + 1, '/') + 1, '/'))
            return 1;
    }
    return 0;
}

static int row_in_reach(db *d, const gm_actor *scope, db_stmt *q)
{
    if (!scope || reaches(scope, db_text(q, 13)) || reaches(scope, db_text(q, 14)))
        return 1;
    if (!db_text(q, 13)[0] && !db_text(q, 14)[0] && strcmp(db_text(q, 7), "user") != 0)
        return reaches_root(scope);
    return strcmp(db_text(q, 7), "user") == 0 && user_object_in_reach(d, scope, db_text(q, 8));
}

/* One page of up to limit rows below *before; appends the visible ones,
 * moves *before to the last row read; *more: rows remain. */
static int scan_page(db *d, const gm_actor *scope, long long *before, long long limit,
                     json_t *arr, int *more, gm_err *err)
{
    db_stmt *q;
    long long seen = 0;
    int rc = db_query(d, &q, err, AUDIT_SQL, "iii", *before, *before, limit);
    if (rc)
        return rc;
    while ((long long)json_array_size(arr) < limit && (rc = db_next(q)) == 1) {
        seen++;
        *before = db_int(q, 0);
        if (row_in_reach(d, scope, q))
            json_array_append_new(arr, audit_row_json(q));
    }
    db_done(q);
    *more = seen == limit;
    return rc < 0 ? rc : GM_OK;
}

int audit_list(db *d, const gm_actor *scope, long long before_id, long long limit, json_t **out,
               gm_err *err)
{
    json_t *arr = json_array();
    if (!arr)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    int more = 1, rc = GM_OK;
    while (!rc && more && (long long)json_array_size(arr) < limit) {
        rc = scan_page(d, scope, &before_id, limit, arr, &more, err);
        if (before_id == 1)
            more = 0;
    }
    if (!rc)
        rc = audit_rows_describe(d, arr, err);
    if (rc)
        json_decref(arr);
    else
        *out = arr;
    return rc;
}

#define AUDIT_WHERE                                                                         \
    "WHERE (?1 IS NULL OR a.action=?1) AND (?2 IS NULL OR a.login=?2) "                     \
    "AND (?3 IS NULL OR a.object_type=?3) AND (?4 IS NULL OR a.object_id=?4) "              \
    "AND (?5 IS NULL OR a.at>=?5) AND (?6 IS NULL OR a.at<?6) "                             \
    "AND (?7 IS NULL OR a.client_addr=?7) "

/* Reach is decided row by row in C (a user object's units need a lookup),
 * so a scoped page reads every matching row: O(matching rows) per page. */
int audit_search(db *d, const gm_actor *scope, const audit_filter *f, long long offset,
                 long long limit, json_t **out, long long *total, gm_err *err)
{
    db_stmt *q;
    json_t *arr = json_array();
    if (!arr)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    int rc = db_query(d, &q, err,
                      "SELECT a.id,a.at,COALESCE(a.user_id,0),a.login,a.role,COALESCE(a.unit_id,0),"
                      "a.action,a.object_type,a.object_id,a.before,a.after,a.client_addr,a.hash,"
                      "COALESCE(au.path,''),COALESCE(" OBJECT_UNIT_PATH ",'') "
                      "FROM audit a LEFT JOIN units au ON au.id=a.unit_id " AUDIT_WHERE
                      "ORDER BY a.id DESC", "ttttttt", f->action, f->login, f->object_type,
                      f->object_id, f->from, f->to, f->client_addr);
    if (rc) {
        json_decref(arr);
        return rc;
    }
    *total = 0;
    while ((rc = db_next(q)) == 1) {
        if (!row_in_reach(d, scope, q))
            continue;
        if (*total >= offset && *total < offset + limit)
            json_array_append_new(arr, audit_row_json(q));
        (*total)++;
    }
    db_done(q);
    if (rc >= 0)
        rc = audit_rows_describe(d, arr, err);
    if (rc < 0) {
        json_decref(arr);
        return rc;
    }
    *out = arr;
    return GM_OK;
}
