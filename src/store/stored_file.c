/*
 * stored_file.c - one file kept in a table, its bytes written to a file
 * (see stored_file.h).
 */
#include "store/stored_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* name and mime of the row sql selects; GM_E_NOTFOUND if none. */
static int read_meta(db_stmt *q, long long id, stored_file *out, gm_err *err)
{
    int rc = db_next(q);
    if (rc == 1) {
        snprintf(out->name, sizeof out->name, "%s", db_text(q, 0));
        snprintf(out->mime, sizeof out->mime, "%s", db_text(q, 1));
        return GM_OK;
    }
    return rc < 0 ? rc : gm_fail(err, GM_E_NOTFOUND, "id", "附件 %lld 不存在", id);
}

int stored_file_to_fd(db *d, const char *sql, const char *table, long long id, long long owner,
                      stored_file *out, int fd, gm_err *err)
{
    db_stmt *q;
    unsigned long long len = 0;
    int rc = db_query(d, &q, err, sql, "ii", id, owner);
    if (rc)
        return rc;
    rc = read_meta(q, id, out, err);
    db_done(q);
    if (!rc)
        rc = db_blob_to_fd(d, table, "data", id, fd, &len, err);
    out->len = (size_t)len;
    return rc;
}
