/*
 * accounts.c - the account row, its record versions, applying, and the
 * step writer every lifecycle action goes through (see accounts.h).
 *
 * Invariant: accounts.version is the highest account_versions.version of
 * the account and accounts.record equals that version's record; both are
 * written only by accounts_write_step() / insert_application(), inside the
 * action's transaction and together with its audit row.
 */
#include "store/accounts.h"
#include "store/account_notices.h"
#include "store/audit.h"
#include "store/units.h"
#include "core/account_deadline.h"
#include "core/account_form.h"
#include "core/account_unique.h"
#include "core/unit_rules.h"
#include "util/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void accounts_release(gm_account *a)
{
    if (a) {
        json_decref(a->record);
        a->record = NULL;
    }
}

static int account_columns_from_row(db_stmt *q, gm_account *a, gm_err *err)
{
    memset(a, 0, sizeof *a);
    a->id = db_int(q, 0);
    a->unit_id = db_int(q, 1);
    a->version = db_int(q, 2);
    a->merged_into = db_int(q, 3);
    snprintf(a->unit_name, sizeof a->unit_name, "%s", db_text(q, 4));
    snprintf(a->unit_path, sizeof a->unit_path, "%s", db_text(q, 5));
    snprintf(a->platform, sizeof a->platform, "%s", db_text(q, 6));
    snprintf(a->name, sizeof a->name, "%s", db_text(q, 7));
    if (account_state_parse(db_text(q, 8), &a->state, err))
        return gm_fail(err, GM_E_DB, NULL, "账号 %lld 的状态无法识别", a->id);
    snprintf(a->filing_due, sizeof a->filing_due, "%s", db_text(q, 9));
    snprintf(a->refiling_due, sizeof a->refiling_due, "%s", db_text(q, 10));
    snprintf(a->exception_reason, sizeof a->exception_reason, "%s", db_text(q, 11));
    snprintf(a->created_at, sizeof a->created_at, "%s", db_text(q, 12));
    snprintf(a->updated_at, sizeof a->updated_at, "%s", db_text(q, 13));
    a->filed_late = (int)db_int(q, 15);
    a->filed_late_days = (int)db_int(q, 16);
    return GM_OK;
}

static int account_take_record(gm_account *a, json_t *record, gm_err *err)
{
    a->record = record;
    return record ? GM_OK : gm_fail(err, GM_E_DB, NULL, "账号 %lld 的记录已损坏", a->id);
}

int account_from_row(db_stmt *q, gm_account *a, gm_err *err)
{
    int rc = account_columns_from_row(q, a, err);
    return rc ? rc : account_take_record(a, json_loads(db_text(q, ACCOUNT_RECORD_COLUMN), 0, NULL), err);
}

int accounts_get(db *d, long long id, gm_account *out, gm_err *err)
{
    db_stmt *q;
    memset(out, 0, sizeof *out);   /* released below on failure */
    int rc = db_query(d, &q, err,
                      "SELECT " ACCOUNT_COLUMNS " FROM accounts a JOIN units u ON u.id=a.unit_id "
                      "WHERE a.id=?", "i", id);
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 1)
        rc = account_from_row(q, out, err);
    else if (rc == 0)
        rc = gm_fail(err, GM_E_NOTFOUND, "id", "账号 %lld 不存在", id);
    db_done(q);
    if (rc)
        accounts_release(out);
    return rc;
}

void account_overdue_flags(gm_account_state st, const char *filing_due, const char *refiling_due,
                           const char *as_of, int *filing, int *refiling)
{
    gm_date today, due;
    *filing = *refiling = 0;
    if (date_parse(as_of, NULL, &today, NULL))
        return;
    if ((st == GM_ACCOUNT_OPENED || st == GM_ACCOUNT_CERTIFIED) && filing_due[0] &&
        !date_parse(filing_due, NULL, &due, NULL))
        *filing = deadline_is_overdue(due, today);
    if (st == GM_ACCOUNT_REFILING_DUE && refiling_due[0] &&
        !date_parse(refiling_due, NULL, &due, NULL))
        *refiling = deadline_is_overdue(due, today);
}

void account_certification_of(const gm_account *a, account_certification *out)
{
    static const struct { const char *status, *label; } labels[] = {
        {"pending", "未认证"}, {"certified", "已认证"}, {"failed", "认证未通过"}};
    json_t *c = json_object_get(a->record, "certification");
    const char *status = json_string_value(json_object_get(c, "status"));
    if (c && !status)
        status = "certified";   /* recorded before statuses existed: a success */
    if (!status)
        status = "pending";
    out->status = out->status_label = status;
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(labels[i].status, status) == 0)
            out->status_label = labels[i].label;
    out->date = json_string_value(json_object_get(c, "date"));
}

static json_t *certification_json(const gm_account *a)
{
    account_certification c;
    account_certification_of(a, &c);
    return json_pack("{s:s,s:s,s:s?}", "status", c.status, "status_label", c.status_label,
                     "date", c.date);
}

const char *account_platform_label(const gm_account *a)
{
    gm_platform p;
    return platform_parse(a->platform, NULL, &p, NULL) ? a->platform : platform_label(p);
}

json_t *account_to_json(const gm_account *a, const char *as_of)
{
    char today[11];
    if (!as_of) {
        clock_today_cst(today);
        as_of = today;
    }
    int filing, refiling;
    account_overdue_flags(a->state, a->filing_due, a->refiling_due, as_of, &filing, &refiling);
    const char *plabel = account_platform_label(a);
    json_t *j = json_pack("{s:I,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:I,s:s?,s:s?,s:{s:b,s:b,s:s},s:o,s:s?,"
                     "s:s,s:s,s:O}",
                     "id", (json_int_t)a->id, "unit_id", (json_int_t)a->unit_id, "unit_name",
                     a->unit_name, "name", a->name, "platform", a->platform, "platform_label",
                     plabel, "state", account_state_name(a->state), "state_label",
                     account_state_label(a->state), "version", (json_int_t)a->version,
                     "filing_due", a->filing_due[0] ? a->filing_due : NULL, "refiling_due",
                     a->refiling_due[0] ? a->refiling_due : NULL, "overdue", "filing", filing,
                     "refiling", refiling, "as_of", as_of, "merged_into",
                     a->merged_into ? json_integer(a->merged_into) : json_null(),
                     "exception_reason", a->exception_reason[0] ? a->exception_reason : NULL,
                     "created_at", a->created_at, "updated_at", a->updated_at, "record",
                     a->record);
    if (j) {
        json_object_set_new(j, "certification", certification_json(a));
        json_object_set_new(j, "filed_late", a->filed_late < 0 ? json_null() : json_boolean(a->filed_late));
        json_object_set_new(j, "filed_late_days", json_integer(a->filed_late > 0 ? a->filed_late_days : 0));
    }
    return j;
}

/* ---- the step writer ---- */

static int write_version(db *d, const gm_actor *who, long long id, long long version,
                         const char *event, const char *state, const char *record, const char *now,
                         gm_err *err)
{
    return db_exec(d, err,
                   "INSERT INTO account_versions(account_id,version,event,state,record,at,login) "
                   "VALUES(?,?,?,?,?,?,?)",
                   "iittttt", id, version, event, state, record, now, who->login);
}

/* The audit row of a step: the state before and after, and every part of
 * the record the step changed, as it was and as it is (a closing's reason
 * and date, the people of a change, a filing's form, a QR code's digest):
 * an inspector reads who did what and why from the audit log alone. */
static int audit_step(db *d, const gm_actor *who, long long id, const char *event,
                      const char *before_state, const char *after_state, long long version,
                      const json_t *old_rec, const json_t *new_rec, gm_err *err)
{
    char action[48];
    snprintf(action, sizeof action, "account.%s", event);
    json_t *before = before_state ? json_pack("{s:s}", "state", before_state) : NULL;
    json_t *after = json_pack("{s:s,s:I}", "state", after_state, "version", (json_int_t)version);
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)new_rec, key, v) {
        json_t *was = old_rec ? json_object_get(old_rec, key) : NULL;
        if (was && json_equal(was, v))
            continue;
        if (was && before)
            json_object_set(before, key, was);
        json_object_set(after, key, v);
    }
    return audit_append_json(d, who, action, "account", id, before, after, err);
}

int accounts_write_step(db *d, const gm_actor *who, const gm_account *a, const account_step *s,
                        gm_err *err)
{
    gm_account_state next = a->state;
    int rc = s->keep_state ? GM_OK : account_transition(a->state, s->event, &next, err);
    if (rc)
        return rc;
    char *rec = json_dumps(s->record, JSON_COMPACT | JSON_SORT_KEYS);
    if (!rec)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    long long version = a->version + 1;
    const char *st = account_state_name(next);
    rc = write_version(d, who, a->id, version, s->event_name, st, rec, now, err);
    if (!rc)
        rc = db_exec(d, err,
                     "UPDATE accounts SET state=?,version=?,record=?,updated_at=?,"
                     "filing_due=COALESCE(?,filing_due),refiling_due=COALESCE(?,refiling_due),"
                     "merged_into=COALESCE(?,merged_into) WHERE id=? AND version=?",
                     "tittttnii", st, version, rec, now, s->filing_due, s->refiling_due,
                     s->merged_into, a->id, a->version);
    if (!rc && db_changes(d) != 1)
        rc = gm_fail(err, GM_E_CONFLICT, "version", "账号 %lld 已被他人修改,请刷新后重试", a->id);
    if (!rc && s->filing)
        rc = db_exec(d, err, "UPDATE accounts SET filed_late=?, filed_late_days=? WHERE id=?", "iii",
                     (long long)(s->filed_late_days > 0), (long long)s->filed_late_days, a->id);
    if (!rc)
        rc = audit_step(d, who, a->id, s->event_name, account_state_name(a->state), st, version,
                        a->record, s->record, err);
    free(rec);
    return rc;
}

/* ---- applying ---- */

static const char *const contact_keys[] = {"name", "title", "office_phone", "mobile", NULL};
static const char *const admin_extra_keys[] = {"qq", "wechat", NULL};

static int key_listed(const char *key, const char *const *a, const char *const *b)
{
    for (size_t i = 0; a && a[i]; i++)
        if (strcmp(key, a[i]) == 0)
            return 1;
    for (size_t i = 0; b && b[i]; i++)
        if (strcmp(key, b[i]) == 0)
            return 1;
    return 0;
}

/* GM_E_INVALID naming the nested field "who.key". */
static int fail_nested(gm_err *err, const char *who, const char *key, const char *what)
{
    char field[96];
    snprintf(field, sizeof field, "%s.%.60s", who, key);   /* gm_fail repairs a cut character */
    return gm_fail(err, GM_E_INVALID, field, "字段 %s %s", field, what);
}

int account_contact_json_check(const json_t *obj, const char *who, int with_extras, gm_err *err)
{
    const char *key;
    json_t *v;
    if (!json_is_object(obj))
        return gm_fail(err, GM_E_INVALID, who, "%s 应为对象", who);
    json_object_foreach((json_t *)obj, key, v) {
        if (!key_listed(key, contact_keys, with_extras ? admin_extra_keys : NULL))
            return fail_nested(err, who, key, "不是可接受的字段");
        if (!json_is_string(v))
            return fail_nested(err, who, key, "应为字符串");
    }
    return GM_OK;
}

static const char *jstr(const json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

void account_contact_from_json(const json_t *o, gm_contact *c)
{
    c->name = jstr(o, "name");
    c->title = jstr(o, "title");
    c->office_phone = jstr(o, "office_phone");
    c->mobile = jstr(o, "mobile");
}

static int form_from_json(const json_t *f, gm_account_application *app, gm_err *err)
{
    memset(app, 0, sizeof *app);
    const json_t *resp = json_object_get(f, "responsible"), *adm = json_object_get(f, "admin");
    int rc = resp ? account_contact_json_check(resp, "responsible", 0, err) : GM_OK;
    if (!rc && adm)
        rc = account_contact_json_check(adm, "admin", 1, err);
    if (rc)
        return rc;
    app->name = jstr(f, "name");
    app->platform = jstr(f, "platform");
    app->host_unit = jstr(f, "host_unit");
    app->date = jstr(f, "date");
    account_contact_from_json(resp, &app->responsible);
    account_contact_from_json(adm, &app->admin);
    app->admin_qq = jstr(adm, "qq");
    app->admin_wechat = jstr(adm, "wechat");
    app->purpose = jstr(f, "purpose");
    return GM_OK;
}

/* "('applied','approved',...)": the states that hold a unit's platform
 * slot, from the core rule (constant text, not input). */
static void slot_states_sql(char *out, size_t cap)
{
    size_t used = (size_t)snprintf(out, cap, "(");
    for (int s = 0; s < GM_ACCOUNT_STATE_COUNT; s++)
        if (account_state_holds_platform_slot((gm_account_state)s) && used < cap)
            used += (size_t)snprintf(out + used, cap - used, "%s'%s'", used > 1 ? "," : "",
                                     account_state_name((gm_account_state)s));
    if (used < cap)
        snprintf(out + used, cap - used, ")");
}

/* One-per-platform, decided in SQL over every account of the unit on p
 * (no capped scan): the first account holding the slot, if any, goes to
 * the core rule, which names it or accepts the exception. */
static int check_unit_may_open(db *d, const gm_unit *u, gm_platform p, const char *exception,
                               gm_err *err)
{
    int rc = account_unit_may_hold_check(unit_kind_may_hold_accounts(u->kind), exception, err);
    if (rc)
        return rc;
    char states[256], sql[512], name[260];
    slot_states_sql(states, sizeof states);
    snprintf(sql, sizeof sql,
             "SELECT id,name,state FROM accounts WHERE unit_id=? AND platform=? AND state IN %s "
             "ORDER BY id LIMIT 1", states);
    db_stmt *q;
    gm_account_brief holder = {.platform = p};
    size_t n = 0;
    if ((rc = db_query(d, &q, err, sql, "it", u->id, platform_name(p))) != GM_OK)
        return rc;
    if ((rc = db_next(q)) == 1 && !account_state_parse(db_text(q, 2), &holder.state, NULL)) {
        holder.id = db_int(q, 0);
        snprintf(name, sizeof name, "%s", db_text(q, 1));
        holder.name = name;
        n = 1;
    }
    db_done(q);
    return rc < 0 ? rc : account_unique_platform_check(p, &holder, n, exception, err);
}

/* The record of a new application: the form, normalised. */
static json_t *application_record(const json_t *form, const gm_application_values *v,
                                  const char *exception)
{
    json_t *rec = json_deep_copy(form);
    if (!rec)
        return NULL;
    json_object_set_new(rec, "platform", json_string(platform_name(v->platform)));
    if (exception)
        json_object_set_new(rec, "exception_reason", json_string(exception));
    return rec;
}

static int insert_application(db *d, const gm_actor *who, const gm_unit *u, const json_t *rec,
                              const gm_application_values *v, const char *exception,
                              long long *id_out, gm_err *err)
{
    char *text = json_dumps(rec, JSON_COMPACT | JSON_SORT_KEYS), now[GM_ISO_LEN];
    if (!text)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    clock_iso_from_now(now, 0);
    const char *st = account_state_name(GM_ACCOUNT_APPLIED);
    int rc = db_query_int(d, id_out, err,
                          "INSERT INTO accounts(unit_id,platform,name,state,version,record,"
                          "exception_reason,created_at,updated_at) VALUES(?,?,?,?,1,?,?,?,?) "
                          "RETURNING id",
                          "ittttttt", u->id, platform_name(v->platform), jstr(rec, "name"), st,
                          text, exception, now, now);
    if (!rc)
        rc = write_version(d, who, *id_out, 1, "apply", st, text, now, err);
    if (!rc)
        rc = audit_step(d, who, *id_out, "apply", NULL, st, 1, NULL, rec, err);
    free(text);
    return rc;
}

/* The application date records something done: not after today (China time). */
static int refuse_future_date(gm_date d, const char *field, gm_err *err)
{
    char today_s[11];
    gm_date today;
    clock_today_cst(today_s);
    if (date_parse(today_s, NULL, &today, NULL) == GM_OK && d > today)
        return gm_fail(err, GM_E_INVALID, field, "日期晚于今天(%s):申请时间不能填将来的日期", today_s);
    return GM_OK;
}

static int apply_in_transaction(db *d, const gm_actor *who, long long unit_id, const json_t *form,
                                const char *exception, long long *id_out, gm_err *err)
{
    gm_unit u;
    gm_account_application app;
    gm_application_values v;
    int rc = units_get(d, unit_id, &u, err);
    if (rc == GM_E_NOTFOUND)
        return gm_fail(err, GM_E_INVALID, "unit_id", "单位 %lld 不存在", unit_id);
    if (!rc)
        rc = form_from_json(form, &app, err);
    if (!rc)
        rc = account_apply_validate(&app, &v, err);
    if (!rc)
        rc = refuse_future_date(v.date, "date", err);
    if (!rc)
        rc = check_unit_may_open(d, &u, v.platform, exception, err);
    if (rc)
        return rc;
    json_t *rec = application_record(form, &v, exception);
    rc = rec ? insert_application(d, who, &u, rec, &v, exception, id_out, err)
             : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    json_decref(rec);
    gm_account a;
    if (!rc && !(rc = accounts_get(d, *id_out, &a, err))) {
        rc = account_notice_applied(d, &a, err);
        accounts_release(&a);
    }
    return rc;
}

int accounts_apply(db *d, const gm_actor *who, long long unit_id, const json_t *form,
                   const char *exception_reason, long long *id_out, gm_account *stored,
                   gm_err *err)
{
    if (stored)
        memset(stored, 0, sizeof *stored);   /* releasable whatever happens */
    if (!json_is_object(form))
        return gm_fail(err, GM_E_INVALID, "body", "申请表应为 JSON 对象");
    int rc = db_begin(d, err);
    if (!rc)
        rc = apply_in_transaction(d, who, unit_id, form, exception_reason, id_out, err);
    if (!rc && stored)
        rc = accounts_get(d, *id_out, stored, err);
    rc = db_end(d, rc, err);
    if (rc && stored)
        accounts_release(stored);
    return rc;
}

int accounts_can_receive_posts(db *d, long long account_id, gm_err *err)
{
    gm_account a;
    int rc = accounts_get(d, account_id, &a, err);
    if (rc)
        return rc;
    rc = account_can_receive_posts(a.state, err);
    accounts_release(&a);
    return rc;
}
