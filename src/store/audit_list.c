/*
 * audit_list.c - reading audit rows for inspectors (newest first).
 */
#include "store/audit_query.h"
#include "store/db_rows.h"

static json_t *audit_row_json(db_stmt *q)
{
    return json_pack("{s:I,s:s,s:I,s:s,s:s,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "id",
                     (json_int_t)db_int(q, 0), "at", db_text(q, 1), "user_id",
                     (json_int_t)db_int(q, 2), "login", db_text(q, 3), "role", db_text(q, 4),
                     "unit_id", (json_int_t)db_int(q, 5), "action", db_text(q, 6), "object_type",
                     db_text(q, 7), "object_id", db_text(q, 8), "before", db_text(q, 9), "after",
                     db_text(q, 10), "client_addr", db_text(q, 11), "hash", db_text(q, 12));
}

int audit_list(db *d, long long before_id, long long limit, json_t **out, gm_err *err)
{
    return db_rows_json(d, out, audit_row_json, err,
                        "SELECT id,at,COALESCE(user_id,0),login,role,COALESCE(unit_id,0),action,"
                        "object_type,object_id,before,after,client_addr,hash FROM audit "
                        "WHERE (?=0 OR id<?) ORDER BY id DESC LIMIT ?", "iii", before_id, before_id,
                        limit);
}
