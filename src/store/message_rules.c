/*
 * message_rules.c - routing rules in the store (see message_rules.h).
 */
#include "store/message_rules.h"
#include "core/message.h"
#include "store/audit.h"
#include "store/db_rows.h"
#include "store/units.h"
#include "util/clock.h"
#include "util/text.h"

#include <stdlib.h>
#include <string.h>

#define RULES_MAX 512

int message_rules_route(db *d, const char *unit_path, const char *kind, const char *text,
                        long long *target, long long *rule_id, gm_err *err)
{
    gm_route_rule rules[RULES_MAX];
    char *texts[RULES_MAX][2];
    size_t n = 0;
    db_stmt *q;
    *target = *rule_id = 0;
    int rc = db_query(d, &q, err,
                      "SELECT r.id,r.priority,COALESCE(r.keyword,''),COALESCE(r.kind,''),"
                      "r.target_unit_id FROM message_rules r JOIN units s ON s.id=r.scope_unit_id "
                      "WHERE substr(?,1,length(s.path))=s.path", "t", unit_path);
    if (rc)
        return rc;
    while (n < RULES_MAX && (rc = db_next(q)) == 1) {
        texts[n][0] = strdup(db_text(q, 2));
        texts[n][1] = strdup(db_text(q, 3));
        rules[n] = (gm_route_rule){db_int(q, 0), (int)db_int(q, 1), texts[n][0], texts[n][1],
                                   db_int(q, 4)};
        n++;
    }
    db_done(q);
    int won = rc < 0 ? -1 : msg_route_match(rules, n, kind, text);
    if (won >= 0) {
        *target = rules[won].target_unit_id;
        *rule_id = rules[won].id;
    }
    for (size_t i = 0; i < n; i++) {
        free(texts[i][0]);
        free(texts[i][1]);
    }
    return rc < 0 ? rc : GM_OK;
}

static json_t *rule_row(db_stmt *q)
{
    json_t *j = json_pack("{s:I,s:I,s:s,s:i,s:I,s:s,s:s}", "id", (json_int_t)db_int(q, 0),
                          "scope_unit_id", (json_int_t)db_int(q, 1), "scope_unit_name", db_text(q, 2),
                          "priority", (int)db_int(q, 3), "target_unit_id", (json_int_t)db_int(q, 6),
                          "target_unit_name", db_text(q, 7), "scope_path", db_text(q, 8));
    if (!j)
        return NULL;
    json_object_set_new(j, "keyword", db_is_null(q, 4) ? json_null() : json_string(db_text(q, 4)));
    json_object_set_new(j, "kind", db_is_null(q, 5) ? json_null() : json_string(db_text(q, 5)));
    int k;
    json_object_set_new(j, "kind_label",
                        !db_is_null(q, 5) && msg_kind_parse(db_text(q, 5), NULL, &k, NULL) == GM_OK
                            ? json_string(msg_kind_label(k))
                            : json_string("任意"));
    return j;
}

#define RULE_SQL                                                                                  \
    "SELECT r.id,r.scope_unit_id,s.name,r.priority,r.keyword,r.kind,r.target_unit_id,t.name,"    \
    "s.path FROM message_rules r JOIN units s ON s.id=r.scope_unit_id "                          \
    "JOIN units t ON t.id=r.target_unit_id "

int message_rules_list(db *d, const gm_actor *scope, json_t **out, gm_err *err)
{
    json_t *all, *e;
    size_t i;
    int rc = db_rows_json(d, &all, rule_row, err, RULE_SQL "ORDER BY s.path, r.priority, r.id", "");
    if (rc)
        return rc;
    json_t *arr = json_array();
    json_array_foreach(all, i, e) {
        const char *path = json_string_value(json_object_get(e, "scope_path"));
        if (!scope || rbac_allows(scope->grants, scope->n_grants, PERM_MESSAGE_READ, path)) {
            json_object_del(e, "scope_path");
            json_array_append(arr, e);
        }
    }
    json_decref(all);
    *out = arr;
    return GM_OK;
}

json_t *message_rule_json(db *d, long long id)
{
    json_t *arr;
    if (db_rows_json(d, &arr, rule_row, NULL, RULE_SQL "WHERE r.id=?", "i", id))
        return NULL;
    json_t *j = json_incref(json_array_get(arr, 0));
    json_decref(arr);
    if (j)
        json_object_del(j, "scope_path");
    return j;
}

int message_rule_get(db *d, long long id, gm_rule_in *out, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err, "SELECT scope_unit_id,target_unit_id,priority FROM message_rules "
                                  "WHERE id=?", "i", id);
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 1) {
        memset(out, 0, sizeof *out);
        out->scope_unit_id = db_int(q, 0);
        out->target_unit_id = db_int(q, 1);
        out->priority = (int)db_int(q, 2);
        rc = GM_OK;
    } else if (rc == 0) {
        rc = gm_fail(err, GM_E_NOTFOUND, "id", "分派规则 %lld 不存在", id);
    }
    db_done(q);
    return rc;
}

static int validate(db *d, const gm_rule_in *in, gm_err *err)
{
    gm_unit u;
    int k;
    if (in->keyword && *in->keyword && text_require(in->keyword, "keyword", 1, 50, err))
        return GM_E_INVALID;
    if (in->kind && *in->kind && msg_kind_parse(in->kind, "kind", &k, err))
        return GM_E_INVALID;
    if ((!in->keyword || !*in->keyword) && (!in->kind || !*in->kind))
        return gm_fail(err, GM_E_INVALID, "keyword", "规则至少需要关键词或留言类型之一");
    if (in->priority < 0 || in->priority > 1000)
        return gm_fail(err, GM_E_INVALID, "priority", "优先级应为 0 到 1000(小者优先)");
    if (units_get(d, in->target_unit_id, &u, NULL))
        return gm_fail(err, GM_E_INVALID, "target_unit_id", "单位 %lld 不存在", in->target_unit_id);
    if (units_get(d, in->scope_unit_id, &u, NULL))
        return gm_fail(err, GM_E_INVALID, "scope_unit_id", "单位 %lld 不存在", in->scope_unit_id);
    return GM_OK;
}

/* The kind stored as its code ("投诉" -> "complaint"). */
static const char *kind_code(const char *kind)
{
    int k;
    return kind && *kind && msg_kind_parse(kind, NULL, &k, NULL) == GM_OK ? msg_kind_name(k) : NULL;
}

static int add_in_transaction(db *d, const gm_actor *who, const gm_rule_in *in, long long *id,
                              gm_err *err)
{
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = db_query_int(d, id, err,
                          "INSERT INTO message_rules(scope_unit_id,priority,keyword,kind,"
                          "target_unit_id,created_at) VALUES(?,?,?,?,?,?) RETURNING id",
                          "iittit", in->scope_unit_id, (long long)in->priority,
                          in->keyword && *in->keyword ? in->keyword : NULL, kind_code(in->kind),
                          in->target_unit_id, now);
    return rc ? rc
              : audit_append_json(d, who, "message.rule_add", "message_rule", *id, NULL,
                                  message_rule_json(d, *id), err);
}

int message_rule_add(db *d, const gm_actor *who, const gm_rule_in *in, long long *id, gm_err *err)
{
    int rc = validate(d, in, err);
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, add_in_transaction(d, who, in, id, err), err);
    return rc;
}

static int update_in_transaction(db *d, const gm_actor *who, long long id, const gm_rule_in *in,
                                 gm_err *err)
{
    json_t *before = message_rule_json(d, id);
    int rc = db_exec(d, err,
                     "UPDATE message_rules SET priority=?,keyword=?,kind=?,target_unit_id=? WHERE id=?",
                     "ittii", (long long)in->priority, in->keyword && *in->keyword ? in->keyword : NULL,
                     kind_code(in->kind), in->target_unit_id, id);
    if (rc) {
        json_decref(before);
        return rc;
    }
    return audit_append_json(d, who, "message.rule_update", "message_rule", id, before,
                             message_rule_json(d, id), err);
}

int message_rule_update(db *d, const gm_actor *who, long long id, const gm_rule_in *in, gm_err *err)
{
    int rc = validate(d, in, err);
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, update_in_transaction(d, who, id, in, err), err);
    return rc;
}

static int delete_in_transaction(db *d, const gm_actor *who, long long id, gm_err *err)
{
    json_t *before = message_rule_json(d, id);
    int rc = db_exec(d, err, "DELETE FROM message_rules WHERE id=?", "i", id);
    if (rc) {
        json_decref(before);
        return rc;
    }
    return audit_append_json(d, who, "message.rule_delete", "message_rule", id, before, NULL, err);
}

int message_rule_delete(db *d, const gm_actor *who, long long id, gm_err *err)
{
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_end(d, delete_in_transaction(d, who, id, err), err);
    return rc;
}
