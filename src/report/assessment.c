/*
 * assessment.c - measuring each unit's year (see report/assessment.h).
 *
 * Queries, whatever the number of units: the live accounts; for each
 * month end of the year up to as_of, every account's newest publication
 * before it (one index seek per account); the year's totals per account
 * (one index range per account).  Units and scores are put together here.
 */
#include "report/assessment.h"
#include "report/assessment_security.h"
#include "core/activity.h"
#include "core/rbac.h"
#include "store/db_sql.h"
#include "util/clock.h"
#include "util/grow.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIVE_STATES "('opened','certified','filed','refiling_due')"
/* SQLite JSON1: the opening date in the record.  PostgreSQL: record::jsonb #>> '{opening,date}'. */
#define SQL_OPENING_DATE DB_SQL_JSON_TEXT("a.record", "opening", "date")

typedef struct acc {
    long long id, unit_id;
    char name[260], platform[16];
    gm_date opened, last;            /* last update before as_of (or -1) */
    long long posts, originals, reads, likes;
    int reads_known, likes_known;
    int inactive_checks, month_checks, month_ok;
    long long msg_received, msg_in_time, msg_overdue;   /* messages of the year, hidden ones excluded */
    char inactive_detail[128];
    int security_hits;               /* publications with a wrong expression or a secret */
    char security_detail[400];       /* the first of them */
} acc;

typedef struct unit_acc {
    long long id;
    char name[400], kind[16], path[128];
} unit_acc;

static int load_accounts(db *d, const report_scope *s, acc **out, size_t *n, gm_err *err)
{
    db_stmt *q;
    size_t cap = 0;
    int rc = db_query(d, &q, err,
        "SELECT a.id, a.unit_id, a.name, a.platform, "
        " COALESCE(" SQL_OPENING_DATE ", substr(a.created_at,1,10)), u.path "
        "FROM accounts a JOIN units u ON u.id=a.unit_id WHERE a.state IN " LIVE_STATES " "
        "AND (? IS NULL OR u.path LIKE (SELECT path FROM units WHERE id=?)||'%') ORDER BY a.id",
        "nn", s->unit_id, s->unit_id);
    if (rc)
        return rc;
    *out = NULL;
    *n = 0;
    while ((rc = db_next(q)) == 1) {
        if (!report_in_scope(s, db_text(q, 5)))
            continue;
        if (gm_grow((void **)out, &cap, *n + 1, sizeof **out)) {
            rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
            break;
        }
        acc *a = &(*out)[(*n)++];
        memset(a, 0, sizeof *a);
        a->id = db_int(q, 0);
        a->unit_id = db_int(q, 1);
        snprintf(a->name, sizeof a->name, "%s", db_text(q, 2));
        snprintf(a->platform, sizeof a->platform, "%s", db_text(q, 3));
        if (date_parse(db_text(q, 4), "opened", &a->opened, NULL))
            a->opened = 0;
        a->last = -1;
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

static acc *find(acc *v, size_t n, long long id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid].id < id) lo = mid + 1; else hi = mid;
    }
    return lo < n && v[lo].id == id ? &v[lo] : NULL;
}

enum { CHECK_MONTHLY = 1, CHECK_QUARTERLY = 2, CHECK_AS_OF = 4 };

static void record_check(acc *a, gm_date check, gm_date last, int mode)
{
    char buf[GM_DATE_TEXT_SIZE];
    int days = check - (last > a->opened ? last : a->opened);
    if (mode & CHECK_AS_OF)
        a->last = last >= 0 ? last : -1;
    if (mode & CHECK_MONTHLY) {
        a->month_checks++;
        a->month_ok += days < ACTIVITY_WARN_DAYS;
    }
    if ((mode & CHECK_QUARTERLY) && days > ACTIVITY_VETO_DAYS) {
        a->inactive_checks++;
        snprintf(a->inactive_detail, sizeof a->inactive_detail, "%s 检查时已 %d 天未更新",
                 date_format(check, buf), days);
    }
}

/* Days since update of every account at the end of China date `check`. */
static int check_at(db *d, acc *v, size_t n, gm_date check, int mode, gm_err *err)
{
    char end[24];
    db_stmt *q;
    report_day_end_utc(check, end);
    int rc = db_query(d, &q, err,
        "SELECT a.id, (SELECT MAX(p.published_at) FROM publications p WHERE p.account_id=a.id "
        "AND p.published_at < ?) FROM accounts a WHERE a.state IN " LIVE_STATES " ORDER BY a.id",
        "t", end);
    if (rc)
        return rc;
    while ((rc = db_next(q)) == 1) {
        acc *a = find(v, n, db_int(q, 0));
        gm_date last = -1;
        if (!a || a->opened > check)
            continue;
        if (!db_is_null(q, 1) && report_china_day(db_text(q, 1), &last))
            last = -1;
        record_check(a, check, last, mode);
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

/* Messages received in the year: answered in time, and left past the
 * maximum deadline (unanswered, or answered after it). */
static int year_messages(db *d, acc *v, size_t n, const char *from, const char *to, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
        "SELECT a.id, " DB_SQL_COUNT_IF("m.hidden_at IS NULL") ", "
        DB_SQL_COUNT_IF("m.hidden_at IS NULL AND m.answered_at IS NOT NULL "
                        "AND m.answered_at <= COALESCE(m.extended_until, m.answer_due)") ", "
        DB_SQL_COUNT_IF("m.hidden_at IS NULL AND ((m.answered_at IS NULL "
                        "AND COALESCE(m.extended_until, m.answer_max) < ?) "
                        "OR m.answered_at > COALESCE(m.extended_until, m.answer_max))") " "
        "FROM accounts a JOIN messages m ON m.account_id=a.id AND m.received_at >= ? AND m.received_at < ? "
        "WHERE a.state IN " LIVE_STATES " GROUP BY a.id", "ttt", to, from, to);
    if (rc)
        return rc;
    while ((rc = db_next(q)) == 1) {
        acc *a = find(v, n, db_int(q, 0));
        if (a) {
            a->msg_received = db_int(q, 1);
            a->msg_in_time = db_int(q, 2);
            a->msg_overdue = db_int(q, 3);
        }
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

static int year_totals(db *d, acc *v, size_t n, int year, gm_date as_of, gm_err *err)
{
    gm_date jan1;
    char from[24], to[24];
    db_stmt *q;
    date_from_ymd(year, 1, 1, &jan1, NULL);
    report_day_end_utc(jan1 - 1, from);
    report_day_end_utc(as_of, to);
    int rc = db_query(d, &q, err,
        "SELECT a.id, COUNT(p.id), " DB_SQL_COUNT_IF("p.kind='original'") ", COALESCE(SUM(p.reads),0), "
        " COUNT(p.reads), COALESCE(SUM(p.likes),0), COUNT(p.likes) "
        "FROM accounts a JOIN publications p ON p.account_id=a.id AND p.published_at >= ? "
        " AND p.published_at < ? WHERE a.state IN " LIVE_STATES " GROUP BY a.id",
        "tt", from, to);
    if (rc)
        return rc;
    while ((rc = db_next(q)) == 1) {
        acc *a = find(v, n, db_int(q, 0));
        if (!a)
            continue;
        a->posts = db_int(q, 1);
        a->originals = db_int(q, 2);
        a->reads = db_int(q, 3);
        a->reads_known = db_int(q, 4) > 0;
        a->likes = db_int(q, 5);
        a->likes_known = db_int(q, 6) > 0;
    }
    db_done(q);
    return rc < 0 ? rc : year_messages(d, v, n, from, to, err);
}

/* The month-end checks of the year that have happened by as_of, then as_of. */
static int run_checks(db *d, acc *v, size_t n, int year, gm_date as_of, gm_err *err)
{
    int rc = GM_OK;
    for (int m = 1; m <= 12 && !rc; m++) {
        gm_date first_next;
        date_from_ymd(m == 12 ? year + 1 : year, m == 12 ? 1 : m + 1, 1, &first_next, NULL);
        if (first_next - 1 > as_of)
            break;
        rc = check_at(d, v, n, first_next - 1, CHECK_MONTHLY | (m % 3 == 0 ? CHECK_QUARTERLY : 0), err);
    }
    return rc ? rc : check_at(d, v, n, as_of, CHECK_AS_OF, err);
}

static json_t *fact_item(const acc *a, const char *detail)
{
    char link[48];
    snprintf(link, sizeof link, "/accounts/%lld", a->id);
    return json_pack("{s:I,s:s,s:s,s:s}", "account_id", (json_int_t)a->id, "account_name", a->name,
                     "link", link, "detail", detail);
}

static void summary(json_t *facts, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void summary(json_t *facts, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    json_object_set_new(facts, "summary", json_string(buf));
}

typedef struct unit_set {
    acc **a;
    size_t n;
    gm_date as_of;
    long long security_checked;      /* -1: no engine to re-check with */
} unit_set;

static void measure_inactivity(const unit_set *u, gm_indicator_value *v, json_t *facts, json_t *items)
{
    for (size_t i = 0; i < u->n; i++)
        if (u->a[i]->inactive_checks) {
            v->value++;
            json_array_append_new(items, fact_item(u->a[i], u->a[i]->inactive_detail));
        }
    v->has_data = 1;
    summary(facts, "季度检查(3/6/9/12 月末)发现超过两周未更新的账号 %.0f 个", v->value);
}

static void measure_timeliness(const unit_set *u, gm_indicator_value *v, json_t *facts, json_t *items)
{
    long checks = 0, ok = 0;
    char buf[96];
    for (size_t i = 0; i < u->n; i++) {
        checks += u->a[i]->month_checks;
        ok += u->a[i]->month_ok;
        if (u->a[i]->month_ok < u->a[i]->month_checks) {
            snprintf(buf, sizeof buf, "月末检查 %d 次,%d 次达标(10 天内有更新)", u->a[i]->month_checks,
                     u->a[i]->month_ok);
            json_array_append_new(items, fact_item(u->a[i], buf));
        }
    }
    v->has_data = checks > 0;
    v->value = checks ? (double)ok / checks : 0;
    summary(facts, "月末检查 %ld 次,其中 %ld 次账号在 10 天内有更新", checks, ok);
}

static void measure_originality(const unit_set *u, gm_indicator_value *v, json_t *facts, int bonus)
{
    long long posts = 0, originals = 0;
    for (size_t i = 0; i < u->n; i++) {
        posts += u->a[i]->posts;
        originals += u->a[i]->originals;
    }
    v->has_data = bonus || posts > 0;
    v->value = bonus ? (double)originals : posts ? (double)originals / posts : 0;
    summary(facts, "本年发布 %lld 篇,其中原创 %lld 篇", posts, originals);
}

static void measure_consolidation(const unit_set *u, gm_indicator_value *v, json_t *facts,
                                  json_t *items)
{
    long bad = 0;
    for (size_t i = 0; i < u->n; i++) {
        const acc *a = u->a[i];
        gm_date last = a->last >= 0 && a->last > a->opened ? a->last : a->opened;
        int dup = 0;
        for (size_t j = 0; j < i; j++)
            dup |= strcmp(u->a[j]->platform, a->platform) == 0;
        if (activity_is_zombie(last, u->as_of)) {
            bad++;
            json_array_append_new(items, fact_item(a, "超过 3 个月未更新(僵尸账号)"));
        } else if (dup) {
            bad++;
            json_array_append_new(items, fact_item(a, "同一平台重复开设"));
        }
    }
    v->has_data = u->n > 0;
    v->value = u->n ? 1.0 - (double)bad / u->n : 0;
    summary(facts, "在用账号 %zu 个,僵尸或重复账号 %ld 个", u->n, bad);
}

static void measure_sum(const unit_set *u, int likes, gm_indicator_value *v, json_t *facts)
{
    long long sum = 0;
    int known = 0;
    for (size_t i = 0; i < u->n; i++) {
        sum += likes ? u->a[i]->likes : u->a[i]->reads;
        known |= likes ? u->a[i]->likes_known : u->a[i]->reads_known;
    }
    v->has_data = known;
    v->value = (double)sum;
    if (known)
        summary(facts, "本年导入的%s合计 %lld", likes ? "点赞量" : "阅读量", sum);
    else
        summary(facts, "无数据(未导入%s)", likes ? "点赞量" : "阅读量");
}

static void measure_replies(const unit_set *u, int veto, gm_indicator_value *v, json_t *facts,
                            json_t *items)
{
    long long received = 0, in_time = 0, overdue = 0;
    char buf[96];
    for (size_t i = 0; i < u->n; i++) {
        const acc *a = u->a[i];
        received += a->msg_received;
        in_time += a->msg_in_time;
        overdue += a->msg_overdue;
        if (veto && a->msg_overdue) {
            snprintf(buf, sizeof buf, "%lld 条留言超过最长答复期限", a->msg_overdue);
            json_array_append_new(items, fact_item(a, buf));
        } else if (!veto && a->msg_received > a->msg_in_time) {
            snprintf(buf, sizeof buf, "留言 %lld 条,按时答复 %lld 条", a->msg_received, a->msg_in_time);
            json_array_append_new(items, fact_item(a, buf));
        }
    }
    v->has_data = veto || received > 0;
    v->value = veto ? (double)overdue : received ? (double)in_time / received : 0;
    if (veto)
        summary(facts, "本年留言 %lld 条,超过最长答复期限(未答复或逾期答复)%lld 条", received, overdue);
    else if (received)
        summary(facts, "本年留言 %lld 条,按时答复 %lld 条", received, in_time);
    else
        summary(facts, "无数据(本年没有登记留言)");
}

static void measure_security(const unit_set *u, gm_indicator_value *v, json_t *facts, json_t *items)
{
    if (u->security_checked < 0) {
        summary(facts, "无数据(未提供检查引擎)");
        return;
    }
    for (size_t i = 0; i < u->n; i++)
        if (u->a[i]->security_hits) {
            v->value += u->a[i]->security_hits;
            json_array_append_new(items, fact_item(u->a[i], u->a[i]->security_detail));
        }
    v->has_data = 1;
    summary(facts, "用现行词库和表述名单回溯检查本年经审核发布的稿件,发现严重表述错误或涉密内容 %.0f 篇",
            v->value);
}

static void measure(const char *code, const unit_set *u, gm_indicator_value *v, json_t *facts)
{
    json_t *items = json_array();
    memset(v, 0, sizeof *v);
    if (strcmp(code, "veto_inactivity") == 0) measure_inactivity(u, v, facts, items);
    else if (strcmp(code, "veto_security") == 0) measure_security(u, v, facts, items);
    else if (strcmp(code, "timeliness") == 0) measure_timeliness(u, v, facts, items);
    else if (strcmp(code, "originality") == 0) measure_originality(u, v, facts, 0);
    else if (strcmp(code, "originals_bonus") == 0) measure_originality(u, v, facts, 1);
    else if (strcmp(code, "consolidation") == 0) measure_consolidation(u, v, facts, items);
    else if (strcmp(code, "replies") == 0) measure_replies(u, 0, v, facts, items);
    else if (strcmp(code, "veto_interaction") == 0) measure_replies(u, 1, v, facts, items);
    else if (strcmp(code, "reads") == 0) measure_sum(u, 0, v, facts);
    else if (strcmp(code, "likes") == 0) measure_sum(u, 1, v, facts);
    else summary(facts, "无数据(尚无该项数据来源)");
    json_object_set_new(facts, "items", items);
}

static json_t *unit_result(const unit_acc *unit, const unit_set *u, const gm_scheme *s, int stored,
                           int year)
{
    gm_indicator_value vals[GM_SCHEME_MAX];
    gm_indicator_score scores[GM_SCHEME_MAX];
    json_t *facts[GM_SCHEME_MAX];
    gm_assessment_total total;
    char as_of[GM_DATE_TEXT_SIZE];
    for (size_t i = 0; i < s->n; i++) {
        facts[i] = json_object();
        measure(s->items[i].code, u, &vals[i], facts[i]);
    }
    assessment_score(s, vals, scores, &total);
    json_t *inds = json_array();
    for (size_t i = 0; i < s->n; i++) {
        const gm_indicator_def *def = assessment_indicator(s->items[i].code);
        json_array_append_new(inds, json_pack("{s:s,s:s,s:s,s:f,s:b,s:f,s:f,s:b,s:o}",
            "code", s->items[i].code, "label", def ? def->label : s->items[i].code,
            "kind", assessment_kind_name(def ? def->kind : IND_SCORE), "weight", s->items[i].weight,
            "has_data", vals[i].has_data, "value", vals[i].value, "points",
            (double)((long long)(scores[i].points * 100 + 0.5)) / 100, "vetoed", scores[i].vetoed,
            "facts", facts[i]));
    }
    return json_pack("{s:I,s:s,s:s,s:i,s:s,s:s,s:f,s:s,s:b,s:i,s:o}", "unit_id", (json_int_t)unit->id,
                     "unit_name", unit->name, "unit_kind", unit->kind, "year", year, "as_of",
                     date_format(u->as_of, as_of), "scheme_source", stored ? "unit" : "preset",
                     "total", (double)((long long)(total.total * 100 + 0.5)) / 100, "grade",
                     total.grade, "vetoed", total.vetoed, "accounts", (int)u->n, "indicators", inds);
}

static int load_units(db *d, unit_acc **out, size_t *n, gm_err *err)
{
    db_stmt *q;
    size_t cap = 0;
    int rc = db_query(d, &q, err, "SELECT id, name, kind, path FROM units ORDER BY id", "");
    if (rc)
        return rc;
    *out = NULL;
    *n = 0;
    while ((rc = db_next(q)) == 1) {
        if (gm_grow((void **)out, &cap, *n + 1, sizeof **out)) {
            rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
            break;
        }
        unit_acc *u = &(*out)[(*n)++];
        u->id = db_int(q, 0);
        snprintf(u->name, sizeof u->name, "%s", db_text(q, 1));
        snprintf(u->kind, sizeof u->kind, "%s", db_text(q, 2));
        snprintf(u->path, sizeof u->path, "%s", db_text(q, 3));
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

static int by_unit(const void *x, const void *y)
{
    const acc *a = *(acc *const *)x, *b = *(acc *const *)y;
    return a->unit_id != b->unit_id ? (a->unit_id < b->unit_id ? -1 : 1)
                                    : (a->id < b->id ? -1 : a->id > b->id);
}

static int assemble(db *d, acc *v, size_t n, int year, gm_date as_of, long long checked,
                    json_t *out, gm_err *err)
{
    unit_acc *units = NULL;
    size_t nu = 0, ui = 0;
    acc **order = n ? malloc(n * sizeof *order) : NULL;
    int rc = n && !order ? gm_fail(err, GM_E_NOMEM, NULL, "内存不足") : load_units(d, &units, &nu, err);
    for (size_t i = 0; i < n && order; i++)
        order[i] = &v[i];
    if (order)
        qsort(order, n, sizeof *order, by_unit);
    for (size_t i = 0; !rc && i < n;) {
        size_t j = i;
        while (j < n && order[j]->unit_id == order[i]->unit_id)
            j++;
        while (ui < nu && units[ui].id < order[i]->unit_id)
            ui++;
        gm_scheme s;
        int stored;
        unit_set set = {order + i, j - i, as_of, checked};
        rc = ui < nu ? assessment_scheme_get(d, units[ui].id, year, &s, &stored, err) : GM_OK;
        if (!rc && ui < nu)
            json_array_append_new(out, unit_result(&units[ui], &set, &s, stored, year));
        i = j;
    }
    free(order);
    free(units);
    return rc;
}

typedef struct security_acc {
    acc *v;
    size_t n;
} security_acc;

static void note_security(void *ctx, const security_hit *hit)
{
    security_acc *s = ctx;
    acc *a = find(s->v, s->n, hit->account_id);
    char day[GM_CST_LEN];
    if (!a)
        return;
    if (!a->security_hits++) {
        clock_iso_to_cst(hit->published_at, day);
        day[10] = '\0';
        snprintf(a->security_detail, sizeof a->security_detail, "%s 发布的《%.120s》含%s“%.60s”", day,
                 hit->title, hit->kind, hit->term ? hit->term : "");
    } else {
        size_t len = strlen(a->security_detail);
        snprintf(a->security_detail + len, sizeof a->security_detail - len, "%s",
                 a->security_hits == 2 ? " 等" : "");
    }
}

/* veto_security's facts: the year's workflow publications re-checked now. */
static int year_security(db *d, const security_engine *e, const report_scope *scope, acc *v,
                         size_t n, int year, gm_date as_of, long long *checked, gm_err *err)
{
    gm_date jan1;
    char from[24], to[24];
    security_acc s = {v, n};
    *checked = -1;
    if (!e)
        return GM_OK;
    date_from_ymd(year, 1, 1, &jan1, NULL);
    report_day_end_utc(jan1 - 1, from);
    report_day_end_utc(as_of, to);
    security_counts counts;
    int rc = assessment_security_scan(d, e, scope, from, to, note_security, &s, &counts, err);
    *checked = counts.judged;
    return rc;
}

int report_assessment(db *d, const report_scope *scope, int year, gm_date as_of,
                      const security_engine *security, json_t **out, gm_err *err)
{
    gm_date dec31;
    if (year < 2000 || year > 2100 || date_from_ymd(year, 12, 31, &dec31, NULL))
        return gm_fail(err, GM_E_INVALID, "year", "年份应在 2000 到 2100 之间");
    if (as_of > dec31)
        as_of = dec31;
    acc *v = NULL;
    size_t n = 0;
    json_t *rows = json_array();
    int rc = load_accounts(d, scope, &v, &n, err);
    if (!rc)
        rc = run_checks(d, v, n, year, as_of, err);
    if (!rc)
        rc = year_totals(d, v, n, year, as_of, err);
    long long checked = -1;
    if (!rc)
        rc = year_security(d, security, scope, v, n, year, as_of, &checked, err);
    if (!rc)
        rc = assemble(d, v, n, year, as_of, checked, rows, err);
    free(v);
    if (rc) {
        json_decref(rows);
        return rc;
    }
    *out = rows;
    return GM_OK;
}

int report_assessment_table(const json_t *rows, gm_sheet *t, gm_err *err)
{
    static const gm_field cols[] = {
        {"unit_name", "单位", COL_TEXT}, {"year", "年度", COL_INT}, {"label", "指标", COL_TEXT},
        {"weight", "分值", COL_NUMBER}, {"points", "得分", COL_NUMBER}, {"vetoed", "否决", COL_TEXT},
        {"summary", "依据", COL_TEXT}, {"accounts", "涉及账号", COL_TEXT}};
    json_t *flat = json_array(), *u, *ind;
    size_t i, j;
    json_array_foreach(rows, i, u) {
        json_array_foreach(json_object_get(u, "indicators"), j, ind) {
            json_t *facts = json_object_get(ind, "facts"), *it;
            size_t k;
            char names[1024] = "";
            json_array_foreach(json_object_get(facts, "items"), k, it) {
                size_t len = strlen(names);
                if (len < sizeof names - 1)
                    snprintf(names + len, sizeof names - len, "%s%s", len ? "、" : "",
                             json_string_value(json_object_get(it, "account_name")));
            }
            json_array_append_new(flat, json_pack("{s:O,s:O,s:O,s:O,s:O,s:b,s:O,s:s}",
                "unit_name", json_object_get(u, "unit_name"), "year", json_object_get(u, "year"),
                "label", json_object_get(ind, "label"), "weight", json_object_get(ind, "weight"),
                "points", json_object_get(ind, "points"),
                "vetoed", json_is_true(json_object_get(ind, "vetoed")),
                "summary", json_object_get(facts, "summary"), "accounts", names));
        }
        json_t *tot = json_pack("{s:O,s:O,s:s,s:f,s:O,s:b,s:O,s:s}", "unit_name",
            json_object_get(u, "unit_name"), "year", json_object_get(u, "year"), "label", "合计",
            "weight", 100.0, "points", json_object_get(u, "total"), "vetoed",
            json_is_true(json_object_get(u, "vetoed")), "summary", json_object_get(u, "grade"),
            "accounts", "");
        json_array_append_new(flat, tot);
    }
    int rc = sheet_from_objects(t, "年度考核", cols, sizeof cols / sizeof cols[0], flat, err);
    json_decref(flat);
    return rc;
}
