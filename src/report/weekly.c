/*
 * weekly.c - weekly statistics (see weekly.h).
 *
 * One grouped query driven by the live accounts, each reaching its own
 * publications of the week through the (account_id, published_at) index;
 * unit totals are summed here.
 */
#include "report/weekly.h"
#include "core/platform.h"
#include "core/rbac.h"
#include "store/db_sql.h"
#include "store/message_figures.h"

#include <stdio.h>
#include <string.h>

gm_date weekly_monday(gm_date day)
{
    return day - (date_weekday(day) - 1);
}

static json_t *sum_or_null(db_stmt *q, int sum_col, int known_col)
{
    return db_int(q, known_col) > 0 ? json_integer(db_int(q, sum_col)) : json_null();
}

static json_t *account_row(db_stmt *q)
{
    gm_platform p;
    const char *pname = db_text(q, 2);
    json_t *o = json_pack("{s:I,s:s,s:s,s:I,s:s,s:I,s:I,s:I}", "account_id", (json_int_t)db_int(q, 0),
        "account_name", db_text(q, 1), "platform_label",
        platform_parse(pname, NULL, &p, NULL) ? pname : platform_label(p), "unit_id",
        (json_int_t)db_int(q, 3), "unit_name", db_text(q, 4), "posts", (json_int_t)db_int(q, 6),
        "originals", (json_int_t)db_int(q, 7), "reposts", (json_int_t)db_int(q, 8));
    if (!o)
        return NULL;
    json_object_set_new(o, "reads", sum_or_null(q, 9, 12));
    json_object_set_new(o, "likes", sum_or_null(q, 10, 13));
    json_object_set_new(o, "comments", sum_or_null(q, 11, 14));
    static const char *const msg_keys[] = {"messages_received", "messages_answered",
                                           "messages_answered_in_time", "reply_median_hours",
                                           "reply_worst_hours"};
    for (size_t k = 0; k < sizeof msg_keys / sizeof msg_keys[0]; k++)
        json_object_set_new(o, msg_keys[k], json_null());
    return o;
}

static void add_to(json_t *o, const char *key, json_t *v)
{
    if (!json_is_integer(v))
        return;
    json_t *cur = json_object_get(o, key);
    json_object_set_new(o, key, json_integer((json_is_integer(cur) ? json_integer_value(cur) : 0) +
                                             json_integer_value(v)));
}

/* Unit totals in first-seen order (accounts come sorted by unit path). */
static json_t *unit_totals(const json_t *accounts)
{
    static const char *const keys[] = {"posts", "originals", "reposts", "reads", "likes", "comments",
                                       "messages_received", "messages_answered",
                                       "messages_answered_in_time"};
    json_t *units = json_array(), *a, *u = NULL;
    size_t i;
    json_array_foreach(accounts, i, a) {
        json_int_t uid = json_integer_value(json_object_get(a, "unit_id"));
        if (!u || json_integer_value(json_object_get(u, "unit_id")) != uid) {
            u = json_pack("{s:I,s:O,s:i}", "unit_id", uid, "unit_name", json_object_get(a, "unit_name"),
                          "accounts", 0);
            for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
                json_object_set_new(u, keys[k], k < 3 ? json_integer(0) : json_null());
            json_array_append_new(units, u);
        }
        json_object_set_new(u, "accounts", json_integer(json_integer_value(json_object_get(u, "accounts")) + 1));
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
            add_to(u, keys[k], json_object_get(a, keys[k]));
    }
    return units;
}

/* Fills the message figures (store/message_figures.h) of one account row. */
static int fill_messages(db *d, json_t *row, gm_date mon, gm_date sun, int has_messages, gm_err *err)
{
    gm_message_figures f = {0};
    long long id = json_integer_value(json_object_get(row, "account_id"));
    int rc = has_messages ? message_figures(d, id, mon, sun, &f, err) : GM_OK;
    if (rc)
        return rc;
    json_object_set_new(row, "messages_received", json_integer(f.received));
    json_object_set_new(row, "messages_answered", json_integer(f.answered));
    json_object_set_new(row, "messages_answered_in_time", json_integer(f.answered_in_time));
    json_object_set_new(row, "reply_median_hours", f.answered ? json_real(f.answer_median_hours) : json_null());
    json_object_set_new(row, "reply_worst_hours", f.answered ? json_real(f.answer_worst_hours) : json_null());
    return GM_OK;
}

/* Accounts with messages received in [from, to): only these need figures. */
static int message_accounts(db *d, const char *from, const char *to, json_t *set, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
        "SELECT a.id FROM accounts a WHERE EXISTS (SELECT 1 FROM messages m WHERE m.account_id=a.id "
        "AND m.received_at >= ? AND m.received_at < ?)", "tt", from, to);
    if (rc)
        return rc;
    char key[24];
    while ((rc = db_next(q)) == 1) {
        snprintf(key, sizeof key, "%lld", db_int(q, 0));
        json_object_set_new(set, key, json_true());
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

static int fill_all_messages(db *d, json_t *accounts, gm_date mon, const char *from, const char *to,
                             gm_err *err)
{
    json_t *set = json_object(), *a;
    size_t i;
    char key[24];
    int rc = message_accounts(d, from, to, set, err);
    json_array_foreach(accounts, i, a) {
        if (rc)
            break;
        snprintf(key, sizeof key, "%lld", (long long)json_integer_value(json_object_get(a, "account_id")));
        rc = fill_messages(d, a, mon, mon + 6, json_object_get(set, key) != NULL, err);
    }
    json_decref(set);
    return rc;
}

int report_weekly(db *d, const report_scope *scope, gm_date week_day, json_t **out, gm_err *err)
{
    gm_date mon = weekly_monday(week_day), sun = mon + 6;
    char from[24], to[24], dm[GM_DATE_TEXT_SIZE], ds[GM_DATE_TEXT_SIZE];
    report_day_end_utc(mon - 1, from);
    report_day_end_utc(sun, to);
    db_stmt *q;
    int rc = db_query(d, &q, err,
        "SELECT a.id, a.name, a.platform, a.unit_id, u.name, u.path, COUNT(p.id), "
        " " DB_SQL_COUNT_IF("p.kind='original'") ", " DB_SQL_COUNT_IF("p.kind='repost'") ", "
        " COALESCE(SUM(p.reads),0), COALESCE(SUM(p.likes),0), COALESCE(SUM(p.comments),0), "
        " COUNT(p.reads), COUNT(p.likes), COUNT(p.comments) "
        "FROM accounts a JOIN units u ON u.id=a.unit_id "
        "LEFT JOIN publications p ON p.account_id=a.id AND p.published_at >= ? AND p.published_at < ? "
        "WHERE a.state IN ('opened','certified','filed','refiling_due') "
        "AND (? IS NULL OR u.path LIKE (SELECT path FROM units WHERE id=?)||'%') "
        "GROUP BY a.id, u.id ORDER BY u.path, a.id",   /* u.id: u's columns are grouped too */
        "ttnn", from, to, scope->unit_id, scope->unit_id);
    if (rc)
        return rc;
    json_t *accounts = json_array();
    while ((rc = db_next(q)) == 1)
        if (report_in_scope(scope, db_text(q, 5)))
            json_array_append_new(accounts, account_row(q));
    db_done(q);
    if (rc >= 0)
        rc = fill_all_messages(d, accounts, mon, from, to, err);
    if (rc < 0) {
        json_decref(accounts);
        return rc;
    }
    *out = json_pack("{s:s,s:s,s:s,s:o,s:o}", "week_start", date_format(mon, dm), "week_end",
                     date_format(sun, ds), "messages_source", "留言登记", "units", unit_totals(accounts),
                     "accounts", accounts);
    return *out ? GM_OK : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
}

int report_weekly_table(const json_t *weekly, gm_sheet *t, gm_err *err)
{
    static const gm_field cols[] = {
        {"week_start", "周起", COL_DATE}, {"week_end", "周止", COL_DATE},
        {"unit_name", "主办单位", COL_TEXT}, {"account_name", "账号名称", COL_TEXT},
        {"platform_label", "平台", COL_TEXT}, {"posts", "发布数", COL_INT},
        {"originals", "原创", COL_INT}, {"reposts", "转载", COL_INT}, {"reads", "阅读量", COL_INT},
        {"likes", "点赞量", COL_INT}, {"comments", "评论量", COL_INT},
        {"messages_received", "收到留言", COL_INT}, {"messages_answered", "已答复", COL_INT},
        {"messages_answered_in_time", "按时答复", COL_INT},
        {"reply_median_hours", "答复时长中位数(工作小时)", COL_NUMBER},
        {"reply_worst_hours", "最长答复时长(工作小时)", COL_NUMBER}};
    json_t *rows = json_array(), *a;
    size_t i;
    json_array_foreach(json_object_get(weekly, "accounts"), i, a) {
        json_t *r = json_copy(a);
        json_object_set(r, "week_start", json_object_get(weekly, "week_start"));
        json_object_set(r, "week_end", json_object_get(weekly, "week_end"));
        json_array_append_new(rows, r);
    }
    json_array_foreach(json_object_get(weekly, "units"), i, a) {
        json_t *r = json_copy(a);
        json_object_set(r, "week_start", json_object_get(weekly, "week_start"));
        json_object_set(r, "week_end", json_object_get(weekly, "week_end"));
        json_object_set_new(r, "account_name", json_string("(单位合计)"));
        json_array_append_new(rows, r);
    }
    int rc = sheet_from_objects(t, "周统计", cols, sizeof cols / sizeof cols[0], rows, err);
    json_decref(rows);
    return rc;
}
