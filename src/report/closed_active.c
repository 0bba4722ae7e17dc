/*
 * closed_active.c - the report "closed_active" (已注销账号仍在更新): closed or
 * merged accounts that show publications after the day they were closed.
 * Accounts closed years ago were found back online without any filing; an
 * inspector needs them listed, with when they were closed and what appeared
 * since (REQUIREMENTS §1, "a closed account that shows new publications is
 * flagged").
 *
 * "After closing" is after the China-time day of the closing (or merge)
 * date: from that day's 24:00 Beijing time, i.e. 16:00 UTC of the same date.
 * One range over the publications index per closed account.
 */
#include "report/reports.h"
#include "core/account.h"
#include "core/platform.h"

#include <stdio.h>
#include <string.h>

static const char *closed_on(json_t *rec)
{
    const char *d = json_string_value(json_object_get(json_object_get(rec, "closing"), "date"));
    return d ? d : json_string_value(json_object_get(json_object_get(rec, "merge"), "date"));
}

static json_t *row_of(db_stmt *a, const char *day, db_stmt *p)
{
    gm_platform pl;
    gm_account_state st;
    const char *pname = db_text(a, 2), *state = db_text(a, 3);
    return json_pack("{s:I,s:s,s:s,s:I,s:s,s:s,s:s,s:s,s:I,s:s,s:s}", "account_id",
                     (json_int_t)db_int(a, 0), "account_name", db_text(a, 1), "platform_label",
                     platform_parse(pname, NULL, &pl, NULL) ? pname : platform_label(pl), "unit_id",
                     (json_int_t)db_int(a, 4), "unit_name", db_text(a, 5), "state", state,
                     "state_label",
                     account_state_parse(state, &st, NULL) ? state : account_state_label(st),
                     "closed_on", day, "publications_after", (json_int_t)db_int(p, 0),
                     "first_after", db_text(p, 1), "last_after", db_text(p, 2));
}

/* Appends the account's row when it has publications after its closing day. */
static int check_account(db *d, db_stmt *a, json_t *arr, gm_err *err)
{
    json_t *rec = json_loads(db_text(a, 7), 0, NULL);
    const char *day = closed_on(rec);
    char from[32];
    db_stmt *p;
    int rc = GM_OK;
    if (day && strlen(day) == 10) {
        snprintf(from, sizeof from, "%sT16:00:00Z", day);
        rc = db_query(d, &p, err,
                      "SELECT COUNT(*),MIN(published_at),MAX(published_at) FROM publications "
                      "WHERE account_id=? AND published_at>=?", "it", db_int(a, 0), from);
        if (!rc) {
            if ((rc = db_next(p)) == 1 && db_int(p, 0) > 0)
                json_array_append_new(arr, row_of(a, day, p));
            db_done(p);
            rc = rc < 0 ? rc : GM_OK;
        }
    }
    json_decref(rec);
    return rc;
}

int report_closed_active(db *d, const report_scope *scope, json_t **out, gm_err *err)
{
    db_stmt *a;
    int rc = db_query(d, &a, err,
        "SELECT a.id, a.name, a.platform, a.state, a.unit_id, u.name, u.path, a.record "
        "FROM accounts a JOIN units u ON u.id=a.unit_id WHERE a.state IN ('closed','merged') "
        "AND (? IS NULL OR u.path LIKE (SELECT path FROM units WHERE id=?)||'%') "
        "ORDER BY u.path, a.id", "nn", scope->unit_id, scope->unit_id);
    if (rc)
        return rc;
    json_t *arr = json_array();
    while (!rc && (rc = db_next(a)) == 1)
        rc = report_in_scope(scope, db_text(a, 6)) ? check_account(d, a, arr, err) : GM_OK;
    db_done(a);
    if (rc < 0) {
        json_decref(arr);
        return rc;
    }
    *out = arr;
    return GM_OK;
}
