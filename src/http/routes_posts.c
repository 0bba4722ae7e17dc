/*
 * routes_posts.c - review before publish over HTTP (/api/v1/posts).
 *
 * Every handler that touches one post loads it and checks the route's
 * permission on the post's unit (request_require_unit) before anything
 * else; the store then applies the workflow's own rules (author, level
 * role, publishing grant) inside the step's transaction.
 */
#include "http/json_in.h"
#include "http/post_access.h"
#include "http/post_input.h"
#include "http/query.h"
#include "http/route.h"
#include "core/post_disclosure.h"
#include "http/server.h"
#include "check/check.h"
#include "store/accounts.h"
#include "store/calendars.h"
#include "store/post_publish.h"
#include "store/post_query.h"
#include "store/post_review.h"
#include "store/posts.h"
#include "util/clock.h"

#include <stdlib.h>
#include <string.h>

/* Loads the post's unit and checks perm on it. */
#define require_post request_require_post

static int reply_post(gm_request *r, int status, long long id, gm_err *err)
{
    char today[11];
    json_t *o;
    clock_today_cst(today);
    int rc = posts_detail(r->db, id, today, &o, err);
    return rc ? rc : reply_json(r, status, o);
}

static int h_post_create(gm_request *r, gm_err *err)
{
    json_t *b;
    long long ids[POST_MAX_ACCOUNTS], unit = 0, id = 0;
    post_input in;
    int rc = post_input_create(r->body, r->body_len, &b, &in, ids, err);
    if (rc)
        return rc;
    rc = posts_accounts_unit(r->db, in.account_ids, in.n_accounts, &unit, err);
    if (!rc && request_require_unit(r, PERM_POST_WRITE, unit, err))
        rc = gm_fail(err, GM_E_CONFLICT, "account_ids", "您所在单位不能向这些账号发稿");
    if (!rc)
        rc = posts_create(r->db, &r->actor, unit, &in, &id, err);
    json_decref(b);
    return rc ? rc : reply_post(r, 201, id, err);
}

static int h_post_edit(gm_request *r, gm_err *err)
{
    json_t *b;
    long long ids[POST_MAX_ACCOUNTS];
    post_input in;
    int rc = require_post(r, PERM_POST_WRITE, r->ids[0], err);
    if (!rc)
        rc = post_input_edit(r->body, r->body_len, &b, &in, ids, err);
    if (rc)
        return rc;
    rc = posts_edit(r->db, &r->actor, r->ids[0], &in, err);
    json_decref(b);
    return rc ? rc : reply_post(r, 200, r->ids[0], err);
}

static int h_post_delete(gm_request *r, gm_err *err)
{
    if (json_body_none(r->body, r->body_len, err))
        return err->code;
    int rc = require_post(r, PERM_POST_WRITE, r->ids[0], err);
    if (!rc)
        rc = posts_withdraw(r->db, &r->actor, r->ids[0], err);
    return rc ? rc : reply_post(r, 200, r->ids[0], err);
}

static int h_post_get(gm_request *r, gm_err *err)
{
    int rc = require_post(r, PERM_POST_READ, r->ids[0], err);
    return rc ? rc : reply_post(r, 200, r->ids[0], err);
}

static int h_post_history(gm_request *r, gm_err *err)
{
    json_t *o;
    int rc = require_post(r, PERM_POST_READ, r->ids[0], err);
    if (!rc)
        rc = posts_history(r->db, r->ids[0], &o, err);
    return rc ? rc : reply_json(r, 200, o);
}

static const query_param list_query[] = {
    {"state", QP_ENUM, "draft|in_review|returned|approved|published|withdrawn"},
    {"account_id", QP_ID, NULL}, {"unit_id", QP_ID, NULL}, {"author", QP_TEXT, NULL},
    {"reviewer", QP_TEXT, NULL}, {"from", QP_DATE, NULL}, {"to", QP_DATE, NULL},
    {"q", QP_TEXT, NULL}, {"awaiting", QP_ENUM, "me"}, {"overdue", QP_BOOL, NULL},
    {"limit", QP_INT, NULL}, {"offset", QP_INT, NULL}, {NULL, 0, NULL}};

static int is_true(const char *v) { return v && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0); }

static int h_posts_list(gm_request *r, gm_err *err)
{
    char today[11];
    clock_today_cst(today);
    post_filter f = {.state = request_arg(r, "state"), .author = request_arg(r, "author"),
                     .reviewer = request_arg(r, "reviewer"), .from = request_arg(r, "from"),
                     .to = request_arg(r, "to"), .q = request_arg(r, "q"),
                     .awaiting_me = request_arg(r, "awaiting") != NULL,
                     .overdue = is_true(request_arg(r, "overdue")), .today = today};
    int rc = request_query(r, list_query, err);
    if (!rc)
        rc = request_arg_int(r, "account_id", 0, &f.account_id, err);
    if (!rc)
        rc = request_arg_int(r, "unit_id", 0, &f.unit_id, err);
    if (!rc)
        rc = request_arg_int(r, "limit", 50, &f.limit, err);
    if (!rc && (f.limit < 1 || f.limit > 500))
        rc = gm_fail(err, GM_E_INVALID, "limit", "条数应在 1 到 500 之间");
    if (!rc)
        rc = request_arg_int(r, "offset", 0, &f.offset, err);
    if (!rc && f.offset < 0)
        rc = gm_fail(err, GM_E_INVALID, "offset", "起始位置不能为负数");
    if (f.q && !*f.q)
        f.q = NULL;
    json_t *o;
    if (!rc)
        rc = posts_list(r->db, &r->actor, &f, &o, err);
    return rc ? rc : reply_json(r, 200, o);
}

static int h_post_submit(gm_request *r, gm_err *err)
{
    if (json_body_none(r->body, r->body_len, err))
        return err->code;
    gm_calendar *cal = NULL;
    json_t *findings = NULL;
    int blocked = 0;
    int rc = require_post(r, PERM_POST_WRITE, r->ids[0], err);
    if (!rc)
        rc = calendars_load(r->db, r->srv->cfg.data_dir, &cal, err);
    gm_checker *c = rc ? NULL : server_checker_acquire(r->srv);
    if (!rc)
        rc = posts_submit(r->db, &r->actor, cal, c, r->ids[0], &findings, &blocked, err);
    gm_checker_unref(c);
    calendar_free(cal);
    if (rc)
        return rc;
    if (blocked) {
        json_t *e = json_pack("{s:{s:s,s:s,s:s},s:o}", "error", "code", "blocked", "message",
                              "合规检查发现禁止发布的内容,稿件仍为草稿,请修改后再提交", "field",
                              "body", "findings", findings);
        return reply_json(r, 422, e);
    }
    char today[11];
    json_t *o;
    clock_today_cst(today);
    rc = posts_detail(r->db, r->ids[0], today, &o, err);
    if (rc) {
        json_decref(findings);
        return rc;
    }
    json_object_set_new(o, "findings", findings);
    return reply_json(r, 200, o);
}

static const json_field approve_fields[] = {
    {"note", JF_TEXT, false, 2000}, {"override_reason", JF_TEXT, false, 2000},
    {"confidentiality", JF_BOOL, false, 0}, {NULL, 0, 0, 0}};

static int h_post_approve(gm_request *r, gm_err *err)
{
    json_t *b = NULL;
    gm_calendar *cal = NULL;
    int rc = require_post(r, PERM_POST_REVIEW, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body_len ? r->body : "{}", r->body_len ? r->body_len : 2,
                             approve_fields, &b, err);
    if (!rc)
        rc = calendars_load(r->db, r->srv->cfg.data_dir, &cal, err);
    if (!rc) {
        approve_input in = {.note = json_str(b, "note"),
                            .override_reason = json_str(b, "override_reason"),
                            .confidentiality = json_is_true(json_object_get(b, "confidentiality"))};
        rc = posts_approve(r->db, &r->actor, cal, r->ids[0], &in, err);
    }
    calendar_free(cal);
    json_decref(b);
    return rc ? rc : reply_post(r, 200, r->ids[0], err);
}

/* A required reason: rejecting a post, cancelling a scheduled publication. */
static const json_field reason_fields[] = {{"reason", JF_TEXT, true, 2000}, {NULL, 0, 0, 0}};

static int h_post_reject(gm_request *r, gm_err *err)
{
    json_t *b;
    int rc = require_post(r, PERM_POST_REVIEW, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, reason_fields, &b, err);
    if (rc)
        return rc;
    rc = posts_reject(r->db, &r->actor, r->ids[0], json_str(b, "reason"), err);
    json_decref(b);
    return rc ? rc : reply_post(r, 200, r->ids[0], err);
}

static const json_field preview_fields[] = {{"account_id", JF_INT, true, 0}, {NULL, 0, 0, 0}};

static int h_post_preview(gm_request *r, gm_err *err)
{
    json_t *b;
    int rc = require_post(r, PERM_POST_PUBLISH, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, preview_fields, &b, err);
    if (rc)
        return rc;
    rc = posts_preview(r->db, &r->actor, r->ids[0], json_int_or(b, "account_id", 0), err);
    json_decref(b);
    return rc ? rc : reply_post(r, 200, r->ids[0], err);
}

static const json_field publish_fields[] = {
    {"account_id", JF_INT, true, 0},          {"url", JF_STRING, false, 2000},
    {"platform_post_id", JF_STRING, false, 200}, {"mass_send", JF_BOOL, false, 0},
    {"at", JF_STRING, false, 40},             {NULL, 0, 0, 0}};

static int h_post_publish(gm_request *r, gm_err *err)
{
    json_t *b, *out = NULL;
    int rc = require_post(r, PERM_POST_PUBLISH, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, publish_fields, &b, err);
    if (rc)
        return rc;
    publish_input in = {.account_id = json_int_or(b, "account_id", 0), .url = json_str(b, "url"),
                        .platform_post_id = json_str(b, "platform_post_id"),
                        .mass_send = json_is_true(json_object_get(b, "mass_send")),
                        .at = json_str(b, "at")};
    rc = posts_publish(r->db, &r->actor, r->ids[0], &in, clock_now(), &out, err);
    json_decref(b);
    if (rc)
        return rc;
    char today[11];
    json_t *o;
    clock_today_cst(today);
    if ((rc = posts_detail(r->db, r->ids[0], today, &o, err)) != GM_OK) {
        json_decref(out);
        return rc;
    }
    json_object_update(o, out);
    json_decref(out);
    return reply_json(r, json_object_get(o, "schedule") ? 202 : 201, o);
}

static int h_schedule_cancel(gm_request *r, gm_err *err)
{
    json_t *b;
    int rc = require_post(r, PERM_POST_PUBLISH, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, reason_fields, &b, err);
    if (rc)
        return rc;
    rc = posts_cancel_schedule(r->db, &r->actor, r->ids[0], r->ids[1], json_str(b, "reason"), err);
    json_decref(b);
    return rc ? rc : reply_post(r, 200, r->ids[0], err);
}

/* ---- policies ---- */

static int h_policy_get(gm_request *r, gm_err *err)
{
    gm_review_policy p;
    int rc = request_require_unit(r, PERM_POST_READ, r->ids[0], err);
    if (!rc)
        rc = review_policy_get(r->db, r->ids[0], &p, err);
    if (rc)
        return rc;
    json_t *o = review_policy_to_json(&p);
    json_object_set_new(o, "unit_id", json_integer(r->ids[0]));
    json_object_set_new(o, "presets", review_policy_presets_json());
    return reply_json(r, 200, o);
}

static const json_field policy_fields[] = {
    {"preset", JF_STRING, false, 32}, {"levels", JF_ARRAY, false, 0},
    {"major_extra", JF_ARRAY, false, 0}, {"overdue_days", JF_INT, false, 0},
    {"length_preset", JF_STRING, false, 16}, {NULL, 0, 0, 0}};

/* The policy a PUT asks for: a preset (with any changes the body makes to
 * it), or the unit's current policy with the fields the body gives
 * (changing only overdue_days keeps the unit's levels).  The length preset
 * (§3.3) stays unless the body names it.  A body that names no setting
 * changes nothing and is refused. */
static int policy_wanted(gm_request *r, json_t *b, gm_review_policy *p, gm_err *err)
{
    if (!json_object_size(b))
        return gm_fail(err, GM_E_INVALID, "preset", "请选择预设,或填写审核级别或审核时限");
    gm_review_policy cur;
    int rc = review_policy_get(r->db, r->ids[0], &cur, err);
    if (!rc && json_object_get(b, "preset") && !json_object_get(b, "length_preset"))
        json_object_set_new(b, "length_preset", json_string(cur.length_preset));
    if (rc || json_object_get(b, "preset"))
        return rc ? rc : review_policy_from_json(b, p, err);
    json_t *merged = rc ? NULL : review_policy_to_json(&cur);
    if (!rc && (!merged || json_object_update(merged, b)))
        rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (!rc)
        rc = review_policy_from_json(merged, p, err);
    json_decref(merged);
    return rc;
}

static int h_policy_put(gm_request *r, gm_err *err)
{
    json_t *b;
    gm_review_policy p;
    int rc = request_require_unit(r, PERM_POLICY_ADMIN, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, policy_fields, &b, err);
    if (rc)
        return rc;
    rc = policy_wanted(r, b, &p, err);
    if (!rc)
        rc = review_policy_set(r->db, &r->actor, r->ids[0], &p, err);
    json_decref(b);
    return rc ? rc : h_policy_get(r, err);
}

/* ---- publishing grants ---- */


static int account_unit(gm_request *r, long long account_id, long long *unit, gm_err *err)
{
    gm_account a;
    int rc = accounts_get(r->db, account_id, &a, err);
    if (!rc) {
        *unit = a.unit_id;
        accounts_release(&a);
    }
    return rc;
}

static int h_publishers_list(gm_request *r, gm_err *err)
{
    long long unit;
    json_t *o;
    int rc = account_unit(r, r->ids[0], &unit, err);
    if (!rc)
        rc = request_require_unit(r, PERM_ACCOUNT_READ, unit, err);
    if (!rc)
        rc = publish_grants_list(r->db, r->ids[0], &o, err);
    return rc ? rc : reply_json(r, 200, o);
}

static const json_field grant_fields[] = {{"user_id", JF_INT, true, 0}, {NULL, 0, 0, 0}};

static int h_publishers_add(gm_request *r, gm_err *err)
{
    long long unit;
    json_t *b;
    int rc = account_unit(r, r->ids[0], &unit, err);
    if (!rc)
        rc = request_require_unit(r, PERM_PUBLISH_GRANT, unit, err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, grant_fields, &b, err);
    if (rc)
        return rc;
    rc = publish_grants_add(r->db, &r->actor, r->ids[0], json_int_or(b, "user_id", 0), err);
    json_decref(b);
    json_t *o;
    if (!rc)
        rc = publish_grants_list(r->db, r->ids[0], &o, err);
    return rc ? rc : reply_json(r, 201, o);
}

static int h_publishers_remove(gm_request *r, gm_err *err)
{
    if (json_body_none(r->body, r->body_len, err))
        return err->code;
    long long unit;
    int rc = account_unit(r, r->ids[0], &unit, err);
    if (!rc)
        rc = request_require_unit(r, PERM_PUBLISH_GRANT, unit, err);
    if (!rc)
        rc = publish_grants_remove(r->db, &r->actor, r->ids[0], r->ids[1], err);
    return rc ? rc : h_publishers_list(r, err);
}

const gm_route gm_routes_posts[] = {
    {"GET", "/api/v1/posts", PERM_POST_READ, h_posts_list, 0,
     "稿件列表与存档检索(state、account_id、unit_id、author、reviewer、from、to、q 全文、awaiting=me、overdue)", list_query},
    {"POST", "/api/v1/posts", PERM_POST_WRITE, h_post_create, 0, "起草稿件(含更正稿 corrects)"},
    {"GET", "/api/v1/posts/{id}", PERM_POST_READ, h_post_get, 0, "稿件详情(版本、检查结果、发布记录)"},
    {"PUT", "/api/v1/posts/{id}", PERM_POST_WRITE, h_post_edit, 0, "修改草稿或被退回的稿件(新版本)"},
    {"DELETE", "/api/v1/posts/{id}", PERM_POST_WRITE, h_post_delete, 0, "撤回草稿(已发布的不可删除)"},
    {"POST", "/api/v1/posts/{id}/submit", PERM_POST_WRITE, h_post_submit, 0, "合规检查并提交审核"},
    {"POST", "/api/v1/posts/{id}/approve", PERM_POST_REVIEW, h_post_approve, 0,
     "本级审核通过(终审须确认保密审查)"},
    {"POST", "/api/v1/posts/{id}/reject", PERM_POST_REVIEW, h_post_reject, 0, "退回作者(须填原因)"},
    {"POST", "/api/v1/posts/{id}/preview", PERM_POST_PUBLISH, h_post_preview, 0,
     "登记预览/测试发送(微信群发前必需)"},
    {"POST", "/api/v1/posts/{id}/publish", PERM_POST_PUBLISH, h_post_publish, 0,
     "发布或定时发布到一个账号(授权发布)"},
    {"POST", "/api/v1/posts/{id}/schedules/{id}/cancel", PERM_POST_PUBLISH, h_schedule_cancel, 0,
     "取消尚未到时的定时发布(须填原因)"},
    {"GET", "/api/v1/posts/{id}/history", PERM_POST_READ, h_post_history, 0, "稿件全过程记录"},
    {"GET", "/api/v1/units/{id}/review-policy", PERM_POST_READ, h_policy_get, 0,
     "单位的审核策略及预设"},
    {"PUT", "/api/v1/units/{id}/review-policy", PERM_POLICY_ADMIN, h_policy_put, 0,
     "设置单位的审核策略"},
    {"GET", "/api/v1/accounts/{id}/publishers", PERM_ACCOUNT_READ, h_publishers_list, 0,
     "账号的授权发布人员"},
    {"POST", "/api/v1/accounts/{id}/publishers", PERM_PUBLISH_GRANT, h_publishers_add, 0,
     "授权运维人员在该账号发布"},
    {"DELETE", "/api/v1/accounts/{id}/publishers/{id}", PERM_PUBLISH_GRANT, h_publishers_remove, 0,
     "取消发布授权"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
