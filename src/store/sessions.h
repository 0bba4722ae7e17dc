/*
 * sessions.h - server-side login sessions.
 *
 * The browser holds a random 256-bit token in an HttpOnly cookie; the store
 * keeps only its SHA-256, the CSRF token issued with it, and an expiry.
 */
#ifndef GM_STORE_SESSIONS_H
#define GM_STORE_SESSIONS_H

#include "core/actor.h"
#include "store/db.h"

#define SESSION_TOKEN_HEX 65

/* Records a successful login (resets failures) and the new session. */
int sessions_create(db *d, const gm_actor *who, const char *token_hash, const char *csrf,
                    const char *expires_at, gm_err *err);
/* Finds a live session of an enabled user: fills a's user id, login and
 * grants, and the session's CSRF token; GM_E_AUTH if none. */
int sessions_load_actor(db *d, const char *token_hash, const char *now, gm_actor *a,
                        char csrf[SESSION_TOKEN_HEX], gm_err *err);
int sessions_delete(db *d, const gm_actor *who, const char *token_hash, gm_err *err);

#endif
