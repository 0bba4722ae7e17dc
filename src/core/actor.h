/*
 * actor.h - who is acting, for authorisation and for the audit trail.
 *
 * Filled by the HTTP layer from the session (or by the CLI for local
 * administration) and passed down to every state-changing store call, which
 * records it in the audit row of the same transaction.
 */
#ifndef GM_ACTOR_H
#define GM_ACTOR_H

#include "core/rbac.h"

#define GM_MAX_GRANTS 32

typedef struct gm_actor {
    long long user_id;          /* 0 for the local CLI */
    char login[64];
    char role[32];              /* the role under which the action is taken */
    long long unit_id;          /* the unit of that role's grant, 0 if none */
    char client_addr[64];       /* "127.0.0.1" or "cli" */
    gm_grant grants[GM_MAX_GRANTS];
    long long grant_units[GM_MAX_GRANTS];
    size_t n_grants;
} gm_actor;

/* Picks the first grant that allows perm (on unit_path, or anywhere when
 * NULL) and records its role and unit as the acting role.  Returns false
 * when none does. */
bool actor_take_role(gm_actor *a, gm_perm perm, const char *unit_path);

/* The local command-line administrator: acts as admin, address "cli". */
void actor_init_cli(gm_actor *a, const char *os_user);

#endif
