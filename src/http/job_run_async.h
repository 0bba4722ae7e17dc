/*
 * job_run_async.h - 立即运行 without holding a request: the job runs on a
 * thread of its own and the request waits for it a bounded time.
 *
 * POST /api/v1/jobs/run starts the run here and waits at most
 * job_run_wait_seconds() (GOVMEDIA_JOB_RUN_WAIT, default 20 s, 0: do not
 * wait).  A run that ends within the wait answers as before (200 with its
 * result, 409 when the lease is held); a longer one answers 202 and carries
 * on in the background under the job's lease: its result goes to the run log
 * (job_runs) and its audit row (job.run) when it ends, as the scheduler's own
 * runs do.  The server's pool thread is free again either way.
 */
#ifndef GM_HTTP_JOB_RUN_ASYNC_H
#define GM_HTTP_JOB_RUN_ASYNC_H

#include <stddef.h>

#include "core/actor.h"
#include "util/gm_error.h"

/* What a run came to, once it ended within the wait. */
typedef struct job_run_result {
    int finished;       /* 0: still running in the background (reply 202) */
    int rc;             /* the run's status (GM_E_CONFLICT: lease held) */
    int ok;             /* the job itself succeeded */
    char message[256];  /* its Chinese summary or error */
    gm_err err;         /* when rc != 0 */
} job_run_result;

/* Seconds a request waits for a manual run (0 to 600). */
int job_run_wait_seconds(void);

/* Runs job `name` now on its own thread and connection to db_path, as
 * `actor` (audited as job.run with the result), waiting up to wait_seconds
 * for it to end.  Fails only when the thread cannot be started. */
int job_run_async(const char *db_path, const char *data_dir, const char *name,
                  const gm_actor *actor, int wait_seconds, job_run_result *out, gm_err *err);

#endif
