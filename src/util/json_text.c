/*
 * json_text.c - compact JSON text written directly (see json_text.h).
 */
#include "util/json_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int jt_reserve(json_text *t, size_t more)
{
    if (t->bad)
        return 0;
    if (t->len + more + 1 <= t->cap)
        return 1;
    size_t cap = t->cap ? t->cap : 256;
    while (cap < t->len + more + 1)
        cap *= 2;
    char *g = realloc(t->buf, cap);
    if (!g) {
        t->bad = 1;
        return 0;
    }
    t->buf = g;
    t->cap = cap;
    return 1;
}

void jt_raw(json_text *t, const char *s, size_t n)
{
    if (jt_reserve(t, n)) {
        memcpy(t->buf + t->len, s, n);
        t->len += n;
    }
}

/* True when s[0..n) needs no JSON escape: no control character, quote or
 * backslash (UTF-8 goes out as it is, as jansson writes it). */
static int plain(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\')
            return 0;
    }
    return 1;
}

/* A string that needs escapes: written by jansson. */
static void escaped_string(json_text *t, const char *s, size_t n)
{
    json_t *str = json_stringn_nocheck(s, n);
    size_t need = str ? json_dumpb(str, NULL, 0, JSON_ENCODE_ANY) : 0;
    if (!need || !jt_reserve(t, need))
        t->bad = 1;
    else
        t->len += json_dumpb(str, t->buf + t->len, need, JSON_ENCODE_ANY);
    json_decref(str);
}

void jt_stringn(json_text *t, const char *s, size_t n)
{
    if (!plain(s, n)) {
        escaped_string(t, s, n);
        return;
    }
    if (jt_reserve(t, n + 2)) {
        t->buf[t->len++] = '"';
        memcpy(t->buf + t->len, s, n);
        t->len += n;
        t->buf[t->len++] = '"';
    }
}

void jt_string(json_text *t, const char *s)
{
    if (s)
        jt_stringn(t, s, strlen(s));
    else
        JT_LIT(t, "null");
}

void jt_int(json_text *t, long long v)
{
    char num[24];
    jt_raw(t, num, (size_t)snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, (json_int_t)v));
}

void jt_bool(json_text *t, int b)
{
    if (b)
        JT_LIT(t, "true");
    else
        JT_LIT(t, "false");
}

void jt_json(json_text *t, const json_t *j)
{
    size_t need = j ? json_dumpb(j, NULL, 0, JSON_COMPACT | JSON_ENCODE_ANY) : 0;
    if (!need || !jt_reserve(t, need))
        t->bad = 1;
    else
        t->len += json_dumpb(j, t->buf + t->len, need, JSON_COMPACT | JSON_ENCODE_ANY);
}

char *json_text_take(json_text *t, size_t *len)
{
    char *s = NULL;
    if (jt_reserve(t, 0)) {
        t->buf[t->len] = '\0';
        s = t->buf;
        *len = t->len;
        t->buf = NULL;
    }
    json_text_free(t);
    return s;
}

void json_text_free(json_text *t)
{
    free(t->buf);
    *t = (json_text){0};
}
