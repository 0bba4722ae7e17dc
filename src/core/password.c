/*
 * password.c - argon2id hashing and the password policy (see password.h).
 */
#include "core/password.h"

#include <sodium.h>
#include <string.h>

#define PW_MIN 10
#define PW_MAX 128

int password_check_policy(const char *pw, gm_err *err)
{
    size_t n = pw ? strlen(pw) : 0;
    if (n < PW_MIN)
        return gm_fail(err, GM_E_INVALID, "password", "密码至少需要 %d 个字符", PW_MIN);
    if (n > PW_MAX)
        return gm_fail(err, GM_E_INVALID, "password", "密码不能超过 %d 个字符", PW_MAX);
    return GM_OK;
}

int password_hash(const char *pw, char out[GM_PW_HASH_MAX], gm_err *err)
{
    if (sodium_init() < 0)
        return gm_fail(err, GM_E_INTERNAL, NULL, "libsodium 初始化失败");
    if (crypto_pwhash_str_alg(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return gm_fail(err, GM_E_NOMEM, NULL, "密码哈希失败(内存不足)");
    return GM_OK;
}

bool password_verify(const char *hash, const char *pw)
{
    return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}
