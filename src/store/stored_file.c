/*
 * stored_file.c - one file kept in a table, read with a copy of its bytes
 * (see stored_file.h).
 */
#include "store/stored_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int stored_file_read(db *d, const char *sql, long long id, long long owner, stored_file *out,
                     gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err, sql, "ii", id, owner);
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 1) {
        snprintf(out->name, sizeof out->name, "%s", db_text(q, 0));
        snprintf(out->mime, sizeof out->mime, "%s", db_text(q, 1));
        const void *bytes = db_blob(q, 2, &out->len);
        out->data = malloc(out->len ? out->len : 1);
        if (out->data && out->len)
            memcpy(out->data, bytes, out->len);
        rc = out->data ? GM_OK : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    } else if (rc == 0) {
        rc = gm_fail(err, GM_E_NOTFOUND, "id", "附件 %lld 不存在", id);
    }
    db_done(q);
    return rc;
}
