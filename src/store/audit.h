/*
 * audit.h - the append-only, hash-chained audit trail.
 *
 * audit_append() must be called inside the transaction of the action it
 * records (db_begin .. db_commit), so the action and its row commit or
 * vanish together.  audit_verify() walks the whole chain.
 */
#ifndef GM_STORE_AUDIT_H
#define GM_STORE_AUDIT_H

#include <jansson.h>
#include "core/actor.h"
#include "store/db.h"

/* before/after are short JSON summaries ("" or NULL when none). */
int audit_append(db *d, const gm_actor *who, const char *action, const char *object_type,
                 const char *object_id, const char *before, const char *after, gm_err *err);

/* The same with before/after as JSON values (either may be NULL); takes
 * ownership of both and records object_id as the decimal id. */
int audit_append_json(db *d, const gm_actor *who, const char *action, const char *object_type,
                      long long object_id, json_t *before, json_t *after, gm_err *err);

typedef struct audit_verdict {
    int ok;                 /* 1: the chain is intact */
    long long rows;         /* rows checked */
    long long bad_row;      /* first bad row id (0 when ok) */
    char reason[256];       /* what is wrong with it, in Chinese */
} audit_verdict;

int audit_verify(db *d, audit_verdict *v, gm_err *err);

#endif
