/*
 * outbox_loop.h - the background thread of `govmedia serve` that delivers
 * the webhook outbox: it claims one due message at a time (with a lease,
 * so several serve processes on one database never send the same message
 * concurrently), posts it, and records success or schedules a retry with
 * exponential backoff.  Failures never reach the workflow step that
 * queued the message.
 */
#ifndef GM_NOTIFY_OUTBOX_LOOP_H
#define GM_NOTIFY_OUTBOX_LOOP_H

#include <pthread.h>
#include <stdbool.h>
#include "util/gm_error.h"

#define OUTBOX_MAX_ATTEMPTS 10
#define OUTBOX_MAX_DELAY 3600L

typedef struct outbox_loop {
    const char *db_path;
    long base_delay;        /* seconds before the first retry; doubles each time */
    long timeout;           /* seconds per HTTP attempt */
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool stop, running;
} outbox_loop;

/* Seconds until the next attempt after `attempts` failed ones (1, 2, ...):
 * base * 2^(attempts-1) capped at OUTBOX_MAX_DELAY; -1 once attempts
 * reaches OUTBOX_MAX_ATTEMPTS (give up: state "failed"). */
long outbox_retry_delay(long base, int attempts);

/* Starts the thread (db_path must outlive it). */
int outbox_loop_start(outbox_loop *l, const char *db_path, long base_delay, gm_err *err);
/* Asks the thread to stop after the message in hand and joins it. */
void outbox_loop_stop(outbox_loop *l);

/* Delivers every message due now, synchronously (tests, CLI); *sent and
 * *failed count this call's outcomes (may be NULL). */
int outbox_deliver_due(const char *db_path, long base_delay, long timeout, int *sent, int *failed,
                       gm_err *err);

#endif
