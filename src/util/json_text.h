/*
 * json_text.h - writing compact JSON text directly, byte for byte what
 * json_dumps(..., JSON_COMPACT) prints for the same values, without a
 * jansson tree of one object per field.
 *
 * For replies written many times from the same parts (an account list is
 * written from each account's kept entry text, account_text.h) and for the
 * check's report on the hot path (check/report_text.c).  Strings
 * must be valid UTF-8 (check with text_first_invalid_utf8 first); a plain
 * string is copied between quotes, and any string that needs an escape is
 * written by jansson itself (json_dumpb), so the escaping is the library's.
 * Out of memory makes the text "bad": later calls do nothing and
 * json_text_take() returns NULL.
 *
 *     json_text t = {0};
 *     JT_LIT(&t, "{\"id\":"); jt_int(&t, 7); JT_LIT(&t, "}");
 *     char *s = json_text_take(&t, &len);   // malloc'd, NUL-terminated
 */
#ifndef GM_JSON_TEXT_H
#define GM_JSON_TEXT_H

#include <jansson.h>
#include <stddef.h>

typedef struct json_text {
    char *buf;
    size_t len, cap;
    int bad;
} json_text;

/* Room for `more` bytes (and a NUL) after what is written; 0 when bad. */
int jt_reserve(json_text *t, size_t more);
void jt_raw(json_text *t, const char *s, size_t n);
#define JT_LIT(t, lit) jt_raw((t), (lit), sizeof(lit) - 1)
/* A JSON string of s (valid UTF-8); NULL writes null. */
void jt_string(json_text *t, const char *s);
/* A JSON string of s[0..n) (valid UTF-8, need not be NUL-terminated). */
void jt_stringn(json_text *t, const char *s, size_t n);
void jt_int(json_text *t, long long v);
void jt_bool(json_text *t, int b);
/* Any jansson value, compact (e.g. a rare entry built the slow way). */
void jt_json(json_text *t, const json_t *j);

/* The text, NUL-terminated (the caller frees it), and *len its length;
 * NULL when out of memory.  t is empty afterwards. */
char *json_text_take(json_text *t, size_t *len);
void json_text_free(json_text *t);

#endif
