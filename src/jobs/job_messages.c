/*
 * job_messages.c - "messages.escalate": every 15 minutes, marks the public
 * messages whose first response or answer is overdue and notifies their
 * department (超期督办); a thin call into store/messages.c.
 */
#include "jobs/job_list.h"
#include "store/messages.h"

#include <stdio.h>

void job_actor(gm_actor *who)
{
    actor_init_cli(who, "scheduler");
    snprintf(who->login, sizeof who->login, "scheduler");
    snprintf(who->client_addr, sizeof who->client_addr, "job");
}

int job_messages_escalate(gm_job_ctx *ctx, gm_err *err)
{
    gm_actor who;
    json_t *list;
    job_actor(&who);
    int rc = messages_escalate(ctx->d, &who, ctx->now, &list, err);
    if (!rc) {
        snprintf(ctx->message, sizeof ctx->message, "超期留言督办 %zu 条", json_array_size(list));
        json_decref(list);
    }
    return rc;
}
