/*
 * notifications.c - listing and reading a user's notifications (see
 * notifications.h).
 */
#include "store/notifications.h"
#include "store/audit.h"
#include "store/db_rows.h"
#include "util/clock.h"

static json_t *notification_json(db_stmt *q)
{
    int read = !db_is_null(q, 7);
    return json_pack("{s:I,s:s,s:s,s:s,s:s,s:o,s:s,s:o,s:b}", "id", (json_int_t)db_int(q, 0),
                     "kind", db_text(q, 1), "title", db_text(q, 2), "body", db_text(q, 3), "link",
                     db_text(q, 4), "unit_id",
                     db_is_null(q, 5) ? json_null() : json_integer(db_int(q, 5)), "created_at",
                     db_text(q, 6), "read_at", read ? json_string(db_text(q, 7)) : json_null(),
                     "read", read);
}

int notifications_list(db *d, long long user_id, int unread_only, long long limit,
                       long long offset, json_t **out, gm_err *err)
{
    long long total = 0, unread = 0;
    json_t *arr = NULL;
    int rc = db_query_int(d, &unread, err,
                          "SELECT COUNT(*) FROM notifications WHERE user_id=? AND read_at IS NULL",
                          "i", user_id);
    if (!rc)
        rc = db_query_int(d, &total, err,
                          "SELECT COUNT(*) FROM notifications WHERE user_id=? AND "
                          "(?=0 OR read_at IS NULL)",
                          "ii", user_id, (long long)unread_only);
    if (!rc)
        rc = db_rows_json(d, &arr, notification_json, err,
                          "SELECT id,kind,title,body,link,unit_id,created_at,read_at "
                          "FROM notifications WHERE user_id=? AND (?=0 OR read_at IS NULL) "
                          "ORDER BY id DESC LIMIT ? OFFSET ?",
                          "iiii", user_id, (long long)unread_only, limit, offset);
    if (rc)
        return rc;
    *out = json_pack("{s:o,s:I,s:I,s:I,s:I}", "notifications", arr, "total", (json_int_t)total,
                     "unread", (json_int_t)unread, "limit", (json_int_t)limit, "offset",
                     (json_int_t)offset);
    return *out ? GM_OK : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
}

static int mark_one(db *d, const gm_actor *who, long long id, gm_err *err)
{
    long long owner = 0;
    char now[GM_ISO_LEN];
    int rc = db_query_int(d, &owner, err, "SELECT user_id FROM notifications WHERE id=?", "i", id);
    if (rc == GM_E_NOTFOUND || (!rc && owner != who->user_id))
        return gm_fail(err, GM_E_NOTFOUND, "id", "通知 %lld 不存在", id);
    if (rc)
        return rc;
    clock_iso_from_now(now, 0);
    rc = db_exec(d, err,
                 "UPDATE notifications SET read_at=? WHERE id=? AND read_at IS NULL", "ti", now,
                 id);
    if (!rc && db_changes(d) == 1)
        rc = audit_append_json(d, who, "notification.read", "notification", id, NULL,
                               json_pack("{s:s}", "read_at", now), err);
    return rc;
}

int notifications_mark_read(db *d, const gm_actor *who, long long id, gm_err *err)
{
    int rc = db_begin(d, err);
    if (!rc)
        rc = mark_one(d, who, id, err);
    return db_end(d, rc, err);
}

int notifications_mark_all_read(db *d, const gm_actor *who, long long *n, gm_err *err)
{
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_exec(d, err,
                     "UPDATE notifications SET read_at=? WHERE user_id=? AND read_at IS NULL", "ti",
                     now, who->user_id);
    *n = rc ? 0 : db_changes(d);
    if (!rc && *n)
        rc = audit_append_json(d, who, "notification.read_all", "user", who->user_id, NULL,
                               json_pack("{s:I}", "marked", (json_int_t)*n), err);
    return db_end(d, rc, err);
}
