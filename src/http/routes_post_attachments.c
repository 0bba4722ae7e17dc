/*
 * routes_post_attachments.c - the images and videos of a post over HTTP
 * (/api/v1/posts/{id}/attachments): added to a draft as raw bytes
 * (?name=; up to 500 MB, spooled to a temporary file as they arrive and
 * typed from the first of them), listed with the post, downloaded (sent
 * from a temporary file, never whole in memory), taken off a draft.  The media rule judges them per target platform when the
 * post is submitted (store/post_review.c); every answer listing them carries
 * that judgement for each platform of the post (checks), so the editor
 * knows before submitting.
 */
#include "check/check.h"
#include "http/json_in.h"
#include "http/post_access.h"
#include "http/query.h"
#include "http/route.h"
#include "http/server.h"
#include "http/stored_reply.h"
#include "store/accounts.h"
#include "store/post_attachments.h"
#include "store/posts.h"

#include <stdio.h>
#include <string.h>

static const query_param attach_query[] = {{"name", QP_TEXT, NULL}, {NULL, 0, NULL}};
static const query_param list_query[] = {{"platforms", QP_TEXT, NULL}, {NULL, 0, NULL}};

/* The platforms of the post's accounts, each once: what its files are
 * judged for. */
static int post_platforms(gm_request *r, long long post_id, json_t *out, gm_err *err)
{
    gm_post p;
    int rc = posts_get(r->db, post_id, &p, err);
    if (rc)
        return rc;
    for (int i = 0; !rc && i < p.n_accounts; i++) {
        gm_account a;
        if ((rc = accounts_get(r->db, p.account_ids[i], &a, err)) != GM_OK)
            break;
        if (!json_object_get(out, a.platform))
            json_object_set_new(out, a.platform, json_true());
        accounts_release(&a);
    }
    posts_release(&p);
    return rc;
}

/* ?platforms=wechat,douyin: the platforms an editor has just ticked,
 * before the draft is saved with them (each must be a platform with
 * presets, whether or not the post has files yet). */
static int asked_platforms(const gm_checker *c, const char *list, json_t *out, gm_err *err)
{
    char buf[256];
    if (strlen(list) >= sizeof buf)
        return gm_fail(err, GM_E_INVALID, "platforms", "平台列表过长");
    snprintf(buf, sizeof buf, "%s", list);
    for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        int rc = gm_check_platform_known(c, t, err);   /* refused with or without files */
        if (rc)
            return rc;
        json_object_set_new(out, t, json_true());
    }
    return GM_OK;
}

/* {platform: report} of the media rule over one attachment, for each
 * platform of platforms (an object used as a set). */
static int judge_for_platforms(gm_checker *c, const char *mime, long long bytes, json_t *platforms,
                               json_t **out, gm_err *err)
{
    const char *platform;
    json_t *yes, *all = json_object();
    int rc = GM_OK;
    json_object_foreach(platforms, platform, yes) {
        json_t *res = NULL;
        if ((rc = gm_check_media_known_json(c, mime, bytes, platform, &res, err)) != GM_OK)
            break;
        json_object_set_new(all, platform, res);
    }
    if (rc)
        json_decref(all);
    else
        *out = all;
    return rc;
}

/* The post's attachments, each with its "checks" for the post's platforms
 * (asked: a comma list of others instead, or NULL). */
static int list_with_checks(gm_request *r, long long post_id, const char *asked, json_t **out,
                            gm_err *err)
{
    size_t i;
    json_t *a, *list = NULL, *platforms = json_object();
    gm_checker *c = server_checker_acquire(r->srv);
    int rc = c ? GM_OK : gm_fail(err, GM_E_INTERNAL, NULL, "检查引擎未加载");
    if (!rc)
        rc = asked ? asked_platforms(c, asked, platforms, err) : post_platforms(r, post_id, platforms, err);
    if (!rc)
        rc = post_attachments_list(r->db, post_id, &list, err);
    json_array_foreach(list, i, a) {
        json_t *checks = NULL;
        if (!rc)
            rc = judge_for_platforms(c, json_string_value(json_object_get(a, "mime")),
                                     json_integer_value(json_object_get(a, "bytes")), platforms,
                                     &checks, err);
        if (!rc)
            json_object_set_new(a, "checks", checks);
    }
    if (rc == GM_E_INVALID && asked && strcmp(err->field, "platform") == 0)
        snprintf(err->field, sizeof err->field, "platforms");   /* the parameter named */
    if (c)
        gm_checker_unref(c);
    json_decref(platforms);
    if (rc)
        json_decref(list);
    else
        *out = list;
    return rc;
}

static int h_attach(gm_request *r, gm_err *err)
{
    char mime[128] = "";
    long long id = 0;
    json_t *list = NULL;
    int rc = request_require_post(r, PERM_POST_WRITE, r->ids[0], err);
    if (!rc)
        rc = request_query(r, attach_query, err);
    if (!rc && !request_arg(r, "name"))
        rc = gm_fail(err, GM_E_INVALID, "name", "缺少附件名称(?name=文件名)");
    if (!rc && !r->upload_bytes)
        rc = gm_fail(err, GM_E_INVALID, "file", "附件为空");
    if (!rc)
        rc = gm_media_mime_of_bytes(r->body, r->body_len, mime, err);   /* the first MiB */
    if (!rc)
        rc = post_attachments_add(r->db, &r->actor, r->ids[0], request_arg(r, "name"), mime,
                                  r->upload_fd, r->upload_bytes, &id, err);
    if (!rc)
        rc = list_with_checks(r, r->ids[0], NULL, &list, err);
    if (rc)
        return rc;
    size_t i;
    json_t *a, *checks = NULL;
    json_array_foreach(list, i, a)
        if (json_integer_value(json_object_get(a, "id")) == id)
            checks = json_object_get(a, "checks");
    return reply_json(r, 201, json_pack("{s:I,s:o,s:o}", "id", (json_int_t)id, "checks",
                                        checks ? json_incref(checks) : json_object(), "attachments",
                                        list));
}

static int h_list(gm_request *r, gm_err *err)
{
    json_t *list;
    int rc = request_require_post(r, PERM_POST_READ, r->ids[0], err);
    if (!rc)
        rc = list_with_checks(r, r->ids[0], request_arg(r, "platforms"), &list, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:o}", "attachments", list));
}

static int h_download(gm_request *r, gm_err *err)
{
    int rc = request_require_post(r, PERM_POST_READ, r->ids[0], err);
    return rc ? rc : reply_stored_file(r, post_attachments_to_fd, r->ids[0], r->ids[1], err);
}

static int h_remove(gm_request *r, gm_err *err)
{
    json_t *list;
    if (json_body_none(r->body, r->body_len, err))
        return err->code;
    int rc = request_require_post(r, PERM_POST_WRITE, r->ids[0], err);
    if (!rc)
        rc = post_attachments_remove(r->db, &r->actor, r->ids[0], r->ids[1], err);
    if (!rc)
        rc = list_with_checks(r, r->ids[0], NULL, &list, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:o}", "attachments", list));
}

const gm_route gm_routes_post_attachments[] = {
    {"POST", "/api/v1/posts/{id}/attachments", PERM_POST_WRITE, h_attach, GM_POST_ATTACHMENT_MAX,
     "为草稿添加图片或视频附件(原始字节,?name=文件名,≤500MB;按实际格式检查)", attach_query, 1},
    {"GET", "/api/v1/posts/{id}/attachments", PERM_POST_READ, h_list, 0,
     "稿件的附件(platforms=wechat,douyin:按这些平台检查,默认按稿件的发布账号)", list_query},
    {"GET", "/api/v1/posts/{id}/attachments/{id}", PERM_POST_READ, h_download, 0, "下载稿件附件"},
    {"DELETE", "/api/v1/posts/{id}/attachments/{id}", PERM_POST_WRITE, h_remove, 0,
     "删除草稿的附件(存档保留)"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
