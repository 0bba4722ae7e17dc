/*
 * routes_check.c - the compliance check over HTTP (a text, a media file)
 * and the lexicon reload.
 *
 * Each request takes a reference to the engine version current when it
 * starts, so a reload in the middle never changes its result.
 */
#include "check/check.h"
#include "http/json_in.h"
#include "http/query.h"
#include "http/route.h"
#include "http/server.h"
#include "store/audit.h"
#include "util/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static const json_field check_fields[] = {
    {"text", JF_TEXT, true, 200000}, {"title", JF_STRING, false, 200},
    {"platform", JF_STRING, false, 16}, {"repost_source", JF_STRING, false, 500},
    {"date", JF_STRING, false, 10}, {"summary", JF_STRING, false, 2000},
    {"length_preset", JF_STRING, false, 16}, {NULL, 0, 0, 0}};

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
                         .repost_source = json_str(b, "repost_source"),
                         .summary = json_str(b, "summary"),
                         .length_preset = json_str(b, "length_preset")};
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

/* A media file for the media rule (type from its bytes, size).  The body is
 * the file, or only its first bytes with `bytes` the file's whole size (the
 * console sends the head of a 500 MB video, not the video): the bytes are
 * written to a private temporary file grown to that size (sparse), so the
 * engine reads the real head and sees the real size. */
static const query_param media_query[] = {
    {"platform", QP_TEXT, NULL}, {"bytes", QP_INT, NULL}, {"name", QP_TEXT, NULL}, {NULL, 0, NULL}};

#define MEDIA_MAX_BYTES (64LL * 1024 * 1024 * 1024)

static int media_temp_file(const gm_request *r, long long bytes, char path[64], gm_err *err)
{
    snprintf(path, 64, "%s/govmedia-media-XXXXXX", P_tmpdir);
    int fd = mkstemp(path);
    if (fd < 0)
        return gm_fail(err, GM_E_INTERNAL, NULL, "无法建立临时文件");
    size_t done = 0;
    while (done < r->body_len) {
        ssize_t n = write(fd, r->body + done, r->body_len - done);
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    int bad = done != r->body_len || ftruncate(fd, (off_t)bytes) != 0;
    close(fd);
    if (bad) {
        unlink(path);
        return gm_fail(err, GM_E_INTERNAL, NULL, "无法写入临时文件");
    }
    return GM_OK;
}

static int h_check_media(gm_request *r, gm_err *err)
{
    long long bytes;
    char path[64];
    json_t *out = NULL;
    const char *ct = request_header(r, "Content-Type");
    if (ct && strncasecmp(ct, "application/json", 16) == 0)   /* a mistaken call, not a file */
        return gm_fail(err, GM_E_INVALID, "body", "请上传图片或视频文件本身(不是 JSON)");
    int rc = request_arg_int(r, "bytes", (long long)r->body_len, &bytes, err);
    if (rc)
        return rc;
    if (r->body_len == 0)
        return gm_fail(err, GM_E_INVALID, "body", "请上传要检查的图片或视频文件");
    if (bytes < (long long)r->body_len || bytes > MEDIA_MAX_BYTES)
        return gm_fail(err, GM_E_INVALID, "bytes", "bytes 应为文件的实际大小(不小于上传的 %zu 字节)",
                       r->body_len);
    if ((rc = media_temp_file(r, bytes, path, err)))
        return rc;
    gm_checker *c = server_checker_acquire(r->srv);
    rc = c ? gm_check_media_json(c, path, request_arg(r, "platform"), &out, err)
           : gm_fail(err, GM_E_INTERNAL, NULL, "检查引擎未加载");
    if (c)
        gm_checker_unref(c);
    unlink(path);
    if (rc)
        return rc;
    const char *name = request_arg(r, "name");
    json_object_set_new(out, "file", name ? json_string(name) : json_null());
    return reply_json(r, 200, out);
}

/* The limits an editor counts against (§3.3): a platform under a length preset. */
static const query_param limits_query[] = {
    {"platform", QP_TEXT, NULL}, {"length_preset", QP_TEXT, NULL}, {NULL, 0, NULL}};

static int h_check_limits(gm_request *r, gm_err *err)
{
    const char *platform = request_arg(r, "platform");
    if (!platform)
        return gm_fail(err, GM_E_INVALID, "platform", "缺少平台");
    json_t *out = NULL;
    gm_checker *c = server_checker_acquire(r->srv);
    int rc = c ? gm_check_limits_json(c, platform, request_arg(r, "length_preset"), &out, err)
               : gm_fail(err, GM_E_INTERNAL, NULL, "检查引擎未加载");
    gm_checker_unref(c);
    return rc ? rc : reply_json(r, 200, out);
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
    {"POST", "/api/v1/check/media", PERM_CHECK_RUN, h_check_media, 8 * 1024 * 1024,
     "检查图片或视频的实际格式与大小", media_query},
    {"GET", "/api/v1/check/limits", PERM_CHECK_RUN, h_check_limits, 0, "平台在字数规则下的字数上限",
     limits_query},
    {"POST", "/api/v1/admin/lexicons/reload", PERM_LEXICON_ADMIN, h_reload, 0, "重新加载词库"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
