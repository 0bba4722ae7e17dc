/*
 * notify.h - telling people that they must act: in-app notifications and
 * the unit's group-robot messages (webhook outbox).
 *
 * HOW TO NOTIFY (for every module): call these INSIDE your action's open
 * transaction (after db_begin, before db_end), next to your audit row.
 * They only write rows: the notification(s) and, for each enabled robot
 * of unit_id, one message in webhook_outbox, delivered later by the loop
 * in `govmedia serve` (notify/outbox_loop.h) with retries.  So a
 * notification commits or vanishes with the step that caused it, and a
 * slow or broken robot never blocks or fails the step.
 *
 *   gm_notice n = {.kind = "post.review", .title = "待审核:……",
 *                  .body = "第 1 级(部门负责人)", .link = "/posts/12"};
 *   rc = notify_role(d, unit_id, ROLE_DEPARTMENT_HEAD, &n, NULL, err);
 *   rc = notify_user(d, author_id, unit_id, &n, err);
 *
 * A bad notice (see notice_validate) is GM_E_INVALID; the caller's step
 * then rolls back, so build notices from trusted text.
 */
#ifndef GM_STORE_NOTIFY_H
#define GM_STORE_NOTIFY_H

#include "core/notice.h"
#include "core/rbac.h"
#include "store/db.h"

/* One in-app notification to user_id about a matter of unit_id (0: none),
 * plus one robot message per enabled webhook of that unit. */
int notify_user(db *d, long long user_id, long long unit_id, const gm_notice *n, gm_err *err);

/* One in-app notification to every enabled user holding role ON unit_id
 * itself, plus one robot message per enabled webhook of the unit (one
 * group message, not one per user).  *n_users (may be NULL) = how many
 * were notified; 0 is not an error. */
int notify_role(db *d, long long unit_id, gm_role role, const gm_notice *n, long long *n_users,
                gm_err *err);

/* The in-app part of notify_role (no robot message). */
int notify_role_in_app(db *d, long long unit_id, gm_role role, const gm_notice *n,
                       long long *n_users, gm_err *err);

/* In-app only: one notification to every enabled user holding role on the
 * unit whose path is unit_path or on any unit above it (the offices whose
 * reach covers it), however many they are; no robot message. */
int notify_role_above_in_app(db *d, const char *unit_path, long long unit_id, gm_role role,
                             const gm_notice *n, long long *n_users, gm_err *err);

/* Only the in-app part (no robot message), for notices the group should
 * not see. */
int notify_user_in_app(db *d, long long user_id, long long unit_id, const gm_notice *n,
                       gm_err *err);

/* Only the robot part: one outbox message per enabled webhook of unit_id. */
int notify_unit_robots(db *d, long long unit_id, const gm_notice *n, gm_err *err);

#endif
