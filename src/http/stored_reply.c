/*
 * stored_reply.c - a stored file sent from a temporary file (see
 * stored_reply.h).
 */
#include "http/stored_reply.h"
#include "util/spool.h"

#include <stdio.h>

int reply_stored_file(gm_request *r, stored_file_writer write, long long owner, long long att_id,
                      gm_err *err)
{
    stored_file f;
    gm_spool out;
    int rc = gm_spool_open(&out, 0, 0, err);
    if (rc)
        return rc;
    rc = write(r->db, owner, att_id, &f, out.fd, err);
    int fd = rc ? -1 : gm_spool_take_fd(&out);
    gm_spool_close(&out);
    if (!rc && fd < 0)
        rc = gm_fail(err, GM_E_IO, "file", "无法读回临时文件");
    if (rc)
        return rc;
    snprintf(r->disposition, sizeof r->disposition, "attachment; filename=\"attachment-%lld\"",
             att_id);
    snprintf(r->content_type_buf, sizeof r->content_type_buf, "%s", f.mime);
    reply_file(r, 200, r->content_type_buf, fd, f.len);
    return GM_OK;
}
