/*
 * user_access.c - revoke, disable/enable, end sessions (see user_access.h).
 */
#include "store/user_access.h"
#include "store/audit.h"
#include "store/users.h"

#include <stdio.h>

int users_delete_sessions(db *d, long long user_id, long long *ended, gm_err *err)
{
    long long n = 0;
    int rc = db_query_int(d, &n, err, "SELECT COUNT(*) FROM sessions WHERE user_id=?", "i", user_id);
    if (!rc)
        rc = db_exec(d, err, "DELETE FROM sessions WHERE user_id=?", "i", user_id);
    if (ended)
        *ended = n;
    return rc;
}

static int revoke_in_transaction(db *d, const gm_actor *who, const gm_user *u, long long unit_id,
                                 const char *role, gm_err *err)
{
    long long n = 0;
    int rc = db_query_int(d, &n, err, "SELECT COUNT(*) FROM user_roles WHERE user_id=?", "i", u->id);
    if (rc)
        return rc;
    rc = db_exec(d, err, "DELETE FROM user_roles WHERE user_id=? AND unit_id=? AND role=?", "iit",
                 u->id, unit_id, role);
    if (!rc && db_changes(d) == 0)
        return gm_fail(err, GM_E_NOTFOUND, "role", "用户 %s 在单位 %lld 没有角色 %s", u->login,
                       unit_id, role);
    if (!rc && n <= 1)
        return gm_fail(err, GM_E_CONFLICT, "role",
                       "这是用户 %s 的最后一个角色;如要取消其全部权限,请停用该用户", u->login);
    if (!rc)
        rc = audit_append_json(d, who, "user.revoke", "user", u->id,
                               json_pack("{s:s,s:I,s:s}", "login", u->login, "unit_id",
                                         (json_int_t)unit_id, "role", role),
                               NULL, err);
    return rc;
}

int users_revoke(db *d, const gm_actor *who, long long user_id, long long unit_id,
                 const char *role, gm_err *err)
{
    gm_user u;
    int rc = users_get(d, user_id, &u, err);
    if (!rc)
        rc = db_begin(d, err);
    if (rc)
        return rc;
    return db_end(d, revoke_in_transaction(d, who, &u, unit_id, role, err), err);
}

static int disable_in_transaction(db *d, const gm_actor *who, const gm_user *u, int disabled,
                                  gm_err *err)
{
    long long ended = 0;
    int rc = db_exec(d, err, "UPDATE users SET disabled=? WHERE id=?", "ii", (long long)disabled,
                     u->id);
    if (!rc && disabled)
        rc = users_delete_sessions(d, u->id, &ended, err);
    if (!rc)
        rc = audit_append_json(d, who, disabled ? "user.disable" : "user.enable", "user", u->id,
                               json_pack("{s:b}", "disabled", u->disabled),
                               json_pack("{s:b,s:I}", "disabled", disabled, "sessions_ended",
                                         (json_int_t)ended),
                               err);
    return rc;
}

int users_set_disabled(db *d, const gm_actor *who, long long user_id, int disabled, gm_err *err)
{
    gm_user u;
    int rc = users_get(d, user_id, &u, err);
    if (!rc)
        rc = db_begin(d, err);
    if (rc)
        return rc;
    return db_end(d, disable_in_transaction(d, who, &u, disabled, err), err);
}

int users_end_sessions(db *d, const gm_actor *who, long long user_id, long long *ended,
                       gm_err *err)
{
    gm_user u;
    long long n = 0;
    int rc = users_get(d, user_id, &u, err);
    if (!rc)
        rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = users_delete_sessions(d, u.id, &n, err);
    if (!rc)
        rc = audit_append_json(d, who, "user.sessions_end", "user", u.id, NULL,
                               json_pack("{s:I}", "sessions_ended", (json_int_t)n), err);
    if (ended)
        *ended = n;
    return db_end(d, rc, err);
}
