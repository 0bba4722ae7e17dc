/*
 * robot_send.h - posting one message to a group robot (企业微信 / 钉钉)
 * with libcurl.  The only code of govmedia that makes outbound HTTP calls.
 */
#ifndef GM_NOTIFY_ROBOT_SEND_H
#define GM_NOTIFY_ROBOT_SEND_H

#include <stddef.h>

/* Once per process, before any thread sends. */
void robot_send_global_init(void);

/* POSTs payload (JSON) to url; a DingTalk secret (may be NULL) adds the
 * timestamp/sign query (加签).  delivery_key (may be NULL) goes out as the
 * Idempotency-Key header: the same for every attempt of one message, so a
 * receiver can drop the repeat of a delivery it already took (delivery is at
 * least once, outbox_loop.c).  Success is HTTP 2xx whose JSON answer, if
 * any, has errcode 0.  Returns 0 on success, -1 with why in errbuf. */
int robot_send(const char *kind, const char *url, const char *secret, const char *payload,
               const char *delivery_key, long timeout_seconds, char *errbuf, size_t cap);

#endif
