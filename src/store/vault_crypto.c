/*
 * vault_crypto.c - sealing and opening vault entries (see vault_crypto.h).
 */
#include "store/vault_crypto.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_FILE_MAX 4096

int vault_key_load_file(const char *path, unsigned char key[GM_VAULT_KEY_BYTES], gm_err *err)
{
    unsigned char buf[KEY_FILE_MAX];
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
    if (f)
        fclose(f);
    if (n < GM_VAULT_KEY_BYTES) {
        sodium_memzero(buf, sizeof buf);
        return gm_fail(err, GM_E_CONFLICT, "vault", "凭据保管密钥文件无法读取或短于 32 字节");
    }
    if (sodium_init() < 0)
        return gm_fail(err, GM_E_INTERNAL, "vault", "加密库初始化失败");
    crypto_generichash(key, GM_VAULT_KEY_BYTES, buf, n, NULL, 0);
    sodium_memzero(buf, sizeof buf);
    return GM_OK;
}

int vault_key_load(unsigned char key[GM_VAULT_KEY_BYTES], gm_err *err)
{
    const char *path = getenv("GOVMEDIA_VAULT_KEY");
    if (!path || !*path)
        return gm_fail(err, GM_E_CONFLICT, "vault",
                       "未配置凭据保管密钥:请设置 GOVMEDIA_VAULT_KEY 为密钥文件(至少 32 字节)的路径");
    return vault_key_load_file(path, key, err);
}

static char *to_hex(const unsigned char *bin, size_t len)
{
    char *hex = malloc(len * 2 + 1);
    return hex ? sodium_bin2hex(hex, len * 2 + 1, bin, len) : NULL;
}

int vault_seal(const unsigned char key[GM_VAULT_KEY_BYTES], const char *text, char **nonce_hex,
               char **sealed_hex, gm_err *err)
{
    size_t len = strlen(text);
    unsigned char nonce[crypto_secretbox_NONCEBYTES];
    unsigned char *box = malloc(len + crypto_secretbox_MACBYTES);
    if (!box)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    randombytes_buf(nonce, sizeof nonce);
    crypto_secretbox_easy(box, (const unsigned char *)text, len, nonce, key);
    *nonce_hex = to_hex(nonce, sizeof nonce);
    *sealed_hex = to_hex(box, len + crypto_secretbox_MACBYTES);
    free(box);
    if (*nonce_hex && *sealed_hex)
        return GM_OK;
    free(*nonce_hex);
    free(*sealed_hex);
    return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
}

int vault_open(const unsigned char key[GM_VAULT_KEY_BYTES], const char *nonce_hex,
               const char *sealed_hex, char **text, gm_err *err)
{
    unsigned char nonce[crypto_secretbox_NONCEBYTES];
    size_t nlen = 0, blen = 0, hexlen = strlen(sealed_hex);
    unsigned char *box = malloc(hexlen / 2 + 1);
    char *out = malloc(hexlen / 2 + 1);
    int ok = box && out &&
             sodium_hex2bin(nonce, sizeof nonce, nonce_hex, strlen(nonce_hex), NULL, &nlen, NULL) == 0 &&
             nlen == sizeof nonce &&
             sodium_hex2bin(box, hexlen / 2 + 1, sealed_hex, hexlen, NULL, &blen, NULL) == 0 &&
             blen >= crypto_secretbox_MACBYTES &&
             crypto_secretbox_open_easy((unsigned char *)out, box, blen, nonce, key) == 0;
    free(box);
    if (!ok) {
        free(out);
        return gm_fail(err, GM_E_CONFLICT, "vault", "无法解开保管的凭据:密钥与保存时不同");
    }
    out[blen - crypto_secretbox_MACBYTES] = '\0';
    *text = out;
    return GM_OK;
}
