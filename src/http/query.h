/*
 * query.h - validating query-string parameters, the URL's counterpart of
 * json_in.h.
 *
 * Two layers.  The router runs query_args_check() for every API request
 * before any handler: each parameter name and value must be valid UTF-8,
 * free of control characters (a %00 or %ff is a 400 naming the parameter,
 * never a 500 further down) and at most GM_QUERY_MAX_CHARS long.  A
 * handler that reads parameters then declares them once and calls
 * request_query() first: unknown parameters and values of the wrong type
 * (as_of=zzz, limit=abc, platform=nope) are refused with 400 naming the
 * parameter; afterwards request_arg() / request_arg_int() values can be
 * trusted.
 *
 *   static const query_param list_query[] = {
 *       {"unit_id", QP_ID, NULL}, {"as_of", QP_DATE, NULL},
 *       {"overdue", QP_ENUM, "filing|refiling|any"}, {NULL, 0, NULL}};
 *   int rc = request_query(r, list_query, err);
 */
#ifndef GM_HTTP_QUERY_H
#define GM_HTTP_QUERY_H

#include "http/request.h"

#define GM_QUERY_MAX_CHARS 200

typedef enum {
    QP_TEXT,   /* any one-line text (search words) */
    QP_INT,    /* a decimal integer, sign allowed */
    QP_ID,     /* a positive integer id */
    QP_DATE,   /* YYYY-MM-DD, a real calendar day */
    QP_ENUM,   /* one of `choices`, "a|b|c" */
    QP_BOOL,   /* true|false|1|0 */
} query_type;

typedef struct query_param {
    const char *name;
    query_type type;
    const char *choices;   /* QP_ENUM only */
} query_param;

/* Every parameter of the request: UTF-8, no control characters, length. */
int query_args_check(gm_request *r, gm_err *err);

/* Every parameter present is declared in spec ({NULL} ends it) and has a
 * value of its type; absent parameters are fine. */
int request_query(gm_request *r, const query_param *spec, gm_err *err);

#endif
