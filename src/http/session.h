/*
 * session.h - reading the session cookie into the request's actor.
 */
#ifndef GM_HTTP_SESSION_H
#define GM_HTTP_SESSION_H

#include "http/request.h"

#define SESSION_COOKIE "gm_session"

/* Loads the session named by the cookie: fills r->actor, r->csrf; 401 if
 * absent or expired. */
int session_load(gm_request *r, gm_err *err);

#endif
