/*
 * outbox_loop.c - delivering the webhook outbox (see outbox_loop.h).
 *
 * Every claim, success and failure is its own short transaction; the HTTP
 * call happens outside any transaction so the database's write lock is
 * never held while a robot is slow.  A crash between the POST and
 * outbox_mark_sent, or an answer lost to a timeout, leaves the message to
 * be sent again: delivery is at least once.  Every attempt of one message
 * carries the same Idempotency-Key header (store/webhooks.h), so a receiver
 * that keeps the keys it took sees each message once.
 */
#include "notify/outbox_loop.h"
#include "notify/robot_send.h"
#include "store/store.h"
#include "store/webhooks.h"

#include <stdio.h>
#include <time.h>

#define LEASE_SECONDS 120
#define IDLE_POLL_SECONDS 1

long outbox_retry_delay(long base, int attempts)
{
    if (attempts >= OUTBOX_MAX_ATTEMPTS)
        return -1;
    long d = base < 1 ? 1 : base;
    for (int i = 1; i < attempts && d < OUTBOX_MAX_DELAY; i++)
        d *= 2;
    return d > OUTBOX_MAX_DELAY ? OUTBOX_MAX_DELAY : d;
}

/* Claims and sends one message: 1 sent or failed, 0 none due, <0 error. */
static int deliver_one(db *d, long base, long timeout, int *sent, int *failed, gm_err *err)
{
    outbox_msg m;
    int rc = outbox_claim_due(d, LEASE_SECONDS, &m, err);
    if (rc <= 0)
        return rc;
    char why[512] = "";
    if (robot_send(m.kind, m.url, m.secret, m.payload, m.key, timeout, why, sizeof why) == 0) {
        rc = outbox_mark_sent(d, m.id, err);
        if (sent)
            (*sent)++;
    } else {
        rc = outbox_mark_attempt_failed(d, m.id, outbox_retry_delay(base, m.attempts + 1), why,
                                        err);
        if (failed)
            (*failed)++;
    }
    outbox_msg_free(&m);
    return rc ? rc : 1;
}

int outbox_deliver_due(const char *db_path, long base_delay, long timeout, int *sent, int *failed,
                       gm_err *err)
{
    db *d = NULL;
    int rc = store_open(&d, db_path, err);
    if (rc)
        return rc;
    while ((rc = deliver_one(d, base_delay, timeout, sent, failed, err)) == 1)
        ;
    db_close(d);
    return rc < 0 ? rc : GM_OK;
}

static bool should_stop(outbox_loop *l)
{
    pthread_mutex_lock(&l->lock);
    bool s = l->stop;
    pthread_mutex_unlock(&l->lock);
    return s;
}

static void idle_wait(outbox_loop *l, int seconds)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += seconds;
    pthread_mutex_lock(&l->lock);
    if (!l->stop)
        pthread_cond_timedwait(&l->wake, &l->lock, &until);
    pthread_mutex_unlock(&l->lock);
}

static void *loop_main(void *arg)
{
    outbox_loop *l = arg;
    db *d = NULL;
    gm_err err;
    while (!should_stop(l)) {
        if (!d && store_open(&d, l->db_path, &err)) {
            d = NULL;
            idle_wait(l, IDLE_POLL_SECONDS);
            continue;
        }
        int rc = deliver_one(d, l->base_delay, l->timeout, NULL, NULL, &err);
        if (rc < 0)
            fprintf(stderr, "govmedia serve:机器人消息投递出错:%s\n", err.message);
        if (rc != 1)
            idle_wait(l, IDLE_POLL_SECONDS);
    }
    if (d)
        db_close(d);
    return NULL;
}

int outbox_loop_start(outbox_loop *l, const char *db_path, long base_delay, gm_err *err)
{
    l->db_path = db_path;
    l->base_delay = base_delay;
    l->timeout = 10;
    l->stop = false;
    pthread_mutex_init(&l->lock, NULL);
    pthread_cond_init(&l->wake, NULL);
    robot_send_global_init();
    if (pthread_create(&l->thread, NULL, loop_main, l) != 0)
        return gm_fail(err, GM_E_INTERNAL, NULL, "无法启动机器人消息投递线程");
    l->running = true;
    return GM_OK;
}

void outbox_loop_stop(outbox_loop *l)
{
    if (!l->running)
        return;
    pthread_mutex_lock(&l->lock);
    l->stop = true;
    pthread_cond_signal(&l->wake);
    pthread_mutex_unlock(&l->lock);
    pthread_join(l->thread, NULL);
    l->running = false;
}
