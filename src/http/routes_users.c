/*
 * routes_users.c - people and their roles over HTTP.
 *
 * An admin manages users only within their reach: every grant given must
 * be on a unit the admin's own grant covers, and a user is changed only
 * when all of that user's grants lie within it.  Nobody grants, revokes,
 * disables or enables themselves.
 */
#include "http/json_in.h"
#include "http/route.h"
#include "store/user_access.h"
#include "store/users.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int h_users_list(gm_request *r, gm_err *err)
{
    json_t *arr;
    int rc = users_list(r->db, &r->actor, &arr, err);
    if (rc)
        return rc;
    return reply_json(r, 200, json_pack("{s:o}", "users", arr));
}

static const json_field user_fields[] = {
    {"login", JF_STRING, true, 32}, {"display_name", JF_STRING, true, 60},
    {"password", JF_STRING, true, 128}, {"roles", JF_ARRAY, true, 0}, {NULL, 0, 0, 0}};

static const json_field grant_fields[] = {
    {"role", JF_STRING, true, 32}, {"unit_id", JF_INT, true, 0}, {NULL, 0, 0, 0}};

/* Validates one {"role","unit_id"} element and the admin's reach over it. */
static int read_grant(gm_request *r, json_t *el, user_grant *g, gm_err *err)
{
    char *s = json_dumps(el, JSON_COMPACT | JSON_ENCODE_ANY);
    json_t *obj = NULL;
    int rc = s ? json_body_parse(s, strlen(s), grant_fields, &obj, err)
               : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    free(s);
    if (rc) {
        snprintf(err->field, sizeof err->field, "roles");
        return rc;
    }
    g->role = json_string_value(json_object_get(el, "role"));
    g->unit_id = json_int_or(obj, "unit_id", 0);
    json_decref(obj);
    if (role_from_name(g->role) < 0)
        return gm_fail(err, GM_E_INVALID, "roles", "角色 %s 无效", g->role);
    rc = request_require_unit(r, PERM_USER_WRITE, g->unit_id, err);
    return rc == GM_E_NOTFOUND ? gm_fail(err, GM_E_INVALID, "roles", "单位 %lld 不存在", g->unit_id)
                               : rc;
}

static int h_users_add(gm_request *r, gm_err *err)
{
    json_t *b;
    int rc = json_body_parse(r->body, r->body_len, user_fields, &b, err);
    if (rc)
        return rc;
    json_t *roles = json_object_get(b, "roles");
    size_t n = json_array_size(roles);
    user_grant grants[GM_MAX_GRANTS];
    if (n == 0 || n > GM_MAX_GRANTS)
        rc = gm_fail(err, GM_E_INVALID, "roles", "角色应有 1 到 %d 个", GM_MAX_GRANTS);
    for (size_t i = 0; !rc && i < n; i++)
        rc = read_grant(r, json_array_get(roles, i), &grants[i], err);
    char hash[GM_PW_HASH_MAX];
    if (!rc)
        rc = password_check_policy(json_str(b, "password"), err);
    if (!rc)
        rc = password_hash(json_str(b, "password"), hash, err);
    long long id = 0;
    if (!rc)
        rc = users_add(r->db, &r->actor, json_str(b, "login"), json_str(b, "display_name"), hash,
                       grants, n, &id, err);
    json_decref(b);
    return rc ? rc : reply_json(r, 201, json_pack("{s:I}", "id", (json_int_t)id));
}


/* An admin may act on a user only when every grant of that user lies
 * within the admin's reach. */
static int require_reach_over_user(gm_request *r, long long user_id, gm_err *err)
{
    gm_actor target = {0};
    int rc = users_load_grants(r->db, user_id, &target, err);
    if (!rc && target.n_grants == 0)   /* a user without grants is the whole system's */
        rc = request_require_system(r, PERM_USER_WRITE, err);
    for (size_t i = 0; !rc && i < target.n_grants; i++)
        rc = request_require_unit(r, PERM_USER_WRITE, target.grant_units[i], err);
    return rc;
}

/* Nobody grants or revokes their own roles: separation of duties. */
static int refuse_self(gm_request *r, gm_err *err)
{
    if (r->ids[0] == r->actor.user_id)
        return gm_fail(err, GM_E_DENIED, "roles", "不能给自己授予或撤销角色,请由另一位管理员操作");
    return GM_OK;
}

/* The checks every change of another user's access shares: the target
 * exists, is not the caller, and lies wholly within the caller's reach. */
static int require_other_user_in_reach(gm_request *r, gm_err *err)
{
    gm_user u;
    int rc = refuse_self(r, err);
    if (!rc)
        rc = users_get(r->db, r->ids[0], &u, err);
    return rc ? rc : require_reach_over_user(r, u.id, err);
}

/* Grant (POST …/roles) and revoke (POST …/roles/revoke): one role on one unit. */
static int h_users_role(gm_request *r, gm_err *err)
{
    int revoke = strcmp(strrchr(r->path, '/') + 1, "revoke") == 0;
    json_t *b;
    int rc = require_other_user_in_reach(r, err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, grant_fields, &b, err);
    if (rc)
        return rc;
    user_grant g;
    rc = read_grant(r, b, &g, err);
    if (!rc)
        rc = revoke ? users_revoke(r->db, &r->actor, r->ids[0], g.unit_id, g.role, err)
                    : users_grant(r->db, &r->actor, r->ids[0], g.unit_id, g.role, err);
    json_decref(b);
    return rc ? rc : reply_json(r, revoke ? 200 : 201, json_pack("{s:b}", "ok", 1));
}

static int h_users_disable(gm_request *r, gm_err *err)
{
    if (json_body_none(r->body, r->body_len, err))
        return err->code;
    int disable = strcmp(strrchr(r->path, '/') + 1, "disable") == 0;
    int rc = r->ids[0] == r->actor.user_id
                 ? gm_fail(err, GM_E_DENIED, "id", "不能停用或启用自己")
                 : require_other_user_in_reach(r, err);
    if (!rc)
        rc = users_set_disabled(r->db, &r->actor, r->ids[0], disable, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:b}", "disabled", disable));
}

static int h_users_end_sessions(gm_request *r, gm_err *err)
{
    if (json_body_none(r->body, r->body_len, err))
        return err->code;
    long long ended = 0;
    int rc = require_reach_over_user(r, r->ids[0], err);
    if (!rc)
        rc = users_end_sessions(r->db, &r->actor, r->ids[0], &ended, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:I}", "sessions_ended", (json_int_t)ended));
}

static const json_field passwd_fields[] = {{"password", JF_STRING, true, 128}, {NULL, 0, 0, 0}};

static int h_users_passwd(gm_request *r, gm_err *err)
{
    json_t *b = NULL;
    int rc = json_body_parse(r->body, r->body_len, passwd_fields, &b, err);
    gm_user u;
    if (!rc)
        rc = users_get(r->db, r->ids[0], &u, err);
    if (!rc)
        rc = require_reach_over_user(r, u.id, err);
    char hash[GM_PW_HASH_MAX];
    if (!rc)
        rc = password_check_policy(json_str(b, "password"), err);
    if (!rc)
        rc = password_hash(json_str(b, "password"), hash, err);
    if (!rc)
        rc = users_set_password(r->db, &r->actor, u.id, hash, err);
    json_decref(b);
    return rc ? rc : reply_json(r, 200, json_pack("{s:b}", "ok", 1));
}

const gm_route gm_routes_users[] = {
    {"GET", "/api/v1/users", PERM_USER_READ, h_users_list, 0, "用户列表"},
    {"POST", "/api/v1/users", PERM_USER_WRITE, h_users_add, 0, "新建用户(含角色)"},
    {"POST", "/api/v1/users/{id}/roles", PERM_USER_WRITE, h_users_role, 0, "授予角色(不能给自己)"},
    {"POST", "/api/v1/users/{id}/roles/revoke", PERM_USER_WRITE, h_users_role, 0,
     "撤销角色(不能撤销自己的;不能撤销最后一个角色)"},
    {"POST", "/api/v1/users/{id}/disable", PERM_USER_WRITE, h_users_disable, 0,
     "停用用户(立即结束其全部会话)"},
    {"POST", "/api/v1/users/{id}/enable", PERM_USER_WRITE, h_users_disable, 0, "启用用户"},
    {"DELETE", "/api/v1/users/{id}/sessions", PERM_USER_WRITE, h_users_end_sessions, 0,
     "结束该用户的全部会话(强制下线)"},
    {"PUT", "/api/v1/users/{id}/password", PERM_USER_WRITE, h_users_passwd, 0,
     "重置密码(结束该用户的全部会话)"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
