/*
 * session_memo.h - a per-thread memo of session lookups, never stale.
 *
 * What sessions_load_actor read for a token (the user, the grants, the
 * CSRF token, the expiry) is kept with the database stamp it was read
 * under (db_stamp_take).  It is used only while the connection's stamp is
 * still the same, i.e. while nothing at all has been committed to the
 * database since: a logout, password reset, disable, role change or unit
 * move (by any thread, connection or process) makes every entry of every
 * thread miss, and the lookup reads the database again.  The expiry is
 * compared on each use.  Only live sessions are kept; a refused token is
 * looked up every time.
 */
#ifndef GM_STORE_SESSION_MEMO_H
#define GM_STORE_SESSION_MEMO_H

#include "core/actor.h"
#include "store/db.h"

#include <stdbool.h>

#define SESSION_MEMO_HEX 65

/* Fills a's user id, login and grants and csrf from the entry for
 * token_hash if it was kept under stamp and expires after now. */
bool session_memo_find(const char *token_hash, const db_stamp *stamp, const char *now,
                       gm_actor *a, char csrf[SESSION_MEMO_HEX]);
/* Keeps a lookup's outcome (read under stamp) for this thread. */
void session_memo_keep(const char *token_hash, const db_stamp *stamp, const char *expires_at,
                       const gm_actor *a, const char csrf[SESSION_MEMO_HEX]);

#endif
