/*
 * duty_export.c - the duty roster as an xlsx workbook, written with
 * libxlsxwriter.  libxlsxwriter 1.1.4 (Debian bookworm) writes only to a
 * file, so the workbook goes to a private temporary file that is read back
 * and removed.  Cells are written as strings (worksheet_write_string), so
 * a name that looks like a formula stays text.
 */
#include "store/duty.h"
#include "util/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

static void write_header(lxw_worksheet *ws, lxw_format *bold, const char *title)
{
    static const char *const head[] = {"日期", "星期", "值班人员", "带班领导", "联系电话", "缺口或备注"};
    worksheet_merge_range(ws, 0, 0, 0, 5, title, bold);
    for (lxw_col_t c = 0; c < 6; c++)
        worksheet_write_string(ws, 1, c, head[c], bold);
    worksheet_set_column(ws, 0, 0, 12, NULL);
    worksheet_set_column(ws, 2, 4, 18, NULL);
    worksheet_set_column(ws, 5, 5, 14, NULL);
}

/* People of a day, leaders or not, joined with "、". */
static void join_people(json_t *shifts, int leaders, char *out, size_t cap, char *phones, size_t pcap)
{
    size_t i, n = 0, pn = 0;
    json_t *s;
    out[0] = phones[0] = '\0';
    json_array_foreach(shifts, i, s) {
        if (json_is_true(json_object_get(s, "leader")) != leaders)
            continue;
        n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, "%s%s", n ? "、" : "",
                              json_string_value(json_object_get(s, "person")));
        const char *ph = json_string_value(json_object_get(s, "phone"));
        if (ph && *ph)
            pn += (size_t)snprintf(phones + pn, pn < pcap ? pcap - pn : 0, "%s%s", pn ? " " : "", ph);
    }
}

static void write_days(lxw_worksheet *ws, json_t *days, lxw_format *warn)
{
    size_t i;
    json_t *e;
    json_array_foreach(days, i, e) {
        lxw_row_t row = (lxw_row_t)(i + 2);
        json_t *shifts = json_object_get(e, "shifts");
        char people[1024], leaders[512], p1[256], p2[256], phones[520];
        join_people(shifts, 0, people, sizeof people, p1, sizeof p1);
        join_people(shifts, 1, leaders, sizeof leaders, p2, sizeof p2);
        snprintf(phones, sizeof phones, "%s%s%s", p2, *p1 && *p2 ? " " : "", p1);
        const char *gap = json_string_value(json_object_get(e, "gap_label"));
        if (json_is_true(json_object_get(e, "working_day")))
            gap = DUTY_WORKING_DAY_LABEL;
        const char *holiday = json_string_value(json_object_get(e, "holiday"));
        char weekday[128];   /* 星期四 国庆节: the holiday named beside its weekday */
        snprintf(weekday, sizeof weekday, "%s%s%s", json_string_value(json_object_get(e, "weekday")),
                 holiday ? " " : "", holiday ? holiday : "");
        worksheet_write_string(ws, row, 0, json_string_value(json_object_get(e, "date")), NULL);
        worksheet_write_string(ws, row, 1, weekday, NULL);
        worksheet_write_string(ws, row, 2, people, NULL);
        worksheet_write_string(ws, row, 3, leaders, NULL);
        worksheet_write_string(ws, row, 4, phones, NULL);
        worksheet_write_string(ws, row, 5, gap ? gap : "", gap ? warn : NULL);
    }
}

static int write_workbook(const char *path, json_t *roster, gm_err *err)
{
    lxw_workbook *wb = workbook_new(path);
    if (!wb)
        return gm_fail(err, GM_E_IO, NULL, "无法创建 xlsx 文件");
    lxw_worksheet *ws = workbook_add_worksheet(wb, "值班表");
    lxw_format *bold = workbook_add_format(wb), *warn = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_font_color(warn, LXW_COLOR_RED);
    char title[600];
    snprintf(title, sizeof title, "%s 节假日值班表(%s 至 %s)",
             json_string_value(json_object_get(roster, "unit_name")),
             json_string_value(json_object_get(roster, "from")),
             json_string_value(json_object_get(roster, "to")));
    write_header(ws, bold, title);
    write_days(ws, json_object_get(roster, "days"), warn);
    lxw_error e = workbook_close(wb);
    return e == LXW_NO_ERROR ? GM_OK
                             : gm_fail(err, GM_E_IO, NULL, "写入 xlsx 失败:%s", lxw_strerror(e));
}

int duty_roster_xlsx(db *d, const gm_calendar *cal, long long unit_id, gm_date from, gm_date to,
                     char **data, size_t *len, gm_err *err)
{
    json_t *roster;
    int rc = duty_roster(d, cal, unit_id, from, to, &roster, err);
    if (rc)
        return rc;
    const char *tmp = getenv("TMPDIR");
    char path[512];
    snprintf(path, sizeof path, "%s/govmedia-duty-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        json_decref(roster);
        return gm_fail(err, GM_E_IO, NULL, "无法创建临时文件");
    }
    close(fd);
    rc = write_workbook(path, roster, err);
    json_decref(roster);
    if (!rc)
        rc = gm_read_file(path, 64u * 1024 * 1024, data, len, "file", err);
    unlink(path);
    return rc;
}
