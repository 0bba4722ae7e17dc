/*
 * vault_requests.c - requests for a delegated login and their decisions
 * (see vault_requests.h).
 */
#include "store/vault_requests.h"
#include "store/accounts.h"
#include "store/actor_name.h"
#include "store/audit.h"
#include "store/db_rows.h"
#include "store/notify.h"
#include "store/vault.h"
#include "util/text.h"

#include <stdio.h>
#include <string.h>

/* In-app notices to every enabled supervisor whose unit contains the
 * account's unit (the holding office). */
/* Every supervisor whose reach covers the account: the holding office. */
static int notify_office(db *d, const gm_account *a, const gm_notice *n, gm_err *err)
{
    return notify_role_above_in_app(d, a->unit_path, a->unit_id, ROLE_SUPERVISOR, n, NULL, err);
}

static int request_in_tx(db *d, const gm_actor *who, const gm_account *a, const char *until,
                         const char *reason, const char *now, long long *id_out, gm_err *err)
{
    long long pending = 0;
    int rc = db_query_int(d, &pending, err,
                          "SELECT id FROM credential_requests WHERE account_id=? AND user_id=? AND "
                          "state='pending'", "ii", a->id, who->user_id);
    if (rc == GM_OK)
        return gm_fail(err, GM_E_CONFLICT, "id", "您已有一份待批准的登录授权申请(第 %lld 号)", pending);
    if (rc != GM_E_NOTFOUND)
        return rc;
    rc = db_query_int(d, id_out, err,
                      "INSERT INTO credential_requests(account_id,user_id,reason,expires_at,state,"
                      "requested_at) VALUES(?,?,?,?,'pending',?) RETURNING id",
                      "iittt", a->id, who->user_id, reason, until, now);
    if (!rc)
        rc = audit_append_json(d, who, "credential.request", "account", a->id, NULL,
                               json_pack("{s:I,s:s,s:s}", "request_id", (json_int_t)*id_out,
                                         "expires_at", until, "reason", reason), err);
    char title[400], link[64];
    snprintf(title, sizeof title, "登录授权申请:%s", a->name);
    snprintf(link, sizeof link, "/accounts/%lld?tab=credential", a->id);
    gm_notice n = {.kind = "credential.request", .title = title, .body = reason, .link = link};
    return rc ? rc : notify_office(d, a, &n, err);
}

int vault_request(db *d, const gm_actor *who, long long account_id, const char *expires_at,
                  const char *reason, const char *now, long long *id_out, gm_err *err)
{
    char until[GM_ISO_LEN];
    gm_account a;
    int rc = vault_grant_check(d, who->user_id, expires_at, reason, now, until, err);
    if (!rc)
        rc = accounts_get(d, account_id, &a, err);
    if (rc)
        return rc;
    rc = db_begin(d, err);
    if (!rc)
        rc = db_end(d, request_in_tx(d, who, &a, until, reason, now, id_out, err), err);
    accounts_release(&a);
    return rc;
}

typedef struct pending_request {
    long long user_id;
    char state[16], expires_at[GM_ISO_LEN], reason[2004];
} pending_request;

static int load_request(db *d, long long account_id, long long id, pending_request *p, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT user_id, state, expires_at, reason FROM credential_requests WHERE "
                      "id=? AND account_id=?", "ii", id, account_id);
    if (rc)
        return rc;
    if ((rc = db_next(q)) == 1) {
        p->user_id = db_int(q, 0);
        snprintf(p->state, sizeof p->state, "%s", db_text(q, 1));
        snprintf(p->expires_at, sizeof p->expires_at, "%s", db_text(q, 2));
        snprintf(p->reason, sizeof p->reason, "%s", db_text(q, 3));
    }
    db_done(q);
    if (rc == 0)
        return gm_fail(err, GM_E_NOTFOUND, "request_id", "该账号没有第 %lld 号登录授权申请", id);
    if (rc < 0)
        return rc;
    return strcmp(p->state, "pending") == 0
               ? GM_OK
               : gm_fail(err, GM_E_CONFLICT, "state", "第 %lld 号申请已%s", id,
                         strcmp(p->state, "approved") == 0 ? "批准" : "驳回");
}

static int decide_in_tx(db *d, const gm_actor *who, const gm_account *a, long long id, int approve,
                        const char *reason, const char *now, gm_err *err)
{
    pending_request p;
    long long grant_id = 0;
    int rc = load_request(d, a->id, id, &p, err);
    if (!rc && approve && strcmp(p.expires_at, now) <= 0)
        rc = gm_fail(err, GM_E_CONFLICT, "expires_at", "申请的截止时间已过,请申请人重新申请");
    if (!rc && approve)
        rc = vault_grant_in_tx(d, who, a->id, p.user_id, p.expires_at, p.reason, now, &grant_id, err);
    if (!rc)
        rc = db_exec(d, err,
                     "UPDATE credential_requests SET state=?, decided_by=?, decided_at=?, "
                     "decision_reason=?, grant_id=NULLIF(?,0) WHERE id=?",
                     "ttttii", approve ? "approved" : "rejected", who->login, now, reason,
                     grant_id, id);
    if (!rc)
        rc = audit_append_json(d, who, approve ? "credential.request_approve" : "credential.request_reject",
                               "account", a->id, json_pack("{s:s}", "state", "pending"),
                               json_pack("{s:I,s:s,s:o}", "request_id", (json_int_t)id, "state",
                                         approve ? "approved" : "rejected", "reason",
                                         reason ? json_string(reason) : json_null()), err);
    char title[400], link[64];
    snprintf(title, sizeof title, "登录授权申请%s:%s", approve ? "已批准" : "被驳回", a->name);
    snprintf(link, sizeof link, "/accounts/%lld?tab=credential", a->id);
    gm_notice n = {.kind = approve ? "credential.approved" : "credential.rejected", .title = title,
                   .body = reason ? reason : "", .link = link};
    return rc ? rc : notify_user_in_app(d, p.user_id, a->unit_id, &n, err);
}

int vault_request_decide(db *d, const gm_actor *who, long long account_id, long long request_id,
                         int approve, const char *reason, const char *now, gm_err *err)
{
    gm_account a;
    int rc = approve ? (reason ? text_require_multiline(reason, "reason", 0, 500, err) : GM_OK)
                     : text_require_multiline(reason ? reason : "", "reason", 2, 500, err);
    if (!rc)
        rc = accounts_get(d, account_id, &a, err);
    if (rc)
        return rc;
    rc = db_begin(d, err);
    if (!rc)
        rc = db_end(d, decide_in_tx(d, who, &a, request_id, approve, reason, now, err), err);
    accounts_release(&a);
    return rc;
}

static json_t *request_row(db_stmt *q)
{
    const char *state = db_text(q, 6);
    return json_pack("{s:I,s:I,s:s,s:o,s:s,s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:o,s:o}", "id",
                     (json_int_t)db_int(q, 0), "user_id", (json_int_t)db_int(q, 1), "user_login",
                     db_text(q, 2), "user_name", actor_name_json(q, 3), "reason", db_text(q, 4),
                     "expires_at", db_text(q, 5), "state", state, "state_label",
                     strcmp(state, "pending") == 0    ? "待批准"
                     : strcmp(state, "approved") == 0 ? "已批准"
                                                      : "已驳回",
                     "requested_at", db_text(q, 7),
                     "decided_by", db_is_null(q, 8) ? json_null() : json_string(db_text(q, 8)),
                     "decided_by_name", actor_name_json(q, 9), "decided_at",
                     db_is_null(q, 10) ? json_null() : json_string(db_text(q, 10)),
                     "decision_reason", db_is_null(q, 11) ? json_null() : json_string(db_text(q, 11)),
                     "grant_id", db_is_null(q, 12) ? json_null() : json_integer(db_int(q, 12)));
}

int vault_requests_list(db *d, long long account_id, json_t **out, gm_err *err)
{
    return db_rows_json(d, out, request_row, err,
                        "SELECT r.id, r.user_id, u.login, u.display_name, r.reason, r.expires_at, "
                        "r.state, r.requested_at, r.decided_by, " ACTOR_NAME_SQL("r.decided_by")
                        ", r.decided_at, r.decision_reason, r.grant_id FROM credential_requests r "
                        "JOIN users u ON u.id=r.user_id WHERE r.account_id=? "
                        "ORDER BY r.state<>'pending', r.id DESC LIMIT 20", "i", account_id);
}
