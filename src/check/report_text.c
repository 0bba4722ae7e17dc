/*
 * report_text.c - the report of check.h written directly as compact JSON
 * text, byte for byte what json_dumps(gm_report_json(...), JSON_COMPACT)
 * prints (same key order; a string that needs escapes is written by
 * jansson's json_dumpb), but without a jansson tree of a dozen objects per
 * finding.  `govmedia check --jsonl` and POST /api/v1/check answer with
 * it; tests/unit/test_check_report_text.c holds it to the tree's output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check/checker_int.h"

typedef struct out {
    char **buf;
    size_t *cap, n;
    int bad;
} out;

static int room(out *o, size_t more)
{
    if (o->bad)
        return 0;
    if (o->n + more + 1 > *o->cap) {
        size_t cap = *o->cap ? *o->cap : 256;
        while (cap < o->n + more + 1)
            cap *= 2;
        char *g = realloc(*o->buf, cap);
        if (!g) {
            o->bad = 1;
            return 0;
        }
        *o->buf = g;
        *o->cap = cap;
    }
    return 1;
}

static void put(out *o, const char *s, size_t n)
{
    if (room(o, n)) {
        memcpy(*o->buf + o->n, s, n);
        o->n += n;
    }
}

#define PUT(o, lit) put(o, lit, sizeof lit - 1)

/* True when s[0..n) needs no JSON escape: no control character, quote or
 * backslash (UTF-8 goes out as it is, as jansson writes it). */
static int plain_string(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\')
            return 0;
    }
    return 1;
}

/* A JSON string of s[0..n) (valid UTF-8).  The common plain string is
 * copied between quotes; any string that needs escapes is written by
 * jansson itself, so the escaping is the library's, not ours. */
static void put_string(out *o, const char *s, size_t n)
{
    if (plain_string(s, n)) {
        if (room(o, n + 2)) {
            (*o->buf)[o->n++] = '"';
            memcpy(*o->buf + o->n, s, n);
            o->n += n;
            (*o->buf)[o->n++] = '"';
        }
        return;
    }
    json_t *str = json_stringn_nocheck(s, n);
    size_t need = str ? json_dumpb(str, NULL, 0, JSON_ENCODE_ANY) : 0;
    if (!need || !room(o, need)) {
        o->bad = 1;
        json_decref(str);
        return;
    }
    o->n += json_dumpb(str, *o->buf + o->n, need, JSON_ENCODE_ANY);
    json_decref(str);
}

static void put_cstring(out *o, const char *s)
{
    put_string(o, s, strlen(s));
}

static void put_int(out *o, long long v)
{
    char num[24];
    put(o, num, (size_t)snprintf(num, sizeof num, "%lld", v));
}

/* ,"key":"value" for an optional string member. */
static void put_opt(out *o, const char *key, size_t key_len, const char *value)
{
    if (!value)
        return;
    put(o, key, key_len);
    put_cstring(o, value);
}

#define PUT_OPT(o, key, v) put_opt(o, key, sizeof key - 1, v)

static void put_finding(out *o, const gm_finding *f)
{
    PUT(o, "{\"rule\":");
    put_cstring(o, f->rule);
    PUT(o, ",\"category\":");
    put_cstring(o, f->category ? f->category : "");
    PUT(o, ",\"severity\":");
    if (f->severity == GM_SEV_BLOCK)
        PUT(o, "\"block\"");
    else
        PUT(o, "\"warn\"");
    PUT(o, ",\"term\":");
    put_cstring(o, f->term ? f->term : "");
    PUT(o, ",\"match\":");
    put_string(o, f->match, f->b_end - f->b_start);
    PUT(o, ",\"start\":");
    put_int(o, (long long)f->start);
    PUT(o, ",\"end\":");
    put_int(o, (long long)f->end);
    PUT(o, ",\"field\":");
    put_cstring(o, f->field);
    PUT_OPT(o, ",\"replacement\":", f->replacement);
    PUT_OPT(o, ",\"message\":", f->message);
    PUT_OPT(o, ",\"via\":", f->via);
    PUT_OPT(o, ",\"context\":", f->context);
    PUT(o, "}");
}

int gm_report_text(const gm_findings *fs, size_t chars, long limit, const char *masked,
                   char **buf, size_t *cap, size_t *len, int *ok)
{
    out o = {buf, cap, 0, 0};
    *ok = 1;
    for (size_t i = 0; i < fs->n; i++)
        *ok &= fs->v[i].severity != GM_SEV_BLOCK;
    if (*ok)
        PUT(&o, "{\"ok\":true,\"chars\":");
    else
        PUT(&o, "{\"ok\":false,\"chars\":");
    put_int(&o, (long long)chars);
    PUT(&o, ",\"limit\":");
    if (limit < 0)
        PUT(&o, "null");
    else
        put_int(&o, limit);
    PUT(&o, ",\"findings\":[");
    for (size_t i = 0; i < fs->n; i++) {
        if (i)
            PUT(&o, ",");
        put_finding(&o, &fs->v[i]);
    }
    PUT(&o, "]");
    PUT_OPT(&o, ",\"masked\":", masked);
    PUT(&o, "}");
    if (o.bad)
        return GM_E_NOMEM;
    (*buf)[o.n] = '\0';
    *len = o.n;
    return 0;
}
