/*
 * audit_anchor.h - the head of the audit chain kept outside the database.
 *
 * Someone who can write the database file can rewrite a row, recompute
 * every later hash and the stored head, and the chain still verifies.  An
 * anchor is a copy of the head, {"id","hash","at"}, published where that
 * person cannot write (another machine, the supervisor, paper).  A later
 * chain that no longer holds an anchored (id, hash) was rewritten at or
 * before that id.  Anchors may be signed with Ed25519 (libsodium) by a key
 * kept in a file outside the database; the signature says the anchor came
 * from the holder of that key, not when (there is no trusted clock).
 */
#ifndef GM_STORE_AUDIT_ANCHOR_H
#define GM_STORE_AUDIT_ANCHOR_H

#include <jansson.h>
#include <sodium.h>
#include "core/audit_chain.h"
#include "store/audit.h"
#include "util/clock.h"

typedef struct audit_anchor {
    long long id;
    char hash[AUDIT_HASH_HEX];
    char at[GM_ISO_LEN];
} audit_anchor;

/* The newest row of the chain; GM_E_NOTFOUND when the chain is empty. */
int audit_anchor_head(db *d, audit_anchor *out, gm_err *err);

/* The anchor as JSON; signed ("signature", "public_key", hex) when sk is
 * given (crypto_sign_SECRETKEYBYTES bytes). */
json_t *audit_anchor_json(const audit_anchor *a, const unsigned char *sk);

/* Reads an anchor file.  With pk (crypto_sign_PUBLICKEYBYTES bytes) the
 * anchor must carry a valid signature by that key. */
int audit_anchor_read(const char *path, const unsigned char *pk, audit_anchor *out, gm_err *err);

/* Does the chain still hold the anchored (id, hash)?  v is filled like
 * audit_verify()'s verdict: ok, or bad_row + reason. */
int audit_anchor_check(db *d, const audit_anchor *a, audit_verdict *v, gm_err *err);

/* Key files hold hex text.  keygen writes path (secret key, mode 0600,
 * never overwritten) and path.pub; pk_hex gets the public key. */
int audit_key_generate(const char *path, char pk_hex[2 * crypto_sign_PUBLICKEYBYTES + 1],
                       gm_err *err);
int audit_key_load_secret(const char *path, unsigned char sk[crypto_sign_SECRETKEYBYTES], gm_err *err);
int audit_key_load_public(const char *path, unsigned char pk[crypto_sign_PUBLICKEYBYTES], gm_err *err);

/* Writes the current anchor (verified chain first) as a new file in dir,
 * "anchor-YYYYMMDD-HHMMSS.json", signed when key_path is given; *written
 * gets the file name.  Used by `audit anchor --out` and the daily job. */
int audit_anchor_publish(db *d, const char *dir, const char *key_path, char *written,
                         size_t cap, gm_err *err);

#endif
