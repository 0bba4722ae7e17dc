/*
 * password.h - password hashing (argon2id via libsodium) and the password
 * policy.  Plain passwords never leave the caller's stack and are never
 * logged.
 */
#ifndef GM_PASSWORD_H
#define GM_PASSWORD_H

#include <stdbool.h>
#include "util/gm_error.h"

#define GM_PW_HASH_MAX 128

/* Policy: 10..128 bytes, valid UTF-8 is checked by the caller. */
int password_check_policy(const char *pw, gm_err *err);
int password_hash(const char *pw, char out[GM_PW_HASH_MAX], gm_err *err);
bool password_verify(const char *hash, const char *pw);

#endif
