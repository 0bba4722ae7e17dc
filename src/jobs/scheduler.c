/*
 * scheduler.c - deciding and running due jobs under a lease (see jobs.h).
 */
#include "jobs/jobs.h"
#include "core/schedule.h"
#include "store/jobs.h"
#include "util/clock.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define RETRY_BASE_SECONDS 60

static gm_job_table registry(void)
{
    gm_job_table t = {gm_jobs, gm_job_count};
    return t;
}

static const gm_job_def *find_in(const gm_job_table *t, const char *name)
{
    for (size_t i = 0; i < t->count; i++)
        if (strcmp(t->defs[i].name, name) == 0)
            return &t->defs[i];
    return NULL;
}

const gm_job_def *jobs_find(const char *name)
{
    gm_job_table t = registry();
    return find_in(&t, name);
}

void jobs_owner_id(char *buf, size_t cap)
{
    char host[64] = "host";
    unsigned char r[4];
    gethostname(host, sizeof host - 1);
    host[sizeof host - 1] = '\0';
    randombytes_buf(r, sizeof r);
    snprintf(buf, cap, "%s:%ld:%02x%02x%02x%02x", host, (long)getpid(), r[0], r[1], r[2], r[3]);
}

static void iso(long long t, char out[GM_ISO_LEN])
{
    clock_iso_format((time_t)t, out);
}

int jobs_sync_in(const gm_job_table *t, db *d, long long now, gm_err *err)
{
    for (size_t i = 0; i < t->count; i++) {
        gm_schedule s;
        char next[GM_ISO_LEN];
        int rc = schedule_parse(t->defs[i].schedule, &s, err);
        if (!rc) {
            iso(schedule_next(&s, now), next);
            rc = jobs_store_sync(d, t->defs[i].name, t->defs[i].schedule, next, err);
        }
        if (rc)
            return rc;
    }
    return GM_OK;
}

/* Calls the job function; its failure is the run's outcome, not ours. */
static int call_job(const gm_job_def *def, db *d, long long now, const char *data_dir, int manual,
                    char *msg, size_t cap)
{
    gm_job_ctx ctx = {.d = d, .now = now, .data_dir = data_dir, .manual = manual};
    gm_err jerr;
    gm_err_clear(&jerr);
    int rc = def->run(&ctx, &jerr);
    snprintf(msg, cap, "%s", rc ? jerr.message : ctx.message);
    if (rc && !*msg)
        snprintf(msg, cap, "失败(%s)", gm_code_name(rc));
    return rc;
}

/* When a scheduled run that ended ok (or failed on its attempt-th try) runs next. */
static long long next_after(const gm_schedule *s, long long now, int ok, int attempt, int *attempts)
{
    if (!ok && attempt < GM_JOB_MAX_ATTEMPTS) {
        *attempts = attempt;
        return now + ((long long)RETRY_BASE_SECONDS << (attempt - 1));
    }
    *attempts = 0;
    return schedule_next(s, now);
}

static int run_claimed(db *d, const gm_job_def *def, const char *owner, long long now,
                       const char *data_dir, int manual, long long run_id, int attempt,
                       int *job_ok, char *msg, size_t cap, gm_err *err)
{
    gm_schedule s;
    int rc = schedule_parse(def->schedule, &s, err);
    if (rc)
        return rc;
    int failed = call_job(def, d, now, data_dir, manual, msg, cap);
    *job_ok = !failed;
    long long end = (long long)clock_now();
    if (end < now)
        end = now;   /* a manual run "at" a past time still ends after it */
    char finished[GM_ISO_LEN], next[GM_ISO_LEN];
    int attempts = -1;
    iso(end, finished);
    if (!manual)
        iso(next_after(&s, end, *job_ok, attempt, &attempts), next);
    else if (*job_ok)
        attempts = 0;
    return jobs_store_finish(d, def->name, owner, run_id, finished, *job_ok, msg,
                             manual ? NULL : next, attempts, err);
}

static int claim(db *d, const gm_job_def *def, const char *owner, long long now, int manual,
                 int *claimed, long long *run_id, int *attempt, gm_err *err)
{
    char at[GM_ISO_LEN], until[GM_ISO_LEN];
    iso(now, at);
    iso(now + GM_JOB_LEASE_SECONDS, until);
    return jobs_store_claim(d, def->name, owner, at, until, manual, claimed, run_id, attempt, err);
}

int jobs_run_due_in(const gm_job_table *t, db *d, const char *owner, long long now,
                    const char *data_dir, int *ran, gm_err *err)
{
    *ran = 0;
    for (size_t i = 0; i < t->count; i++) {
        int claimed, attempt, ok;
        long long run_id;
        char msg[256];
        int rc = claim(d, &t->defs[i], owner, now, 0, &claimed, &run_id, &attempt, err);
        if (!rc && claimed)
            rc = run_claimed(d, &t->defs[i], owner, now, data_dir, 0, run_id, attempt, &ok, msg,
                             sizeof msg, err);
        if (rc)
            return rc;
        *ran += claimed;
    }
    return GM_OK;
}

int jobs_run_named_in(const gm_job_table *t, db *d, const char *name, const char *owner,
                      long long now, const char *data_dir, int *job_ok, char *msg, size_t cap,
                      gm_err *err)
{
    const gm_job_def *def = find_in(t, name);
    if (!def)
        return gm_fail(err, GM_E_NOTFOUND, "name", "没有名为“%s”的任务(govmedia jobs list 列出全部)",
                       name);
    int claimed, attempt;
    long long run_id, wall = (long long)clock_now();
    int rc = jobs_sync_in(t, d, wall, err);
    if (!rc)
        rc = claim(d, def, owner, wall, 1, &claimed, &run_id, &attempt, err);
    if (!rc && !claimed)
        return gm_fail(err, GM_E_CONFLICT, "name", "任务“%s”正在由其他进程运行,请稍后再试", name);
    if (!rc)
        rc = run_claimed(d, def, owner, now, data_dir, 1, run_id, attempt, job_ok, msg, cap, err);
    return rc;
}

int jobs_sync(db *d, long long now, gm_err *err)
{
    gm_job_table t = registry();
    return jobs_sync_in(&t, d, now, err);
}

int jobs_run_due(db *d, const char *owner, long long now, const char *data_dir, int *ran,
                 gm_err *err)
{
    gm_job_table t = registry();
    return jobs_run_due_in(&t, d, owner, now, data_dir, ran, err);
}

int jobs_run_named(db *d, const char *name, const char *owner, long long now,
                   const char *data_dir, int *job_ok, char *msg, size_t cap, gm_err *err)
{
    gm_job_table t = registry();
    return jobs_run_named_in(&t, d, name, owner, now, data_dir, job_ok, msg, cap, err);
}
