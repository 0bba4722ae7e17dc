/*
 * routes_meetings.c - meetings and training over HTTP (/api/v1/meetings):
 * record, list with the months missing their monthly meeting, detail,
 * attachments (raw bytes, ?name=; spooled to a temporary file as they arrive
 * and downloaded from one, never whole in memory).
 */
#include "http/json_in.h"
#include "http/message_access.h"
#include "http/query.h"
#include "http/route.h"
#include "http/stored_reply.h"
#include "core/meeting.h"
#include "store/meetings.h"

#include <string.h>

static int require_meeting(gm_request *r, gm_perm perm, gm_err *err)
{
    long long unit;
    int rc = meetings_unit(r->db, r->ids[0], &unit, err);
    return rc ? rc : request_require_unit(r, perm, unit, err);
}

static const query_param list_query[] = {
    {"unit_id", QP_ID, NULL}, {"from", QP_TEXT, NULL}, {"to", QP_TEXT, NULL}, {NULL, 0, NULL}};

static int h_meetings_list(gm_request *r, gm_err *err)
{
    long long unit = 0;
    json_t *out;
    gm_date today = instant_cst_day(request_now());
    int current = meeting_month_of(today), from = current - current % 12, to = current;
    const char *f = request_arg(r, "from"), *t = request_arg(r, "to");
    int rc = request_query(r, list_query, err);
    if (!rc && f)
        rc = meeting_month_parse(f, "from", &from, err);
    if (!rc && t)
        rc = meeting_month_parse(t, "to", &to, err);
    if (!rc)
        rc = request_unit_arg(r, PERM_MESSAGE_READ, &unit, err);
    if (!rc)
        rc = meetings_list(r->db, unit, from, to, current, &out, err);
    return rc ? rc : reply_json(r, 200, out);
}

static const json_field meeting_fields[] = {
    {"unit_id", JF_INT, true, 0},       {"held_on", JF_STRING, true, 10},
    {"kind", JF_STRING, true, 20},      {"title", JF_STRING, true, 200},
    {"attendees", JF_ARRAY, false, 0},  {"minutes", JF_TEXT, false, 50000}, {NULL, 0, 0, 0}};

static int h_meetings_add(gm_request *r, gm_err *err)
{
    json_t *b, *out;
    long long id = 0;
    int rc = json_body_parse(r->body, r->body_len, meeting_fields, &b, err);
    if (rc)
        return rc;
    json_t *att = json_object_get(b, "attendees");
    json_t *empty = json_array();
    gm_meeting_in in = {json_int_or(b, "unit_id", 0), json_str(b, "held_on"), json_str(b, "kind"),
                        json_str(b, "title"), json_str(b, "minutes"), att ? att : empty};
    rc = request_require_body_unit(r, PERM_MEETING_WRITE, in.unit_id, err);
    if (!rc)
        rc = meetings_add(r->db, &r->actor, &in, &id, err);
    json_decref(empty);
    json_decref(b);
    if (!rc)
        rc = meetings_detail(r->db, id, &out, err);
    return rc ? rc : reply_json(r, 201, out);
}

static int h_meeting_get(gm_request *r, gm_err *err)
{
    json_t *out;
    int rc = require_meeting(r, PERM_MESSAGE_READ, err);
    if (!rc)
        rc = meetings_detail(r->db, r->ids[0], &out, err);
    return rc ? rc : reply_json(r, 200, out);
}

static const query_param attach_query[] = {{"name", QP_TEXT, NULL}, {NULL, 0, NULL}};

static int h_meeting_attach(gm_request *r, gm_err *err)
{
    long long att = 0;
    json_t *out;
    int rc = require_meeting(r, PERM_MEETING_WRITE, err);
    if (!rc)
        rc = request_query(r, attach_query, err);
    if (!rc && !request_arg(r, "name"))
        rc = gm_fail(err, GM_E_INVALID, "name", "缺少附件名称");
    if (!rc)
        rc = meetings_attach(r->db, &r->actor, r->ids[0], request_arg(r, "name"), r->upload_fd,
                             r->upload_bytes, &att, err);
    if (!rc)
        rc = meetings_detail(r->db, r->ids[0], &out, err);
    return rc ? rc : reply_json(r, 201, out);
}

static int h_meeting_attachment(gm_request *r, gm_err *err)
{
    int rc = require_meeting(r, PERM_MESSAGE_READ, err);
    return rc ? rc : reply_stored_file(r, meetings_attachment_to_fd, r->ids[0], r->ids[1], err);
}

const gm_route gm_routes_meetings[] = {
    {"GET", "/api/v1/meetings", PERM_MESSAGE_READ, h_meetings_list, 0,
     "例会与培训记录(unit_id、from、to 为 YYYY-MM;含缺少月度例会的月份)", list_query},
    {"POST", "/api/v1/meetings", PERM_MEETING_WRITE, h_meetings_add, 0, "登记例会或培训(日期、类型、参会人员、纪要)"},
    {"GET", "/api/v1/meetings/{id}", PERM_MESSAGE_READ, h_meeting_get, 0, "会议记录详情"},
    {"POST", "/api/v1/meetings/{id}/attachments", PERM_MEETING_WRITE, h_meeting_attach,
     GM_MEETING_ATTACHMENT_MAX, "上传会议附件(原始字节,?name=文件名,≤10MB;边收边写临时文件)", attach_query, 1},
    {"GET", "/api/v1/meetings/{id}/attachments/{id}", PERM_MESSAGE_READ, h_meeting_attachment, 0,
     "下载会议附件"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
