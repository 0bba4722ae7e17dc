/*
 * publication_import.h - recording publications made outside govmedia
 * from a CSV file (header `published_at,title,url,kind`, optionally
 * followed by `reads`, `likes`, `comments`, in that order).
 *
 *   published_at  2026-10-08, 2026-10-08 09:30 or ISO-8601; no zone = Beijing time
 *   title         required, at most 500 characters
 *   url           required, http(s); the key: a url the account already has is skipped
 *   kind          原创 | 转载 (or original | repost)
 *   reads, likes, comments   the platform's counts (blank: not known); for
 *                 a url the account already has they replace its counts
 *                 (the weekly statistics read them)
 *
 * All or nothing: the first bad row is GM_E_INVALID with a message naming
 * its line ("第 3 行:...") and field "line 3", and nothing is imported.
 * One transaction with one audit row.  Importing the same file twice adds
 * nothing the second time.
 */
#ifndef GM_STORE_PUBLICATION_IMPORT_H
#define GM_STORE_PUBLICATION_IMPORT_H

#include <jansson.h>
#include <stddef.h>
#include "core/actor.h"
#include "store/db.h"

typedef struct publication_import_result {
    long long imported;   /* new publications */
    long long updated;    /* rows whose url the account had: counts replaced */
    long long skipped;    /* rows whose url the account already had, no counts */
    json_t *rows;         /* one object a data row: line, published_at (UTC), title, url,
                             kind, reads/likes/comments (null: not known) and outcome
                             "imported" | "updated" | "skipped"; NULL after a failure.
                             The caller frees it (json_decref). */
} publication_import_result;

int publications_import_csv(db *d, const gm_actor *who, long long account_id, const char *csv,
                            size_t len, publication_import_result *res, gm_err *err);

#endif
