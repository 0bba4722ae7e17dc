/*
 * sessions.c - creating, finding and ending sessions (see sessions.h).
 */
#include "store/sessions.h"
#include "store/audit.h"
#include "store/login_guard.h"
#include "store/session_memo.h"
#include "util/clock.h"

#include <stdbool.h>
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

/* Fills the actor's user and grants from one row of the lookup below. */
static void actor_from_row(db_stmt *q, gm_actor *a, char csrf[SESSION_TOKEN_HEX])
{
    if (!a->user_id) {
        a->user_id = db_int(q, 1);
        snprintf(a->login, sizeof a->login, "%s", db_text(q, 2));
        snprintf(csrf, SESSION_TOKEN_HEX, "%s", db_text(q, 0));
    }
    if (db_is_null(q, 3) || a->n_grants >= GM_MAX_GRANTS)
        return;
    gm_grant *g = &a->grants[a->n_grants];
    g->role = (gm_role)role_from_name(db_text(q, 3));
    snprintf(g->unit_path, sizeof g->unit_path, "%s", db_text(q, 4));
    a->grant_units[a->n_grants++] = db_int(q, 5);
}

/* The security generation (migration 046) in the current snapshot. */
static int security_generation(db *d, long long *out, gm_err *err)
{
    return db_query_int(d, out, err, "SELECT value FROM security_generation WHERE id=1", "");
}

/* The kept lookup for token_hash if still current (session_memo.h); when
 * is filled with what a fresh lookup would be read under.  Inside a write
 * transaction nothing is used or kept (when->generation stays -1). */
static int memo_lookup(db *d, const char *token_hash, const char *now, session_memo_when *when,
                       gm_actor *a, char csrf[SESSION_TOKEN_HEX], bool *hit, gm_err *err)
{
    *hit = false;
    when->generation = -1;
    if (db_in_write_transaction(d))
        return GM_OK;
    /* Read before the lookup, in its snapshot, so that what the lookup
     * reads is what they stand for; the generation's row starts the
     * snapshot, so the stamp then costs no statement. */
    long long generation;
    int rc = security_generation(d, &generation, err);
    if (!rc)
        rc = db_stamp_take(d, &when->stamp, err);
    if (rc)
        return rc;
    when->generation = generation;
    *hit = session_memo_find(token_hash, when, now, a, csrf);
    return GM_OK;
}

static int load_actor(db *d, const char *token_hash, const char *now, gm_actor *a,
                      char csrf[SESSION_TOKEN_HEX], gm_err *err)
{
    session_memo_when when;
    bool hit;
    int rc = memo_lookup(d, token_hash, now, &when, a, csrf, &hit, err);
    if (rc || hit)
        return rc;
    /* One statement: the session, its user and the user's grants (one row
     * per grant, the same order as users_load_grants). */
    db_stmt *q;
    rc = db_query(d, &q, err,
                  "SELECT s.csrf, u.id, u.login, r.role, un.path, un.id, s.expires_at "
                  "FROM sessions s "
                  "JOIN users u ON u.id=s.user_id "
                  "LEFT JOIN user_roles r ON r.user_id=u.id "
                  "LEFT JOIN units un ON un.id=r.unit_id "
                  "WHERE s.token_hash=? AND s.expires_at > ? AND u.disabled=0 "
                  "ORDER BY un.path, r.role", "tt", token_hash, now);
    if (rc)
        return rc;
    a->user_id = 0;
    a->n_grants = 0;
    char expires[GM_ISO_LEN + 8] = "";
    while ((rc = db_next(q)) == 1) {
        if (!a->user_id)
            snprintf(expires, sizeof expires, "%s", db_text(q, 6));
        actor_from_row(q, a, csrf);
    }
    db_done(q);
    if (rc < 0)
        return rc;
    if (!a->user_id)
        return gm_fail(err, GM_E_AUTH, NULL, "未登录或会话已过期");
    session_memo_keep(token_hash, &when, expires, a, csrf);
    return GM_OK;
}

int sessions_load_actor(db *d, const char *token_hash, const char *now, gm_actor *a,
                        char csrf[SESSION_TOKEN_HEX], gm_err *err)
{
    /* The stamp and the lookup in one snapshot: the caller's, or one of
     * their own (one read transaction instead of one per statement). */
    if (db_in_transaction(d))
        return load_actor(d, token_hash, now, a, csrf, err);
    int rc = db_begin_read(d, err);
    if (!rc)
        rc = load_actor(d, token_hash, now, a, csrf, err);
    return db_end(d, rc, err);
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
