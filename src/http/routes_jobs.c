/*
 * routes_jobs.c - the scheduler for operators over HTTP: every job with its
 * schedule (and its Chinese description, Beijing time), next run, lease and
 * last result, and the recent runs; and running one now (立即运行), as
 * `govmedia jobs run` does on the server: under the job's lease (409 while
 * another runner holds it), logged as a manual run, its schedule unchanged,
 * audited as job.run with the result.  Jobs are system-wide, so running one
 * needs job.run on the root unit (the system admin).  The run has a thread of
 * its own; the request waits for it a bounded time (job_run_async.h).
 */
#include "core/schedule.h"
#include "http/job_run_async.h"
#include "http/json_in.h"
#include "http/query.h"
#include "http/route.h"
#include "http/server.h"
#include "jobs/jobs.h"
#include "store/audit.h"
#include "store/jobs.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void describe(json_t *job)
{
    gm_schedule s;
    char when[96] = "";
    const gm_job_def *def = jobs_find(json_string_value(json_object_get(job, "name")));
    if (!schedule_parse(json_string_value(json_object_get(job, "schedule")), &s, NULL))
        schedule_describe(&s, when, sizeof when);
    json_object_set_new(job, "schedule_label", json_string(when));
    json_object_set_new(job, "title", def ? json_string(def->title) : json_null());
}

static const query_param jobs_query[] = {{"runs", QP_INT, NULL}, {NULL, 0, NULL}};

static int h_jobs(gm_request *r, gm_err *err)
{
    long long n_runs;
    json_t *jobs = NULL, *runs = NULL, *j;
    size_t i;
    int rc = request_query(r, jobs_query, err);
    if (!rc)
        rc = request_arg_int(r, "runs", 20, &n_runs, err);
    if (!rc && (n_runs < 0 || n_runs > 200))
        rc = gm_fail(err, GM_E_INVALID, "runs", "运行记录条数应在 0 到 200 之间");
    if (!rc)
        rc = jobs_store_list(r->db, &jobs, err);
    if (!rc)
        rc = jobs_store_runs(r->db, NULL, (int)n_runs, &runs, err);
    if (rc) {
        json_decref(jobs);
        return rc;
    }
    json_array_foreach(jobs, i, j)
        describe(j);
    return reply_json(r, 200, json_pack("{s:o,s:o}", "jobs", jobs, "runs", runs));
}

static const json_field run_fields[] = {{"job", JF_STRING, true, 64}, {NULL, 0, 0, 0}};

/* 200 with the result when the run ended within the wait, 202 when it goes
 * on in the background (job_run_async.h). */
static int h_run(gm_request *r, gm_err *err)
{
    json_t *b = NULL;
    int rc = request_require_system(r, PERM_JOB_RUN, err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, run_fields, &b, err);
    const char *name = rc ? NULL : json_str(b, "job");
    if (!rc && !jobs_find(name))
        rc = gm_fail(err, GM_E_NOTFOUND, "job", "没有名为“%s”的定时任务", name);
    job_run_result res;
    if (!rc)
        rc = job_run_async(r->srv->cfg.db_path, r->srv->cfg.data_dir, name, &r->actor,
                           job_run_wait_seconds(), &res, err);
    if (!rc && res.finished && res.rc) {
        *err = res.err;
        rc = res.rc;
        if (rc == GM_E_CONFLICT)   /* the lease is held: name the field sent */
            snprintf(err->field, sizeof err->field, "job");
    }
    json_t *reply = rc ? NULL
                    : res.finished
                        ? json_pack("{s:s,s:b,s:b,s:s}", "job", name, "running", 0, "ok", res.ok,
                                    "message", res.message)
                        : json_pack("{s:s,s:b,s:s}", "job", name, "running", 1, "message",
                                    "任务仍在后台运行,完成后结果记入运行记录和审计日志");
    json_decref(b);
    return rc ? rc : reply_json(r, res.finished ? 200 : 202, reply);
}

const gm_route gm_routes_jobs[] = {
    {"GET", "/api/v1/jobs", PERM_AUDIT_READ, h_jobs, 0, "定时任务:计划(北京时间)、下次运行、上次结果与运行记录", jobs_query},
    {"POST", "/api/v1/jobs/run", PERM_JOB_RUN, h_run, 4096, "立即运行一个定时任务(不改变其计划,记入运行记录与审计)"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
