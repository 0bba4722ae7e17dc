/*
 * report_text.c - the report of check.h written directly as compact JSON
 * text, byte for byte what json_dumps(gm_report_json(...), JSON_COMPACT)
 * prints (same key order, jansson's escapes: \" \\ \b \f \n \r \t and
 * \u00XX for other control characters, everything else as UTF-8), but
 * without a jansson tree of a dozen objects per finding.  `govmedia check
 * --jsonl` and POST /api/v1/check answer with it; tests/unit/
 * test_check_report_text.c holds it to the tree's output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* A JSON string of s[0..n) (valid UTF-8), escaped as jansson escapes. */
static void put_string(out *o, const char *s, size_t n)
{
    if (!room(o, n * 6 + 2))
        return;
    char *d = *o->buf + o->n;
    *d++ = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            *d++ = (char)c;
            continue;
        }
        *d++ = '\\';
        switch (c) {
        case '"': *d++ = '"'; break;
        case '\\': *d++ = '\\'; break;
        case '\b': *d++ = 'b'; break;
        case '\f': *d++ = 'f'; break;
        case '\n': *d++ = 'n'; break;
        case '\r': *d++ = 'r'; break;
        case '\t': *d++ = 't'; break;
        default: d += sprintf(d, "u%04X", c); break;
        }
    }
    *d++ = '"';
    o->n = (size_t)(d - *o->buf);
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
