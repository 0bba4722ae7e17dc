/*
 * meetings.c - meetings, training and their attachments (see meetings.h).
 */
#include "store/meetings.h"
#include "core/meeting.h"
#include "store/audit.h"
#include "store/db_rows.h"
#include "store/messages.h"
#include "store/stored_file.h"
#include "store/units.h"
#include "util/clock.h"
#include "util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_attendees(const json_t *a, gm_err *err)
{
    size_t i;
    json_t *v;
    if (!json_is_array(a) || json_array_size(a) > 500)
        return gm_fail(err, GM_E_INVALID, "attendees", "参会人员应为姓名数组(最多 500 人)");
    json_array_foreach(a, i, v) {
        char f[40];
        snprintf(f, sizeof f, "attendees[%zu]", i);
        if (!json_is_string(v) || text_require(json_string_value(v), f, 1, 50, err))
            return gm_fail(err, GM_E_INVALID, f, "参会人员姓名应为 1 到 50 字");
    }
    return GM_OK;
}

static int add_in_transaction(db *d, const gm_actor *who, const gm_meeting_in *in, int kind,
                              long long *id, gm_err *err)
{
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    char *att = json_dumps(in->attendees, JSON_COMPACT);
    int rc = att ? db_query_int(d, id, err,
                                "INSERT INTO meetings(unit_id,held_on,kind,title,attendees,minutes,"
                                "created_at,created_by) VALUES(?,?,?,?,?,?,?,?) RETURNING id",
                                "itttttt" "t", in->unit_id, in->held_on, meeting_kind_name(kind),
                                in->title, att, in->minutes ? in->minutes : "", now, who->login)
                 : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    free(att);
    return rc ? rc
              : audit_append_json(d, who, "meeting.add", "meeting", *id, NULL,
                                  json_pack("{s:s,s:s,s:s}", "held_on", in->held_on, "kind",
                                            meeting_kind_name(kind), "title", in->title), err);
}

int meetings_add(db *d, const gm_actor *who, const gm_meeting_in *in, long long *id, gm_err *err)
{
    gm_date day;
    gm_unit u;
    int kind;
    char today_s[11];
    gm_date today;
    clock_today_cst(today_s);
    date_parse(today_s, NULL, &today, NULL);
    int rc = date_parse(in->held_on ? in->held_on : "", "held_on", &day, err);
    if (!rc && day > today)   /* a record of what was held, never of a plan */
        rc = gm_fail(err, GM_E_INVALID, "held_on", "会议日期 %s 晚于今天(%s):只能登记已经召开的会议或培训",
                     in->held_on, today_s);
    if (!rc)
        rc = meeting_kind_parse(in->kind, "kind", &kind, err);
    if (!rc)
        rc = text_require(in->title, "title", 1, 200, err);
    if (!rc && in->minutes && *in->minutes)
        rc = text_require_multiline(in->minutes, "minutes", 1, 50000, err);
    if (!rc)
        rc = check_attendees(in->attendees, err);
    if (!rc && units_get(d, in->unit_id, &u, NULL))
        rc = gm_fail(err, GM_E_INVALID, "unit_id", "单位 %lld 不存在", in->unit_id);
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, add_in_transaction(d, who, in, kind, id, err), err);
    return rc;
}

int meetings_unit(db *d, long long id, long long *unit_id, gm_err *err)
{
    int rc = db_query_int(d, unit_id, err, "SELECT unit_id FROM meetings WHERE id=?", "i", id);
    return rc == GM_E_NOTFOUND ? gm_fail(err, GM_E_NOTFOUND, "id", "会议记录 %lld 不存在", id) : rc;
}

static json_t *meeting_row(db_stmt *q)
{
    int kind = 0;
    meeting_kind_parse(db_text(q, 3), NULL, &kind, NULL);
    json_t *att = json_loads(db_text(q, 5), 0, NULL);
    return json_pack("{s:I,s:I,s:s,s:s,s:s,s:s,s:o,s:s,s:o,s:s}", "id", (json_int_t)db_int(q, 0),
                     "unit_id", (json_int_t)db_int(q, 1), "held_on", db_text(q, 2), "kind",
                     meeting_kind_name(kind), "kind_label", meeting_kind_label(kind), "title",
                     db_text(q, 4), "attendees", att ? att : json_array(), "minutes", db_text(q, 6),
                     "created_at", message_time_json(db_text(q, 7)), "created_by", db_text(q, 8));
}

#define MEETING_SQL "SELECT id,unit_id,held_on,kind,title,attendees,minutes,created_at,created_by FROM meetings "

static json_t *attachment_row(db_stmt *q)
{
    return json_pack("{s:I,s:s,s:s,s:I}", "id", (json_int_t)db_int(q, 0), "name", db_text(q, 1),
                     "mime", db_text(q, 2), "size", (json_int_t)db_int(q, 3));
}

int meetings_detail(db *d, long long id, json_t **out, gm_err *err)
{
    json_t *arr, *atts;
    int rc = db_rows_json(d, &arr, meeting_row, err, MEETING_SQL "WHERE id=?", "i", id);
    if (rc)
        return rc;
    json_t *j = json_incref(json_array_get(arr, 0));
    json_decref(arr);
    if (!j)
        return gm_fail(err, GM_E_NOTFOUND, "id", "会议记录 %lld 不存在", id);
    rc = db_rows_json(d, &atts, attachment_row, err,
                      "SELECT id,name,mime,bytes FROM meeting_attachments WHERE meeting_id=? "
                      "ORDER BY id", "i", id);
    if (rc) {
        json_decref(j);
        return rc;
    }
    json_object_set_new(j, "attachments", atts);
    *out = j;
    return GM_OK;
}

static json_t *missing_months(json_t *meetings, int from, int last)
{
    int held[512], out[600];
    size_t n = 0, i;
    json_t *m, *arr = json_array();
    json_array_foreach(meetings, i, m) {
        gm_date day;
        if (n < 512 && strcmp(json_string_value(json_object_get(m, "kind")), "monthly") == 0 &&
            date_parse(json_string_value(json_object_get(m, "held_on")), NULL, &day, NULL) == GM_OK)
            held[n++] = meeting_month_of(day);
    }
    size_t k = last >= from ? meeting_missing_months(from, last, held, n, out, 600) : 0;
    for (i = 0; i < k && i < 600; i++) {
        char buf[GM_MONTH_TEXT_SIZE];
        json_array_append_new(arr, json_string(meeting_month_format(out[i], buf)));
    }
    return arr;
}

int meetings_list(db *d, long long unit_id, int from_month, int to_month, int current_month,
                  json_t **out, gm_err *err)
{
    char a[GM_MONTH_TEXT_SIZE], b[GM_MONTH_TEXT_SIZE], first[16], last[16];
    json_t *arr;
    if (to_month < from_month || to_month - from_month > 120)
        return gm_fail(err, GM_E_INVALID, "to", "结束月份应不早于开始月份,且最多 10 年");
    snprintf(first, sizeof first, "%s-01", meeting_month_format(from_month, a));
    snprintf(last, sizeof last, "%s-31", meeting_month_format(to_month, b));
    int rc = db_rows_json(d, &arr, meeting_row, err,
                          MEETING_SQL "WHERE unit_id=? AND held_on>=? AND held_on<=? ORDER BY held_on DESC, id DESC",
                          "itt", unit_id, first, last);
    if (rc)
        return rc;
    /* the current month is judged only when it is over */
    int judged_to = to_month < current_month ? to_month : current_month - 1;
    *out = json_pack("{s:I,s:s,s:s,s:o,s:o}", "unit_id", (json_int_t)unit_id, "from", a, "to", b,
                     "missing_monthly", missing_months(arr, from_month, judged_to), "meetings", arr);
    return GM_OK;
}

static const char *mime_of(const char *name)
{
    const char *dot = strrchr(name, '.');
    static const char *const map[][2] = {{".pdf", "application/pdf"},
        {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {".doc", "application/msword"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
        {".png", "image/png"}, {".txt", "text/plain; charset=utf-8"}};
    for (size_t i = 0; dot && i < sizeof map / sizeof map[0]; i++)
        if (strcasecmp(dot, map[i][0]) == 0)
            return map[i][1];
    return "application/octet-stream";
}

static int attach_in_transaction(db *d, const gm_actor *who, long long id, const char *name,
                                 int fd, unsigned long long len, long long *att_id, gm_err *err)
{
    long long unit;
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = meetings_unit(d, id, &unit, err);
    if (!rc)
        rc = db_query_int(d, att_id, err,
                          "INSERT INTO meeting_attachments(meeting_id,name,mime,data,bytes,created_at) "
                          "VALUES(?,?,?,?,?,?) RETURNING id", "ittbit", id, name, mime_of(name), "",
                          (size_t)0, (long long)len, now);
    /* the bytes: room reserved, then filled from the file in pieces (130) */
    if (!rc)
        rc = db_exec(d, err, "INSERT INTO meeting_attachment_files(attachment_id,data) VALUES(?,?)",
                     "iz", *att_id, (long long)len);
    if (!rc)
        rc = db_blob_from_fd(d, "meeting_attachment_files", "data", *att_id, fd, len, err);
    return rc ? rc
              : audit_append_json(d, who, "meeting.attach", "meeting", id, NULL,
                                  json_pack("{s:s,s:I}", "name", name, "size", (json_int_t)len), err);
}

int meetings_attach(db *d, const gm_actor *who, long long id, const char *name, int fd,
                    unsigned long long len, long long *att_id, gm_err *err)
{
    int rc = text_require(name, "name", 1, 200, err);
    if (!rc && (strchr(name, '/') || strchr(name, '\\')))
        rc = gm_fail(err, GM_E_INVALID, "name", "附件名称不能含路径分隔符");
    if (!rc && (!len || fd < 0))
        rc = gm_fail(err, GM_E_INVALID, "file", "附件为空");
    if (!rc && len > GM_MEETING_ATTACHMENT_MAX)
        rc = gm_fail(err, GM_E_TOOLARGE, "file", "附件不能超过 10 MB");
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, attach_in_transaction(d, who, id, name, fd, len, att_id, err), err);
    return rc;
}

int meetings_attachment_to_fd(db *d, long long meeting_id, long long att_id, stored_file *out,
                              int fd, gm_err *err)
{
    return stored_file_to_fd(d, "SELECT name,mime FROM meeting_attachments WHERE id=? AND "
                                "meeting_id=?", "meeting_attachment_files", att_id, meeting_id,
                             out, fd, err);
}
