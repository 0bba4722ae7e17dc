/*
 * account_query.h - reading the registry: filtered lists, an account's
 * versions and its timeline.
 */
#ifndef GM_STORE_ACCOUNT_QUERY_H
#define GM_STORE_ACCOUNT_QUERY_H

#include <jansson.h>
#include "core/actor.h"
#include "store/db.h"

typedef struct account_filter {
    long long unit_id;      /* 0: all; else this unit and everything below it */
    const char *platform;   /* NULL: all */
    const char *state;      /* NULL: all */
    const char *overdue;    /* NULL, "filing", "refiling" or "any" */
    const char *as_of;      /* "YYYY-MM-DD" for the overdue flags; NULL: today */
} account_filter;

/* Checks the filter's values (GM_E_INVALID naming the bad one). */
int account_filter_validate(const account_filter *f, gm_err *err);

/* The accounts matching f that scope may read (PERM_ACCOUNT_READ on the
 * account's unit); scope NULL means everything (the local CLI). */
int accounts_list(db *d, const gm_actor *scope, const account_filter *f, json_t **out,
                  gm_err *err);

/* Every version of the account's record, oldest first. */
int accounts_versions(db *d, long long id, json_t **out, gm_err *err);

/* The account's audit rows (oldest first) with the version each wrote. */
int accounts_timeline(db *d, long long id, json_t **out, gm_err *err);

#endif
