/*
 * vault_crypto.h - sealing platform credentials for the vault with a key
 * kept outside the database (libsodium crypto_secretbox: XSalsa20-Poly1305).
 *
 * The key is read from the file named by GOVMEDIA_VAULT_KEY (any secret of
 * at least 32 bytes, e.g. `head -c 32 /dev/urandom > vault.key`, mode 0600,
 * not next to the database); its BLAKE2b-256 hash is the box key.  A copy
 * of the database alone reveals no password.
 */
#ifndef GM_STORE_VAULT_CRYPTO_H
#define GM_STORE_VAULT_CRYPTO_H

#include <stddef.h>

#include "util/gm_error.h"

#define GM_VAULT_KEY_BYTES 32

/* The key from GOVMEDIA_VAULT_KEY; GM_E_CONFLICT (field "vault") when none
 * is configured or the file is too short or unreadable. */
int vault_key_load(unsigned char key[GM_VAULT_KEY_BYTES], gm_err *err);

/* The same from a named file (key rotation reads the old and the new key). */
int vault_key_load_file(const char *path, unsigned char key[GM_VAULT_KEY_BYTES], gm_err *err);

/* Seals text: *nonce_hex and *sealed_hex are malloc'ed hex strings. */
int vault_seal(const unsigned char key[GM_VAULT_KEY_BYTES], const char *text, char **nonce_hex,
               char **sealed_hex, gm_err *err);

/* Opens what vault_seal sealed: *text malloc'ed, NUL-terminated.
 * GM_E_CONFLICT when the key is not the one it was sealed with. */
int vault_open(const unsigned char key[GM_VAULT_KEY_BYTES], const char *nonce_hex,
               const char *sealed_hex, char **text, gm_err *err);

#endif
