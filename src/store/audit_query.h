/*
 * audit_query.h - reading the audit trail (the writing side is audit.h).
 */
#ifndef GM_STORE_AUDIT_QUERY_H
#define GM_STORE_AUDIT_QUERY_H

#include <jansson.h>
#include "core/actor.h"
#include "store/db.h"

/* Up to limit rows with id < before_id (0: from the newest), newest first,
 * of those scope may read (see audit_list.c); scope NULL: all (local CLI). */
int audit_list(db *d, const gm_actor *scope, long long before_id, long long limit, json_t **out,
               gm_err *err);

#endif
