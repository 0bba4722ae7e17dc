/*
 * routes_recheck.c - GET /api/v1/archive/recheck: re-checks published posts
 * with the lists in force now and lists the ones that now have findings
 * (回溯检查, issue 14 §3), for admins, the information centre and
 * inspectors, each within the units they reach.
 *
 * The archive can be large and each check costs real time, so one request
 * checks at most `scan` publications (newest first) in the caller's reach,
 * starting after the first `offset`; the answer says how many there are in
 * all (one COUNT query) and where the next request continues (next_offset,
 * null when done).  The reach is applied in SQL, so a page reads only the
 * publications it checks, however large the archive.
 * The same report as `govmedia check --archive` (store/recheck.c).
 */
#include "check/check.h"
#include "http/account_access.h"
#include "http/query.h"
#include "http/route.h"
#include "http/server.h"
#include "store/recheck.h"
#include "util/iso_time.h"

#include <string.h>

#define RECHECK_SCAN_DEFAULT 200
#define RECHECK_SCAN_MAX 1000

typedef struct walk {
    const gm_checker *c;
    long long offset, scan;   /* skip the first offset in reach, then check up to scan */
    long long total, checked;
    json_t *items;
    gm_err *err;
} walk;

/* What an inspector reads: where and when it was published, its title and
 * the findings (with the blocking ones counted). */
static int add_item(walk *w, const recheck_item *it, json_t *rep)
{
    size_t blocking = 0, i;
    json_t *f;
    json_array_foreach(json_object_get(rep, "findings"), i, f)
        blocking += strcmp(json_string_value(json_object_get(f, "severity")), "block") == 0;
    json_t *o = json_pack("{s:I,s:I,s:I,s:s,s:s,s:I,s:s,s:s,s:s,s:O,s:I,s:O}", "publication_id",
                          (json_int_t)it->publication_id, "post_id", (json_int_t)it->post_id,
                          "account_id", (json_int_t)it->account_id, "account_name",
                          it->account_name, "platform", it->platform, "unit_id",
                          (json_int_t)it->unit_id, "unit_name", it->unit_name, "published_at",
                          it->published_at, "title", it->title, "ok", json_object_get(rep, "ok"),
                          "blocking", (json_int_t)blocking, "findings",
                          json_object_get(rep, "findings"));
    if (!o || json_array_append_new(w->items, o))
        return gm_fail(w->err, GM_E_NOMEM, NULL, "内存不足");
    return 0;
}

static int visit(void *ctx, const recheck_item *it)
{
    walk *w = ctx;
    w->checked++;
    json_t *rep = NULL;
    int rc = recheck_report(w->c, it, &rep, w->err);
    if (!rc && rep)
        rc = add_item(w, it, rep);
    json_decref(rep);
    return rc;
}

static const query_param recheck_query[] = {
    {"account_id", QP_ID, NULL}, {"unit_id", QP_ID, NULL}, {"since", QP_DATE, NULL},
    {"until", QP_DATE, NULL},    {"offset", QP_INT, NULL}, {"scan", QP_INT, NULL},
    {NULL, 0, NULL}};

/* since/until are China days: [start of since, end of until). */
static int day_bounds(gm_request *r, char since[GM_ISO_LEN], char until[GM_ISO_LEN], gm_err *err)
{
    char tmp[GM_ISO_LEN];
    const char *s = request_arg(r, "since"), *u = request_arg(r, "until");
    since[0] = until[0] = '\0';
    int rc = s ? iso_time_china_day_range(s, "since", since, tmp, err) : 0;
    if (!rc && u)
        rc = iso_time_china_day_range(u, "until", tmp, until, err);
    if (!rc && s && u && strcmp(since, until) >= 0)
        rc = gm_fail(err, GM_E_INVALID, "until", "结束日期不能早于开始日期");
    return rc;
}

/* The filter, with the caller's right to the account or unit asked checked. */
static int read_filter(gm_request *r, recheck_filter *f, walk *w, char since[GM_ISO_LEN],
                       char until[GM_ISO_LEN], gm_err *err)
{
    int rc = request_query(r, recheck_query, err);
    if (!rc)
        rc = request_arg_int(r, "account_id", 0, &f->account_id, err);
    if (!rc)
        rc = request_arg_int(r, "unit_id", 0, &f->unit_id, err);
    if (!rc)
        rc = request_arg_int(r, "offset", 0, &w->offset, err);
    if (!rc && w->offset < 0)
        rc = gm_fail(err, GM_E_INVALID, "offset", "起始位置不能为负数");
    if (!rc)
        rc = request_arg_int(r, "scan", RECHECK_SCAN_DEFAULT, &w->scan, err);
    if (!rc && (w->scan < 1 || w->scan > RECHECK_SCAN_MAX))
        rc = gm_fail(err, GM_E_INVALID, "scan", "每次检查篇数应在 1 到 %d 之间", RECHECK_SCAN_MAX);
    if (!rc)
        rc = day_bounds(r, since, until, err);
    if (!rc && f->account_id)
        rc = request_require_account(r, PERM_POST_RECHECK, f->account_id, err);
    if (!rc && f->unit_id)
        rc = request_require_unit(r, PERM_POST_RECHECK, f->unit_id, err);
    f->since = since[0] ? since : NULL;
    f->until = until[0] ? until : NULL;
    f->reach_user_id = r->actor.user_id;   /* only what the caller reaches, counted in SQL */
    f->reach_perm = PERM_POST_RECHECK;
    f->newest_first = 1;
    f->offset = w->offset;
    f->limit = w->scan;
    return rc;
}

static int h_recheck(gm_request *r, gm_err *err)
{
    recheck_filter f = {0};
    walk w = {.err = err};
    char since[GM_ISO_LEN], until[GM_ISO_LEN];
    int rc = read_filter(r, &f, &w, since, until, err);
    gm_checker *c = rc ? NULL : server_checker_acquire(r->srv);
    if (!rc && !c)
        rc = gm_fail(err, GM_E_INTERNAL, NULL, "合规检查引擎未加载");
    w.c = c;
    if (!rc && !(w.items = json_array()))
        rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (!rc)
        rc = recheck_count(r->db, &f, &w.total, err);
    if (!rc && w.offset < w.total)   /* one page: reads at most scan publications */
        rc = recheck_each(r->db, &f, visit, &w, err);
    gm_checker_unref(c);
    if (rc) {
        json_decref(w.items);
        return rc;
    }
    long long next = w.offset + w.checked;
    return reply_json(r, 200,
                      json_pack("{s:I,s:I,s:I,s:I,s:o,s:o}", "total", (json_int_t)w.total,
                                "offset", (json_int_t)w.offset, "checked",
                                (json_int_t)w.checked, "listed",
                                (json_int_t)json_array_size(w.items), "next_offset",
                                next < w.total ? json_integer(next) : json_null(), "items",
                                w.items));
}

const gm_route gm_routes_recheck[] = {
    {"GET", "/api/v1/archive/recheck", PERM_POST_RECHECK, h_recheck, 0,
     "回溯检查:用现行词库和表述名单重查已发布稿件,列出现有问题的(account_id、unit_id、since、until、offset、scan)", recheck_query},
    {NULL, NULL, 0, NULL, 0, NULL},
};
