/*
 * post.h - the review-before-publish workflow (先审后发, 分级审核, 授权发布):
 * the post's states, the review policy of a unit, and the rules of each
 * step.  Pure: callers load the post and the actor, ask here, then record.
 *
 *   draft --submit--> in_review(level 1..n) --approve at n--> approved
 *     ^                 |  approve at k<n: level k+1              |
 *     |                 +--reject--> returned --edit--> draft     +--publish--> published
 *   edit (a new version; author only, draft or returned)             (any account, again)
 *   withdraw: draft/returned -> withdrawn (author only)
 */
#ifndef GM_CORE_POST_H
#define GM_CORE_POST_H

#include <jansson.h>
#include <stdbool.h>
#include "core/rbac.h"
#include "util/gm_error.h"

typedef enum {
    POST_DRAFT,
    POST_IN_REVIEW,
    POST_RETURNED,
    POST_APPROVED,
    POST_PUBLISHED,
    POST_WITHDRAWN,
    POST_STATE_COUNT
} gm_post_state;

typedef enum { POST_EDIT, POST_SUBMIT, POST_APPROVE, POST_REJECT, POST_PREVIEW, POST_PUBLISH,
               POST_WITHDRAW } gm_post_event;

const char *post_state_name(gm_post_state s);
const char *post_state_label(gm_post_state s);
int post_state_parse(const char *name, gm_post_state *out);

/* GM_OK when the event is legal in state s; GM_E_CONFLICT naming "state"
 * (with the current state in Chinese) otherwise. */
int post_event_check(gm_post_state s, gm_post_event e, gm_err *err);

/* ---- review policies ---- */

#define POST_MAX_LEVELS 4

typedef struct gm_review_policy {
    char preset[32];                   /* a preset name or "custom" */
    gm_role levels[POST_MAX_LEVELS];   /* reviewer role of level 1..n */
    int n_levels;
    gm_role major_extra[POST_MAX_LEVELS];  /* appended for major (重大、敏感) posts */
    int n_major_extra;
    int overdue_days;                  /* working days a level may wait (default 2) */
    char length_preset[16];            /* §3.3 length preset the submit check uses:
                                        * "house" (default) or "platform" (util/length_preset.h) */
} gm_review_policy;

/* The default: department_head -> leader, + principal when major; 2 days. */
void review_policy_default(gm_review_policy *p);
/* Fills p from a preset name; GM_E_INVALID naming "preset" if unknown. */
int review_policy_preset(const char *name, gm_review_policy *p, gm_err *err);
/* Every preset as JSON: [{"name","label","levels":[…],"major_extra":[…]}]. */
json_t *review_policy_presets_json(void);
/* Checks a policy: 1..4 levels, reviewer roles only (department_head,
 * leader, principal), no role twice in one chain, 1..30 overdue days. */
int review_policy_validate(const gm_review_policy *p, gm_err *err);
/* From/to JSON {"preset","levels":[…],"major_extra":[…],"overdue_days",
 * "length_preset"} (to_json adds "length_preset_label"); a stored policy
 * without length_preset reads as the house rule. */
int review_policy_from_json(const json_t *j, gm_review_policy *p, gm_err *err);
json_t *review_policy_to_json(const gm_review_policy *p);

/* The chain a post follows: levels, then major_extra when major. */
int review_chain(const gm_review_policy *p, bool major, gm_role *out, int cap);

/* ---- findings ---- */

/* Applies the workflow's reading of compliance findings in place: a repost
 * source outside the approved list is a warn the reviewer may override
 * (the engine says block); a missing source stays a block. */
void post_findings_adjust(json_t *findings);
/* Counts block and warn findings. */
void post_findings_count(const json_t *findings, int *blocks, int *warns);

/* ---- steps ---- */

typedef struct gm_approval {
    bool is_author;          /* the actor wrote the post */
    bool holds_level_role;   /* the actor holds the current level's role on the post's unit */
    int level, n_levels;     /* current level (1-based) and chain length */
    int warns;               /* warn findings of the version under review */
    const char *override_reason;   /* NULL or "" when absent */
    bool confidentiality;    /* 保密审查 confirmed */
} gm_approval;

/* The approve rules in the order the issue states them: never the author
 * (403), only the level's role (403 naming "level_role"), override_reason
 * with warnings (400), confidentiality at the last level (400). */
int post_approval_check(const gm_approval *a, gm_err *err);

/* Is a mass send (群发) allowed: WeChat only, after a preview of this
 * version, and none yet on the China-time day (409 naming "mass_send"). */
int post_mass_send_check(const char *platform, bool previewed, long long sends_that_day,
                         gm_err *err);

#endif
