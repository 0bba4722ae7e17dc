/*
 * report_json.c - the JSON object `govmedia check --json` prints and
 * POST /api/v1/check returns (layout in check.h).
 */
#include "check/checker_int.h"

static const char *severity_name(int sev)
{
    return sev == GM_SEV_BLOCK ? "block" : "warn";
}

static json_t *finding_json(const gm_finding *f)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    int bad = 0;
    bad |= json_object_set_new(o, "rule", json_string(f->rule));
    bad |= json_object_set_new(o, "category", json_string(f->category ? f->category : ""));
    bad |= json_object_set_new(o, "severity", json_string(severity_name(f->severity)));
    bad |= json_object_set_new(o, "term", json_string(f->term ? f->term : ""));
    bad |= json_object_set_new(o, "match", json_stringn(f->match, f->b_end - f->b_start));
    bad |= json_object_set_new(o, "start", json_integer((json_int_t)f->start));
    bad |= json_object_set_new(o, "end", json_integer((json_int_t)f->end));
    bad |= json_object_set_new(o, "field", json_string(f->field));
    if (f->replacement)
        bad |= json_object_set_new(o, "replacement", json_string(f->replacement));
    if (f->message)
        bad |= json_object_set_new(o, "message", json_string(f->message));
    if (f->via)
        bad |= json_object_set_new(o, "via", json_string(f->via));
    if (f->context)
        bad |= json_object_set_new(o, "context", json_string(f->context));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *gm_report_json(const gm_findings *fs, size_t chars, long limit, const char *masked)
{
    json_t *root = json_object(), *arr = json_array();
    int ok = 1, bad = !root || !arr;
    for (size_t i = 0; i < fs->n && !bad; i++) {
        ok &= fs->v[i].severity != GM_SEV_BLOCK;
        bad |= json_array_append_new(arr, finding_json(&fs->v[i])) != 0;
    }
    if (!bad) {
        bad |= json_object_set_new(root, "ok", json_boolean(ok));
        bad |= json_object_set_new(root, "chars", json_integer((json_int_t)chars));
        bad |= json_object_set_new(root, "limit", limit < 0 ? json_null() : json_integer(limit));
        bad |= json_object_set(root, "findings", arr);
        if (masked)
            bad |= json_object_set_new(root, "masked", json_string(masked));
    }
    json_decref(arr);
    if (bad) {
        json_decref(root);
        return NULL;
    }
    return root;
}
