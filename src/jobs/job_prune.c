/*
 * job_prune.c - "jobs.prune": keeps the run log to the last 90 days.
 */
#include "jobs/job_list.h"
#include "store/jobs.h"
#include "util/clock.h"

#include <stdio.h>

#define KEEP_DAYS 90

int job_prune_runs(gm_job_ctx *ctx, gm_err *err)
{
    char before[GM_ISO_LEN];
    int deleted = 0;
    clock_iso_format((time_t)(ctx->now - KEEP_DAYS * 86400LL), before);
    int rc = jobs_store_prune(ctx->d, before, &deleted, err);
    if (!rc)
        snprintf(ctx->message, sizeof ctx->message, "删除 %d 条 %d 天前的运行记录", deleted, KEEP_DAYS);
    return rc;
}
