/*
 * routes_system.c - health check for monitoring.
 */
#include "http/route.h"
#include "store/store.h"

static int h_health(gm_request *r, gm_err *err)
{
    int version;
    int rc = store_schema_version(r->db, &version, err);
    if (rc)
        return rc;
    return reply_json(r, 200, json_pack("{s:s,s:i}", "status", "ok", "schema_version", version));
}

const gm_route gm_routes_system[] = {
    {"GET", "/api/v1/health", PERM_PUBLIC, h_health, 0, "健康检查"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
