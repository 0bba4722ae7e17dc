/*
 * account_query.c - listing accounts with filters, versions, timeline.
 *
 * Visibility is decided row by row with rbac_allows() on the account's
 * unit path, the same rule request_require_unit() applies to one account,
 * so a list never shows what a direct read would refuse.
 */
#include "store/actor_name.h"
#include "store/account_query.h"
#include "store/db_rows.h"
#include "store/accounts.h"
#include "store/account_memo.h"
#include "util/grow.h"
#include "core/platform.h"
#include "util/clock.h"

#include <stdio.h>
#include <stdlib.h>
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
        return gm_fail(err, GM_E_INVALID, "overdue", "逾期类型应为备案逾期、重新备案逾期或任一逾期");
    if (f->as_of && date_parse(f->as_of, "as_of", &day, err))
        return GM_E_INVALID;
    if (f->filed_late && strcmp(f->filed_late, "true") && strcmp(f->filed_late, "false"))
        return gm_fail(err, GM_E_INVALID, "filed_late", "逾期备案应为 true(逾期备案)或 false(按时备案)");
    return GM_OK;
}

static int wanted_by_overdue(const account_filter *f, int filing, int refiling)
{
    if (!f->overdue)
        return 1;
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

/* A row that cannot be read is marked, logged and listed, so one damaged
 * record never takes the whole list (and every user's registry) down. */
static json_t *unreadable_entry(db_stmt *q, const gm_err *why)
{
    long long id = db_int(q, 0);
    fprintf(stderr, "govmedia: account %lld skipped in a list: %s\n", id, why->message);
    return json_pack("{s:I,s:I,s:s,s:b,s:s}", "id", (json_int_t)id, "unit_id",
                     (json_int_t)db_int(q, 1), "unit_name", db_text(q, 4), "unreadable", 1,
                     "error", why->message);
}

/* The entry of the row q stands on, if scope may read it and the filter
 * wants it: 1 when *e was filled. */
static int entry_of_row(db_stmt *q, const db_stamp *stamp, const gm_actor *scope,
                        const account_filter *f, const char *as_of, account_entry *e)
{
    if (!may_read(scope, db_text(q, ACCOUNT_PATH_COLUMN)))
        return 0;
    gm_err why;
    *e = (account_entry){0};
    if (account_memo_text(q, stamp, &e->text, &why) != GM_OK)
        return (e->damaged = unreadable_entry(q, &why)) != NULL;
    account_text_overdue(e->text, as_of, &e->filing, &e->refiling);
    if (wanted_by_overdue(f, e->filing, e->refiling))
        return 1;
    account_text_unref(e->text);
    return 0;
}

void account_entries_free(account_entries *e)
{
    for (size_t i = 0; i < e->n; i++) {
        account_text_unref(e->v[i].text);
        json_decref(e->v[i].damaged);
    }
    free(e->v);
    memset(e, 0, sizeof *e);
}

#define ACCOUNTS_OF_UNITS "SELECT " ACCOUNT_COLUMNS " FROM units u CROSS JOIN accounts a " \
    "WHERE a.unit_id=u.id AND (? IS NULL OR a.platform=?) AND (? IS NULL OR a.state=?) "   \
    "AND (?=-1 OR COALESCE(a.filed_late,-1)=?) "

/* The rows of f, in one statement (one snapshot), no query per account.
 * units CROSS JOIN accounts: SQLite walks the (few) units of the subtree
 * by the path index and finds their accounts by index, instead of scanning
 * every account of the organisation.  The subtree of a unit is its path and
 * everything below, as a range ("/1/3/" up to "/1/30": '0' follows '/')
 * the index can serve, where a LIKE was tested on every unit.  Each unit's
 * accounts come in accounts_unit's order (by platform); the caller puts
 * them in id order (in_list_order), which spares SQLite a sort and the
 * table an index (migration 036).  Plain SQL for PostgreSQL (whose planner
 * reorders a cross join filtered in WHERE freely; its path index will want
 * COLLATE "C"). */
static int query_rows(db *d, const account_filter *f, db_stmt **q, gm_err *err)
{
    const char *platform = NULL;
    gm_platform p;
    if (f->platform && !platform_parse(f->platform, NULL, &p, NULL))
        platform = platform_name(p);
    long long late = !f->filed_late ? -1 : strcmp(f->filed_late, "true") == 0 ? 1 : 0;
    if (!f->unit_id)
        return db_query(d, q, err, ACCOUNTS_OF_UNITS "ORDER BY u.path, u.id", "ttttii", platform,
                        platform, f->state, f->state, late, late);
    return db_query(d, q, err,
                    ACCOUNTS_OF_UNITS "AND u.path >= (SELECT path FROM units WHERE id=?) "
                    "AND u.path < (SELECT substr(path,1,length(path)-1)||'0' FROM units WHERE id=?) "
                    "ORDER BY u.path, u.id",
                    "ttttiiii", platform, platform, f->state, f->state, late, late, f->unit_id,
                    f->unit_id);
}

/* The list's order: units by path, each unit's accounts by id. */
static int by_unit_then_id(const void *a, const void *b)
{
    const account_entry *x = a, *y = b;
    if (x->unit_seq != y->unit_seq)
        return x->unit_seq < y->unit_seq ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

static void in_list_order(account_entries *es)
{
    if (es->n > 1)
        qsort(es->v, es->n, sizeof *es->v, by_unit_then_id);
}

int accounts_list_entries(db *d, const gm_actor *scope, const account_filter *f,
                          account_entries *out, gm_err *err)
{
    memset(out, 0, sizeof *out);
    if (f->as_of)
        snprintf(out->as_of, sizeof out->as_of, "%s", f->as_of);
    else
        clock_today_cst(out->as_of);
    /* before the rows: they are at least as new as the stamp (account_memo.h) */
    db_stamp stamp;
    db_stmt *q;
    int rc = db_stamp_take(d, &stamp, err);
    if (!rc)
        rc = query_rows(d, f, &q, err);
    if (rc)
        return rc;
    account_entry e;
    long long unit = 0;
    size_t unit_seq = 0;
    while ((rc = db_next(q)) == 1) {
        if (db_int(q, 1) != unit) {   /* rows come grouped by unit */
            unit = db_int(q, 1);
            unit_seq++;
        }
        if (entry_of_row(q, &stamp, scope, f, out->as_of, &e)) {
            if (gm_grow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
                account_text_unref(e.text);
                json_decref(e.damaged);
                rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
                break;
            }
            e.id = db_int(q, 0);
            e.unit_seq = unit_seq;
            out->v[out->n++] = e;
        }
    }
    db_done(q);
    if (rc < 0) {
        account_entries_free(out);
        return rc;
    }
    in_list_order(out);
    return GM_OK;
}

void account_entry_write(json_text *out, const void *rows, size_t i)
{
    const account_entries *es = rows;
    const account_entry *e = &es->v[i];
    if (e->text)
        account_text_write(out, e->text, e->filing, e->refiling, es->as_of);
    else
        jt_json(out, e->damaged);
}

list_value account_entry_value(const void *rows, size_t i, const char *key)
{
    const account_entry *e = &((const account_entries *)rows)->v[i];
    return e->text ? account_text_value(e->text, key) : list_value_of_json(e->damaged, key);
}

int accounts_list(db *d, const gm_actor *scope, const account_filter *f, json_t **out,
                  gm_err *err)
{
    account_entries es;
    int rc = accounts_list_entries(d, scope, f, &es, err);
    if (rc)
        return rc;
    json_text t = {0};
    JT_LIT(&t, "[");
    for (size_t i = 0; i < es.n; i++) {
        if (i)
            JT_LIT(&t, ",");
        account_entry_write(&t, &es, i);
    }
    JT_LIT(&t, "]");
    account_entries_free(&es);
    size_t len;
    char *text = json_text_take(&t, &len);
    *out = text ? json_loadb(text, len, 0, NULL) : NULL;
    free(text);
    return *out ? GM_OK : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
}

static json_t *version_from_row(db_stmt *q)
{
    json_t *rec = json_loads(db_text(q, 3), 0, NULL);
    return json_pack("{s:I,s:s,s:s,s:o,s:s,s:s,s:o}", "version", (json_int_t)db_int(q, 0), "event",
                     db_text(q, 1), "state", db_text(q, 2), "record", rec ? rec : json_null(),
                     "at", db_text(q, 4), "by", db_text(q, 5), "actor_name", actor_name_json(q, 6));
}

int accounts_versions(db *d, long long id, json_t **out, gm_err *err)
{
    return db_rows_json(d, out, version_from_row, err,
                        "SELECT version,event,state,record,at,login," ACTOR_NAME_SQL("account_versions.login")
                        " FROM account_versions "
                        "WHERE account_id=? ORDER BY version", "i", id);
}

static json_t *timeline_from_row(db_stmt *q)
{
    json_t *before = json_loads(db_text(q, 5), 0, NULL);
    json_t *after = json_loads(db_text(q, 6), 0, NULL);
    return json_pack("{s:I,s:s,s:s,s:s,s:s,s:o,s:o,s:s,s:o}", "audit_id", (json_int_t)db_int(q, 0),
                     "at", db_text(q, 1), "by", db_text(q, 2), "role", db_text(q, 3), "action",
                     db_text(q, 4), "before", before ? before : json_null(), "after",
                     after ? after : json_null(), "from", db_text(q, 7), "actor_name",
                     actor_name_json(q, 8));
}

int accounts_timeline(db *d, long long id, json_t **out, gm_err *err)
{
    char oid[24];
    snprintf(oid, sizeof oid, "%lld", id);
    return db_rows_json(d, out, timeline_from_row, err,
                        "SELECT id,at,login,role,action,before,after,client_addr,"
                        ACTOR_NAME_SQL("audit.login") " FROM audit "
                        "WHERE object_type='account' AND object_id=? ORDER BY id", "t", oid);
}
