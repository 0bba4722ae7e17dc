/*
 * vault_rekey.c - sealing every vault entry again under a new key (see
 * vault_rekey.h).
 */
#include "store/vault_rekey.h"
#include "store/audit.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

/* Opens one entry with the old key and writes it sealed with the new one. */
static int reseal_one(db *d, long long account_id, const char *nonce, const char *sealed,
                      const unsigned char *old_key, const unsigned char *new_key, gm_err *err)
{
    char *text = NULL, *n2 = NULL, *s2 = NULL;
    int rc = vault_open(old_key, nonce, sealed, &text, err);
    if (rc)
        return gm_fail(err, GM_E_CONFLICT, "old_key",
                       "账号 %lld 的登录凭据无法用旧密钥打开:旧密钥不对,未做任何修改", account_id);
    rc = vault_seal(new_key, text, &n2, &s2, err);
    sodium_memzero(text, strlen(text));
    free(text);
    if (!rc)
        rc = db_exec(d, err, "UPDATE credentials SET nonce=?, sealed=? WHERE account_id=?", "tti",
                     n2, s2, account_id);
    free(n2);
    free(s2);
    return rc;
}

static int rekey_in_tx(db *d, const gm_actor *who, const unsigned char *old_key,
                       const unsigned char *new_key, long long *count, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err, "SELECT account_id, nonce, sealed FROM credentials ORDER BY account_id",
                      "");
    if (rc)
        return rc;
    long long n = 0;
    while (!rc && (rc = db_next(q)) == 1) {
        rc = reseal_one(d, db_int(q, 0), db_text(q, 1), db_text(q, 2), old_key, new_key, err);
        n += !rc;
    }
    db_done(q);
    if (rc)
        return rc;
    *count = n;
    return audit_append_json(d, who, "credential.rekey", "vault", 0, NULL,
                             json_pack("{s:I}", "resealed", (json_int_t)n), err);
}

int vault_rekey(db *d, const gm_actor *who, const unsigned char old_key[GM_VAULT_KEY_BYTES],
                const unsigned char new_key[GM_VAULT_KEY_BYTES], long long *count, gm_err *err)
{
    *count = 0;
    if (sodium_memcmp(old_key, new_key, GM_VAULT_KEY_BYTES) == 0)
        return gm_fail(err, GM_E_INVALID, "new_key", "新密钥与旧密钥相同");
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_end(d, rekey_in_tx(d, who, old_key, new_key, count, err), err);
    return rc;
}
