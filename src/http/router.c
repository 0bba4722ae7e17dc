/*
 * router.c - matching requests to routes and the central access check.
 *
 * Order for every API request: match route -> load session (cookie) ->
 * 401 if the route needs a login and there is none -> 403 if a write
 * lacks the session's CSRF token -> 403 if no grant of the user carries
 * the route's permission -> every query parameter is valid UTF-8 without
 * control characters, declared by the route (gm_route.query) and of its
 * type (query.h) -> handler.  A path that exists under other
 * methods answers 405 with an Allow header (server.c asks
 * router_allowed_methods()).  Handlers then check the permission
 * again on the unit of the object they touch (request_require_unit).
 */
#include "http/query.h"
#include "http/route.h"
#include "http/session.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

static const gm_route *const tables[] = {
    gm_routes_system, gm_routes_session, gm_routes_units, gm_routes_users,
    gm_routes_audit,  gm_routes_check,   gm_routes_accounts, gm_routes_account_reviews,
    gm_routes_calendar, gm_routes_notifications, gm_routes_messages, gm_routes_message_admin,
    gm_routes_reports, gm_routes_jobs, gm_routes_incidents, gm_routes_duty, gm_routes_meetings,
    gm_routes_posts, gm_routes_post_attachments,
    gm_routes_lexicons, gm_routes_recheck, gm_routes_national_filings,
    gm_routes_vault, NULL,
};

/* Matches one pattern against path, segment by segment. */
static int pattern_matches(const char *pat, const char *path, long long *ids, int *n_ids)
{
    int n = 0;
    while (*pat && *path) {
        if (strncmp(pat, "{id}", 4) == 0) {
            char *end;
            if (*path < '1' || *path > '9')
                return 0;
            long long v = strtoll(path, &end, 10);
            if (end == path || (*end && *end != '/') || n >= GM_MAX_PATH_IDS)
                return 0;
            ids[n++] = v;
            pat += 4;
            path = end;
            continue;
        }
        if (*pat != *path)
            return 0;
        pat++;
        path++;
    }
    if (*pat || *path)
        return 0;
    *n_ids = n;
    return 1;
}

const gm_route *router_match(const char *method, const char *path, long long *ids, int *n_ids,
                             int *path_known)
{
    *path_known = 0;
    for (int t = 0; tables[t]; t++)
        for (const gm_route *r = tables[t]; r->method; r++) {
            if (!pattern_matches(r->pattern, path, ids, n_ids))
                continue;
            if (strcmp(r->method, method) == 0)
                return r;
            *path_known = 1;
        }
    return NULL;
}

void router_allowed_methods(const char *path, char *out, size_t cap)
{
    long long ids[GM_MAX_PATH_IDS];
    int n_ids;
    size_t used = 0;
    out[0] = '\0';
    for (int t = 0; tables[t]; t++)
        for (const gm_route *r = tables[t]; r->method; r++)
            if (pattern_matches(r->pattern, path, ids, &n_ids) && !strstr(out, r->method) &&
                used < cap)
                used += (size_t)snprintf(out + used, cap - used, "%s%s", used ? ", " : "",
                                         r->method);
}

static const query_param no_query[] = {{NULL, 0, NULL}};

static bool is_write(const char *method)
{
    return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;
}

static int check_access(gm_request *r, const gm_route *route, gm_err *err)
{
    if (route->perm == PERM_PUBLIC)
        return GM_OK;
    int rc = session_load(r, err);
    if (rc)
        return rc;
    if (is_write(r->method)) {
        const char *tok = request_header(r, "X-CSRF-Token");
        if (!tok || strlen(tok) != strlen(r->csrf) ||
            sodium_memcmp(tok, r->csrf, strlen(r->csrf)) != 0)
            return gm_fail(err, GM_E_DENIED, "X-CSRF-Token", "缺少或错误的 CSRF 令牌(请求头 X-CSRF-Token)");
    }
    if (!actor_take_role(&r->actor, route->perm, NULL))
        return gm_fail(err, GM_E_DENIED, NULL, "当前用户没有“%s”(%s)的权限",
                       perm_label_zh(route->perm), perm_name(route->perm));
    return GM_OK;
}

int router_admit(gm_request *r, const gm_route *route, gm_err *err)
{
    return check_access(r, route, err);
}

void router_dispatch(gm_request *r, const gm_route *route)
{
    gm_err err;
    gm_err_clear(&err);
    int snapshot = r->db && route_one_snapshot(route);
    int rc = snapshot ? db_begin_read(r->db, &err) : GM_OK;
    if (!rc)
        rc = check_access(r, route, &err);
    if (!rc)
        rc = request_query(r, route->query ? route->query : no_query, &err);
    if (!rc)
        rc = route->handler(r, &err);
    if (snapshot)
        rc = db_end(r->db, rc, &err);
    if (rc)
        reply_error(r, &err);
}

void router_print(FILE *out)
{
    for (int t = 0; tables[t]; t++)
        for (const gm_route *r = tables[t]; r->method; r++)
            fprintf(out, "%s %s %s %s\n", r->method, r->pattern, perm_name(r->perm),
                    r->summary ? r->summary : "");
}

static const char *const query_type_names[] = {"text", "int", "id", "date", "enum", "bool"};

void router_print_query(FILE *out)
{
    for (int t = 0; tables[t]; t++)
        for (const gm_route *r = tables[t]; r->method; r++) {
            fprintf(out, "%s %s ", r->method, r->pattern);
            const query_param *p = r->query;
            if (!p || !p->name)
                fputs("-", out);
            for (; p && p->name; p++)
                fprintf(out, "%s%s:%s", p == r->query ? "" : ",", p->name, query_type_names[p->type]);
            fputc('\n', out);
        }
}
