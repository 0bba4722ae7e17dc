/*
 * job_reviews.c - "reviews.remind" (weekly, Monday 09:00): while an annual
 * review round (年审) is open, every unit with live accounts that have not
 * submitted their report is reminded: its department heads (in-app and the
 * unit's group robots) and its operators (in-app), one notice per unit and
 * round naming the accounts (REQUIREMENTS §1: "the system opens the review
 * round, reminds, and lists accounts that must be closed").
 */
#include "jobs/job_list.h"
#include "jobs/notice_list.h"
#include "store/notify.h"

#include <stdio.h>
#include <string.h>

/* Live accounts below an open round's unit without a report in it. */
#define PENDING_SQL                                                                              \
    "SELECT r.id, r.year, a.unit_id, a.name FROM review_rounds r "                               \
    "JOIN units ru ON ru.id=r.unit_id JOIN units u ON u.path LIKE ru.path||'%' "                 \
    "JOIN accounts a ON a.unit_id=u.id WHERE r.state='open' "                                    \
    "AND a.state IN ('opened','certified','filed','refiling_due') "                              \
    "AND NOT EXISTS (SELECT 1 FROM review_reports p WHERE p.round_id=r.id AND p.account_id=a.id) " \
    "ORDER BY r.id, a.unit_id, a.id"

typedef struct pending_group {
    long long round_id, unit_id;
    int year;
    notice_list names;
} pending_group;

static int remind(db *d, const pending_group *g, gm_err *err)
{
    char title[160], body[800], link[48];
    snprintf(title, sizeof title, "年审提醒:%d 年度 %d 个账号尚未提交年度报告", g->year, g->names.n);
    snprintf(body, sizeof body, "%s。未提交或未通过年审的账号须注销,请尽快提交。", g->names.text);
    snprintf(link, sizeof link, "/reviews/%lld", g->round_id);
    gm_notice note = {.kind = "review.remind", .title = title, .body = body, .link = link};
    int rc = db_begin(d, err);
    if (!rc)
        rc = notify_role(d, g->unit_id, ROLE_DEPARTMENT_HEAD, &note, NULL, err);
    if (!rc)
        rc = notify_role_in_app(d, g->unit_id, ROLE_OPERATOR, &note, NULL, err);
    return db_end(d, rc, err);
}

/* Appends “name” to the group's list. */
static void add_name(pending_group *g, const char *name)
{
    char piece[256];
    snprintf(piece, sizeof piece, "“%.200s”", name);
    notice_list_add(&g->names, piece);
}

int job_reviews_remind(gm_job_ctx *ctx, gm_err *err)
{
    pending_group groups[128];
    size_t n = 0;
    db_stmt *q;
    int rc = db_query(ctx->d, &q, err, PENDING_SQL, "");
    if (rc)
        return rc;
    while ((rc = db_next(q)) == 1) {
        long long round = db_int(q, 0), unit = db_int(q, 2);
        if (!n || groups[n - 1].round_id != round || groups[n - 1].unit_id != unit) {
            if (n == sizeof groups / sizeof groups[0])
                break;
            groups[n++] = (pending_group){.round_id = round, .unit_id = unit, .year = (int)db_int(q, 1)};
        }
        add_name(&groups[n - 1], db_text(q, 3));
    }
    db_done(q);
    rc = rc < 0 ? rc : GM_OK;
    int accounts = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        rc = remind(ctx->d, &groups[i], err);
        accounts += groups[i].names.n;
    }
    if (!rc)
        snprintf(ctx->message, sizeof ctx->message, "提醒 %zu 个单位:%d 个账号尚未提交年审报告", n,
                 accounts);
    return rc;
}
