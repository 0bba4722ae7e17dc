/*
 * user_access.h - cutting someone off: revoking a role, disabling and
 * enabling a user, ending all of a user's sessions.
 *
 * Each is one transaction with its audit row.  Disabling ends the user's
 * sessions in the same transaction (and sessions_lookup refuses disabled
 * users anyway), so the next request of that user is a 401.
 */
#ifndef GM_STORE_USER_ACCESS_H
#define GM_STORE_USER_ACCESS_H

#include "core/actor.h"
#include "store/db.h"

/* Removes one grant; GM_E_NOTFOUND if the user has no such grant,
 * GM_E_CONFLICT if it is the user's last one (disable the user instead). */
int users_revoke(db *d, const gm_actor *who, long long user_id, long long unit_id,
                 const char *role, gm_err *err);

/* disabled 1: disable and end every session; 0: enable. */
int users_set_disabled(db *d, const gm_actor *who, long long user_id, int disabled, gm_err *err);

/* Ends every session of the user; *ended: how many were live (may be NULL). */
int users_end_sessions(db *d, const gm_actor *who, long long user_id, long long *ended,
                       gm_err *err);

/* Inside a caller's transaction: deletes the user's sessions, *ended their count. */
int users_delete_sessions(db *d, long long user_id, long long *ended, gm_err *err);

#endif
