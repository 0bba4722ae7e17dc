/*
 * routes_system.c - health check for monitoring.
 *
 * /health answers from memory, without the database: a load balancer's
 * probe costs no connection or query.  The schema version it reports is the
 * one this binary requires; every worker's connection is checked against it
 * when first opened (server.c), and `serve` refuses to start on another.
 */
#include "http/route.h"
#include "store/store.h"

static int h_health(gm_request *r, gm_err *err)
{
    (void)err;
    return reply_json(r, 200, json_pack("{s:s,s:i}", "status", "ok", "schema_version",
                                        store_schema_required()));
}

int route_uses_db(const gm_route *route) { return route->handler != h_health; }

const gm_route gm_routes_system[] = {
    {"GET", "/api/v1/health", PERM_PUBLIC, h_health, 0, "健康检查"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
