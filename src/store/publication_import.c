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
#include "util/csv_read.h"
#include "util/text.h"

#include <stdio.h>
#include <string.h>

static const char *const header[] = {"published_at", "title", "url", "kind"};

static int line_fail(gm_err *err, long line, const char *what, const char *detail)
{
    int rc = gm_fail(err, GM_E_INVALID, NULL, "第 %ld 行:%s%s", line, what, detail ? detail : "");
    snprintf(err->field, sizeof err->field, "line %ld", line);
    return rc;
}

static int check_header(gm_csv_reader *r, gm_err *err)
{
    int got = csv_reader_next(r);
    if (got != 1)
        return gm_fail(err, GM_E_INVALID, "file", "文件为空或不是 CSV:第一行应为 published_at,title,url,kind");
    for (size_t k = 0; k < 4; k++)
        if (r->n_fields != 4 || strcmp(r->fields[k], header[k]) != 0)
            return line_fail(err, r->line, "表头应为 published_at,title,url,kind", NULL);
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
static int parse_row(gm_csv_reader *r, gm_publication *p, char when[GM_ISO_LEN], gm_err *err)
{
    long long utc;
    gm_err why;
    if (r->n_fields != 4)
        return line_fail(err, r->line, "应有 4 列(published_at,title,url,kind)", NULL);
    if (instant_parse(r->fields[0], "published_at", &utc, &why))
        return line_fail(err, r->line, "published_at ", why.message);
    clock_iso_format((time_t)utc, when);
    if (text_require(r->fields[1], "title", 1, 500, &why))
        return line_fail(err, r->line, "title ", why.message);
    const char *url = r->fields[2];
    if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
        return line_fail(err, r->line, "url 应为 http:// 或 https:// 开头的链接", NULL);
    if (text_require(url, "url", 8, 2000, &why))
        return line_fail(err, r->line, "url ", why.message);
    if (parse_kind(r->fields[3], &p->kind))
        return line_fail(err, r->line, "kind 应为“原创”或“转载”", NULL);
    p->published_at = when;
    p->title = r->fields[1];
    p->url = url;
    if (publication_validate(p, &why))
        return line_fail(err, r->line, "", why.message);
    return GM_OK;
}

static int url_known(db *d, long long account_id, const char *url, int *known, gm_err *err)
{
    long long n = 0;
    int rc = db_query_int(d, &n, err, "SELECT COUNT(*) FROM publications WHERE account_id=? AND url=?",
                          "it", account_id, url);
    *known = n > 0;
    return rc;
}

static int import_rows(db *d, const gm_actor *who, long long account_id, gm_csv_reader *r,
                       publication_import_result *res, gm_err *err)
{
    int rc = check_header(r, err), got;
    while (!rc && (got = csv_reader_next(r)) != 0) {
        if (got < 0)
            return line_fail(err, r->line + 1, "CSV 格式错误(引号不成对或列过多)", NULL);
        if (r->n_fields == 1 && !r->fields[0][0])
            continue;   /* blank line */
        if (res->imported + res->skipped >= GM_IMPORT_MAX_ROWS)
            return gm_fail(err, GM_E_TOOLARGE, "file", "一次最多导入 %d 行", GM_IMPORT_MAX_ROWS);
        gm_publication p = {.account_id = account_id, .origin = "import", .reads = GM_COUNT_UNKNOWN,
                            .likes = GM_COUNT_UNKNOWN, .comments = GM_COUNT_UNKNOWN,
                            .created_by = who->user_id};
        char when[GM_ISO_LEN];
        int known = 0;
        rc = parse_row(r, &p, when, err);
        if (!rc)
            rc = url_known(d, account_id, p.url, &known, err);
        if (!rc && known)
            res->skipped++;
        else if (!rc && !(rc = publications_insert(d, &p, NULL, err)))
            res->imported++;
    }
    return rc;
}

int publications_import_csv(db *d, const gm_actor *who, long long account_id, const char *csv,
                            size_t len, publication_import_result *res, gm_err *err)
{
    long long exists = 0;
    gm_csv_reader r;
    memset(res, 0, sizeof *res);
    if (memchr(csv, '\0', len))
        return gm_fail(err, GM_E_INVALID, "file", "文件含有 NUL 字节,不是文本 CSV");
    if (text_first_invalid_utf8(csv, len) >= 0)
        return gm_fail(err, GM_E_INVALID, "file", "文件不是 UTF-8 编码(第 %ld 字节起)",
                       text_first_invalid_utf8(csv, len));
    int rc = db_query_int(d, &exists, err, "SELECT COUNT(*) FROM accounts WHERE id=?", "i", account_id);
    if (!rc && !exists)
        rc = gm_fail(err, GM_E_NOTFOUND, "account", "账号 %lld 不存在", account_id);
    if (rc)
        return rc;
    csv_reader_init(&r, csv, len);
    rc = db_begin(d, err);
    if (!rc)
        rc = import_rows(d, who, account_id, &r, res, err);
    if (!rc)
        rc = audit_append_json(d, who, "publication.import", "account", account_id, NULL,
                               json_pack("{s:I,s:I}", "imported", (json_int_t)res->imported,
                                         "skipped", (json_int_t)res->skipped), err);
    csv_reader_free(&r);
    rc = db_end(d, rc, err);
    if (rc)
        memset(res, 0, sizeof *res);
    return rc;
}
