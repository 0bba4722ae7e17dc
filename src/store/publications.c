/*
 * publications.c - the publication records of accounts (see publications.h).
 *
 * Invariant: a url or platform_post_id appears at most once per account
 * (unique indexes in 004); insert checks first so the refusal names the
 * field instead of surfacing a constraint message.
 */
#include "store/publications.h"
#include "store/db_rows.h"
#include "util/clock.h"
#include "util/iso_time.h"
#include "util/text.h"

#include <string.h>

static int one_of(const char *v, const char *a, const char *b)
{
    return v && (strcmp(v, a) == 0 || strcmp(v, b) == 0);
}

static int count_ok(long long n, const char *field, gm_err *err)
{
    return n >= 0 || n == GM_COUNT_UNKNOWN
               ? GM_OK
               : gm_fail(err, GM_E_INVALID, field, "%s 不能为负数", field);
}

static int url_ok(const char *url, gm_err *err)
{
    if (!url)
        return GM_OK;
    int rc = text_require(url, "url", 1, 2000, err);
    if (!rc && strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
        rc = gm_fail(err, GM_E_INVALID, "url", "文章链接应以 http:// 或 https:// 开头");
    return rc;
}

int publication_validate(const gm_publication *p, gm_err *err)
{
    time_t t;
    if (p->account_id <= 0)
        return gm_fail(err, GM_E_INVALID, "account_id", "缺少账号");
    int rc = iso_time_parse(p->published_at, "published_at", &t, err);
    if (!rc)
        rc = text_require(p->title, "title", 1, 500, err);
    if (!rc)
        rc = url_ok(p->url, err);
    if (!rc && p->platform_post_id)
        rc = text_require(p->platform_post_id, "platform_post_id", 1, 200, err);
    if (!rc && !one_of(p->kind, "original", "repost"))
        rc = gm_fail(err, GM_E_INVALID, "kind", "类型应为原创或转载");
    if (!rc && !one_of(p->origin, "workflow", "import"))
        rc = gm_fail(err, GM_E_INVALID, "origin", "来源应为审核流程或导入");
    if (!rc && p->mass_send != 0 && p->mass_send != 1)
        rc = gm_fail(err, GM_E_INVALID, "mass_send", "群发应为是或否");
    if (!rc)
        rc = count_ok(p->reads, "reads", err);
    if (!rc)
        rc = count_ok(p->likes, "likes", err);
    if (!rc)
        rc = count_ok(p->comments, "comments", err);
    return rc;
}

/* GM_E_CONFLICT naming column when the account already has this value. */
static int unique_on_account(db *d, long long account_id, const char *column, const char *value,
                             gm_err *err)
{
    if (!value)
        return GM_OK;
    char sql[128];
    long long n = 0;
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM publications WHERE account_id=? AND %s=?",
             column);
    int rc = db_query_int(d, &n, err, sql, "it", account_id, value);
    if (!rc && n > 0)
        rc = gm_fail(err, GM_E_CONFLICT, column, "账号 %lld 已有相同 %s 的发布记录", account_id,
                     column);
    return rc;
}

static long long count_or_null(long long n) { return n == GM_COUNT_UNKNOWN ? -1 : n; }

int publications_insert(db *d, const gm_publication *p, long long *id_out, gm_err *err)
{
    char at[GM_ISO_LEN], now[GM_ISO_LEN];
    long long id = 0;
    int rc = publication_validate(p, err);
    if (!rc)
        rc = iso_time_normalize(p->published_at, "published_at", at, err);
    if (!rc)
        rc = unique_on_account(d, p->account_id, "url", p->url, err);
    if (!rc)
        rc = unique_on_account(d, p->account_id, "platform_post_id", p->platform_post_id, err);
    if (rc)
        return rc;
    clock_iso_from_now(now, 0);
    /* counts: NULL when unknown, bound through a NULLIF on -1 */
    rc = db_query_int(d, &id, err,
                      "INSERT INTO publications(account_id,post_id,published_at,title,url,"
                      "platform_post_id,kind,origin,mass_send,reads,likes,comments,created_at,"
                      "created_by) VALUES(?,?,?,?,?,?,?,?,?,NULLIF(?,-1),NULLIF(?,-1),"
                      "NULLIF(?,-1),?,?) RETURNING id",
                      "inttttttiiiitn", p->account_id, p->post_id, at, p->title, p->url,
                      p->platform_post_id, p->kind, p->origin, (long long)p->mass_send,
                      count_or_null(p->reads), count_or_null(p->likes),
                      count_or_null(p->comments), now, p->created_by);
    if (!rc && id_out)
        *id_out = id;
    return rc;
}

int publications_mass_sends_on(db *d, long long account_id, const char *china_day, long long *n,
                               gm_err *err)
{
    char from[GM_ISO_LEN], to[GM_ISO_LEN];
    int rc = iso_time_china_day_range(china_day, "day", from, to, err);
    if (rc)
        return rc;
    return db_query_int(d, n, err,
                        "SELECT COUNT(*) FROM publications WHERE account_id=? AND mass_send=1 "
                        "AND published_at>=? AND published_at<?",
                        "itt", account_id, from, to);
}

static json_t *nullable_int(db_stmt *q, int col)
{
    return db_is_null(q, col) ? json_null() : json_integer(db_int(q, col));
}

static json_t *nullable_text(db_stmt *q, int col)
{
    return db_is_null(q, col) ? json_null() : json_string(db_text(q, col));
}

json_t *publication_row_json(db_stmt *q)
{
    return json_pack("{s:I,s:I,s:o,s:s,s:s,s:o,s:o,s:s,s:s,s:b,s:o,s:o,s:o,s:s,s:o}", "id",
                     (json_int_t)db_int(q, 0), "account_id", (json_int_t)db_int(q, 1), "post_id",
                     nullable_int(q, 2), "published_at", db_text(q, 3), "title", db_text(q, 4),
                     "url", nullable_text(q, 5), "platform_post_id", nullable_text(q, 6), "kind",
                     db_text(q, 7), "origin", db_text(q, 8), "mass_send", (int)db_int(q, 9),
                     "reads", nullable_int(q, 10), "likes", nullable_int(q, 11), "comments",
                     nullable_int(q, 12), "created_at", db_text(q, 13), "created_by",
                     nullable_int(q, 14));
}

int publications_of_post(db *d, long long post_id, json_t **out, gm_err *err)
{
    return db_rows_json(d, out, publication_row_json, err,
                        "SELECT " PUBLICATION_COLUMNS " FROM publications WHERE post_id=? "
                        "ORDER BY published_at, id",
                        "i", post_id);
}
