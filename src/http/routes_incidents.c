/*
 * routes_incidents.c - opinion incidents (舆情) over HTTP (/api/v1/incidents):
 * open (by hand or from a message), list, detail, actions and statements,
 * level, acknowledgement, closing, the escalation run, and each unit's
 * escalation chain (response plan).
 */
#include "http/json_in.h"
#include "http/message_access.h"
#include "http/query.h"
#include "http/route.h"
#include "store/incidents.h"
#include "store/messages.h"

#include <string.h>

static int require_incident(gm_request *r, gm_perm perm, gm_err *err)
{
    long long unit;
    int rc = incidents_unit(r->db, r->ids[0], &unit, err);
    return rc ? rc : request_require_unit(r, perm, unit, err);
}

static int reply_incident(gm_request *r, int status, long long id, gm_err *err)
{
    json_t *j;
    int rc = incidents_detail(r->db, id, &j, err);
    return rc ? rc : reply_json(r, status, j);
}

static const query_param list_query[] = {
    {"unit_id", QP_ID, NULL}, {"state", QP_ENUM, "open|closed"}, {NULL, 0, NULL}};

static int h_incidents_list(gm_request *r, gm_err *err)
{
    long long unit = 0;
    json_t *arr;
    int rc = request_query(r, list_query, err);
    if (!rc)
        rc = request_arg_int(r, "unit_id", 0, &unit, err);
    if (!rc)
        rc = incidents_list(r->db, &r->actor, unit, request_arg(r, "state"), &arr, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:o}", "incidents", arr));
}

static const json_field open_fields[] = {
    {"unit_id", JF_INT, false, 0}, {"message_id", JF_INT, false, 0},
    {"title", JF_STRING, false, 200}, {"level", JF_STRING, true, 10},
    {"text", JF_TEXT, false, 5000}, {NULL, 0, 0, 0}};

/* From a message: its account's unit and a title from its text. */
static int from_message(gm_request *r, gm_incident_in *in, char *title, size_t cap, gm_err *err)
{
    gm_message m;
    json_t *j;
    int rc = request_require_message(r, PERM_MESSAGE_READ, in->message_id, &m, err);
    if (rc == GM_E_NOTFOUND)
        return gm_fail(err, GM_E_INVALID, "message_id", "留言 %lld 不存在", in->message_id);
    if (rc || (rc = messages_detail(r->db, m.id, request_now(), &j, err)) != GM_OK)
        return rc;
    if (!in->unit_id)
        in->unit_id = m.account_unit_id;
    if (!in->title) {
        snprintf(title, cap, "留言引发:%.150s", json_string_value(json_object_get(j, "text")));
        for (char *p = title; *p; p++)
            if (*p == '\n' || *p == '\r' || *p == '\t')
                *p = ' ';
        in->title = title;
    }
    json_decref(j);
    return GM_OK;
}

static int h_incidents_open(gm_request *r, gm_err *err)
{
    json_t *b;
    char title[400];
    long long id = 0;
    int rc = json_body_parse(r->body, r->body_len, open_fields, &b, err);
    if (rc)
        return rc;
    gm_incident_in in = {json_int_or(b, "unit_id", 0), json_int_or(b, "message_id", 0),
                         json_str(b, "title"), json_str(b, "level"), json_str(b, "text")};
    if (in.message_id)
        rc = from_message(r, &in, title, sizeof title, err);
    if (!rc && !in.unit_id && actor_take_role(&r->actor, PERM_INCIDENT_MANAGE, NULL))
        in.unit_id = r->actor.unit_id;
    if (!rc)
        rc = request_require_body_unit(r, PERM_INCIDENT_MANAGE, in.unit_id, err);
    if (!rc)
        rc = incidents_open(r->db, &r->actor, &in, request_now(), &id, err);
    json_decref(b);
    return rc ? rc : reply_incident(r, 201, id, err);
}

static int h_incident_get(gm_request *r, gm_err *err)
{
    int rc = require_incident(r, PERM_MESSAGE_READ, err);
    return rc ? rc : reply_incident(r, 200, r->ids[0], err);
}

static const json_field action_fields[] = {
    {"kind", JF_STRING, true, 20}, {"text", JF_TEXT, true, 5000}, {NULL, 0, 0, 0}};
static const json_field level_fields[] = {
    {"level", JF_STRING, true, 10}, {"reason", JF_TEXT, true, 500}, {NULL, 0, 0, 0}};
static const json_field ack_fields[] = {{"step", JF_INT, false, 0}, {NULL, 0, 0, 0}};
static const json_field close_fields[] = {{"summary", JF_TEXT, false, 5000}, {NULL, 0, 0, 0}};

/* actions, level, ack, close: the last path segment says which. */
static int h_incident_step(gm_request *r, gm_err *err)
{
    const char *what = strrchr(r->path, '/') + 1;
    int is_action = strcmp(what, "actions") == 0, is_level = strcmp(what, "level") == 0;
    int is_ack = strcmp(what, "ack") == 0;
    json_t *b;
    int rc = require_incident(r, PERM_INCIDENT_MANAGE, err);
    if (!rc)
        rc = json_body_parse(r->body_len ? r->body : "{}", r->body_len ? r->body_len : 2,
                             is_action ? action_fields : is_level ? level_fields
                                                       : is_ack ? ack_fields : close_fields, &b, err);
    if (rc)
        return rc;
    if (is_action)
        rc = incidents_add_event(r->db, &r->actor, r->ids[0], json_str(b, "kind"), json_str(b, "text"), err);
    else if (is_level)
        rc = incidents_set_level(r->db, &r->actor, r->ids[0], json_str(b, "level"),
                                 json_str(b, "reason"), request_now(), err);
    else if (is_ack)
        rc = incidents_ack(r->db, &r->actor, r->ids[0], (int)json_int_or(b, "step", 0), request_now(), err);
    else
        rc = incidents_close(r->db, &r->actor, r->ids[0], json_str(b, "summary"), err);
    json_decref(b);
    return rc ? rc : reply_incident(r, 200, r->ids[0], err);
}

static int h_incidents_escalate(gm_request *r, gm_err *err)
{
    json_t *list;
    gm_instant at = 0;
    int rc = request_escalation_time(r, &at, err);
    if (!rc)
        rc = incidents_escalate(r->db, &r->actor, at, &list, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:o}", "escalated", list));
}

static const query_param chain_query[] = {{"unit_id", QP_ID, NULL}, {NULL, 0, NULL}};

static int h_chain_get(gm_request *r, gm_err *err)
{
    long long unit = 0;
    json_t *arr;
    int rc = request_query(r, chain_query, err);
    if (!rc)
        rc = request_unit_arg(r, PERM_MESSAGE_READ, &unit, err);
    if (!rc)
        rc = incident_chain_get(r->db, unit, &arr, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:I,s:o}", "unit_id", (json_int_t)unit, "steps", arr));
}

static const json_field chain_fields[] = {
    {"unit_id", JF_INT, true, 0}, {"steps", JF_ARRAY, true, 0}, {NULL, 0, 0, 0}};

static int h_chain_put(gm_request *r, gm_err *err)
{
    json_t *b, *arr;
    int rc = json_body_parse(r->body, r->body_len, chain_fields, &b, err);
    if (rc)
        return rc;
    long long unit = json_int_or(b, "unit_id", 0);
    rc = request_require_body_unit(r, PERM_MESSAGE_ADMIN, unit, err);
    if (!rc)
        rc = incident_chain_set(r->db, &r->actor, unit, json_object_get(b, "steps"), err);
    json_decref(b);
    if (!rc)
        rc = incident_chain_get(r->db, unit, &arr, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:I,s:o}", "unit_id", (json_int_t)unit, "steps", arr));
}

const gm_route gm_routes_incidents[] = {
    {"GET", "/api/v1/incidents", PERM_MESSAGE_READ, h_incidents_list, 0, "舆情事件列表(unit_id、state)", list_query},
    {"POST", "/api/v1/incidents", PERM_INCIDENT_MANAGE, h_incidents_open, 0,
     "登记舆情事件(可由留言转入;较大以上立即通知应急预案链条)"},
    {"GET", "/api/v1/incidents/{id}", PERM_MESSAGE_READ, h_incident_get, 0, "舆情事件详情、通知与处置时间线"},
    {"POST", "/api/v1/incidents/{id}/actions", PERM_INCIDENT_MANAGE, h_incident_step, 0,
     "记录处置措施或回应口径"},
    {"POST", "/api/v1/incidents/{id}/level", PERM_INCIDENT_MANAGE, h_incident_step, 0, "调整等级(须填原因)"},
    {"POST", "/api/v1/incidents/{id}/ack", PERM_INCIDENT_MANAGE, h_incident_step, 0, "确认收到通知"},
    {"POST", "/api/v1/incidents/{id}/close", PERM_INCIDENT_MANAGE, h_incident_step, 0, "结束处置(须填总结)"},
    {"POST", "/api/v1/incidents/escalate", PERM_MESSAGE_ADMIN, h_incidents_escalate, 0,
     "舆情升级:超时未确认的步骤通知下一步"},
    {"GET", "/api/v1/incidents/chain", PERM_MESSAGE_READ, h_chain_get, 0, "单位的舆情应急通知链", chain_query},
    {"PUT", "/api/v1/incidents/chain", PERM_MESSAGE_ADMIN, h_chain_put, 0, "设置舆情应急通知链"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
