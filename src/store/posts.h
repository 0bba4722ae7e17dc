/*
 * posts.h - posts in the store: drafting, editing, withdrawing, loading,
 * and the step writer every workflow step goes through.
 *
 * Each action is one transaction: load the post, ask core/post.h whether
 * the step is legal, write the change, one post_steps row, one audit row,
 * and the notifications of whoever must act next (store/notify.h).
 * Review steps: store/post_review.h; publishing: store/post_publish.h;
 * lists and history: store/post_query.h.
 */
#ifndef GM_STORE_POSTS_H
#define GM_STORE_POSTS_H

#include <jansson.h>
#include "core/actor.h"
#include "core/post.h"
#include "store/db.h"

#define POST_TITLE_MAX 200
#define POST_SUMMARY_MAX 500   /* code points; the platform preset's limit (120) is a check finding */
#define POST_BODY_MAX 50000
#define POST_MAX_ACCOUNTS 32

typedef struct gm_post {
    long long id, unit_id, author_id, version, corrects;
    gm_post_state state;
    char unit_path[128];
    int major, level, n_chain, reminded_level;
    gm_role chain[2 * POST_MAX_LEVELS];
    char level_role[32], level_due[11];
    char *title, *body, *repost_source;   /* malloc'd; repost_source NULL: not a repost */
    char disclosure_type[16];            /* "" or core/post_disclosure.h's kind */
    char *disclosure_basis;              /* malloc'd; NULL without a declaration */
    char *summary;                       /* malloc'd; NULL: no summary (摘要) */
    long long account_ids[POST_MAX_ACCOUNTS];
    int n_accounts;
} gm_post;

void posts_release(gm_post *p);
/* GM_E_NOTFOUND naming "id" when there is none. */
int posts_get(db *d, long long id, gm_post *out, gm_err *err);

/* What a draft or an edit carries.  For an edit, NULL / -1 keep the value. */
typedef struct post_input {
    const char *title, *body;
    int major;                     /* 0/1, -1 keep */
    int set_repost_source;         /* 1: repost_source below replaces (NULL: not a repost) */
    const char *repost_source;
    const long long *account_ids;  /* NULL keep */
    int n_accounts;
    long long corrects;            /* create only: the published post this one corrects */
    int set_disclosure;            /* 1: the declaration below replaces (type NULL: none) */
    const char *disclosure_type, *disclosure_basis;
    int set_summary;               /* 1: summary below replaces (NULL or "": none) */
    const char *summary;
} post_input;

/* The unit every target account belongs to, checking each is a live
 * account that may receive posts; 409 naming "account_ids" otherwise. */
int posts_accounts_unit(db *d, const long long *ids, int n, long long *unit_id, gm_err *err);

/* A new draft (version 1) of unit_id by the actor. */
int posts_create(db *d, const gm_actor *who, long long unit_id, const post_input *in,
                 long long *id_out, gm_err *err);
/* A new version of a draft or returned post (author only; state becomes
 * draft, so review restarts at level 1). */
int posts_edit(db *d, const gm_actor *who, long long id, const post_input *in, gm_err *err);
/* Withdraws a draft or returned post (author only); published: 409. */
int posts_withdraw(db *d, const gm_actor *who, long long id, gm_err *err);

/* {"type","label","basis"} of a lawful-disclosure declaration, or JSON null. */
json_t *post_disclosure_json(const char *type, const char *basis);

/* ---- the step writer (post_review.c, post_publish.c) ---- */

typedef struct post_step {
    const char *action;          /* "create","edit","submit","approve",… */
    int level;                   /* 0: none */
    const char *note, *reason, *override_reason;
    int confidentiality;         /* -1: not asked */
    long long account_id;        /* 0: none */
    json_t *detail;              /* stolen; may be NULL */
} post_step;

/* Inside a transaction: one post_steps row and its audit row, the post's
 * state moving from `before` to the state now in the row. */
int post_step_record(db *d, const gm_actor *who, const gm_post *p, gm_post_state before,
                     gm_post_state after, const post_step *s, gm_err *err);

/* "待审核:<title, shortened>" style notice titles. */
void post_notice_title(char *out, size_t cap, const char *prefix, const char *title);

#endif
