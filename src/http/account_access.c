/*
 * account_access.c - loading an account under a permission (see
 * account_access.h).
 */
#include "http/account_access.h"

int request_load_account(gm_request *r, gm_perm perm, long long id, gm_account *a, gm_err *err)
{
    int rc = accounts_get(r->db, id, a, err);
    if (rc)
        return rc;
    rc = request_require_unit(r, perm, a->unit_id, err);
    if (rc)
        accounts_release(a);
    return rc;
}

int request_require_account(gm_request *r, gm_perm perm, long long id, gm_err *err)
{
    gm_account a;
    int rc = request_load_account(r, perm, id, &a, err);
    if (!rc)
        accounts_release(&a);
    return rc;
}
