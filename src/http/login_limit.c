/*
 * login_limit.c - per-address login brake (see login_limit.h).
 *
 * A small fixed table: an address takes a free or expired slot, else the
 * slot whose window is oldest (an idle one).  Addresses are never written
 * to logs from here.
 */
#include "http/login_limit.h"

#include <stdio.h>
#include <string.h>

void login_limit_init(login_limit *l, int max_failures, long window_seconds)
{
    memset(l, 0, sizeof *l);
    pthread_mutex_init(&l->lock, NULL);
    l->max_failures = max_failures;
    l->window_seconds = window_seconds;
}

void login_limit_destroy(login_limit *l)
{
    pthread_mutex_destroy(&l->lock);
}

static login_slot *slot_for(login_limit *l, const char *addr, time_t now)
{
    login_slot *victim = &l->slots[0];
    for (int i = 0; i < GM_LOGIN_LIMIT_SLOTS; i++) {
        login_slot *s = &l->slots[i];
        if (strcmp(s->addr, addr) == 0)
            return s;
        if (s->inflight == 0 && s->window_start < victim->window_start)
            victim = s;
    }
    snprintf(victim->addr, sizeof victim->addr, "%s", addr);
    victim->window_start = now;
    victim->failures = 0;
    victim->inflight = 0;
    return victim;
}

int login_limit_enter(login_limit *l, const char *addr, gm_err *err)
{
    time_t now = time(NULL);
    pthread_mutex_lock(&l->lock);
    login_slot *s = slot_for(l, addr, now);
    if (now - s->window_start >= l->window_seconds) {
        s->window_start = now;
        s->failures = 0;
    }
    int refused = s->inflight >= GM_LOGIN_INFLIGHT_PER_ADDR || s->failures >= l->max_failures;
    if (!refused)
        s->inflight++;
    long wait = l->window_seconds - (long)(now - s->window_start);
    pthread_mutex_unlock(&l->lock);
    if (refused)
        return gm_fail(err, GM_E_TOOMANY, "login",
                       "登录尝试过于频繁,请稍后再试(最长约 %ld 分钟)", (wait + 59) / 60);
    return GM_OK;
}

void login_limit_leave(login_limit *l, const char *addr, int failed)
{
    pthread_mutex_lock(&l->lock);
    login_slot *s = slot_for(l, addr, time(NULL));
    if (s->inflight > 0)
        s->inflight--;
    if (failed)
        s->failures++;
    pthread_mutex_unlock(&l->lock);
}
