/*
 * post_query.h - reading posts: the filtered list (archive search, review
 * queue, overdue list), one post with its versions, findings,
 * publications and corrections, and its history of steps.
 */
#ifndef GM_STORE_POST_QUERY_H
#define GM_STORE_POST_QUERY_H

#include <jansson.h>
#include "core/actor.h"
#include "store/db.h"

typedef struct post_filter {
    const char *state;          /* a state name */
    long long account_id, unit_id;   /* 0: any; unit_id includes units below */
    const char *author;         /* login */
    const char *reviewer;       /* login of someone who approved or rejected */
    const char *from, *to;      /* China dates on published (else created) day */
    const char *q;              /* full text over title and body */
    int awaiting_me;            /* in review at a level whose role the actor holds */
    int overdue;                /* in review past the level's due day */
    const char *today;          /* China date for overdue */
    long long limit, offset;
} post_filter;

/* {"posts":[…],"total":N,"limit","offset"}; only posts the actor may read. */
int posts_list(db *d, const gm_actor *who, const post_filter *f, json_t **out, gm_err *err);

/* One post with "versions" (each with findings), "publications",
 * "schedules", "corrected_by", "accounts". */
int posts_detail(db *d, long long id, const char *today, json_t **out, gm_err *err);

/* {"post_id","steps":[{id,action,action_label,version,level,role,role_label,user_id,login,
 *  note,reason,override_reason,confidentiality,account_id,detail,at}]} */
int posts_history(db *d, long long id, json_t **out, gm_err *err);

#endif
