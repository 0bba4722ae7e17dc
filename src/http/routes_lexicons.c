/*
 * routes_lexicons.c - the compliance engine's lists as admins maintain
 * them in the product: the lexicon, the allow list, enforcement context
 * words, official-register words (公安机关, 全市: the sentence rule of
 * context.c) and approved repost sources (issue 14 §5), and the expression
 * lists: official names, formulations, outdated formulations and
 * office-holders (issue 15 §1; two people of the same name are two entries
 * told apart by "id", the name when not given).  Each is a managed list
 * (store/managed_lists.h): read, change (add/set/remove/replace), versions
 * with their diffs, export and import in the shipped file format.  A
 * committed change swaps a reloaded engine into the running server at
 * once (the refcounted swap SIGHUP uses); files under data/ stay the
 * shipped defaults until a list is first edited.
 */
#include "check/check.h"
#include "http/json_in.h"
#include "http/list_routes.h"
#include "http/route.h"
#include "http/server.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LIST_BODY_MAX (4u << 20)
#define GM_LIST_TERM_CHARS 100

static const json_field lexicon_entry[] = {{"term", JF_STRING, true, GM_LIST_TERM_CHARS},
                                           {"category", JF_STRING, false, 32},
                                           {"severity", JF_STRING, false, 8},
                                           {NULL, 0, 0, 0}};
static const json_field term_entry[] = {{"term", JF_STRING, true, GM_LIST_TERM_CHARS},
                                        {NULL, 0, 0, 0}};
static const json_field source_entry[] = {{"source", JF_STRING, true, 200}, {NULL, 0, 0, 0}};
/* The expression lists: names, formulations and outdated formulations share
 * one shape; an office-holder is one person with every post held.  Inner
 * values (wrong forms, posts) are checked by gm_list_validate. */
static const json_field form_entry[] = {{"correct", JF_STRING, true, GM_LIST_TERM_CHARS},
                                        {"wrong", JF_ARRAY, false, 0},
                                        {"severity", JF_STRING, false, 8},
                                        {NULL, 0, 0, 0}};
static const json_field holder_entry[] = {{"id", JF_STRING, false, 80},
                                          {"name", JF_STRING, true, 50},
                                          {"severity", JF_STRING, false, 8},
                                          {"posts", JF_ARRAY, true, 0},
                                          {NULL, 0, 0, 0}};

static int kinds[GM_LIST_COUNT] = {GM_LIST_LEXICON,  GM_LIST_ALLOW,        GM_LIST_CONTEXT,
                                   GM_LIST_SOURCES,  GM_LIST_NAMES,        GM_LIST_FORMULATIONS,
                                   GM_LIST_OUTDATED, GM_LIST_OFFICIALS,    GM_LIST_REGISTER};

static int check_entries(void *ctx, const json_t *entries, gm_err *err)
{
    return gm_list_validate(*(const int *)ctx, entries, err);
}

static int complete_entries(void *ctx, json_t *entries)
{
    return gm_list_complete(*(const int *)ctx, entries);
}

static int reload(gm_request *r, gm_err *err)
{
    return server_reload_checker(r->srv, err);
}

#define DEFAULTS_FN(k)                                                                 \
    static int defaults_##k(gm_request *r, json_t **out, gm_err *err)                  \
    {                                                                                  \
        return gm_list_defaults(k, r->srv->cfg.data_dir, out, err);                    \
    }
DEFAULTS_FN(GM_LIST_LEXICON)
DEFAULTS_FN(GM_LIST_ALLOW)
DEFAULTS_FN(GM_LIST_CONTEXT)
DEFAULTS_FN(GM_LIST_SOURCES)
DEFAULTS_FN(GM_LIST_NAMES)
DEFAULTS_FN(GM_LIST_FORMULATIONS)
DEFAULTS_FN(GM_LIST_OUTDATED)
DEFAULTS_FN(GM_LIST_OFFICIALS)
DEFAULTS_FN(GM_LIST_REGISTER)

/* Names and keys as gm_list_name()/gm_list_key() give them. */
#define LIST_DEF(k, name, key, fields) \
    {{name, key, check_entries, &kinds[k]}, fields, defaults_##k, reload, complete_entries}

static const list_route_def defs[GM_LIST_COUNT] = {
    LIST_DEF(GM_LIST_LEXICON, "lexicon", "term", lexicon_entry),
    LIST_DEF(GM_LIST_ALLOW, "allow", "term", term_entry),
    LIST_DEF(GM_LIST_CONTEXT, "context", "term", term_entry),
    LIST_DEF(GM_LIST_SOURCES, "sources", "source", source_entry),
    LIST_DEF(GM_LIST_NAMES, "names", "correct", form_entry),
    LIST_DEF(GM_LIST_FORMULATIONS, "formulations", "correct", form_entry),
    LIST_DEF(GM_LIST_OUTDATED, "outdated", "correct", form_entry),
    LIST_DEF(GM_LIST_OFFICIALS, "officials", "id", holder_entry),
    LIST_DEF(GM_LIST_REGISTER, "register", "term", term_entry),
};

/* GET …/export: the list in the shipped file format. */
static int list_export(gm_request *r, int kind, gm_err *err)
{
    json_t *entries = NULL;   /* gm_list_parse leaves it unset on a refusal */
    long long version;
    int rc = list_entries(r, &defs[kind], &entries, &version, err);
    if (rc)
        return rc;
    char *text = gm_list_text(kind, entries);
    json_decref(entries);
    if (!text)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    reply_bytes(r, 200, "text/plain; charset=utf-8", text, strlen(text));
    return 0;
}

/* An import is the exported text file; a JSON body is a mistaken call (the
 * entries route takes JSON), which would otherwise replace the whole list
 * with one odd entry. */
static int import_is_text(gm_request *r, gm_err *err)
{
    const char *ct = request_header(r, "Content-Type");
    return ct && strncasecmp(ct, "application/json", 16) == 0
               ? gm_fail(err, GM_E_INVALID, "body",
                         "导入的应是导出的文本文件(每行一条),不是 JSON;增删个别条目请用条目修改")
               : GM_OK;
}

/* Each imported entry within the limits an entry added by hand has. */
static int import_entries_check(int kind, const json_t *entries, gm_err *err)
{
    size_t i;
    const json_t *e;
    json_array_foreach(entries, i, e) {
        int rc = json_object_check(e, defs[kind].entry_fields, err);
        if (rc) {
            char msg[sizeof err->message];
            size_t cut = 300;   /* a short reason, cut on a character boundary */
            memcpy(msg, err->message, sizeof msg);
            while (cut > 0 && ((unsigned char)msg[cut] & 0xC0) == 0x80)
                cut--;
            msg[cut] = '\0';
            return gm_fail(err, rc, "body", "第 %zu 条:%s", i + 1, msg);
        }
    }
    return GM_OK;
}

/* POST …/import?note=…: a file in the shipped format replaces the whole list. */
static const query_param import_query[] = {{"note", QP_TEXT, NULL}, {NULL, 0, NULL}};

static int list_import(gm_request *r, int kind, gm_err *err)
{
    json_t *entries = NULL;   /* gm_list_parse leaves it unset when it refuses the file */
    int rc = import_is_text(r, err);
    if (rc)
        return rc;
    if (r->body_len && memchr(r->body, '\0', r->body_len))
        return gm_fail(err, GM_E_INVALID, "body", "文件不能包含 NUL 字节");
    rc = gm_list_parse(kind, r->body ? r->body : "", r->body_len, &entries, err);
    if (!rc)
        rc = import_entries_check(kind, entries, err);
    if (rc) {
        json_decref(entries);
        return rc;
    }
    const char *note = request_arg(r, "note");
    managed_list_change ch = {.replace = entries, .note = note ? note : "导入文件"};
    rc = list_route_apply(r, &defs[kind], &ch, err);
    json_decref(entries);
    return rc;
}

/* The lists are system-wide: the permission must be held on the root unit
 * (an admin of a sub-unit does not edit everybody's lists). */
static int system_list(gm_request *r, gm_err *err)
{
    return request_require_system(r, PERM_LEXICON_ADMIN, err);
}

#define GUARDED(call)                                                                        \
    {                                                                                        \
        int rc = system_list(r, err);                                                        \
        return rc ? rc : call;                                                               \
    }
#define HANDLERS(k, s)                                                                       \
    static int h_get_##s(gm_request *r, gm_err *err) GUARDED(list_route_get(r, &defs[k], err)) \
    static int h_change_##s(gm_request *r, gm_err *err)                                      \
        GUARDED(list_route_change(r, &defs[k], err))                                         \
    static int h_versions_##s(gm_request *r, gm_err *err)                                    \
        GUARDED(list_route_versions(r, &defs[k], err))                                       \
    static int h_export_##s(gm_request *r, gm_err *err) GUARDED(list_export(r, k, err))      \
    static int h_import_##s(gm_request *r, gm_err *err) GUARDED(list_import(r, k, err))
HANDLERS(GM_LIST_LEXICON, lexicon)
HANDLERS(GM_LIST_ALLOW, allow)
HANDLERS(GM_LIST_CONTEXT, context)
HANDLERS(GM_LIST_SOURCES, sources)
HANDLERS(GM_LIST_NAMES, names)
HANDLERS(GM_LIST_FORMULATIONS, formulations)
HANDLERS(GM_LIST_OUTDATED, outdated)
HANDLERS(GM_LIST_OFFICIALS, officials)
HANDLERS(GM_LIST_REGISTER, register)

#define ROUTES(s, zh)                                                                          \
    {"GET", "/api/v1/admin/lists/" #s, PERM_LEXICON_ADMIN, h_get_##s, 0, zh "(当前条目)"},     \
    {"POST", "/api/v1/admin/lists/" #s, PERM_LEXICON_ADMIN, h_change_##s, LIST_BODY_MAX,       \
     "增删改" zh "条目"},                                                                       \
    {"GET", "/api/v1/admin/lists/" #s "/versions", PERM_LEXICON_ADMIN, h_versions_##s, 0,     \
     zh "的修改历史(谁、何时、差异)", list_versions_query},                                      \
    {"GET", "/api/v1/admin/lists/" #s "/export", PERM_LEXICON_ADMIN, h_export_##s, 0,         \
     "导出" zh "(文本文件)"},                                                                   \
    {"POST", "/api/v1/admin/lists/" #s "/import", PERM_LEXICON_ADMIN, h_import_##s,           \
     LIST_BODY_MAX, "导入" zh "(文本文件,整表替换;note 为修改说明)", import_query}

const gm_route gm_routes_lexicons[] = {
    ROUTES(lexicon, "违禁词库"),
    ROUTES(allow, "白名单"),
    ROUTES(context, "打击/警示语境词"),
    ROUTES(sources, "核准转载来源"),
    ROUTES(names, "规范名称"),
    ROUTES(formulations, "规范表述"),
    ROUTES(outdated, "过时表述"),
    ROUTES(officials, "领导职务"),
    ROUTES(register, "官方语体词"),
    {NULL, NULL, 0, NULL, 0, NULL},
};
