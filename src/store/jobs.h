/*
 * jobs.h - the scheduler's rows in the store: job definitions as the
 * database knows them, leases, and the run log.  The scheduling decisions
 * live in jobs/scheduler.c; this module only reads and writes.
 *
 * Lease invariant: a runner may execute a job only between a successful
 * jobs_store_claim() and its jobs_store_finish(); claim is one conditional
 * UPDATE, so of two runners racing for the same job exactly one wins.
 */
#ifndef GM_STORE_JOBS_H
#define GM_STORE_JOBS_H

#include <jansson.h>
#include "store/db.h"

/* Inserts the job if unknown (first run at next_run_at) or, when its
 * schedule text changed, stores the new schedule and next_run_at. */
int jobs_store_sync(db *d, const char *name, const char *schedule, const char *next_run_at,
                    gm_err *err);

/* Takes the lease of job `name` until lease_until if it is free (no owner
 * or expired before now) and, unless manual, the job is due (next_run_at
 * <= now); records a 'running' row in job_runs.  *claimed = 0 when another
 * runner holds it or it is not due; *run_id and *attempt describe the run. */
int jobs_store_claim(db *d, const char *name, const char *owner, const char *now,
                     const char *lease_until, int manual, int *claimed, long long *run_id,
                     int *attempt, gm_err *err);

/* Ends a run: logs status/message, releases the lease, sets next_run_at
 * (NULL keeps it) and the failure count (-1 keeps it). */
int jobs_store_finish(db *d, const char *name, const char *owner, long long run_id,
                      const char *finished_at, int ok, const char *message,
                      const char *next_run_at, int attempts, gm_err *err);

/* [{name, schedule, next_run_at, lease_owner, lease_until, attempts,
 *   last_run_at, last_status, last_message}] ordered by name. */
int jobs_store_list(db *d, json_t **out, gm_err *err);

/* The newest `limit` runs, of one job (NULL: all):
 * [{id, job, owner, manual, attempt, started_at, finished_at, status, message}]. */
int jobs_store_runs(db *d, const char *name, int limit, json_t **out, gm_err *err);

/* Deletes finished runs that started before `before`; *deleted = rows. */
int jobs_store_prune(db *d, const char *before, int *deleted, gm_err *err);

#endif
