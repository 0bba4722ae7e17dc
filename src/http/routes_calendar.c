/*
 * routes_calendar.c - the working calendar over HTTP: which years are
 * loaded, the year file in force for a year, and loading a year file (raw
 * text body) as an admin.
 */
#include "http/route.h"
#include "http/server.h"
#include "store/calendars.h"

#include <stdlib.h>

static int h_calendar_list(gm_request *r, gm_err *err)
{
    json_t *arr;
    int rc = calendars_list(r->db, r->srv->cfg.data_dir, &arr, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:o}", "years", arr));
}

static int h_calendar_year(gm_request *r, gm_err *err)
{
    char *text;
    const char *source;
    int rc = calendars_year_text(r->db, r->srv->cfg.data_dir, (int)r->ids[0], &text, &source, err);
    if (rc)
        return rc;
    json_t *j = json_pack("{s:i,s:s,s:s}", "year", (int)r->ids[0], "source", source, "text", text);
    free(text);
    return reply_json(r, 200, j);
}

static int h_calendar_load(gm_request *r, gm_err *err)
{
    int year;
    int rc = request_require_system(r, PERM_CALENDAR_ADMIN, err);   /* one calendar for all */
    if (rc)
        return rc;
    if (r->ids[0] < 2000 || r->ids[0] > 2100)
        return gm_fail(err, GM_E_INVALID, "year", "年份应在 2000 到 2100 之间");
    rc = calendars_store_year(r->db, &r->actor, (int)r->ids[0], r->body ? r->body : "",
                                  r->body_len, &year, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:i,s:s}", "year", year, "source", "store"));
}

const gm_route gm_routes_calendar[] = {
    {"GET", "/api/v1/calendar", PERM_LOGGED_IN, h_calendar_list, 0, "已加载的工作日历年份"},
    {"GET", "/api/v1/calendar/{id}", PERM_LOGGED_IN, h_calendar_year, 0, "某年生效的年历文件"},
    {"POST", "/api/v1/calendar/{id}", PERM_CALENDAR_ADMIN, h_calendar_load, 256 * 1024,
     "加载某年的节假日与调休安排(纯文本年历文件)"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
