/*
 * recheck.c - walking the published archive and re-checking one
 * publication (see recheck.h).
 */
#include "store/recheck.h"
#include "util/clock.h"

#include <stdio.h>
#include <string.h>

int recheck_each(db *d, const recheck_filter *f, recheck_fn fn, void *ctx, gm_err *err)
{
    char sql[1024];
    snprintf(sql, sizeof sql,
             "SELECT pb.id, p.id, a.id, a.unit_id, a.platform, pb.published_at, p.title, "
             "p.body, p.repost_source, a.name, un.name, un.path FROM publications pb "
             "JOIN posts p ON p.id = pb.post_id JOIN accounts a ON a.id = pb.account_id "
             "JOIN units un ON un.id = a.unit_id "
             "WHERE p.state = 'published' AND (? = 0 OR pb.account_id = ?) "
             "AND (? = 0 OR un.path LIKE (SELECT path FROM units WHERE id = ?) || '%%') "
             "AND (? IS NULL OR pb.published_at >= ?) AND (? IS NULL OR pb.published_at < ?) "
             "ORDER BY pb.published_at %s, pb.id %s",
             f->newest_first ? "DESC" : "ASC", f->newest_first ? "DESC" : "ASC");
    db_stmt *q;
    int rc = db_query(d, &q, err, sql, "iiiitttt", f->account_id, f->account_id, f->unit_id,
                      f->unit_id, f->since, f->since, f->until, f->until);
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
    gm_check_input in = {it->body, strlen(it->body), it->title, it->platform, it->repost_source};
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
