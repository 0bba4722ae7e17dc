/*
 * fuzz_json_body.c - libFuzzer target: the strict JSON body parser every
 * API write goes through (src/http/json_in.c), on arbitrary bytes.
 * Invariants: it never crashes or leaks; it accepts a body only as an
 * object whose keys are all in the spec, with the right types, and every
 * refusal is GM_E_INVALID with a message and a field.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/json_in.h"

static const json_field spec[] = {
    {"name", JF_STRING, true, 100}, {"kind", JF_STRING, false, 16},
    {"parent_id", JF_INT, false, 0}, {"flag", JF_BOOL, false, 0},
    {"roles", JF_ARRAY, false, 0},   {"admin", JF_OBJECT, false, 0},
    {NULL, 0, 0, 0}};

static void check_accepted(const json_t *obj)
{
    const char *key;
    json_t *v;
    if (!json_is_object(obj) || !json_is_string(json_object_get(obj, "name")))
        abort();
    json_object_foreach((json_t *)obj, key, v) {
        const json_field *f = spec;
        while (f->name && strcmp(f->name, key) != 0)
            f++;
        if (!f->name)
            abort();    /* an unknown field got through */
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_t *obj = NULL;
    gm_err err;
    gm_err_clear(&err);
    int rc = json_body_parse((const char *)data, size, spec, &obj, &err);
    if (rc == GM_OK) {
        check_accepted(obj);
        json_decref(obj);
    } else if (rc != GM_E_INVALID || !err.message[0] || !err.field[0] || obj) {
        abort();
    }
    return 0;
}
