/*
 * audit.c - appending to and verifying the audit chain.
 *
 * Invariant relied on: appends happen inside a BEGIN IMMEDIATE transaction,
 * so reading the last row's hash and inserting the next row cannot
 * interleave with another writer.  meta "audit_head" records "<id> <hash>"
 * of the newest row in the same transaction, so cutting rows off the end of
 * the chain is detected too.
 */
#include "store/audit.h"
#include "core/audit_chain.h"
#include "util/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int read_head(db *d, long long *last_id, char last_hash[AUDIT_HASH_HEX], gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", "");
    if (rc)
        return rc;
    *last_id = 0;
    snprintf(last_hash, AUDIT_HASH_HEX, "%s", AUDIT_GENESIS);
    rc = db_next(q);
    if (rc == 1) {
        *last_id = db_int(q, 0);
        snprintf(last_hash, AUDIT_HASH_HEX, "%s", db_text(q, 1));
        rc = GM_OK;
    }
    db_done(q);
    return rc;
}

int audit_append(db *d, const gm_actor *who, const char *action, const char *object_type,
                 const char *object_id, const char *before, const char *after, gm_err *err)
{
    long long last_id;
    char prev[AUDIT_HASH_HEX], hash[AUDIT_HASH_HEX], at[GM_ISO_LEN];
    int rc = read_head(d, &last_id, prev, err);
    if (rc)
        return rc;
    clock_iso_from_now(at, 0);
    gm_audit_row row = {
        .id = last_id + 1, .at = at, .user_id = who->user_id, .login = who->login,
        .role = who->role, .unit_id = who->unit_id, .action = action,
        .object_type = object_type, .object_id = object_id ? object_id : "",
        .before = before ? before : "", .after = after ? after : "",
        .client_addr = who->client_addr, .prev_hash = prev,
    };
    audit_row_hash(&row, hash);
    rc = db_exec(d, err,
                 "INSERT INTO audit(id,at,user_id,login,role,unit_id,action,object_type,object_id,"
                 "before,after,client_addr,prev_hash,hash) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                 "iti" "tt" "i" "tttttttt", row.id, row.at, row.user_id, row.login, row.role,
                 row.unit_id, row.action, row.object_type, row.object_id, row.before, row.after,
                 row.client_addr, row.prev_hash, hash);
    if (rc)
        return rc;
    char head[96];
    snprintf(head, sizeof head, "%lld %s", row.id, hash);
    return db_exec(d, err, "INSERT INTO meta(key,value) VALUES('audit_head',?) "
                           "ON CONFLICT(key) DO UPDATE SET value=excluded.value", "t", head);
}

int audit_append_json(db *d, const gm_actor *who, const char *action, const char *object_type,
                      long long object_id, json_t *before, json_t *after, gm_err *err)
{
    char oid[24];
    snprintf(oid, sizeof oid, "%lld", object_id);
    char *b = before ? json_dumps(before, JSON_COMPACT) : NULL;
    char *a = after ? json_dumps(after, JSON_COMPACT) : NULL;
    int rc = (before && !b) || (after && !a)
                 ? gm_fail(err, GM_E_NOMEM, NULL, "内存不足")
                 : audit_append(d, who, action, object_type, oid, b, a, err);
    free(b);
    free(a);
    json_decref(before);
    json_decref(after);
    return rc;
}

static void verdict_bad(audit_verdict *v, long long id, const char *reason)
{
    v->ok = 0;
    v->bad_row = id;
    snprintf(v->reason, sizeof v->reason, "%s", reason);
}

/* Checks one row against the chain so far; returns 0 when it breaks it. */
static int check_row(db_stmt *q, long long expect_id, const char *prev, audit_verdict *v,
                     char hash_out[AUDIT_HASH_HEX])
{
    gm_audit_row r = {
        .id = db_int(q, 0), .at = db_text(q, 1), .user_id = db_int(q, 2), .login = db_text(q, 3),
        .role = db_text(q, 4), .unit_id = db_int(q, 5), .action = db_text(q, 6),
        .object_type = db_text(q, 7), .object_id = db_text(q, 8), .before = db_text(q, 9),
        .after = db_text(q, 10), .client_addr = db_text(q, 11), .prev_hash = db_text(q, 12),
    };
    const char *stored = db_text(q, 13);
    if (r.id != expect_id) {
        verdict_bad(v, r.id < expect_id ? r.id : expect_id,
                    r.id > expect_id ? "此前的行被删除(编号不连续)" : "编号重复或乱序");
        return 0;
    }
    if (strcmp(r.prev_hash, prev) != 0) {
        verdict_bad(v, r.id, "链接断开:上一行哈希不符(行被插入、删除或调换)");
        return 0;
    }
    audit_row_hash(&r, hash_out);
    if (strcmp(hash_out, stored) != 0) {
        verdict_bad(v, r.id, "内容被修改:本行哈希与内容不符");
        return 0;
    }
    return 1;
}

static void check_head(db *d, long long last_id, const char *last_hash, audit_verdict *v)
{
    char head[96] = "", want[96];
    db_stmt *q;
    gm_err e;
    if (db_query(d, &q, &e, "SELECT value FROM meta WHERE key='audit_head'", "") == 0) {
        if (db_next(q) == 1)
            snprintf(head, sizeof head, "%s", db_text(q, 0));
        db_done(q);
    }
    if (last_id == 0 && !*head)
        return;
    snprintf(want, sizeof want, "%lld %s", last_id, last_hash);
    if (strcmp(head, want) != 0)
        verdict_bad(v, last_id + 1, "链尾与记录的链头不符(末尾的行被删除或替换)");
}

int audit_verify(db *d, audit_verdict *v, gm_err *err)
{
    memset(v, 0, sizeof *v);
    v->ok = 1;
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT id,at,COALESCE(user_id,0),login,role,COALESCE(unit_id,0),action,"
                      "object_type,object_id,before,after,client_addr,prev_hash,hash "
                      "FROM audit ORDER BY id", "");
    if (rc)
        return rc;
    char prev[AUDIT_HASH_HEX] = AUDIT_GENESIS, hash[AUDIT_HASH_HEX];
    long long expect = 1;
    while ((rc = db_next(q)) == 1) {
        if (!check_row(q, expect, prev, v, hash))
            break;
        memcpy(prev, hash, sizeof prev);
        v->rows++;
        expect++;
    }
    db_done(q);
    if (rc < 0)
        return rc;
    if (v->ok)
        check_head(d, expect - 1, prev, v);
    return GM_OK;
}
