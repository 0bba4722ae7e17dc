/*
 * security_verdicts.h - the kept verdicts of the 安全问题 veto's re-check
 * (migration 090): for a publication, whether the engine of a given origin
 * (http/check_origin.h) found a security problem in a given text.  A kept
 * verdict answers only for the same origin and the same text digest.
 */
#ifndef GM_STORE_SECURITY_VERDICTS_H
#define GM_STORE_SECURITY_VERDICTS_H

#include "store/db.h"

typedef struct security_verdict {
    long long publication_id;
    char text_digest[33];   /* hex */
    const char *kind;       /* NULL: none; else a static name (严重表述错误 | 涉密内容) */
    char *term;             /* malloc'd, may be NULL */
} security_verdict;

/* *found = 1 and out->kind/term (term malloc'd) when a verdict for
 * publication_id by judged_by on text_digest is kept; else *found = 0. */
int security_verdict_get(db *d, long long publication_id, const char *judged_by,
                         const char *text_digest, int *found, security_verdict *out, gm_err *err);

/* Keeps n verdicts given by judged_by at `at` (ISO UTC), replacing what was
 * kept for those publications; in transactions of a few hundred rows so
 * other writers wait little. */
int security_verdicts_put(db *d, const char *judged_by, const char *at,
                          const security_verdict *v, size_t n, gm_err *err);

#endif
