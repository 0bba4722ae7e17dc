/*
 * message_access.h - object-level access to one public message: the
 * permission must hold on its responsible department or on the unit of its
 * account (the route's permission was checked centrally already).
 */
#ifndef GM_HTTP_MESSAGE_ACCESS_H
#define GM_HTTP_MESSAGE_ACCESS_H

#include "core/calendar.h"
#include "core/instant.h"
#include "http/request.h"
#include "store/messages.h"

int request_require_message(gm_request *r, gm_perm perm, long long id, gm_message *m, gm_err *err);

/* The working calendar of the running server (caller frees). */
int request_calendar(gm_request *r, gm_calendar **cal, gm_err *err);

/* Now, as an instant. */
gm_instant request_now(void);

/* Optional ISO time field of a body: 0 when absent. */
int request_time_field(const json_t *body, const char *key, gm_instant *out, gm_err *err);

#endif
