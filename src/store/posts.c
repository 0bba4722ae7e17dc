/*
 * posts.c - the post row, its versions, drafting and editing, and the step
 * writer (see posts.h).
 *
 * Invariant: posts.version is the newest post_versions.version of the post
 * and posts.title/body/major/repost_source equal that version's; both are
 * written only here, inside the action's transaction with its audit row.
 */
#include "store/posts.h"
#include "core/post_disclosure.h"
#include "store/accounts.h"
#include "store/audit.h"
#include "store/post_search.h"
#include "util/clock.h"
#include "util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void posts_release(gm_post *p)
{
    if (!p)
        return;
    free(p->title);
    free(p->body);
    free(p->repost_source);
    free(p->disclosure_basis);
    free(p->summary);
    p->title = p->body = p->repost_source = p->disclosure_basis = p->summary = NULL;
}

static int chain_from_text(const char *text, gm_post *p)
{
    json_t *a = json_loads(text, 0, NULL);
    size_t i;
    json_t *v;
    p->n_chain = 0;
    json_array_foreach(a, i, v) {
        int r = role_from_name(json_string_value(v));
        if (r >= 0 && p->n_chain < 2 * POST_MAX_LEVELS)
            p->chain[p->n_chain++] = (gm_role)r;
    }
    json_decref(a);
    return GM_OK;
}

static int load_accounts(db *d, gm_post *p, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT account_id FROM post_accounts WHERE post_id=? ORDER BY account_id",
                      "i", p->id);
    if (rc)
        return rc;
    p->n_accounts = 0;
    while ((rc = db_next(q)) == 1 && p->n_accounts < POST_MAX_ACCOUNTS)
        p->account_ids[p->n_accounts++] = db_int(q, 0);
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

static int post_from_row(db_stmt *q, gm_post *p, gm_err *err)
{
    p->id = db_int(q, 0);
    p->unit_id = db_int(q, 1);
    p->author_id = db_int(q, 2);
    if (post_state_parse(db_text(q, 3), &p->state))
        return gm_fail(err, GM_E_DB, NULL, "稿件 %lld 的状态无法识别", p->id);
    p->version = db_int(q, 4);
    p->title = strdup(db_text(q, 5));
    p->body = strdup(db_text(q, 6));
    p->major = (int)db_int(q, 7);
    p->repost_source = db_is_null(q, 8) ? NULL : strdup(db_text(q, 8));
    p->corrects = db_int(q, 9);
    p->level = (int)db_int(q, 10);
    snprintf(p->level_role, sizeof p->level_role, "%s", db_text(q, 11));
    chain_from_text(db_text(q, 12), p);
    snprintf(p->unit_path, sizeof p->unit_path, "%s", db_text(q, 13));
    snprintf(p->level_due, sizeof p->level_due, "%s", db_text(q, 14));
    p->reminded_level = (int)db_int(q, 15);
    snprintf(p->disclosure_type, sizeof p->disclosure_type, "%s", db_text(q, 16));
    p->disclosure_basis = db_is_null(q, 17) ? NULL : strdup(db_text(q, 17));
    p->summary = db_is_null(q, 18) ? NULL : strdup(db_text(q, 18));
    if (!p->title || !p->body)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    return GM_OK;
}

int posts_get(db *d, long long id, gm_post *out, gm_err *err)
{
    db_stmt *q;
    memset(out, 0, sizeof *out);
    int rc = db_query(d, &q, err,
                      "SELECT p.id,p.unit_id,p.author_id,p.state,p.version,p.title,p.body,p.major,"
                      "p.repost_source,COALESCE(p.corrects,0),p.level,COALESCE(p.level_role,''),"
                      "COALESCE(p.chain,'[]'),u.path,COALESCE(p.level_due,''),p.reminded_level,"
                      "COALESCE(p.disclosure_type,''),p.disclosure_basis,p.summary "
                      "FROM posts p JOIN units u ON u.id=p.unit_id WHERE p.id=?",
                      "i", id);
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 1)
        rc = post_from_row(q, out, err);
    else if (rc == 0)
        rc = gm_fail(err, GM_E_NOTFOUND, "id", "稿件 %lld 不存在", id);
    db_done(q);
    if (!rc)
        rc = load_accounts(d, out, err);
    if (rc)
        posts_release(out);
    return rc;
}

/* ---- validation ---- */

static int input_check(const post_input *in, gm_err *err)
{
    int rc = GM_OK;
    if (in->title)
        rc = text_require(in->title, "title", 1, POST_TITLE_MAX, err);
    if (!rc && in->body && text_first_invalid_utf8(in->body, strlen(in->body)) >= 0)
        rc = gm_fail(err, GM_E_INVALID, "body", "正文不是有效的 UTF-8");
    if (!rc && in->body && (!*in->body || text_codepoints(in->body) > POST_BODY_MAX))
        rc = gm_fail(err, GM_E_INVALID, "body", "正文应为 1 到 %d 个字符", POST_BODY_MAX);
    if (!rc && in->set_repost_source && in->repost_source && text_codepoints(in->repost_source) > 200)
        rc = gm_fail(err, GM_E_INVALID, "repost_source", "转载来源不能超过 200 个字符");
    if (!rc && in->set_summary && in->summary)
        rc = text_require(in->summary, "summary", 0, POST_SUMMARY_MAX, err);
    if (!rc && in->set_disclosure)
        rc = post_disclosure_check(in->disclosure_type, in->disclosure_basis, err);
    if (!rc && in->account_ids && (in->n_accounts < 1 || in->n_accounts > POST_MAX_ACCOUNTS))
        rc = gm_fail(err, GM_E_INVALID, "account_ids", "发布账号应选择 1 到 %d 个",
                     POST_MAX_ACCOUNTS);
    for (int i = 0; !rc && in->account_ids && i < in->n_accounts; i++)
        for (int j = 0; j < i; j++)
            if (in->account_ids[i] == in->account_ids[j])
                return gm_fail(err, GM_E_INVALID, "account_ids", "账号 %lld 重复",
                               in->account_ids[i]);
    return rc;
}

int posts_accounts_unit(db *d, const long long *ids, int n, long long *unit_id, gm_err *err)
{
    *unit_id = 0;
    for (int i = 0; i < n; i++) {
        gm_account a;
        gm_err why;
        int rc = accounts_get(d, ids[i], &a, &why);
        if (rc == GM_E_NOTFOUND)
            return gm_fail(err, GM_E_CONFLICT, "account_ids", "账号 %lld 不存在", ids[i]);
        if (rc)
            return gm_fail(err, rc, NULL, "%s", why.message);
        long long u = a.unit_id;
        rc = account_can_receive_posts(a.state, &why);
        accounts_release(&a);
        if (rc)
            return gm_fail(err, GM_E_CONFLICT, "account_ids", "账号 %lld 不能发布:%s", ids[i],
                           why.message);
        if (*unit_id && u != *unit_id)
            return gm_fail(err, GM_E_CONFLICT, "account_ids", "一篇稿件的目标账号应属于同一单位");
        *unit_id = u;
    }
    return GM_OK;
}

/* ---- writing ---- */

static char *ids_text(const long long *ids, int n)
{
    json_t *a = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(a, json_integer(ids[i]));
    char *s = json_dumps(a, JSON_COMPACT);
    json_decref(a);
    return s;
}

static int write_version(db *d, const gm_actor *who, long long id, long long version,
                         const char *title, const char *body, int major, const char *source,
                         const long long *ids, int n, const char *now, gm_err *err)
{
    char *acc = ids_text(ids, n);
    if (!acc)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    int rc = db_exec(d, err,
                     "INSERT INTO post_versions(post_id,version,title,body,major,repost_source,"
                     "account_ids,created_at,created_by) VALUES(?,?,?,?,?,?,?,?,?)",
                     "iittittti", id, version, title, body, (long long)major, source, acc, now,
                     who->user_id);
    free(acc);
    return rc ? rc : post_search_put(d, id, title, body, err);
}

/* The lawful-disclosure declaration of a version (core/post_disclosure.h),
 * on the post and on its archived version; type NULL or "": none. */
static int write_disclosure(db *d, long long id, long long version, const char *type,
                            const char *basis, gm_err *err)
{
    if (type && !*type)
        type = NULL;
    if (!type)
        basis = NULL;
    int rc = db_exec(d, err, "UPDATE posts SET disclosure_type=?,disclosure_basis=? WHERE id=?",
                     "tti", type, basis, id);
    return rc ? rc : db_exec(d, err,
                             "UPDATE post_versions SET disclosure_type=?,disclosure_basis=? "
                             "WHERE post_id=? AND version=?",
                             "ttii", type, basis, id, version);
}

/* The summary of a version, on the post and on its archived version;
 * NULL or "": none. */
static int write_summary(db *d, long long id, long long version, const char *summary,
                         gm_err *err)
{
    if (summary && !*summary)
        summary = NULL;
    int rc = db_exec(d, err, "UPDATE posts SET summary=? WHERE id=?", "ti", summary, id);
    return rc ? rc : db_exec(d, err,
                             "UPDATE post_versions SET summary=? WHERE post_id=? AND version=?",
                             "tii", summary, id, version);
}

json_t *post_disclosure_json(const char *type, const char *basis)
{
    return type && *type && post_disclosure_label(type)
               ? json_pack("{s:s,s:s,s:s}", "type", type, "label", post_disclosure_label(type),
                           "basis", basis ? basis : "")
               : json_null();
}

static int write_accounts(db *d, long long id, const long long *ids, int n, gm_err *err)
{
    int rc = db_exec(d, err, "DELETE FROM post_accounts WHERE post_id=?", "i", id);
    for (int i = 0; !rc && i < n; i++)
        rc = db_exec(d, err, "INSERT INTO post_accounts(post_id,account_id) VALUES(?,?)", "ii", id,
                     ids[i]);
    return rc;
}

int post_step_record(db *d, const gm_actor *who, const gm_post *p, gm_post_state before,
                     gm_post_state after, const post_step *s, gm_err *err)
{
    char now[GM_ISO_LEN], *detail = NULL, action[48];
    clock_iso_from_now(now, 0);
    if (s->detail)
        detail = json_dumps(s->detail, JSON_COMPACT | JSON_SORT_KEYS);
    int rc = db_exec(d, err,
                     "INSERT INTO post_steps(post_id,version,action,level,role,user_id,login,note,"
                     "reason,override_reason,confidentiality,account_id,detail,at) "
                     "VALUES(?,?,?,NULLIF(?,0),?,?,?,?,?,?,NULLIF(?,-1),?,?,?)",
                     "iititnttttintt", p->id, p->version, s->action, (long long)s->level,
                     who->role, who->user_id, who->login, s->note, s->reason, s->override_reason,
                     (long long)s->confidentiality, s->account_id, detail, now);
    free(detail);
    json_t *disc = json_incref(json_object_get(s->detail, "disclosure"));
    json_decref(s->detail);
    if (rc) {
        json_decref(disc);
        return rc;
    }
    snprintf(action, sizeof action, "post.%s", s->action);
    json_t *b = json_pack("{s:s}", "state", post_state_name(before));
    json_t *a = json_pack("{s:s,s:I,s:i}", "state", post_state_name(after), "version",
                          (json_int_t)p->version, "level", s->level);
    if (s->account_id)
        json_object_set_new(a, "account_id", json_integer(s->account_id));
    /* the why of the step, as the post's history keeps it */
    if (s->reason && *s->reason)
        json_object_set_new(a, "reason", json_string(s->reason));
    if (s->note && *s->note)
        json_object_set_new(a, "note", json_string(s->note));
    if (s->override_reason && *s->override_reason)
        json_object_set_new(a, "override_reason", json_string(s->override_reason));
    if (s->confidentiality >= 0)
        json_object_set_new(a, "confidentiality_confirmed", json_boolean(s->confidentiality));
    if (disc)
        json_object_set_new(a, "disclosure", disc);
    return audit_append_json(d, who, action, "post", p->id, b, a, err);
}

void post_notice_title(char *out, size_t cap, const char *prefix, const char *title)
{
    /* at most 60 code points of the title, cut on a character boundary */
    size_t n = 0, b = 0;
    while (title[b] && n < 60) {
        b++;
        while (((unsigned char)title[b] & 0xC0) == 0x80)
            b++;
        n++;
    }
    snprintf(out, cap, "%s%.*s%s", prefix, (int)b, title, title[b] ? "…" : "");
}

/* ---- create, edit, withdraw ---- */

static int corrects_check(db *d, long long corrects, long long unit_id, gm_err *err)
{
    if (!corrects)
        return GM_OK;
    gm_post old;
    int rc = posts_get(d, corrects, &old, err);
    if (rc == GM_E_NOTFOUND)
        return gm_fail(err, GM_E_INVALID, "corrects", "被更正的稿件 %lld 不存在", corrects);
    if (rc)
        return rc;
    if (old.state != POST_PUBLISHED)
        rc = gm_fail(err, GM_E_CONFLICT, "corrects", "只能更正已发布的稿件");
    else if (old.unit_id != unit_id)
        rc = gm_fail(err, GM_E_CONFLICT, "corrects", "更正稿应发往原稿件所属单位的账号");
    posts_release(&old);
    return rc;
}

static int create_in_tx(db *d, const gm_actor *who, long long unit_id, const post_input *in,
                        long long *id_out, gm_err *err)
{
    long long u;
    int rc = posts_accounts_unit(d, in->account_ids, in->n_accounts, &u, err);
    if (!rc && u != unit_id)
        rc = gm_fail(err, GM_E_CONFLICT, "account_ids", "目标账号不属于该单位");
    if (!rc)
        rc = corrects_check(d, in->corrects, unit_id, err);
    if (rc)
        return rc;
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    const char *src = in->set_repost_source ? in->repost_source : NULL;
    int major = in->major > 0;
    rc = db_query_int(d, id_out, err,
                      "INSERT INTO posts(unit_id,author_id,state,version,title,body,major,"
                      "repost_source,corrects,created_at,updated_at) "
                      "VALUES(?,?,'draft',1,?,?,?,?,?,?,?) RETURNING id",
                      "iittitntt", unit_id, who->user_id, in->title, in->body, (long long)major,
                      src, in->corrects, now, now);
    if (!rc)
        rc = write_accounts(d, *id_out, in->account_ids, in->n_accounts, err);
    if (!rc)
        rc = write_version(d, who, *id_out, 1, in->title, in->body, major, src, in->account_ids,
                           in->n_accounts, now, err);
    const char *dtype = in->set_disclosure ? in->disclosure_type : NULL;
    if (!rc)
        rc = write_disclosure(d, *id_out, 1, dtype, in->disclosure_basis, err);
    if (!rc)
        rc = write_summary(d, *id_out, 1, in->set_summary ? in->summary : NULL, err);
    if (rc)
        return rc;
    gm_post p;
    if ((rc = posts_get(d, *id_out, &p, err)) != GM_OK)
        return rc;
    post_step st = {.action = in->corrects ? "correct" : "create", .confidentiality = -1};
    st.detail = json_object();
    if (in->corrects)
        json_object_set_new(st.detail, "corrects", json_integer(in->corrects));
    if (dtype && *dtype)
        json_object_set_new(st.detail, "disclosure",
                            post_disclosure_json(dtype, in->disclosure_basis));
    if (!json_object_size(st.detail)) {
        json_decref(st.detail);
        st.detail = NULL;
    }
    rc = post_step_record(d, who, &p, POST_DRAFT, POST_DRAFT, &st, err);
    posts_release(&p);
    return rc;
}

int posts_create(db *d, const gm_actor *who, long long unit_id, const post_input *in,
                 long long *id_out, gm_err *err)
{
    if (!in->title || !in->body || !in->account_ids)
        return gm_fail(err, GM_E_INVALID, !in->title ? "title" : !in->body ? "body" : "account_ids",
                       "缺少必填字段:%s", !in->title ? "标题" : !in->body ? "正文" : "发布账号");
    int rc = input_check(in, err);
    if (rc)
        return rc;
    rc = db_begin(d, err);
    if (!rc)
        rc = create_in_tx(d, who, unit_id, in, id_out, err);
    return db_end(d, rc, err);
}

static int require_author(const gm_actor *who, const gm_post *p, gm_err *err)
{
    return who->user_id == p->author_id
               ? GM_OK
               : gm_fail(err, GM_E_DENIED, "author", "只有作者本人可以修改或撤回稿件");
}

static int edit_in_tx(db *d, const gm_actor *who, long long id, const post_input *in, gm_err *err)
{
    gm_post p;
    int rc = posts_get(d, id, &p, err);
    if (rc)
        return rc;
    rc = post_event_check(p.state, POST_EDIT, err);
    if (!rc)
        rc = require_author(who, &p, err);
    long long u;
    if (!rc && in->account_ids) {
        rc = posts_accounts_unit(d, in->account_ids, in->n_accounts, &u, err);
        if (!rc && u != p.unit_id)
            rc = gm_fail(err, GM_E_CONFLICT, "account_ids", "目标账号不属于该稿件的单位");
    }
    if (rc) {
        posts_release(&p);
        return rc;
    }
    const char *title = in->title ? in->title : p.title, *body = in->body ? in->body : p.body;
    const char *src = in->set_repost_source ? in->repost_source : p.repost_source;
    int major = in->major >= 0 ? in->major : p.major;
    const long long *ids = in->account_ids ? in->account_ids : p.account_ids;
    int n = in->account_ids ? in->n_accounts : p.n_accounts;
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    long long version = p.version + 1;
    rc = db_exec(d, err,
                 "UPDATE posts SET state='draft',version=?,title=?,body=?,major=?,repost_source=?,"
                 "level=0,level_role=NULL,level_due=NULL,level_since=NULL,updated_at=? "
                 "WHERE id=? AND version=?",
                 "ittittii", version, title, body, (long long)major, src, now, id, p.version);
    if (!rc && db_changes(d) != 1)
        rc = gm_fail(err, GM_E_CONFLICT, "version", "稿件已被他人修改,请刷新后重试");
    if (!rc && in->account_ids)
        rc = write_accounts(d, id, ids, n, err);
    if (!rc)
        rc = write_version(d, who, id, version, title, body, major, src, ids, n, now, err);
    const char *dtype = in->set_disclosure ? in->disclosure_type : p.disclosure_type;
    const char *dbasis = in->set_disclosure ? in->disclosure_basis : p.disclosure_basis;
    if (!rc)
        rc = write_disclosure(d, id, version, dtype, dbasis, err);
    if (!rc)
        rc = write_summary(d, id, version, in->set_summary ? in->summary : p.summary, err);
    gm_post_state before = p.state;
    p.version = version;
    post_step st = {.action = "edit", .confidentiality = -1};
    if (in->set_disclosure)
        st.detail = json_pack("{s:o}", "disclosure", post_disclosure_json(dtype, dbasis));
    if (!rc)
        rc = post_step_record(d, who, &p, before, POST_DRAFT, &st, err);
    posts_release(&p);
    return rc;
}

int posts_edit(db *d, const gm_actor *who, long long id, const post_input *in, gm_err *err)
{
    int rc = input_check(in, err);
    if (!rc)
        rc = db_begin(d, err);
    if (!rc)
        rc = db_end(d, edit_in_tx(d, who, id, in, err), err);
    return rc;
}

static int withdraw_in_tx(db *d, const gm_actor *who, long long id, gm_err *err)
{
    gm_post p;
    int rc = posts_get(d, id, &p, err);
    if (rc)
        return rc;
    rc = post_event_check(p.state, POST_WITHDRAW, err);
    if (!rc)
        rc = require_author(who, &p, err);
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    if (!rc)
        rc = db_exec(d, err, "UPDATE posts SET state='withdrawn',updated_at=? WHERE id=?", "ti",
                     now, id);
    post_step st = {.action = "withdraw", .confidentiality = -1};
    if (!rc)
        rc = post_step_record(d, who, &p, p.state, POST_WITHDRAWN, &st, err);
    posts_release(&p);
    return rc;
}

int posts_withdraw(db *d, const gm_actor *who, long long id, gm_err *err)
{
    int rc = db_begin(d, err);
    return rc ? rc : db_end(d, withdraw_in_tx(d, who, id, err), err);
}
