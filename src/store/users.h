/*
 * users.h - people, their role grants, and login bookkeeping in the store.
 */
#ifndef GM_STORE_USERS_H
#define GM_STORE_USERS_H

#include <jansson.h>
#include "core/actor.h"
#include "core/password.h"
#include "store/db.h"

typedef struct gm_user {
    long long id;
    char login[64];
    char display_name[200];
    char pw_hash[GM_PW_HASH_MAX];
    int failed_logins;
    char locked_until[32];  /* "" when not locked */
    int disabled;
} gm_user;

/* Login names: 3..32 of [a-z0-9._-], starting with a letter. */
int user_validate_login(const char *login, gm_err *err);

typedef struct user_grant {
    const char *role;
    long long unit_id;
} user_grant;

/* Creates a user with an already hashed password and its grants: one
 * transaction with its audit rows. */
int users_add(db *d, const gm_actor *who, const char *login, const char *display_name,
              const char *pw_hash, const user_grant *grants, size_t n_grants, long long *id_out,
              gm_err *err);
int users_grant(db *d, const gm_actor *who, long long user_id, long long unit_id,
                const char *role, gm_err *err);
int users_set_password(db *d, const gm_actor *who, long long user_id, const char *pw_hash,
                       gm_err *err);
int users_find_by_login(db *d, const char *login, gm_user *out, gm_err *err);
int users_get(db *d, long long id, gm_user *out, gm_err *err);
/* Fills a->grants from user_roles (with each unit's path). */
int users_load_grants(db *d, long long user_id, gm_actor *a, gm_err *err);
/* The users scope may see (PERM_USER_READ on the unit of one of their
 * grants); scope NULL: everyone (the local CLI). */
int users_list(db *d, const gm_actor *scope, json_t **out, gm_err *err);

/* After a wrong password (already counted by login_guard_reserve): the
 * audit row, and users.locked_until for the user list when this attempt
 * locked the login (locked_until non-NULL). */
int users_record_login_failure(db *d, const gm_actor *who, const gm_user *u,
                               const char *locked_until, gm_err *err);

#endif
