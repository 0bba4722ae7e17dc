/*
 * routes_duty.c - the holiday and weekend duty roster over HTTP
 * (/api/v1/duty): the roster of a range with its gaps, upcoming gaps,
 * adding and removing shifts, and the xlsx export.
 */
#include "http/download_audit.h"
#include "http/json_in.h"
#include "http/message_access.h"
#include "http/query.h"
#include "http/route.h"
#include "store/duty.h"

#include <stdlib.h>
#include <string.h>

static const query_param roster_query[] = {
    {"unit_id", QP_ID, NULL}, {"from", QP_DATE, NULL}, {"to", QP_DATE, NULL},
    {"as_of", QP_DATE, NULL}, {"days", QP_ID, NULL}, {NULL, 0, NULL}};

/* unit_id (default: the actor's unit), from/to (default: as_of .. +days). */
static int roster_args(gm_request *r, long long *unit, gm_date *from, gm_date *to, gm_err *err)
{
    long long days = 31;
    const char *as_of = request_arg(r, "as_of"), *f = request_arg(r, "from"), *t = request_arg(r, "to");
    gm_date start = instant_cst_day(request_now());
    int rc = request_query(r, roster_query, err);
    if (!rc)
        rc = request_arg_int(r, "days", 31, &days, err);
    if (!rc && days > 366)
        rc = gm_fail(err, GM_E_INVALID, "days", "天数最多 366");
    if (!rc && as_of)
        rc = date_parse(as_of, "as_of", &start, err);
    *from = start;
    *to = start + (gm_date)days - 1;
    if (!rc && f)
        rc = date_parse(f, "from", from, err);
    if (!rc && t)
        rc = date_parse(t, "to", to, err);
    return rc ? rc : request_unit_arg(r, PERM_MESSAGE_READ, unit, err);
}

static int roster(gm_request *r, json_t **out, gm_err *err)
{
    long long unit = 0;
    gm_date from, to;
    gm_calendar *cal = NULL;
    int rc = roster_args(r, &unit, &from, &to, err);
    if (!rc)
        rc = request_calendar(r, &cal, err);
    if (!rc)
        rc = duty_roster(r->db, cal, unit, from, to, out, err);
    calendar_free(cal);
    return rc;
}

static int h_duty_get(gm_request *r, gm_err *err)
{
    json_t *j;
    int rc = roster(r, &j, err);
    return rc ? rc : reply_json(r, 200, j);
}

/* Only the gaps ("listed before the holiday"): default the next 14 days. */
static int h_duty_gaps(gm_request *r, gm_err *err)
{
    json_t *j;
    int rc = roster(r, &j, err);
    if (rc)
        return rc;
    json_t *out = json_pack("{s:O,s:O,s:O,s:O}", "unit_id", json_object_get(j, "unit_id"), "from",
                            json_object_get(j, "from"), "to", json_object_get(j, "to"), "gaps",
                            json_object_get(j, "gaps"));
    json_decref(j);
    return reply_json(r, 200, out);
}

static int h_duty_xlsx(gm_request *r, gm_err *err)
{
    long long unit = 0;
    gm_date from, to;
    gm_calendar *cal = NULL;
    char *data;
    size_t len;
    int rc = roster_args(r, &unit, &from, &to, err);
    if (!rc)
        rc = request_calendar(r, &cal, err);
    if (!rc)
        rc = duty_roster_xlsx(r->db, cal, unit, from, to, &data, &len, err);
    calendar_free(cal);
    char f[GM_DATE_TEXT_SIZE], t[GM_DATE_TEXT_SIZE];
    if (!rc && (rc = download_audit(r, "duty_roster", "xlsx", len,
                                    json_pack("{s:I,s:s,s:s}", "unit_id", (json_int_t)unit, "from",
                                              date_format(from, f), "to", date_format(to, t)),
                                    err)))
        free(data);
    if (rc)
        return rc;
    reply_bytes(r, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data, len);
    return GM_OK;
}

static const json_field shift_fields[] = {
    {"unit_id", JF_INT, true, 0}, {"day", JF_STRING, true, 10}, {"person", JF_STRING, true, 50},
    {"leader", JF_BOOL, false, 0}, {"phone", JF_STRING, false, 30}, {NULL, 0, 0, 0}};

/* A shift put on a working day is kept (the roster lists it) but the
 * operator is told: the roster is for days off. */
static void tell_working_day(gm_request *r, const char *day, json_t *out)
{
    gm_calendar *cal = NULL;
    gm_date d;
    int working = 0;
    if (!request_calendar(r, &cal, NULL) && !date_parse(day, NULL, &d, NULL) &&
        !calendar_is_working_day(cal, d, &working, NULL) && working)
        json_object_set_new(out, "warning",
                            json_pack("{s:s,s:s}", "field", "day", "message",
                                      "该日为工作日,不属于节假日值班;已保存,值班表中标为“"
                                      DUTY_WORKING_DAY_LABEL "”"));
    json_object_set_new(out, "working_day", json_boolean(working));
    calendar_free(cal);
}

static int h_duty_add(gm_request *r, gm_err *err)
{
    json_t *b;
    long long id = 0;
    int rc = json_body_parse(r->body, r->body_len, shift_fields, &b, err);
    if (rc)
        return rc;
    gm_shift_in in = {json_int_or(b, "unit_id", 0), json_str(b, "day"), json_str(b, "person"),
                      json_str(b, "phone"), json_is_true(json_object_get(b, "leader"))};
    rc = request_require_body_unit(r, PERM_DUTY_WRITE, in.unit_id, err);
    if (!rc)
        rc = duty_add(r->db, &r->actor, &in, &id, err);
    json_t *out = rc ? NULL : json_pack("{s:I,s:I,s:s,s:s,s:b,s:s}", "id", (json_int_t)id, "unit_id",
                                        (json_int_t)in.unit_id, "day", in.day, "person", in.person,
                                        "leader", in.leader, "phone", in.phone ? in.phone : "");
    if (out)
        tell_working_day(r, in.day, out);
    json_decref(b);
    return rc ? rc : reply_json(r, 201, out);
}

static int h_duty_remove(gm_request *r, gm_err *err)
{
    if (json_body_none(r->body, r->body_len, err))
        return err->code;
    long long unit;
    int rc = duty_unit(r->db, r->ids[0], &unit, err);
    if (!rc)
        rc = request_require_unit(r, PERM_DUTY_WRITE, unit, err);
    if (!rc)
        rc = duty_remove(r->db, &r->actor, r->ids[0], err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:I,s:b}", "id", (json_int_t)r->ids[0], "deleted", 1));
}

const gm_route gm_routes_duty[] = {
    {"GET", "/api/v1/duty", PERM_MESSAGE_READ, h_duty_get, 0,
     "节假日值班表(unit_id、from、to 或 as_of+days;含缺口)", roster_query},
    {"POST", "/api/v1/duty", PERM_DUTY_WRITE, h_duty_add, 0, "排班(日期、值班人员、是否带班领导)"},
    {"DELETE", "/api/v1/duty/{id}", PERM_DUTY_WRITE, h_duty_remove, 0, "取消一条排班"},
    {"GET", "/api/v1/duty/gaps", PERM_MESSAGE_READ, h_duty_gaps, 0,
     "即将到来的值班缺口(无人值班、无带班领导)", roster_query},
    {"GET", "/api/v1/duty.xlsx", PERM_MESSAGE_READ, h_duty_xlsx, 0, "导出值班表(xlsx)", roster_query},
    {NULL, NULL, 0, NULL, 0, NULL},
};
