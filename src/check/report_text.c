/*
 * report_text.c - the report of check.h written directly as compact JSON
 * text, byte for byte what json_dumps(gm_report_json(...), JSON_COMPACT)
 * prints (same key order; a string that needs escapes is written by
 * jansson's json_dumpb), but without a jansson tree of a dozen objects per
 * finding.  `govmedia check --jsonl` and POST /api/v1/check answer with
 * it; tests/unit/test_check_report_text.c holds it to the tree's output.
 * The text is built with util/json_text.h, the writer the account list
 * uses too.
 */
#include <string.h>

#include "check/checker_int.h"
#include "util/json_text.h"

/* ,"key":"value" for an optional string member. */
static void put_opt(json_text *t, const char *key, size_t key_len, const char *value)
{
    if (!value)
        return;
    jt_raw(t, key, key_len);
    jt_string(t, value);
}

#define PUT_OPT(t, key, v) put_opt(t, key, sizeof key - 1, v)

static void put_finding(json_text *t, const gm_finding *f)
{
    JT_LIT(t, "{\"rule\":");
    jt_string(t, f->rule);
    JT_LIT(t, ",\"category\":");
    jt_string(t, f->category ? f->category : "");
    JT_LIT(t, ",\"severity\":");
    if (f->severity == GM_SEV_BLOCK)
        JT_LIT(t, "\"block\"");
    else
        JT_LIT(t, "\"warn\"");
    JT_LIT(t, ",\"term\":");
    jt_string(t, f->term ? f->term : "");
    JT_LIT(t, ",\"match\":");
    jt_stringn(t, f->match, f->b_end - f->b_start);
    JT_LIT(t, ",\"start\":");
    jt_int(t, (long long)f->start);
    JT_LIT(t, ",\"end\":");
    jt_int(t, (long long)f->end);
    JT_LIT(t, ",\"field\":");
    jt_string(t, f->field);
    PUT_OPT(t, ",\"replacement\":", f->replacement);
    PUT_OPT(t, ",\"message\":", f->message);
    PUT_OPT(t, ",\"via\":", f->via);
    PUT_OPT(t, ",\"context\":", f->context);
    JT_LIT(t, "}");
}

static int all_pass(const gm_findings *fs)
{
    int ok = 1;
    for (size_t i = 0; i < fs->n; i++)
        ok &= fs->v[i].severity != GM_SEV_BLOCK;
    return ok;
}

int gm_report_text(const gm_findings *fs, size_t chars, long limit, const char *masked,
                   char **buf, size_t *cap, size_t *len, int *ok)
{
    json_text t = {.buf = *buf, .cap = *cap};
    *ok = all_pass(fs);
    if (*ok)
        JT_LIT(&t, "{\"ok\":true,\"chars\":");
    else
        JT_LIT(&t, "{\"ok\":false,\"chars\":");
    jt_int(&t, (long long)chars);
    JT_LIT(&t, ",\"limit\":");
    if (limit < 0)
        JT_LIT(&t, "null");
    else
        jt_int(&t, limit);
    JT_LIT(&t, ",\"findings\":[");
    for (size_t i = 0; i < fs->n; i++) {
        if (i)
            JT_LIT(&t, ",");
        put_finding(&t, &fs->v[i]);
    }
    JT_LIT(&t, "]");
    PUT_OPT(&t, ",\"masked\":", masked);
    JT_LIT(&t, "}");
    /* The buffer is the caller's, kept for the next report. */
    *buf = t.buf;
    *cap = t.cap;
    if (t.bad || !jt_reserve(&t, 0))
        return GM_E_NOMEM;
    t.buf[t.len] = '\0';
    *len = t.len;
    return 0;
}
