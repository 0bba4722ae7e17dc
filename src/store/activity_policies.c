/*
 * activity_policies.c - the per-account update-frequency preset (see .h).
 */
#include "store/activity_policies.h"
#include "store/audit.h"
#include "util/clock.h"


static int account_exists(db *d, long long id, gm_err *err)
{
    long long n = 0;
    int rc = db_query_int(d, &n, err, "SELECT COUNT(*) FROM accounts WHERE id=?", "i", id);
    if (!rc && !n)
        rc = gm_fail(err, GM_E_NOTFOUND, "id", "账号 %lld 不存在", id);
    return rc;
}

int activity_policy_get(db *d, long long account_id, gm_activity_policy *out, gm_err *err)
{
    db_stmt *q;
    int rc = account_exists(d, account_id, err);
    if (!rc)
        rc = db_query(d, &q, err, "SELECT policy FROM account_activity_policies WHERE account_id=?",
                      "i", account_id);
    if (rc)
        return rc;
    *out = ACTIVITY_NATIONAL;
    if (db_next(q) == 1)
        rc = activity_policy_parse(db_text(q, 0), out, err);
    db_done(q);
    return rc;
}

int activity_policy_set(db *d, const gm_actor *who, long long account_id, gm_activity_policy p,
                        gm_err *err)
{
    gm_activity_policy before;
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = db_begin(d, err);
    if (!rc)
        rc = activity_policy_get(d, account_id, &before, err);
    if (!rc)
        rc = db_exec(d, err, "DELETE FROM account_activity_policies WHERE account_id=?", "i",
                     account_id);
    if (!rc)
        rc = db_exec(d, err,
                     "INSERT INTO account_activity_policies(account_id,policy,set_at,set_by) "
                     "VALUES(?,?,?,?)",
                     "ittt", account_id, activity_policy_name(p), now, who->login);
    if (!rc)
        rc = audit_append_json(d, who, "account.activity_policy", "account", account_id,
                               json_pack("{s:s}", "policy", activity_policy_name(before)),
                               json_pack("{s:s}", "policy", activity_policy_name(p)), err);
    return db_end(d, rc, err);
}
