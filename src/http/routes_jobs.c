/*
 * routes_jobs.c - the scheduler for operators over HTTP: every job with its
 * schedule (and its Chinese description, Beijing time), next run, lease and
 * last result, and the recent runs.  Read-only: running a job by hand is
 * `govmedia jobs run` on the server.
 */
#include "core/schedule.h"
#include "http/query.h"
#include "http/route.h"
#include "jobs/jobs.h"
#include "store/jobs.h"

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

static int h_jobs(gm_request *r, gm_err *err)
{
    static const query_param q[] = {{"runs", QP_INT, NULL}, {NULL, 0, NULL}};
    long long n_runs;
    json_t *jobs = NULL, *runs = NULL, *j;
    size_t i;
    int rc = request_query(r, q, err);
    if (!rc)
        rc = request_arg_int(r, "runs", 20, &n_runs, err);
    if (!rc && (n_runs < 0 || n_runs > 200))
        rc = gm_fail(err, GM_E_INVALID, "runs", "runs 应在 0 到 200 之间");
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

const gm_route gm_routes_jobs[] = {
    {"GET", "/api/v1/jobs", PERM_AUDIT_READ, h_jobs, 0, "定时任务:计划(北京时间)、下次运行、上次结果与运行记录"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
