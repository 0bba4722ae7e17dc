/*
 * session_memo.h - a per-thread memo of session lookups, never stale.
 *
 * What sessions_load_actor read for a token (the user, the grants, the
 * CSRF token, the expiry) is kept with what it was read under: the
 * connection's database stamp (db_stamp_take) and the security generation
 * (migration 046: a number that triggers move with every committed change
 * to sessions, users, user_roles or units, by any thread, connection or
 * process).  An entry answers while the stamp is still the same (nothing
 * at all committed since: not even the generation needs reading), or else
 * while the generation read in the same snapshot is still the same (only
 * other tables changed: ordinary writes keep the entries).  A logout,
 * password reset, disable, role change or unit move moves the generation
 * and makes every entry of every thread miss.  The expiry is compared on
 * each use.  Only live sessions are kept, and only what a read-only
 * snapshot read (a write transaction may see its own changes, which a
 * rollback takes back); a refused token is looked up every time.
 */
#ifndef GM_STORE_SESSION_MEMO_H
#define GM_STORE_SESSION_MEMO_H

#include "core/actor.h"
#include "store/db.h"

#include <stdbool.h>

#define SESSION_MEMO_HEX 65

/* What a lookup was read under; generation < 0: not read (yet). */
typedef struct session_memo_when {
    db_stamp stamp;
    long long generation;
} session_memo_when;

/* Fills a's user id, login and grants and csrf from the entry for
 * token_hash if it was kept under the same stamp, or (when->generation
 * >= 0) the same database and generation, and expires after now.  A hit
 * by generation takes the new stamp (same snapshot, so just as current). */
bool session_memo_find(const char *token_hash, const session_memo_when *when, const char *now,
                       gm_actor *a, char csrf[SESSION_MEMO_HEX]);
/* Keeps a lookup's outcome (read under when, generation read) for this thread. */
void session_memo_keep(const char *token_hash, const session_memo_when *when,
                       const char *expires_at, const gm_actor *a,
                       const char csrf[SESSION_MEMO_HEX]);

#endif
