/*
 * json_in.h - strict parsing of JSON request bodies.
 *
 * A handler declares the fields it accepts; json_body_parse() refuses
 * invalid UTF-8 (with the byte offset), malformed JSON, a non-object,
 * duplicate keys, unknown fields, wrong types, missing required fields and
 * over-long strings, naming the field in err.
 *
 * Control characters: every string and key at every depth is checked by
 * json_body_load() (so also bodies a store module validates itself): NUL
 * and the other C0/C1 controls are refused with 400 naming the dotted
 * field ("responsible.name", "roles[1].role"); tab, LF and CR pass there.
 * A declared JF_STRING field (one line: names, codes, dates) also refuses
 * tab, LF and CR; declare free text (reasons, post text) as JF_TEXT.
 */
#ifndef GM_HTTP_JSON_IN_H
#define GM_HTTP_JSON_IN_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "util/gm_error.h"

/* JF_STRING is one line of text; JF_TEXT is free text (tab, LF, CR allowed). */
typedef enum { JF_STRING, JF_INT, JF_BOOL, JF_OBJECT, JF_ARRAY, JF_TEXT } json_field_type;

typedef struct json_field {
    const char *name;
    json_field_type type;
    bool required;
    size_t max_chars;       /* strings: max code points, 0 = 10000 */
} json_field;

/* Refuses control characters in every string and key under v (see the top
 * of this file); path names v itself ("" for the body). */
int json_text_check(const json_t *v, const char *path, gm_err *err);

/* spec ends with a {NULL} entry.  *out is the parsed object on success,
 * NULL on failure. */
int json_body_parse(const char *body, size_t len, const json_field *spec, json_t **out,
                    gm_err *err);

/* Only the first half: UTF-8, syntax, duplicate keys, an object at the top
 * (for bodies whose fields a store module validates itself). */
int json_body_load(const char *body, size_t len, json_t **out, gm_err *err);

/* The second half alone, for an object nested in a body (list entries). */
int json_object_check(const json_t *obj, const json_field *spec, gm_err *err);

/* For routes that take no body: nothing, blanks or an empty object pass;
 * anything else is refused as json_body_parse() with no fields would
 * (malformed JSON, not an object, unknown field naming it), so a mistaken
 * body never goes unnoticed while the action runs. */
int json_body_none(const char *body, size_t len, gm_err *err);

/* Accessors for an already validated object: NULL / dflt when absent. */
const char *json_str(const json_t *obj, const char *key);
long long json_int_or(const json_t *obj, const char *key, long long dflt);

#endif
