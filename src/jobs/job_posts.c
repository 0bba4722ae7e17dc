/*
 * job_posts.c - the workflow's periodic jobs: "posts.publish_scheduled"
 * records scheduled publications whose time has come (and notifies their
 * operators); "posts.remind" reminds reviewers of levels past their due
 * working day.  Thin calls into store/post_publish.h and post_review.h.
 */
#include "jobs/job_list.h"
#include "store/post_publish.h"
#include "store/post_review.h"
#include "util/iso_time.h"

#include <stdio.h>

int job_posts_publish_scheduled(gm_job_ctx *ctx, gm_err *err)
{
    int n = 0, rc = posts_publish_scheduled(ctx->d, (time_t)ctx->now, &n, err);
    if (!rc)
        snprintf(ctx->message, sizeof ctx->message, "登记定时发布 %d 条", n);
    return rc;
}

int job_posts_remind(gm_job_ctx *ctx, gm_err *err)
{
    char today[11];
    int n = 0;
    iso_time_china_day((time_t)ctx->now, today);
    int rc = posts_remind_overdue(ctx->d, today, &n, err);
    if (!rc)
        snprintf(ctx->message, sizeof ctx->message, "提醒超时未审稿件 %d 篇", n);
    return rc;
}
