/*
 * post_access.h - object-level access to one post: the permission must hold
 * on the post's unit (the route's permission was checked centrally already).
 */
#ifndef GM_HTTP_POST_ACCESS_H
#define GM_HTTP_POST_ACCESS_H

#include "http/request.h"

/* Loads post id's unit and checks perm on it (404 for no such post). */
int request_require_post(gm_request *r, gm_perm perm, long long id, gm_err *err);

#endif
