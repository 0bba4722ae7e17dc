/*
 * job_incidents.c - "incidents.escalate" (every 5 minutes): a step of a
 * response plan that has not acknowledged an incident in time is escalated
 * to the next step; and "duty.gaps" (daily): the units keeping a duty
 * roster are told about holiday or weekend days of the next 14 days with
 * nobody or no leader on duty.  Thin calls into store/incidents.c and
 * store/duty.c.
 */
#include "jobs/job_list.h"
#include "store/calendars.h"
#include "store/duty.h"
#include "store/incidents.h"
#include "store/notify.h"

#include <stdio.h>

int job_incidents_escalate(gm_job_ctx *ctx, gm_err *err)
{
    gm_actor who;
    json_t *list;
    job_actor(&who);
    int rc = incidents_escalate(ctx->d, &who, ctx->now, &list, err);
    if (!rc) {
        snprintf(ctx->message, sizeof ctx->message, "舆情升级 %zu 步", json_array_size(list));
        json_decref(list);
    }
    return rc;
}

static int notify_gaps(db *d, long long unit, json_t *gaps, gm_err *err)
{
    char title[96], body[1200], link[48];
    size_t i, n = 0;
    json_t *g;
    snprintf(title, sizeof title, "值班缺口:%zu 天无人值班或无带班领导", json_array_size(gaps));
    body[0] = '\0';
    json_array_foreach(gaps, i, g)
        if (n + 64 < sizeof body)
            n += (size_t)snprintf(body + n, sizeof body - n, "%s%s %s", i ? ";" : "",
                                  json_string_value(json_object_get(g, "date")),
                                  json_string_value(json_object_get(g, "gap_label")));
    snprintf(link, sizeof link, "/duty?unit_id=%lld", unit);
    gm_notice note = {.kind = "duty.gap", .title = title, .body = body, .link = link};
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_end(d, notify_role(d, unit, ROLE_DEPARTMENT_HEAD, &note, NULL, err), err);
    return rc;
}

int job_duty_gaps(gm_job_ctx *ctx, gm_err *err)
{
    long long units[256];
    size_t n, told = 0;
    gm_calendar *cal;
    int rc = duty_units(ctx->d, units, 256, &n, err);
    if (!rc)
        rc = calendars_load(ctx->d, ctx->data_dir, &cal, err);
    if (rc)
        return rc;
    gm_date today = instant_cst_day(ctx->now);
    for (size_t i = 0; !rc && i < n; i++) {
        json_t *roster = NULL;
        rc = duty_roster(ctx->d, cal, units[i], today, today + 13, &roster, err);
        if (!rc && json_array_size(json_object_get(roster, "gaps"))) {
            rc = notify_gaps(ctx->d, units[i], json_object_get(roster, "gaps"), err);
            told++;
        }
        json_decref(roster);
    }
    calendar_free(cal);
    if (!rc)
        snprintf(ctx->message, sizeof ctx->message, "%zu 个单位有值班缺口,已提醒", told);
    return rc;
}
