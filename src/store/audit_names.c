/*
 * audit_names.c - what an inspector reads next to each audit row: the
 * actor's display name, what the object is (an account's name, a post's or
 * incident's title, a user's or unit's name, …) and the object's unit.
 *
 * Filled in after a page of rows is chosen (audit_list.c), one indexed
 * lookup per row and field, so the cost is the page size, not the trail's.
 * An object deleted since (a duty shift) or of a system-wide type (the
 * calendar, a list) has no name here: the console shows its type and id.
 */
#include "store/audit_query.h"

#include <stdlib.h>
#include <string.h>

/* Object types whose row has a name and a unit: SQL giving (name, unit_id)
 * for the id bound as an integer.  Portable SQL (|| and substr). */
static const struct {
    const char *type, *sql;
} object_sql[] = {
    {"account", "SELECT name,unit_id FROM accounts WHERE id=?"},
    {"post", "SELECT title,unit_id FROM posts WHERE id=?"},
    {"user", "SELECT display_name,(SELECT MIN(unit_id) FROM user_roles r WHERE r.user_id=users.id) "
             "FROM users WHERE id=?"},
    {"unit", "SELECT name,id FROM units WHERE id=?"},
    {"review_round", "SELECT year || '年年审',unit_id FROM review_rounds WHERE id=?"},
    {"message", "SELECT sender || ':' || substr(text,1,24),unit_id FROM messages WHERE id=?"},
    {"incident", "SELECT title,unit_id FROM incidents WHERE id=?"},
    {"meeting", "SELECT title,unit_id FROM meetings WHERE id=?"},
    {"duty_shift", "SELECT day || ' ' || person,unit_id FROM duty_shifts WHERE id=?"},
};

static const char *object_query(const char *type)
{
    for (size_t i = 0; i < sizeof object_sql / sizeof *object_sql; i++)
        if (strcmp(object_sql[i].type, type) == 0)
            return object_sql[i].sql;
    return NULL;
}

static long long numeric_id(const char *s)
{
    char *end;
    long long id = s && *s ? strtoll(s, &end, 10) : 0;
    return id > 0 && *end == '\0' ? id : 0;
}

static int describe_object(db *d, json_t *row, gm_err *err)
{
    const char *sql = object_query(json_string_value(json_object_get(row, "object_type")));
    long long id = numeric_id(json_string_value(json_object_get(row, "object_id")));
    json_t *name = json_null(), *unit = json_null();
    db_stmt *q;
    int rc = sql && id ? db_query(d, &q, err, sql, "i", id) : GM_OK;
    if (!rc && sql && id) {
        if ((rc = db_next(q)) == 1) {
            json_decref(name);
            json_decref(unit);
            name = db_is_null(q, 0) ? json_null() : json_string(db_text(q, 0));
            unit = db_is_null(q, 1) ? json_null() : json_integer(db_int(q, 1));
        }
        db_done(q);
        rc = rc < 0 ? rc : GM_OK;
    }
    json_object_set_new(row, "object_name", name);
    json_object_set_new(row, "object_unit_id", unit);
    return rc;
}

static int describe_actor(db *d, json_t *row, gm_err *err)
{
    long long uid = json_integer_value(json_object_get(row, "user_id"));
    db_stmt *q;
    json_t *name = json_null();
    int rc = uid > 0 ? db_query(d, &q, err, "SELECT display_name FROM users WHERE id=?", "i", uid)
                     : GM_OK;
    if (!rc && uid > 0) {
        if ((rc = db_next(q)) == 1) {
            json_decref(name);
            name = json_string(db_text(q, 0));
        }
        db_done(q);
        rc = rc < 0 ? rc : GM_OK;
    }
    json_object_set_new(row, "actor_name", name);
    return rc;
}

int audit_rows_describe(db *d, json_t *rows, gm_err *err)
{
    size_t i;
    json_t *row;
    int rc = GM_OK;
    json_array_foreach(rows, i, row) {
        if ((rc = describe_actor(d, row, err)) || (rc = describe_object(d, row, err)))
            break;
    }
    return rc;
}
