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

/* What the console's audit page filters on; NULL fields do not filter.
 * from/to are canonical UTC ISO-8601 text (from inclusive, to exclusive);
 * client_addr: the address the action came from ("cli" for the CLI). */
typedef struct audit_filter {
    const char *action, *login, *object_type, *object_id, *from, *to, *client_addr;
} audit_filter;

/* One page (offset, limit) of the rows matching f that scope may read
 * (the same reach rule as audit_list; NULL: all), newest first, and how
 * many such rows there are in all. */
int audit_search(db *d, const gm_actor *scope, const audit_filter *f, long long offset,
                 long long limit, json_t **out, long long *total, gm_err *err);

/* Adds to each row read above "actor_name" (display name, null for the
 * command line and the scheduler), "object_name" (an account's name, a post's
 * title, …; null when the type has none or the object is gone) and
 * "object_unit_id" (or null); see audit_names.c. */
int audit_rows_describe(db *d, json_t *rows, gm_err *err);

#endif
