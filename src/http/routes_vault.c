/*
 * routes_vault.c - the credential vault (凭据保管) over HTTP: the holding
 * office (the supervisor: account.review on the account's unit) stores an
 * account's platform login, delegates it to a named user until a time (for a
 * live event) and reads who revealed it; a user reveals it only as the
 * holding office or under a delegation in force, and every reveal is logged.
 * An operator of the account asks for a delegation; the office approves or
 * rejects it (store/vault_requests.h).  Rows and sealing in store/vault.c.
 */
#include "http/account_access.h"
#include "http/json_in.h"
#include "http/route.h"
#include "store/vault.h"
#include "store/vault_requests.h"
#include "util/clock.h"

/* The account's vault status (no secret) with its delegation requests. */
static int reply_status(gm_request *r, int status, gm_err *err)
{
    char now[GM_ISO_LEN];
    json_t *o = NULL, *req = NULL;
    clock_iso_from_now(now, 0);
    int rc = vault_status(r->db, r->ids[0], now, &o, err);
    if (!rc)
        rc = vault_requests_list(r->db, r->ids[0], &req, err);
    if (rc) {
        json_decref(o);
        return rc;
    }
    json_object_set_new(o, "requests", req);
    return reply_json(r, status, o);
}

static int h_status(gm_request *r, gm_err *err)
{
    int rc = request_require_account(r, PERM_ACCOUNT_READ, r->ids[0], err);
    return rc ? rc : reply_status(r, 200, err);
}

static const json_field store_fields[] = {
    {"login", JF_STRING, true, 200}, {"password", JF_STRING, true, 500},
    {"note", JF_TEXT, false, 1000}, {NULL, 0, 0, 0}};

static int h_store(gm_request *r, gm_err *err)
{
    json_t *b = NULL;
    int rc = request_require_account(r, PERM_ACCOUNT_REVIEW, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, store_fields, &b, err);
    if (!rc)
        rc = vault_store(r->db, &r->actor, r->ids[0], json_str(b, "login"), json_str(b, "password"),
                         json_str(b, "note"), err);
    json_decref(b);
    return rc ? rc : h_status(r, err);
}

static const json_field reveal_fields[] = {{"reason", JF_STRING, true, 200}, {NULL, 0, 0, 0}};

static int h_reveal(gm_request *r, gm_err *err)
{
    json_t *b = NULL, *o = NULL;
    char now[GM_ISO_LEN];
    gm_err ignored;
    clock_iso_from_now(now, 0);
    int rc = request_require_account(r, PERM_ACCOUNT_READ, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, reveal_fields, &b, err);
    /* the holding office: account.review on the account's unit */
    int holder = !rc && request_require_account(r, PERM_ACCOUNT_REVIEW, r->ids[0], &ignored) == GM_OK;
    if (!rc)
        rc = vault_reveal(r->db, &r->actor, r->ids[0], holder, json_str(b, "reason"), now, &o, err);
    json_decref(b);
    return rc ? rc : reply_json(r, 200, o);
}

static const json_field grant_fields[] = {
    {"user_id", JF_INT, true, 0}, {"expires_at", JF_STRING, true, 40}, {"reason", JF_TEXT, true, 500},
    {NULL, 0, 0, 0}};

static int h_grant(gm_request *r, gm_err *err)
{
    json_t *b = NULL;
    long long id = 0;
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = request_require_account(r, PERM_ACCOUNT_REVIEW, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, grant_fields, &b, err);
    if (!rc)
        rc = vault_grant(r->db, &r->actor, r->ids[0], json_int_or(b, "user_id", 0),
                         json_str(b, "expires_at"), json_str(b, "reason"), now, &id, err);
    json_decref(b);
    return rc ? rc : h_status(r, err);
}

static int h_revoke(gm_request *r, gm_err *err)
{
    if (json_body_none(r->body, r->body_len, err))
        return err->code;
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = request_require_account(r, PERM_ACCOUNT_REVIEW, r->ids[0], err);
    if (!rc)
        rc = vault_revoke(r->db, &r->actor, r->ids[0], r->ids[1], now, err);
    return rc ? rc : h_status(r, err);
}

static const json_field ask_fields[] = {
    {"expires_at", JF_STRING, true, 40}, {"reason", JF_TEXT, true, 500}, {NULL, 0, 0, 0}};

/* An operator of the account asks the holding office for its login. */
static int h_ask(gm_request *r, gm_err *err)
{
    json_t *b = NULL;
    long long id = 0;
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = request_require_account(r, PERM_ACCOUNT_OPERATE, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, ask_fields, &b, err);
    if (!rc)
        rc = vault_request(r->db, &r->actor, r->ids[0], json_str(b, "expires_at"),
                           json_str(b, "reason"), now, &id, err);
    json_decref(b);
    return rc ? rc : reply_status(r, 201, err);
}

static const json_field decide_fields[] = {{"reason", JF_TEXT, false, 500}, {NULL, 0, 0, 0}};

static int decide(gm_request *r, int approve, gm_err *err)
{
    json_t *b = NULL;
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = request_require_account(r, PERM_ACCOUNT_REVIEW, r->ids[0], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, decide_fields, &b, err);
    if (!rc)
        rc = vault_request_decide(r->db, &r->actor, r->ids[0], r->ids[1], approve,
                                  json_str(b, "reason"), now, err);
    json_decref(b);
    return rc ? rc : reply_status(r, 200, err);
}

static int h_approve(gm_request *r, gm_err *err)
{
    return decide(r, 1, err);
}

static int h_reject(gm_request *r, gm_err *err)
{
    return decide(r, 0, err);
}

static int h_access(gm_request *r, gm_err *err)
{
    json_t *rows = NULL;
    int rc = request_require_account(r, PERM_ACCOUNT_REVIEW, r->ids[0], err);
    if (!rc)
        rc = vault_access_log(r->db, r->ids[0], &rows, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:o}", "access", rows));
}

const gm_route gm_routes_vault[] = {
    {"GET", "/api/v1/accounts/{id}/credential", PERM_ACCOUNT_READ, h_status, 0,
     "账号登录凭据的保管情况与有效授权(不含密码)"},
    {"PUT", "/api/v1/accounts/{id}/credential", PERM_ACCOUNT_REVIEW, h_store, 4096,
     "保管账号的平台登录凭据(加密保存,归口管理部门)"},
    {"POST", "/api/v1/accounts/{id}/credential/reveal", PERM_ACCOUNT_READ, h_reveal, 4096,
     "查看登录凭据(归口管理部门或有效授权人,每次记入访问日志)"},
    {"POST", "/api/v1/accounts/{id}/credential/grants", PERM_ACCOUNT_REVIEW, h_grant, 4096,
     "授权某人在截止时间前使用账号登录凭据(如直播活动)"},
    {"DELETE", "/api/v1/accounts/{id}/credential/grants/{id}", PERM_ACCOUNT_REVIEW, h_revoke, 0,
     "提前收回登录授权"},
    {"GET", "/api/v1/accounts/{id}/credential/access", PERM_ACCOUNT_REVIEW, h_access, 0,
     "登录凭据的访问日志"},
    {"POST", "/api/v1/accounts/{id}/credential/requests", PERM_ACCOUNT_OPERATE, h_ask, 4096,
     "申请在截止时间前使用账号登录凭据(账号运维人员,归口管理部门批准)"},
    {"POST", "/api/v1/accounts/{id}/credential/requests/{id}/approve", PERM_ACCOUNT_REVIEW,
     h_approve, 4096, "批准登录授权申请(即授权至申请的截止时间)"},
    {"POST", "/api/v1/accounts/{id}/credential/requests/{id}/reject", PERM_ACCOUNT_REVIEW,
     h_reject, 4096, "驳回登录授权申请(须填写理由)"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
