/*
 * routes_system.c - health check for monitoring, and the server's clock
 * (the test clock of `serve --test-clock`, see util/clock.h).
 *
 * /health answers from memory, without the database: a load balancer's
 * probe costs no connection or query.  The schema version it reports is the
 * one this binary requires; every worker's connection is checked against it
 * when first opened (server.c), and `serve` refuses to start on another.
 */
#include "http/route.h"
#include "http/json_in.h"
#include "http/request.h"
#include "core/instant.h"
#include "store/audit.h"
#include "store/store.h"
#include "util/clock.h"

#include <stdio.h>

static int h_health(gm_request *r, gm_err *err)
{
    (void)err;
    json_t *j = json_pack("{s:s,s:i}", "status", "ok", "schema_version", store_schema_required());
    if (clock_test_enabled())   /* a monitor sees a server not on real time */
        json_object_set_new(j, "test_clock", json_true());
    return reply_json(r, 200, j);
}

/* ---- the test clock (serve --test-clock): journeys across days ---- */

static json_t *clock_json(void)
{
    char now[GM_ISO_LEN], cst[GM_CST_LEN];
    clock_iso_from_now(now, 0);
    clock_iso_to_cst(now, cst);
    return json_pack("{s:s,s:s,s:b,s:I}", "now", now, "now_china", cst, "test_clock",
                     clock_test_enabled(), "ahead_seconds", (json_int_t)clock_test_offset());
}

static int h_clock_get(gm_request *r, gm_err *err)
{
    (void)err;
    return reply_json(r, 200, clock_json());
}

/* The new "now" from {"now": instant} or {"advance_minutes": n}; forward only. */
static int clock_target(const json_t *b, long long *ahead, gm_err *err)
{
    const json_t *now = json_object_get(b, "now"), *adv = json_object_get(b, "advance_minutes");
    if (!now == !adv)
        return gm_fail(err, GM_E_INVALID, now ? "advance_minutes" : "now",
                       "请给出新的时间 now(如 2026-11-27T09:00:00+08:00)或向后拨的分钟数 advance_minutes,二者选一");
    long long current = (long long)clock_now(), target;
    if (adv) {
        long long m = json_integer_value(adv);
        if (m <= 0 || m > 366LL * 24 * 60)
            return gm_fail(err, GM_E_INVALID, "advance_minutes", "向后拨的分钟数应为 1 到 527040(一年)");
        target = current + m * 60;
    } else {
        gm_instant t;
        int rc = instant_parse(json_string_value(now), "now", &t, err);
        if (rc)
            return rc;
        if ((long long)t <= current)
            return gm_fail(err, GM_E_INVALID, "now", "测试时钟只能向后拨:新的时间应晚于当前时间");
        target = (long long)t;
    }
    *ahead = clock_test_offset() + (target - current);
    return GM_OK;
}

static int h_clock_put(gm_request *r, gm_err *err)
{
    static const json_field fields[] = {{"now", JF_STRING, false, 40},
                                        {"advance_minutes", JF_INT, false, 0}, {NULL, 0, 0, 0}};
    json_t *b = NULL;
    long long ahead = 0;
    int rc = request_require_system(r, PERM_JOB_RUN, err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, fields, &b, err);
    if (!rc && !clock_test_enabled())
        rc = gm_fail(err, GM_E_CONFLICT, "now",
                     "本服务未启用测试时钟(仅 govmedia serve --test-clock 启动的测试或演练环境可以拨钟)");
    if (!rc)
        rc = clock_target(b, &ahead, err);
    json_decref(b);
    if (!rc && !(rc = db_begin(r->db, err))) {
        long long was = clock_test_offset();
        json_t *before = clock_json();
        clock_test_set_offset(ahead);
        rc = audit_append_json(r->db, &r->actor, "system.clock", "system", 0, before, clock_json(),
                               err);
        rc = db_end(r->db, rc, err);
        if (rc)
            clock_test_set_offset(was);
    }
    return rc ? rc : reply_json(r, 200, clock_json());
}

int route_uses_db(const gm_route *route) { return route->handler != h_health; }

const gm_route gm_routes_system[] = {
    {"GET", "/api/v1/health", PERM_PUBLIC, h_health, 0, "健康检查"},
    {"GET", "/api/v1/system/clock", PERM_LOGGED_IN, h_clock_get, 0,
     "服务器当前时间(UTC 与北京时间),是否为测试时钟及拨快的秒数"},
    {"PUT", "/api/v1/system/clock", PERM_JOB_RUN, h_clock_put, 1024,
     "拨快测试时钟(仅 serve --test-clock;now 或 advance_minutes,只能向后拨,记入审计)"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
