/*
 * demo_posts.c - the demo's 授权发布: the demo operator (刘洋) is authorised
 * to publish on every account of the education department that can
 * receive posts, so the review chain can be walked end to end.
 */
#include "cli/demo.h"
#include "store/accounts.h"
#include "store/post_publish.h"
#include "store/users.h"

int demo_publish_grants(db *d, const struct gm_actor *who, long long unit, gm_err *err)
{
    gm_user op;
    int rc = users_find_by_login(d, "operator", &op, err);
    if (rc)
        return rc;
    db_stmt *q;
    long long ids[16];
    int n = 0;
    rc = db_query(d, &q, err, "SELECT id FROM accounts WHERE unit_id=? ORDER BY id", "i", unit);
    if (rc)
        return rc;
    while ((rc = db_next(q)) == 1 && n < 16)
        ids[n++] = db_int(q, 0);
    db_done(q);
    if (rc < 0)
        return rc;
    for (int i = 0; i < n; i++) {
        if (accounts_can_receive_posts(d, ids[i], NULL) != GM_OK)
            continue;
        if ((rc = publish_grants_add(d, who, ids[i], op.id, err)) != GM_OK)
            return rc;
    }
    return GM_OK;
}
