/*
 * stored_file.h - reading one file kept in a table (a meeting's or a post's
 * attachment): its name, its type and its bytes, written into a file.
 */
#ifndef GM_STORE_STORED_FILE_H
#define GM_STORE_STORED_FILE_H

#include <stddef.h>

#include "store/db.h"

typedef struct stored_file {
    char name[256];
    char mime[128];
    size_t len;   /* bytes written */
} stored_file;

/* sql selects (name, mime) of the file with the given id of the given owner
 * ("… WHERE id=? AND meeting_id=?"; no such row: GM_E_NOTFOUND "附件 N 不存在");
 * its bytes, table.data of that id, are written to fd in pieces (out->len
 * their count): never whole in memory. */
int stored_file_to_fd(db *d, const char *sql, const char *table, long long id, long long owner,
                      stored_file *out, int fd, gm_err *err);

#endif
