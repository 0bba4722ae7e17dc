/*
 * account_reviews.h - annual review rounds (年审) in the store.
 *
 * A supervisor opens a round for a year over their unit's subtree; every
 * live account below it submits a report (text, optional attachment); the
 * supervisor passes or fails each with a reason; closing the round writes
 * the must-close list (no report, or failed) which stays exportable.
 * Per-account steps are audited as object "account" (so they show in the
 * account's timeline); round steps as object "review_round".
 */
#ifndef GM_STORE_ACCOUNT_REVIEWS_H
#define GM_STORE_ACCOUNT_REVIEWS_H

#include <jansson.h>
#include "core/actor.h"
#include "store/db.h"

#define GM_REVIEW_ATTACHMENT_MAX (5 * 1024 * 1024)

typedef struct gm_review_round {
    long long id;
    int year, month;
    long long unit_id;
    char unit_path[128];
    char state[8];          /* "open" | "closed" */
} gm_review_round;

int reviews_open(db *d, const gm_actor *who, int year, int month, long long unit_id,
                 long long *id_out, gm_err *err);
int reviews_get(db *d, long long round_id, gm_review_round *out, gm_err *err);

/* Rounds whose unit scope may read (NULL: all). */
int reviews_list(db *d, const gm_actor *scope, json_t **out, gm_err *err);

/* The round with one entry per account below it (live accounts, and any
 * account that has a report), with review state and reason. */
int reviews_detail(db *d, long long round_id, json_t **out, gm_err *err);

/* The account's report for the round (attachment may be NULL). */
int reviews_submit(db *d, const gm_actor *who, long long round_id, long long account_id,
                   const char *text, const char *attachment_name, const void *attachment,
                   size_t attachment_len, gm_err *err);

/* pass = 1 passes, 0 fails (reason required when failing). */
int reviews_decide(db *d, const gm_actor *who, long long round_id, long long account_id, int pass,
                   const char *reason, gm_err *err);

/* Closes the round and writes its must-close list. */
int reviews_close(db *d, const gm_actor *who, long long round_id, gm_err *err);

/* The must-close list of a closed round (GM_E_CONFLICT while open). */
int reviews_must_close(db *d, long long round_id, json_t **out, gm_err *err);

/* The same list as CSV text (UTF-8 with BOM, for spreadsheet programs);
 * *csv is malloc'd. */
int reviews_must_close_csv(db *d, long long round_id, char **csv, size_t *len, gm_err *err);

#endif
