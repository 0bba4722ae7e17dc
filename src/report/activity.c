/*
 * activity.c - the activity report (see activity.h).
 *
 * Two queries whatever the number of accounts: the live accounts in scope
 * with their newest publication (a MAX over the (account_id, published_at)
 * index, one seek per account), and their publications of the last 90 days
 * (the same index, one range per account), both in account order, merged
 * here.  The rules themselves are core/activity.c.
 */
#include "report/activity.h"
#include "core/activity.h"
#include "core/instant.h"
#include "core/platform.h"
#include "core/rbac.h"
#include "util/clock.h"
#include "store/db_sql.h"
#include "util/grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Live states: those whose account is expected to publish. */
#define LIVE_STATES "('opened','certified','filed','refiling_due')"
/* SQLite JSON1: the opening date in the record.  PostgreSQL: record::jsonb #>> '{opening,date}'. */
#define SQL_OPENING_DATE DB_SQL_JSON_TEXT("a.record", "opening", "date")

int report_china_day(const char *utc_iso, gm_date *out)
{
    long long t;
    if (instant_parse(utc_iso, NULL, &t, NULL))
        return -1;
    t += 8 * 3600;
    *out = (gm_date)((t >= 0 ? t : t - 86399) / 86400);
    return 0;
}

void report_day_end_utc(gm_date d, char out[24])
{
    clock_iso_format((time_t)((long long)(d + 1) * 86400 - 8 * 3600), out);
}

typedef struct acct {
    long long id, unit_id;
    char name[260], platform[16], state[16], unit_name[400], unit_path[128], policy[16];
    gm_date opened, last_update;
    gm_activity_pub *pubs;
    size_t n, cap;
    gm_date last_original;
} acct;

int report_in_scope(const report_scope *s, const char *unit_path)
{
    return !s->actor ||
           rbac_allows(s->actor->grants, s->actor->n_grants, PERM_ACCOUNT_READ, unit_path);
}

static int load_accounts(db *d, const report_scope *s, const char *end, acct **out, size_t *n,
                         gm_err *err)
{
    db_stmt *q;
    size_t cap = 0;
    int rc = db_query(d, &q, err,
        "SELECT a.id, a.name, a.platform, a.state, a.unit_id, u.name, u.path, "
        " COALESCE(" SQL_OPENING_DATE ", substr(a.created_at,1,10)), "
        " COALESCE(pol.policy,'national'), "
        " (SELECT MAX(p.published_at) FROM publications p WHERE p.account_id=a.id AND p.published_at < ?) "
        "FROM accounts a JOIN units u ON u.id=a.unit_id "
        "LEFT JOIN account_activity_policies pol ON pol.account_id=a.id "
        "WHERE a.state IN " LIVE_STATES " "
        "AND (? IS NULL OR u.path LIKE (SELECT path FROM units WHERE id=?)||'%') ORDER BY a.id",
        "tnn", end, s->unit_id, s->unit_id);
    if (rc)
        return rc;
    *out = NULL;
    *n = 0;
    while ((rc = db_next(q)) == 1) {
        if (!report_in_scope(s, db_text(q, 6)))
            continue;
        if (gm_grow((void **)out, &cap, *n + 1, sizeof **out)) {
            rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
            break;
        }
        acct *a = &(*out)[(*n)++];
        memset(a, 0, sizeof *a);
        a->id = db_int(q, 0);
        a->unit_id = db_int(q, 4);
        snprintf(a->name, sizeof a->name, "%s", db_text(q, 1));
        snprintf(a->platform, sizeof a->platform, "%s", db_text(q, 2));
        snprintf(a->state, sizeof a->state, "%s", db_text(q, 3));
        snprintf(a->unit_name, sizeof a->unit_name, "%s", db_text(q, 5));
        snprintf(a->unit_path, sizeof a->unit_path, "%s", db_text(q, 6));
        snprintf(a->policy, sizeof a->policy, "%s", db_text(q, 8));
        if (date_parse(db_text(q, 7), "opened", &a->opened, NULL))
            a->opened = 0;
        a->last_update = a->last_original = -1;
        if (!db_is_null(q, 9) && report_china_day(db_text(q, 9), &a->last_update))
            a->last_update = -1;
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

static acct *find_acct(acct *v, size_t n, long long id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid].id < id) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && v[lo].id == id ? &v[lo] : NULL;
}

static int push_pub(acct *a, gm_date day, int original)
{
    if (gm_grow((void **)&a->pubs, &a->cap, a->n + 1, sizeof *a->pubs))
        return -1;
    a->pubs[a->n++] = (gm_activity_pub){day, original};
    if (original && day > a->last_original)
        a->last_original = day;
    return 0;
}

static int load_window(db *d, acct *v, size_t n, const char *start, const char *end, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
        "SELECT p.account_id, p.published_at, p.kind FROM accounts a "
        "JOIN publications p ON p.account_id=a.id AND p.published_at >= ? AND p.published_at < ? "
        "WHERE a.state IN " LIVE_STATES " ORDER BY a.id, p.published_at",
        "tt", start, end);
    if (rc)
        return rc;
    acct *a = NULL;
    while ((rc = db_next(q)) == 1) {
        long long id = db_int(q, 0);
        gm_date day;
        if (!a || a->id != id)
            a = find_acct(v, n, id);
        if (!a || report_china_day(db_text(q, 1), &day))
            continue;
        if (push_pub(a, day, strcmp(db_text(q, 2), "original") == 0)) {
            rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
            break;
        }
    }
    db_done(q);
    /* Rows came oldest first (the index order, no sort): the rules want newest first. */
    for (size_t i = 0; i < n; i++)
        for (size_t l = 0, r = v[i].n; r > l + 1; l++, r--) {
            gm_activity_pub t = v[i].pubs[l];
            v[i].pubs[l] = v[i].pubs[r - 1];
            v[i].pubs[r - 1] = t;
        }
    return rc < 0 ? rc : GM_OK;
}

static json_t *date_or_null(gm_date d)
{
    char buf[GM_DATE_TEXT_SIZE];
    return d < 0 ? json_null() : json_string(date_format(d, buf));
}

static json_t *row_json(const acct *a, const gm_activity_result *r, gm_activity_policy pol)
{
    gm_platform p;
    const char *plabel = platform_parse(a->platform, NULL, &p, NULL) ? a->platform : platform_label(p);
    json_t *o = json_pack("{s:I,s:s,s:s,s:s,s:I,s:s,s:s,s:o,s:o,s:i,s:s,s:s}",
        "account_id", (json_int_t)a->id, "account_name", a->name, "platform", a->platform,
        "platform_label", plabel, "unit_id", (json_int_t)a->unit_id, "unit_name", a->unit_name,
        "state", a->state, "opened", date_or_null(a->opened), "last_update",
        date_or_null(a->last_update), "days_since_update", r->days_since_update, "policy",
        activity_policy_name(pol), "policy_label", activity_policy_label(pol));
    if (!o)
        return NULL;
    json_object_set_new(o, "status", json_string(activity_status_name(r->status)));
    json_object_set_new(o, "status_label", json_string(activity_status_label(r->status)));
    json_object_set_new(o, "reason", json_string(r->reason));
    json_object_set_new(o, "longest_gap_days", json_integer(r->longest_gap_days));
    json_object_set_new(o, "originals_14d", json_integer(r->originals_14d));
    json_object_set_new(o, "updates_7d", json_integer(r->updates_7d));
    json_object_set_new(o, "zombie", json_boolean(r->zombie));
    json_object_set_new(o, "suggestion", json_null());
    return o;
}

/* Zombie accounts: merge into a live, updated account of the same unit and
 * platform when there is one (REQUIREMENTS §1), else close.  One pass to
 * index the updated accounts by unit and platform, one to suggest. */
static void suggest_actions(json_t *rows)
{
    size_t i;
    json_t *o, *alive = json_object();
    char key[64], buf[512];
    json_array_foreach(rows, i, o) {
        snprintf(key, sizeof key, "%lld:%s", (long long)json_integer_value(json_object_get(o, "unit_id")),
                 json_string_value(json_object_get(o, "platform")));
        if (!json_is_true(json_object_get(o, "zombie")) && !json_object_get(alive, key))
            json_object_set(alive, key, json_object_get(o, "account_name"));
    }
    json_array_foreach(rows, i, o) {
        if (!json_is_true(json_object_get(o, "zombie")))
            continue;
        snprintf(key, sizeof key, "%lld:%s", (long long)json_integer_value(json_object_get(o, "unit_id")),
                 json_string_value(json_object_get(o, "platform")));
        const char *target = json_string_value(json_object_get(alive, key));
        if (target)
            snprintf(buf, sizeof buf, "合并到同单位同平台账号“%s”后注销", target);
        else
            snprintf(buf, sizeof buf, "超过 3 个月未更新:注销,或与本单位其他账号整合");
        json_object_set_new(o, "suggestion", json_string(buf));
    }
    json_decref(alive);
}

static int evaluate_all(acct *v, size_t n, gm_date as_of, const gm_calendar *cal, json_t *rows,
                        gm_err *err)
{
    for (size_t i = 0; i < n; i++) {
        gm_activity_policy pol = ACTIVITY_NATIONAL;
        activity_policy_parse(v[i].policy, &pol, NULL);
        gm_activity_input in = {.policy = pol, .as_of = as_of, .opened = v[i].opened,
                                .last_update = v[i].last_update, .last_original = v[i].last_original,
                                .pubs = v[i].pubs, .n_pubs = v[i].n, .cal = cal};
        gm_activity_result r;
        int rc = activity_evaluate(&in, &r, err);
        if (rc)
            return rc;
        if (json_array_append_new(rows, row_json(&v[i], &r, pol)))
            return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    }
    return GM_OK;
}

int report_activity(db *d, const report_scope *scope, gm_date as_of, const gm_calendar *cal,
                    json_t **out, gm_err *err)
{
    char start[24], end[24];
    acct *v = NULL;
    size_t n = 0;
    report_day_end_utc(as_of, end);
    report_day_end_utc(as_of - ACTIVITY_WINDOW_DAYS, start);
    json_t *rows = json_array();
    int rc = rows ? load_accounts(d, scope, end, &v, &n, err) : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (!rc)
        rc = load_window(d, v, n, start, end, err);
    if (!rc)
        rc = evaluate_all(v, n, as_of, cal, rows, err);
    for (size_t i = 0; i < n; i++)
        free(v[i].pubs);
    free(v);
    if (rc) {
        json_decref(rows);
        return rc;
    }
    suggest_actions(rows);
    *out = rows;
    return GM_OK;
}

json_t *report_zombies(const json_t *activity)
{
    json_t *out = json_array(), *o;
    size_t i;
    json_array_foreach(activity, i, o)
        if (json_is_true(json_object_get(o, "zombie")))
            json_array_append(out, o);
    return out;
}

int report_activity_table(const json_t *activity, gm_sheet *t, gm_err *err)
{
    static const gm_field cols[] = {
        {"account_id", "账号ID", COL_INT}, {"account_name", "账号名称", COL_TEXT},
        {"platform_label", "平台", COL_TEXT}, {"unit_name", "主办单位", COL_TEXT},
        {"policy_label", "更新频率要求", COL_TEXT}, {"last_update", "最近更新", COL_DATE},
        {"days_since_update", "未更新天数", COL_INT}, {"status_label", "状态", COL_TEXT},
        {"reason", "说明", COL_TEXT}, {"longest_gap_days", "近90天最长间隔(天)", COL_INT},
        {"originals_14d", "近14天原创", COL_INT}, {"updates_7d", "近7天更新", COL_INT},
        {"zombie", "僵尸账号", COL_TEXT}, {"suggestion", "处置建议", COL_TEXT}};
    return sheet_from_objects(t, "活跃度", cols, sizeof cols / sizeof cols[0], activity, err);
}
