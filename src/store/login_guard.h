/*
 * login_guard.h - counting login attempts atomically, per (login name,
 * client address), before the password is checked.
 *
 * login_guard_reserve() takes one attempt in its own write transaction
 * (BEGIN IMMEDIATE): parallel guesses queue on the write lock, so at most
 * max_failures of them are ever checked before the lock; the attempt that
 * reaches the limit sets the lock already, and a success clears it
 * (login_guard_clear, inside the session's transaction).
 */
#ifndef GM_STORE_LOGIN_GUARD_H
#define GM_STORE_LOGIN_GUARD_H

#include "store/db.h"
#include "util/clock.h"

/* GM_OK: the attempt may be checked; until is "" or, when this attempt
 * reached the limit, the lock it set (cleared again if it succeeds).
 * GM_E_LOCKED: (login, addr) is locked until `until` (UTC ISO).  Unknown
 * login names are counted the same way. */
int login_guard_reserve(db *d, const char *login, const char *addr, int max_failures,
                        long lock_seconds, char until[GM_ISO_LEN], gm_err *err);

/* Forgets the attempts of (login, addr); call inside a transaction. */
int login_guard_clear(db *d, const char *login, const char *addr, gm_err *err);

/* Forgets every attempt and lock of login (password reset, unlock);
 * call inside a transaction. */
int login_guard_forget(db *d, const char *login, gm_err *err);

#endif
