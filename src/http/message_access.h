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

/* unit_id from the query string; default: the unit of the actor's grant
 * carrying perm.  Checks perm on it (unknown unit: 400 naming unit_id). */
int request_unit_arg(gm_request *r, gm_perm perm, long long *unit, gm_err *err);

/* request_require_unit for a unit named in a request body: an unknown
 * unit is bad input (400 naming unit_id), not a missing page. */
int request_require_body_unit(gm_request *r, gm_perm perm, long long unit, gm_err *err);

/* The optional {"as_of": ISO time} body of an escalation run: now when absent. */
int request_escalation_time(gm_request *r, gm_instant *at, gm_err *err);

#endif
