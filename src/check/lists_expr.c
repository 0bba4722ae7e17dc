/*
 * lists_expr.c - the expression lists (official names, formulations,
 * outdated formulations, office-holders; data/expressions/) as the JSON
 * entries admins edit in the product (see check.h for their shape).
 *
 * Text is always checked by the loader itself (gm_exprs_check_text) before
 * it is turned into entries, and entries are written back in the file
 * format and checked by that loader again, so an edited list can never
 * fail to load in the server.  Errors name the entry and field
 * ("entries[3].posts[0].from").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/exprlist.h"
#include "check/lists_expr.h"
#include "util/grow.h"

static int nomem(gm_err *err)
{
    return gm_fail(err, GM_E_NOMEM, "entries", "内存不足");
}

static int which(int kind)
{
    return kind - GM_LIST_NAMES;
}

static const char *sev_or_warn(const char *s)
{
    return s && *s ? s : "warn";
}

static const char *str(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

/* An office-holder's id: the name unless set. */
static const char *holder_id(const json_t *e)
{
    const char *id = str(e, "id");
    return *id ? id : str(e, "name");
}

/* ---- text -> entries ---- */

/* The loader's column split, with missing columns as "". */
static void split_cols(char *line, char **col, int max)
{
    for (int i = gm_exprs_split_tabs(line, col, max); i < max; i++)
        col[i] = "";
}

static int has_string(const json_t *arr, const char *s)
{
    size_t i;
    const json_t *v;
    json_array_foreach(arr, i, v) if (strcmp(json_string_value(v), s) == 0) return 1;
    return 0;
}

/* The stronger of the entry's severity and sev. */
static void stronger(json_t *e, const char *sev)
{
    if (strcmp(sev, "block") == 0)
        json_object_set_new(e, "severity", json_string("block"));
}

/* correct<TAB>wrong|wrong…<TAB>severity; a correct form met twice merges. */
static int form_line(char *line, json_t *arr, json_t *seen)
{
    char *col[3];
    split_cols(line, col, 3);
    json_t *e = json_object_get(seen, col[0]);
    if (e)
        stronger(e, sev_or_warn(col[2]));
    else if (!(e = json_pack("{s:s,s:[],s:s}", "correct", col[0], "wrong", "severity",
                             sev_or_warn(col[2]))) ||
             json_object_set(seen, col[0], e) || json_array_append_new(arr, e))
        return -1;
    json_t *wrong = json_object_get(e, "wrong");
    char *save = NULL;
    for (char *w = strtok_r(col[1], "|", &save); w; w = strtok_r(NULL, "|", &save))
        if (*w && strcmp(w, "-") != 0 && !has_string(wrong, w) &&
            json_array_append_new(wrong, json_string(w)))
            return -1;
    return 0;
}

/* name<TAB>title<TAB>unit<TAB>from<TAB>to<TAB>severity[<TAB>id]; one entry a
 * person, told apart by id (the name when the column is empty).  1 when
 * the id was met before with another name. */
static int holder_line(char *line, json_t *arr, json_t *seen)
{
    char *col[7];
    split_cols(line, col, 7);
    const char *id = *col[6] ? col[6] : col[0];
    json_t *e = json_object_get(seen, id);
    if (e && strcmp(str(e, "name"), col[0]) != 0)
        return 1;
    if (e)
        stronger(e, sev_or_warn(col[5]));
    else if (!(e = json_pack("{s:s,s:s,s:s,s:[]}", "id", id, "name", col[0], "severity",
                             sev_or_warn(col[5]), "posts")) ||
             json_object_set(seen, id, e) || json_array_append_new(arr, e))
        return -1;
    return json_array_append_new(json_object_get(e, "posts"),
                                 json_pack("{s:s,s:s,s:s,s:s}", "title", col[1], "unit", col[2],
                                           "from", col[3], "to", col[4]));
}

/* One line of list kind into arr; a refusal names the line. */
static int entry_line(int kind, char *line, unsigned ln, json_t *arr, json_t *seen, gm_err *err)
{
    int rc = kind == GM_LIST_OFFICIALS ? holder_line(line, arr, seen)
                                       : form_line(line, arr, seen);
    if (rc > 0)
        return gm_fail(err, GM_E_INVALID, gm_list_name(kind),
                       "%s 第 %u 行: 标识已用于另一姓名(同名人员用第 7 列的标识区分)",
                       gm_list_name(kind), ln);
    return rc ? nomem(err) : 0;
}

int gm_list_expr_parse(int kind, const char *text, size_t len, json_t **out, gm_err *err)
{
    if (memchr(text, '\0', len))
        return gm_fail(err, GM_E_INVALID, "body", "文件不能包含 NUL 字节");
    char *buf = strndup(text, len);
    if (!buf)
        return nomem(err);
    int rc = gm_exprs_check_text(which(kind), buf, err);
    if (rc)   /* the line is in the message; the field is the list, as for lexicons */
        snprintf(err->field, sizeof err->field, "%s", gm_list_name(kind));
    json_t *arr = json_array(), *seen = json_object();
    if (!rc && (!arr || !seen))
        rc = nomem(err);
    unsigned ln = 0;
    for (char *s = buf, *next; !rc && s && *s; s = next) {
        next = strchr(s, '\n');
        if (next)
            *next++ = '\0';
        ln++;
        size_t l = strlen(s);
        if (l && s[l - 1] == '\r')
            s[--l] = '\0';
        if (l && s[0] != '#')
            rc = entry_line(kind, s, ln, arr, seen, err);
    }
    free(buf);
    json_decref(seen);
    if (rc)
        json_decref(arr);
    else
        *out = arr;
    return rc;
}

/* ---- entries -> text ---- */

typedef struct sbuf {
    char *p;
    size_t len, cap;
    int bad;
} sbuf;

static void put(sbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->bad || gm_grow((void **)&b->p, &b->cap, b->len + n + 1, 1)) {
        b->bad = 1;
        return;
    }
    memcpy(b->p + b->len, s, n + 1);
    b->len += n;
}

static void form_text(sbuf *b, const json_t *e)
{
    put(b, str(e, "correct"));
    put(b, "\t");
    const json_t *wrong = json_object_get(e, "wrong");
    if (json_array_size(wrong) == 0)
        put(b, "-");
    for (size_t i = 0; i < json_array_size(wrong); i++) {
        if (i)
            put(b, "|");
        put(b, json_string_value(json_array_get(wrong, i)) ? json_string_value(
                                                                 json_array_get(wrong, i))
                                                           : "");
    }
    put(b, "\t");
    put(b, sev_or_warn(str(e, "severity")));
    put(b, "\n");
}

static void holder_text(sbuf *b, const json_t *e)
{
    const json_t *posts = json_object_get(e, "posts");
    for (size_t i = 0; i < json_array_size(posts); i++) {
        const json_t *p = json_array_get(posts, i);
        const char *cols[] = {str(e, "name"), str(p, "title"), str(p, "unit"), str(p, "from"),
                              str(p, "to")};
        for (size_t k = 0; k < 5; k++) {
            put(b, cols[k]);
            put(b, "\t");
        }
        put(b, sev_or_warn(str(e, "severity")));
        if (strcmp(holder_id(e), str(e, "name")) != 0) {   /* a namesake told apart */
            put(b, "\t");
            put(b, holder_id(e));
        }
        put(b, "\n");
    }
}

char *gm_list_expr_text(int kind, const json_t *entries)
{
    sbuf b = {0};
    put(&b, "");
    size_t i;
    const json_t *e;
    json_array_foreach(entries, i, e) {
        if (kind == GM_LIST_OFFICIALS)
            holder_text(&b, e);
        else
            form_text(&b, e);
    }
    if (b.bad) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

/* ---- validation ---- */

static int has_control(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7F)
            return 1;
    return 0;
}

/* A string field at path: required (non-empty) or not, and what it must not hold. */
static int text_ok(const json_t *v, const char *path, int required, const char *forbidden,
                   gm_err *err)
{
    const char *s = json_string_value(v);
    if (v && !s)
        return gm_fail(err, GM_E_INVALID, path, "应为字符串");
    if (required && (!s || !*s))
        return gm_fail(err, GM_E_INVALID, path, "不能为空");
    if (s && (has_control(s) || (forbidden && strpbrk(s, forbidden))))
        return gm_fail(err, GM_E_INVALID, path, "不能含制表符、换行或控制字符%s%s",
                       forbidden ? "，也不能含 " : "", forbidden ? forbidden : "");
    return 0;
}

/* The first column of a line: required, and not a comment. */
static int key_ok(const json_t *v, const char *path, gm_err *err)
{
    int rc = text_ok(v, path, 1, NULL, err);
    if (!rc && json_string_value(v)[0] == '#')
        rc = gm_fail(err, GM_E_INVALID, path, "不能以 # 开头(# 表示注释)");
    return rc;
}

static int severity_ok(const json_t *e, const char *path, gm_err *err)
{
    const json_t *v = json_object_get(e, "severity");
    const char *s = json_string_value(v);
    if (v && (!s || (strcmp(s, "warn") && strcmp(s, "block"))))
        return gm_fail(err, GM_E_INVALID, path, "severity 应为 warn 或 block");
    return 0;
}

static int form_entry_ok(const json_t *e, const char *at, gm_err *err)
{
    char path[96];
    snprintf(path, sizeof path, "%s.correct", at);
    int rc = key_ok(json_object_get(e, "correct"), path, err);
    const json_t *wrong = json_object_get(e, "wrong");
    snprintf(path, sizeof path, "%s.wrong", at);
    if (!rc && wrong && !json_is_array(wrong))
        rc = gm_fail(err, GM_E_INVALID, path, "应为字符串数组");
    for (size_t j = 0; !rc && j < json_array_size(wrong); j++) {
        snprintf(path, sizeof path, "%s.wrong[%zu]", at, j);
        const json_t *w = json_array_get(wrong, j);
        rc = text_ok(w, path, 1, "|", err);
        if (!rc && strcmp(json_string_value(w), "-") == 0)
            rc = gm_fail(err, GM_E_INVALID, path, "错误形式不能是“-”(文件中表示没有)");
    }
    snprintf(path, sizeof path, "%s.severity", at);
    return rc ? rc : severity_ok(e, path, err);
}

static int date_order_ok(const json_t *p, const char *at, gm_err *err)
{
    const char *from = str(p, "from"), *to = str(p, "to");
    char path[128];
    snprintf(path, sizeof path, "%s.to", at);
    if (*from && *to && strcmp(from, to) > 0)
        return gm_fail(err, GM_E_INVALID, path, "任职止日不能早于起日");
    return 0;
}

static int post_ok(const json_t *p, const char *at, gm_err *err)
{
    static const char *const keys[] = {"title", "unit", "from", "to"};
    char path[128];
    if (!json_is_object(p))
        return gm_fail(err, GM_E_INVALID, at, "应为对象 {title, unit, from, to}");
    const char *k;
    const json_t *v;
    json_object_foreach((json_t *)p, k, v) {
        int known = 0;
        for (size_t i = 0; i < 4; i++)
            known |= strcmp(k, keys[i]) == 0;
        snprintf(path, sizeof path, "%s.%.16s", at, k);
        if (!known)
            return gm_fail(err, GM_E_INVALID, path, "未知字段");
    }
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s.%s", at, keys[i]);
        int rc = text_ok(json_object_get(p, keys[i]), path, i == 0, NULL, err);
        if (!rc && i >= 2 && !gm_exprs_valid_date(str(p, keys[i])))
            rc = gm_fail(err, GM_E_INVALID, path, "日期应为 YYYY-MM-DD(任职中的止日留空)");
        if (rc)
            return rc;
    }
    return date_order_ok(p, at, err);
}

static int holder_entry_ok(const json_t *e, const char *at, gm_err *err)
{
    char path[96];
    snprintf(path, sizeof path, "%s.name", at);
    int rc = key_ok(json_object_get(e, "name"), path, err);
    snprintf(path, sizeof path, "%s.id", at);
    if (!rc)
        rc = text_ok(json_object_get(e, "id"), path, 0, NULL, err);
    snprintf(path, sizeof path, "%s.severity", at);
    if (!rc)
        rc = severity_ok(e, path, err);
    const json_t *posts = json_object_get(e, "posts");
    snprintf(path, sizeof path, "%s.posts", at);
    if (!rc && (!json_is_array(posts) || json_array_size(posts) == 0))
        rc = gm_fail(err, GM_E_INVALID, path, "至少要有一条任职记录(职务、单位、起止日期)");
    for (size_t j = 0; !rc && j < json_array_size(posts); j++) {
        snprintf(path, sizeof path, "%s.posts[%zu]", at, j);
        rc = post_ok(json_array_get(posts, j), path, err);
    }
    return rc;
}

/* The loader's verdict on the entries written as text; when it refuses,
 * the first entry it refuses on its own is named. */
static int loader_ok(int kind, const json_t *entries, gm_err *err)
{
    char *text = gm_list_expr_text(kind, entries);
    if (!text)
        return nomem(err);
    int rc = gm_exprs_check_text(which(kind), text, err);
    free(text);
    if (!rc)
        return 0;
    for (size_t i = 0; i < json_array_size(entries); i++) {
        json_t *one = json_pack("[O]", json_array_get(entries, i));
        char *t = one ? gm_list_expr_text(kind, one) : NULL;
        gm_err e1 = {0};
        int bad = t && gm_exprs_check_text(which(kind), t, &e1) != 0;
        free(t);
        json_decref(one);
        if (bad) {
            *err = e1;
            snprintf(err->field, sizeof err->field, "entries[%zu].%s", i,
                     kind == GM_LIST_OFFICIALS ? "name" : gm_list_key(kind));
            return rc;
        }
    }
    snprintf(err->field, sizeof err->field, "entries");
    return rc;
}

int gm_list_expr_validate(int kind, const json_t *entries, gm_err *err)
{
    if (!json_is_array(entries))
        return gm_fail(err, GM_E_INVALID, "entries", "应为数组");
    size_t i;
    const json_t *e;
    json_array_foreach(entries, i, e) {
        char at[32];
        snprintf(at, sizeof at, "entries[%zu]", i);
        if (!json_is_object(e))
            return gm_fail(err, GM_E_INVALID, at, "条目应为 JSON 对象");
        int rc = kind == GM_LIST_OFFICIALS ? holder_entry_ok(e, at, err)
                                           : form_entry_ok(e, at, err);
        if (rc)
            return rc;
    }
    return loader_ok(kind, entries, err);
}

int gm_list_expr_complete(int kind, json_t *entries)
{
    size_t i;
    json_t *e;
    json_array_foreach(entries, i, e) {
        if (kind == GM_LIST_OFFICIALS && json_is_object(e) && !*str(e, "id") &&
            json_is_string(json_object_get(e, "name")) &&
            json_object_set_new(e, "id", json_string(str(e, "name"))))
            return -1;
    }
    return 0;
}
