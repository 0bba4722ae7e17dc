/*
 * reply_memo.h - a per-thread memo of whole replies of read routes, never
 * stale.
 *
 * A read route whose reply is a function of the database and of what the
 * request carries (the caller's identity and grants, the query arguments,
 * the day asked about) may keep the bytes it sent with the database stamp
 * they were read under (db_stamp_take, in the route's one snapshot) and a
 * key naming everything else the reply depends on.  The bytes are used
 * again only while the connection's stamp is the same, i.e. nothing at all
 * was committed since by any thread, connection or process, and for the
 * same key byte for byte.  RBAC is still checked centrally on every request
 * before the handler looks here.  The account list uses it (a console that
 * polls the registry, or many requests of one office, cost a lookup instead
 * of a statement over every row).  Bounded: REPLY_MEMO_SLOTS replies per
 * thread, none larger than REPLY_MEMO_MAX_BYTES.
 */
#ifndef GM_HTTP_REPLY_MEMO_H
#define GM_HTTP_REPLY_MEMO_H

#include "store/db.h"

#include <stdbool.h>
#include <stddef.h>

#define REPLY_MEMO_SLOTS 8
#define REPLY_MEMO_MAX_BYTES (256 * 1024)

/* A malloc'd copy of the reply kept under stamp for key, or false. */
bool reply_memo_find(const db_stamp *stamp, const void *key, size_t key_len, char **body,
                     size_t *len);
/* Keeps a copy of body (read under stamp) for key, replacing this thread's
 * oldest reply. */
void reply_memo_keep(const db_stamp *stamp, const void *key, size_t key_len, const char *body,
                     size_t len);

#endif
