/*
 * audit_chain.c - hashing one audit row (see audit_chain.h).
 */
#include "core/audit_chain.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

static void feed_text(crypto_hash_sha256_state *st, const char *s)
{
    char len[24];
    size_t n = s ? strlen(s) : 0;
    int k = snprintf(len, sizeof len, "%zu:", n);
    crypto_hash_sha256_update(st, (const unsigned char *)len, (unsigned long long)k);
    if (n)
        crypto_hash_sha256_update(st, (const unsigned char *)s, n);
}

static void feed_int(crypto_hash_sha256_state *st, long long v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%lld", v);
    feed_text(st, buf);
}

void audit_row_hash(const gm_audit_row *r, char out[AUDIT_HASH_HEX])
{
    crypto_hash_sha256_state st;
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_init(&st);
    feed_text(&st, r->prev_hash);
    feed_int(&st, r->id);
    feed_text(&st, r->at);
    feed_int(&st, r->user_id);
    feed_text(&st, r->login);
    feed_text(&st, r->role);
    feed_int(&st, r->unit_id);
    feed_text(&st, r->action);
    feed_text(&st, r->object_type);
    feed_text(&st, r->object_id);
    feed_text(&st, r->before);
    feed_text(&st, r->after);
    feed_text(&st, r->client_addr);
    crypto_hash_sha256_final(&st, digest);
    sodium_bin2hex(out, AUDIT_HASH_HEX, digest, sizeof digest);
}
