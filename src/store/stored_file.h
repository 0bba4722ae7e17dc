/*
 * stored_file.h - reading one file kept in a table (a meeting's or a post's
 * attachment): its name, its type and a copy of its bytes.
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

#endif
