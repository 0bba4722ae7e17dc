/*
 * job_list.h - the job functions the registry (jobs/registry.c) names.
 * Each lives in its own file jobs/job_*.c (or in the room it belongs to)
 * and has the gm_job_fn signature of jobs.h.
 */
#ifndef GM_JOB_LIST_H
#define GM_JOB_LIST_H

#include "jobs/jobs.h"

int job_prune_runs(gm_job_ctx *ctx, gm_err *err);
int job_audit_anchor(gm_job_ctx *ctx, gm_err *err);
int job_messages_escalate(gm_job_ctx *ctx, gm_err *err);
int job_incidents_escalate(gm_job_ctx *ctx, gm_err *err);
int job_duty_gaps(gm_job_ctx *ctx, gm_err *err);

/* The actor of scheduled work in audit rows ("scheduler", address "job"). */
#include "core/actor.h"
void job_actor(gm_actor *who);
int job_activity_warnings(gm_job_ctx *ctx, gm_err *err);
int job_posts_publish_scheduled(gm_job_ctx *ctx, gm_err *err);
int job_posts_remind(gm_job_ctx *ctx, gm_err *err);
int job_reviews_remind(gm_job_ctx *ctx, gm_err *err);
int job_accounts_remind(gm_job_ctx *ctx, gm_err *err);
int job_calendar_next_year(gm_job_ctx *ctx, gm_err *err);

#endif
