/*
 * vault.c - the credential vault's rows: sealed credentials, delegations and
 * the reveal log (see vault.h).  One transaction per action with its audit
 * row; secrets are sealed before they reach SQL and never audited.
 */
#include "store/vault.h"
#include "store/actor_name.h"
#include "store/audit.h"
#include "store/db_rows.h"
#include "store/users.h"
#include "store/vault_crypto.h"
#include "util/clock.h"
#include "util/iso_time.h"
#include "util/text.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#define VAULT_GRANT_MAX_SECONDS (30L * 24 * 3600)

static int check_entry(const char *login, const char *password, const char *note, gm_err *err)
{
    int rc = text_require(login ? login : "", "login", 1, 200, err);
    if (!rc)
        rc = text_require(password ? password : "", "password", 1, 500, err);
    if (!rc && note)
        rc = text_require_multiline(note, "note", 0, 1000, err);
    return rc;
}

static int write_sealed(db *d, const gm_actor *who, long long account_id, const char *nonce,
                        const char *sealed, gm_err *err)
{
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = db_exec(d, err, "DELETE FROM credentials WHERE account_id=?", "i", account_id);
    if (!rc)
        rc = db_exec(d, err,
                     "INSERT INTO credentials(account_id,nonce,sealed,updated_at,updated_by) "
                     "VALUES(?,?,?,?,?)", "itttt", account_id, nonce, sealed, now, who->login);
    if (!rc)
        rc = audit_append_json(d, who, "credential.set", "account", account_id, NULL,
                               json_pack("{s:b}", "stored", 1), err);
    return rc;
}

int vault_store(db *d, const gm_actor *who, long long account_id, const char *login,
                const char *password, const char *note, gm_err *err)
{
    unsigned char key[GM_VAULT_KEY_BYTES];
    char *nonce = NULL, *sealed = NULL, *text = NULL;
    int rc = check_entry(login, password, note, err);
    if (!rc)
        rc = vault_key_load(key, err);
    if (rc)
        return rc;
    json_t *j = json_pack("{s:s,s:s,s:s}", "login", login, "password", password, "note",
                          note ? note : "");
    text = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    rc = text ? vault_seal(key, text, &nonce, &sealed, err) : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (text) {
        sodium_memzero(text, strlen(text));
        free(text);
    }
    sodium_memzero(key, sizeof key);
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, write_sealed(d, who, account_id, nonce, sealed, err), err);
    free(nonce);
    free(sealed);
    return rc;
}

static json_t *grant_row(db_stmt *q)
{
    return json_pack("{s:I,s:I,s:s,s:o,s:s,s:s,s:s,s:o}", "id", (json_int_t)db_int(q, 0), "user_id",
                     (json_int_t)db_int(q, 1), "user_login", db_text(q, 2), "user_name",
                     actor_name_json(q, 3), "reason", db_text(q, 4), "expires_at", db_text(q, 5),
                     "granted_by", db_text(q, 6), "granted_by_name", actor_name_json(q, 7));
}

int vault_status(db *d, long long account_id, const char *now, json_t **out, gm_err *err)
{
    db_stmt *q;
    json_t *grants = NULL;
    int rc = db_query(d, &q, err,
                      "SELECT updated_at, updated_by, " ACTOR_NAME_SQL("updated_by")
                      " FROM credentials WHERE account_id=?", "i", account_id);
    if (rc)
        return rc;
    int stored = (rc = db_next(q)) == 1;
    json_t *o = stored ? json_pack("{s:b,s:s,s:s,s:o}", "stored", 1, "updated_at", db_text(q, 0),
                                   "updated_by", db_text(q, 1), "updated_by_name", actor_name_json(q, 2))
                       : json_pack("{s:b,s:n,s:n,s:n}", "stored", 0, "updated_at", "updated_by",
                                   "updated_by_name");
    db_done(q);
    if (rc < 0) {
        json_decref(o);
        return rc;
    }
    rc = db_rows_json(d, &grants, grant_row, err,
                      "SELECT g.id, g.user_id, u.login, u.display_name, g.reason, g.expires_at, "
                      "g.granted_by, " ACTOR_NAME_SQL("g.granted_by") " FROM credential_grants g "
                      "JOIN users u ON u.id=g.user_id WHERE g.account_id=? AND g.expires_at>? "
                      "ORDER BY g.expires_at", "it", account_id, now);
    if (rc) {
        json_decref(o);
        return rc;
    }
    json_object_set_new(o, "grants", grants);
    *out = o;
    return GM_OK;
}

/* The id of a delegation to who in force at now, or 0. */
static int grant_in_force(db *d, const gm_actor *who, long long account_id, const char *now,
                          long long *grant_id, gm_err *err)
{
    *grant_id = 0;
    int rc = db_query_int(d, grant_id, err,
                          "SELECT id FROM credential_grants WHERE account_id=? AND user_id=? "
                          "AND expires_at>? ORDER BY expires_at DESC LIMIT 1", "iit", account_id,
                          who->user_id, now);
    return rc == GM_E_NOTFOUND ? GM_OK : rc;
}

static int log_reveal(db *d, const gm_actor *who, long long account_id, const char *purpose,
                      long long grant_id, const char *now, gm_err *err)
{
    int rc = db_exec(d, err,
                     "INSERT INTO credential_access(account_id,user_id,login,at,client_addr,purpose,"
                     "grant_id) VALUES(?,?,?,?,?,?,?)", "nnttttn", account_id, who->user_id,
                     who->login, now, who->client_addr, purpose, grant_id);
    if (!rc)
        rc = audit_append_json(d, who, "credential.reveal", "account", account_id, NULL,
                               json_pack("{s:s,s:o}", "reason", purpose, "grant_id",
                                         grant_id ? json_integer(grant_id) : json_null()),
                               err);
    return rc;
}

static int open_sealed(db *d, long long account_id, char **text, gm_err *err)
{
    db_stmt *q;
    unsigned char key[GM_VAULT_KEY_BYTES];
    int rc = vault_key_load(key, err);
    if (!rc)
        rc = db_query(d, &q, err, "SELECT nonce, sealed FROM credentials WHERE account_id=?", "i",
                      account_id);
    if (rc)
        return rc;
    if ((rc = db_next(q)) == 1)
        rc = vault_open(key, db_text(q, 0), db_text(q, 1), text, err);
    else if (rc == 0)
        rc = gm_fail(err, GM_E_NOTFOUND, "account_id", "该账号还没有保管的登录凭据");
    db_done(q);
    sodium_memzero(key, sizeof key);
    return rc;
}

int vault_reveal(db *d, const gm_actor *who, long long account_id, int holder,
                 const char *purpose, const char *now, json_t **out, gm_err *err)
{
    long long grant_id = 0;
    char *text = NULL;
    int rc = text_require(purpose ? purpose : "", "reason", 2, 200, err);
    if (!rc && !holder && !(rc = grant_in_force(d, who, account_id, now, &grant_id, err)) && !grant_id)
        rc = gm_fail(err, GM_E_DENIED, NULL, "没有该账号在有效期内的登录授权,不能查看凭据");
    if (!rc)
        rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = open_sealed(d, account_id, &text, err);
    if (!rc)
        rc = log_reveal(d, who, account_id, purpose, grant_id, now, err);
    rc = db_end(d, rc, err);
    if (!rc)
        *out = json_loads(text, 0, NULL);
    if (text) {
        sodium_memzero(text, strlen(text));
        free(text);
    }
    return rc ? rc : *out ? GM_OK : gm_fail(err, GM_E_INTERNAL, NULL, "保管的凭据已损坏");
}

int vault_grant_check(db *d, long long user_id, const char *expires_at, const char *reason,
                      const char *now, char until_utc[GM_ISO_LEN], gm_err *err)
{
    time_t t_until, t_now;
    gm_user u;
    int rc = users_get(d, user_id, &u, err);
    if (rc == GM_E_NOTFOUND)
        return gm_fail(err, GM_E_INVALID, "user_id", "用户 %lld 不存在", user_id);
    if (!rc && u.disabled)
        rc = gm_fail(err, GM_E_INVALID, "user_id", "用户“%s”已停用", u.display_name);
    if (!rc)
        rc = iso_time_parse(expires_at ? expires_at : "", "expires_at", &t_until, err);
    if (!rc)
        rc = iso_time_parse(now, "expires_at", &t_now, err);
    if (!rc && (t_until <= t_now || t_until - t_now > VAULT_GRANT_MAX_SECONDS))
        rc = gm_fail(err, GM_E_INVALID, "expires_at", "授权截止时间应在现在之后、30 天之内");
    if (!rc)
        rc = text_require(reason ? reason : "", "reason", 2, 500, err);
    if (!rc)
        rc = iso_time_normalize(expires_at, "expires_at", until_utc, err);
    return rc;
}

int vault_grant_in_tx(db *d, const gm_actor *who, long long account_id, long long user_id,
                      const char *until_utc, const char *reason, const char *now, long long *id_out,
                      gm_err *err)
{
    int rc = db_query_int(d, id_out, err,
                          "INSERT INTO credential_grants(account_id,user_id,reason,expires_at,granted_by,"
                          "granted_at) VALUES(?,?,?,?,?,?) RETURNING id", "iitttt", account_id, user_id,
                          reason, until_utc, who->login, now);
    if (!rc)
        rc = audit_append_json(d, who, "credential.grant", "account", account_id, NULL,
                               json_pack("{s:I,s:I,s:s,s:s}", "grant_id", (json_int_t)*id_out,
                                         "user_id", (json_int_t)user_id, "expires_at", until_utc,
                                         "reason", reason), err);
    return rc;
}

int vault_grant(db *d, const gm_actor *who, long long account_id, long long user_id,
                const char *expires_at, const char *reason, const char *now, long long *id_out,
                gm_err *err)
{
    char until_utc[GM_ISO_LEN];
    int rc = vault_grant_check(d, user_id, expires_at, reason, now, until_utc, err);
    if (!rc)
        rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = vault_grant_in_tx(d, who, account_id, user_id, until_utc, reason, now, id_out, err);
    return db_end(d, rc, err);
}

int vault_revoke(db *d, const gm_actor *who, long long account_id, long long grant_id,
                 const char *now, gm_err *err)
{
    int rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = db_exec(d, err, "UPDATE credential_grants SET expires_at=? WHERE id=? AND account_id=? AND expires_at>?",
                 "tiit", now, grant_id, account_id, now);
    if (!rc && db_changes(d) == 0)
        rc = gm_fail(err, GM_E_NOTFOUND, "grant_id", "没有有效的授权 %lld", grant_id);
    if (!rc)
        rc = audit_append_json(d, who, "credential.revoke", "account", account_id, NULL,
                               json_pack("{s:I}", "grant_id", (json_int_t)grant_id), err);
    return db_end(d, rc, err);
}

static json_t *access_row(db_stmt *q)
{
    return json_pack("{s:I,s:s,s:o,s:s,s:s,s:s,s:o}", "id", (json_int_t)db_int(q, 0), "login",
                     db_text(q, 1), "actor_name", actor_name_json(q, 2), "at", db_text(q, 3),
                     "client_addr", db_text(q, 4), "reason", db_text(q, 5), "grant_id",
                     db_is_null(q, 6) ? json_null() : json_integer(db_int(q, 6)));
}

int vault_access_log(db *d, long long account_id, json_t **out, gm_err *err)
{
    return db_rows_json(d, out, access_row, err,
                        "SELECT id, login, " ACTOR_NAME_SQL("credential_access.login")
                        ", at, client_addr, purpose, grant_id FROM credential_access "
                        "WHERE account_id=? ORDER BY id DESC", "i", account_id);
}
