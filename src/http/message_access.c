/*
 * message_access.c - loading a message under a permission, and the small
 * helpers the interaction routes share (see message_access.h).
 */
#include "http/message_access.h"
#include "http/json_in.h"
#include "http/server.h"
#include "store/calendars.h"

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

gm_instant request_now(void) { return (gm_instant)time(NULL); }

int request_time_field(const json_t *body, const char *key, gm_instant *out, gm_err *err)
{
    const char *s = json_str(body, key);
    *out = 0;
    return s ? instant_parse(s, key, out, err) : GM_OK;
}
