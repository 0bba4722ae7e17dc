/*
 * national_filings.c - the events of accounts to be filed in the national
 * system and the filings recorded (see national_filings.h).
 */
#include "store/national_filings.h"
#include "core/national_filing.h"
#include "core/platform.h"
#include "core/rbac.h"
#include "store/actor_name.h"
#include "store/audit.h"
#include "store/national_filing_policies.h"
#include "util/clock.h"
#include "util/text.h"

#include <string.h>

#define EVENTS_SQL                                                                               \
    "SELECT v.account_id, v.version, v.event, v.record, a.name, a.platform, a.unit_id, u.name, " \
    "u.path, f.filed_on, f.reference, f.note, f.filed_by, " ACTOR_NAME_SQL("f.filed_by") ", "   \
    "f.due_on "                                                                                  \
    "FROM account_versions v JOIN accounts a ON a.id=v.account_id "                              \
    "JOIN units u ON u.id=a.unit_id "                                                            \
    "LEFT JOIN national_filings f ON f.account_id=v.account_id AND f.version=v.version "         \
    "WHERE v.event IN ('open','change','change_people','close','merge') "

/* The event's day as the step recorded it in the account's record. */
static const char *event_day(json_t *rec, const char *account_event)
{
    static const struct {
        const char *event, *key;
    } where[] = {{"open", "opening"}, {"change", "last_change"}, {"change_people", "last_change"},
                 {"close", "closing"}, {"merge", "merge"}};
    for (size_t i = 0; i < sizeof where / sizeof *where; i++)
        if (strcmp(where[i].event, account_event) == 0)
            return json_string_value(json_object_get(json_object_get(rec, where[i].key), "date"));
    return NULL;
}

static json_t *opt_str(db_stmt *q, int c)
{
    return db_is_null(q, c) ? json_null() : json_string(db_text(q, c));
}

/* The deadline in force and, until filed, what is left of it: working days
 * (working calendar; 0: due today, negative: working days overdue) and
 * calendar days. */
static void add_days_left(json_t *row, const gm_calendar *cal, const gm_nf_policy *p,
                          gm_date today, gm_date due, int filed)
{
    int left;
    char label[32];
    if (!row)
        return;
    json_object_set_new(row, "deadline", json_pack("{s:i,s:b,s:s}", "days", p->days,
                                                   "working_days", p->working, "label",
                                                   national_filing_policy_label(p, label, sizeof label)));
    json_object_set_new(row, "working_days", p->working ? json_integer(p->days) : json_null());
    json_object_set_new(row, "working_days_left",
                        !filed && !calendar_working_days_between(cal, today, due, &left, NULL)
                            ? json_integer(left)
                            : json_null());
    json_object_set_new(row, "days_left", filed ? json_null() : json_integer(due - today));
}

static int keep_row(const char *filter, int filed, gm_nf_state st)
{
    if (!filter)
        return 1;
    if (strcmp(filter, "open") == 0)
        return !filed;
    return strcmp(filter, national_filing_state_name(st)) == 0;
}

/* The row of one event, or NULL when it has no day or fails the filter.
 * A filing keeps the due day it was judged by (column 14); an event not yet
 * filed is due under the policy of its unit today. */
static json_t *event_row(db_stmt *q, const gm_calendar *cal, const nf_policy_set *pols,
                         gm_date today, const char *filter)
{
    json_t *rec = json_loads(db_text(q, 3), 0, NULL);
    const char *day = event_day(rec, db_text(q, 2));
    gm_date on, due, filed_on = 0;
    char due_text[GM_DATE_TEXT_SIZE];
    int filed = !db_is_null(q, 9);
    gm_nf_policy pol = nf_policy_for(pols, db_text(q, 8), NULL);
    json_t *row = NULL;
    if (day && !date_parse(day, "date", &on, NULL) &&
        (filed && !db_is_null(q, 14) ? !date_parse(db_text(q, 14), "due_on", &due, NULL)
                                     : !national_filing_due(cal, on, &pol, &due, NULL)) &&
        (!filed || !date_parse(db_text(q, 9), "filed_on", &filed_on, NULL))) {
        gm_nf_state st = national_filing_state(due, filed, filed_on, today);
        int keep = keep_row(filter, filed, st);
        const char *ev = national_filing_event(db_text(q, 2));
        gm_platform p;
        const char *pname = db_text(q, 5);
        row = !keep ? NULL : json_pack(
            "{s:I,s:s,s:s,s:I,s:s,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:o,s:o}",
            "account_id", (json_int_t)db_int(q, 0), "account_name", db_text(q, 4),
            "platform_label", platform_parse(pname, NULL, &p, NULL) ? pname : platform_label(p),
            "unit_id", (json_int_t)db_int(q, 6), "unit_name", db_text(q, 7), "version",
            (json_int_t)db_int(q, 1), "event", ev, "event_label", national_filing_event_label(ev),
            "event_on", day, "due_on", date_format(due, due_text), "state",
            national_filing_state_name(st), "state_label", national_filing_state_label(st),
            "filed_on", opt_str(q, 9), "reference", opt_str(q, 10), "note", opt_str(q, 11),
            "filed_by", opt_str(q, 12), "filed_by_name", actor_name_json(q, 13));
        add_days_left(row, cal, &pol, today, due, filed);
    }
    json_decref(rec);
    return row;
}

int national_filings_list(db *d, const gm_actor *scope, const nf_list_filter *f,
                          const gm_calendar *cal, gm_date today, json_t **out, gm_err *err)
{
    db_stmt *q;
    nf_policy_set pols;
    const char *unit_path = f->unit_path ? f->unit_path : "";
    int rc = nf_policies_load(d, &pols, err);
    if (rc)
        return rc;
    rc = db_query(d, &q, err,
                  EVENTS_SQL "AND (?=0 OR v.account_id=?) AND substr(u.path,1,length(?))=? "
                             "ORDER BY u.path, v.account_id, v.version",
                  "iitt", f->account_id, f->account_id, unit_path, unit_path);
    if (rc) {
        nf_policies_free(&pols);
        return rc;
    }
    json_t *arr = json_array();
    while ((rc = db_next(q)) == 1) {
        if (scope && !rbac_allows(scope->grants, scope->n_grants, PERM_ACCOUNT_READ, db_text(q, 8)))
            continue;
        if (f->event && strcmp(f->event, national_filing_event(db_text(q, 2))) != 0)
            continue;
        json_t *row = event_row(q, cal, &pols, today, f->state);
        if (row)
            json_array_append_new(arr, row);
    }
    db_done(q);
    nf_policies_free(&pols);
    if (rc < 0) {
        json_decref(arr);
        return rc;
    }
    *out = arr;
    return GM_OK;
}

/* The event's day of the account's version; GM_E_NOTFOUND / GM_E_INVALID. */
static int version_event_day(db *d, long long account_id, long long version, gm_date *on,
                             gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT event, record FROM account_versions WHERE account_id=? AND version=?",
                      "ii", account_id, version);
    if (rc)
        return rc;
    if ((rc = db_next(q)) != 1) {
        db_done(q);
        return rc < 0 ? rc
                      : gm_fail(err, GM_E_NOTFOUND, "version", "账号 %lld 没有第 %lld 版", account_id,
                                version);
    }
    json_t *rec = json_loads(db_text(q, 1), 0, NULL);
    const char *day = national_filing_event(db_text(q, 0)) ? event_day(rec, db_text(q, 0)) : NULL;
    rc = day ? date_parse(day, "version", on, err)
             : gm_fail(err, GM_E_INVALID, "version",
                       "第 %lld 版不是需要向全国系统报送的事项(开通、变更、关闭、注销)", version);
    json_decref(rec);
    db_done(q);
    return rc;
}

static int check_filing(db *d, long long account_id, long long version, const char *filed_on,
                        const char *reference, const char *note, gm_date today, gm_date *event_on,
                        gm_err *err)
{
    gm_date on, filed;
    char on_text[GM_DATE_TEXT_SIZE];
    int rc = version_event_day(d, account_id, version, &on, err);
    if (!rc)
        rc = date_parse(filed_on, "filed_on", &filed, err);
    if (!rc && filed < on)
        rc = gm_fail(err, GM_E_INVALID, "filed_on", "报送日期不能早于事项发生之日 %s",
                     date_format(on, on_text));
    if (!rc && filed > today)
        rc = gm_fail(err, GM_E_INVALID, "filed_on", "报送日期不能晚于今天");
    if (!rc && reference)
        rc = text_require(reference, "reference", 0, 100, err);
    if (!rc && note)
        rc = text_require_multiline(note, "note", 0, 500, err);
    *event_on = on;
    return rc;
}

/* The due day of an event of the account on `on`, under its unit's policy now. */
static int due_for(db *d, long long account_id, const gm_calendar *cal, gm_date on, gm_date *due,
                   gm_err *err)
{
    db_stmt *q;
    nf_policy_set pols;
    int rc = nf_policies_load(d, &pols, err);
    if (!rc && (rc = db_query(d, &q, err, "SELECT u.path FROM accounts a JOIN units u ON "
                                          "u.id=a.unit_id WHERE a.id=?", "i", account_id)) != 0)
        nf_policies_free(&pols);
    if (rc)
        return rc;
    if ((rc = db_next(q)) == 1) {
        gm_nf_policy p = nf_policy_for(&pols, db_text(q, 0), NULL);
        rc = national_filing_due(cal, on, &p, due, err);
    } else if (rc == 0) {
        rc = gm_fail(err, GM_E_NOTFOUND, NULL, "账号 %lld 不存在", account_id);
    }
    db_done(q);
    nf_policies_free(&pols);
    return rc;
}

static int insert_filing(db *d, const gm_actor *who, long long account_id, long long version,
                         const char *filed_on, const char *reference, const char *note,
                         gm_date due, gm_err *err)
{
    char now[GM_ISO_LEN], due_text[GM_DATE_TEXT_SIZE];
    gm_date filed = 0;
    clock_iso_from_now(now, 0);
    date_format(due, due_text);
    date_parse(filed_on, "filed_on", &filed, NULL);
    int rc = db_exec(d, err,
                     "INSERT INTO national_filings(account_id,version,filed_on,reference,note,"
                     "filed_by,created_at,due_on) VALUES(?,?,?,?,?,?,?,?)",
                     "iitttttt", account_id, version, filed_on, reference ? reference : "",
                     note ? note : "", who->login, now, due_text);
    if (!rc)
        rc = audit_append_json(d, who, "account.national_file", "account", account_id, NULL,
                               json_pack("{s:I,s:s,s:s,s:s,s:b}", "version", (json_int_t)version,
                                         "filed_on", filed_on, "reference",
                                         reference ? reference : "", "due_on", due_text,
                                         "late", filed > due),
                               err);
    return rc;
}

int national_filings_record(db *d, const gm_actor *who, long long account_id, long long version,
                            const char *filed_on, const char *reference, const char *note,
                            const gm_calendar *cal, gm_date today, gm_err *err)
{
    long long n = 0;
    gm_date on = 0, due = 0;
    int rc = check_filing(d, account_id, version, filed_on, reference, note, today, &on, err);
    if (!rc)
        rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = db_query_int(d, &n, err,
                      "SELECT COUNT(*) FROM national_filings WHERE account_id=? AND version=?", "ii",
                      account_id, version);
    if (!rc && n)
        rc = gm_fail(err, GM_E_CONFLICT, "version", "第 %lld 版的事项已向全国系统报送", version);
    if (!rc)
        rc = due_for(d, account_id, cal, on, &due, err);
    if (!rc)
        rc = insert_filing(d, who, account_id, version, filed_on, reference, note, due, err);
    return db_end(d, rc, err);
}
