/*
 * post_publish.h - 授权发布: per-account publishing grants, WeChat preview,
 * publishing (now or scheduled) and the job that records scheduled ones.
 *
 * Only an operator holding an explicit grant for the account publishes,
 * only an approved (or already published) post, each target account at
 * most once; a WeChat mass send (群发) needs a preview of this version and
 * is allowed once per account per China-time day.  Each publication is a
 * row of `publications` (store/publications.h).
 */
#ifndef GM_STORE_POST_PUBLISH_H
#define GM_STORE_POST_PUBLISH_H

#include <jansson.h>
#include <time.h>
#include "store/posts.h"

int publish_grants_list(db *d, long long account_id, json_t **out, gm_err *err);
/* The user must hold the operator role on the account's unit (409 naming
 * user_id otherwise); granting twice is 409. */
int publish_grants_add(db *d, const gm_actor *who, long long account_id, long long user_id,
                       gm_err *err);
int publish_grants_remove(db *d, const gm_actor *who, long long account_id, long long user_id,
                          gm_err *err);
/* Does the user hold a grant for the account? */
int publish_grant_held(db *d, long long account_id, long long user_id, int *held, gm_err *err);

int posts_preview(db *d, const gm_actor *who, long long id, long long account_id, gm_err *err);

typedef struct publish_input {
    long long account_id;
    const char *url, *platform_post_id;   /* one of them for an immediate publication */
    int mass_send;
    const char *at;                       /* NULL: now; future: scheduled */
} publish_input;

/* *out = {"publication": {...}} or {"schedule": {...}}. */
int posts_publish(db *d, const gm_actor *who, long long id, const publish_input *in, time_t now,
                  json_t **out, gm_err *err);

/* Cancels a pending scheduled publication of post id (409 once recorded,
 * failed or cancelled); only someone holding the publishing grant for its
 * account, with a reason.  A post step and its audit row in one transaction. */
int posts_cancel_schedule(db *d, const gm_actor *who, long long id, long long schedule_id,
                          const char *reason, gm_err *err);

/* Records every scheduled publication due at now; *done = how many. */
int posts_publish_scheduled(db *d, time_t now, int *done, gm_err *err);

#endif
