/*
 * account_reviews.c - annual review rounds, reports, decisions and the
 * must-close list (see account_reviews.h).
 *
 * Invariant: review_must_close is written once, in the transaction that
 * closes the round, from the rule in core (review_list_must_close); a
 * closed round never changes again.
 */
#include "store/account_reviews.h"
#include "util/csv.h"
#include "store/accounts.h"
#include "store/audit.h"
#include "store/review_notices.h"
#include "store/units.h"
#include "core/account_review.h"
#include "core/platform.h"
#include "util/clock.h"
#include "store/db_rows.h"
#include "util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail_nomem(gm_err *err) { return gm_fail(err, GM_E_NOMEM, NULL, "内存不足"); }

int reviews_get(db *d, long long round_id, gm_review_round *out, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT r.id,r.year,r.month,r.unit_id,u.path,r.state FROM review_rounds r "
                      "JOIN units u ON u.id=r.unit_id WHERE r.id=?", "i", round_id);
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 1) {
        out->id = db_int(q, 0);
        out->year = (int)db_int(q, 1);
        out->month = (int)db_int(q, 2);
        out->unit_id = db_int(q, 3);
        snprintf(out->unit_path, sizeof out->unit_path, "%s", db_text(q, 4));
        snprintf(out->state, sizeof out->state, "%s", db_text(q, 5));
        rc = GM_OK;
    } else if (rc == 0) {
        rc = gm_fail(err, GM_E_NOTFOUND, "round_id", "年审轮次 %lld 不存在", round_id);
    }
    db_done(q);
    return rc;
}

static int audit_round(db *d, const gm_actor *who, const char *action, long long id,
                       const char *after, gm_err *err)
{
    char oid[24];
    snprintf(oid, sizeof oid, "%lld", id);
    return audit_append(d, who, action, "review_round", oid, "", after, err);
}

static int open_in_transaction(db *d, const gm_actor *who, int year, int month, long long unit_id,
                               long long *id_out, gm_err *err)
{
    char now[GM_ISO_LEN], after[96];
    clock_iso_from_now(now, 0);
    int rc = db_query_int(d, id_out, err,
                          "INSERT INTO review_rounds(year,month,unit_id,state,opened_at) "
                          "VALUES(?,?,?,'open',?) RETURNING id",
                          "iiit", (long long)year, (long long)month, unit_id, now);
    if (rc == GM_E_CONFLICT)
        return gm_fail(err, GM_E_CONFLICT, "year", "%d 年度的年审已经开启", year);
    snprintf(after, sizeof after, "{\"year\":%d,\"month\":%d,\"unit_id\":%lld}", year, month, unit_id);
    return rc ? rc : audit_round(d, who, "review.open", *id_out, after, err);
}

int reviews_open(db *d, const gm_actor *who, int year, int month, long long unit_id,
                 long long *id_out, gm_err *err)
{
    gm_date first, last;
    if (year < 2000 || year > 2100)
        return gm_fail(err, GM_E_INVALID, "year", "年度应在 2000 到 2100 之间");
    int rc = review_round_window(year, month, &first, &last, err);
    if (rc)
        return rc;
    if (!(rc = db_begin(d, err)))
        rc = db_end(d, open_in_transaction(d, who, year, month ? month : GM_REVIEW_MONTH_DEFAULT,
                                           unit_id, id_out, err), err);
    return rc;
}

static json_t *round_to_json(const gm_review_round *r)
{
    return json_pack("{s:I,s:i,s:i,s:I,s:s,s:s}", "id", (json_int_t)r->id, "year", r->year, "month",
                     r->month, "unit_id", (json_int_t)r->unit_id, "state", r->state, "state_label",
                     strcmp(r->state, "open") == 0 ? "进行中" : "已结束");
}

static int round_ids(db *d, long long *ids, size_t cap, size_t *n, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err, "SELECT id FROM review_rounds ORDER BY year DESC, id", "");
    if (rc)
        return rc;
    *n = 0;
    while (*n < cap && (rc = db_next(q)) == 1)
        ids[(*n)++] = db_int(q, 0);
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

int reviews_list(db *d, const gm_actor *scope, json_t **out, gm_err *err)
{
    long long ids[512];
    size_t n = 0;
    json_t *arr = json_array();
    int rc = arr ? round_ids(d, ids, 512, &n, err) : fail_nomem(err);
    for (size_t i = 0; !rc && i < n; i++) {
        gm_review_round r;
        if ((rc = reviews_get(d, ids[i], &r, err)) == GM_OK &&
            (!scope || rbac_allows(scope->grants, scope->n_grants, PERM_ACCOUNT_READ, r.unit_path) ||
             rbac_works_inside(scope->grants, scope->n_grants, PERM_ACCOUNT_READ, r.unit_path)))
            json_array_append_new(arr, round_to_json(&r));
    }
    if (rc)
        json_decref(arr);
    else
        *out = arr;
    return rc;
}

/* ---- entries: live accounts below the round, and their reports ---- */

#define ENTRY_SQL                                                                                \
    "SELECT a.id,a.name,a.platform,a.state,COALESCE(p.state,'none'),"                            \
    "COALESCE(p.decision_reason,''),COALESCE(p.text,''),COALESCE(p.attachment_name,''),u.name," \
    "m.account_id IS NOT NULL "                                                                  \
    "FROM accounts a JOIN units u ON u.id=a.unit_id "                                            \
    "LEFT JOIN review_reports p ON p.account_id=a.id AND p.round_id=? "                          \
    "LEFT JOIN review_must_close m ON m.account_id=a.id AND m.round_id=? "                        \
    "WHERE u.path LIKE ?||'%' AND (a.state IN ('opened','certified','filed','refiling_due') "    \
    "OR p.state IS NOT NULL OR m.account_id IS NOT NULL) ORDER BY u.path, a.id"

static json_t *entry_from_row(db_stmt *q)
{
    gm_account_state as = GM_ACCOUNT_NONE;
    account_state_parse(db_text(q, 3), &as, NULL);
    gm_review_state rs = (gm_review_state)review_state_from_name(db_text(q, 4));
    /* on the list of a closed round: stays there, closed or not (the
     * list is written once, from the rule, when the round closes) */
    gm_review_outcome o = db_int(q, 9) ? GM_REVIEW_OUTCOME_MUST_CLOSE : review_outcome(as, rs);
    static const char *const outcomes[] = {"keep", "pending", "must_close", "exempt"};
    static const char *const outcome_labels[] = {"保留", "待审核", "应关停", "免审"};
    gm_platform p;
    const char *pname = db_text(q, 2);
    json_t *e = json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "account_id",
                          (json_int_t)db_int(q, 0), "name", db_text(q, 1), "platform", pname,
                          "unit_name", db_text(q, 8), "account_state", db_text(q, 3),
                          "review_state", review_state_name(rs), "review_label",
                          review_state_label(rs), "reason", db_text(q, 5), "outcome", outcomes[o],
                          "report", db_text(q, 6));
    /* the Chinese labels of the codes, for every client */
    json_object_set_new(e, "platform_label", json_string(platform_parse(pname, NULL, &p, NULL)
                                                             ? pname : platform_label(p)));
    json_object_set_new(e, "account_state_label",
                        json_string(as == GM_ACCOUNT_NONE ? "" : account_state_label(as)));
    json_object_set_new(e, "outcome_label", json_string(outcome_labels[o]));
    return e;
}

static int round_entries(db *d, const gm_review_round *r, json_t *arr, gm_err *err)
{
    return db_append_rows(d, arr, entry_from_row, err, ENTRY_SQL, "iit", r->id, r->id,
                          r->unit_path);
}

/* A closed round's must-close list counted with where it stands: 应关停 N
 * accounts, of which M are closed (注销) or merged by now. */
static void must_close_counts(json_t *j, const json_t *entries)
{
    size_t i, n = 0, done = 0;
    json_t *e;
    json_array_foreach(entries, i, e) {
        if (strcmp(json_string_value(json_object_get(e, "outcome")), "must_close") != 0)
            continue;
        const char *st = json_string_value(json_object_get(e, "account_state"));
        n++;
        done += strcmp(st, "closed") == 0 || strcmp(st, "merged") == 0;
    }
    json_object_set_new(j, "must_close_count", json_integer((json_int_t)n));
    json_object_set_new(j, "must_close_closed", json_integer((json_int_t)done));
    json_object_set_new(j, "must_close_open", json_integer((json_int_t)(n - done)));
}

int reviews_detail(db *d, long long round_id, json_t **out, gm_err *err)
{
    gm_review_round r;
    int rc = reviews_get(d, round_id, &r, err);
    if (rc)
        return rc;
    json_t *j = round_to_json(&r), *arr = json_array();
    rc = j && arr ? round_entries(d, &r, arr, err) : fail_nomem(err);
    if (rc) {
        json_decref(j);
        json_decref(arr);
        return rc;
    }
    json_object_set_new(j, "accounts", arr);
    if (strcmp(r.state, "closed") == 0)
        must_close_counts(j, arr);
    *out = j;
    return GM_OK;
}

/* ---- one account's report ---- */

static int report_state(db *d, long long round_id, long long account_id, gm_review_state *out,
                        gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err, "SELECT state FROM review_reports WHERE round_id=? AND account_id=?",
                      "ii", round_id, account_id);
    if (rc)
        return rc;
    rc = db_next(q);
    *out = rc == 1 ? (gm_review_state)review_state_from_name(db_text(q, 0)) : GM_REVIEW_NONE;
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

/* A report step's audit row: the round, the report's state before and
 * after, and the supervisor's reason (a failed review must give one). */
static int audit_report(db *d, const gm_actor *who, const char *action, long long account_id,
                        long long round_id, gm_review_state was, gm_review_state st,
                        const char *reason, gm_err *err)
{
    json_t *after = json_pack("{s:I,s:s}", "round_id", (json_int_t)round_id, "review_state",
                              review_state_name(st));
    if (reason && *reason)
        json_object_set_new(after, "reason", json_string(reason));
    json_t *before = was == GM_REVIEW_NONE
                         ? NULL
                         : json_pack("{s:I,s:s}", "round_id", (json_int_t)round_id,
                                     "review_state", review_state_name(was));
    return audit_append_json(d, who, action, "account", account_id, before, after, err);
}

/* Round open, account below it, account event and review step legal. */
static int check_report_step(db *d, long long round_id, long long account_id,
                             gm_account_event ev, gm_review_state *was, gm_review_state *next,
                             gm_err *err)
{
    gm_review_round r;
    gm_account a;
    gm_review_state cur = GM_REVIEW_NONE;
    int rc = reviews_get(d, round_id, &r, err);
    if (rc)
        return rc;
    if (strcmp(r.state, "open") != 0)
        return gm_fail(err, GM_E_CONFLICT, "round_id", "%d 年度年审已结束", r.year);
    if ((rc = accounts_get(d, account_id, &a, err)) != GM_OK)
        return rc;
    if (strncmp(a.unit_path, r.unit_path, strlen(r.unit_path)) != 0)
        rc = gm_fail(err, GM_E_INVALID, "account_id", "账号不在本轮年审范围内");
    gm_account_state same;
    if (!rc)
        rc = account_transition(a.state, ev, &same, err);
    accounts_release(&a);
    if (!rc)
        rc = report_state(d, round_id, account_id, &cur, err);
    *was = cur;
    return rc ? rc : review_transition(cur, ev, next, err);
}

static int submit_in_transaction(db *d, const gm_actor *who, long long round_id,
                                 long long account_id, const char *text, const char *att_name,
                                 const void *att, size_t att_len, gm_err *err)
{
    gm_review_state was = GM_REVIEW_NONE, next;
    char now[GM_ISO_LEN];
    int rc = check_report_step(d, round_id, account_id, GM_EVENT_SUBMIT_ANNUAL_REPORT, &was, &next,
                               err);
    if (rc)
        return rc;
    clock_iso_from_now(now, 0);
    rc = db_exec(d, err,
                 "INSERT INTO review_reports(round_id,account_id,state,text,attachment_name,"
                 "attachment,submitted_at) VALUES(?,?,?,?,?,?,?)",
                 "iitttbt", round_id, account_id, review_state_name(next), text, att_name,
                 att ? att : "", att ? att_len : (size_t)0, now);
    return rc ? rc : audit_report(d, who, "account.review_submit", account_id, round_id,
                                  was, next, NULL, err);
}

int reviews_submit(db *d, const gm_actor *who, long long round_id, long long account_id,
                   const char *text, const char *attachment_name, const void *attachment,
                   size_t attachment_len, gm_err *err)
{
    int rc = text_require(text, "text", 1, 20000, err);
    if (rc)
        return rc;
    if (attachment && attachment_len > GM_REVIEW_ATTACHMENT_MAX)
        return gm_fail(err, GM_E_TOOLARGE, "attachment", "附件不能超过 5 MB");
    if (attachment && (!attachment_name || !*attachment_name))
        return gm_fail(err, GM_E_INVALID, "attachment_name", "上传附件时需要附件名称");
    if (!(rc = db_begin(d, err)))
        rc = db_end(d, submit_in_transaction(d, who, round_id, account_id, text, attachment_name,
                                             attachment, attachment_len, err), err);
    return rc;
}

static int decide_in_transaction(db *d, const gm_actor *who, long long round_id,
                                 long long account_id, int pass, const char *reason, gm_err *err)
{
    gm_review_state was = GM_REVIEW_NONE, next;
    gm_account_event ev = pass ? GM_EVENT_PASS_ANNUAL_REVIEW : GM_EVENT_FAIL_ANNUAL_REVIEW;
    char now[GM_ISO_LEN];
    int rc = check_report_step(d, round_id, account_id, ev, &was, &next, err);
    if (rc)
        return rc;
    clock_iso_from_now(now, 0);
    rc = db_exec(d, err,
                 "UPDATE review_reports SET state=?,decision_reason=?,decided_at=? "
                 "WHERE round_id=? AND account_id=?",
                 "tttii", review_state_name(next), reason, now, round_id, account_id);
    if (!rc)
        rc = audit_report(d, who, pass ? "account.review_pass" : "account.review_fail", account_id,
                          round_id, was, next, reason, err);
    gm_review_round r;
    if (!rc && !(rc = reviews_get(d, round_id, &r, err)))
        rc = review_notice_decided(d, round_id, r.year, account_id, pass, reason, err);
    return rc;
}

int reviews_decide(db *d, const gm_actor *who, long long round_id, long long account_id, int pass,
                   const char *reason, gm_err *err)
{
    int rc = GM_OK;
    if (!pass && (!reason || strspn(reason, " \t\r\n") == strlen(reason)))
        return gm_fail(err, GM_E_INVALID, "reason", "年审不通过时必须填写原因");
    if (reason && *reason)
        rc = text_require(reason, "reason", 1, 2000, err);
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, decide_in_transaction(d, who, round_id, account_id, pass, reason, err), err);
    return rc;
}

/* ---- closing the round ---- */

static int write_must_close(db *d, long long round_id, int year, json_t *entries, gm_err *err)
{
    size_t i;
    json_t *e;
    int rc = GM_OK;
    json_array_foreach(entries, i, e) {
        if (rc || strcmp(json_string_value(json_object_get(e, "outcome")), "must_close") != 0)
            continue;
        const char *rs = json_string_value(json_object_get(e, "review_state"));
        const char *given = json_string_value(json_object_get(e, "reason"));
        char why[2100];
        /* A failed report carries the supervisor's reason into the list. */
        if (strcmp(rs, "failed") == 0)
            snprintf(why, sizeof why, "年审未通过:%s", given ? given : "");
        else
            snprintf(why, sizeof why, "未提交年审报告");
        long long account_id = json_integer_value(json_object_get(e, "account_id"));
        rc = db_exec(d, err,
                     "INSERT INTO review_must_close(round_id,account_id,review,reason) VALUES(?,?,?,?)",
                     "iitt", round_id, account_id, rs, why);
        if (!rc)
            rc = review_notice_must_close(d, round_id, year, account_id, why, err);
    }
    return rc;
}

/* The audit row of closing a round: which accounts it put on the
 * must-close list, and how many it kept. */
static json_t *close_summary(const json_t *entries)
{
    json_t *ids = json_array();
    size_t i, kept = 0;
    json_t *e;
    json_array_foreach(entries, i, e) {
        const char *o = json_string_value(json_object_get(e, "outcome"));
        if (strcmp(o, "must_close") == 0)
            json_array_append(ids, json_object_get(e, "account_id"));
        kept += strcmp(o, "keep") == 0;
    }
    return json_pack("{s:s,s:I,s:I,s:o}", "state", "closed", "kept", (json_int_t)kept,
                     "must_close", (json_int_t)json_array_size(ids), "must_close_ids", ids);
}

static int close_in_transaction(db *d, const gm_actor *who, long long round_id, gm_err *err)
{
    json_t *detail;
    char now[GM_ISO_LEN];
    int rc = reviews_detail(d, round_id, &detail, err);
    if (rc)
        return rc;
    if (strcmp(json_string_value(json_object_get(detail, "state")), "open") != 0)
        rc = gm_fail(err, GM_E_CONFLICT, "round_id", "该轮年审已经结束");
    if (!rc)
        rc = write_must_close(d, round_id,
                              (int)json_integer_value(json_object_get(detail, "year")),
                              json_object_get(detail, "accounts"), err);
    clock_iso_from_now(now, 0);
    if (!rc)
        rc = db_exec(d, err, "UPDATE review_rounds SET state='closed',closed_at=? WHERE id=?", "ti",
                     now, round_id);
    json_t *after = rc ? NULL : close_summary(json_object_get(detail, "accounts"));
    json_decref(detail);
    return rc ? rc : audit_append_json(d, who, "review.close", "review_round", round_id,
                                       json_pack("{s:s}", "state", "open"), after, err);
}

int reviews_close(db *d, const gm_actor *who, long long round_id, gm_err *err)
{
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_end(d, close_in_transaction(d, who, round_id, err), err);
    return rc;
}

static json_t *must_close_from_row(db_stmt *q)
{
    return json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:s}", "account_id", (json_int_t)db_int(q, 0),
                     "name", db_text(q, 1), "platform", db_text(q, 2), "unit_name", db_text(q, 3),
                     "review_state", db_text(q, 4), "reason", db_text(q, 5), "account_state",
                     db_text(q, 6));
}

static int must_close_rows(db *d, long long round_id, json_t *arr, gm_err *err)
{
    return db_append_rows(d, arr, must_close_from_row, err,
                          "SELECT a.id,a.name,a.platform,u.name,m.review,m.reason,a.state FROM "
                          "review_must_close m JOIN accounts a ON a.id=m.account_id JOIN units u "
                          "ON u.id=a.unit_id WHERE m.round_id=? ORDER BY u.path,a.id", "i",
                          round_id);
}

int reviews_must_close(db *d, long long round_id, json_t **out, gm_err *err)
{
    gm_review_round r;
    int rc = reviews_get(d, round_id, &r, err);
    if (!rc && strcmp(r.state, "closed") != 0)
        rc = gm_fail(err, GM_E_CONFLICT, "round_id", "年审尚未结束,应关停名单在结束后生成");
    if (rc)
        return rc;
    json_t *arr = json_array();
    rc = arr ? must_close_rows(d, round_id, arr, err) : fail_nomem(err);
    if (rc)
        json_decref(arr);
    else
        *out = arr;
    return rc;
}

int reviews_must_close_csv(db *d, long long round_id, char **csv, size_t *len, gm_err *err)
{
    json_t *arr, *e;
    size_t i;
    int rc = reviews_must_close(d, round_id, &arr, err);
    if (rc)
        return rc;
    char idtxt[24];
    static const char *const head[] = {"账号ID", "账号名称", "平台", "主办单位", "年审状态", "原因"};
    gm_csv c;
    csv_begin(&c);
    csv_row(&c, head, 6);
    json_array_foreach(arr, i, e) {
        snprintf(idtxt, sizeof idtxt, "%lld", (long long)json_integer_value(json_object_get(e, "account_id")));
        gm_platform p;
        const char *pname = json_string_value(json_object_get(e, "platform"));
        const char *vals[] = {idtxt, json_string_value(json_object_get(e, "name")),
                              platform_parse(pname, NULL, &p, NULL) ? pname : platform_label(p),
                              json_string_value(json_object_get(e, "unit_name")),
                              review_state_label((gm_review_state)review_state_from_name(
                                  json_string_value(json_object_get(e, "review_state")))),
                              json_string_value(json_object_get(e, "reason"))};
        csv_row(&c, vals, 6);
    }
    json_decref(arr);
    *csv = csv_finish(&c, len);
    return *csv ? GM_OK : fail_nomem(err);
}
