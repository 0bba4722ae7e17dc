/*
 * recheck.c - walking the published archive and re-checking one
 * publication (see recheck.h).
 */
#include "store/recheck.h"
#include "util/clock.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

/* The publications a filter names.  The caller's reach is the rule of
 * rbac_allows() in SQL: a grant of the user whose role carries the
 * permission, on the publication's unit, or above it when the role reaches
 * the subtree. */
#define RECHECK_FROM                                                                          \
    " FROM publications pb JOIN posts p ON p.id = pb.post_id "                                \
    "JOIN accounts a ON a.id = pb.account_id JOIN units un ON un.id = a.unit_id "             \
    "WHERE p.state = 'published' AND (? = 0 OR pb.account_id = ?) "                           \
    "AND (? = 0 OR un.path LIKE (SELECT path FROM units WHERE id = ?) || '%%') "              \
    "AND (? IS NULL OR pb.published_at >= ?) AND (? IS NULL OR pb.published_at < ?) "         \
    "AND (? = 0 OR EXISTS (SELECT 1 FROM user_roles ur JOIN units gu ON gu.id = ur.unit_id "  \
    "WHERE ur.user_id = ? AND ur.role IN (?,?,?,?,?,?,?,?) AND (un.path = gu.path OR "        \
    "(ur.role IN (?,?,?,?,?,?,?,?) AND un.path LIKE gu.path || '%%'))))"
#define RECHECK_ARGS "iiiittttii" "tttttttt" "tttttttt"

/* Role names for the reach: those carrying perm, and those of them reaching
 * the subtree (NULL in unused places, which IN never matches). */
typedef struct reach_roles {
    const char *with_perm[8], *subtree[8];
} reach_roles;

_Static_assert(ROLE_COUNT <= 8, "recheck's reach binds at most 8 roles");

static void roles_for(gm_perm perm, reach_roles *rr)
{
    *rr = (reach_roles){{NULL}, {NULL}};
    for (int r = 0, n = 0; r < ROLE_COUNT; r++)
        if (role_has_perm((gm_role)r, perm)) {
            rr->with_perm[n] = role_name((gm_role)r);
            rr->subtree[n++] = role_reaches_subtree((gm_role)r) ? role_name((gm_role)r) : NULL;
        }
}

#define RECHECK_BIND(f, rr)                                                                   \
    (f)->account_id, (f)->account_id, (f)->unit_id, (f)->unit_id, (f)->since, (f)->since,     \
        (f)->until, (f)->until, (f)->reach_user_id, (f)->reach_user_id, (rr).with_perm[0],    \
        (rr).with_perm[1], (rr).with_perm[2], (rr).with_perm[3], (rr).with_perm[4],           \
        (rr).with_perm[5], (rr).with_perm[6], (rr).with_perm[7], (rr).subtree[0],             \
        (rr).subtree[1], (rr).subtree[2], (rr).subtree[3], (rr).subtree[4], (rr).subtree[5],  \
        (rr).subtree[6], (rr).subtree[7]

int recheck_count(db *d, const recheck_filter *f, long long *n, gm_err *err)
{
    char sql[2048];
    snprintf(sql, sizeof sql, "SELECT COUNT(*)" RECHECK_FROM);
    reach_roles rr;
    roles_for(f->reach_perm, &rr);
    return db_query_int(d, n, err, sql, RECHECK_ARGS, RECHECK_BIND(f, rr));
}

int recheck_each(db *d, const recheck_filter *f, recheck_fn fn, void *ctx, gm_err *err)
{
    char sql[2048];
    snprintf(sql, sizeof sql,
             "SELECT pb.id, p.id, a.id, a.unit_id, a.platform, pb.published_at, p.title, "
             "p.body, p.repost_source, a.name, un.name, un.path" RECHECK_FROM
             " ORDER BY pb.published_at %s, pb.id %s LIMIT ? OFFSET ?",
             f->newest_first ? "DESC" : "ASC", f->newest_first ? "DESC" : "ASC");
    reach_roles rr;
    roles_for(f->reach_perm, &rr);
    db_stmt *q;
    int rc = db_query(d, &q, err, sql, RECHECK_ARGS "ii", RECHECK_BIND(f, rr),
                      f->limit > 0 ? f->limit : LLONG_MAX, f->offset);
    if (rc)
        return rc;
    while ((rc = db_next(q)) == 1) {
        recheck_item it = {db_int(q, 0),  db_int(q, 1),  db_int(q, 2),  db_int(q, 3),
                           db_text(q, 4), db_text(q, 5), db_text(q, 6), db_text(q, 7),
                           db_is_null(q, 8) ? NULL : db_text(q, 8),
                           db_text(q, 9), db_text(q, 10), db_text(q, 11)};
        if ((rc = fn(ctx, &it)) != 0)
            break;
    }
    db_done(q);
    return rc;
}

int recheck_published(db *d, long long account_id, const char *since, recheck_fn fn, void *ctx,
                      gm_err *err)
{
    recheck_filter f = {.account_id = account_id, .since = since};
    return recheck_each(d, &f, fn, ctx, err);
}

int recheck_report(const gm_checker *c, const recheck_item *it, json_t **out, gm_err *err)
{
    char cst[GM_CST_LEN];   /* the text's day: the China day it was published */
    time_t t;
    clock_iso_to_cst(it->published_at, cst);
    cst[10] = '\0';
    const char *day = clock_iso_parse(it->published_at, &t) == 0 ? cst : NULL;
    gm_check_input in = {it->body, strlen(it->body), it->title, it->platform, it->repost_source, NULL, NULL};
    json_t *r = NULL;
    *out = NULL;
    gm_err ignored;
    /* An account on a platform the presets do not know is checked without a length limit. */
    if (gm_check_json_on(c, &in, day, &r, &ignored) != 0) {
        in.platform = NULL;
        int rc = gm_check_json_on(c, &in, day, &r, err);
        if (rc)
            return rc;
    }
    if (json_array_size(json_object_get(r, "findings")) == 0) {
        json_decref(r);
        return 0;
    }
    if (json_object_set_new(r, "publication_id", json_integer(it->publication_id)) ||
        json_object_set_new(r, "post_id", json_integer(it->post_id)) ||
        json_object_set_new(r, "account_id", json_integer(it->account_id)) ||
        json_object_set_new(r, "published_at", json_string(it->published_at)) ||
        json_object_set_new(r, "title", json_string(it->title))) {
        json_decref(r);
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    }
    *out = r;
    return 0;
}
