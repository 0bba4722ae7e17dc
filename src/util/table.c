/*
 * table.c - the table container and the CSV reader with its encoding
 * detection (see table.h).
 */
#include "util/table.h"
#include "util/text.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int nomem(gm_err *err) { return gm_fail(err, GM_E_NOMEM, NULL, "内存不足"); }

void table_free(gm_table *t)
{
    for (size_t i = 0; i < t->n_rows; i++) {
        for (size_t j = 0; j < t->rows[i].n; j++)
            free(t->rows[i].cells[j]);
        free(t->rows[i].cells);
        free(t->rows[i].is_number);
    }
    free(t->rows);
    memset(t, 0, sizeof *t);
}

int table_add_row(gm_table *t, long line, gm_err *err)
{
    if (t->n_rows >= GM_TABLE_MAX_ROWS)
        return gm_fail(err, GM_E_TOOLARGE, "file", "文件超过 %d 行,请分批导入", GM_TABLE_MAX_ROWS);
    gm_table_row *r = realloc(t->rows, (t->n_rows + 1) * sizeof *r);
    if (!r)
        return nomem(err);
    t->rows = r;
    memset(&r[t->n_rows], 0, sizeof *r);
    r[t->n_rows++].line = line;
    return GM_OK;
}

int table_add_cell(gm_table *t, const char *s, size_t len, int is_number, gm_err *err)
{
    gm_table_row *r = &t->rows[t->n_rows - 1];
    if (r->n >= GM_TABLE_MAX_COLS)
        return gm_fail(err, GM_E_INVALID, "file", "第 %ld 行超过 %d 列", r->line, GM_TABLE_MAX_COLS);
    char **cells = realloc(r->cells, (r->n + 1) * sizeof *cells);
    if (cells)
        r->cells = cells;
    unsigned char *num = realloc(r->is_number, r->n + 1);
    if (num)
        r->is_number = num;
    char *copy = malloc(len + 1);
    if (!cells || !num || !copy) {
        free(copy);
        return nomem(err);
    }
    memcpy(copy, s, len);
    copy[len] = '\0';
    r->cells[r->n] = copy;
    r->is_number[r->n++] = (unsigned char)is_number;
    return GM_OK;
}

/* Line number (1-based) of byte offset off. */
static long line_of(const char *data, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        line += data[i] == '\n';
    return line;
}

/* GB18030 (a superset of GBK) -> UTF-8; refuses naming the line of the
 * first byte sequence that is not GB18030 either. */
static int convert_gb18030(const char *data, size_t len, char **out, size_t *out_len, gm_err *err)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1)
        return gm_fail(err, GM_E_INTERNAL, NULL, "系统不支持 GB18030 编码转换");
    size_t cap = len * 2 + 16, in_left = len, out_left = cap;
    char *buf = malloc(cap), *in = (char *)data, *w = buf;
    if (!buf) {
        iconv_close(cd);
        return nomem(err);
    }
    size_t r = iconv(cd, &in, &in_left, &w, &out_left);
    iconv_close(cd);
    if (r == (size_t)-1) {
        /* Mostly UTF-8 with a bad line fails GB18030 early; mostly GBK with a
         * bad line fails UTF-8 early: the later of the two is the culprit. */
        long line = line_of(data, (size_t)(in - data));
        long utf8_line = line_of(data, (size_t)text_first_invalid_utf8(data, len));
        if (utf8_line > line)
            line = utf8_line;
        free(buf);
        return gm_fail(err, GM_E_INVALID, "file",
                       "文件编码无法识别:第 %ld 行既不是 UTF-8 也不是 GBK/GB18030,请另存为 UTF-8 后再导入",
                       line);
    }
    *out = buf;
    *out_len = cap - out_left;
    return GM_OK;
}

/* Parses UTF-8 CSV text. */
static int parse_csv(const char *s, size_t len, gm_table *t, gm_err *err)
{
    size_t i = 0;
    long line = 1;
    char *field = malloc(len + 1);
    if (!field)
        return nomem(err);
    int rc = GM_OK;
    while (!rc && i < len) {
        long row_line = line;
        rc = table_add_row(t, row_line, err);
        for (int end_of_row = 0; !rc && !end_of_row;) {
            size_t n = 0;
            if (i < len && s[i] == '"') {
                for (i++;; i++) {
                    if (i >= len) {
                        rc = gm_fail(err, GM_E_INVALID, "file", "第 %ld 行:引号没有闭合", row_line);
                        break;
                    }
                    if (s[i] == '"' && i + 1 < len && s[i + 1] == '"')
                        field[n++] = s[i++];
                    else if (s[i] == '"') {
                        i++;
                        break;
                    } else {
                        line += s[i] == '\n';
                        field[n++] = s[i];
                    }
                }
                if (!rc && i < len && s[i] != ',' && s[i] != '\n' && s[i] != '\r')
                    rc = gm_fail(err, GM_E_INVALID, "file", "第 %ld 行:引号后多出字符", row_line);
            } else {
                while (i < len && s[i] != ',' && s[i] != '\n' && s[i] != '\r')
                    field[n++] = s[i++];
            }
            if (!rc)
                rc = table_add_cell(t, field, n, 0, err);
            if (rc || i >= len)
                break;
            if (s[i] == ',') {
                i++;
                continue;
            }
            if (s[i] == '\r')
                i++;
            if (i < len && s[i] == '\n')
                i++;
            line++;
            end_of_row = 1;
        }
    }
    free(field);
    return rc;
}

int table_read_csv(const char *data, size_t len, gm_table *t, gm_err *err)
{
    memset(t, 0, sizeof *t);
    char *converted = NULL;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    snprintf(t->encoding, sizeof t->encoding, "utf-8");
    if (text_first_invalid_utf8(data, len) >= 0) {
        int rc = convert_gb18030(data, len, &converted, &len, err);
        if (rc)
            return rc;
        data = converted;
        snprintf(t->encoding, sizeof t->encoding, "gb18030");
    }
    const char *nul = memchr(data, '\0', len);
    int rc = nul ? gm_fail(err, GM_E_INVALID, "file", "第 %ld 行含有空字符(NUL),不是文本文件",
                           line_of(data, (size_t)(nul - data)))
                 : parse_csv(data, len, t, err);
    free(converted);
    if (rc)
        table_free(t);
    return rc;
}

int table_read(const char *data, size_t len, gm_table *t, gm_err *err)
{
    if (len >= 4 && memcmp(data, "PK\3\4", 4) == 0)
        return table_read_xlsx(data, len, t, err);
    return table_read_csv(data, len, t, err);
}
