/*
 * actor.c - choosing the acting role of a user for one action.
 */
#include "core/actor.h"

#include <stdio.h>
#include <string.h>

bool actor_take_role(gm_actor *a, gm_perm perm, const char *unit_path)
{
    for (size_t i = 0; i < a->n_grants; i++) {
        const gm_grant *g = &a->grants[i];
        if (!role_has_perm(g->role, perm))
            continue;
        if (unit_path && !grant_covers(g, unit_path))
            continue;
        snprintf(a->role, sizeof a->role, "%s", role_name(g->role));
        a->unit_id = a->grant_units[i];
        return true;
    }
    return false;
}

void actor_init_cli(gm_actor *a, const char *os_user)
{
    memset(a, 0, sizeof *a);
    snprintf(a->login, sizeof a->login, "cli:%s", os_user && *os_user ? os_user : "local");
    snprintf(a->role, sizeof a->role, "admin");
    snprintf(a->client_addr, sizeof a->client_addr, "cli");
}
