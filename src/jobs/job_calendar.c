/*
 * job_calendar.c - "calendar.next_year" (daily 09:00): from November on,
 * while next year's working calendar (the State Council's holiday and
 * 调休 schedule, REQUIREMENTS §6) is not loaded, the system admins are told
 * to load it: on Mondays in November and the first half of December, then
 * every day from 15 December, when the 10-working-day limits of public
 * messages, the 5-working-day re-filings and, in the last days, the review
 * limits of drafts start to reach into the new year and are refused until
 * it is loaded (the software never guesses a
 * year's holidays, core/calendar.h).
 */
#include "jobs/job_list.h"
#include "core/instant.h"
#include "store/calendars.h"
#include "store/notify.h"

#include <stdio.h>

/* 1 when the admins are to be told on `today` about year `next`. */
static int reminder_day(gm_date today)
{
    int y, m, d;
    date_to_ymd(today, &y, &m, &d);
    if (m < 11)
        return 0;
    return (m == 12 && d >= 15) || date_weekday(today) == 1;
}

static int tell_admins(db *d, int year, gm_date today, long long *told, gm_err *err)
{
    char title[128], body[600];
    int y, m, day;
    date_to_ymd(today, &y, &m, &day);
    snprintf(title, sizeof title, "请导入 %d 年工作日历(节假日和调休安排)", year);
    snprintf(body, sizeof body,
             "系统尚未加载 %d 年的工作日历。加载前,期限跨入 %d 年的网民留言无法登记、"
             "账号变更无法记录、稿件无法提交审核;请在国务院办公厅公布 %d 年节假日安排后,在“系统管理 › 工作日历”导入。"
             "%s", year, year, year,
             m == 12 && day >= 15 ? "月中以后,新收到留言的答复期限已跨入新年,请尽快导入。" : "");
    gm_notice n = {.kind = "calendar.missing", .title = title, .body = body, .link = "/calendar"};
    db_stmt *q;
    long long roots[16], one;
    size_t k = 0;
    int rc = db_query(d, &q, err, "SELECT id FROM units WHERE parent_id IS NULL ORDER BY id", "");
    if (rc)
        return rc;
    while (k < 16 && (rc = db_next(q)) == 1)
        roots[k++] = db_int(q, 0);
    db_done(q);
    if (rc < 0)
        return rc;
    if ((rc = db_begin(d, err)))
        return rc;
    for (size_t i = 0; !rc && i < k; i++) {
        one = 0;
        rc = notify_role_in_app(d, roots[i], ROLE_ADMIN, &n, &one, err);
        *told += one;
    }
    return db_end(d, rc, err);
}

int job_calendar_next_year(gm_job_ctx *ctx, gm_err *err)
{
    gm_calendar *cal = NULL;
    gm_date today = instant_cst_day(ctx->now);
    int next = date_year(today) + 1;
    long long told = 0;
    int rc = calendars_load(ctx->d, ctx->data_dir, &cal, err);
    if (rc)
        return rc;
    int loaded = calendar_has_year(cal, next);
    calendar_free(cal);
    if (loaded)
        snprintf(ctx->message, sizeof ctx->message, "%d 年工作日历已加载", next);
    else if (!reminder_day(today))
        snprintf(ctx->message, sizeof ctx->message, "%d 年工作日历未加载(今天不提醒)", next);
    else if (!(rc = tell_admins(ctx->d, next, today, &told, err)))
        snprintf(ctx->message, sizeof ctx->message, "%d 年工作日历未加载,已提醒 %lld 位系统管理员",
                 next, told);
    return rc;
}
