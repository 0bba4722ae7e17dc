/*
 * session.c - the session cookie and the login/logout/whoami routes.
 *
 * Login: lockout check -> argon2id verify -> new random 256-bit token
 * (cookie: HttpOnly, SameSite=Strict) and CSRF token (returned in the body,
 * required as X-CSRF-Token on every write).  Wrong passwords count towards
 * a temporary lock; the reply never says whether the login name exists.
 */
#include "http/session.h"
#include "http/json_in.h"
#include "http/route.h"
#include "http/server.h"
#include "store/login_guard.h"
#include "store/sessions.h"
#include "store/users.h"
#include "util/clock.h"

#include <microhttpd.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

static void hash_token(const char *token_hex, char out[SESSION_TOKEN_HEX])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, (const unsigned char *)token_hex, strlen(token_hex));
    sodium_bin2hex(out, SESSION_TOKEN_HEX, digest, sizeof digest);
}

static void random_hex(char out[SESSION_TOKEN_HEX])
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2hex(out, SESSION_TOKEN_HEX, raw, sizeof raw);
}

static void fill_actor_user(gm_actor *a, const gm_user *u)
{
    a->user_id = u->id;
    snprintf(a->login, sizeof a->login, "%s", u->login);
}

int session_load(gm_request *r, gm_err *err)
{
    const char *tok = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, SESSION_COOKIE);
    if (!tok || strlen(tok) != 64)
        return gm_fail(err, GM_E_AUTH, NULL, "未登录或会话已过期");
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    hash_token(tok, r->token_hash);
    int rc = sessions_load_actor(r->db, r->token_hash, now, &r->actor, r->csrf, err);
    if (rc)
        return rc;
    r->logged_in = true;
    return GM_OK;
}

/* The permissions a role carries, by name: the console builds its menu from them. */
static json_t *role_perms_json(gm_role role)
{
    json_t *arr = json_array();
    for (int p = PERM_LOGGED_IN + 1; arr && p < PERM_COUNT; p++)
        if (role_has_perm(role, (gm_perm)p))
            json_array_append_new(arr, json_string(perm_name((gm_perm)p)));
    return arr;
}

static json_t *grants_json(const gm_actor *a)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < a->n_grants; i++)
        json_array_append_new(arr, json_pack("{s:s,s:s,s:I,s:b,s:o}", "role",
                                             role_name(a->grants[i].role), "role_label",
                                             role_label_zh(a->grants[i].role), "unit_id",
                                             (json_int_t)a->grant_units[i], "subtree",
                                             role_reaches_subtree(a->grants[i].role),
                                             "permissions", role_perms_json(a->grants[i].role)));
    return arr;
}

static int locked_error(const char *until_utc, gm_err *err)
{
    char until[GM_CST_LEN];
    clock_iso_to_cst(until_utc, until);
    return gm_fail(err, GM_E_LOCKED, "login",
                   "登录失败次数过多,该登录名在本机地址已锁定至 %s(北京时间)", until);
}

/* A wrong password of an existing user: its audit row (the attempt was
 * already counted by login_guard_reserve). */
static int login_failed(gm_request *r, const gm_user *u, const char *locked_until, gm_err *err)
{
    gm_actor who = r->actor;
    fill_actor_user(&who, u);
    snprintf(who.role, sizeof who.role, "-");
    gm_err store_err;
    int rc = users_record_login_failure(r->db, &who, u, locked_until, &store_err);
    if (rc)
        return gm_fail(err, rc, NULL, "%s", store_err.message);
    return gm_fail(err, GM_E_AUTH, "password", "登录名或密码错误");
}

static const json_field login_fields[] = {
    {"login", JF_STRING, true, 64}, {"password", JF_STRING, true, 128}, {NULL, 0, 0, 0}};

static int start_session(gm_request *r, const gm_user *u, gm_err *err)
{
    char token[SESSION_TOKEN_HEX], csrf[SESSION_TOKEN_HEX], expires[GM_ISO_LEN];
    random_hex(token);
    random_hex(csrf);
    hash_token(token, r->token_hash);
    clock_iso_from_now(expires, r->srv->cfg.session_seconds);
    fill_actor_user(&r->actor, u);
    int rc = users_load_grants(r->db, u->id, &r->actor, err);
    snprintf(r->actor.role, sizeof r->actor.role, "-");
    if (!rc)
        rc = sessions_create(r->db, &r->actor, r->token_hash, csrf, expires, err);
    if (rc)
        return rc;
    snprintf(r->set_cookie, sizeof r->set_cookie,
             SESSION_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%ld%s", token,
             r->srv->cfg.session_seconds, r->srv->cfg.cookie_secure ? "; Secure" : "");
    sodium_memzero(token, sizeof token);
    return reply_json(r, 201, json_pack("{s:{s:I,s:s,s:s,s:o},s:s,s:s}", "user", "id",
                                        (json_int_t)u->id, "login", u->login, "display_name",
                                        u->display_name, "roles", grants_json(&r->actor),
                                        "csrf_token", csrf, "expires_at", expires));
}

/* The password check of one reserved attempt.  Unknown logins cost the
 * same argon2id work and get the same answer as wrong passwords; a
 * disabled user learns it only with the right password. */
static int check_password(gm_request *r, const char *login, const char *password,
                          const char *lock_if_wrong, gm_err *err)
{
    gm_user u;
    int rc = users_find_by_login(r->db, login, &u, err);
    if (rc == GM_E_NOTFOUND) {
        password_verify(r->srv->dummy_hash, password);
        return gm_fail(err, GM_E_AUTH, "password", "登录名或密码错误");
    }
    if (rc)
        return rc;
    if (!password_verify(u.pw_hash, password))
        return login_failed(r, &u, lock_if_wrong, err);
    if (u.disabled)
        return gm_fail(err, GM_E_AUTH, "login", "该用户已停用,请联系系统管理员");
    return start_session(r, &u, err);
}

/* Order: per-address brake -> one attempt counted atomically for (login,
 * address) -> password -> session.  See login_limit.h, login_guard.h. */
static int h_login(gm_request *r, gm_err *err)
{
    json_t *body;
    int rc = json_body_parse(r->body, r->body_len, login_fields, &body, err);
    if (rc)
        return rc;
    const char *login = json_str(body, "login"), *addr = r->actor.client_addr;
    const gm_server_config *cfg = &r->srv->cfg;
    char until[GM_ISO_LEN] = "";
    rc = login_limit_enter(&r->srv->logins, addr, err);
    if (rc) {
        json_decref(body);
        return rc;
    }
    rc = login_guard_reserve(r->db, login, addr, cfg->max_failed_logins, cfg->lock_seconds, until,
                             err);
    if (rc == GM_E_LOCKED)
        rc = locked_error(until, err);
    else if (!rc)   /* until: set when this attempt reached the limit */
        rc = check_password(r, login, json_str(body, "password"), until[0] ? until : NULL, err);
    login_limit_leave(&r->srv->logins, addr, rc != GM_OK);
    json_decref(body);
    return rc;
}

static int h_logout(gm_request *r, gm_err *err)
{
    snprintf(r->actor.role, sizeof r->actor.role, "-");
    int rc = sessions_delete(r->db, &r->actor, r->token_hash, err);
    if (rc)
        return rc;
    snprintf(r->set_cookie, sizeof r->set_cookie,
             SESSION_COOKIE "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s",
             r->srv->cfg.cookie_secure ? "; Secure" : "");
    return reply_json(r, 200, json_pack("{s:b}", "ok", 1));
}

static int h_whoami(gm_request *r, gm_err *err)
{
    gm_user u;
    int rc = users_get(r->db, r->actor.user_id, &u, err);
    if (rc)
        return rc;
    return reply_json(r, 200, json_pack("{s:{s:I,s:s,s:s,s:o},s:s}", "user", "id", (json_int_t)u.id,
                                        "login", u.login, "display_name", u.display_name, "roles",
                                        grants_json(&r->actor), "csrf_token", r->csrf));
}

const gm_route gm_routes_session[] = {
    {"POST", "/api/v1/session", PERM_PUBLIC, h_login, 0, "登录"},
    {"GET", "/api/v1/session", PERM_LOGGED_IN, h_whoami, 0, "当前用户与角色"},
    {"DELETE", "/api/v1/session", PERM_LOGGED_IN, h_logout, 0, "退出登录"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
