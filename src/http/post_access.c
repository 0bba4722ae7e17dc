/*
 * post_access.c - the post's unit decides who may act on it (post_access.h).
 */
#include "http/post_access.h"
#include "store/posts.h"

int request_require_post(gm_request *r, gm_perm perm, long long id, gm_err *err)
{
    gm_post p;
    int rc = posts_get(r->db, id, &p, err);
    if (rc)
        return rc;
    long long unit = p.unit_id;
    posts_release(&p);
    return request_require_unit(r, perm, unit, err);
}
