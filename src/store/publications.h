/*
 * publications.h - what was published on which account: one record per
 * publication of content on one account, whether it came through the
 * review workflow (origin "workflow", post_id set) or was imported from
 * outside (origin "import", post_id 0).
 *
 * publications_insert() writes inside the CALLER's open transaction (the
 * caller appends the audit row of its action), so a publish step or an
 * import batch commits or vanishes as a whole.
 */
#ifndef GM_STORE_PUBLICATIONS_H
#define GM_STORE_PUBLICATIONS_H

#include <jansson.h>
#include "store/db.h"

#define GM_COUNT_UNKNOWN (-1)

typedef struct gm_publication {
    long long account_id;
    long long post_id;              /* 0: imported, no post */
    const char *published_at;       /* UTC "YYYY-MM-DDTHH:MM:SSZ" */
    const char *title;
    const char *url;                /* NULL allowed; unique per account */
    const char *platform_post_id;   /* NULL allowed; unique per account */
    const char *kind;               /* "original" | "repost" */
    const char *origin;             /* "workflow" | "import" */
    int mass_send;                  /* 0/1 (WeChat 群发) */
    long long reads, likes, comments;   /* GM_COUNT_UNKNOWN when unknown */
    long long created_by;           /* user id, 0 for none (CLI import) */
} gm_publication;

/* Checks the fields (naming the bad one in err: "published_at", "kind",
 * "url", ...) without touching the database. */
int publication_validate(const gm_publication *p, gm_err *err);

/* Validates and inserts p inside the caller's transaction.  A url or
 * platform_post_id the account already has is GM_E_CONFLICT naming it. */
int publications_insert(db *d, const gm_publication *p, long long *id_out, gm_err *err);

/* WeChat mass sends recorded on the account during one China-time day
 * ("YYYY-MM-DD", UTC+8). */
int publications_mass_sends_on(db *d, long long account_id, const char *china_day, long long *n,
                               gm_err *err);

/* The publications of a post, oldest first, as a JSON array. */
int publications_of_post(db *d, long long post_id, json_t **out, gm_err *err);

/* One publication row as JSON (columns in PUBLICATION_COLUMNS order). */
#define PUBLICATION_COLUMNS                                                                     \
    "id,account_id,post_id,published_at,title,url,platform_post_id,kind,origin,mass_send,"       \
    "reads,likes,comments,created_at,created_by"
json_t *publication_row_json(db_stmt *q);

#endif
