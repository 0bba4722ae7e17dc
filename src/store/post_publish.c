/*
 * post_publish.c - grants, preview, publishing and scheduled publishing
 * (see post_publish.h).
 */
#include "store/post_publish.h"
#include "store/accounts.h"
#include "store/audit.h"
#include "store/db_rows.h"
#include "store/notify.h"
#include "store/publications.h"
#include "store/units.h"
#include "store/users.h"
#include "util/clock.h"
#include "util/iso_time.h"
#include "util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- grants ---- */

/* granted_by is the grantor's login as recorded; granted_by_name the name
 * people know them by (the login when that user is gone). */
static json_t *grant_json(db_stmt *q)
{
    return json_pack("{s:I,s:s,s:s,s:s,s:s,s:s}", "user_id", (json_int_t)db_int(q, 0), "login",
                     db_text(q, 1), "display_name", db_text(q, 2), "granted_at", db_text(q, 3),
                     "granted_by", db_text(q, 4), "granted_by_name",
                     db_is_null(q, 5) || !*db_text(q, 5) ? db_text(q, 4) : db_text(q, 5));
}

int publish_grants_list(db *d, long long account_id, json_t **out, gm_err *err)
{
    json_t *arr;
    int rc = db_rows_json(d, &arr, grant_json, err,
                          "SELECT g.user_id,u.login,u.display_name,g.granted_at,g.granted_by,"
                          "gb.display_name FROM publish_grants g JOIN users u ON u.id=g.user_id "
                          "LEFT JOIN users gb ON gb.login=g.granted_by "
                          "WHERE g.account_id=? ORDER BY u.login",
                          "i", account_id);
    if (!rc)
        *out = json_pack("{s:I,s:o}", "account_id", (json_int_t)account_id, "publishers", arr);
    return rc;
}

int publish_grant_held(db *d, long long account_id, long long user_id, int *held, gm_err *err)
{
    long long n = 0;
    int rc = db_query_int(d, &n, err,
                          "SELECT COUNT(*) FROM publish_grants WHERE account_id=? AND user_id=?",
                          "ii", account_id, user_id);
    *held = n > 0;
    return rc;
}

static int grant_add_in_tx(db *d, const gm_actor *who, long long account_id, long long user_id,
                           gm_err *err)
{
    gm_account a;
    long long ops = 0;
    int held, rc = accounts_get(d, account_id, &a, err);
    if (rc)
        return rc;
    rc = db_query_int(d, &ops, err,
                      "SELECT COUNT(*) FROM user_roles r JOIN users u ON u.id=r.user_id WHERE "
                      "r.user_id=? AND r.unit_id=? AND r.role='operator' AND u.disabled=0",
                      "ii", user_id, a.unit_id);
    accounts_release(&a);
    if (!rc && !ops)
        rc = gm_fail(err, GM_E_CONFLICT, "user_id", "用户 %lld 不是该账号所属单位的运维管理员",
                     user_id);
    if (!rc)
        rc = publish_grant_held(d, account_id, user_id, &held, err);
    if (!rc && held)
        rc = gm_fail(err, GM_E_CONFLICT, "user_id", "该用户已获授权");
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    if (!rc)
        rc = db_exec(d, err,
                     "INSERT INTO publish_grants(account_id,user_id,granted_at,granted_by) "
                     "VALUES(?,?,?,?)",
                     "iitt", account_id, user_id, now, who->login);
    if (!rc)
        rc = audit_append_json(d, who, "publish_grant.add", "publish_grant", account_id, NULL,
                               json_pack("{s:I}", "user_id", (json_int_t)user_id), err);
    return rc;
}

int publish_grants_add(db *d, const gm_actor *who, long long account_id, long long user_id,
                       gm_err *err)
{
    int rc = db_begin(d, err);
    return rc ? rc : db_end(d, grant_add_in_tx(d, who, account_id, user_id, err), err);
}

static int grant_remove_in_tx(db *d, const gm_actor *who, long long account_id, long long user_id,
                              gm_err *err)
{
    int rc = db_exec(d, err, "DELETE FROM publish_grants WHERE account_id=? AND user_id=?", "ii",
                     account_id, user_id);
    if (!rc && db_changes(d) != 1)
        rc = gm_fail(err, GM_E_NOTFOUND, "user_id", "该用户没有此账号的发布授权");
    if (!rc)
        rc = audit_append_json(d, who, "publish_grant.remove", "publish_grant", account_id,
                               json_pack("{s:I}", "user_id", (json_int_t)user_id), NULL, err);
    return rc;
}

int publish_grants_remove(db *d, const gm_actor *who, long long account_id, long long user_id,
                          gm_err *err)
{
    int rc = db_begin(d, err);
    return rc ? rc : db_end(d, grant_remove_in_tx(d, who, account_id, user_id, err), err);
}

/* ---- shared checks ---- */

static int target_of_post(const gm_post *p, long long account_id, gm_err *err)
{
    for (int i = 0; i < p->n_accounts; i++)
        if (p->account_ids[i] == account_id)
            return GM_OK;
    return gm_fail(err, GM_E_CONFLICT, "account_id", "账号 %lld 不是该稿件的目标账号", account_id);
}

/* The actor may publish p on account_id: legal state, a target, a grant,
 * a live account.  platform gets the account's platform. */
static int may_publish(db *d, const gm_actor *who, const gm_post *p, gm_post_event e,
                       long long account_id, char platform[16], gm_err *err)
{
    int held = 0;
    int rc = post_event_check(p->state, e, err);
    if (!rc)
        rc = target_of_post(p, account_id, err);
    if (!rc)
        rc = publish_grant_held(d, account_id, who->user_id, &held, err);
    if (!rc && !held)
        rc = gm_fail(err, GM_E_DENIED, "account_id",
                     "您未获得该账号的发布授权(授权发布:由信息中心按账号授权)");
    gm_account a;
    if (!rc && (rc = accounts_get(d, account_id, &a, err)) == GM_OK) {
        snprintf(platform, 16, "%s", a.platform);
        rc = account_can_receive_posts(a.state, err);
        accounts_release(&a);
        if (rc)
            err->code = rc, snprintf(err->field, sizeof err->field, "account_id");
    }
    return rc;
}

/* ---- preview ---- */

static int preview_in_tx(db *d, const gm_actor *who, long long id, long long account_id,
                         gm_err *err)
{
    gm_post p;
    char platform[16];
    int rc = posts_get(d, id, &p, err);
    if (rc)
        return rc;
    rc = may_publish(d, who, &p, POST_PREVIEW, account_id, platform, err);
    post_step st = {.action = "preview", .account_id = account_id, .confidentiality = -1};
    if (!rc)
        rc = post_step_record(d, who, &p, p.state, p.state, &st, err);
    posts_release(&p);
    return rc;
}

int posts_preview(db *d, const gm_actor *who, long long id, long long account_id, gm_err *err)
{
    int rc = db_begin(d, err);
    return rc ? rc : db_end(d, preview_in_tx(d, who, id, account_id, err), err);
}

/* ---- publish ---- */

static int already_on_account(db *d, const gm_post *p, long long account_id, gm_err *err)
{
    long long n = 0;
    int rc = db_query_int(d, &n, err,
                          "SELECT (SELECT COUNT(*) FROM publications WHERE post_id=? AND "
                          "account_id=?)+(SELECT COUNT(*) FROM post_schedules WHERE post_id=? AND "
                          "account_id=? AND state='pending')",
                          "iiii", p->id, account_id, p->id, account_id);
    if (!rc && n)
        rc = gm_fail(err, GM_E_CONFLICT, "account_id", "该稿件已在账号 %lld 发布或已排定定时发布",
                     account_id);
    return rc;
}

static int mass_send_allowed(db *d, const gm_post *p, long long account_id, const char *platform,
                             time_t when, gm_err *err)
{
    long long previews = 0, sends = 0, pending = 0;
    char day[11], from[GM_ISO_LEN], to[GM_ISO_LEN];
    iso_time_china_day(when, day);
    int rc = db_query_int(d, &previews, err,
                          "SELECT COUNT(*) FROM post_steps WHERE post_id=? AND version=? AND "
                          "action='preview' AND account_id=?",
                          "iii", p->id, p->version, account_id);
    if (!rc)
        rc = publications_mass_sends_on(d, account_id, day, &sends, err);
    if (!rc)
        rc = iso_time_china_day_range(day, "day", from, to, err);
    if (!rc)
        rc = db_query_int(d, &pending, err,
                          "SELECT COUNT(*) FROM post_schedules WHERE account_id=? AND mass_send=1 "
                          "AND state='pending' AND at>=? AND at<?",
                          "itt", account_id, from, to);
    return rc ? rc : post_mass_send_check(platform, previews > 0, sends + pending, err);
}

static json_t *publication_json(db *d, long long pub_id)
{
    json_t *arr = NULL;
    if (db_rows_json(d, &arr, publication_row_json, NULL,
                     "SELECT " PUBLICATION_COLUMNS " FROM publications WHERE id=?", "i", pub_id))
        return json_null();
    json_t *one = json_incref(json_array_get(arr, 0));
    json_decref(arr);
    return one ? one : json_null();
}

/* Writes the publication and moves the post to published. */
static int record_publication(db *d, const gm_actor *who, gm_post *p, long long account_id,
                              const char *url, const char *ppid, int mass_send, const char *at,
                              long long by_user, long long *pub_id, gm_err *err)
{
    gm_publication pub = {.account_id = account_id, .post_id = p->id, .published_at = at,
                          .title = p->title, .url = url, .platform_post_id = ppid,
                          .kind = p->repost_source ? "repost" : "original", .origin = "workflow",
                          .mass_send = mass_send, .reads = GM_COUNT_UNKNOWN,
                          .likes = GM_COUNT_UNKNOWN, .comments = GM_COUNT_UNKNOWN,
                          .created_by = by_user};
    int rc = publications_insert(d, &pub, pub_id, err);
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    if (!rc)
        rc = db_exec(d, err,
                     "UPDATE posts SET state='published',published_at=COALESCE(published_at,?),"
                     "updated_at=? WHERE id=?",
                     "tti", at, now, p->id);
    post_step st = {.action = "publish", .account_id = account_id, .confidentiality = -1,
                    .detail = json_pack("{s:I,s:b,s:s}", "publication_id", (json_int_t)*pub_id,
                                        "mass_send", mass_send, "published_at", at)};
    if (!rc)
        rc = post_step_record(d, who, p, p->state, POST_PUBLISHED, &st, err);
    else
        json_decref(st.detail);
    return rc;
}

static int schedule(db *d, const gm_actor *who, gm_post *p, const publish_input *in,
                    const char *at, json_t **out, gm_err *err)
{
    long long sid = 0;
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = db_query_int(d, &sid, err,
                          "INSERT INTO post_schedules(post_id,version,account_id,at,mass_send,url,"
                          "platform_post_id,operator_id,state,created_at) "
                          "VALUES(?,?,?,?,?,?,?,?,'pending',?) RETURNING id",
                          "iiitittit", p->id, p->version, in->account_id, at,
                          (long long)in->mass_send, in->url, in->platform_post_id, who->user_id,
                          now);
    post_step st = {.action = "schedule", .account_id = in->account_id, .confidentiality = -1,
                    .detail = json_pack("{s:I,s:s,s:b}", "schedule_id", (json_int_t)sid, "at", at,
                                        "mass_send", in->mass_send)};
    if (!rc)
        rc = post_step_record(d, who, p, p->state, p->state, &st, err);
    else
        json_decref(st.detail);
    if (!rc)
        *out = json_pack("{s:{s:I,s:I,s:s,s:b,s:s}}", "schedule", "id", (json_int_t)sid,
                         "account_id", (json_int_t)in->account_id, "at", at, "mass_send",
                         in->mass_send, "state", "pending");
    return rc;
}

static int publish_in_tx(db *d, const gm_actor *who, long long id, const publish_input *in,
                         time_t now, json_t **out, gm_err *err)
{
    gm_post p;
    char platform[16], at[GM_ISO_LEN];
    time_t when = now;
    int rc = in->at ? iso_time_parse(in->at, "at", &when, err) : GM_OK;
    if (rc)
        return rc;
    clock_iso_format(when, at);
    int later = when > now;
    if (!later && !in->url && !in->platform_post_id)
        return gm_fail(err, GM_E_INVALID, "url", "发布须填写文章链接或平台内容编号");
    if ((rc = posts_get(d, id, &p, err)) != GM_OK)
        return rc;
    rc = may_publish(d, who, &p, POST_PUBLISH, in->account_id, platform, err);
    if (!rc)
        rc = already_on_account(d, &p, in->account_id, err);
    if (!rc && in->mass_send)
        rc = mass_send_allowed(d, &p, in->account_id, platform, when, err);
    long long pub_id = 0;
    if (!rc && later)
        rc = schedule(d, who, &p, in, at, out, err);
    else if (!rc) {
        rc = record_publication(d, who, &p, in->account_id, in->url, in->platform_post_id,
                                in->mass_send, at, who->user_id, &pub_id, err);
        if (!rc)
            *out = json_pack("{s:o}", "publication", publication_json(d, pub_id));
    }
    posts_release(&p);
    return rc;
}

int posts_publish(db *d, const gm_actor *who, long long id, const publish_input *in, time_t now,
                  json_t **out, gm_err *err)
{
    *out = NULL;
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_end(d, publish_in_tx(d, who, id, in, now, out, err), err);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

/* ---- cancelling a scheduled publication ---- */

typedef struct pending_schedule {
    long long account_id, operator_id;   /* operator_id: who scheduled it */
    char at[GM_ISO_LEN], state[16];
} pending_schedule;

static int schedule_of_post(db *d, long long post_id, long long sid, pending_schedule *s,
                            gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT account_id,at,state,operator_id FROM post_schedules "
                      "WHERE id=? AND post_id=?",
                      "ii", sid, post_id);
    if (rc)
        return rc;
    if ((rc = db_next(q)) == 1) {
        s->account_id = db_int(q, 0);
        snprintf(s->at, sizeof s->at, "%s", db_text(q, 1));
        snprintf(s->state, sizeof s->state, "%s", db_text(q, 2));
        s->operator_id = db_int(q, 3);
        rc = GM_OK;
    } else if (rc == 0)
        rc = gm_fail(err, GM_E_NOTFOUND, "schedule_id", "稿件 %lld 没有编号为 %lld 的定时发布",
                     post_id, sid);
    db_done(q);
    return rc;
}

/* Tells the post's author and whoever scheduled it (each once, not the one
 * who cancelled) that the publication will not happen, and why; the unit's
 * robots get one group message. */
static int notify_cancelled(db *d, const gm_actor *who, const gm_post *p,
                            const pending_schedule *s, const char *reason, gm_err *err)
{
    gm_account a;
    gm_user by;
    int rc = users_get(d, who->user_id, &by, err);
    if (!rc)
        rc = accounts_get(d, s->account_id, &a, err);
    if (rc)
        return rc;
    char title[300], link[48], at[GM_CST_LEN], what[900];
    post_notice_title(title, sizeof title, "定时发布已取消:", p->title);
    snprintf(link, sizeof link, "/posts/%lld", p->id);
    clock_iso_to_cst(s->at, at);
    snprintf(what, sizeof what, "原定北京时间 %s 在“%s”发布,已由 %s 取消。原因:", at, a.name,
             by.display_name);
    accounts_release(&a);
    /* the reason whole; the schedule before it when both fit a notice's body */
    size_t fits = text_codepoints(what) + text_codepoints(reason) <= GM_NOTICE_BODY_MAX;
    char *body = fits ? malloc(strlen(what) + strlen(reason) + 1) : NULL;
    if (body)
        strcat(strcpy(body, what), reason);
    gm_notice n = {.kind = "post.schedule_cancelled", .title = title,
                   .body = body ? body : reason, .link = link};
    rc = notify_unit_robots(d, p->unit_id, &n, err);
    long long to[2] = {p->author_id, s->operator_id};
    for (int i = 0; !rc && i < 2; i++)
        if (to[i] && to[i] != who->user_id && (i == 0 || to[1] != to[0]))
            rc = notify_user_in_app(d, to[i], p->unit_id, &n, err);
    free(body);
    return rc;
}

static int cancel_in_tx(db *d, const gm_actor *who, long long id, long long sid,
                        const char *reason, gm_err *err)
{
    gm_post p;
    pending_schedule s;
    int held = 0, rc = posts_get(d, id, &p, err);
    if (rc)
        return rc;
    rc = schedule_of_post(d, id, sid, &s, err);
    if (!rc && strcmp(s.state, "pending") != 0)
        rc = gm_fail(err, GM_E_CONFLICT, "schedule_id",
                     "该定时发布已%s,不能取消",
                     strcmp(s.state, "done") == 0 ? "按时登记发布"
                     : strcmp(s.state, "cancelled") == 0 ? "取消" : "失败");
    if (!rc)
        rc = publish_grant_held(d, s.account_id, who->user_id, &held, err);
    if (!rc && !held)
        rc = gm_fail(err, GM_E_DENIED, "account_id",
                     "您未获得该账号的发布授权,不能取消其定时发布");
    if (!rc && (!reason || !*reason))
        rc = gm_fail(err, GM_E_INVALID, "reason", "取消定时发布须填写原因");
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    if (!rc)
        rc = db_exec(d, err,
                     "UPDATE post_schedules SET state='cancelled',done_at=? "
                     "WHERE id=? AND state='pending'",
                     "ti", now, sid);
    post_step st = {.action = "cancel_schedule", .account_id = s.account_id, .reason = reason,
                    .confidentiality = -1,
                    .detail = rc ? NULL
                                 : json_pack("{s:I,s:s}", "schedule_id", (json_int_t)sid, "at",
                                             s.at)};
    if (!rc)
        rc = post_step_record(d, who, &p, p.state, p.state, &st, err);
    if (!rc)
        rc = notify_cancelled(d, who, &p, &s, reason, err);
    posts_release(&p);
    return rc;
}

int posts_cancel_schedule(db *d, const gm_actor *who, long long id, long long schedule_id,
                          const char *reason, gm_err *err)
{
    int rc = db_begin(d, err);
    return rc ? rc : db_end(d, cancel_in_tx(d, who, id, schedule_id, reason, err), err);
}

/* ---- the scheduled-publishing job ---- */

typedef struct due_row {
    long long id, post_id, account_id, operator_id;
    int mass_send;
    char at[GM_ISO_LEN], url[1024], ppid[256];
    int has_url, has_ppid;
} due_row;

static int publish_one_due(db *d, const due_row *r, gm_err *err)
{
    gm_actor sys;
    actor_init_cli(&sys, "scheduler");
    snprintf(sys.login, sizeof sys.login, "system:posts.publish_scheduled");
    snprintf(sys.role, sizeof sys.role, "system");
    gm_post p;
    long long pub_id = 0;
    int rc = posts_get(d, r->post_id, &p, err);
    if (!rc)
        rc = record_publication(d, &sys, &p, r->account_id, r->has_url ? r->url : NULL,
                                r->has_ppid ? r->ppid : NULL, r->mass_send, r->at, r->operator_id,
                                &pub_id, err);
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    if (!rc)
        rc = db_exec(d, err,
                     "UPDATE post_schedules SET state='done',publication_id=?,done_at=? WHERE id=?",
                     "iti", pub_id, now, r->id);
    if (!rc) {
        char title[300], link[48];
        post_notice_title(title, sizeof title, "定时发布已记录:", p.title);
        snprintf(link, sizeof link, "/posts/%lld", p.id);
        gm_notice n = {.kind = "post.published", .title = title,
                       .body = "定时发布时间已到,系统已登记发布记录;请核对平台上的发布情况", .link = link};
        rc = notify_user(d, r->operator_id, p.unit_id, &n, err);
    }
    posts_release(&p);
    return rc;
}

static int mark_failed(db *d, long long id, const char *why, gm_err *err)
{
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_exec(d, err, "UPDATE post_schedules SET state='failed',error=? WHERE id=?", "ti",
                     why, id);
    return db_end(d, rc, err);
}

int posts_publish_scheduled(db *d, time_t now, int *done, gm_err *err)
{
    char at[GM_ISO_LEN];
    clock_iso_format(now, at);
    *done = 0;
    for (;;) {
        db_stmt *q;
        due_row r = {0};
        int rc = db_query(d, &q, err,
                          "SELECT id,post_id,account_id,operator_id,mass_send,at,url,"
                          "platform_post_id FROM post_schedules WHERE state='pending' AND at<=? "
                          "ORDER BY at,id LIMIT 1",
                          "t", at);
        if (rc)
            return rc;
        if ((rc = db_next(q)) == 1) {
            r.id = db_int(q, 0);
            r.post_id = db_int(q, 1);
            r.account_id = db_int(q, 2);
            r.operator_id = db_int(q, 3);
            r.mass_send = (int)db_int(q, 4);
            snprintf(r.at, sizeof r.at, "%s", db_text(q, 5));
            r.has_url = !db_is_null(q, 6);
            snprintf(r.url, sizeof r.url, "%s", db_text(q, 6));
            r.has_ppid = !db_is_null(q, 7);
            snprintf(r.ppid, sizeof r.ppid, "%s", db_text(q, 7));
        }
        db_done(q);
        if (rc <= 0)
            return rc;
        gm_err why;
        rc = db_begin(d, err);
        if (!rc)
            rc = db_end(d, publish_one_due(d, &r, &why), &why);
        if (rc == GM_E_BUSY || rc == GM_E_DB || rc == GM_E_NOMEM)
            return gm_fail(err, rc, NULL, "%s", why.message);
        if (!rc)
            (*done)++;
        else if ((rc = mark_failed(d, r.id, why.message, err)) != GM_OK)
            return rc;
    }
}
