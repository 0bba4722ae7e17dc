/*
 * session_memo.h - a per-thread memo of session lookups, never stale.
 *
 * What sessions_load_actor read for a token (the user, the grants, the
 * CSRF token, the expiry) is kept with the security generation it was read
 * under (migration 046: a number that triggers move with every committed
 * change to sessions, users, user_roles or units, by any thread,
 * connection or process) and the database it came from (db_stamp's
 * database).  An entry answers while the generation read in the same
 * snapshot as the request's lookup is still the same: ordinary writes
 * (accounts, posts, audit rows) keep the entries; a login, logout,
 * password reset, disable, role change or unit move makes every entry of
 * every thread miss.  The expiry is compared on each use.  Only live
 * sessions are kept, and only what a read-only snapshot read (a write
 * transaction may see its own changes, which a rollback takes back); a
 * refused token is looked up every time.
 */
#ifndef GM_STORE_SESSION_MEMO_H
#define GM_STORE_SESSION_MEMO_H

#include "core/actor.h"
#include "store/db.h"

#include <stdbool.h>

#define SESSION_MEMO_HEX 65

/* What a lookup was read under; generation < 0: not read (never matches). */
typedef struct session_memo_when {
    db_stamp stamp;
    long long generation;
} session_memo_when;

/* Fills a's user id, login and grants and csrf from the entry for
 * token_hash if it was kept under the same database and generation and
 * expires after now. */
bool session_memo_find(const char *token_hash, const session_memo_when *when, const char *now,
                       gm_actor *a, char csrf[SESSION_MEMO_HEX]);
/* Keeps a lookup's outcome (read under when, generation read) for this thread. */
void session_memo_keep(const char *token_hash, const session_memo_when *when,
                       const char *expires_at, const gm_actor *a,
                       const char csrf[SESSION_MEMO_HEX]);

#endif
