/*
 * runner.c - the scheduler thread of `govmedia serve` (see runner.h).
 *
 * Errors of the store (busy, disk) are written to stderr and retried on
 * the next tick; the thread only ends when asked to.
 */
#include "jobs/runner.h"
#include "jobs/jobs.h"
#include "store/store.h"
#include "util/clock.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Sleeps up to the tick or until job_runner_stop(); returns 1 when stopping. */
static int sleep_tick(gm_job_runner *r)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += r->tick_seconds;
    pthread_mutex_lock(&r->lock);
    while (!r->stopping)
        if (pthread_cond_timedwait(&r->wake, &r->lock, &until) == ETIMEDOUT)
            break;
    int stopping = r->stopping;
    pthread_mutex_unlock(&r->lock);
    return stopping;
}

static void run_loop(gm_job_runner *r, db *d)
{
    gm_err err;
    int synced = 0;
    do {
        int ran;
        long long now = (long long)clock_now();
        if (!synced && jobs_sync(d, now, &err) == 0)
            synced = 1;
        if (synced && jobs_run_due(d, r->owner, now, r->data_dir, &ran, &err))
            fprintf(stderr, "govmedia serve:定时任务出错:%s\n", err.message);
        else if (!synced)
            fprintf(stderr, "govmedia serve:登记定时任务失败:%s\n", err.message);
    } while (!sleep_tick(r));
}

static void *runner_main(void *arg)
{
    gm_job_runner *r = arg;
    db *d;
    gm_err err;
    if (store_open(&d, r->db_path, &err)) {
        fprintf(stderr, "govmedia serve:定时任务无法打开数据库:%s\n", err.message);
        return NULL;
    }
    run_loop(r, d);
    db_close(d);
    return NULL;
}

int job_runner_start(gm_job_runner *r, const char *db_path, const char *data_dir,
                     int tick_seconds, gm_err *err)
{
    memset(r, 0, sizeof *r);
    if (strlen(db_path) >= sizeof r->db_path || strlen(data_dir) >= sizeof r->data_dir)
        return gm_fail(err, GM_E_INVALID, "db", "路径过长");
    snprintf(r->db_path, sizeof r->db_path, "%s", db_path);
    snprintf(r->data_dir, sizeof r->data_dir, "%s", data_dir);
    r->tick_seconds = tick_seconds < 1 ? 1 : tick_seconds;
    jobs_owner_id(r->owner, sizeof r->owner);
    pthread_mutex_init(&r->lock, NULL);
    pthread_cond_init(&r->wake, NULL);
    if (pthread_create(&r->thread, NULL, runner_main, r) != 0)
        return gm_fail(err, GM_E_INTERNAL, NULL, "无法启动定时任务线程");
    r->started = 1;
    return GM_OK;
}

void job_runner_stop(gm_job_runner *r)
{
    if (!r->started)
        return;
    pthread_mutex_lock(&r->lock);
    r->stopping = 1;
    pthread_cond_signal(&r->wake);
    pthread_mutex_unlock(&r->lock);
    pthread_join(r->thread, NULL);
    r->started = 0;
}
