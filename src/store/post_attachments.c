/*
 * post_attachments.c - the files attached to a post (see post_attachments.h).
 *
 * Adding and taking off follow the rules of editing the post (its author,
 * while a draft or returned) and leave a post step, so the post's history
 * says which files went through review; after submission the set is fixed.
 */
#include "store/post_attachments.h"
#include "check/mime_label.h"
#include "core/post.h"
#include "store/db_rows.h"
#include "store/posts.h"
#include "util/clock.h"
#include "util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The post, loaded, when who may change its attachments now. */
static int editable_post(db *d, const gm_actor *who, long long post_id, gm_post *p, gm_err *err)
{
    int rc = posts_get(d, post_id, p, err);
    if (rc)
        return rc;
    rc = post_event_check(p->state, POST_EDIT, err);
    if (!rc && who->user_id != p->author_id)
        rc = gm_fail(err, GM_E_DENIED, "author", "只有作者本人可以添加或删除稿件的附件");
    if (rc)
        posts_release(p);
    return rc;
}

static int step(db *d, const gm_actor *who, gm_post *p, const char *action, const char *name,
                const char *mime, long long bytes, gm_err *err)
{
    post_step st = {.action = action, .confidentiality = -1,
                    .detail = json_pack("{s:{s:s,s:s,s:I}}", "attachment", "name", name, "mime",
                                        mime, "bytes", (json_int_t)bytes)};
    return post_step_record(d, who, p, p->state, p->state, &st, err);
}

static int add_in_tx(db *d, const gm_actor *who, long long post_id, const char *name,
                     const char *mime, int fd, unsigned long long len, long long *id,
                     gm_err *err)
{
    gm_post p;
    char now[GM_ISO_LEN];
    int rc = editable_post(d, who, post_id, &p, err);
    if (rc)
        return rc;
    clock_iso_from_now(now, 0);
    rc = db_query_int(d, id, err,
                      "INSERT INTO post_attachments(post_id,name,mime,bytes,data,created_at,"
                      "created_by) VALUES(?,?,?,?,?,?,?) RETURNING id",
                      "ittibti", post_id, name, mime, (long long)len, "", (size_t)0, now,
                      who->user_id);
    /* the bytes: room reserved, then filled from the file in pieces (095) */
    if (!rc)
        rc = db_exec(d, err, "INSERT INTO post_attachment_files(attachment_id,data) VALUES(?,?)",
                     "iz", *id, (long long)len);
    if (!rc)
        rc = db_blob_from_fd(d, "post_attachment_files", "data", *id, fd, len, err);
    if (!rc)
        rc = step(d, who, &p, "attach", name, mime, (long long)len, err);
    posts_release(&p);
    return rc;
}

int post_attachments_add(db *d, const gm_actor *who, long long post_id, const char *name,
                         const char *mime, int fd, unsigned long long len, long long *id,
                         gm_err *err)
{
    int rc = text_require(name, "name", 1, 200, err);
    if (!rc && (strchr(name, '/') || strchr(name, '\\')))
        rc = gm_fail(err, GM_E_INVALID, "name", "附件名称不能含路径分隔符");
    if (!rc && !len)
        rc = gm_fail(err, GM_E_INVALID, "file", "附件为空");
    if (!rc && len > GM_POST_ATTACHMENT_MAX)
        rc = gm_fail(err, GM_E_TOOLARGE, "file", "附件不能超过 %u MB", GM_POST_ATTACHMENT_MAX >> 20);
    if (!rc && fd < 0)
        rc = gm_fail(err, GM_E_INVALID, "file", "附件为空");
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, add_in_tx(d, who, post_id, name, mime, fd, len, id, err), err);
    return rc;
}

static int remove_in_tx(db *d, const gm_actor *who, long long post_id, long long att_id,
                        gm_err *err)
{
    gm_post p;
    db_stmt *q;
    char name[256] = "", mime[128] = "", now[GM_ISO_LEN];
    long long bytes = 0;
    int rc = editable_post(d, who, post_id, &p, err);
    if (rc)
        return rc;
    rc = db_query(d, &q, err,
                  "SELECT name,mime,bytes FROM post_attachments WHERE id=? AND post_id=? AND "
                  "removed_at IS NULL", "ii", att_id, post_id);
    if (!rc) {
        int got = db_next(q);
        if (got == 1) {
            snprintf(name, sizeof name, "%s", db_text(q, 0));
            snprintf(mime, sizeof mime, "%s", db_text(q, 1));
            bytes = db_int(q, 2);
        }
        db_done(q);
        rc = got < 0 ? got : got == 0 ? gm_fail(err, GM_E_NOTFOUND, "id", "附件 %lld 不存在", att_id) : GM_OK;
    }
    clock_iso_from_now(now, 0);
    if (!rc)
        rc = db_exec(d, err, "UPDATE post_attachments SET removed_at=?,removed_by=? WHERE id=?",
                     "tii", now, who->user_id, att_id);
    if (!rc)
        rc = step(d, who, &p, "detach", name, mime, bytes, err);
    posts_release(&p);
    return rc;
}

int post_attachments_remove(db *d, const gm_actor *who, long long post_id, long long att_id,
                            gm_err *err)
{
    int rc = db_begin(d, err);
    return rc ? rc : db_end(d, remove_in_tx(d, who, post_id, att_id, err), err);
}

static json_t *attachment_row(db_stmt *q)
{
    const char *label = gm_mime_label(db_text(q, 2));
    return json_pack("{s:I,s:s,s:s,s:o,s:I,s:s}", "id", (json_int_t)db_int(q, 0), "name",
                     db_text(q, 1), "mime", db_text(q, 2), "mime_label",
                     label ? json_string(label) : json_null(), "bytes", (json_int_t)db_int(q, 3),
                     "created_at", db_text(q, 4));
}

int post_attachments_list(db *d, long long post_id, json_t **out, gm_err *err)
{
    return db_rows_json(d, out, attachment_row, err,
                        "SELECT id,name,mime,bytes,created_at FROM post_attachments WHERE "
                        "post_id=? AND removed_at IS NULL ORDER BY id", "i", post_id);
}

int post_attachments_to_fd(db *d, long long post_id, long long att_id, stored_file *out, int fd,
                           gm_err *err)
{
    return stored_file_to_fd(d, "SELECT name,mime FROM post_attachments WHERE id=? AND post_id=?",
                             "post_attachment_files", att_id, post_id, out, fd, err);
}
