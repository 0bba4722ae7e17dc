/*
 * audit_chain.h - the hash chain that makes the audit trail tamper-evident.
 *
 * Each row's hash is SHA-256 over the previous row's hash and every field
 * of the row, each field length-prefixed so that no two different rows
 * serialise alike.  Editing a row breaks its hash; deleting or inserting a
 * row breaks the next row's link (prev_hash) or the id sequence.
 */
#ifndef GM_AUDIT_CHAIN_H
#define GM_AUDIT_CHAIN_H

#define AUDIT_HASH_HEX 65   /* 64 hex digits + NUL */
#define AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct gm_audit_row {
    long long id;
    const char *at;
    long long user_id;      /* 0: none */
    const char *login;
    const char *role;
    long long unit_id;      /* 0: none */
    const char *action;
    const char *object_type;
    const char *object_id;
    const char *before;
    const char *after;
    const char *client_addr;
    const char *prev_hash;
} gm_audit_row;

/* Computes the row's hash as lowercase hex into out. */
void audit_row_hash(const gm_audit_row *row, char out[AUDIT_HASH_HEX]);

#endif
