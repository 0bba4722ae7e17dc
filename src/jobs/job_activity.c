/*
 * job_activity.c - "activity.warnings": every Thursday morning, before an
 * inspector could find them, tell each unit which of its accounts are in
 * warning, in breach of their preset, vetoed by the 2-week rule or on the
 * zombie list, and give each supervising unit (信息中心) the digest of
 * everything below it.  One notice per unit (in-app for its operators or
 * supervisors, and one message to each of its group robots), all in one
 * transaction with one audit row.
 */
#include "jobs/job_list.h"
#include "report/activity.h"
#include "store/audit.h"
#include "store/calendars.h"
#include "store/notify.h"
#include "util/grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BODY_MAX 1800   /* bytes of digest text; notices allow 2000 characters */

typedef struct digest {
    long long unit_id;
    int supervisor;     /* 1: digest of the subtree for ROLE_SUPERVISOR */
    char unit_name[400];
    int count;
    char body[BODY_MAX + 64];
    int truncated;
} digest;

static int needs_notice(const json_t *row)
{
    return strcmp(json_string_value(json_object_get(row, "status")), "ok") != 0 ||
           json_is_true(json_object_get(row, "zombie"));
}

static digest *digest_for(digest **v, size_t *n, size_t *cap, long long unit, int sup)
{
    for (size_t i = 0; i < *n; i++)
        if ((*v)[i].unit_id == unit && (*v)[i].supervisor == sup)
            return &(*v)[i];
    if (gm_grow((void **)v, cap, *n + 1, sizeof **v))
        return NULL;
    digest *d = &(*v)[(*n)++];
    memset(d, 0, sizeof *d);
    d->unit_id = unit;
    d->supervisor = sup;
    return d;
}

static void digest_add(digest *d, const json_t *row)
{
    char line[600];
    const char *reason = json_string_value(json_object_get(row, "reason"));
    snprintf(line, sizeof line, "%s%s(%s,%s):%s%s%s", d->count ? "。" : "",
             json_string_value(json_object_get(row, "account_name")),
             json_string_value(json_object_get(row, "unit_name")),
             json_string_value(json_object_get(row, "status_label")), reason && *reason ? reason : "",
             json_is_true(json_object_get(row, "zombie")) ? ";僵尸账号,建议:" : "",
             json_is_true(json_object_get(row, "zombie"))
                 ? json_string_value(json_object_get(row, "suggestion")) : "");
    d->count++;
    size_t len = strlen(d->body);
    if (!d->truncated && len + strlen(line) < BODY_MAX)
        memcpy(d->body + len, line, strlen(line) + 1);
    else
        d->truncated = 1;
}

/* The ids on a unit path "/1/4/9/", root first. */
static size_t path_ids(db *d, long long unit, long long *ids, size_t cap, gm_err *err)
{
    db_stmt *q;
    size_t n = 0;
    if (db_query(d, &q, err, "SELECT path FROM units WHERE id=?", "i", unit))
        return 0;
    if (db_next(q) == 1)
        for (const char *p = db_text(q, 0); *p && n < cap; p++)
            if (*p == '/' && p[1])
                ids[n++] = strtoll(p + 1, NULL, 10);
    db_done(q);
    return n;
}

static int collect(db *d, const json_t *rows, digest **v, size_t *n, size_t *cap, gm_err *err)
{
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row) {
        if (!needs_notice(row))
            continue;
        long long unit = json_integer_value(json_object_get(row, "unit_id")), ids[32];
        digest *own = digest_for(v, n, cap, unit, 0);
        if (!own)
            return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
        snprintf(own->unit_name, sizeof own->unit_name, "%s",
                 json_string_value(json_object_get(row, "unit_name")));
        digest_add(own, row);
        size_t k = path_ids(d, unit, ids, 32, err);
        for (size_t j = 0; j < k; j++) {
            digest *sup = digest_for(v, n, cap, ids[j], 1);
            if (!sup)
                return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
            digest_add(sup, row);
        }
    }
    return GM_OK;
}

static int send_digest(db *d, const digest *g, const char *as_of, long long *users, gm_err *err)
{
    char title[sizeof g->unit_name + 160], body[BODY_MAX + 128];
    long long n = 0;
    if (g->supervisor)
        snprintf(title, sizeof title, "活跃度周报(%s):辖区内 %d 个账号需要关注", as_of, g->count);
    else
        snprintf(title, sizeof title, "活跃度预警(%s):%s %d 个账号需要更新或处置", as_of,
                 g->unit_name, g->count);
    snprintf(body, sizeof body, "%s%s", g->body, g->truncated ? "。……(更多见活跃度报表)" : "");
    gm_notice note = {.kind = "activity.warning", .title = title, .body = body,
                      .link = "/reports/activity"};
    int rc = notify_role(d, g->unit_id, g->supervisor ? ROLE_SUPERVISOR : ROLE_OPERATOR, &note, &n, err);
    *users += n;
    return rc;
}

static int notify_all(db *d, const digest *v, size_t n, const char *as_of, long long *users,
                      gm_err *err)
{
    gm_actor who;
    job_actor(&who);
    int rc = db_begin(d, err);
    for (size_t i = 0; !rc && i < n; i++)
        rc = send_digest(d, &v[i], as_of, users, err);
    if (!rc)
        rc = audit_append_json(d, &who, "activity.warnings", "report", 0, NULL,
                               json_pack("{s:s,s:i,s:I}", "as_of", as_of, "digests", (int)n,
                                         "users", (json_int_t)*users), err);
    return db_end(d, rc, err);
}

int job_activity_warnings(gm_job_ctx *ctx, gm_err *err)
{
    gm_calendar *cal = NULL;
    json_t *rows = NULL;
    digest *v = NULL;
    size_t n = 0, cap = 0, flagged = 0;
    long long users = 0;
    char as_of_text[GM_DATE_TEXT_SIZE];
    gm_date as_of = (gm_date)((ctx->now + 8 * 3600) / 86400);
    report_scope all = {NULL, 0};
    int rc = calendars_load(ctx->d, ctx->data_dir, &cal, err);
    if (!rc) {
        calendar_set_weekend_fallback(cal, 1);
        rc = report_activity(ctx->d, &all, as_of, cal, &rows, err);
    }
    if (!rc)
        rc = collect(ctx->d, rows, &v, &n, &cap, err);
    date_format(as_of, as_of_text);
    if (!rc && n)
        rc = notify_all(ctx->d, v, n, as_of_text, &users, err);
    for (size_t i = 0; i < n; i++)
        flagged += v[i].supervisor ? 0 : (size_t)v[i].count;
    if (!rc)
        snprintf(ctx->message, sizeof ctx->message, "%s:%zu 个账号需要关注,发出 %zu 份通知(%lld 人)",
                 as_of_text, flagged, n, users);
    free(v);
    json_decref(rows);
    calendar_free(cal);
    return rc;
}
