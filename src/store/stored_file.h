/*
 * stored_file.h - reading one file kept in a table (a meeting's or a post's
 * attachment): its name, its type and its bytes, copied into memory or,
 * for a large one, into a file.
 */
#ifndef GM_STORE_STORED_FILE_H
#define GM_STORE_STORED_FILE_H

#include <stddef.h>

#include "store/db.h"

typedef struct stored_file {
    char name[256];
    char mime[128];
    char *data;   /* malloc'd copy; the caller frees */
    size_t len;
} stored_file;

/* sql selects (name, mime, data) of the file with the given id of the given
 * owner ("… WHERE id=? AND meeting_id=?").  No such row: GM_E_NOTFOUND
 * "附件 N 不存在". */
int stored_file_read(db *d, const char *sql, long long id, long long owner, stored_file *out,
                     gm_err *err);

/* The same for a file too big for memory: sql selects (name, mime) of the
 * row; its bytes, table.data of that id, are written to fd (out->data
 * stays NULL, out->len their count). */
int stored_file_to_fd(db *d, const char *sql, const char *table, long long id, long long owner,
                      stored_file *out, int fd, gm_err *err);

#endif
