/*
 * account_query.c - listing accounts with filters, versions, timeline.
 *
 * Visibility is decided row by row with rbac_allows() on the account's
 * unit path, the same rule request_require_unit() applies to one account,
 * so a list never shows what a direct read would refuse.
 */
#include "store/account_query.h"
#include "store/db_rows.h"
#include "store/accounts.h"
#include "store/record_memo.h"
#include "core/platform.h"
#include "util/clock.h"

#include <stdio.h>
#include <string.h>

int account_filter_validate(const account_filter *f, gm_err *err)
{
    gm_platform p;
    gm_account_state s;
    gm_date day;
    if (f->platform && platform_parse(f->platform, "platform", &p, err))
        return GM_E_INVALID;
    if (f->state && account_state_parse(f->state, &s, err))
        return GM_E_INVALID;
    if (f->overdue && strcmp(f->overdue, "filing") && strcmp(f->overdue, "refiling") &&
        strcmp(f->overdue, "any"))
        return gm_fail(err, GM_E_INVALID, "overdue", "overdue 应为 filing、refiling 或 any");
    if (f->as_of && date_parse(f->as_of, "as_of", &day, err))
        return GM_E_INVALID;
    return GM_OK;
}

static int wanted_by_overdue(const account_filter *f, json_t *j)
{
    if (!f->overdue)
        return 1;
    json_t *o = json_object_get(j, "overdue");
    int filing = json_is_true(json_object_get(o, "filing"));
    int refiling = json_is_true(json_object_get(o, "refiling"));
    if (strcmp(f->overdue, "filing") == 0)
        return filing;
    if (strcmp(f->overdue, "refiling") == 0)
        return refiling;
    return filing || refiling;
}

static int may_read(const gm_actor *scope, const char *unit_path)
{
    return !scope || rbac_allows(scope->grants, scope->n_grants, PERM_ACCOUNT_READ, unit_path);
}

/* A row that cannot be read is marked, logged and skipped, so one damaged
 * record never takes the whole list (and every user's registry) down. */
static json_t *unreadable_entry(const gm_account *a, const gm_err *why)
{
    fprintf(stderr, "govmedia: account %lld skipped in a list: %s\n", a->id, why->message);
    return json_pack("{s:I,s:I,s:s,s:b,s:s}", "id", (json_int_t)a->id, "unit_id",
                     (json_int_t)a->unit_id, "unit_name", a->unit_name, "unreadable", 1, "error",
                     why->message);
}

/* Appends the list entry of the row q stands on, if scope may read it and
 * the filter wants it. */
static void append_entry(db_stmt *q, const gm_actor *scope, const account_filter *f, json_t *arr)
{
    if (!may_read(scope, db_text(q, 5)))   /* 5: u.path in ACCOUNT_COLUMNS */
        return;
    gm_account a;
    gm_err why;
    /* The entry shows no record, only its certification: the memo spares
     * the parse of a record text already seen (record_memo.h). */
    if (account_columns_from_row(q, &a, &why) ||
        account_take_record(&a, record_memo_slim(a.id, db_text(q, ACCOUNT_RECORD_COLUMN)), &why)) {
        json_array_append_new(arr, unreadable_entry(&a, &why));
        accounts_release(&a);
        return;
    }
    json_t *j = account_to_json(&a, f->as_of);
    if (j && wanted_by_overdue(f, j)) {
        json_object_del(j, "record");
        json_array_append(arr, j);
    }
    json_decref(j);
    accounts_release(&a);
}

int accounts_list(db *d, const gm_actor *scope, const account_filter *f, json_t **out,
                  gm_err *err)
{
    json_t *arr = json_array();
    if (!arr)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    const char *platform = NULL;
    gm_platform p;
    if (f->platform && !platform_parse(f->platform, NULL, &p, NULL))
        platform = platform_name(p);
    /* One statement (one snapshot) for every row, no query per account.
     * units CROSS JOIN accounts: SQLite then walks the (few) units of the
     * subtree and finds their accounts by index, instead of scanning every
     * account of the organisation (0.1 ms instead of 80 ms with 30,000
     * accounts, bench/api).  Plain SQL for PostgreSQL, whose planner
     * reorders a cross join filtered in WHERE freely. */
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT " ACCOUNT_COLUMNS " FROM units u CROSS JOIN accounts a "
                      "WHERE a.unit_id=u.id "
                      "AND (? IS NULL OR u.path LIKE (SELECT path FROM units WHERE id=?)||'%') "
                      "AND (? IS NULL OR a.platform=?) AND (? IS NULL OR a.state=?) "
                      "ORDER BY u.path, a.id",
                      "nitttt", f->unit_id, f->unit_id, platform, platform, f->state, f->state);
    if (!rc) {
        while ((rc = db_next(q)) == 1)
            append_entry(q, scope, f, arr);
        db_done(q);
    }
    if (rc < 0) {
        json_decref(arr);
        return rc;
    }
    *out = arr;
    return GM_OK;
}

static json_t *version_from_row(db_stmt *q)
{
    json_t *rec = json_loads(db_text(q, 3), 0, NULL);
    return json_pack("{s:I,s:s,s:s,s:o,s:s,s:s}", "version", (json_int_t)db_int(q, 0), "event",
                     db_text(q, 1), "state", db_text(q, 2), "record", rec ? rec : json_null(),
                     "at", db_text(q, 4), "by", db_text(q, 5));
}

int accounts_versions(db *d, long long id, json_t **out, gm_err *err)
{
    return db_rows_json(d, out, version_from_row, err,
                        "SELECT version,event,state,record,at,login FROM account_versions "
                        "WHERE account_id=? ORDER BY version", "i", id);
}

static json_t *timeline_from_row(db_stmt *q)
{
    json_t *before = json_loads(db_text(q, 5), 0, NULL);
    json_t *after = json_loads(db_text(q, 6), 0, NULL);
    return json_pack("{s:I,s:s,s:s,s:s,s:s,s:o,s:o,s:s}", "audit_id", (json_int_t)db_int(q, 0),
                     "at", db_text(q, 1), "by", db_text(q, 2), "role", db_text(q, 3), "action",
                     db_text(q, 4), "before", before ? before : json_null(), "after",
                     after ? after : json_null(), "from", db_text(q, 7));
}

int accounts_timeline(db *d, long long id, json_t **out, gm_err *err)
{
    char oid[24];
    snprintf(oid, sizeof oid, "%lld", id);
    return db_rows_json(d, out, timeline_from_row, err,
                        "SELECT id,at,login,role,action,before,after,client_addr FROM audit "
                        "WHERE object_type='account' AND object_id=? ORDER BY id", "t", oid);
}
