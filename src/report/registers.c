/*
 * registers.c - the two register reports: the account register (备案
 * register, every filing field) and the annual-review results with the
 * must-close list.  Rows are flat objects; reports.c maps them to tables.
 */
#include "report/reports.h"
#include "core/account.h"
#include "core/account_review.h"
#include "core/platform.h"
#include "core/rbac.h"

#include <stdio.h>
#include <string.h>

static json_t *dig(json_t *rec, const char *a, const char *b)
{
    json_t *v = json_object_get(rec, a);
    return b ? json_object_get(v, b) : v;
}

/* rec.a.b (or rec.a) copied into o under key, null when missing. */
static void copy_field(json_t *o, const char *key, json_t *rec, const char *a, const char *b)
{
    json_t *v = dig(rec, a, b);
    json_object_set(o, key, v ? v : json_null());
}

static void copy_person(json_t *o, const char *prefix, json_t *rec, const char *who)
{
    static const char *const parts[] = {"name", "title", "office_phone", "mobile", "qq", "wechat"};
    char key[64];
    json_t *p = json_object_get(rec, who);
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        snprintf(key, sizeof key, "%s_%s", prefix, parts[i]);
        json_t *v = json_object_get(p, parts[i]);
        if (!v && strcmp(parts[i], "qq") == 0)
            v = json_object_get(rec, "admin_qq");
        json_object_set(o, key, v ? v : json_null());
    }
}

static json_t *account_row(db_stmt *q)
{
    json_t *rec = json_loads(db_text(q, 5), 0, NULL);
    gm_platform p;
    gm_account_state st;
    const char *pname = db_text(q, 2);
    json_t *o = json_pack("{s:I,s:s,s:s,s:s,s:s,s:s}", "account_id", (json_int_t)db_int(q, 0),
                          "name", db_text(q, 1), "platform", pname, "platform_label",
                          platform_parse(pname, NULL, &p, NULL) ? pname : platform_label(p),
                          "unit_name", db_text(q, 4), "state", db_text(q, 3));
    if (!o)
        return NULL;
    json_object_set_new(o, "state_label", json_string(account_state_parse(db_text(q, 3), &st, NULL)
                                                          ? db_text(q, 3) : account_state_label(st)));
    copy_field(o, "host_unit", rec, "host_unit", NULL);
    copy_field(o, "applied_on", rec, "date", NULL);
    copy_field(o, "purpose", rec, "purpose", NULL);
    copy_field(o, "platform_account_id", rec, "opening", "platform_account_id");
    copy_field(o, "opened_on", rec, "opening", "date");
    copy_field(o, "certified_on", rec, "certification", "date");
    copy_field(o, "filed_on", rec, "filing", "date");
    copy_field(o, "created_on", rec, "filing", "created_on");
    copy_field(o, "followers", rec, "filing", "followers");
    copy_field(o, "introduction", rec, "filing", "introduction");
    copy_field(o, "qr_sha256", rec, "qr_code", "sha256");
    copy_person(o, "responsible", rec, "responsible");
    copy_person(o, "admin", rec, "admin");
    json_object_set_new(o, "filing_due", db_is_null(q, 6) ? json_null() : json_string(db_text(q, 6)));
    json_object_set_new(o, "refiling_due", db_is_null(q, 7) ? json_null() : json_string(db_text(q, 7)));
    copy_field(o, "closed_on", rec, "closing", "date");
    copy_field(o, "closing_reason", rec, "closing", "reason");
    copy_field(o, "merged_into", rec, "merge", "into_name");
    json_object_set_new(o, "updated_at", json_string(db_text(q, 8)));
    json_decref(rec);
    return o;
}

int report_accounts(db *d, const report_scope *scope, json_t **out, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
        "SELECT a.id, a.name, a.platform, a.state, u.name, a.record, a.filing_due, a.refiling_due, "
        "a.updated_at, u.path FROM accounts a JOIN units u ON u.id=a.unit_id "
        "WHERE (? IS NULL OR u.path LIKE (SELECT path FROM units WHERE id=?)||'%') "
        "ORDER BY u.path, a.id", "nn", scope->unit_id, scope->unit_id);
    if (rc)
        return rc;
    json_t *arr = json_array();
    while ((rc = db_next(q)) == 1)
        if (report_in_scope(scope, db_text(q, 9)))
            json_array_append_new(arr, account_row(q));
    db_done(q);
    if (rc < 0) {
        json_decref(arr);
        return rc;
    }
    *out = arr;
    return GM_OK;
}

static json_t *review_row(db_stmt *q)
{
    gm_platform p;
    const char *pname = db_text(q, 4);
    const char *state = db_is_null(q, 7) ? "none" : db_text(q, 7);
    json_t *o = json_pack("{s:I,s:I,s:s,s:I,s:s,s:s,s:s,s:s}", "round_id", (json_int_t)db_int(q, 0),
                          "year", (json_int_t)db_int(q, 1), "round_state", db_text(q, 2),
                          "account_id", (json_int_t)db_int(q, 3), "platform_label",
                          platform_parse(pname, NULL, &p, NULL) ? pname : platform_label(p),
                          "account_name", db_text(q, 5), "unit_name", db_text(q, 6),
                          "review_state", state);
    if (!o)
        return NULL;
    json_object_set_new(o, "review_state_label", json_string(review_state_label(
                                                     (gm_review_state)review_state_from_name(state))));
    json_object_set_new(o, "submitted_at", db_is_null(q, 8) ? json_null() : json_string(db_text(q, 8)));
    json_object_set_new(o, "decided_at", db_is_null(q, 9) ? json_null() : json_string(db_text(q, 9)));
    json_object_set_new(o, "decision_reason", db_is_null(q, 10) ? json_null() : json_string(db_text(q, 10)));
    json_object_set_new(o, "must_close", json_boolean(!db_is_null(q, 11)));
    json_object_set_new(o, "must_close_reason", db_is_null(q, 11) ? json_null() : json_string(db_text(q, 11)));
    return o;
}

int report_reviews(db *d, const report_scope *scope, int year, json_t **out, gm_err *err)
{
    db_stmt *q;
    /* Every account a round covers: reported ones and those on its must-close list. */
    int rc = db_query(d, &q, err,
        "SELECT r.id, r.year, r.state, a.id, a.platform, a.name, u.name, rep.state, "
        " rep.submitted_at, rep.decided_at, rep.decision_reason, mc.reason, u.path "
        "FROM review_rounds r JOIN units ru ON ru.id=r.unit_id "
        "JOIN units u ON u.path LIKE ru.path||'%' JOIN accounts a ON a.unit_id=u.id "
        "LEFT JOIN review_reports rep ON rep.round_id=r.id AND rep.account_id=a.id "
        "LEFT JOIN review_must_close mc ON mc.round_id=r.id AND mc.account_id=a.id "
        "WHERE (rep.account_id IS NOT NULL OR mc.account_id IS NOT NULL) "
        "AND (? = 0 OR r.year=?) "
        "AND (? IS NULL OR u.path LIKE (SELECT path FROM units WHERE id=?)||'%') "
        "ORDER BY r.year DESC, r.id, u.path, a.id",
        "iinn", (long long)year, (long long)year, scope->unit_id, scope->unit_id);
    if (rc)
        return rc;
    json_t *arr = json_array();
    while ((rc = db_next(q)) == 1)
        if (report_in_scope(scope, db_text(q, 12)))
            json_array_append_new(arr, review_row(q));
    db_done(q);
    if (rc < 0) {
        json_decref(arr);
        return rc;
    }
    *out = arr;
    return GM_OK;
}
