/*
 * assessment_security.h - finding the security problems (安全问题: 严重表述错误,
 * 泄密) of the year's publications for the assessment's veto item
 * veto_security (report/assessment.h).
 */
#ifndef GM_REPORT_ASSESSMENT_SECURITY_H
#define GM_REPORT_ASSESSMENT_SECURITY_H

#include "check/check.h"
#include "report/activity.h"
#include "store/db.h"

typedef struct security_hit {
    long long account_id, publication_id;
    const char *published_at, *title;   /* ISO UTC time; the post's title */
    const char *kind;                   /* 严重表述错误 | 涉密内容 */
    const char *term;                   /* what was found, as written (may be NULL) */
} security_hit;

typedef void (*security_hit_fn)(void *ctx, const security_hit *hit);

typedef struct security_counts {
    long long judged;      /* publications judged (kept verdicts and new ones) */
    long long rechecked;   /* of them, re-checked now */
} security_counts;

/* Judges every workflow publication of the scope (its unit's subtree, the
 * actor's reach) published in [since, until) (ISO UTC times) with c; fn
 * gets each publication with a blocking wrong expression or secret (the
 * first such finding).  A verdict kept from an engine of c's origin on the
 * same text is taken as it is; the others cost one check each
 * (bench/report/README.md) and are kept (when c's origin is known). */
int assessment_security_scan(db *d, const gm_checker *c, const report_scope *scope,
                             const char *since, const char *until, security_hit_fn fn, void *ctx,
                             security_counts *counts, gm_err *err);

#endif
