/*
 * post_review.c - submit, approve, reject, review policies and overdue
 * reminders (see post_review.h).
 */
#include "store/post_review.h"
#include "core/post_disclosure.h"
#include "store/accounts.h"
#include "store/audit.h"
#include "store/notify.h"
#include "store/post_attachments.h"
#include "util/clock.h"
#include "util/iso_time.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- policies ---- */

int review_policy_get(db *d, long long unit_id, gm_review_policy *p, gm_err *err)
{
    db_stmt *q;
    review_policy_default(p);
    int rc = db_query(d, &q, err, "SELECT policy FROM review_policies WHERE unit_id=?", "i",
                      unit_id);
    if (rc)
        return rc;
    if ((rc = db_next(q)) == 1) {
        json_t *j = json_loads(db_text(q, 0), 0, NULL);
        rc = j ? review_policy_from_json(j, p, err)
               : gm_fail(err, GM_E_DB, NULL, "单位 %lld 的审核策略已损坏", unit_id);
        json_decref(j);
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

static int policy_set_in_tx(db *d, const gm_actor *who, long long unit_id,
                            const gm_review_policy *p, gm_err *err)
{
    gm_review_policy old;
    int rc = review_policy_get(d, unit_id, &old, err);
    if (rc)
        return rc;
    json_t *j = review_policy_to_json(p);
    char *text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS), now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    rc = text ? db_exec(d, err, "DELETE FROM review_policies WHERE unit_id=?", "i", unit_id)
              : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (!rc)
        rc = db_exec(d, err,
                     "INSERT INTO review_policies(unit_id,policy,updated_at,updated_by) "
                     "VALUES(?,?,?,?)",
                     "ittt", unit_id, text, now, who->login);
    free(text);
    if (!rc)
        return audit_append_json(d, who, "review_policy.set", "unit", unit_id,
                                 review_policy_to_json(&old), j, err);
    json_decref(j);
    return rc;
}

int review_policy_set(db *d, const gm_actor *who, long long unit_id, const gm_review_policy *p,
                      gm_err *err)
{
    int rc = review_policy_validate(p, err);
    if (!rc)
        rc = db_begin(d, err);
    return rc ? rc : db_end(d, policy_set_in_tx(d, who, unit_id, p, err), err);
}

/* ---- helpers ---- */

/* The China date `days` working days after today, "YYYY-MM-DD".  Like the
 * time limits of messages and re-filings it needs the working calendar of
 * every year it reaches: without next year's, the step is refused with the
 * calendar's message (load the year) rather than counted in calendar days. */
static int level_due_date(const gm_calendar *cal, int days, char out[11], gm_err *err)
{
    char today[11];
    gm_date t, due;
    clock_today_cst(today);
    int rc = date_parse(today, NULL, &t, err);
    if (!rc)
        rc = calendar_add_working_days(cal, t, days, &due, err);
    if (!rc)
        date_format(due, out);
    return rc;
}

static json_t *chain_json(const gm_role *chain, int n)
{
    json_t *a = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(a, json_string(role_name(chain[i])));
    return a;
}

static int notify_level(db *d, const gm_post *p, int level, gm_role role, gm_err *err)
{
    char title[300], body[200], link[48];
    post_notice_title(title, sizeof title, "待审核:", p->title);
    snprintf(body, sizeof body, "第 %d 级(%s)审核%s", level, role_label_zh(role),
             p->major ? ",重大敏感稿件" : "");
    snprintf(link, sizeof link, "/posts/%lld", p->id);
    gm_notice n = {.kind = "post.review", .title = title, .body = body, .link = link};
    return notify_role(d, p->unit_id, role, &n, NULL, err);
}

/* ---- submit ---- */

/* Adds the findings of one platform to all, merging identical ones. */
static void merge_findings(json_t *all, json_t *found, const char *platform)
{
    size_t i, k;
    json_t *f, *g;
    json_array_foreach(found, i, f) {
        json_t *same = NULL;
        json_array_foreach(all, k, g) {
            json_t *gp = json_object_get(g, "platforms");
            json_incref(gp);
            json_object_del(g, "platforms");
            int eq = json_equal(f, g);
            json_object_set_new(g, "platforms", gp);
            if (eq) {
                same = g;
                break;
            }
        }
        if (same) {
            json_array_append_new(json_object_get(same, "platforms"), json_string(platform));
            continue;
        }
        json_t *c = json_deep_copy(f);
        json_object_set_new(c, "platforms", json_pack("[s]", platform));
        json_array_append_new(all, c);
    }
}

/* The media rule over the post's attachments for one platform: each
 * finding names its file (field "attachment"). */
static int check_attachments(const gm_checker *c, const json_t *atts, const char *platform,
                             json_t *all, gm_err *err)
{
    size_t i, k;
    json_t *a, *f;
    json_array_foreach(atts, i, a) {
        json_t *res = NULL;
        int rc = gm_check_media_known_json(c, json_string_value(json_object_get(a, "mime")),
                                           json_integer_value(json_object_get(a, "bytes")),
                                           platform, &res, err);
        if (rc)
            return rc;
        json_t *found = json_object_get(res, "findings");
        json_array_foreach(found, k, f) {
            json_object_set_new(f, "field", json_string("attachment"));
            json_object_set(f, "attachment", json_object_get(a, "name"));
            json_object_set(f, "attachment_id", json_object_get(a, "id"));
        }
        merge_findings(all, found, platform);
        json_decref(res);
    }
    return GM_OK;
}

static int run_checks(db *d, const gm_checker *c, const gm_post *p, json_t **out, gm_err *err)
{
    json_t *all = json_array();
    int rc = c ? GM_OK : gm_fail(err, GM_E_INTERNAL, NULL, "检查引擎未加载");
    char seen[POST_MAX_ACCOUNTS][16];
    int n_seen = 0;
    char today[11];   /* the text's day for the office-holders' titles */
    clock_today_cst(today);
    json_t *atts = NULL;
    gm_review_policy pol;   /* the unit's length preset (§3.3) */
    if (!rc)
        rc = review_policy_get(d, p->unit_id, &pol, err);
    if (!rc)
        rc = post_attachments_list(d, p->id, &atts, err);
    for (int i = 0; !rc && i < p->n_accounts; i++) {
        gm_account a;
        if ((rc = accounts_get(d, p->account_ids[i], &a, err)) != GM_OK)
            break;
        char platform[16];
        snprintf(platform, sizeof platform, "%s", a.platform);
        accounts_release(&a);
        int dup = 0;
        for (int k = 0; k < n_seen; k++)
            dup |= strcmp(seen[k], platform) == 0;
        if (dup)
            continue;
        snprintf(seen[n_seen++], sizeof seen[0], "%s", platform);
        gm_check_input in = {.text = p->body, .text_len = strlen(p->body), .title = p->title,
                             .platform = platform, .repost_source = p->repost_source,
                             .summary = p->summary, .length_preset = pol.length_preset};
        json_t *res = NULL;
        rc = gm_check_json_on(c, &in, today, &res, err);
        if (!rc)
            merge_findings(all, json_object_get(res, "findings"), platform);
        json_decref(res);
        if (!rc)
            rc = check_attachments(c, atts, platform, all, err);
    }
    json_decref(atts);
    if (rc) {
        json_decref(all);
        return rc;
    }
    post_findings_adjust(all);
    post_findings_accept_disclosure(all, p->disclosure_type);
    *out = all;
    return GM_OK;
}

static int store_findings(db *d, const gm_post *p, const json_t *findings, gm_err *err)
{
    char *text = json_dumps(findings, JSON_COMPACT), now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    int rc = text ? db_exec(d, err,
                            "UPDATE post_versions SET findings=?,checked_at=? WHERE post_id=? "
                            "AND version=?",
                            "ttii", text, now, p->id, p->version)
                  : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    free(text);
    return rc;
}

/* The files this submission goes to review with, kept in its step (a reviewer
 * of a resubmission compares them with those of the returned one). */
static int submitted_attachments(db *d, long long post_id, json_t *detail, gm_err *err)
{
    json_t *atts = NULL, *a;
    size_t i;
    int rc = post_attachments_list(d, post_id, &atts, err);
    if (rc)
        return rc;
    json_array_foreach(atts, i, a) {
        json_object_del(a, "mime_label");
        json_object_del(a, "created_at");
    }
    json_object_set_new(detail, "attachments", atts);
    return GM_OK;
}

static int start_review(db *d, gm_actor *who, const gm_calendar *cal, gm_post *p,
                        const json_t *findings, gm_err *err)
{
    gm_review_policy pol;
    int rc = review_policy_get(d, p->unit_id, &pol, err);
    if (rc)
        return rc;
    p->n_chain = review_chain(&pol, p->major, p->chain, 2 * POST_MAX_LEVELS);
    char due[11], now[GM_ISO_LEN];
    if ((rc = level_due_date(cal, pol.overdue_days, due, err)) != GM_OK)
        return rc;
    clock_iso_from_now(now, 0);
    json_t *pj = review_policy_to_json(&pol), *cj = chain_json(p->chain, p->n_chain);
    char *pt = json_dumps(pj, JSON_COMPACT | JSON_SORT_KEYS), *ct = json_dumps(cj, JSON_COMPACT);
    json_decref(pj);
    json_decref(cj);
    rc = db_exec(d, err,
                 "UPDATE posts SET state='in_review',policy=?,chain=?,level=1,level_role=?,"
                 "level_since=?,level_due=?,reminded_level=0,submitted_at=?,updated_at=? "
                 "WHERE id=?",
                 "ttttttti", pt, ct, role_name(p->chain[0]), now, due, now, now, p->id);
    free(pt);
    free(ct);
    int blocks, warns;
    post_findings_count(findings, &blocks, &warns);
    post_step st = {.action = "submit", .level = 1, .confidentiality = -1,
                    .detail = json_pack("{s:s,s:i,s:s}", "level_role", role_name(p->chain[0]),
                                        "warns", warns, "level_due", due)};
    if (p->disclosure_type[0])
        json_object_set_new(st.detail, "disclosure",
                            post_disclosure_json(p->disclosure_type, p->disclosure_basis));
    if (!rc)
        rc = submitted_attachments(d, p->id, st.detail, err);
    if (!rc)
        rc = post_step_record(d, who, p, p->state, POST_IN_REVIEW, &st, err);
    else
        json_decref(st.detail);
    return rc ? rc : notify_level(d, p, 1, p->chain[0], err);
}

static int submit_in_tx(db *d, gm_actor *who, const gm_calendar *cal, const gm_checker *c,
                        long long id, json_t **findings, int *blocked, gm_err *err)
{
    gm_post p;
    int rc = posts_get(d, id, &p, err);
    if (rc)
        return rc;
    rc = post_event_check(p.state, POST_SUBMIT, err);
    if (!rc && who->user_id != p.author_id)
        rc = gm_fail(err, GM_E_DENIED, "author", "只有作者本人可以提交审核");
    if (!rc)
        rc = run_checks(d, c, &p, findings, err);
    if (!rc)
        rc = store_findings(d, &p, *findings, err);
    int blocks = 0, warns = 0;
    if (!rc)
        post_findings_count(*findings, &blocks, &warns);
    if (!rc && blocks) {
        *blocked = 1;
        post_step st = {.action = "check", .confidentiality = -1,
                        .detail = json_pack("{s:i,s:i}", "blocks", blocks, "warns", warns)};
        rc = post_step_record(d, who, &p, p.state, p.state, &st, err);
    } else if (!rc) {
        rc = start_review(d, who, cal, &p, *findings, err);
    }
    posts_release(&p);
    return rc;
}

int posts_submit(db *d, gm_actor *who, const gm_calendar *cal, const gm_checker *c, long long id,
                 json_t **findings, int *blocked, gm_err *err)
{
    *findings = NULL;
    *blocked = 0;
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_end(d, submit_in_tx(d, who, cal, c, id, findings, blocked, err), err);
    if (rc) {
        json_decref(*findings);
        *findings = NULL;
    }
    return rc;
}

/* ---- approve / reject ---- */

/* Does the actor hold role on the post's own unit?  Makes it the acting role. */
static bool take_level_role(gm_actor *who, const gm_post *p, gm_role role)
{
    for (size_t i = 0; i < who->n_grants; i++)
        if (who->grants[i].role == role && strcmp(who->grants[i].unit_path, p->unit_path) == 0) {
            snprintf(who->role, sizeof who->role, "%s", role_name(role));
            who->unit_id = who->grant_units[i];
            return true;
        }
    return false;
}

static int version_warns(db *d, const gm_post *p, int *warns, gm_err *err)
{
    db_stmt *q;
    int blocks;
    *warns = 0;
    int rc = db_query(d, &q, err,
                      "SELECT COALESCE(findings,'[]') FROM post_versions WHERE post_id=? AND "
                      "version=?",
                      "ii", p->id, p->version);
    if (rc)
        return rc;
    if ((rc = db_next(q)) == 1) {
        json_t *f = json_loads(db_text(q, 0), 0, NULL);
        post_findings_count(f, &blocks, warns);
        json_decref(f);
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

/* Tells the operators authorised for the post's accounts (or, when none is
 * authorised yet, the unit's operators) that it may be published. */
static int notify_publishers(db *d, const gm_post *p, gm_err *err)
{
    char title[300], link[48];
    post_notice_title(title, sizeof title, "待发布:", p->title);
    snprintf(link, sizeof link, "/posts/%lld", p->id);
    gm_notice n = {.kind = "post.approved", .title = title, .body = "审核已全部通过,请授权运维人员发布",
                   .link = link};
    db_stmt *q;
    long long users[64];
    int nu = 0;
    int rc = db_query(d, &q, err,
                      "SELECT DISTINCT g.user_id FROM publish_grants g JOIN post_accounts a ON "
                      "a.account_id=g.account_id JOIN users u ON u.id=g.user_id "
                      "WHERE a.post_id=? AND u.disabled=0 ORDER BY g.user_id",
                      "i", p->id);
    if (rc)
        return rc;
    while ((rc = db_next(q)) == 1 && nu < 64)
        users[nu++] = db_int(q, 0);
    db_done(q);
    if (rc < 0)
        return rc;
    if (!nu)
        return notify_role(d, p->unit_id, ROLE_OPERATOR, &n, NULL, err);
    rc = notify_unit_robots(d, p->unit_id, &n, err);
    for (int i = 0; !rc && i < nu; i++)
        rc = notify_user_in_app(d, users[i], p->unit_id, &n, err);
    return rc;
}

static int advance(db *d, gm_actor *who, const gm_calendar *cal, gm_post *p,
                   const approve_input *in, gm_err *err)
{
    char now[GM_ISO_LEN], due[11];
    clock_iso_from_now(now, 0);
    int level = p->level, last = level >= p->n_chain, rc;
    if (last) {
        rc = db_exec(d, err,
                     "UPDATE posts SET state='approved',level=0,level_role=NULL,level_due=NULL,"
                     "approved_at=?,updated_at=? WHERE id=?",
                     "tti", now, now, p->id);
    } else {
        gm_review_policy pol;
        rc = review_policy_get(d, p->unit_id, &pol, err);
        if (!rc)
            rc = level_due_date(cal, pol.overdue_days, due, err);
        if (!rc)
            rc = db_exec(d, err,
                         "UPDATE posts SET level=?,level_role=?,level_since=?,level_due=?,"
                         "updated_at=? WHERE id=?",
                         "itttti", (long long)level + 1, role_name(p->chain[level]), now, due,
                         now, p->id);
    }
    post_step st = {.action = "approve", .level = level, .note = in->note,
                    .override_reason = in->override_reason && *in->override_reason
                                           ? in->override_reason : NULL,
                    .confidentiality = in->confidentiality ? 1 : 0,
                    .detail = json_pack("{s:s}", "level_role", role_name(p->chain[level - 1]))};
    if (!rc)
        rc = post_step_record(d, who, p, POST_IN_REVIEW, last ? POST_APPROVED : POST_IN_REVIEW, &st,
                              err);
    else
        json_decref(st.detail);
    if (rc)
        return rc;
    return last ? notify_publishers(d, p, err) : notify_level(d, p, level + 1, p->chain[level], err);
}

static int approve_in_tx(db *d, gm_actor *who, const gm_calendar *cal, long long id,
                         const approve_input *in, gm_err *err)
{
    gm_post p;
    int rc = posts_get(d, id, &p, err);
    if (rc)
        return rc;
    gm_approval a = {.is_author = who->user_id == p.author_id, .level = p.level,
                     .n_levels = p.n_chain, .override_reason = in->override_reason,
                     .confidentiality = in->confidentiality};
    rc = post_event_check(p.state, POST_APPROVE, err);
    if (!rc && (p.level < 1 || p.level > p.n_chain))
        rc = gm_fail(err, GM_E_INTERNAL, NULL, "稿件 %lld 的审核级别异常", id);
    if (!rc) {
        a.holds_level_role = !a.is_author && take_level_role(who, &p, p.chain[p.level - 1]);
        rc = version_warns(d, &p, &a.warns, err);
    }
    if (!rc)
        rc = post_approval_check(&a, err);
    if (!rc)
        rc = advance(d, who, cal, &p, in, err);
    posts_release(&p);
    return rc;
}

int posts_approve(db *d, gm_actor *who, const gm_calendar *cal, long long id,
                  const approve_input *in, gm_err *err)
{
    int rc = db_begin(d, err);
    return rc ? rc : db_end(d, approve_in_tx(d, who, cal, id, in, err), err);
}

static int reject_in_tx(db *d, gm_actor *who, long long id, const char *reason, gm_err *err)
{
    gm_post p;
    int rc = posts_get(d, id, &p, err);
    if (rc)
        return rc;
    rc = post_event_check(p.state, POST_REJECT, err);
    if (!rc && who->user_id == p.author_id)
        rc = gm_fail(err, GM_E_DENIED, "author", "作者不能审核自己的稿件");
    if (!rc && !take_level_role(who, &p, p.chain[p.level - 1]))
        rc = gm_fail(err, GM_E_DENIED, "level_role", "您不是第 %d 级审核人", p.level);
    if (!rc && (!reason || !*reason))
        rc = gm_fail(err, GM_E_INVALID, "reason", "退回须填写原因");
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    if (!rc)
        rc = db_exec(d, err,
                     "UPDATE posts SET state='returned',level=0,level_role=NULL,level_due=NULL,"
                     "updated_at=? WHERE id=?",
                     "ti", now, id);
    post_step st = {.action = "reject", .level = p.level, .reason = reason, .confidentiality = -1};
    if (!rc)
        rc = post_step_record(d, who, &p, POST_IN_REVIEW, POST_RETURNED, &st, err);
    if (!rc) {
        char title[300], link[48];
        post_notice_title(title, sizeof title, "稿件被退回:", p.title);
        snprintf(link, sizeof link, "/posts/%lld", p.id);
        gm_notice n = {.kind = "post.returned", .title = title, .body = reason, .link = link};
        rc = notify_user(d, p.author_id, p.unit_id, &n, err);
    }
    posts_release(&p);
    return rc;
}

int posts_reject(db *d, gm_actor *who, long long id, const char *reason, gm_err *err)
{
    int rc = db_begin(d, err);
    return rc ? rc : db_end(d, reject_in_tx(d, who, id, reason, err), err);
}

/* ---- reminders ---- */

int posts_remind_overdue(db *d, const char *today, int *n, gm_err *err)
{
    db_stmt *q;
    long long ids[256];
    int k = 0;
    *n = 0;
    int rc = db_query(d, &q, err,
                      "SELECT id FROM posts WHERE state='in_review' AND level_due<? AND "
                      "reminded_level<level ORDER BY id LIMIT 256",
                      "t", today);
    if (rc)
        return rc;
    while ((rc = db_next(q)) == 1)
        ids[k++] = db_int(q, 0);
    db_done(q);
    if (rc < 0)
        return rc;
    gm_actor sys;
    actor_init_cli(&sys, "scheduler");
    snprintf(sys.login, sizeof sys.login, "system:posts.remind");
    snprintf(sys.role, sizeof sys.role, "system");
    for (int i = 0; i < k; i++) {
        gm_post p;
        if ((rc = db_begin(d, err)) != GM_OK)
            return rc;
        rc = posts_get(d, ids[i], &p, err);
        if (!rc && p.state == POST_IN_REVIEW && p.reminded_level < p.level) {
            char title[300], body[200], link[48];
            post_notice_title(title, sizeof title, "审核超时提醒:", p.title);
            snprintf(body, sizeof body, "第 %d 级(%s)审核已超过时限(应于 %s 前完成)", p.level,
                     role_label_zh(p.chain[p.level - 1]), p.level_due);
            snprintf(link, sizeof link, "/posts/%lld", p.id);
            gm_notice nt = {.kind = "post.overdue", .title = title, .body = body, .link = link};
            rc = db_exec(d, err, "UPDATE posts SET reminded_level=level WHERE id=?", "i", p.id);
            post_step st = {.action = "remind", .level = p.level, .confidentiality = -1};
            if (!rc)
                rc = post_step_record(d, &sys, &p, p.state, p.state, &st, err);
            if (!rc)
                rc = notify_role(d, p.unit_id, p.chain[p.level - 1], &nt, NULL, err);
            if (!rc)
                (*n)++;
        }
        posts_release(&p);
        if ((rc = db_end(d, rc, err)) != GM_OK)
            return rc;
    }
    return GM_OK;
}
