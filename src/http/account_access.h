/*
 * account_access.h - object-level access to one account: load it and check
 * a permission on the account's unit (the route's permission was checked
 * centrally already; this is the "on which unit" half).
 */
#ifndef GM_HTTP_ACCOUNT_ACCESS_H
#define GM_HTTP_ACCOUNT_ACCESS_H

#include "http/request.h"
#include "store/accounts.h"

/* Loads account id into *a and checks perm on its unit; on success the
 * caller releases *a (accounts_release). */
int request_load_account(gm_request *r, gm_perm perm, long long id, gm_account *a, gm_err *err);

/* The same check when the handler needs nothing from the account. */
int request_require_account(gm_request *r, gm_perm perm, long long id, gm_err *err);

#endif
