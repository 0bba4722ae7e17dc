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

/* The engine the scan judges with.  checker: one already loaded (the
 * server's).  Or, when loading it costs more than the scan (the command
 * line), checker NULL, origin the origin the engine will have
 * (http/check_origin.h) and load() called the first time a publication has
 * no kept verdict: a warm assessment never loads the engine. */
typedef struct security_engine {
    const gm_checker *checker;
    const char *origin;
    int (*load)(void *ctx, const gm_checker **out, gm_err *err);
    void *ctx;
} security_engine;

typedef struct security_counts {
    long long judged;      /* publications judged (kept verdicts and new ones) */
    long long rechecked;   /* of them, re-checked now */
} security_counts;

/* Judges every workflow publication of the scope (its unit's subtree, the
 * actor's reach) published in [since, until) (ISO UTC times) with c; fn
 * gets each publication with a blocking wrong expression or secret (the
 * first such finding).  A verdict kept from an engine of e's origin on the
 * same text is taken as it is; the others cost one check each
 * (bench/report/README.md) and are kept (when the origin is known). */
int assessment_security_scan(db *d, const security_engine *e, const report_scope *scope,
                             const char *since, const char *until, security_hit_fn fn, void *ctx,
                             security_counts *counts, gm_err *err);

#endif
