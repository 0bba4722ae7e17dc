/*
 * post_disclosure.h - a post's declaration that it is a lawful disclosure
 * in which personal data may stay (REQUIREMENTS §2, seed 002: personal
 * information is de-identified "除惩戒公示、强制性信息披露外").
 *
 * The author declares the kind (惩戒公示 or 强制性信息披露) and the legal
 * basis; the compliance check's privacy findings of such a post are then
 * accepted by that declaration: still listed (severity "info",
 * "accepted":"disclosure"), no longer warnings a reviewer must override.
 * A post without a declaration is checked as before.  No I/O.
 */
#ifndef GM_CORE_POST_DISCLOSURE_H
#define GM_CORE_POST_DISCLOSURE_H

#include <jansson.h>
#include "util/gm_error.h"

#define POST_DISCLOSURE_BASIS_MAX 300

/* "punishment" -> 惩戒公示, "mandatory" -> 强制性信息披露; NULL for others. */
const char *post_disclosure_label(const char *type);

/* A declaration: type NULL/"" = none (basis must then be empty too);
 * otherwise a known type and a basis of 4..300 characters.  400 naming
 * "disclosure_type" or "disclosure_basis". */
int post_disclosure_check(const char *type, const char *basis, gm_err *err);

/* Marks the privacy findings as accepted by the declaration of type (no
 * change when type is NULL or ""); returns how many were accepted. */
int post_findings_accept_disclosure(json_t *findings, const char *type);

#endif
