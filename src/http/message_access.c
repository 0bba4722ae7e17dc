/*
 * message_access.c - loading a message under a permission, and the small
 * helpers the interaction routes share (see message_access.h).
 */
#include "http/message_access.h"
#include "http/json_in.h"
#include "http/server.h"
#include "store/calendars.h"
#include "util/clock.h"

#include <time.h>

int request_require_message(gm_request *r, gm_perm perm, long long id, gm_message *m, gm_err *err)
{
    int rc = messages_get(r->db, id, m, err);
    if (rc)
        return rc;
    if (request_require_unit(r, perm, m->unit_id, err) == GM_OK)
        return GM_OK;
    return request_require_unit(r, perm, m->account_unit_id, err);
}

int request_calendar(gm_request *r, gm_calendar **cal, gm_err *err)
{
    return calendars_load(r->db, r->srv->cfg.data_dir, cal, err);
}

gm_instant request_now(void) { return (gm_instant)clock_now(); }

int request_time_field(const json_t *body, const char *key, gm_instant *out, gm_err *err)
{
    const char *s = json_str(body, key);
    *out = 0;
    return s ? instant_parse(s, key, out, err) : GM_OK;
}

int request_unit_arg(gm_request *r, gm_perm perm, long long *unit, gm_err *err)
{
    int rc = request_arg_int(r, "unit_id", 0, unit, err);
    if (!rc && !*unit && actor_take_role(&r->actor, perm, NULL))
        *unit = r->actor.unit_id;
    if (!rc)
        rc = request_require_unit(r, perm, *unit, err);
    return rc == GM_E_NOTFOUND ? gm_fail(err, GM_E_INVALID, "unit_id", "单位 %lld 不存在", *unit) : rc;
}

int request_require_body_unit(gm_request *r, gm_perm perm, long long unit, gm_err *err)
{
    int rc = request_require_unit(r, perm, unit, err);
    return rc == GM_E_NOTFOUND ? gm_fail(err, GM_E_INVALID, "unit_id", "单位 %lld 不存在", unit) : rc;
}

static const json_field escalate_fields[] = {{"as_of", JF_STRING, false, 40}, {NULL, 0, 0, 0}};

int request_escalation_time(gm_request *r, gm_instant *at, gm_err *err)
{
    json_t *b;
    int rc = json_body_parse(r->body_len ? r->body : "{}", r->body_len ? r->body_len : 2,
                             escalate_fields, &b, err);
    if (rc)
        return rc;
    rc = request_time_field(b, "as_of", at, err);
    json_decref(b);
    if (!rc && !*at)
        *at = request_now();
    return rc;
}
