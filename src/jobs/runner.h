/*
 * runner.h - the scheduler thread inside `govmedia serve`.
 *
 * The thread opens its own database connection, registers the jobs
 * (jobs_sync), and then every tick runs whatever is due (jobs_run_due).
 * job_runner_stop() wakes it, waits for a job in progress to finish and
 * joins it: called on SIGTERM before the HTTP server stops.
 */
#ifndef GM_JOBS_RUNNER_H
#define GM_JOBS_RUNNER_H

#include <pthread.h>
#include "util/gm_error.h"

typedef struct gm_job_runner {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int stopping;
    int started;
    int tick_seconds;
    char db_path[4096];
    char data_dir[4096];
    char owner[128];
} gm_job_runner;

/* Starts the thread; tick_seconds (>= 1) is the longest sleep between checks. */
int job_runner_start(gm_job_runner *r, const char *db_path, const char *data_dir,
                     int tick_seconds, gm_err *err);

/* Stops and joins the thread (no-op when it was never started). */
void job_runner_stop(gm_job_runner *r);

#endif
