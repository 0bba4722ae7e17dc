/*
 * publication_import.c - importing outside publications from CSV (see .h).
 *
 * The whole file is checked and written in one transaction: a bad row
 * fails the import with its line number and the rollback leaves nothing.
 */
#include "store/publication_import.h"
#include "core/instant.h"
#include "store/audit.h"
#include "store/publications.h"
#include "util/clock.h"
#include "util/table.h"
#include "util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The four columns every file has, then the platform's figures, optional
 * and in this order (a file may stop after any of them). */
static const char *const header[] = {"published_at", "title", "url", "kind", "reads", "likes",
                                     "comments"};
#define REQUIRED_COLUMNS 4
#define ALL_COLUMNS 7

static int line_fail(gm_err *err, long line, const char *what, const char *detail)
{
    int rc = gm_fail(err, GM_E_INVALID, NULL, "第 %ld 行:%s%s", line, what, detail ? detail : "");
    snprintf(err->field, sizeof err->field, "line %ld", line);
    return rc;
}

static int check_header(const gm_table_row *h, gm_err *err)
{
    int ok = h->n >= REQUIRED_COLUMNS && h->n <= ALL_COLUMNS;
    for (size_t k = 0; ok && k < h->n; k++)
        ok = strcmp(h->cells[k], header[k]) == 0;
    return ok ? GM_OK
              : line_fail(err, h->line,
                          "表头应为 published_at,title,url,kind,可在其后依次加 reads,likes,comments"
                          "(阅读、点赞、评论数)", NULL);
}

/* A figure cell: blank = not known; else a whole number, 0 or more. */
static int parse_count(const gm_table_row *r, size_t k, long long *out, gm_err *err)
{
    const char *s = k < r->n ? r->cells[k] : "";
    char *end;
    *out = GM_COUNT_UNKNOWN;
    if (!*s)
        return GM_OK;
    long long v = strtoll(s, &end, 10);
    if (*end || v < 0 || v > 1000000000000LL || !(*s >= '0' && *s <= '9'))
        return line_fail(err, r->line, header[k], " 应为不小于 0 的整数(不知道可留空)");
    *out = v;
    return GM_OK;
}

static int parse_kind(const char *s, const char **kind)
{
    if (strcmp(s, "原创") == 0 || strcmp(s, "original") == 0) *kind = "original";
    else if (strcmp(s, "转载") == 0 || strcmp(s, "repost") == 0) *kind = "repost";
    else return -1;
    return 0;
}

/* Validates one data row into p (strings point into the reader). */
static int parse_row(const gm_table_row *r, size_t columns, gm_publication *p,
                     char when[GM_ISO_LEN], gm_err *err)
{
    long long utc;
    gm_err why;
    if (r->n != columns) {
        char want[48];
        snprintf(want, sizeof want, "应有 %zu 列,与表头相同", columns);
        return line_fail(err, r->line, want, NULL);
    }
    /* an xlsx export holds the time as a serial number (China time) */
    int bad = r->is_number[0] ? instant_from_excel_serial(atof(r->cells[0]), &utc, &why)
                              : instant_parse(r->cells[0], "published_at", &utc, &why);
    if (bad)
        return line_fail(err, r->line, "published_at ", why.message);
    clock_iso_format((time_t)utc, when);
    if (text_require(r->cells[1], "title", 1, 500, &why))
        return line_fail(err, r->line, "title ", why.message);
    const char *url = r->cells[2];
    if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
        return line_fail(err, r->line, "链接应为 http:// 或 https:// 开头的地址", NULL);
    if (text_require(url, "url", 8, 2000, &why))
        return line_fail(err, r->line, "url ", why.message);
    if (parse_kind(r->cells[3], &p->kind))
        return line_fail(err, r->line, "类型应为“原创”或“转载”", NULL);
    p->published_at = when;
    p->title = r->cells[1];
    p->url = url;
    int rc = parse_count(r, 4, &p->reads, err);
    if (!rc)
        rc = parse_count(r, 5, &p->likes, err);
    if (!rc)
        rc = parse_count(r, 6, &p->comments, err);
    if (rc)
        return rc;
    if (publication_validate(p, &why))
        return line_fail(err, r->line, "", why.message);
    return GM_OK;
}

/* A url the account already has: its figures, when the row gives any, are
 * the platform's newer counts (a weekly export re-imported). */
static int update_figures(db *d, long long account_id, const gm_publication *p, int *updated,
                          gm_err *err)
{
    *updated = 0;
    if (p->reads == GM_COUNT_UNKNOWN && p->likes == GM_COUNT_UNKNOWN &&
        p->comments == GM_COUNT_UNKNOWN)
        return GM_OK;
    int rc = db_exec(d, err,
                     "UPDATE publications SET reads=CASE WHEN ?<0 THEN reads ELSE ? END,"
                     "likes=CASE WHEN ?<0 THEN likes ELSE ? END,"
                     "comments=CASE WHEN ?<0 THEN comments ELSE ? END WHERE account_id=? AND url=?",
                     "iiiiiiit", p->reads, p->reads, p->likes, p->likes, p->comments, p->comments,
                     account_id, p->url);
    *updated = !rc && db_changes(d) > 0;
    return rc;
}

static int url_known(db *d, long long account_id, const char *url, int *known, gm_err *err)
{
    long long n = 0;
    int rc = db_query_int(d, &n, err, "SELECT COUNT(*) FROM publications WHERE account_id=? AND url=?",
                          "it", account_id, url);
    *known = n > 0;
    return rc;
}

static int blank(const gm_table_row *r)
{
    for (size_t k = 0; k < r->n; k++)
        if (r->cells[k][0])
            return 0;
    return 1;
}

static json_t *count_json(long long n) { return n == GM_COUNT_UNKNOWN ? json_null() : json_integer(n); }

/* What became of one row, for the person who imported the file. */
static void note_row(publication_import_result *res, long line, const gm_publication *p,
                     const char *outcome)
{
    json_array_append_new(res->rows,
                          json_pack("{s:I,s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:s}", "line", (json_int_t)line,
                                    "published_at", p->published_at, "title", p->title, "url", p->url,
                                    "kind", p->kind, "reads", count_json(p->reads), "likes",
                                    count_json(p->likes), "comments", count_json(p->comments),
                                    "outcome", outcome));
}

static int import_rows(db *d, const gm_actor *who, long long account_id, const gm_table *t,
                       publication_import_result *res, gm_err *err)
{
    if (t->n_rows == 0)
        return gm_fail(err, GM_E_INVALID, "file", "文件为空:第一行应为 published_at,title,url,kind");
    int rc = check_header(&t->rows[0], err);
    for (size_t i = 1; !rc && i < t->n_rows; i++) {
        const gm_table_row *r = &t->rows[i];
        if (blank(r))
            continue;
        gm_publication p = {.account_id = account_id, .origin = "import", .reads = GM_COUNT_UNKNOWN,
                            .likes = GM_COUNT_UNKNOWN, .comments = GM_COUNT_UNKNOWN,
                            .created_by = who->user_id};
        char when[GM_ISO_LEN];
        int known = 0;
        rc = parse_row(r, t->rows[0].n, &p, when, err);
        if (!rc)
            rc = url_known(d, account_id, p.url, &known, err);
        int updated = 0;
        if (!rc && known && !(rc = update_figures(d, account_id, &p, &updated, err))) {
            res->updated += updated;
            res->skipped += !updated;
            note_row(res, r->line, &p, updated ? "updated" : "skipped");
        }
        else if (!rc && !known && !(rc = publications_insert(d, &p, NULL, err))) {
            res->imported++;
            note_row(res, r->line, &p, "imported");
        }
    }
    return rc;
}

int publications_import_csv(db *d, const gm_actor *who, long long account_id, const char *csv,
                            size_t len, publication_import_result *res, gm_err *err)
{
    long long exists = 0;
    gm_table t;
    memset(res, 0, sizeof *res);
    if (memchr(csv, '\0', len) && !(len > 4 && memcmp(csv, "PK\3\4", 4) == 0))
        return gm_fail(err, GM_E_INVALID, "file", "文件含有 NUL 字节,不是文本 CSV");
    int rc = db_query_int(d, &exists, err, "SELECT COUNT(*) FROM accounts WHERE id=?", "i", account_id);
    if (!rc && !exists)
        rc = gm_fail(err, GM_E_NOTFOUND, "account", "账号 %lld 不存在", account_id);
    if (rc || (rc = table_read(csv, len, &t, err)))
        return rc;
    res->rows = json_array();
    rc = db_begin(d, err);
    if (!rc)
        rc = import_rows(d, who, account_id, &t, res, err);
    if (!rc)
        rc = audit_append_json(d, who, "publication.import", "account", account_id, NULL,
                               json_pack("{s:I,s:I,s:I,s:s}", "imported", (json_int_t)res->imported,
                                         "updated", (json_int_t)res->updated, "skipped",
                                         (json_int_t)res->skipped, "encoding", t.encoding),
                               err);
    table_free(&t);
    rc = db_end(d, rc, err);
    if (rc) {
        json_decref(res->rows);
        memset(res, 0, sizeof *res);
    }
    return rc;
}
