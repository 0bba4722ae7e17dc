/*
 * recheck.h - the published archive for re-checking after a list change
 * (回溯检查): each publication made through the workflow, with the text of
 * its post as published and the account's platform, and the report of
 * re-checking one of them with the engine as it stands now.  Shared by
 * `govmedia check --archive` and GET /api/v1/archive/recheck.
 */
#ifndef GM_STORE_RECHECK_H
#define GM_STORE_RECHECK_H

#include <jansson.h>

#include "check/check.h"
#include "core/rbac.h"
#include "store/db.h"

typedef struct recheck_item {
    long long publication_id, post_id, account_id, unit_id;
    const char *platform, *published_at, *title, *body, *repost_source;   /* repost_source may be NULL */
    const char *account_name, *unit_name, *unit_path;
} recheck_item;

/* Return nonzero from fn to stop (that value is returned). */
typedef int (*recheck_fn)(void *ctx, const recheck_item *it);

/* Which publications: account_id / unit_id 0 = any (unit_id: the unit and
 * its subtree); since / until (ISO UTC times, may be NULL) = published at
 * or after since and before until; reach_user_id 0 = anyone's, else only
 * on units where that user holds a grant carrying reach_perm (the rule of
 * rbac_allows, applied in SQL so a page costs what it reads);
 * newest_first orders by publication time descending (else oldest first);
 * offset skips that many, limit (0: no limit) caps the walk. */
typedef struct recheck_filter {
    long long account_id, unit_id;
    const char *since, *until;
    long long reach_user_id;
    gm_perm reach_perm;
    int newest_first;
    long long offset, limit;
} recheck_filter;

/* How many publications the filter names (offset and limit ignored). */
int recheck_count(db *d, const recheck_filter *f, long long *n, gm_err *err);
int recheck_each(db *d, const recheck_filter *f, recheck_fn fn, void *ctx, gm_err *err);

/* Publications of published posts, oldest first; account_id 0 = every
 * account; since ("YYYY-MM-DD" or ISO time, may be NULL) = published at
 * or after it. */
int recheck_published(db *d, long long account_id, const char *since, recheck_fn fn, void *ctx,
                      gm_err *err);

/* Re-checks one published post; *out = its report (as `check --json`)
 * with publication_id, post_id, account_id, published_at and title added,
 * or NULL when it has no finding. */
int recheck_report(const gm_checker *c, const recheck_item *it, json_t **out, gm_err *err);

#endif
