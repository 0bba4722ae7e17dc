/*
 * notifications.h - a user's in-app notifications: the list (the bell of
 * the console) and marking them read.  Writing them: store/notify.h.
 */
#ifndef GM_STORE_NOTIFICATIONS_H
#define GM_STORE_NOTIFICATIONS_H

#include <jansson.h>
#include "core/actor.h"
#include "store/db.h"

/* The user's notifications, newest first:
 * {"notifications":[{id,kind,title,body,link,unit_id,created_at,read_at,read}],
 *  "total":N (matching the filter),"unread":N,"limit":L,"offset":O}. */
int notifications_list(db *d, long long user_id, int unread_only, long long limit,
                       long long offset, json_t **out, gm_err *err);

/* Marks one of the actor's own notifications read (another user's is
 * GM_E_NOTFOUND); reading twice is fine.  One transaction, audited. */
int notifications_mark_read(db *d, const gm_actor *who, long long id, gm_err *err);

/* Marks every unread notification of the actor read; *n = how many. */
int notifications_mark_all_read(db *d, const gm_actor *who, long long *n, gm_err *err);

#endif
