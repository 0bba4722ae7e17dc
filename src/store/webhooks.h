/*
 * webhooks.h - a unit's group robots (企业微信 / 钉钉) and the durable
 * outbox of messages to them.
 *
 * Configuration (admin / supervisor of the unit) is audited; the robot's
 * url (which carries its key) and the DingTalk signing secret are never
 * returned whole.  The outbox functions are for the delivery loop
 * (notify/outbox_loop.h): claim a due message under a lease, send it
 * outside any transaction, then record the outcome.
 */
#ifndef GM_STORE_WEBHOOKS_H
#define GM_STORE_WEBHOOKS_H

#include <jansson.h>
#include "core/actor.h"
#include "store/db.h"

typedef struct webhook_input {
    const char *kind;     /* "wecom" | "dingtalk" (add only) */
    const char *name;     /* NULL: keep (update) */
    const char *url;      /* NULL: keep (update) */
    const char *secret;   /* NULL: keep; "" clears (dingtalk only) */
    int enabled;          /* 0/1, -1: keep (update; add treats it as 1) */
} webhook_input;

int webhooks_add(db *d, const gm_actor *who, long long unit_id, const webhook_input *in,
                 long long *id_out, gm_err *err);
/* GM_E_NOTFOUND when hook_id is not a webhook of unit_id. */
int webhooks_update(db *d, const gm_actor *who, long long unit_id, long long hook_id,
                    const webhook_input *in, gm_err *err);
/* Deletes a robot of unit_id with its delivery records; messages still
 * pending are dropped (audited with their count).  GM_E_NOTFOUND as update. */
int webhooks_remove(db *d, const gm_actor *who, long long unit_id, long long hook_id, gm_err *err);
/* The unit's robots with masked urls and delivery counts
 * ({"webhooks":[{id,kind,name,url_masked,has_secret,enabled,pending,sent,failed,last_error}]}). */
int webhooks_list(db *d, long long unit_id, json_t **out, gm_err *err);
/* Queues a test message to one robot (audited). */
int webhooks_test(db *d, const gm_actor *who, long long unit_id, long long hook_id, gm_err *err);
/* The newest deliveries of one robot (state, attempts, error, times). */
int webhooks_deliveries(db *d, long long unit_id, long long hook_id, long long limit,
                        json_t **out, gm_err *err);

/* ---- the outbox, for the delivery loop ---- */

typedef struct outbox_msg {
    long long id;
    int attempts;         /* attempts made before this one */
    char kind[16];
    char key[64];         /* the delivery's idempotency key: govmedia-<id>-<queued at, UTC> */
    char *url, *secret, *payload;   /* malloc'd; outbox_msg_free() */
} outbox_msg;

void outbox_msg_free(outbox_msg *m);

/* Takes the oldest due pending message (next_attempt_at <= now, lease
 * free) and leases it for lease_seconds.  Returns 1 with *m filled, 0
 * when none is due, <0 on error. */
int outbox_claim_due(db *d, long lease_seconds, outbox_msg *m, gm_err *err);
/* The message arrived. */
int outbox_mark_sent(db *d, long long id, gm_err *err);
/* This attempt failed: retry at now + retry_in_seconds, or give up
 * (state "failed") when retry_in_seconds < 0. */
int outbox_mark_attempt_failed(db *d, long long id, long retry_in_seconds, const char *error,
                               gm_err *err);

#endif
