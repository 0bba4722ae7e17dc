/*
 * recheck.h - the published archive for re-checking after a lexicon change
 * (回溯检查): each publication made through the workflow, with the text of
 * its post as published and the account's platform.
 */
#ifndef GM_STORE_RECHECK_H
#define GM_STORE_RECHECK_H

#include "store/db.h"

typedef struct recheck_item {
    long long publication_id, post_id, account_id, unit_id;
    const char *platform, *published_at, *title, *body, *repost_source;   /* repost_source may be NULL */
} recheck_item;

/* Return nonzero from fn to stop (that value is returned). */
typedef int (*recheck_fn)(void *ctx, const recheck_item *it);

/* Publications of published posts, oldest first; account_id 0 = every
 * account; since ("YYYY-MM-DD" or ISO time, may be NULL) = published at
 * or after it. */
int recheck_published(db *d, long long account_id, const char *since, recheck_fn fn, void *ctx,
                      gm_err *err);

#endif
