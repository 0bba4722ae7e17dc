/*
 * assessment_security.c - the facts of the veto item 安全问题 (veto_security)
 * of the yearly assessment (see report/assessment_security.h): the
 * publications made through the workflow in the period, re-checked with the
 * engine as it stands (the archive recheck, store/recheck.h).  A blocking
 * finding of a wrong expression (严重表述错误: rule "expression", wrong names
 * of office-holders and official formulations, REQUIREMENTS §3) or of the
 * lexicon's secret category (泄密) is a security problem of the account.
 */
#include "report/assessment_security.h"
#include "store/recheck.h"

#include <stdio.h>
#include <string.h>

typedef struct walk {
    const gm_checker *c;
    security_hit_fn fn;
    void *ctx;
    long long checked;
    gm_err *err;
} walk;

/* The Chinese name of a finding that is a security problem, else NULL. */
static const char *security_kind(json_t *f)
{
    const char *rule = json_string_value(json_object_get(f, "rule"));
    const char *cat = json_string_value(json_object_get(f, "category"));
    const char *sev = json_string_value(json_object_get(f, "severity"));
    if (!rule || !sev || strcmp(sev, "block") != 0)
        return NULL;
    if (strcmp(rule, "expression") == 0)
        return "严重表述错误";
    if (strcmp(rule, "lexicon") == 0 && cat && strcmp(cat, "secret") == 0)
        return "涉密内容";
    return NULL;
}

static int visit(void *ctx, const recheck_item *it)
{
    walk *w = ctx;
    json_t *rep = NULL, *f;
    size_t i;
    int rc = recheck_report(w->c, it, &rep, w->err);
    if (rc)
        return rc;
    w->checked++;
    json_array_foreach(json_object_get(rep, "findings"), i, f) {
        const char *kind = security_kind(f);
        if (!kind)
            continue;
        const char *term = json_string_value(json_object_get(f, "match"));
        security_hit hit = {it->account_id, it->publication_id, it->published_at, it->title, kind,
                            term ? term : json_string_value(json_object_get(f, "term"))};
        w->fn(w->ctx, &hit);
        break;   /* one problem per publication is enough to name it */
    }
    json_decref(rep);
    return 0;
}

int assessment_security_scan(db *d, const gm_checker *c, const report_scope *scope,
                             const char *since, const char *until, security_hit_fn fn, void *ctx,
                             long long *checked, gm_err *err)
{
    walk w = {c, fn, ctx, 0, err};
    recheck_filter f = {.unit_id = scope->unit_id, .since = since, .until = until,
                        .reach_user_id = scope->actor ? scope->actor->user_id : 0,
                        .reach_perm = PERM_ACCOUNT_READ};
    int rc = recheck_each(d, &f, visit, &w, err);
    *checked = w.checked;
    return rc;
}
