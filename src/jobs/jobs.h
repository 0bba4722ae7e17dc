/*
 * jobs.h - the scheduler: periodic jobs that live in the database.
 *
 * A job is a C function plus a schedule (core/schedule.h, Beijing time).
 * Jobs are declared in one table, jobs/registry.c; adding a job is one line
 * there (see "How to add a job" in docs/ARCHITECTURE.md).  The runner thread
 * inside `govmedia serve` (jobs/runner.h) and `govmedia jobs run NAME` both
 * go through jobs_run_due()/jobs_run_named(), which:
 *   - take the job's lease in the store (owner + expiry), so two servers on
 *     one database never run one job at the same time;
 *   - log every run in job_runs (running -> ok | failed, with a message);
 *   - retry a failed run after 1 and then 2 minutes, up to
 *     GM_JOB_MAX_ATTEMPTS attempts, then wait for the next slot;
 *   - after a run set the next run to the first slot after *now*, so a job
 *     whose slots passed while the server was down runs once, not once per
 *     missed slot.
 * A job function must finish well within GM_JOB_LEASE_SECONDS and do its
 * writes in its own transactions (with audit rows where it changes state).
 */
#ifndef GM_JOBS_H
#define GM_JOBS_H

#include <stddef.h>
#include "store/db.h"

#define GM_JOB_LEASE_SECONDS 900
#define GM_JOB_MAX_ATTEMPTS 3

typedef struct gm_job_ctx {
    db *d;                 /* the runner's own connection */
    long long now;         /* UTC seconds: the time the job acts at */
    const char *data_dir;  /* shipped data (calendars, lexicons) */
    int manual;            /* 1: started by an operator (`govmedia jobs run`) */
    char message[256];     /* what the job did, kept in the run log (Chinese) */
} gm_job_ctx;

typedef int (*gm_job_fn)(gm_job_ctx *ctx, gm_err *err);

typedef struct gm_job_def {
    const char *name;      /* stable id, "room.what": "activity.warnings" */
    const char *schedule;  /* "weekly thu 09:00" etc., Beijing time */
    gm_job_fn run;
    const char *title;     /* Chinese, shown to operators */
} gm_job_def;

/* The registry (jobs/registry.c). */
extern const gm_job_def gm_jobs[];
extern const size_t gm_job_count;

/* The job called name, or NULL. */
const gm_job_def *jobs_find(const char *name);

/* Makes sure every registered job has its row; a new job's first run is
 * its first slot after now. */
int jobs_sync(db *d, long long now, gm_err *err);

/* Runs every due job whose lease this owner gets; *ran = how many ran
 * (failures included: they are logged and retried, not returned). */
int jobs_run_due(db *d, const char *owner, long long now, const char *data_dir, int *ran,
                 gm_err *err);

/* Runs one job now, whatever its schedule, leaving its next run as it
 * was.  GM_E_NOTFOUND for an unknown name, GM_E_CONFLICT when another
 * runner holds its lease.  *job_ok tells whether the job succeeded; msg
 * gets its message. */
int jobs_run_named(db *d, const char *name, const char *owner, long long now,
                   const char *data_dir, int *job_ok, char *msg, size_t cap, gm_err *err);

/* The same over another table of jobs (tests use their own). */
typedef struct gm_job_table {
    const gm_job_def *defs;
    size_t count;
} gm_job_table;
int jobs_sync_in(const gm_job_table *t, db *d, long long now, gm_err *err);
int jobs_run_due_in(const gm_job_table *t, db *d, const char *owner, long long now,
                    const char *data_dir, int *ran, gm_err *err);
int jobs_run_named_in(const gm_job_table *t, db *d, const char *name, const char *owner,
                      long long now, const char *data_dir, int *job_ok, char *msg, size_t cap,
                      gm_err *err);

/* "host:pid:random" naming this process as a lease owner. */
void jobs_owner_id(char *buf, size_t cap);

#endif
