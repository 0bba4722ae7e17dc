/*
 * routes_account_reviews.c - annual review rounds over HTTP
 * (/api/v1/reviews): open, report, pass/fail, close, must-close export.
 *
 * Round-level steps need PERM_ACCOUNT_REVIEW on the round's unit; a report
 * needs PERM_ACCOUNT_REPORT on the account's unit; a decision needs
 * PERM_ACCOUNT_REVIEW on the account's unit.  Attachments travel as
 * base64 inside the JSON body (attachment_base64 + attachment_name).
 */
#include "http/download_audit.h"
#include "http/account_access.h"
#include "http/json_in.h"
#include "http/route.h"
#include "store/account_reviews.h"
#include "store/accounts.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

static int require_round(gm_request *r, gm_perm perm, gm_review_round *round, gm_err *err)
{
    int rc = reviews_get(r->db, r->ids[0], round, err);
    return rc ? rc : request_require_unit(r, perm, round->unit_id, err);
}

static int reply_round(gm_request *r, int status, long long id, gm_err *err)
{
    json_t *j;
    int rc = reviews_detail(r->db, id, &j, err);
    return rc ? rc : reply_json(r, status, j);
}

/* After a report or a decision on one account: the round with that
 * account's entry only; other units' reports stay with those who may read
 * the whole round (GET /reviews/{id}). */
static int reply_own_entry(gm_request *r, long long round_id, long long account_id, gm_err *err)
{
    json_t *j, *entry;
    size_t i;
    int rc = reviews_detail(r->db, round_id, &j, err);
    if (rc)
        return rc;
    json_t *own = json_array();
    json_array_foreach(json_object_get(j, "accounts"), i, entry)
        if (json_integer_value(json_object_get(entry, "account_id")) == account_id)
            json_array_append(own, entry);
    json_object_set_new(j, "accounts", own);
    return reply_json(r, 200, j);
}

static const json_field open_fields[] = {
    {"year", JF_INT, true, 0}, {"month", JF_INT, false, 0}, {"unit_id", JF_INT, false, 0},
    {NULL, 0, 0, 0}};

static int h_reviews_open(gm_request *r, gm_err *err)
{
    json_t *b;
    int rc = json_body_parse(r->body, r->body_len, open_fields, &b, err);
    if (rc)
        return rc;
    /* default scope: the unit of the supervisor's reviewing grant */
    long long unit = json_int_or(b, "unit_id", 0), id = 0;
    if (!unit && actor_take_role(&r->actor, PERM_ACCOUNT_REVIEW, NULL))
        unit = r->actor.unit_id;
    rc = request_require_unit(r, PERM_ACCOUNT_REVIEW, unit, err);
    if (rc == GM_E_NOTFOUND)
        rc = gm_fail(err, GM_E_INVALID, "unit_id", "单位 %lld 不存在", unit);
    long long year = json_int_or(b, "year", 0), month = json_int_or(b, "month", 0);
    if (!rc && (month < 0 || month > 12))
        rc = gm_fail(err, GM_E_INVALID, "month", "月份应为 1 到 12");
    if (!rc && (year < 2000 || year > 2100))
        rc = gm_fail(err, GM_E_INVALID, "year", "年度应在 2000 到 2100 之间");
    if (!rc)
        rc = reviews_open(r->db, &r->actor, (int)year, (int)month, unit, &id, err);
    json_decref(b);
    return rc ? rc : reply_round(r, 201, id, err);
}

static int h_reviews_list(gm_request *r, gm_err *err)
{
    json_t *arr;
    int rc = reviews_list(r->db, &r->actor, &arr, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:o}", "rounds", arr));
}

/* A unit inside the round's scope (below the supervisor's unit) sees the
 * round with the entries of the accounts it may read: how it learns which
 * reports it has to submit. */
static int reply_readable_entries(gm_request *r, long long round_id, gm_err *err)
{
    json_t *j, *entry;
    size_t i;
    int rc = reviews_detail(r->db, round_id, &j, err);
    if (rc)
        return rc;
    json_t *mine = json_array();
    json_array_foreach(json_object_get(j, "accounts"), i, entry) {
        gm_account a;
        if (accounts_get(r->db, json_integer_value(json_object_get(entry, "account_id")), &a,
                         NULL) != GM_OK)
            continue;
        if (rbac_allows(r->actor.grants, r->actor.n_grants, PERM_ACCOUNT_READ, a.unit_path))
            json_array_append(mine, entry);
        accounts_release(&a);
    }
    json_object_set_new(j, "accounts", mine);
    return reply_json(r, 200, j);
}

static int h_review_get(gm_request *r, gm_err *err)
{
    gm_review_round round;
    int rc = reviews_get(r->db, r->ids[0], &round, err);
    if (!rc && !rbac_allows(r->actor.grants, r->actor.n_grants, PERM_ACCOUNT_READ, round.unit_path) &&
        rbac_works_inside(r->actor.grants, r->actor.n_grants, PERM_ACCOUNT_READ, round.unit_path))
        return reply_readable_entries(r, round.id, err);
    if (!rc)
        rc = request_require_unit(r, PERM_ACCOUNT_READ, round.unit_id, err);
    return rc ? rc : reply_round(r, 200, round.id, err);
}

static const json_field report_fields[] = {
    {"text", JF_TEXT, true, 20000}, {"attachment_name", JF_STRING, false, 200},
    {"attachment_base64", JF_TEXT, false, 8 * 1024 * 1024}, {NULL, 0, 0, 0}};

static int decode_attachment(const char *b64, unsigned char **out, size_t *len, gm_err *err)
{
    size_t n = strlen(b64);
    *out = malloc(n / 4 * 3 + 3);
    if (!*out)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (sodium_base642bin(*out, n / 4 * 3 + 3, b64, n, " \r\n", len, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
        free(*out);
        *out = NULL;
        return gm_fail(err, GM_E_INVALID, "attachment_base64", "附件不是有效的 base64 编码");
    }
    return GM_OK;
}

static int h_review_report(gm_request *r, gm_err *err)
{
    json_t *b;
    unsigned char *att = NULL;
    size_t att_len = 0;
    int rc = request_require_account(r, PERM_ACCOUNT_REPORT, r->ids[1], err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, report_fields, &b, err);
    if (rc)
        return rc;
    const char *b64 = json_str(b, "attachment_base64");
    if (b64)
        rc = decode_attachment(b64, &att, &att_len, err);
    if (!rc)
        rc = reviews_submit(r->db, &r->actor, r->ids[0], r->ids[1], json_str(b, "text"),
                            json_str(b, "attachment_name"), att, att_len, err);
    free(att);
    json_decref(b);
    return rc ? rc : reply_own_entry(r, r->ids[0], r->ids[1], err);
}

static const json_field decision_fields[] = {{"reason", JF_TEXT, false, 2000}, {NULL, 0, 0, 0}};

static int h_review_decide(gm_request *r, gm_err *err)
{
    json_t *b = NULL;
    int pass = strcmp(strrchr(r->path, '/') + 1, "pass") == 0;
    int rc = request_require_account(r, PERM_ACCOUNT_REVIEW, r->ids[1], err);
    if (!rc)
        rc = json_body_parse(r->body_len ? r->body : "{}", r->body_len ? r->body_len : 2,
                             decision_fields, &b, err);
    if (!rc)
        rc = reviews_decide(r->db, &r->actor, r->ids[0], r->ids[1], pass, json_str(b, "reason"), err);
    json_decref(b);
    return rc ? rc : reply_own_entry(r, r->ids[0], r->ids[1], err);
}

static int h_review_close(gm_request *r, gm_err *err)
{
    if (json_body_none(r->body, r->body_len, err))
        return err->code;
    gm_review_round round;
    json_t *list;
    int rc = require_round(r, PERM_ACCOUNT_REVIEW, &round, err);
    if (!rc)
        rc = reviews_close(r->db, &r->actor, round.id, err);
    if (!rc)
        rc = reviews_must_close(r->db, round.id, &list, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:I,s:s,s:s,s:o}", "id", (json_int_t)round.id,
                                                  "state", "closed", "state_label", "已结束",
                                                  "must_close", list));
}

static int h_review_must_close(gm_request *r, gm_err *err)
{
    gm_review_round round;
    json_t *list;
    int rc = require_round(r, PERM_ACCOUNT_READ, &round, err);
    if (!rc)
        rc = reviews_must_close(r->db, round.id, &list, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:o}", "must_close", list));
}

static int h_review_must_close_csv(gm_request *r, gm_err *err)
{
    gm_review_round round;
    char *csv;
    size_t len;
    int rc = require_round(r, PERM_ACCOUNT_READ, &round, err);
    if (!rc)
        rc = reviews_must_close_csv(r->db, round.id, &csv, &len, err);
    if (!rc && (rc = download_audit(r, "review_must_close", "csv", len,
                                    json_pack("{s:I,s:i}", "round_id", (json_int_t)round.id,
                                              "year", round.year),
                                    err)))
        free(csv);
    if (rc)
        return rc;
    reply_bytes(r, 200, "text/csv; charset=utf-8", csv, len);
    return GM_OK;
}

const gm_route gm_routes_account_reviews[] = {
    {"GET", "/api/v1/reviews", PERM_ACCOUNT_READ, h_reviews_list, 0, "年审轮次列表"},
    {"POST", "/api/v1/reviews", PERM_ACCOUNT_REVIEW, h_reviews_open, 0, "开启年度年审(默认 11 月)"},
    {"GET", "/api/v1/reviews/{id}", PERM_ACCOUNT_READ, h_review_get, 0, "年审轮次及各账号状态"},
    {"POST", "/api/v1/reviews/{id}/accounts/{id}/report", PERM_ACCOUNT_REPORT, h_review_report,
     8 * 1024 * 1024, "提交年审报告(文字 + 可选 base64 附件)"},
    {"POST", "/api/v1/reviews/{id}/accounts/{id}/pass", PERM_ACCOUNT_REVIEW, h_review_decide, 0,
     "年审通过"},
    {"POST", "/api/v1/reviews/{id}/accounts/{id}/fail", PERM_ACCOUNT_REVIEW, h_review_decide, 0,
     "年审不通过(须填原因)"},
    {"POST", "/api/v1/reviews/{id}/close", PERM_ACCOUNT_REVIEW, h_review_close, 0,
     "结束年审,生成应关停名单"},
    {"GET", "/api/v1/reviews/{id}/must-close", PERM_ACCOUNT_READ, h_review_must_close, 0,
     "应关停账号名单"},
    {"GET", "/api/v1/reviews/{id}/must-close.csv", PERM_ACCOUNT_READ, h_review_must_close_csv, 0,
     "应关停账号名单(CSV 导出)"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
