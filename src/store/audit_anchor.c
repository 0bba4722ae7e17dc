/*
 * audit_anchor.c - making, signing, reading and checking anchors of the
 * audit chain (see audit_anchor.h).
 *
 * Signed message: "govmedia-audit-anchor-v1\n<id>\n<hash>\n<at>\n".
 */
#include "store/audit_anchor.h"
#include "util/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ANCHOR_FORMAT "govmedia-audit-anchor-v1\n%lld\n%s\n%s\n"

int audit_anchor_head(db *d, audit_anchor *out, gm_err *err)
{
    db_stmt *q;
    memset(out, 0, sizeof *out);
    int rc = db_query(d, &q, err, "SELECT id,hash,at FROM audit ORDER BY id DESC LIMIT 1", "");
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 1) {
        out->id = db_int(q, 0);
        snprintf(out->hash, sizeof out->hash, "%s", db_text(q, 1));
        snprintf(out->at, sizeof out->at, "%s", db_text(q, 2));
        rc = GM_OK;
    } else if (rc == 0) {
        rc = gm_fail(err, GM_E_NOTFOUND, "audit", "审计日志为空,没有可锚定的链头");
    }
    db_done(q);
    return rc;
}

static size_t anchor_message(const audit_anchor *a, char *buf, size_t cap)
{
    int n = snprintf(buf, cap, ANCHOR_FORMAT, a->id, a->hash, a->at);
    return n < 0 ? 0 : (size_t)n;
}

json_t *audit_anchor_json(const audit_anchor *a, const unsigned char *sk)
{
    json_t *j = json_pack("{s:I,s:s,s:s}", "id", (json_int_t)a->id, "hash", a->hash, "at", a->at);
    if (!j || !sk)
        return j;
    char msg[256], sig_hex[2 * crypto_sign_BYTES + 1], pk_hex[2 * crypto_sign_PUBLICKEYBYTES + 1];
    unsigned char sig[crypto_sign_BYTES], pk[crypto_sign_PUBLICKEYBYTES];
    size_t n = anchor_message(a, msg, sizeof msg);
    crypto_sign_detached(sig, NULL, (const unsigned char *)msg, n, sk);
    crypto_sign_ed25519_sk_to_pk(pk, sk);
    sodium_bin2hex(sig_hex, sizeof sig_hex, sig, sizeof sig);
    sodium_bin2hex(pk_hex, sizeof pk_hex, pk, sizeof pk);
    json_object_set_new(j, "signature", json_string(sig_hex));
    json_object_set_new(j, "public_key", json_string(pk_hex));
    json_object_set_new(j, "algorithm", json_string("ed25519"));
    return j;
}

static int hex_field(const json_t *j, const char *key, unsigned char *out, size_t len,
                     const char *path, gm_err *err)
{
    const char *hex = json_string_value(json_object_get(j, key));
    size_t got = 0;
    if (!hex || sodium_hex2bin(out, len, hex, strlen(hex), NULL, &got, NULL) != 0 || got != len)
        return gm_fail(err, GM_E_INVALID, key, "锚点文件 %s 的 %s 无效或缺失", path, key);
    return GM_OK;
}

static int check_signature(const json_t *j, const audit_anchor *a, const unsigned char *pk,
                           const char *path, gm_err *err)
{
    unsigned char sig[crypto_sign_BYTES];
    char msg[256];
    int rc = hex_field(j, "signature", sig, sizeof sig, path, err);
    if (rc)
        return gm_fail(err, GM_E_INVALID, "signature", "锚点文件 %s 没有有效的签名", path);
    size_t n = anchor_message(a, msg, sizeof msg);
    if (crypto_sign_verify_detached(sig, (const unsigned char *)msg, n, pk) != 0)
        return gm_fail(err, GM_E_INVALID, "signature",
                       "锚点文件 %s 的签名与给定公钥不符(锚点被改动,或不是该密钥签发的)", path);
    return GM_OK;
}

static int anchor_from_json(const json_t *j, const char *path, audit_anchor *out, gm_err *err)
{
    json_t *id = json_object_get(j, "id");
    const char *hash = json_string_value(json_object_get(j, "hash"));
    const char *at = json_string_value(json_object_get(j, "at"));
    if (!json_is_integer(id) || json_integer_value(id) < 1 || !hash ||
        strlen(hash) != AUDIT_HASH_HEX - 1 || !at || strlen(at) >= GM_ISO_LEN)
        return gm_fail(err, GM_E_INVALID, "anchor",
                       "锚点文件 %s 格式错误:应为 {\"id\":…,\"hash\":…,\"at\":…}", path);
    out->id = json_integer_value(id);
    snprintf(out->hash, sizeof out->hash, "%s", hash);
    snprintf(out->at, sizeof out->at, "%s", at);
    return GM_OK;
}

int audit_anchor_read(const char *path, const unsigned char *pk, audit_anchor *out, gm_err *err)
{
    json_error_t je;
    char *text = NULL;
    size_t n = 0;
    int rc = gm_read_file(path, 64 * 1024, &text, &n, "anchor", err);
    if (rc)
        return rc;
    json_t *j = json_loadb(text, n, JSON_REJECT_DUPLICATES, &je);
    free(text);
    if (!j)
        return gm_fail(err, GM_E_INVALID, "anchor", "锚点文件 %s 不是有效的 JSON(第 %d 行)", path,
                       je.line);
    rc = anchor_from_json(j, path, out, err);
    if (!rc && pk)
        rc = check_signature(j, out, pk, path, err);
    json_decref(j);
    return rc;
}

int audit_anchor_check(db *d, const audit_anchor *a, audit_verdict *v, gm_err *err)
{
    db_stmt *q;
    memset(v, 0, sizeof *v);
    v->ok = 1;
    int rc = db_query(d, &q, err, "SELECT hash FROM audit WHERE id=?", "i", a->id);
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 1 && strcmp(db_text(q, 0), a->hash) != 0) {
        v->ok = 0;
        v->bad_row = a->id;
        snprintf(v->reason, sizeof v->reason,
                 "与锚点不符:第 %lld 行的哈希已不是锚定时的值(该行或之前的行被改写并重算了哈希)",
                 a->id);
    } else if (rc == 0) {
        v->ok = 0;
        v->bad_row = a->id;
        snprintf(v->reason, sizeof v->reason, "与锚点不符:锚定的第 %lld 行已不存在(链被截短)",
                 a->id);
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

static int read_hex_key(const char *path, unsigned char *out, size_t len, gm_err *err)
{
    char *text = NULL;
    size_t n = 0, got = 0;
    int rc = gm_read_file(path, 4096, &text, &n, "key", err);
    if (rc)
        return rc;
    while (n && (text[n - 1] == '\n' || text[n - 1] == '\r' || text[n - 1] == ' '))
        text[--n] = '\0';
    if (sodium_hex2bin(out, len, text, n, NULL, &got, NULL) != 0 || got != len)
        rc = gm_fail(err, GM_E_INVALID, "key", "密钥文件 %s 格式错误(应为 %zu 字节的十六进制)", path, len);
    sodium_memzero(text, n);
    free(text);
    return rc;
}

int audit_key_load_secret(const char *path, unsigned char sk[crypto_sign_SECRETKEYBYTES], gm_err *err)
{
    return read_hex_key(path, sk, crypto_sign_SECRETKEYBYTES, err);
}

int audit_key_load_public(const char *path, unsigned char pk[crypto_sign_PUBLICKEYBYTES], gm_err *err)
{
    return read_hex_key(path, pk, crypto_sign_PUBLICKEYBYTES, err);
}

/* Creates path with mode and writes text; never overwrites. */
static int write_new_file(const char *path, const char *text, mode_t mode, gm_err *err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode);
    if (fd < 0)
        return gm_fail(err, GM_E_IO, "file", "无法新建文件 %s:%s", path, strerror(errno));
    size_t n = strlen(text);
    int ok = write(fd, text, n) == (ssize_t)n && fsync(fd) == 0;
    ok = close(fd) == 0 && ok;
    return ok ? GM_OK : gm_fail(err, GM_E_IO, "file", "写入 %s 失败:%s", path, strerror(errno));
}

int audit_key_generate(const char *path, char pk_hex[2 * crypto_sign_PUBLICKEYBYTES + 1],
                       gm_err *err)
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    char sk_hex[2 * crypto_sign_SECRETKEYBYTES + 2], pub_path[4096], line[2 * crypto_sign_PUBLICKEYBYTES + 2];
    crypto_sign_keypair(pk, sk);
    sodium_bin2hex(sk_hex, sizeof sk_hex - 1, sk, sizeof sk);
    strcat(sk_hex, "\n");
    sodium_bin2hex(pk_hex, 2 * crypto_sign_PUBLICKEYBYTES + 1, pk, sizeof pk);
    snprintf(line, sizeof line, "%s\n", pk_hex);
    snprintf(pub_path, sizeof pub_path, "%s.pub", path);
    int rc = write_new_file(path, sk_hex, 0600, err);
    if (!rc)
        rc = write_new_file(pub_path, line, 0644, err);
    sodium_memzero(sk, sizeof sk);
    sodium_memzero(sk_hex, sizeof sk_hex);
    return rc;
}

int audit_anchor_publish(db *d, const char *dir, const char *key_path, char *written,
                         size_t cap, gm_err *err)
{
    audit_verdict v;
    audit_anchor a;
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    int rc = audit_verify(d, &v, err);
    if (!rc && !v.ok)
        rc = gm_fail(err, GM_E_CONFLICT, "audit", "审计链已损坏(第 %lld 行:%s),不发布锚点",
                     v.bad_row, v.reason);
    if (!rc)
        rc = audit_anchor_head(d, &a, err);
    if (!rc && key_path)
        rc = audit_key_load_secret(key_path, sk, err);
    if (rc)
        return rc;
    json_t *j = audit_anchor_json(&a, key_path ? sk : NULL);
    sodium_memzero(sk, sizeof sk);
    char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    char now[GM_ISO_LEN], stamp[16];
    clock_iso_from_now(now, 0);
    snprintf(stamp, sizeof stamp, "%.4s%.2s%.2s-%.2s%.2s%.2s", now, now + 5, now + 8, now + 11,
             now + 14, now + 17);
    snprintf(written, cap, "%s/anchor-%s-%lld.json", dir, stamp, a.id);
    if (text) {
        size_t n = strlen(text);
        char *line = realloc(text, n + 2);
        if (line) {
            text = line;
            memcpy(text + n, "\n", 2);
        }
    }
    rc = text ? write_new_file(written, text, 0644, err) : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    free(text);
    return rc;
}
