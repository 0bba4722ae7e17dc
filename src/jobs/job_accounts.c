/*
 * job_accounts.c - "accounts.remind" (daily 09:00): the filing deadlines of
 * the account registry (REQUIREMENTS §1: the filing, 《备案登记表》, is due
 * within 3 days of opening; a re-filing within 5 working days of a change
 * of responsible leader or administrator).  Every unit with accounts whose
 * filing or re-filing is due today or tomorrow, or already overdue, gets
 * one notice a day naming them until they are filed: its operators (who
 * file) in the app, and the supervisors whose reach covers the unit
 * (信息中心, 督办) a notice naming only the overdue ones, when there are.  The deadlines themselves
 * were fixed when the account was opened or changed (core/account_deadline.h).
 * Filings in the national 全国政务新媒体信息报送系统 that are overdue under the
 * unit's policy (national_filings.h) are named in the same notices.
 */
#include "core/date.h"
#include "core/instant.h"
#include "jobs/job_list.h"
#include "jobs/notice_list.h"
#include "store/calendars.h"
#include "store/national_filings.h"
#include "store/notify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Accounts waiting for a filing (opened, certified) or a re-filing, due by
 * the day given, unit by unit. */
#define DUE_SQL                                                                                  \
    "SELECT a.unit_id, u.path, a.name, a.state, "                                                \
    "CASE WHEN a.state='refiling_due' THEN a.refiling_due ELSE a.filing_due END AS due "         \
    "FROM accounts a JOIN units u ON u.id=a.unit_id "                                            \
    "WHERE ((a.state IN ('opened','certified') AND a.filing_due IS NOT NULL AND a.filing_due<>'' " \
    "AND a.filing_due<=?) OR (a.state='refiling_due' AND a.refiling_due IS NOT NULL "            \
    "AND a.refiling_due<>'' AND a.refiling_due<=?)) ORDER BY a.unit_id, a.id"

typedef struct due_group {
    long long unit_id;
    char path[256];
    notice_list all;        /* due today, tomorrow or overdue: for the operators */
    notice_list late;       /* overdue only: for the supervisors */
} due_group;

/* The notice naming list; late: every one of them is overdue. */
static gm_notice filing_notice(const notice_list *l, int late, char *title, size_t tcap, char *body,
                               size_t bcap)
{
    snprintf(title, tcap, "备案提醒:%d 项备案%s", l->n, late ? "已逾期" : "即将到期或已逾期");
    snprintf(body, bcap,
             "%s。开通后须在期限内填报《备案登记表》,负责人或管理员变更后须重新备案;逾期备案将被标记。",
             l->text);
    return (gm_notice){.kind = "account.filing_due", .title = title, .body = body, .link = "/accounts"};
}

static int remind(db *d, const due_group *g, gm_err *err)
{
    char title[160], body[800], late_title[160], late_body[800];
    gm_notice all = filing_notice(&g->all, g->late.n == g->all.n, title, sizeof title, body,
                                  sizeof body);
    gm_notice late = filing_notice(&g->late, 1, late_title, sizeof late_title, late_body,
                                   sizeof late_body);
    int rc = db_begin(d, err);
    if (!rc)
        rc = notify_role_in_app(d, g->unit_id, ROLE_OPERATOR, &all, NULL, err);
    if (!rc && g->late.n)
        rc = notify_role_above_in_app(d, g->path, g->unit_id, ROLE_SUPERVISOR, &late, NULL, err);
    return db_end(d, rc, err);
}

/* “name” 备案 2026-11-20 到期(已逾期 4 天 / 今天到期 / 明天到期). */
static void add_account(due_group *g, const char *name, const char *state, const char *due_s,
                        gm_date today)
{
    gm_date due;
    char when[64], piece[400];
    if (date_parse(due_s, NULL, &due, NULL))
        return;
    if (due < today)
        snprintf(when, sizeof when, "已逾期 %d 天", (int)(today - due));
    else
        snprintf(when, sizeof when, "%s到期", due == today ? "今天" : "明天");
    snprintf(piece, sizeof piece, "“%s”%s应于 %s 前完成(%s)", name,
             strcmp(state, "refiling_due") == 0 ? "重新备案" : "备案", due_s, when);
    notice_list_add(&g->all, piece);
    if (due < today)
        notice_list_add(&g->late, piece);
}

/* The group of unit (a new one at the end, with the unit's path, when it
 * has none yet); NULL when the table is full. */
static due_group *group_of(db *d, due_group *groups, size_t *n, size_t cap, long long unit,
                           gm_err *err, int *rc)
{
    for (size_t i = 0; i < *n; i++)
        if (groups[i].unit_id == unit)
            return &groups[i];
    if (*n == cap)
        return NULL;
    db_stmt *q;
    due_group *g = &groups[*n];
    *g = (due_group){.unit_id = unit};
    *rc = db_query(d, &q, err, "SELECT path FROM units WHERE id=?", "i", unit);
    if (*rc)
        return NULL;
    if (db_next(q) == 1)
        snprintf(g->path, sizeof g->path, "%s", db_text(q, 0));
    db_done(q);
    (*n)++;
    return g;
}

/* The overdue national filings, added to their units' groups. */
static int add_national(gm_job_ctx *ctx, gm_date today, due_group *groups, size_t *n, size_t cap,
                        gm_err *err)
{
    gm_calendar *cal = NULL;
    json_t *rows = NULL, *row;
    size_t i;
    nf_list_filter f = {.state = "overdue"};
    int rc = calendars_load(ctx->d, ctx->data_dir, &cal, err);
    if (!rc)
        rc = national_filings_list(ctx->d, NULL, &f, cal, today, &rows, err);
    json_array_foreach(rows, i, row) {
        if (rc)
            break;
        due_group *g = group_of(ctx->d, groups, n, cap,
                                json_integer_value(json_object_get(row, "unit_id")), err, &rc);
        if (!g)
            continue;
        gm_date due;
        const char *due_s = json_string_value(json_object_get(row, "due_on"));
        char piece[400];
        if (!due_s || date_parse(due_s, NULL, &due, NULL))
            continue;
        snprintf(piece, sizeof piece, "“%s”的%s须在全国政务新媒体信息报送系统报送,应于 %s 前完成(已逾期 %d 天)",
                 json_string_value(json_object_get(row, "account_name")),
                 json_string_value(json_object_get(row, "event_label")), due_s, (int)(today - due));
        notice_list_add(&g->all, piece);
        notice_list_add(&g->late, piece);
    }
    json_decref(rows);
    calendar_free(cal);
    return rc;
}

int job_accounts_remind(gm_job_ctx *ctx, gm_err *err)
{
    enum { MAX_UNITS = 512 };
    due_group *groups = calloc(MAX_UNITS, sizeof *groups);
    size_t n = 0;
    if (!groups)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    gm_date today = instant_cst_day(ctx->now);
    char by[GM_DATE_TEXT_SIZE];
    date_format(today + 1, by);
    db_stmt *q;
    int rc = db_query(ctx->d, &q, err, DUE_SQL, "tt", by, by);
    if (rc) {
        free(groups);
        return rc;
    }
    while ((rc = db_next(q)) == 1) {
        long long unit = db_int(q, 0);
        if (!n || groups[n - 1].unit_id != unit) {
            if (n == MAX_UNITS)
                break;
            groups[n] = (due_group){.unit_id = unit};
            snprintf(groups[n].path, sizeof groups[n].path, "%s", db_text(q, 1));
            n++;
        }
        add_account(&groups[n - 1], db_text(q, 2), db_text(q, 3), db_text(q, 4), today);
    }
    db_done(q);
    rc = rc < 0 ? rc : GM_OK;
    if (!rc)
        rc = add_national(ctx, today, groups, &n, MAX_UNITS, err);
    int accounts = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        rc = remind(ctx->d, &groups[i], err);
        accounts += groups[i].all.n;
    }
    if (!rc)
        snprintf(ctx->message, sizeof ctx->message, "提醒 %zu 个单位:%d 项备案即将到期或已逾期",
                 n, accounts);
    free(groups);
    return rc;
}
