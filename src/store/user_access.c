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

/* One change of one user: load the user, run step inside a transaction. */
typedef int (*user_step)(db *d, const gm_actor *who, const gm_user *u, const void *arg,
                         gm_err *err);

static int in_user_transaction(db *d, const gm_actor *who, long long user_id, user_step step,
                               const void *arg, gm_err *err)
{
    gm_user u;
    int rc = users_get(d, user_id, &u, err);
    if (!rc)
        rc = db_begin(d, err);
    return rc ? rc : db_end(d, step(d, who, &u, arg, err), err);
}

typedef struct revoke_arg {
    long long unit_id;
    const char *role;
} revoke_arg;

static int revoke_in_transaction(db *d, const gm_actor *who, const gm_user *u, const void *arg,
                                 gm_err *err)
{
    const revoke_arg *ra = arg;
    long long unit_id = ra->unit_id;
    const char *role = ra->role;
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
    revoke_arg ra = {unit_id, role};
    return in_user_transaction(d, who, user_id, revoke_in_transaction, &ra, err);
}

static int disable_in_transaction(db *d, const gm_actor *who, const gm_user *u, const void *arg,
                                  gm_err *err)
{
    int disabled = *(const int *)arg;
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
    return in_user_transaction(d, who, user_id, disable_in_transaction, &disabled, err);
}

static int end_sessions_in_transaction(db *d, const gm_actor *who, const gm_user *u,
                                       const void *arg, gm_err *err)
{
    long long *ended = (long long *)arg;
    int rc = users_delete_sessions(d, u->id, ended, err);
    if (!rc)
        rc = audit_append_json(d, who, "user.sessions_end", "user", u->id, NULL,
                               json_pack("{s:I}", "sessions_ended", (json_int_t)*ended), err);
    return rc;
}

int users_end_sessions(db *d, const gm_actor *who, long long user_id, long long *ended,
                       gm_err *err)
{
    long long n = 0;
    int rc = in_user_transaction(d, who, user_id, end_sessions_in_transaction, &n, err);
    if (ended)
        *ended = n;
    return rc;
}
