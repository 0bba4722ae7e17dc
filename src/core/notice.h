/*
 * notice.h - one notification as the workflow phrases it, and its shape
 * as a group-robot message (企业微信 / 钉钉 群机器人 JSON).
 *
 * Pure: the store writes notices (store/notify.h), the delivery loop sends
 * the robot JSON built here.
 */
#ifndef GM_CORE_NOTICE_H
#define GM_CORE_NOTICE_H

#include <jansson.h>
#include "util/gm_error.h"

typedef struct gm_notice {
    const char *kind;     /* machine code, e.g. "post.review", "post.returned" */
    const char *title;    /* Chinese, one line */
    const char *body;     /* Chinese, may be "" */
    const char *link;     /* console route, e.g. "/posts/12"; may be "" */
} gm_notice;

#define GM_NOTICE_BODY_MAX 2000   /* code points */

/* Kind is [a-z0-9._-]{1,64}; title 1..200 and body 0..2000 code points;
 * link empty or starting with "/". */
int notice_validate(const gm_notice *n, gm_err *err);

/* The message a robot of webhook_kind ("wecom" | "dingtalk") posts;
 * NULL for an unknown kind or out of memory. */
json_t *notice_robot_payload(const char *webhook_kind, const gm_notice *n);

/* Is kind a webhook kind we can deliver to? */
int notice_webhook_kind_known(const char *webhook_kind);

#endif
