/*
 * actor_name.h - the display name of whoever took a recorded step (a post's
 * review step, a message or incident event, an account version or audit
 * row), for histories people read: people know each other by name, not by
 * login.  Rows keep the login; the name is read at query time, so a renamed
 * user shows under the new name.
 *
 *   "SELECT at,login," ACTOR_NAME_SQL("e.login") " FROM events e ..."
 *   json_object_set_new(row, "actor_name", actor_name_json(q, 2));
 *
 * The command line ("cli:…") and the scheduler are no users: NULL there, and
 * the console names them (命令行, 定时任务).
 */
#ifndef GM_STORE_ACTOR_NAME_H
#define GM_STORE_ACTOR_NAME_H

#include <jansson.h>

#include "store/db.h"

/* A scalar subquery: the display name of the user of that login, or NULL. */
#define ACTOR_NAME_SQL(login_expr) "(SELECT display_name FROM users WHERE login=" login_expr ")"

/* Column c of q as a JSON string, or JSON null when NULL. */
static inline json_t *actor_name_json(db_stmt *q, int c)
{
    return db_is_null(q, c) ? json_null() : json_string(db_text(q, c));
}

#endif
