/*
 * lists.c - the engine's admin-edited lists (lexicon, allow list, context
 * words, approved sources) as JSON entries: read from the shipped files,
 * written back in the file format the loader parses, and validated by
 * that same parser, so an edited list can never fail to load.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/checker_int.h"
#include "check/lists_expr.h"
#include "util/file.h"

static const char *const names[GM_LIST_COUNT] = {"lexicon", "allow", "context", "sources",
                                                 "names", "formulations", "outdated",
                                                 "officials", "register"};
static const char *const shipped[GM_LIST_COUNT] = {
    NULL, "check/allow.txt", "check/context.txt", "check/approved_sources.txt",
    "expressions/names.txt", "expressions/formulations.txt", "expressions/outdated.txt",
    "expressions/officials.txt", "check/register.txt"};

/* The expression lists (lists_expr.c). */
static int is_expr(int kind)
{
    return kind >= GM_LIST_NAMES && kind <= GM_LIST_OFFICIALS;
}

const char *gm_list_name(int kind)
{
    return kind >= 0 && kind < GM_LIST_COUNT ? names[kind] : "?";
}

const char *gm_list_key(int kind)
{
    return kind == GM_LIST_SOURCES     ? "source"
           : kind == GM_LIST_OFFICIALS ? "id"
           : is_expr(kind)             ? "correct"
                                       : "term";
}

static int lex_kind(int kind)
{
    return kind == GM_LIST_ALLOW      ? GM_LEX_ALLOW
           : kind == GM_LIST_CONTEXT  ? GM_LEX_CONTEXT
           : kind == GM_LIST_REGISTER ? GM_LEX_REGISTER
                                      : GM_LEX_TERMS;
}

static int nomem(gm_err *err)
{
    return gm_fail(err, GM_E_NOMEM, "entries", "内存不足");
}

/* Appends the terms of lx to arr, merging a term met twice (two shipped
 * files) into one entry with the stronger severity. */
static int terms_to_entries(int kind, const gm_lexicon *lx, json_t *arr, json_t *seen)
{
    for (size_t i = 0; i < lx->n; i++) {
        const gm_term *t = &lx->terms[i];
        json_t *old = json_object_get(seen, t->text);
        if (old) {
            if (t->severity == GM_SEV_BLOCK)
                json_object_set_new(old, "severity", json_string("block"));
            continue;
        }
        json_t *e = kind == GM_LIST_LEXICON
                        ? json_pack("{s:s,s:s,s:s}", "term", t->text, "category", t->category,
                                    "severity", t->severity == GM_SEV_WARN ? "warn" : "block")
                        : json_pack("{s:s}", "term", t->text);
        if (!e || json_object_set(seen, t->text, e) || json_array_append_new(arr, e))
            return -1;
    }
    return 0;
}

static int lexicon_dir_defaults(const char *data_dir, gm_lexicon *lx, gm_err *err)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/lexicons", data_dir);
    gm_checker_files f = {.lexicon_dir = dir};
    gm_checker tmp = {.lex = *lx};
    int rc = gm_checker_load_lexicons(&tmp, &f, err);
    *lx = tmp.lex;
    return rc;
}

static int sources_entries(const char *text, size_t len, json_t *arr, gm_err *err)
{
    gm_sources s = {0};
    int rc = gm_sources_parse(&s, "sources", text, len, err);   /* validates */
    gm_sources_free(&s);
    const char *p = text, *end = text + len;
    while (!rc && p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        const char *hash = memchr(p, '#', n);
        size_t m = hash ? (size_t)(hash - p) : n;
        while (m && (p[m - 1] == ' ' || p[m - 1] == '\t' || p[m - 1] == '\r'))
            m--;
        size_t lead = 0;
        while (lead < m && (p[lead] == ' ' || p[lead] == '\t'))
            lead++;
        if (m > lead && json_array_append_new(arr, json_pack("{s:s%}", "source", p + lead,
                                                             m - lead)))
            rc = nomem(err);
        p += n + 1;
    }
    return rc;
}

/* The terms of a loaded lexicon as list entries (see terms_to_entries). */
static int lexicon_entries(int kind, const gm_lexicon *lx, json_t **out, gm_err *err)
{
    json_t *arr = json_array(), *seen = json_object();
    int ok = arr && seen && !terms_to_entries(kind, lx, arr, seen);
    json_decref(seen);
    if (!ok) {
        json_decref(arr);
        return nomem(err);
    }
    *out = arr;
    return 0;
}

int gm_list_parse(int kind, const char *text, size_t len, json_t **out, gm_err *err)
{
    if (is_expr(kind))
        return gm_list_expr_parse(kind, text, len, out, err);
    if (kind == GM_LIST_SOURCES) {
        json_t *arr = json_array();
        int rc = arr ? sources_entries(text, len, arr, err) : nomem(err);
        if (rc)
            json_decref(arr);
        else
            *out = arr;
        return rc;
    }
    gm_lexicon lx = {0};
    int rc = gm_lexicon_parse(&lx, gm_list_name(kind), text, len, lex_kind(kind), err);
    if (!rc)
        rc = lexicon_entries(kind, &lx, out, err);
    gm_lexicon_free(&lx);
    return rc;
}

int gm_list_defaults(int kind, const char *data_dir, json_t **out, gm_err *err)
{
    if (kind == GM_LIST_LEXICON) {
        gm_lexicon lx = {0};
        int rc = lexicon_dir_defaults(data_dir, &lx, err);
        if (!rc)
            rc = lexicon_entries(kind, &lx, out, err);
        gm_lexicon_free(&lx);
        return rc;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", data_dir, shipped[kind]);
    char *buf = NULL;
    size_t len = 0;
    int rc = gm_read_file(path, 4u << 20, &buf, &len, gm_list_name(kind), err);
    if (rc == GM_E_NOTFOUND || rc == GM_E_IO) {
        *out = json_array();   /* no shipped file: an empty default */
        return *out ? 0 : nomem(err);
    }
    if (!rc)
        rc = gm_list_parse(kind, buf, len, out, err);
    free(buf);
    return rc;
}

static int append(char **buf, size_t *len, size_t *cap, const char *s)
{
    size_t n = strlen(s);
    if (*len + n + 1 > *cap) {
        size_t c = (*cap + n + 1) * 2;
        char *g = realloc(*buf, c);
        if (!g)
            return -1;
        *buf = g;
        *cap = c;
    }
    memcpy(*buf + *len, s, n + 1);
    *len += n;
    return 0;
}

static const char *member(const json_t *e, const char *key, const char *dflt)
{
    const char *s = json_string_value(json_object_get(e, key));
    return s ? s : dflt;
}

char *gm_list_text(int kind, const json_t *entries)
{
    if (is_expr(kind))
        return gm_list_expr_text(kind, entries);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int bad = append(&buf, &len, &cap, "");
    size_t i;
    const json_t *e;
    json_array_foreach(entries, i, e) {
        bad |= append(&buf, &len, &cap, member(e, gm_list_key(kind), ""));
        if (kind == GM_LIST_LEXICON) {
            bad |= append(&buf, &len, &cap, "\t");
            bad |= append(&buf, &len, &cap, member(e, "category", "general"));
            bad |= append(&buf, &len, &cap, "\t");
            bad |= append(&buf, &len, &cap, member(e, "severity", "block"));
        }
        bad |= append(&buf, &len, &cap, "\n");
    }
    if (bad) {
        free(buf);
        return NULL;
    }
    return buf;
}

static int entry_field_ok(int kind, const json_t *e, size_t i, gm_err *err)
{
    const char *fields[] = {gm_list_key(kind), "category", "severity"};
    for (size_t k = 0; k < (kind == GM_LIST_LEXICON ? 3u : 1u); k++) {
        const char *v = member(e, fields[k], k ? "x" : "");
        if (!*v || strpbrk(v, "#\t\r\n"))
            return gm_fail(err, GM_E_INVALID, "entries", "第 %zu 条的 %s 不能为空，也不能含 #、制表符或换行",
                           i + 1, fields[k]);
    }
    const char *sev = member(e, "severity", "block");
    if (kind == GM_LIST_LEXICON && strcmp(sev, "block") && strcmp(sev, "warn"))
        return gm_fail(err, GM_E_INVALID, "entries", "第 %zu 条的 severity 应为 block 或 warn", i + 1);
    return 0;
}

/* Rewrites the parser's "NAME 第 N 行: …" into field entries[N-1].KEY. */
static int name_entry(int kind, int rc, gm_err *err)
{
    unsigned line;
    const char *p = err ? strstr(err->message, " 第 ") : NULL;
    if (p && sscanf(p, " 第 %u 行", &line) == 1 && line > 0)
        snprintf(err->field, sizeof err->field, "entries[%u].%s", line - 1, gm_list_key(kind));
    return rc;
}

int gm_list_validate(int kind, const json_t *entries, gm_err *err)
{
    if (is_expr(kind))
        return gm_list_expr_validate(kind, entries, err);
    if (!json_is_array(entries))
        return gm_fail(err, GM_E_INVALID, "entries", "应为数组");
    size_t i;
    const json_t *e;
    json_array_foreach(entries, i, e) {
        int rc = entry_field_ok(kind, e, i, err);
        if (rc) {
            snprintf(err->field, sizeof err->field, "entries[%zu].%s", i, gm_list_key(kind));
            return rc;
        }
    }
    char *text = gm_list_text(kind, entries);
    if (!text)
        return nomem(err);
    json_t *parsed = NULL;
    int rc = gm_list_parse(kind, text, strlen(text), &parsed, err);
    free(text);
    json_decref(parsed);
    return rc ? name_entry(kind, rc, err) : 0;
}

int gm_list_complete(int kind, json_t *entries)
{
    return is_expr(kind) ? gm_list_expr_complete(kind, entries) : 0;
}
