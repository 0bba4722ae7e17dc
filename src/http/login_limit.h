/*
 * login_limit.h - a per-client-address brake on login attempts, in memory.
 *
 * Each password check costs an argon2id run that holds a server thread.
 * An address may have at most GM_LOGIN_INFLIGHT_PER_ADDR checks running at
 * once and at most `max_failures` failed logins (over every login name) per
 * window; beyond that it gets 429 at once, without any password work, so a
 * flood neither locks the victim's account elsewhere nor starves /health.
 */
#ifndef GM_HTTP_LOGIN_LIMIT_H
#define GM_HTTP_LOGIN_LIMIT_H

#include <pthread.h>
#include <time.h>
#include "util/gm_error.h"

#define GM_LOGIN_INFLIGHT_PER_ADDR 2
#define GM_LOGIN_LIMIT_SLOTS 512

typedef struct login_slot {
    char addr[64];
    time_t window_start;
    int failures;
    int inflight;
} login_slot;

typedef struct login_limit {
    pthread_mutex_t lock;
    int max_failures;      /* failed logins per address per window */
    long window_seconds;
    login_slot slots[GM_LOGIN_LIMIT_SLOTS];
} login_limit;

void login_limit_init(login_limit *l, int max_failures, long window_seconds);
void login_limit_destroy(login_limit *l);
/* GM_OK and one check in flight, or GM_E_TOOMANY (nothing taken). */
int login_limit_enter(login_limit *l, const char *addr, gm_err *err);
/* Ends the check taken by login_limit_enter; failed counts it. */
void login_limit_leave(login_limit *l, const char *addr, int failed);

#endif
