/*
 * routes_message_admin.c - the supervisor's settings for public messages
 * (reply-deadline policy per unit, routing rules, import column mappings)
 * and the interaction figures per account and period.
 */
#include "http/account_access.h"
#include "http/json_in.h"
#include "http/message_access.h"
#include "http/query.h"
#include "http/route.h"
#include "store/accounts.h"
#include "store/message_figures.h"
#include "store/message_import.h"
#include "store/message_policies.h"
#include "store/message_rules.h"

#include <stdlib.h>
#include <string.h>

static int reply_policy(gm_request *r, int status, long long unit, gm_err *err)
{
    gm_message_policy p;
    long long from;
    int rc = message_policy_get(r->db, unit, &p, &from, err);
    return rc ? rc : reply_json(r, status, message_policy_to_json(&p, unit, from));
}

static const query_param policy_query[] = {{"unit_id", QP_ID, NULL}, {NULL, 0, NULL}};

static int h_policy_get(gm_request *r, gm_err *err)
{
    long long unit;
    int rc = request_query(r, policy_query, err);
    if (!rc)
        rc = request_unit_arg(r, PERM_MESSAGE_READ, &unit, err);
    return rc ? rc : reply_policy(r, 200, unit, err);
}

static const json_field policy_fields[] = {
    {"unit_id", JF_INT, true, 0},
    {"preset", JF_STRING, false, 16},
    {"first_response_hours", JF_INT, false, 0},
    {"first_response_same_day", JF_BOOL, false, 0},
    {"answer_working_days", JF_INT, false, 0},
    {"answer_max_working_days", JF_INT, false, 0},
    {"work_hours", JF_STRING, false, 60},
    {NULL, 0, 0, 0}};

static int h_policy_put(gm_request *r, gm_err *err)
{
    json_t *b;
    gm_message_policy cur, next;
    int rc = json_body_parse(r->body, r->body_len, policy_fields, &b, err);
    if (rc)
        return rc;
    long long unit = json_int_or(b, "unit_id", 0);
    rc = request_require_body_unit(r, PERM_MESSAGE_ADMIN, unit, err);
    if (!rc && json_object_size(b) == 1)   /* unit_id alone would only copy the inherited policy */
        rc = gm_fail(err, GM_E_INVALID, "preset", "请选择预设,或填写要修改的时限");
    if (!rc)
        rc = message_policy_get(r->db, unit, &cur, NULL, err);
    if (!rc)
        rc = message_policy_from_json(b, &cur, &next, err);
    if (!rc)
        rc = message_policy_set(r->db, &r->actor, unit, &next, err);
    json_decref(b);
    return rc ? rc : reply_policy(r, 200, unit, err);
}

static int h_rules_list(gm_request *r, gm_err *err)
{
    json_t *arr;
    int rc = message_rules_list(r->db, &r->actor, &arr, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:o}", "rules", arr));
}

static const json_field rule_fields[] = {
    {"scope_unit_id", JF_INT, false, 0}, {"target_unit_id", JF_INT, true, 0},
    {"priority", JF_INT, false, 0},      {"keyword", JF_STRING, false, 50},
    {"kind", JF_STRING, false, 20},      {NULL, 0, 0, 0}};

static int rule_from_body(gm_request *r, json_t *b, gm_rule_in *in, gm_err *err)
{
    in->target_unit_id = json_int_or(b, "target_unit_id", 0);
    in->priority = (int)json_int_or(b, "priority", 100);
    in->keyword = json_str(b, "keyword");
    in->kind = json_str(b, "kind");
    int rc = request_require_unit(r, PERM_MESSAGE_READ, in->target_unit_id, err);
    if (rc == GM_E_NOTFOUND)
        rc = gm_fail(err, GM_E_INVALID, "target_unit_id", "单位 %lld 不存在", in->target_unit_id);
    if (!rc)
        rc = request_require_unit(r, PERM_MESSAGE_ADMIN, in->scope_unit_id, err);
    return rc == GM_E_NOTFOUND
               ? gm_fail(err, GM_E_INVALID, "scope_unit_id", "单位 %lld 不存在", in->scope_unit_id)
               : rc;
}

static int h_rule_add(gm_request *r, gm_err *err)
{
    json_t *b;
    gm_rule_in in = {0};
    long long id = 0;
    int rc = json_body_parse(r->body, r->body_len, rule_fields, &b, err);
    if (rc)
        return rc;
    in.scope_unit_id = json_int_or(b, "scope_unit_id", 0);
    if (!in.scope_unit_id && actor_take_role(&r->actor, PERM_MESSAGE_ADMIN, NULL))
        in.scope_unit_id = r->actor.unit_id;
    rc = rule_from_body(r, b, &in, err);
    if (!rc)
        rc = message_rule_add(r->db, &r->actor, &in, &id, err);
    json_decref(b);
    return rc ? rc : reply_json(r, 201, message_rule_json(r->db, id));
}

static int h_rule_put(gm_request *r, gm_err *err)
{
    json_t *b;
    gm_rule_in cur;
    int rc = message_rule_get(r->db, r->ids[0], &cur, err);
    if (!rc)
        rc = request_require_unit(r, PERM_MESSAGE_ADMIN, cur.scope_unit_id, err);
    if (!rc)
        rc = json_body_parse(r->body, r->body_len, rule_fields, &b, err);
    if (rc)
        return rc;
    gm_rule_in in = {.scope_unit_id = cur.scope_unit_id};
    rc = rule_from_body(r, b, &in, err);
    if (!rc)
        rc = message_rule_update(r->db, &r->actor, r->ids[0], &in, err);
    json_decref(b);
    return rc ? rc : reply_json(r, 200, message_rule_json(r->db, r->ids[0]));
}

static int h_rule_delete(gm_request *r, gm_err *err)
{
    if (json_body_none(r->body, r->body_len, err))
        return err->code;
    gm_rule_in cur;
    int rc = message_rule_get(r->db, r->ids[0], &cur, err);
    if (!rc)
        rc = request_require_unit(r, PERM_MESSAGE_ADMIN, cur.scope_unit_id, err);
    if (!rc)
        rc = message_rule_delete(r->db, &r->actor, r->ids[0], err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:I,s:b}", "id", (json_int_t)r->ids[0], "deleted", 1));
}

static int h_mappings_list(gm_request *r, gm_err *err)
{
    json_t *arr;
    int rc = message_mappings_list(r->db, &arr, err);
    return rc ? rc : reply_json(r, 200, json_pack("{s:o}", "mappings", arr));
}

static const json_field mapping_fields[] = {{"platform", JF_STRING, true, 20},
                                            {"columns", JF_OBJECT, true, 0}, {NULL, 0, 0, 0}};

static int h_mapping_put(gm_request *r, gm_err *err)
{
    json_t *b, *out;
    int rc = json_body_parse(r->body, r->body_len, mapping_fields, &b, err);
    if (rc)
        return rc;
    const char *platform = json_str(b, "platform");
    rc = message_mapping_set(r->db, &r->actor, platform, json_object_get(b, "columns"), err);
    if (!rc)
        rc = message_mapping_get(r->db, platform, &out, err);
    json_decref(b);
    return rc ? rc : reply_json(r, 200, out);
}

static int date_arg(gm_request *r, const char *name, gm_date dflt, gm_date *out, gm_err *err)
{
    const char *s = request_arg(r, name);
    *out = dflt;
    return s && *s ? date_parse(s, name, out, err) : GM_OK;
}

static const query_param figures_query[] = {{"account_id", QP_ID, NULL}, {"unit_id", QP_ID, NULL},
                                            {"from", QP_DATE, NULL},     {"to", QP_DATE, NULL},
                                            {NULL, 0, NULL}};

/* One account's figures (account_id), or those of every account of a unit
 * and the units below it (unit_id; neither: the caller's unit). */
static int h_figures(gm_request *r, gm_err *err)
{
    long long account = 0, unit = 0;
    gm_date today = instant_cst_day(request_now()), from, to;
    gm_message_figures f;
    int rc = request_query(r, figures_query, err);
    if (!rc)
        rc = request_arg_int(r, "account_id", 0, &account, err);
    if (!rc && account && request_arg(r, "unit_id"))
        rc = gm_fail(err, GM_E_INVALID, "unit_id", "账号(account_id)与单位(unit_id)只能选一个");
    if (!rc)
        rc = date_arg(r, "from", today - 6, &from, err);
    if (!rc)
        rc = date_arg(r, "to", today, &to, err);
    if (!rc && account)
        rc = request_require_account(r, PERM_MESSAGE_READ, account, err);
    else if (!rc)
        rc = request_unit_arg(r, PERM_MESSAGE_READ, &unit, err);
    if (!rc)
        rc = account ? message_figures(r->db, account, from, to, &f, err)
                     : message_figures_unit(r->db, unit, from, to, &f, err);
    return rc ? rc : reply_json(r, 200, message_figures_json(&f));
}

const gm_route gm_routes_message_admin[] = {
    {"GET", "/api/v1/messages/policy", PERM_MESSAGE_READ, h_policy_get, 0,
     "单位的留言答复时限(unit_id;未设置时沿用上级或预设)", policy_query},
    {"PUT", "/api/v1/messages/policy", PERM_MESSAGE_ADMIN, h_policy_put, 0,
     "设置答复时限(预设 standard / same_day 或自定义,工作时段)"},
    {"GET", "/api/v1/messages/rules", PERM_MESSAGE_READ, h_rules_list, 0, "留言分派规则"},
    {"POST", "/api/v1/messages/rules", PERM_MESSAGE_ADMIN, h_rule_add, 0,
     "新增分派规则(关键词、类型 → 责任部门)"},
    {"PUT", "/api/v1/messages/rules/{id}", PERM_MESSAGE_ADMIN, h_rule_put, 0, "修改分派规则"},
    {"DELETE", "/api/v1/messages/rules/{id}", PERM_MESSAGE_ADMIN, h_rule_delete, 0, "删除分派规则"},
    {"GET", "/api/v1/messages/mappings", PERM_MESSAGE_READ, h_mappings_list, 0,
     "各平台导出文件的列映射"},
    {"PUT", "/api/v1/messages/mappings", PERM_MESSAGE_ADMIN, h_mapping_put, 0, "设置平台的列映射"},
    {"GET", "/api/v1/messages/figures", PERM_MESSAGE_READ, h_figures, 0,
     "互动数据(account_id 一个账号,或 unit_id 单位及下级的全部账号;from、to:收到、答复、按时答复、首次回应与答复用时)",
     figures_query},
    {NULL, NULL, 0, NULL, 0, NULL},
};
