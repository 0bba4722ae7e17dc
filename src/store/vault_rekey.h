/*
 * vault_rekey.h - key rotation of the credential vault: every sealed login
 * is opened with the old key and sealed again under the new one, in one
 * transaction with its audit row (`credential.rekey`, the number of logins,
 * no secret).  If any login does not open with the old key nothing changes.
 * Used by `govmedia vault rekey` (docs/OPERATIONS.md).
 */
#ifndef GM_STORE_VAULT_REKEY_H
#define GM_STORE_VAULT_REKEY_H

#include "core/actor.h"
#include "store/db.h"
#include "store/vault_crypto.h"

/* *count: the logins sealed again.  GM_E_CONFLICT (field "old_key") when a
 * login does not open with old_key, GM_E_INVALID when both keys are equal. */
int vault_rekey(db *d, const gm_actor *who, const unsigned char old_key[GM_VAULT_KEY_BYTES],
                const unsigned char new_key[GM_VAULT_KEY_BYTES], long long *count, gm_err *err);

#endif
