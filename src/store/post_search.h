/*
 * post_search.h - full-text search over posts' title and body.
 *
 * The only SQLite-specific part of the posts module: the SQLite driver
 * implements it with an FTS5 table using the trigram tokenizer
 * (post_search_sqlite.c), which finds any Chinese substring of 3 or more
 * characters; shorter queries fall back to a plain substring scan.  A
 * PostgreSQL driver would implement the same three functions with pg_trgm.
 */
#ifndef GM_STORE_POST_SEARCH_H
#define GM_STORE_POST_SEARCH_H

#include "store/db.h"

/* Creates the index if missing (called by store_migrate; idempotent). */
int post_search_ensure(db *d, gm_err *err);
/* Indexes the post's current title and body (inside the caller's transaction). */
int post_search_put(db *d, long long post_id, const char *title, const char *body, gm_err *err);
/* The SQL condition on the posts alias `p`, with five text parameters to
 * bind in this order: fts, fts, plain, plain, plain (see
 * post_search_params; NULL parameters make it true). */
const char *post_search_where(void);
/* Splits the query q (may be NULL) into the two parameters. */
void post_search_params(const char *q, char *buf, size_t cap, const char **fts,
                        const char **plain);

#endif
