/*
 * table_xlsx.c - the first worksheet of an xlsx workbook as a table (see
 * table.h).
 *
 * An xlsx file is a zip archive of XML parts (ECMA-376).  Debian has no
 * maintained xlsx *reader* for C (libxlsxwriter only writes), so the parts
 * are read with libzip (the archive) and expat (a streaming XML parser):
 * xl/workbook.xml names the first sheet, xl/_rels/workbook.xml.rels gives
 * its part, xl/sharedStrings.xml holds the text of "s" cells.  No XML is
 * parsed by hand.  Parts are capped in size so a zip bomb is refused.
 */
#include "util/table.h"

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define PART_MAX (64u * 1024 * 1024)

static int nomem(gm_err *err) { return gm_fail(err, GM_E_NOMEM, NULL, "内存不足"); }

static int bad_file(gm_err *err, const char *what)
{
    return gm_fail(err, GM_E_INVALID, "file", "不是有效的 xlsx 文件:%s", what);
}

/* Reads one part of the archive; GM_E_NOTFOUND when absent. */
static int read_part(zip_t *z, const char *name, char **out, size_t *len, gm_err *err)
{
    zip_stat_t st;
    if (zip_stat(z, name, 0, &st) != 0)
        return GM_E_NOTFOUND;
    if (!(st.valid & ZIP_STAT_SIZE) || st.size > PART_MAX)
        return bad_file(err, "工作表过大");
    zip_file_t *f = zip_fopen(z, name, 0);
    if (!f)
        return bad_file(err, "无法解压");
    char *buf = malloc(st.size + 1);
    zip_int64_t got = buf ? zip_fread(f, buf, st.size) : -1;
    zip_fclose(f);
    if (!buf)
        return nomem(err);
    if (got < 0 || (zip_uint64_t)got != st.size) {
        free(buf);
        return bad_file(err, "解压失败");
    }
    buf[st.size] = '\0';
    *out = buf;
    *len = st.size;
    return GM_OK;
}

/* ---- a growing text buffer for character data ---- */

typedef struct sbuf {
    char *s;
    size_t n, cap;
    int oom;
} sbuf;

static void sbuf_add(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->n + n + 1) * 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static const char *attr(const XML_Char **atts, const char *name)
{
    for (int i = 0; atts[i]; i += 2)
        if (strcmp(atts[i], name) == 0)
            return atts[i + 1];
    return NULL;
}

/* Local name of a possibly prefixed element ("x:row" -> "row"). */
static const char *local(const char *name)
{
    const char *c = strrchr(name, ':');
    return c ? c + 1 : name;
}

static int parse_xml(const char *xml, size_t len, void *ud, XML_StartElementHandler start,
                     XML_EndElementHandler end, XML_CharacterDataHandler text, gm_err *err)
{
    XML_Parser p = XML_ParserCreate("UTF-8");
    if (!p)
        return nomem(err);
    XML_SetUserData(p, ud);
    XML_SetElementHandler(p, start, end);
    if (text)
        XML_SetCharacterDataHandler(p, text);
    int ok = XML_Parse(p, xml, (int)len, 1) == XML_STATUS_OK;
    XML_ParserFree(p);
    return ok ? GM_OK : bad_file(err, "XML 格式错误");
}

/* ---- workbook: which part is the first sheet ---- */

typedef struct wb_state {
    char rid[64];
    char target[256];
    int found;
} wb_state;

static void wb_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    wb_state *s = ud;
    const char *id = attr(atts, "r:id");
    if (!s->rid[0] && strcmp(local(name), "sheet") == 0 && id)
        snprintf(s->rid, sizeof s->rid, "%s", id);
}

static void rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    wb_state *s = ud;
    const char *id = attr(atts, "Id"), *target = attr(atts, "Target");
    if (!s->found && strcmp(local(name), "Relationship") == 0 && id && target &&
        strcmp(id, s->rid) == 0) {
        if (target[0] == '/')
            snprintf(s->target, sizeof s->target, "%s", target + 1);
        else
            snprintf(s->target, sizeof s->target, "xl/%s", target);
        s->found = 1;
    }
}

static void no_end(void *ud, const XML_Char *name) { (void)ud; (void)name; }

static int first_sheet_part(zip_t *z, char *out, size_t cap, gm_err *err)
{
    wb_state s = {{0}, {0}, 0};
    char *xml;
    size_t len;
    snprintf(out, cap, "xl/worksheets/sheet1.xml");
    int rc = read_part(z, "xl/workbook.xml", &xml, &len, err);
    if (rc == GM_E_NOTFOUND)
        return GM_OK;
    if (rc)
        return rc;
    rc = parse_xml(xml, len, &s, wb_start, no_end, NULL, err);
    free(xml);
    if (rc || !s.rid[0])
        return rc;
    rc = read_part(z, "xl/_rels/workbook.xml.rels", &xml, &len, err);
    if (rc == GM_E_NOTFOUND)
        return GM_OK;
    if (rc)
        return rc;
    rc = parse_xml(xml, len, &s, rels_start, no_end, NULL, err);
    free(xml);
    if (!rc && s.found)
        snprintf(out, cap, "%s", s.target);
    return rc;
}

/* ---- shared strings ---- */

typedef struct sst_state {
    char **items;
    size_t n, cap;
    sbuf cur;
    int in_si, in_t, in_rph, oom;
} sst_state;

static void sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    (void)atts;
    sst_state *s = ud;
    const char *l = local(name);
    if (strcmp(l, "si") == 0) {
        s->in_si = 1;
        s->cur.n = 0;
        sbuf_add(&s->cur, "", 0);
    } else if (strcmp(l, "rPh") == 0) {
        s->in_rph = 1;   /* phonetic hints are not part of the text */
    } else if (strcmp(l, "t") == 0 && s->in_si && !s->in_rph) {
        s->in_t = 1;
    }
}

static void sst_end(void *ud, const XML_Char *name)
{
    sst_state *s = ud;
    const char *l = local(name);
    if (strcmp(l, "t") == 0) {
        s->in_t = 0;
    } else if (strcmp(l, "rPh") == 0) {
        s->in_rph = 0;
    } else if (strcmp(l, "si") == 0 && s->in_si) {
        s->in_si = 0;
        if (s->n == s->cap) {
            size_t cap = s->cap ? s->cap * 2 : 64;
            char **p = realloc(s->items, cap * sizeof *p);
            if (!p) {
                s->oom = 1;
                return;
            }
            s->items = p;
            s->cap = cap;
        }
        s->items[s->n] = strdup(s->cur.s ? s->cur.s : "");
        s->oom |= !s->items[s->n++];
    }
}

static void sst_text(void *ud, const XML_Char *t, int len)
{
    sst_state *s = ud;
    if (s->in_t)
        sbuf_add(&s->cur, t, (size_t)len);
}

static void sst_free(sst_state *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->items[i]);
    free(s->items);
    free(s->cur.s);
}

/* ---- the sheet ---- */

typedef struct sheet_state {
    gm_table *t;
    const sst_state *sst;
    sbuf v;
    char type[16];
    long col, next_col;
    int in_v, in_cell, in_is_t;
    int rc;
    gm_err *err;
} sheet_state;

static long column_of(const char *ref)
{
    long col = 0;
    for (; ref && *ref >= 'A' && *ref <= 'Z'; ref++)
        col = col * 26 + (*ref - 'A' + 1);
    return col - 1;
}

static void sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    sheet_state *s = ud;
    const char *l = local(name);
    if (s->rc)
        return;
    if (strcmp(l, "row") == 0) {
        const char *r = attr(atts, "r");
        s->rc = table_add_row(s->t, r ? atol(r) : (long)s->t->n_rows + 1, s->err);
        s->next_col = 0;
    } else if (strcmp(l, "c") == 0 && s->t->n_rows) {
        const char *t = attr(atts, "t"), *r = attr(atts, "r");
        snprintf(s->type, sizeof s->type, "%s", t ? t : "n");
        s->col = r ? column_of(r) : s->next_col;
        s->in_cell = 1;
        s->v.n = 0;
        sbuf_add(&s->v, "", 0);
    } else if (s->in_cell && strcmp(l, "v") == 0) {
        s->in_v = 1;
    } else if (s->in_cell && strcmp(l, "t") == 0) {
        s->in_is_t = 1;
    }
}

static const char *cell_text(sheet_state *s, int *is_number)
{
    *is_number = 0;
    if (strcmp(s->type, "s") == 0) {
        long i = atol(s->v.s ? s->v.s : "");
        return i >= 0 && (size_t)i < s->sst->n ? s->sst->items[i] : "";
    }
    *is_number = strcmp(s->type, "n") == 0 && s->v.n > 0;
    return s->v.s ? s->v.s : "";
}

static void sheet_end(void *ud, const XML_Char *name)
{
    sheet_state *s = ud;
    const char *l = local(name);
    if (s->rc)
        return;
    if (strcmp(l, "v") == 0) {
        s->in_v = 0;
    } else if (strcmp(l, "t") == 0) {
        s->in_is_t = 0;
    } else if (strcmp(l, "c") == 0 && s->in_cell) {
        s->in_cell = 0;
        if (s->col < s->next_col || s->col >= GM_TABLE_MAX_COLS) {
            s->rc = bad_file(s->err, "单元格位置错误或列数过多");
            return;
        }
        while (!s->rc && s->next_col < s->col) {   /* empty cells are not written */
            s->rc = table_add_cell(s->t, "", 0, 0, s->err);
            s->next_col++;
        }
        int num;
        const char *text = cell_text(s, &num);
        if (!s->rc)
            s->rc = table_add_cell(s->t, text, strlen(text), num, s->err);
        s->next_col = s->col + 1;
    }
}

static void sheet_text(void *ud, const XML_Char *t, int len)
{
    sheet_state *s = ud;
    if (s->in_v || s->in_is_t)
        sbuf_add(&s->v, t, (size_t)len);
}

static int read_sheet(zip_t *z, gm_table *t, gm_err *err)
{
    char part[300], *xml = NULL;
    size_t len;
    sst_state sst;
    memset(&sst, 0, sizeof sst);
    int rc = first_sheet_part(z, part, sizeof part, err);
    if (!rc) {
        rc = read_part(z, "xl/sharedStrings.xml", &xml, &len, err);
        if (rc == GM_OK) {
            rc = parse_xml(xml, len, &sst, sst_start, sst_end, sst_text, err);
            free(xml);
            if (!rc && (sst.oom || sst.cur.oom))
                rc = nomem(err);
        } else if (rc == GM_E_NOTFOUND) {
            rc = GM_OK;
        }
    }
    if (!rc && (rc = read_part(z, part, &xml, &len, err)) == GM_E_NOTFOUND)
        rc = bad_file(err, "找不到工作表");
    if (!rc) {
        sheet_state s;
        memset(&s, 0, sizeof s);
        s.t = t;
        s.sst = &sst;
        s.err = err;
        rc = parse_xml(xml, len, &s, sheet_start, sheet_end, sheet_text, err);
        if (!rc)
            rc = s.rc ? s.rc : s.v.oom ? nomem(err) : GM_OK;
        free(s.v.s);
        free(xml);
    }
    sst_free(&sst);
    return rc;
}

int table_read_xlsx(const char *data, size_t len, gm_table *t, gm_err *err)
{
    memset(t, 0, sizeof *t);
    snprintf(t->encoding, sizeof t->encoding, "xlsx");
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    zip_error_fini(&ze);
    if (!z) {
        if (src)
            zip_source_free(src);
        return bad_file(err, "无法打开压缩包");
    }
    int rc = read_sheet(z, t, err);
    zip_discard(z);
    if (rc)
        table_free(t);
    return rc;
}
