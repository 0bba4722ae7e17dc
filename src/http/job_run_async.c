/*
 * job_run_async.c - a manual job run on a detached thread, the request
 * waiting for it a bounded time (see job_run_async.h).
 *
 * The run and the request share one heap record with a reference count:
 * whichever lets go last frees it, so a request that stopped waiting never
 * reads freed memory and the thread never writes into a finished request.
 */
#include "http/job_run_async.h"
#include "jobs/jobs.h"
#include "store/audit.h"
#include "store/store.h"
#include "util/clock.h"

#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define JOB_RUN_WAIT_DEFAULT 20
#define JOB_RUN_WAIT_MAX 600

typedef struct manual_run {
    pthread_mutex_t lock;
    pthread_cond_t ended;
    int refs;                 /* the request and the thread */
    char *db_path, *data_dir, name[64];
    gm_actor actor;
    job_run_result result;
} manual_run;

int job_run_wait_seconds(void)
{
    const char *s = getenv("GOVMEDIA_JOB_RUN_WAIT");
    char *end;
    long v = s && *s ? strtol(s, &end, 10) : JOB_RUN_WAIT_DEFAULT;
    if (s && *s && (*end || v < 0))
        v = JOB_RUN_WAIT_DEFAULT;
    return v > JOB_RUN_WAIT_MAX ? JOB_RUN_WAIT_MAX : (int)v;
}

static void release(manual_run *m)
{
    pthread_mutex_lock(&m->lock);
    int last = --m->refs == 0;
    pthread_mutex_unlock(&m->lock);
    if (!last)
        return;
    pthread_mutex_destroy(&m->lock);
    pthread_cond_destroy(&m->ended);
    free(m->db_path);
    free(m->data_dir);
    free(m);
}

/* The run as the audit row keeps it, in its own transaction. */
static int audit_run(db *d, const gm_actor *who, const char *name, int ok, const char *msg,
                     gm_err *err)
{
    json_t *after = json_pack("{s:b,s:s}", "ok", ok, "message", msg);
    char *text = after ? json_dumps(after, JSON_COMPACT) : NULL;
    json_decref(after);
    int rc = text ? db_begin(d, err) : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (!rc)
        rc = db_end(d, audit_append(d, who, "job.run", "job", name, "", text, err), err);
    free(text);
    return rc;
}

static void run_job(manual_run *m, job_run_result *res)
{
    db *d = NULL;
    char owner[128];
    jobs_owner_id(owner, sizeof owner);
    res->rc = store_open(&d, m->db_path, &res->err);
    if (!res->rc)
        res->rc = jobs_run_named(d, m->name, owner, (long long)clock_now(), m->data_dir, &res->ok,
                                 res->message, sizeof res->message, &res->err);
    if (!res->rc)
        res->rc = audit_run(d, &m->actor, m->name, res->ok, res->message, &res->err);
    else if (res->rc != GM_E_CONFLICT)
        fprintf(stderr, "govmedia serve:立即运行“%s”出错:%s\n", m->name, res->err.message);
    if (d)
        db_close(d);
}

static void *run_main(void *arg)
{
    manual_run *m = arg;
    job_run_result res = {0};
    run_job(m, &res);
    pthread_mutex_lock(&m->lock);
    m->result = res;
    m->result.finished = 1;
    pthread_cond_broadcast(&m->ended);
    pthread_mutex_unlock(&m->lock);
    release(m);
    return NULL;
}

static manual_run *manual_run_new(const char *db_path, const char *data_dir, const char *name,
                                  const gm_actor *actor)
{
    manual_run *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->db_path = strdup(db_path);
    m->data_dir = strdup(data_dir ? data_dir : "");
    if (!m->db_path || !m->data_dir) {
        free(m->db_path);
        free(m->data_dir);
        free(m);
        return NULL;
    }
    pthread_mutex_init(&m->lock, NULL);
    pthread_cond_init(&m->ended, NULL);
    snprintf(m->name, sizeof m->name, "%s", name);
    m->actor = *actor;
    m->refs = 2;
    return m;
}

static int start_thread(manual_run *m)
{
    pthread_attr_t attr;
    pthread_t t;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int e = pthread_create(&t, &attr, run_main, m);
    pthread_attr_destroy(&attr);
    return e;
}

int job_run_async(const char *db_path, const char *data_dir, const char *name,
                  const gm_actor *actor, int wait_seconds, job_run_result *out, gm_err *err)
{
    memset(out, 0, sizeof *out);
    manual_run *m = manual_run_new(db_path, data_dir, name, actor);
    if (!m)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (start_thread(m) != 0) {
        m->refs = 1;
        release(m);
        return gm_fail(err, GM_E_INTERNAL, NULL, "无法启动任务线程");
    }
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += wait_seconds;
    pthread_mutex_lock(&m->lock);
    while (wait_seconds > 0 && !m->result.finished)
        if (pthread_cond_timedwait(&m->ended, &m->lock, &until) == ETIMEDOUT)
            break;
    if (wait_seconds > 0)      /* 0: never wait, always "still running" */
        *out = m->result;
    pthread_mutex_unlock(&m->lock);
    release(m);
    return GM_OK;
}
