/*
 * routes_check.c - the compliance check over HTTP and the lexicon reload.
 *
 * Each request takes a reference to the engine version current when it
 * starts, so a reload in the middle never changes its result.
 */
#include "check/check.h"
#include "http/json_in.h"
#include "http/route.h"
#include "http/server.h"
#include "store/audit.h"
#include "util/clock.h"

#include <stdlib.h>
#include <string.h>

static const json_field check_fields[] = {
    {"text", JF_TEXT, true, 200000}, {"title", JF_STRING, false, 200},
    {"platform", JF_STRING, false, 16}, {"repost_source", JF_STRING, false, 500},
    {"date", JF_STRING, false, 10}, {NULL, 0, 0, 0}};

static int h_check(gm_request *r, gm_err *err)
{
    json_t *b;
    char *out = NULL;
    size_t cap = 0, len = 0;
    int ok;
    int rc = json_body_parse(r->body, r->body_len, check_fields, &b, err);
    if (rc)
        return rc;
    gm_checker *c = server_checker_acquire(r->srv);
    const char *text = json_str(b, "text");
    char today[11];
    clock_today_cst(today);   /* a draft is checked as of today unless the text says its day */
    gm_check_input in = {.text = text, .text_len = strlen(text), .title = json_str(b, "title"),
                         .platform = json_str(b, "platform"),
                         .repost_source = json_str(b, "repost_source")};
    const char *date = json_str(b, "date") ? json_str(b, "date") : today;
    rc = c ? gm_check_text_on(c, &in, date, &out, &cap, &len, &ok, err)
           : gm_fail(err, GM_E_INTERNAL, NULL, "检查引擎未加载");
    if (c)
        gm_checker_unref(c);
    json_decref(b);
    if (rc) {
        free(out);
        return rc;
    }
    reply_bytes(r, 200, "application/json; charset=utf-8", out, len);
    return 0;
}

static int h_reload(gm_request *r, gm_err *err)
{
    if (json_body_none(r->body, r->body_len, err))
        return err->code;
    int rc = request_require_system(r, PERM_LEXICON_ADMIN, err);   /* one lexicon for all */
    if (!rc)
        rc = server_reload_checker(r->srv, err);
    if (!rc)
        rc = db_begin(r->db, err);
    if (!rc)
        rc = db_end(r->db, audit_append(r->db, &r->actor, "lexicon.reload", "lexicon", "", "", "",
                                        err), err);
    if (rc)
        return rc;
    json_t *merged = json_array();
    gm_checker *c = server_checker_acquire(r->srv);
    const char *const *lines;
    size_t n = c ? gm_checker_merges(c, &lines) : 0;
    for (size_t i = 0; i < n; i++)
        json_array_append_new(merged, json_string(lines[i]));
    gm_checker_unref(c);
    return reply_json(r, 200, json_pack("{s:b,s:o}", "reloaded", 1, "merged", merged));
}

const gm_route gm_routes_check[] = {
    {"POST", "/api/v1/check", PERM_CHECK_RUN, h_check, 0, "合规检查一段文本"},
    {"POST", "/api/v1/admin/lexicons/reload", PERM_LEXICON_ADMIN, h_reload, 0, "重新加载词库"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
