/*
 * vault.h - the credential vault (凭据保管): each account's platform login
 * sealed with the vault key (store/vault_crypto.h), delegations of it to a
 * named user until a given time, and the log of every reveal.
 *
 * Who: the holding office (the supervisor, account.review on the account's
 * unit) stores, reveals and delegates; anyone else reveals only under a
 * delegation in force (granted to them, not expired).  Every reveal writes a
 * credential_access row and an audit row (credential.reveal) in one
 * transaction; no secret ever goes into the audit trail or a log.
 */
#ifndef GM_STORE_VAULT_H
#define GM_STORE_VAULT_H

#include <jansson.h>

#include "core/actor.h"
#include "store/db.h"
#include "util/clock.h"

/* Stores (or replaces) the account's credential: login and password
 * required, note optional.  Audited as credential.set without secrets. */
int vault_store(db *d, const gm_actor *who, long long account_id, const char *login,
                const char *password, const char *note, gm_err *err);

/* {"stored","updated_at","updated_by","updated_by_name","grants":[…in force…]}
 * at now (UTC ISO-8601). */
int vault_status(db *d, long long account_id, const char *now, json_t **out, gm_err *err);

/* Reveals the credential ({"login","password","note"}) to who, for the
 * reason given (body field "reason").
 * holder: who holds the office (no delegation needed); otherwise a
 * delegation in force at now is required (403 without one).  Logged. */
int vault_reveal(db *d, const gm_actor *who, long long account_id, int holder,
                 const char *purpose, const char *now, json_t **out, gm_err *err);

/* Delegates the account's login to user_id until `expires_at` (UTC ISO-8601,
 * after now and at most 30 days ahead) for reason.  *id_out the grant. */
int vault_grant(db *d, const gm_actor *who, long long account_id, long long user_id,
                const char *expires_at, const char *reason, const char *now, long long *id_out,
                gm_err *err);

/* The checks of a delegation: an enabled user, an end after now and within
 * 30 days (expires_at: ISO-8601), a reason of 2..500 characters; on success
 * until_utc is expires_at normalised to UTC. */
int vault_grant_check(db *d, long long user_id, const char *expires_at, const char *reason,
                      const char *now, char until_utc[GM_ISO_LEN], gm_err *err);
/* Inside a transaction: the delegation row (until_utc normalised) and its
 * audit row `credential.grant`. */
int vault_grant_in_tx(db *d, const gm_actor *who, long long account_id, long long user_id,
                      const char *until_utc, const char *reason, const char *now, long long *id_out,
                      gm_err *err);

/* Ends a delegation at once (expires_at = now). */
int vault_revoke(db *d, const gm_actor *who, long long account_id, long long grant_id,
                 const char *now, gm_err *err);

/* The reveals of the account, newest first. */
int vault_access_log(db *d, long long account_id, json_t **out, gm_err *err);

#endif
