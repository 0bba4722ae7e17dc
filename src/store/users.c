/*
 * users.c - storing users and role grants; login failure bookkeeping.
 *
 * Password hashes are stored and compared, never logged: audit summaries of
 * user rows leave pw_hash out.
 */
#include "store/users.h"
#include "store/audit.h"
#include "store/login_guard.h"
#include "store/user_access.h"
#include "store/units.h"
#include "util/clock.h"
#include "util/text.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define USER_COLUMNS "id,login,display_name,pw_hash,failed_logins,COALESCE(locked_until,''),disabled"

int user_validate_login(const char *login, gm_err *err)
{
    size_t n = login ? strlen(login) : 0;
    if (n < 3 || n > 32 || !islower((unsigned char)login[0]))
        return gm_fail(err, GM_E_INVALID, "login", "登录名应为 3-32 个字符,以小写字母开头");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)login[i];
        if (!(islower(c) || isdigit(c) || c == '.' || c == '_' || c == '-'))
            return gm_fail(err, GM_E_INVALID, "login", "登录名只能包含小写字母、数字和 . _ -");
    }
    return GM_OK;
}

static void user_from_row(db_stmt *q, gm_user *u)
{
    u->id = db_int(q, 0);
    snprintf(u->login, sizeof u->login, "%s", db_text(q, 1));
    snprintf(u->display_name, sizeof u->display_name, "%s", db_text(q, 2));
    snprintf(u->pw_hash, sizeof u->pw_hash, "%s", db_text(q, 3));
    u->failed_logins = (int)db_int(q, 4);
    snprintf(u->locked_until, sizeof u->locked_until, "%s", db_text(q, 5));
    u->disabled = (int)db_int(q, 6);
}

static int fetch_user(db *d, gm_user *out, gm_err *err, const char *where, const char *fmt,
                      const char *what, ...)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT " USER_COLUMNS " FROM users WHERE %s", where);
    db_stmt *q;
    va_list ap;
    va_start(ap, what);
    int rc = fmt[0] == 'i' ? db_query(d, &q, err, sql, "i", va_arg(ap, long long))
                           : db_query(d, &q, err, sql, "t", va_arg(ap, const char *));
    va_end(ap);
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 1) {
        user_from_row(q, out);
        rc = GM_OK;
    } else if (rc == 0) {
        rc = gm_fail(err, GM_E_NOTFOUND, "user", "用户 %s 不存在", what);
    }
    db_done(q);
    return rc;
}

int users_find_by_login(db *d, const char *login, gm_user *out, gm_err *err)
{
    return fetch_user(d, out, err, "login=?", "t", login, login);
}

int users_get(db *d, long long id, gm_user *out, gm_err *err)
{
    char what[24];
    snprintf(what, sizeof what, "#%lld", id);
    return fetch_user(d, out, err, "id=?", "i", what, id);
}

/* Inserts one grant inside the caller's transaction. */
static int insert_grant(db *d, const gm_actor *who, const gm_user *u, long long unit_id,
                        const char *role, gm_err *err)
{
    if (role_from_name(role) < 0)
        return gm_fail(err, GM_E_INVALID, "role", "角色 %s 无效", role ? role : "");
    gm_unit unit;
    int rc = units_get(d, unit_id, &unit, err);
    if (rc == GM_E_NOTFOUND)
        return gm_fail(err, GM_E_INVALID, "unit_id", "单位 %lld 不存在", unit_id);
    if (!rc)
        rc = db_exec(d, err, "INSERT INTO user_roles(user_id,unit_id,role) VALUES(?,?,?)", "iit",
                     u->id, unit_id, role);
    if (rc == GM_E_CONFLICT)
        return gm_fail(err, rc, "role", "用户 %s 在该单位已有角色 %s", u->login, role);
    if (!rc)
        rc = audit_append_json(d, who, "user.grant", "user", u->id, NULL,
                        json_pack("{s:s,s:I,s:s}", "login", u->login, "unit_id", (json_int_t)unit_id,
                                  "role", role), err);
    return rc;
}

static int insert_user(db *d, const gm_actor *who, const char *login, const char *display_name,
                       const char *pw_hash, const user_grant *grants, size_t n_grants,
                       long long *id_out, gm_err *err)
{
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = db_query_int(d, id_out, err,
                          "INSERT INTO users(login,display_name,pw_hash,created_at) VALUES(?,?,?,?) "
                          "RETURNING id", "tttt", login, display_name, pw_hash, now);
    if (rc == GM_E_CONFLICT)
        return gm_fail(err, rc, "login", "登录名 %s 已被使用", login);
    if (!rc)
        rc = audit_append_json(d, who, "user.add", "user", *id_out, NULL,
                        json_pack("{s:s,s:s}", "login", login, "display_name", display_name), err);
    gm_user u = {.id = *id_out};
    snprintf(u.login, sizeof u.login, "%s", login);
    for (size_t i = 0; !rc && i < n_grants; i++)
        rc = insert_grant(d, who, &u, grants[i].unit_id, grants[i].role, err);
    return rc;
}

int users_add(db *d, const gm_actor *who, const char *login, const char *display_name,
              const char *pw_hash, const user_grant *grants, size_t n_grants, long long *id_out,
              gm_err *err)
{
    int rc = user_validate_login(login, err);
    if (!rc)
        rc = text_require(display_name, "display_name", 1, 60, err);
    if (!rc)
        rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = insert_user(d, who, login, display_name, pw_hash, grants, n_grants, id_out, err);
    return db_end(d, rc, err);
}

int users_grant(db *d, const gm_actor *who, long long user_id, long long unit_id,
                const char *role, gm_err *err)
{
    gm_user u;
    int rc = users_get(d, user_id, &u, err);
    if (!rc)
        rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = insert_grant(d, who, &u, unit_id, role, err);
    return db_end(d, rc, err);
}

int users_set_password(db *d, const gm_actor *who, long long user_id, const char *pw_hash,
                       gm_err *err)
{
    gm_user u;
    long long ended = 0;
    int rc = users_get(d, user_id, &u, err);
    if (!rc)
        rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = db_exec(d, err, "UPDATE users SET pw_hash=?, failed_logins=0, locked_until=NULL WHERE id=?",
                 "ti", pw_hash, user_id);
    /* a reset is how a compromised account is taken back: end its sessions
     * and lift its login locks */
    if (!rc)
        rc = users_delete_sessions(d, user_id, &ended, err);
    if (!rc)
        rc = login_guard_forget(d, u.login, err);
    if (!rc)
        rc = audit_append_json(d, who, "user.passwd", "user", user_id, NULL,
                        json_pack("{s:s,s:I}", "password", "changed", "sessions_ended",
                                  (json_int_t)ended), err);
    return db_end(d, rc, err);
}

int users_load_grants(db *d, long long user_id, gm_actor *a, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT r.role, u.path, u.id FROM user_roles r JOIN units u ON u.id=r.unit_id "
                      "WHERE r.user_id=? ORDER BY u.path, r.role", "i", user_id);
    if (rc)
        return rc;
    a->n_grants = 0;
    while ((rc = db_next(q)) == 1 && a->n_grants < GM_MAX_GRANTS) {
        gm_grant *g = &a->grants[a->n_grants];
        g->role = (gm_role)role_from_name(db_text(q, 0));
        snprintf(g->unit_path, sizeof g->unit_path, "%s", db_text(q, 1));
        a->grant_units[a->n_grants++] = db_int(q, 2);
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

static json_t *roles_of(db *d, long long user_id, gm_err *err)
{
    db_stmt *q;
    if (db_query(d, &q, err, "SELECT r.role, r.unit_id, u.name FROM user_roles r "
                             "JOIN units u ON u.id=r.unit_id WHERE r.user_id=? ORDER BY r.unit_id, r.role",
                 "i", user_id))
        return NULL;
    json_t *arr = json_array();
    while (arr && db_next(q) == 1) {
        int role = role_from_name(db_text(q, 0));
        json_array_append_new(arr, json_pack("{s:s,s:s,s:I,s:s}", "role", db_text(q, 0),
                                             "role_label", role_label_zh((gm_role)role), "unit_id",
                                             (json_int_t)db_int(q, 1), "unit_name", db_text(q, 2)));
    }
    db_done(q);
    return arr;
}

/* A user is within scope's reach when one of the user's grants is on a
 * unit where scope holds PERM_USER_READ. */
static int user_in_reach(db *d, const gm_actor *scope, long long user_id)
{
    gm_actor target;
    if (!scope)
        return 1;
    if (users_load_grants(d, user_id, &target, NULL))
        return 0;
    for (size_t i = 0; i < target.n_grants; i++)
        if (rbac_allows(scope->grants, scope->n_grants, PERM_USER_READ, target.grants[i].unit_path))
            return 1;
    return 0;
}

int users_list(db *d, const gm_actor *scope, json_t **out, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err, "SELECT " USER_COLUMNS " FROM users ORDER BY id", "");
    if (rc)
        return rc;
    json_t *arr = json_array();
    while (arr && (rc = db_next(q)) == 1) {
        gm_user u;
        user_from_row(q, &u);
        if (!user_in_reach(d, scope, u.id))
            continue;
        json_array_append_new(arr, json_pack("{s:I,s:s,s:s,s:b,s:s?,s:o*}", "id", (json_int_t)u.id,
                                             "login", u.login, "display_name", u.display_name,
                                             "disabled", u.disabled, "locked_until",
                                             u.locked_until[0] ? u.locked_until : NULL, "roles",
                                             roles_of(d, u.id, err)));
    }
    db_done(q);
    if (!arr)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (rc < 0) {
        json_decref(arr);
        return rc;
    }
    *out = arr;
    return GM_OK;
}

int users_record_login_failure(db *d, const gm_actor *who, const gm_user *u,
                               const char *locked_until, gm_err *err)
{
    int rc = db_begin(d, err);
    if (!rc && locked_until)
        rc = db_exec(d, err, "UPDATE users SET locked_until=? WHERE id=?", "ti", locked_until, u->id);
    if (!rc)
        rc = audit_append_json(d, who, locked_until ? "session.locked" : "session.login_failed",
                               "user", u->id, NULL,
                               json_pack("{s:s?}", "locked_until", locked_until), err);
    return db_end(d, rc, err);
}
