/*
 * recheck.c - walking the published archive (see recheck.h).
 */
#include "store/recheck.h"

int recheck_published(db *d, long long account_id, const char *since, recheck_fn fn, void *ctx,
                      gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT pb.id, p.id, a.id, a.unit_id, a.platform, pb.published_at, p.title, "
                      "p.body, p.repost_source FROM publications pb "
                      "JOIN posts p ON p.id = pb.post_id JOIN accounts a ON a.id = pb.account_id "
                      "WHERE p.state = 'published' AND (? = 0 OR pb.account_id = ?) "
                      "AND (? IS NULL OR pb.published_at >= ?) ORDER BY pb.published_at, pb.id",
                      "iitt", account_id, account_id, since, since);
    if (rc)
        return rc;
    while ((rc = db_next(q)) == 1) {
        recheck_item it = {db_int(q, 0), db_int(q, 1), db_int(q, 2), db_int(q, 3),
                           db_text(q, 4), db_text(q, 5), db_text(q, 6), db_text(q, 7),
                           db_is_null(q, 8) ? NULL : db_text(q, 8)};
        if ((rc = fn(ctx, &it)) != 0)
            break;
    }
    db_done(q);
    return rc;
}
