/*
 * notify.c - writing notifications and robot messages inside the caller's
 * transaction (see notify.h).  Nothing here commits or talks to the
 * network: delivery is the outbox loop's job.
 */
#include "store/notify.h"
#include "util/clock.h"

#include <stdio.h>
#include <stdlib.h>

static int insert_notification(db *d, long long user_id, long long unit_id, const gm_notice *n,
                               const char *now, gm_err *err)
{
    return db_exec(d, err,
                   "INSERT INTO notifications(user_id,unit_id,kind,title,body,link,created_at) "
                   "VALUES(?,?,?,?,?,?,?)",
                   "inttttt", user_id, unit_id, n->kind, n->title, n->body ? n->body : "",
                   n->link ? n->link : "", now);
}

int notify_user_in_app(db *d, long long user_id, long long unit_id, const gm_notice *n,
                       gm_err *err)
{
    char now[GM_ISO_LEN];
    int rc = notice_validate(n, err);
    if (rc)
        return rc;
    clock_iso_from_now(now, 0);
    return insert_notification(d, user_id, unit_id, n, now, err);
}

/* One notification to each enabled holder of role on unit_id itself
 * (above_path NULL) or on any unit whose path is a prefix of above_path. */
static int insert_for_role(db *d, long long unit_id, const char *above_path, gm_role role,
                           const gm_notice *n, long long *n_users, gm_err *err)
{
    char now[GM_ISO_LEN];
    int rc = notice_validate(n, err);
    if (rc)
        return rc;
    clock_iso_from_now(now, 0);
    rc = db_exec(d, err,
                 "INSERT INTO notifications(user_id,unit_id,kind,title,body,link,created_at) "
                 "SELECT DISTINCT r.user_id,?,?,?,?,?,? FROM user_roles r "
                 "JOIN units un ON un.id=r.unit_id JOIN users u ON u.id=r.user_id "
                 "WHERE r.role=? AND u.disabled=0 AND CASE WHEN ? IS NULL THEN r.unit_id=? "
                 "ELSE substr(?,1,length(un.path))=un.path END",
                 "itttttttit", unit_id, n->kind, n->title, n->body ? n->body : "",
                 n->link ? n->link : "", now, role_name(role), above_path, unit_id, above_path);
    if (!rc && n_users)
        *n_users = db_changes(d);
    return rc;
}

int notify_role_above_in_app(db *d, const char *unit_path, long long unit_id, gm_role role,
                             const gm_notice *n, long long *n_users, gm_err *err)
{
    return insert_for_role(d, unit_id, unit_path, role, n, n_users, err);
}

/* One outbox row for the hook, its payload shaped for the hook's kind. */
static int enqueue(db *d, long long hook_id, const char *kind, const gm_notice *n,
                   const char *now, gm_err *err)
{
    json_t *p = notice_robot_payload(kind, n);
    char *text = p ? json_dumps(p, JSON_COMPACT) : NULL;
    json_decref(p);
    if (!text)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    int rc = db_exec(d, err,
                     "INSERT INTO webhook_outbox(webhook_id,payload,state,attempts,"
                     "next_attempt_at,created_at) VALUES(?,?,'pending',0,?,?)",
                     "ittt", hook_id, text, now, now);
    free(text);
    return rc;
}

#define MAX_HOOKS 16

int notify_unit_robots(db *d, long long unit_id, const gm_notice *n, gm_err *err)
{
    if (!unit_id)
        return GM_OK;
    int rc = notice_validate(n, err);
    if (rc)
        return rc;
    long long ids[MAX_HOOKS];
    char kinds[MAX_HOOKS][16];
    size_t count = 0;
    db_stmt *q;
    rc = db_query(d, &q, err,
                  "SELECT id,kind FROM unit_webhooks WHERE unit_id=? AND enabled=1 ORDER BY id",
                  "i", unit_id);
    if (rc)
        return rc;
    while ((rc = db_next(q)) == 1 && count < MAX_HOOKS) {
        ids[count] = db_int(q, 0);
        snprintf(kinds[count++], sizeof kinds[0], "%s", db_text(q, 1));
    }
    db_done(q);
    if (rc < 0)
        return rc;
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    rc = GM_OK;
    for (size_t i = 0; !rc && i < count; i++)
        rc = enqueue(d, ids[i], kinds[i], n, now, err);
    return rc;
}

int notify_user(db *d, long long user_id, long long unit_id, const gm_notice *n, gm_err *err)
{
    int rc = notify_user_in_app(d, user_id, unit_id, n, err);
    return rc ? rc : notify_unit_robots(d, unit_id, n, err);
}

int notify_role_in_app(db *d, long long unit_id, gm_role role, const gm_notice *n,
                       long long *n_users, gm_err *err)
{
    return insert_for_role(d, unit_id, NULL, role, n, n_users, err);
}

int notify_role(db *d, long long unit_id, gm_role role, const gm_notice *n, long long *n_users,
                gm_err *err)
{
    int rc = notify_role_in_app(d, unit_id, role, n, n_users, err);
    return rc ? rc : notify_unit_robots(d, unit_id, n, err);
}
