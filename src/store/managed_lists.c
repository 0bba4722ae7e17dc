/*
 * managed_lists.c - versioned, audited lists admins maintain (see
 * managed_lists.h).
 *
 * A change is computed in memory on a key -> entry map (jansson objects
 * keep insertion order, which is the list order), diffed against the map
 * it started from, and written back whole in one transaction together
 * with its version row and audit row.  Lists are small (thousands of
 * entries), so rewriting the rows is simpler than patching them.
 */
#include "store/actor_name.h"
#include "store/managed_lists.h"
#include "store/audit.h"
#include "util/clock.h"

#include <stdio.h>
#include <string.h>

static int nomem(gm_err *err)
{
    return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
}

/* The key of entry e (element i of the array called what). */
static int entry_key(const managed_list_def *def, const json_t *e, const char *what, size_t i,
                     const char **key, gm_err *err)
{
    char field[64];
    snprintf(field, sizeof field, "%s[%zu].%s", what, i, def->key_field);
    if (!json_is_object(e))
        return gm_fail(err, GM_E_INVALID, field, "条目应为 JSON 对象");
    const json_t *k = json_object_get(e, def->key_field);
    if (!json_is_string(k) || json_string_length(k) == 0 ||
        strlen(json_string_value(k)) != json_string_length(k))
        return gm_fail(err, GM_E_INVALID, field, "条目缺少非空的 %s", def->key_field);
    *key = json_string_value(k);
    return GM_OK;
}

/* Adds every entry of arr to map; must_be_new refuses keys already there. */
static int put_all(const managed_list_def *def, json_t *map, const json_t *arr, const char *what,
                   int must_be_new, int must_exist, gm_err *err)
{
    if (!arr)
        return GM_OK;
    if (!json_is_array(arr))
        return gm_fail(err, GM_E_INVALID, what, "%s 应为数组", what);
    size_t i;
    const json_t *e;
    json_array_foreach(arr, i, e) {
        const char *key = NULL;
        int rc = entry_key(def, e, what, i, &key, err);
        if (rc)
            return rc;
        int present = json_object_get(map, key) != NULL;
        if ((must_be_new && present) || (must_exist && !present)) {
            char field[64];
            snprintf(field, sizeof field, "%s[%zu].%s", what, i, def->key_field);
            return gm_fail(err, present ? GM_E_CONFLICT : GM_E_NOTFOUND, field,
                           present ? "“%s”已在列表中(或在本次提交中重复)" : "列表中没有“%s”", key);
        }
        if (json_object_set_new(map, key, json_deep_copy(e)))
            return nomem(err);
    }
    return GM_OK;
}

static int remove_all(json_t *map, const json_t *keys, gm_err *err)
{
    if (!keys)
        return GM_OK;
    if (!json_is_array(keys))
        return gm_fail(err, GM_E_INVALID, "remove", "删除项应为列表");
    size_t i;
    const json_t *k;
    json_array_foreach(keys, i, k) {
        char field[32];
        snprintf(field, sizeof field, "remove[%zu]", i);
        if (!json_is_string(k))
            return gm_fail(err, GM_E_INVALID, field, "应为字符串");
        if (json_object_del(map, json_string_value(k)))
            return gm_fail(err, GM_E_NOTFOUND, field, "列表中没有“%s”", json_string_value(k));
    }
    return GM_OK;
}

static int apply_ops(const managed_list_def *def, json_t *map, const managed_list_change *ch,
                     gm_err *err)
{
    if (ch->replace) {
        if (ch->add || ch->set || ch->remove)
            return gm_fail(err, GM_E_INVALID, "replace", "导入整表时不能同时增删改条目");
        json_object_clear(map);
        return put_all(def, map, ch->replace, "replace", 1, 0, err);
    }
    int rc = remove_all(map, ch->remove, err);
    if (!rc)
        rc = put_all(def, map, ch->set, "set", 0, 1, err);
    if (!rc)
        rc = put_all(def, map, ch->add, "add", 1, 0, err);
    return rc;
}

/* {"added":[…],"removed":[…],"changed":[{"before","after"}]}; NULL on no memory. */
static json_t *diff_maps(const json_t *old, const json_t *new)
{
    json_t *added = json_array(), *removed = json_array(), *changed = json_array();
    json_t *diff = json_pack("{s:o,s:o,s:o}", "added", added, "removed", removed, "changed",
                             changed);
    if (!diff)
        return NULL;
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)old, k, v) {
        json_t *n = json_object_get(new, k);
        if (!n)
            json_array_append(removed, v);
        else if (!json_equal(v, n))
            json_array_append_new(changed, json_pack("{s:O,s:O}", "before", v, "after", n));
    }
    json_object_foreach((json_t *)new, k, v)
        if (!json_object_get(old, k))
            json_array_append(added, v);
    return diff;
}

static int diff_empty(const json_t *diff)
{
    return json_array_size(json_object_get(diff, "added")) == 0 &&
           json_array_size(json_object_get(diff, "removed")) == 0 &&
           json_array_size(json_object_get(diff, "changed")) == 0;
}

static json_t *map_to_array(const json_t *map)
{
    json_t *arr = json_array();
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)map, k, v)
        if (arr && json_array_append(arr, v)) {
            json_decref(arr);
            return NULL;
        }
    return arr;
}

static int load_stored(db *d, const char *name, json_t *map, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT key, entry FROM managed_list_entries WHERE list=? ORDER BY seq", "t",
                      name);
    if (rc)
        return rc;
    while ((rc = db_next(q)) == 1) {
        json_t *e = json_loads(db_text(q, 1), 0, NULL);
        if (!e || json_object_set_new(map, db_text(q, 0), e)) {
            rc = gm_fail(err, GM_E_DB, NULL, "列表 %s 的条目无法解析", name);
            break;
        }
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

static int stored_version(db *d, const char *name, long long *version, gm_err *err)
{
    int rc = db_query_int(d, version, err, "SELECT version FROM managed_lists WHERE name=?", "t",
                          name);
    if (rc == GM_E_NOTFOUND) {
        *version = 0;
        return GM_OK;
    }
    return rc;
}

int managed_list_get(db *d, const char *name, json_t **entries, long long *version, gm_err *err)
{
    *entries = NULL;
    int rc = stored_version(d, name, version, err);
    if (rc || *version == 0)
        return rc;
    json_t *map = json_object();
    if (!map)
        return nomem(err);
    rc = load_stored(d, name, map, err);
    if (!rc && !(*entries = map_to_array(map)))
        rc = nomem(err);
    json_decref(map);
    return rc;
}

static int write_entries(db *d, const managed_list_def *def, const json_t *map, gm_err *err)
{
    int rc = db_exec(d, err, "DELETE FROM managed_list_entries WHERE list=?", "t", def->name);
    long long seq = 0;
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)map, k, v) {
        if (rc)
            break;
        char *text = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
        rc = text ? db_exec(d, err,
                            "INSERT INTO managed_list_entries(list,seq,key,entry) VALUES(?,?,?,?)",
                            "titt", def->name, ++seq, k, text)
                  : nomem(err);
        free(text);
    }
    return rc;
}

static int bump_version(db *d, const gm_actor *who, const char *name, long long old,
                        const char *now, gm_err *err)
{
    if (old == 0)
        return db_exec(d, err,
                       "INSERT INTO managed_lists(name,version,updated_at,login) VALUES(?,1,?,?)",
                       "ttt", name, now, who->login);
    return db_exec(d, err,
                   "UPDATE managed_lists SET version=version+1, updated_at=?, login=? WHERE name=?",
                   "ttt", now, who->login, name);
}

static int record_version(db *d, const gm_actor *who, const managed_list_def *def,
                          const managed_list_change *ch, long long old, json_t *diff, gm_err *err)
{
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    char *text = json_dumps(diff, JSON_COMPACT);
    if (!text)
        return nomem(err);
    int rc = bump_version(d, who, def->name, old, now, err);
    if (!rc)
        rc = db_exec(d, err,
                     "INSERT INTO managed_list_versions(list,version,at,login,action,note,diff) "
                     "VALUES(?,?,?,?,?,?,?)",
                     "tittttt", def->name, old + 1, now, who->login,
                     ch->replace ? "import" : "edit", ch->note ? ch->note : "", text);
    if (!rc) {
        json_t *after = json_pack("{s:s,s:I,s:O}", "list", def->name, "version",
                                  (json_int_t)(old + 1), "diff", diff);
        char *a = after ? json_dumps(after, JSON_COMPACT) : NULL;
        char before[48];
        snprintf(before, sizeof before, "{\"version\":%lld}", old);
        rc = a ? audit_append(d, who, ch->replace ? "list.import" : "list.edit", "managed_list",
                              def->name, before, a, err)
               : nomem(err);
        free(a);
        json_decref(after);
    }
    free(text);
    return rc;
}

/* The map the change starts from: the stored list or the defaults. */
static int load_base(db *d, const managed_list_def *def, const json_t *defaults,
                     long long version, json_t *map, gm_err *err)
{
    if (version > 0)
        return load_stored(d, def->name, map, err);
    gm_err why;
    return put_all(def, map, defaults, "defaults", 1, 0, &why)
               ? gm_fail(err, GM_E_INTERNAL, NULL, "列表 %s 的默认内容有误(%s)", def->name,
                         why.field)
               : GM_OK;
}

/* Index of the entry of arr (an add or set) whose key is key, or -1. */
static long submitted_index(const managed_list_def *def, const json_t *arr, const char *key)
{
    size_t i;
    const json_t *e;
    json_array_foreach(arr, i, e) {
        const char *k = json_string_value(json_object_get(e, def->key_field));
        if (k && strcmp(k, key) == 0)
            return (long)i;
    }
    return -1;
}

/* The list's check names the entry of the whole new list ("entries[49].severity"):
 * name the one the client sent instead ("add[0].severity"), when it sent it. */
static void name_submitted_field(const managed_list_def *def, const json_t *whole,
                                 const managed_list_change *ch, gm_err *err)
{
    size_t n;
    int used = 0;
    if (!err || sscanf(err->field, "entries[%zu]%n", &n, &used) != 1 || used == 0)
        return;
    const char *key = json_string_value(json_object_get(json_array_get(whole, n), def->key_field));
    const char *what = "add";
    long at = key && ch->add ? submitted_index(def, ch->add, key) : -1;
    if (at < 0 && key && ch->set) {
        what = "set";
        at = submitted_index(def, ch->set, key);
    }
    if (at < 0)
        return;
    char named[sizeof err->field];
    int len = snprintf(named, sizeof named, "%s[%ld]%s", what, at, err->field + used);
    if (len > 0 && (size_t)len < sizeof named)
        memcpy(err->field, named, (size_t)len + 1);
}

static int apply_in_tx(db *d, const gm_actor *who, const managed_list_def *def,
                       const json_t *defaults, const managed_list_change *ch, json_t *old,
                       json_t *new, json_t **result, gm_err *err)
{
    long long version;
    int rc = stored_version(d, def->name, &version, err);
    if (!rc && ch->expect_version > 0 && ch->expect_version != version)
        rc = gm_fail(err, GM_E_CONFLICT, "version", "列表已被他人修改(当前版本 %lld,提交基于 %lld),请刷新后重试",
                     version, ch->expect_version);
    if (!rc)
        rc = load_base(d, def, defaults, version, old, err);
    if (!rc && json_object_update(new, old))
        rc = nomem(err);
    if (!rc)
        rc = apply_ops(def, new, ch, err);
    json_t *diff = rc ? NULL : diff_maps(old, new), *arr = NULL;
    if (!rc && !diff)
        rc = nomem(err);
    if (!rc && diff_empty(diff))
        rc = gm_fail(err, GM_E_INVALID, "entries", "提交的修改没有改变列表");
    if (!rc && def->check) {
        rc = (arr = map_to_array(new)) ? def->check(def->ctx, arr, err) : nomem(err);
        if (rc == GM_E_INVALID || rc == GM_E_CONFLICT)
            name_submitted_field(def, arr, ch, err);
    }
    if (!rc)
        rc = record_version(d, who, def, ch, version, diff, err);
    if (!rc)
        rc = write_entries(d, def, new, err);
    if (!rc && !(*result = json_pack("{s:s,s:I,s:O}", "list", def->name, "version",
                                     (json_int_t)(version + 1), "diff", diff)))
        rc = nomem(err);
    json_decref(arr);
    json_decref(diff);
    return rc;
}

int managed_list_apply(db *d, const gm_actor *who, const managed_list_def *def,
                       const json_t *defaults, const managed_list_change *ch, json_t **result,
                       gm_err *err)
{
    json_t *old = json_object(), *new = json_object();
    int rc = old && new ? db_begin(d, err) : nomem(err);
    if (!rc)
        rc = db_end(d, apply_in_tx(d, who, def, defaults, ch, old, new, result, err), err);
    json_decref(old);
    json_decref(new);
    return rc;
}

int managed_list_versions(db *d, const char *name, long long limit, json_t **out, gm_err *err)
{
    db_stmt *q;
    json_t *arr = json_array();
    int rc = arr ? db_query(d, &q, err,
                            "SELECT version,at,login,action,note,diff," ACTOR_NAME_SQL("managed_list_versions.login")
                            " FROM managed_list_versions "
                            "WHERE list=? ORDER BY version DESC LIMIT ?",
                            "ti", name, limit > 0 ? limit : 1000000000LL)
                 : nomem(err);
    if (rc) {
        json_decref(arr);
        return rc;
    }
    while ((rc = db_next(q)) == 1) {
        json_t *diff = json_loads(db_text(q, 5), 0, NULL);
        json_array_append_new(arr, json_pack("{s:I,s:s,s:s,s:s,s:s,s:o*,s:o}", "version",
                                             (json_int_t)db_int(q, 0), "at", db_text(q, 1),
                                             "login", db_text(q, 2), "action", db_text(q, 3),
                                             "note", db_text(q, 4), "diff", diff,
                                             "actor_name", actor_name_json(q, 6)));
    }
    db_done(q);
    if (rc < 0) {
        json_decref(arr);
        return rc;
    }
    *out = arr;
    return GM_OK;
}
