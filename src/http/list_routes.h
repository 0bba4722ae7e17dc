/*
 * list_routes.h - the HTTP side of managed lists (store/managed_lists.h):
 * one handler each for reading a list, changing it, and its versions, so a
 * feature that owns a list only declares it (name, key field, entry fields,
 * shipped default, what to do after a change) and writes three one-line
 * handlers.  See docs/ARCHITECTURE.md "how to add a managed list".
 *
 *   GET  …            {"list","version","source":"store"|"shipped","entries":[…]}
 *   POST …            body {"add":[entry],"set":[entry],"remove":[key],
 *                           "replace":[entry] (import), "version":N, "note":"…"}
 *                     -> {"list","version","diff":{"added","removed","changed"}}
 *   GET  …/versions   {"list","versions":[{version,at,login,action,note,diff}]}
 */
#ifndef GM_HTTP_LIST_ROUTES_H
#define GM_HTTP_LIST_ROUTES_H

#include "http/json_in.h"
#include "http/query.h"
#include "http/request.h"
#include "store/managed_lists.h"

typedef struct list_route_def {
    managed_list_def list;            /* name, key field, whole-list check */
    const json_field *entry_fields;   /* the fields an entry may carry ({NULL} ended) */
    /* The shipped default entries (a new array); NULL: empty. */
    int (*defaults)(gm_request *r, json_t **out, gm_err *err);
    /* After a committed change (e.g. swap in a reloaded engine); may be NULL. */
    int (*changed)(gm_request *r, gm_err *err);
    /* Fills in, in place, what an entry may leave out (e.g. a key that
     * defaults to another field), on entries sent and entries read; may be
     * NULL.  Called with list.ctx; -1 on no memory. */
    int (*complete)(void *ctx, json_t *entries);
} list_route_def;

/* The current entries: the store's, or the shipped default. */
int list_entries(gm_request *r, const list_route_def *def, json_t **entries,
                 long long *version, gm_err *err);

int list_route_get(gm_request *r, const list_route_def *def, gm_err *err);
int list_route_change(gm_request *r, const list_route_def *def, gm_err *err);
int list_route_versions(gm_request *r, const list_route_def *def, gm_err *err);
/* The query parameters of a versions route (limit), for its route entry. */
extern const query_param list_versions_query[];

/* Applies an already built change (e.g. from a text import) and answers
 * like list_route_change. */
int list_route_apply(gm_request *r, const list_route_def *def, const managed_list_change *ch,
                     gm_err *err);

#endif
