/*
 * list_routes.c - reading, changing and listing versions of a managed
 * list over HTTP (see list_routes.h).  Entries are checked field by field
 * here (types, lengths, unknown fields, named like "add[2].severity");
 * rules over the whole list (e.g. "the lexicon must compile") are the
 * list's own check, run by the store inside the transaction.
 */
#include "http/list_routes.h"
#include "http/query.h"

#include <stdio.h>
#include <string.h>

static int load_defaults(gm_request *r, const list_route_def *def, json_t **out, gm_err *err)
{
    if (def->defaults)
        return def->defaults(r, out, err);
    *out = json_array();
    return *out ? GM_OK : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
}

static int complete(const list_route_def *def, json_t *entries, gm_err *err)
{
    if (!entries || !def->complete || def->complete(def->list.ctx, entries) == 0)
        return GM_OK;
    return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
}

int list_entries(gm_request *r, const list_route_def *def, json_t **entries,
                 long long *version, gm_err *err)
{
    int rc = managed_list_get(r->db, def->list.name, entries, version, err);
    if (!rc && !*entries)
        rc = load_defaults(r, def, entries, err);
    if (!rc && (rc = complete(def, *entries, err)))
        json_decref(*entries);
    return rc;
}

int list_route_get(gm_request *r, const list_route_def *def, gm_err *err)
{
    json_t *entries;
    long long version;
    int rc = list_entries(r, def, &entries, &version, err);
    return rc ? rc
              : reply_json(r, 200, json_pack("{s:s,s:I,s:s,s:o}", "list", def->list.name,
                                             "version", (json_int_t)version, "source",
                                             version ? "store" : "shipped", "entries", entries));
}

/* Checks every entry of the array at body[what] against the entry fields. */
static int check_entries(const list_route_def *def, const json_t *arr, const char *what,
                         gm_err *err)
{
    if (!arr)
        return GM_OK;
    size_t i;
    const json_t *e;
    json_array_foreach(arr, i, e) {
        int rc = json_object_check(e, def->entry_fields, err);
        if (rc) {
            char field[160];
            snprintf(field, sizeof field, "%s[%zu].%s", what, i, err->field);
            memcpy(err->field, field, sizeof err->field - 1);
            err->field[sizeof err->field - 1] = '\0';
            return rc;
        }
    }
    return GM_OK;
}

static const json_field change_fields[] = {
    {"add", JF_ARRAY, false, 0},    {"set", JF_ARRAY, false, 0},
    {"remove", JF_ARRAY, false, 0}, {"replace", JF_ARRAY, false, 0},
    {"version", JF_INT, false, 0},  {"note", JF_TEXT, false, 500},
    {NULL, 0, 0, 0}};

int list_route_apply(gm_request *r, const list_route_def *def, const managed_list_change *ch,
                     gm_err *err)
{
    json_t *defaults = NULL, *res = NULL;
    long long version;
    int rc = managed_list_get(r->db, def->list.name, &defaults, &version, err);
    json_decref(defaults);
    defaults = NULL;
    if (!rc && version == 0)
        rc = load_defaults(r, def, &defaults, err);
    if (!rc)
        rc = complete(def, defaults, err);
    if (!rc)
        rc = managed_list_apply(r->db, &r->actor, &def->list, defaults, ch, &res, err);
    json_decref(defaults);
    if (!rc && def->changed)
        rc = def->changed(r, err);
    if (rc) {
        json_decref(res);
        return rc;
    }
    return reply_json(r, 200, res);
}

int list_route_change(gm_request *r, const list_route_def *def, gm_err *err)
{
    json_t *b;
    int rc = json_body_parse(r->body, r->body_len, change_fields, &b, err);
    if (rc)
        return rc;
    managed_list_change ch = {.add = json_object_get(b, "add"),
                              .set = json_object_get(b, "set"),
                              .remove = json_object_get(b, "remove"),
                              .replace = json_object_get(b, "replace"),
                              .expect_version = json_int_or(b, "version", 0),
                              .note = json_str(b, "note")};
    if (!ch.add && !ch.set && !ch.remove && !ch.replace)
        rc = gm_fail(err, GM_E_INVALID, "add", "请提供 add、set、remove 或 replace 之一");
    static const char *const sent[] = {"add", "set", "replace"};
    for (size_t i = 0; i < 3 && !rc; i++)
        rc = complete(def, json_object_get(b, sent[i]), err);
    if (!rc)
        rc = check_entries(def, ch.add, "add", err);
    if (!rc)
        rc = check_entries(def, ch.set, "set", err);
    if (!rc)
        rc = check_entries(def, ch.replace, "replace", err);
    if (!rc)
        rc = list_route_apply(r, def, &ch, err);
    json_decref(b);
    return rc;
}

const query_param list_versions_query[] = {{"limit", QP_INT, NULL}, {NULL, 0, NULL}};

int list_route_versions(gm_request *r, const list_route_def *def, gm_err *err)
{
    long long limit;
    json_t *vs;
    int rc = request_query(r, list_versions_query, err);
    if (!rc)
        rc = request_arg_int(r, "limit", 50, &limit, err);
    if (!rc && (limit < 1 || limit > 1000))
        rc = gm_fail(err, GM_E_INVALID, "limit", "条数应在 1 到 1000 之间");
    if (!rc)
        rc = managed_list_versions(r->db, def->list.name, limit, &vs, err);
    return rc ? rc
              : reply_json(r, 200, json_pack("{s:s,s:o}", "list", def->list.name, "versions", vs));
}
