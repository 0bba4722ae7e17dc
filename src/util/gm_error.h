/*
 * gm_error.h - the one error convention of govmedia.
 *
 * Every fallible function returns an int status: 0 (GM_OK) on success or a
 * negative GM_E_* code, and fills a gm_err with a human message (Chinese,
 * since operators read it) and, where one input field is to blame, that
 * field's name.  The HTTP layer maps codes to statuses and the CLI maps
 * them to exit codes; nothing below cli/ ever calls exit().
 */
#ifndef GM_ERROR_H
#define GM_ERROR_H

#include <stddef.h>

enum {
    GM_OK = 0,
    GM_E_INVALID = -1,   /* bad input: HTTP 400, exit 2 */
    GM_E_NOTFOUND = -2,  /* 404 */
    GM_E_CONFLICT = -3,  /* illegal state transition or duplicate: 409 */
    GM_E_DENIED = -4,    /* authenticated but not allowed: 403 */
    GM_E_AUTH = -5,      /* not authenticated / bad credentials: 401 */
    GM_E_LOCKED = -6,    /* account locked after failed logins: 423 */
    GM_E_TOOLARGE = -7,  /* body or file over a limit: 413 */
    GM_E_NOMEM = -8,     /* 500 */
    GM_E_IO = -9,        /* file or network I/O failed: 500 */
    GM_E_DB = -10,       /* store failure: 500 */
    GM_E_BUSY = -11,     /* store busy past its timeout: 503 */
    GM_E_INTERNAL = -12, /* invariant broken: 500 */
    GM_E_METHOD = -13,   /* the path exists, not with this HTTP method: 405 */
    GM_E_TOOMANY = -14   /* too many attempts from this client, try later: 429 */
};

typedef struct gm_err {
    int code;
    char field[64];     /* offending input field, "" when none */
    char message[512];  /* human readable, for operators and API clients */
} gm_err;

/* Records an error in *err (may be NULL) and returns code, so callers can
 * write `return gm_fail(err, GM_E_INVALID, "name", "...", ...);`. */
int gm_fail(gm_err *err, int code, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Clears *err to the no-error state. */
void gm_err_clear(gm_err *err);

/* Stable machine-readable name of a code: "invalid", "not_found", ... */
const char *gm_code_name(int code);

/* HTTP status for a code (400, 404, 409, ...). */
int gm_code_http_status(int code);

#endif
