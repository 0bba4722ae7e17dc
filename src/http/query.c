/*
 * query.c - query-string parameter checks (see query.h).
 */
#include "http/query.h"
#include "core/date.h"
#include "util/field_label.h"
#include "util/text.h"

#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct args_walk {
    gm_err *err;
    int rc;
    const query_param *spec;   /* NULL: only the byte checks */
} args_walk;

static int check_bytes(const char *name, const char *s, size_t len, gm_err *err)
{
    if (text_first_invalid_utf8(s, len) >= 0)
        return gm_fail(err, GM_E_INVALID, name, "参数 %s 不是有效的 UTF-8 文本", name);
    long at = text_first_control(s, len, 0);
    if (at >= 0) {
        char cp[12];
        text_codepoint_name(s + at, cp);
        return gm_fail(err, GM_E_INVALID, name, "参数 %s 含有不允许的控制字符 %s", name, cp);
    }
    if (text_codepoints(s) > GM_QUERY_MAX_CHARS)
        return gm_fail(err, GM_E_INVALID, name, "参数 %s 不能超过 %d 个字符", name,
                       GM_QUERY_MAX_CHARS);
    return GM_OK;
}

static int check_name(const char *key, size_t len, gm_err *err)
{
    if (text_first_invalid_utf8(key, len) >= 0 || text_first_control(key, len, 0) >= 0 ||
        memchr(key, '\0', len))
        return gm_fail(err, GM_E_INVALID, "query", "查询参数名含有无效字符");
    return GM_OK;
}

static const query_param *find_param(const query_param *spec, const char *name)
{
    for (; spec->name; spec++)
        if (strcmp(spec->name, name) == 0)
            return spec;
    return NULL;
}

static int is_integer(const char *v, int positive)
{
    char *end;
    if (!*v)
        return 0;
    long long n = strtoll(v, &end, 10);
    return !*end && (!positive || n > 0);
}

static int in_choices(const char *v, const char *choices)
{
    size_t n = strlen(v);
    for (const char *c = choices; c && *c;) {
        const char *bar = strchr(c, '|');
        size_t len = bar ? (size_t)(bar - c) : strlen(c);
        if (len == n && strncmp(c, v, n) == 0)
            return 1;
        c = bar ? bar + 1 : c + len;
    }
    return 0;
}

static int check_typed(const query_param *p, const char *v, gm_err *err)
{
    gm_date d;
    char label[128];
    field_label(p->name, label, sizeof label);
    switch (p->type) {
    case QP_TEXT:
        return GM_OK;
    case QP_INT:
        return is_integer(v, 0) ? GM_OK
                                : gm_fail(err, GM_E_INVALID, p->name, "参数 %s(%s)应为整数", label, p->name);
    case QP_ID:
        return is_integer(v, 1) ? GM_OK
                                : gm_fail(err, GM_E_INVALID, p->name, "参数 %s(%s)应为正整数编号", label, p->name);
    case QP_DATE:
        return date_parse(v, p->name, &d, NULL) == GM_OK
                   ? GM_OK
                   : gm_fail(err, GM_E_INVALID, p->name, "参数 %s(%s)应为 YYYY-MM-DD 格式的真实日期", label, p->name);
    case QP_BOOL:
        return in_choices(v, "true|false|1|0")
                   ? GM_OK
                   : gm_fail(err, GM_E_INVALID, p->name, "参数 %s(%s)应为 true 或 false", label, p->name);
    case QP_ENUM:
        return in_choices(v, p->choices)
                   ? GM_OK
                   : gm_fail(err, GM_E_INVALID, p->name, "参数 %s(%s)应为 %s 之一", label, p->name, p->choices);
    }
    return GM_OK;
}

/* "unit_id、from、to": the names spec declares, for a refusal. */
static void declared_names(const query_param *spec, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    for (const query_param *p = spec; p->name && used < cap; p++)
        used += (size_t)snprintf(out + used, cap - used, "%s%s", used ? "、" : "", p->name);
}

static int check_declared(const query_param *spec, const char *name, const char *v, gm_err *err)
{
    const query_param *p = find_param(spec, name);
    if (p)
        return check_typed(p, v, err);
    if (!spec->name)
        return gm_fail(err, GM_E_INVALID, name, "未知参数 %s(此接口不接受查询参数)", name);
    char names[400];
    declared_names(spec, names, sizeof names);
    return gm_fail(err, GM_E_INVALID, name, "未知参数 %s(可用的参数:%s)", name, names);
}

static enum MHD_Result visit_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                                 size_t key_size, const char *value, size_t value_size)
{
    (void)kind;
    args_walk *w = cls;
    w->rc = check_name(key, key_size, w->err);
    if (!w->rc)
        w->rc = check_bytes(key, value ? value : "", value ? value_size : 0, w->err);
    if (!w->rc && w->spec)
        w->rc = check_declared(w->spec, key, value ? value : "", w->err);
    return w->rc ? MHD_NO : MHD_YES;
}

static int walk_args(gm_request *r, const query_param *spec, gm_err *err)
{
    args_walk w = {err, GM_OK, spec};
    MHD_get_connection_values_n(r->conn, MHD_GET_ARGUMENT_KIND, visit_arg, &w);
    return w.rc;
}

int query_args_check(gm_request *r, gm_err *err)
{
    return walk_args(r, NULL, err);
}

int request_query(gm_request *r, const query_param *spec, gm_err *err)
{
    return walk_args(r, spec, err);
}
