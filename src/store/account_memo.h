/*
 * account_memo.h - the account list's entries kept per thread, so a list
 * neither parses each stored record nor builds each entry again on every
 * request.
 *
 * Keyed by account id and by the bytes of every column of the row
 * (ACCOUNT_COLUMNS): an entry made from a row is used only while the row
 * reads byte for byte the same, so any change — through the program or
 * behind its back — makes it afresh.  A damaged row (unknown state, record
 * not JSON, text not UTF-8) is never kept, so it is checked every time.
 * What depends on the request (may the caller see the row, the overdue
 * flags of the day asked about) is not in the entry (account_text.h).
 * Bounded: a fixed number of slots per thread, freed when the thread exits.
 */
#ifndef GM_STORE_ACCOUNT_MEMO_H
#define GM_STORE_ACCOUNT_MEMO_H

#include "store/account_text.h"

/* The entry of the row q stands on (selected as ACCOUNT_COLUMNS); a new
 * reference for the caller.  GM_E_DB (err) when the row is damaged.
 * stamp: db_stamp_take() on q's connection before q was started; while it
 * is the one under which a slot last matched, the row's bytes are not
 * compared again (nothing was committed since). */
int account_memo_text(db_stmt *q, const db_stamp *stamp, account_text **out, gm_err *err);

#endif
