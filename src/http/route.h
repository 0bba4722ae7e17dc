/*
 * route.h - the route table: method + path pattern -> permission + handler.
 *
 * Every route of the API is declared in one of the routes_*.c tables and
 * listed in router.c; the router checks the session, the CSRF token on
 * writes and the route's permission before any handler runs, so no handler
 * can forget them.  Patterns use "{id}" for a numeric path segment.
 */
#ifndef GM_HTTP_ROUTE_H
#define GM_HTTP_ROUTE_H

#include <stdio.h>
#include "http/query.h"
#include "http/request.h"

typedef int (*gm_handler)(gm_request *r, gm_err *err);

typedef struct gm_route {
    const char *method;
    const char *pattern;
    gm_perm perm;
    gm_handler handler;
    size_t max_body;        /* 0: the default JSON limit (1 MiB) */
    const char *summary;    /* Chinese, for `govmedia routes` and docs */
    /* The query parameters the route reads ({NULL}-ended; NULL: none).  The
     * router refuses any other parameter (400 naming it) and values of the
     * wrong type before the handler runs, so no route silently ignores a
     * parameter the caller thought it had set. */
    const query_param *query;
    /* 1: the body (up to max_body) goes to a temporary file as it arrives,
     * never whole into memory (a video); the handler reads upload_fd, and
     * body holds its first GM_SPOOL_HEAD bytes to read its type from. */
    int spool;
} gm_route;

#define GM_DEFAULT_MAX_BODY (1024 * 1024)
#define GM_SPOOL_HEAD (1024 * 1024)   /* libmagic reads at most the first MiB */

/* NULL-terminated tables, one per routes_*.c file. */
extern const gm_route gm_routes_system[];
extern const gm_route gm_routes_session[];
extern const gm_route gm_routes_units[];
extern const gm_route gm_routes_users[];
extern const gm_route gm_routes_audit[];
extern const gm_route gm_routes_check[];
extern const gm_route gm_routes_accounts[];
extern const gm_route gm_routes_account_reviews[];
extern const gm_route gm_routes_calendar[];
extern const gm_route gm_routes_reports[];
extern const gm_route gm_routes_jobs[];
extern const gm_route gm_routes_notifications[];
extern const gm_route gm_routes_messages[];
extern const gm_route gm_routes_message_admin[];
extern const gm_route gm_routes_incidents[];
extern const gm_route gm_routes_duty[];
extern const gm_route gm_routes_meetings[];
extern const gm_route gm_routes_posts[];
extern const gm_route gm_routes_post_attachments[];
extern const gm_route gm_routes_lexicons[];
extern const gm_route gm_routes_recheck[];
extern const gm_route gm_routes_national_filings[];
extern const gm_route gm_routes_vault[];

/* 0 for the few routes whose handler never touches the database (health):
 * the server gives them no connection (r->db is NULL). */
int route_uses_db(const gm_route *route);

/* 1 for the busy routes whose handler only reads (the account list): the
 * session lookup and the handler then read one snapshot, one read
 * transaction instead of one per statement. */
int route_one_snapshot(const gm_route *route);

/* Finds the route for method+path; fills ids.  *path_known is set when the
 * path exists under another method (405 rather than 404). */
const gm_route *router_match(const char *method, const char *path, long long *ids, int *n_ids,
                             int *path_known);

/* The methods path answers to, "GET, POST" (empty if none), for the Allow
 * header of a 405. */
void router_allowed_methods(const char *path, char *out, size_t cap);

/* The session, CSRF and permission checks of router_dispatch alone (r->db
 * set): a spooled route runs them before taking its body, so no one
 * without the right writes hundreds of MB to the server's disk. */
int router_admit(gm_request *r, const gm_route *route, gm_err *err);

/* Authenticates, checks CSRF and permission, runs the handler, and leaves
 * the answer (or an error answer) in r. */
void router_dispatch(gm_request *r, const gm_route *route);

/* Writes "METHOD PATTERN PERMISSION SUMMARY" lines, one per route. */
void router_print(FILE *out);

/* Writes "METHOD PATTERN name:type,name:type" lines (the declared query
 * parameters, "-" for none), one per route: `govmedia routes --query`. */
void router_print_query(FILE *out);

#endif
