/*
 * sessions.c - creating, finding and ending sessions (see sessions.h).
 */
#include "store/sessions.h"
#include "store/audit.h"
#include "store/login_guard.h"
#include "util/clock.h"

#include <stdio.h>

int sessions_create(db *d, const gm_actor *who, const char *token_hash, const char *csrf,
                    const char *expires_at, gm_err *err)
{
    char now[GM_ISO_LEN], oid[24];
    clock_iso_from_now(now, 0);
    snprintf(oid, sizeof oid, "%lld", who->user_id);
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_exec(d, err, "DELETE FROM sessions WHERE expires_at < ?", "t", now);
    if (!rc)
        rc = db_exec(d, err, "UPDATE users SET failed_logins=0, locked_until=NULL WHERE id=?", "i",
                     who->user_id);
    if (!rc)
        rc = login_guard_clear(d, who->login, who->client_addr, err);
    if (!rc)
        rc = db_exec(d, err, "INSERT INTO sessions(token_hash,user_id,csrf,created_at,expires_at,"
                             "client_addr) VALUES(?,?,?,?,?,?)",
                     "titttt", token_hash, who->user_id, csrf, now, expires_at, who->client_addr);
    if (!rc)
        rc = audit_append(d, who, "session.login", "user", oid, "", "", err);
    return db_end(d, rc, err);
}

int sessions_lookup(db *d, const char *token_hash, const char *now, long long *user_id,
                    char csrf[SESSION_TOKEN_HEX], gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT s.user_id, s.csrf FROM sessions s JOIN users u ON u.id=s.user_id "
                      "WHERE s.token_hash=? AND s.expires_at > ? AND u.disabled=0", "tt",
                      token_hash, now);
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 1) {
        *user_id = db_int(q, 0);
        snprintf(csrf, SESSION_TOKEN_HEX, "%s", db_text(q, 1));
        rc = GM_OK;
    } else if (rc == 0) {
        rc = gm_fail(err, GM_E_AUTH, NULL, "未登录或会话已过期");
    }
    db_done(q);
    return rc;
}

int sessions_delete(db *d, const gm_actor *who, const char *token_hash, gm_err *err)
{
    char oid[24];
    snprintf(oid, sizeof oid, "%lld", who->user_id);
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_exec(d, err, "DELETE FROM sessions WHERE token_hash=?", "t", token_hash);
    if (!rc)
        rc = audit_append(d, who, "session.logout", "user", oid, "", "", err);
    return db_end(d, rc, err);
}
