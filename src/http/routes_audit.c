/*
 * routes_audit.c - the audit trail for inspectors: list and verify.
 */
#include "http/query.h"
#include "http/route.h"
#include "store/audit.h"
#include "store/audit_query.h"
#include "util/iso_time.h"

#include <stdio.h>
#include <string.h>

static const query_param list_query[] = {
    {"before", QP_ID, NULL},      {"limit", QP_INT, NULL},      {"page", QP_ID, NULL},
    {"page_size", QP_ID, NULL},   {"action", QP_TEXT, NULL},    {"login", QP_TEXT, NULL},
    {"object_type", QP_TEXT, NULL}, {"object_id", QP_TEXT, NULL}, {"from", QP_TEXT, NULL},
    {"to", QP_TEXT, NULL},        {"client_addr", QP_TEXT, NULL}, {NULL, 0, NULL}};

static const char *arg_or_null(gm_request *r, const char *name)
{
    const char *v = request_arg(r, name);
    return v && v[0] ? v : NULL;
}

/* from / to as the stored UTC text: an ISO-8601 instant with its zone, or a
 * China day ("YYYY-MM-DD": from its start; to: through its end). */
static int bound_utc(gm_request *r, const char *name, int end_of_day, char out[GM_ISO_LEN],
                     const char **set, gm_err *err)
{
    const char *v = arg_or_null(r, name);
    *set = NULL;
    if (!v)
        return GM_OK;
    if (iso_time_bound(v, end_of_day, out))
        return gm_fail(err, GM_E_INVALID, name,
                       "参数 %s 应为日期(YYYY-MM-DD,北京时间)或带时区的时间(如 2026-11-24T08:00:00Z)",
                       strcmp(name, "from") == 0 ? "起始时间(from)" : "截止时间(to)");
    *set = out;
    return GM_OK;
}

/* The console's audit page: filters, page and page_size, with the total. */
static int audit_page(gm_request *r, gm_err *err)
{
    char from[GM_ISO_LEN], to[GM_ISO_LEN];
    audit_filter f = {arg_or_null(r, "action"),    arg_or_null(r, "login"),
                      arg_or_null(r, "object_type"), arg_or_null(r, "object_id"),
                      NULL, NULL, arg_or_null(r, "client_addr")};
    long long page, size, total = 0;
    int rc = bound_utc(r, "from", 0, from, &f.from, err);
    if (!rc)
        rc = bound_utc(r, "to", 1, to, &f.to, err);
    if (!rc)
        rc = request_arg_int(r, "page", 1, &page, err);
    if (!rc)
        rc = request_arg_int(r, "page_size", 20, &size, err);
    if (!rc && (size < 1 || size > 500))
        rc = gm_fail(err, GM_E_INVALID, "page_size", "每页条数应在 1 到 500 之间");
    json_t *arr;
    if (!rc)
        rc = audit_search(r->db, &r->actor, &f, (page - 1) * size, size, &arr, &total, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:o,s:I,s:I,s:I}", "rows", arr, "total",
                                                  (json_int_t)total, "page", (json_int_t)page,
                                                  "page_size", (json_int_t)size));
}

static int h_audit_list(gm_request *r, gm_err *err)
{
    long long before, limit;
    int rc = request_query(r, list_query, err);
    if (!rc && (request_arg(r, "page") || request_arg(r, "page_size") || request_arg(r, "action") ||
                request_arg(r, "login") || request_arg(r, "object_type") ||
                request_arg(r, "object_id") || request_arg(r, "from") || request_arg(r, "to") ||
                request_arg(r, "client_addr")))
        return audit_page(r, err);
    if (!rc)
        rc = request_arg_int(r, "before", 0, &before, err);
    if (!rc)
        rc = request_arg_int(r, "limit", 100, &limit, err);
    if (!rc && (limit < 1 || limit > 1000))
        rc = gm_fail(err, GM_E_INVALID, "limit", "条数应在 1 到 1000 之间");
    json_t *arr;
    if (!rc)
        rc = audit_list(r->db, &r->actor, before, limit, &arr, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:o}", "rows", arr));
}

static int h_audit_verify(gm_request *r, gm_err *err)
{
    audit_verdict v;
    int rc = audit_verify(r->db, &v, err);
    if (rc)
        return rc;
    return reply_json(r, 200, json_pack("{s:b,s:I,s:o,s:s?}", "ok", v.ok, "rows", (json_int_t)v.rows,
                                        "bad_row", v.ok ? json_null() : json_integer(v.bad_row),
                                        "reason", v.ok ? NULL : v.reason));
}

const gm_route gm_routes_audit[] = {
    {"GET", "/api/v1/audit", PERM_AUDIT_READ, h_audit_list, 0, "审计日志(新到旧)", list_query},
    {"GET", "/api/v1/audit/verify", PERM_AUDIT_READ, h_audit_verify, 0, "校验审计哈希链"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
