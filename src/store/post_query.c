/*
 * post_query.c - post lists, details and history (see post_query.h).
 *
 * Visibility is decided row by row with rbac_allows() on the post's unit
 * path (PERM_POST_READ), the rule a direct read applies, so a list never
 * shows what a direct read would refuse.  Full-text search goes through
 * store/post_search.h (the driver's index).
 */
#include "store/actor_name.h"
#include "store/post_query.h"
#include "store/posts.h"
#include "store/db_rows.h"
#include "store/db_sql.h"
#include "store/post_attachments.h"
#include "store/post_search.h"
#include "store/publications.h"
#include "core/post.h"
#include "util/iso_time.h"

#include <stdio.h>
#include <string.h>

#define POST_LIST_COLUMNS                                                                       \
    "p.id,p.unit_id,un.name,p.author_id,au.login,au.display_name,p.state,p.version,p.title,"     \
    "substr(p.body,1,120),p.major,p.repost_source,p.corrects,p.level,p.level_role,p.level_due,"  \
    "p.created_at,p.updated_at,p.submitted_at,p.approved_at,p.published_at,un.path,"             \
    "(SELECT " DB_SQL_LIST_AGG("account_id") " FROM post_accounts pa WHERE pa.post_id=p.id)"

static json_t *opt_text(db_stmt *q, int c)
{
    return db_is_null(q, c) ? json_null() : json_string(db_text(q, c));
}

static json_t *opt_int(db_stmt *q, int c)
{
    return db_is_null(q, c) ? json_null() : json_integer(db_int(q, c));
}

static json_t *id_list(const char *csv)
{
    json_t *a = json_array();
    for (const char *s = csv; s && *s;) {
        long long v = 0;
        while (*s >= '0' && *s <= '9')
            v = v * 10 + (*s++ - '0');
        json_array_append_new(a, json_integer(v));
        while (*s && (*s < '0' || *s > '9'))
            s++;
    }
    return a;
}

/* The China date rows are judged overdue against; set by the calling
 * thread around its query (the row callback has no context argument). */
static __thread const char *row_today;

static json_t *post_row_json(db_stmt *q)
{
    gm_post_state st;
    const char *state = db_text(q, 6);
    post_state_parse(state, &st);
    int role = role_from_name(db_text(q, 14));
    int overdue = st == POST_IN_REVIEW && row_today && !db_is_null(q, 15) &&
                  strcmp(db_text(q, 15), row_today) < 0;
    return json_pack("{s:I,s:I,s:s,s:{s:I,s:s,s:s},s:s,s:s,s:I,s:s,s:s,s:b,s:o,s:o,s:o,s:o,s:o,"
                     "s:o,s:b,s:s,s:s,s:o,s:o,s:o,s:o}",
                     "id", (json_int_t)db_int(q, 0), "unit_id", (json_int_t)db_int(q, 1),
                     "unit_name", db_text(q, 2), "author", "id", (json_int_t)db_int(q, 3),
                     "login", db_text(q, 4), "display_name", db_text(q, 5), "state", state,
                     "state_label", post_state_label(st), "version", (json_int_t)db_int(q, 7),
                     "title", db_text(q, 8), "excerpt", db_text(q, 9), "major",
                     (int)db_int(q, 10), "repost_source", opt_text(q, 11), "corrects",
                     opt_int(q, 12), "level",
                     db_int(q, 13) ? json_integer(db_int(q, 13)) : json_null(), "level_role",
                     opt_text(q, 14), "level_role_label",
                     role >= 0 ? json_string(role_label_zh((gm_role)role)) : json_null(),
                     "level_due", opt_text(q, 15), "overdue", overdue, "created_at",
                     db_text(q, 16), "updated_at", db_text(q, 17), "submitted_at",
                     opt_text(q, 18), "approved_at", opt_text(q, 19), "published_at",
                     opt_text(q, 20), "account_ids", id_list(db_text(q, 22)));
}

static int may_read(const gm_actor *who, const char *path)
{
    return !who || rbac_allows(who->grants, who->n_grants, PERM_POST_READ, path);
}

/* Does the actor hold the level role on the post's own unit? */
static int awaits(const gm_actor *who, const char *path, const char *role)
{
    for (size_t i = 0; who && i < who->n_grants; i++)
        if (strcmp(role_name(who->grants[i].role), role) == 0 &&
            strcmp(who->grants[i].unit_path, path) == 0)
            return 1;
    return 0;
}

static int day_bounds(const post_filter *f, char from[GM_ISO_LEN], char to[GM_ISO_LEN],
                      gm_err *err)
{
    char tmp[GM_ISO_LEN];
    from[0] = to[0] = '\0';
    int rc = f->from ? iso_time_china_day_range(f->from, "from", from, tmp, err) : GM_OK;
    if (!rc && f->to)
        rc = iso_time_china_day_range(f->to, "to", tmp, to, err);
    return rc;
}

int posts_list(db *d, const gm_actor *who, const post_filter *f, json_t **out, gm_err *err)
{
    char from[GM_ISO_LEN], to[GM_ISO_LEN], qbuf[2048], sql[3072];
    const char *fts, *plain;
    int rc = day_bounds(f, from, to, err);
    if (rc)
        return rc;
    post_search_params(f->q, qbuf, sizeof qbuf, &fts, &plain);
    snprintf(sql, sizeof sql,
             "SELECT " POST_LIST_COLUMNS " FROM posts p JOIN units un ON un.id=p.unit_id "
             "JOIN users au ON au.id=p.author_id WHERE (? IS NULL OR p.state=?) "
             "AND (? IS NULL OR p.id IN (SELECT post_id FROM post_accounts WHERE account_id=?)) "
             "AND (? IS NULL OR un.path LIKE (SELECT path FROM units WHERE id=?)||'%%') "
             "AND (? IS NULL OR au.login=?) "
             "AND (? IS NULL OR p.id IN (SELECT s.post_id FROM post_steps s WHERE s.login=? AND "
             "s.action IN ('approve','reject'))) "
             "AND (? IS NULL OR COALESCE(p.published_at,p.created_at)>=?) "
             "AND (? IS NULL OR COALESCE(p.published_at,p.created_at)<?) AND %s "
             "ORDER BY COALESCE(p.published_at,p.updated_at) DESC, p.id DESC",
             post_search_where());
    const char *fv = from[0] ? from : NULL, *tv = to[0] ? to : NULL;
    db_stmt *q;
    rc = db_query(d, &q, err, sql, "ttnnnnttttttttttttt", f->state, f->state, f->account_id,
                  f->account_id, f->unit_id, f->unit_id, f->author, f->author, f->reviewer,
                  f->reviewer, fv, fv, tv, tv, fts, fts, plain, plain, plain);
    if (rc)
        return rc;
    json_t *arr = json_array();
    long long total = 0;
    row_today = f->today;
    while ((rc = db_next(q)) == 1) {
        const char *path = db_text(q, 21);
        if (!may_read(who, path))
            continue;
        if (f->awaiting_me && (strcmp(db_text(q, 6), "in_review") != 0 ||
                               db_int(q, 3) == who->user_id || !awaits(who, path, db_text(q, 14))))
            continue;
        if (f->overdue && (strcmp(db_text(q, 6), "in_review") != 0 || !f->today ||
                           strcmp(db_text(q, 15), f->today) >= 0))
            continue;
        if (total++ < f->offset || (long long)json_array_size(arr) >= f->limit)
            continue;
        json_array_append_new(arr, post_row_json(q));
    }
    db_done(q);
    row_today = NULL;
    if (rc < 0) {
        json_decref(arr);
        return rc;
    }
    *out = json_pack("{s:o,s:I,s:I,s:I}", "posts", arr, "total", (json_int_t)total, "limit",
                     (json_int_t)f->limit, "offset", (json_int_t)f->offset);
    return GM_OK;
}

/* ---- one post ---- */

static json_t *version_json(db_stmt *q)
{
    json_t *findings = db_is_null(q, 6) ? json_null() : json_loads(db_text(q, 6), 0, NULL);
    json_t *v = json_pack("{s:I,s:s,s:s,s:b,s:o,s:o,s:o,s:o,s:s,s:s}", "version",
                     (json_int_t)db_int(q, 0), "title", db_text(q, 1), "body", db_text(q, 2),
                     "major", (int)db_int(q, 3), "repost_source", opt_text(q, 4), "account_ids",
                     id_list(db_text(q, 5)), "findings", findings ? findings : json_null(),
                     "checked_at", opt_text(q, 7), "created_at", db_text(q, 8), "created_by",
                     db_text(q, 9));
    if (v) {
        json_object_set_new(v, "disclosure",
                            post_disclosure_json(db_is_null(q, 10) ? NULL : db_text(q, 10),
                                                 db_is_null(q, 11) ? NULL : db_text(q, 11)));
        json_object_set_new(v, "summary", opt_text(q, 12));
    }
    return v;
}

static json_t *schedule_json(db_stmt *q)
{
    return json_pack("{s:I,s:I,s:s,s:b,s:s,s:o,s:o,s:s}", "id", (json_int_t)db_int(q, 0),
                     "account_id", (json_int_t)db_int(q, 1), "at", db_text(q, 2), "mass_send",
                     (int)db_int(q, 3), "state", db_text(q, 4), "publication_id", opt_int(q, 5),
                     "error", opt_text(q, 6), "operator", db_text(q, 7));
}

static json_t *brief_json(db_stmt *q)
{
    return json_pack("{s:I,s:s,s:s}", "id", (json_int_t)db_int(q, 0), "title", db_text(q, 1),
                     "state", db_text(q, 2));
}

static json_t *account_brief_json(db_stmt *q)
{
    return json_pack("{s:I,s:s,s:s,s:s}", "id", (json_int_t)db_int(q, 0), "name", db_text(q, 1),
                     "platform", db_text(q, 2), "state", db_text(q, 3));
}

static int detail_parts(db *d, long long id, json_t *o, gm_err *err)
{
    json_t *v = NULL, *pubs = NULL, *sch = NULL, *corr = NULL, *acc = NULL, *att = NULL;
    int rc = db_rows_json(d, &v, version_json, err,
                          "SELECT v.version,v.title,v.body,v.major,v.repost_source,"
                          "replace(replace(v.account_ids,'[',''),']',''),v.findings,v.checked_at,"
                          "v.created_at,u.login,v.disclosure_type,v.disclosure_basis,v.summary "
                          "FROM post_versions v "
                          "JOIN users u ON "
                          "u.id=v.created_by WHERE v.post_id=? ORDER BY v.version DESC",
                          "i", id);
    if (!rc)
        rc = publications_of_post(d, id, &pubs, err);
    if (!rc)
        rc = db_rows_json(d, &sch, schedule_json, err,
                          "SELECT s.id,s.account_id,s.at,s.mass_send,s.state,s.publication_id,"
                          "s.error,u.login FROM post_schedules s JOIN users u ON "
                          "u.id=s.operator_id WHERE s.post_id=? ORDER BY s.id",
                          "i", id);
    if (!rc)
        rc = db_rows_json(d, &corr, brief_json, err,
                          "SELECT id,title,state FROM posts WHERE corrects=? ORDER BY id", "i", id);
    if (!rc)
        rc = db_rows_json(d, &acc, account_brief_json, err,
                          "SELECT a.id,a.name,a.platform,a.state FROM post_accounts pa JOIN "
                          "accounts a ON a.id=pa.account_id WHERE pa.post_id=? ORDER BY a.id",
                          "i", id);
    if (!rc)
        rc = post_attachments_list(d, id, &att, err);
    json_object_set_new(o, "attachments", att ? att : json_array());
    json_object_set_new(o, "versions", v ? v : json_array());
    json_object_set_new(o, "publications", pubs ? pubs : json_array());
    json_object_set_new(o, "schedules", sch ? sch : json_array());
    json_object_set_new(o, "corrected_by", corr ? corr : json_array());
    json_object_set_new(o, "accounts", acc ? acc : json_array());
    return rc;
}

int posts_detail(db *d, long long id, const char *today, json_t **out, gm_err *err)
{
    json_t *arr = NULL;
    row_today = today;
    int rc = db_rows_json(d, &arr, post_row_json, err,
                          "SELECT " POST_LIST_COLUMNS " FROM posts p JOIN units un ON "
                          "un.id=p.unit_id JOIN users au ON au.id=p.author_id WHERE p.id=?",
                          "i", id);
    row_today = NULL;
    if (rc)
        return rc;
    json_t *o = json_incref(json_array_get(arr, 0));
    json_decref(arr);
    if (!o)
        return gm_fail(err, GM_E_NOTFOUND, "id", "稿件 %lld 不存在", id);
    json_t *cur = NULL;
    db_stmt *q;
    rc = db_query(d, &q, err, "SELECT body,policy,chain,disclosure_type,disclosure_basis,summary "
                  "FROM posts WHERE id=?", "i", id);
    if (!rc && db_next(q) == 1) {
        json_object_set_new(o, "disclosure",
                            post_disclosure_json(db_is_null(q, 3) ? NULL : db_text(q, 3),
                                                 db_is_null(q, 4) ? NULL : db_text(q, 4)));
        json_object_set_new(o, "body", json_string(db_text(q, 0)));
        json_object_set_new(o, "summary", opt_text(q, 5));
        cur = db_is_null(q, 1) ? NULL : json_loads(db_text(q, 1), 0, NULL);
        json_object_set_new(o, "policy", cur ? cur : json_null());
        json_t *ch = db_is_null(q, 2) ? NULL : json_loads(db_text(q, 2), 0, NULL);
        json_object_set_new(o, "chain", ch ? ch : json_array());
    }
    if (!rc)
        db_done(q);
    if (!rc)
        rc = detail_parts(d, id, o, err);
    if (rc) {
        json_decref(o);
        return rc;
    }
    *out = o;
    return GM_OK;
}

/* ---- history ---- */

static const struct {
    const char *action, *label;
} action_labels[] = {
    {"create", "起草"},   {"correct", "起草更正稿"}, {"edit", "修改"},      {"check", "合规检查未通过"},
    {"submit", "提交审核"}, {"approve", "审核通过"},  {"reject", "退回"},    {"preview", "预览/测试发送"},
    {"schedule", "定时发布"}, {"publish", "发布"},    {"withdraw", "撤回"},  {"remind", "超时提醒"},
    {"cancel_schedule", "取消定时发布"}, {"attach", "添加附件"}, {"detach", "删除附件"},
};

static const char *action_label(const char *a)
{
    for (size_t i = 0; i < sizeof action_labels / sizeof action_labels[0]; i++)
        if (strcmp(action_labels[i].action, a) == 0)
            return action_labels[i].label;
    return a;
}

static json_t *step_json(db_stmt *q)
{
    int role = role_from_name(db_text(q, 5));
    json_t *detail = db_is_null(q, 13) ? NULL : json_loads(db_text(q, 13), 0, NULL);
    return json_pack("{s:I,s:s,s:s,s:I,s:o,s:s,s:s,s:o,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:s,s:o}", "id",
                     (json_int_t)db_int(q, 0), "action", db_text(q, 1), "action_label",
                     action_label(db_text(q, 1)), "version", (json_int_t)db_int(q, 2), "level",
                     opt_int(q, 3), "role", db_text(q, 5), "role_label",
                     role >= 0 ? role_label_zh((gm_role)role) : "系统", "user_id", opt_int(q, 6),
                     "login", db_text(q, 7), "note", opt_text(q, 8), "reason", opt_text(q, 9),
                     "override_reason", opt_text(q, 10), "confidentiality",
                     db_is_null(q, 11) ? json_null() : json_boolean(db_int(q, 11)), "account_id",
                     opt_int(q, 12), "detail", detail ? detail : json_null(), "at",
                     db_text(q, 14), "actor_name", actor_name_json(q, 4));
}

int posts_history(db *d, long long id, json_t **out, gm_err *err)
{
    json_t *arr;
    int rc = db_rows_json(d, &arr, step_json, err,
                          "SELECT id,action,version,level," ACTOR_NAME_SQL("post_steps.login") ",role,user_id,login,note,reason,"
                          "override_reason,confidentiality,account_id,detail,at FROM post_steps "
                          "WHERE post_id=? ORDER BY id",
                          "i", id);
    if (!rc)
        *out = json_pack("{s:I,s:o}", "post_id", (json_int_t)id, "steps", arr);
    return rc;
}
