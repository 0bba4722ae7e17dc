/*
 * xlsx.c - a report table as an Excel workbook through libxlsxwriter
 * (see table.h): bold Chinese header row frozen at the top, column widths
 * from the widest cell (CJK characters count double), DATE and TIME cells
 * written as real dates so spreadsheets sort and filter them as dates.
 * libxlsxwriter 1.1.4 (Debian bookworm) writes files only, so the
 * in-memory form goes through a temporary file.
 */
#include "report/sheet.h"
#include "core/instant.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <utf8proc.h>
#include <xlsxwriter.h>

/* Display width of UTF-8 text in "narrow characters". */
static int display_width(const char *s)
{
    int w = 0;
    utf8proc_int32_t cp;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t n;
    while (*p && (n = utf8proc_iterate(p, -1, &cp)) > 0) {
        int cw = utf8proc_charwidth(cp);
        w += cw > 0 ? cw : 1;
        p += n;
    }
    return w;
}

static int write_cell(lxw_worksheet *ws, const gm_sheet *t, lxw_row_t r, lxw_col_t k, json_t *v,
                      lxw_format *date_fmt, lxw_format *time_fmt)
{
    char buf[4096];
    long long utc;
    if (!v || json_is_null(v))
        return LXW_NO_ERROR;
    gm_col_type type = t->cols[k].type;
    if (json_is_number(v))
        return worksheet_write_number(ws, r, k, json_number_value(v), NULL);
    const char *s = json_string_value(v);
    if ((type == COL_DATE || type == COL_TIME) && s && instant_parse(s, NULL, &utc, NULL) == 0) {
        /* DATE text is a Beijing date already; TIME is UTC, shown in Beijing time. */
        time_t local = (time_t)(utc + 8 * 3600);
        struct tm tm;
        gmtime_r(&local, &tm);
        lxw_datetime dt = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                           tm.tm_sec};
        return worksheet_write_datetime(ws, r, k, &dt, type == COL_DATE ? date_fmt : time_fmt);
    }
    return worksheet_write_string(ws, r, k, sheet_cell_text(t, k, v, buf, sizeof buf), NULL);
}

static void fit_widths(lxw_worksheet *ws, const gm_sheet *t)
{
    char buf[4096];
    size_t i;
    json_t *row;
    for (size_t k = 0; k < t->n_cols; k++) {
        int w = display_width(t->cols[k].header);
        if (t->cols[k].type == COL_DATE && w < 10) w = 10;
        if (t->cols[k].type == COL_TIME && w < 16) w = 16;
        json_array_foreach(t->rows, i, row) {
            int cw = display_width(sheet_cell_text(t, k, json_array_get(row, k), buf, sizeof buf));
            if (cw > w)
                w = cw;
        }
        worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, (w > 60 ? 60 : w) + 2, NULL);
    }
}

int sheet_to_xlsx_file(const gm_sheet *t, const char *path, gm_err *err)
{
    lxw_workbook *wb = workbook_new(path);
    if (!wb)
        return gm_fail(err, GM_E_IO, "out", "无法创建文件 %s", path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, t->title);
    lxw_format *head = workbook_add_format(wb), *date_fmt = workbook_add_format(wb),
               *time_fmt = workbook_add_format(wb);
    format_set_bold(head);
    format_set_bg_color(head, 0xDDEBF7);
    format_set_num_format(date_fmt, "yyyy-mm-dd");
    format_set_num_format(time_fmt, "yyyy-mm-dd hh:mm");
    int bad = 0;
    for (size_t k = 0; k < t->n_cols; k++)
        bad |= worksheet_write_string(ws, 0, (lxw_col_t)k, t->cols[k].header, head);
    size_t i;
    json_t *row;
    json_array_foreach(t->rows, i, row)
        for (size_t k = 0; k < t->n_cols && !bad; k++)
            bad |= write_cell(ws, t, (lxw_row_t)(i + 1), (lxw_col_t)k, json_array_get(row, k),
                              date_fmt, time_fmt);
    worksheet_freeze_panes(ws, 1, 0);
    fit_widths(ws, t);
    lxw_error e = workbook_close(wb);
    if (bad || e)
        return gm_fail(err, GM_E_IO, "out", "写入 xlsx 失败:%s", lxw_strerror(e ? e : LXW_ERROR_MEMORY_MALLOC_FAILED));
    return GM_OK;
}

int sheet_to_xlsx(const gm_sheet *t, char **out, size_t *len, gm_err *err)
{
    char path[] = "/tmp/govmedia-report-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return gm_fail(err, GM_E_IO, NULL, "无法创建临时文件");
    close(fd);
    int rc = sheet_to_xlsx_file(t, path, err);
    FILE *f = rc ? NULL : fopen(path, "rb");
    if (!rc && !f)
        rc = gm_fail(err, GM_E_IO, NULL, "无法读取临时文件");
    if (f) {
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        *out = n >= 0 ? malloc((size_t)n + 1) : NULL;
        if (!*out || fread(*out, 1, (size_t)n, f) != (size_t)n) {
            free(*out);
            *out = NULL;
            rc = gm_fail(err, GM_E_IO, NULL, "读取 xlsx 失败");
        } else {
            *len = (size_t)n;
        }
        fclose(f);
    }
    unlink(path);
    return rc;
}
