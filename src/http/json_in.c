/*
 * json_in.c - validating JSON request bodies against a field spec.
 */
#include "http/json_in.h"
#include "util/field_label.h"
#include "util/text.h"

#include <stdio.h>
#include <string.h>

static int control_char_error(const char *field, const char *at, gm_err *err)
{
    char cp[12], label[128];
    text_codepoint_name(at, cp);
    field = field[0] ? field : "body";
    return gm_fail(err, GM_E_INVALID, field, "%s含有不允许的控制字符 %s",
                   field_label(field, label, sizeof label), cp);
}

static int check_string(const char *s, size_t len, const char *field, int multiline, gm_err *err)
{
    long at = text_first_control(s, len, multiline);
    return at < 0 ? GM_OK : control_char_error(field, s + at, err);
}

/* child = path + ".key" (or "key" at the top), cut to the field's size. */
static void child_path(char *out, size_t cap, const char *path, const char *key)
{
    snprintf(out, cap, "%s%s%s", path, path[0] ? "." : "", key);
}

int json_text_check(const json_t *v, const char *path, gm_err *err)
{
    char child[sizeof err->field];
    if (json_is_string(v))
        return check_string(json_string_value(v), json_string_length(v), path, 1, err);
    if (json_is_array(v)) {
        size_t i;
        json_t *el;
        json_array_foreach((json_t *)v, i, el) {
            snprintf(child, sizeof child, "%s[%zu]", path, i);
            int rc = json_text_check(el, child, err);
            if (rc)
                return rc;
        }
        return GM_OK;
    }
    const char *key;
    json_t *el;
    json_object_foreach((json_t *)v, key, el) {
        child_path(child, sizeof child, path, key);
        int rc = check_string(key, strlen(key), path, 0, err);
        if (!rc)
            rc = json_text_check(el, child, err);
        if (rc)
            return rc;
    }
    return GM_OK;
}

static const char *type_name_zh(json_field_type t)
{
    switch (t) {
    case JF_STRING:
    case JF_TEXT: return "字符串";
    case JF_INT: return "整数";
    case JF_BOOL: return "布尔值";
    case JF_OBJECT: return "对象";
    case JF_ARRAY: return "数组";
    }
    return "?";
}

static bool type_matches(const json_t *v, json_field_type t)
{
    switch (t) {
    case JF_STRING:
    case JF_TEXT: return json_is_string(v);
    case JF_INT: return json_is_integer(v);
    case JF_BOOL: return json_is_boolean(v);
    case JF_OBJECT: return json_is_object(v);
    case JF_ARRAY: return json_is_array(v);
    }
    return false;
}

static const json_field *find_field(const json_field *spec, const char *key)
{
    for (; spec->name; spec++)
        if (strcmp(spec->name, key) == 0)
            return spec;
    return NULL;
}

static int check_value(const json_field *f, const json_t *v, gm_err *err)
{
    char label[128];
    field_label(f->name, label, sizeof label);
    if (json_is_null(v) && !f->required)
        return GM_OK;
    if (!type_matches(v, f->type))
        return gm_fail(err, GM_E_INVALID, f->name, "%s应为%s", label, type_name_zh(f->type));
    if (f->type != JF_STRING && f->type != JF_TEXT)
        return GM_OK;
    size_t max = f->max_chars ? f->max_chars : 10000;
    size_t n = text_codepoints(json_string_value(v));
    if (f->required && n == 0)
        return gm_fail(err, GM_E_INVALID, f->name, "%s不能为空", label);
    if (n > max)
        return gm_fail(err, GM_E_INVALID, f->name, "%s不能超过 %zu 个字符", label, max);
    return check_string(json_string_value(v), json_string_length(v), f->name, f->type == JF_TEXT, err);
}

static int check_fields(const json_t *obj, const json_field *spec, gm_err *err)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)obj, key, v) {
        if (!*key)
            return gm_fail(err, GM_E_INVALID, "body", "字段名不能为空");
        const json_field *f = find_field(spec, key);
        if (!f)
            return gm_fail(err, GM_E_INVALID, key, "未知字段 %s", key);   /* no label: unknown */
        int rc = check_value(f, v, err);
        if (rc)
            return rc;
    }
    char label[128];
    for (const json_field *f = spec; f->name; f++)
        if (f->required && !json_object_get(obj, f->name))
            return gm_fail(err, GM_E_INVALID, f->name, "缺少必填字段:%s",
                           field_label(f->name, label, sizeof label));
    return GM_OK;
}

/* Why jansson refused the body: a byte that is not UTF-8 (jansson refuses
 * exactly those too, so the walk runs only for a body already refused and
 * names the byte offset), else where jansson stopped, said in Chinese (its
 * own text is English). */
static int refused_body(const char *body, size_t len, const json_error_t *je, gm_err *err)
{
    long bad = text_first_invalid_utf8(body, len);
    if (bad >= 0)
        return gm_fail(err, GM_E_INVALID, "body", "请求体不是有效的 UTF-8(第 %ld 字节)", bad);
    if ((size_t)je->position >= len)
        return gm_fail(err, GM_E_INVALID, "body", "请求体不是完整的 JSON(在第 %d 行第 %d 列意外结束)",
                       je->line, je->column);
    if (strstr(je->text, "duplicate object key"))
        return gm_fail(err, GM_E_INVALID, "body", "请求体中有重复的字段(第 %d 行第 %d 列)", je->line,
                       je->column);
    return gm_fail(err, GM_E_INVALID, "body", "请求体不是有效的 JSON(第 %d 行第 %d 列附近有语法错误)",
                   je->line, je->column);
}

int json_body_load(const char *body, size_t len, json_t **out, gm_err *err)
{
    *out = NULL;   /* also on failure, so a caller may always json_decref it */
    if (!body) {
        body = "";
        len = 0;
    }
    json_error_t je;
    json_t *obj = json_loadb(body, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    if (!obj)
        return refused_body(body, len, &je, err);
    if (!json_is_object(obj)) {
        json_decref(obj);
        return gm_fail(err, GM_E_INVALID, "body", "请求体应为 JSON 对象");
    }
    int rc = json_text_check(obj, "", err);
    if (rc) {
        json_decref(obj);
        return rc;
    }
    *out = obj;
    return GM_OK;
}

int json_body_parse(const char *body, size_t len, const json_field *spec, json_t **out,
                    gm_err *err)
{
    json_t *obj;
    *out = NULL;
    int rc = json_body_load(body, len, &obj, err);
    if (rc)
        return rc;
    rc = check_fields(obj, spec, err);
    if (rc) {
        json_decref(obj);
        return rc;
    }
    *out = obj;
    return GM_OK;
}

int json_body_none(const char *body, size_t len, gm_err *err)
{
    static const json_field none[] = {{NULL, 0, 0, 0}};
    size_t i = 0;
    while (body && i < len && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n'))
        i++;
    if (!body || i == len)
        return GM_OK;
    json_t *obj;
    int rc = json_body_parse(body, len, none, &obj, err);
    json_decref(obj);
    return rc;
}

int json_object_check(const json_t *obj, const json_field *spec, gm_err *err)
{
    return json_is_object(obj) ? check_fields(obj, spec, err)
                               : gm_fail(err, GM_E_INVALID, "body", "应为 JSON 对象");
}

const char *json_str(const json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

long long json_int_or(const json_t *obj, const char *key, long long dflt)
{
    json_t *v = json_object_get(obj, key);
    return json_is_integer(v) ? (long long)json_integer_value(v) : dflt;
}
