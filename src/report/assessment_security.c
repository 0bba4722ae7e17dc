/*
 * assessment_security.c - the facts of the veto item 安全问题 (veto_security)
 * of the yearly assessment (see report/assessment_security.h): the
 * publications made through the workflow in the period, re-checked with the
 * engine as it stands (the archive recheck, store/recheck.h).  A blocking
 * finding of a wrong expression (严重表述错误: rule "expression", wrong names
 * of office-holders and official formulations, REQUIREMENTS §3) or of the
 * lexicon's secret category (泄密) is a security problem of the account.
 * Each verdict is kept with the engine's origin and the text's digest
 * (store/security_verdicts.h): the next assessment re-checks only what is
 * new, changed, or was judged by another engine or older lists, and loads
 * the engine only then (security_engine).
 */
#include "report/assessment_security.h"
#include "store/recheck.h"
#include "store/security_verdicts.h"
#include "util/clock.h"
#include "util/grow.h"

#include <sodium.h>
#include <stdlib.h>

#include <stdio.h>
#include <string.h>

typedef struct walk {
    db *d;
    const security_engine *e;
    const gm_checker *c;     /* NULL until a publication needs judging */
    const char *origin;      /* "" or NULL: keep nothing */
    security_hit_fn fn;
    void *ctx;
    security_counts counts;
    security_verdict *fresh; /* verdicts given now, kept after the walk */
    size_t n_fresh, cap_fresh;
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

/* The hex digest of what a publication's re-check reads. */
static void text_digest(const recheck_item *it, char out[33])
{
    unsigned char d[16];
    crypto_generichash_state st;
    const char *parts[] = {it->platform, it->title, it->body, it->published_at,
                           it->repost_source ? "1" : "0", it->repost_source ? it->repost_source : ""};
    crypto_generichash_init(&st, NULL, 0, sizeof d);
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        crypto_generichash_update(&st, (const unsigned char *)parts[i], strlen(parts[i]) + 1);
    crypto_generichash_final(&st, d, sizeof d);
    sodium_bin2hex(out, 33, d, sizeof d);
}

/* w->c, loaded the first time it is needed.  An engine whose origin is not
 * the one the walk looked verdicts up by (a list edited meanwhile) keeps
 * nothing: its verdicts would be filed under the wrong origin. */
static int engine(walk *w)
{
    if (w->c)
        return 0;
    if (!w->e->load)
        return gm_fail(w->err, GM_E_INTERNAL, NULL, "合规检查引擎不可用");
    int rc = w->e->load(w->e->ctx, &w->c, w->err);
    if (!rc && w->origin && strcmp(w->origin, gm_checker_origin(w->c)) != 0)
        w->origin = NULL;
    return rc;
}

/* Re-checks it: v->kind and v->term (malloc'd) of its first security problem, if any. */
static int judge(walk *w, const recheck_item *it, security_verdict *v)
{
    json_t *rep = NULL, *f;
    size_t i;
    int rc = engine(w);
    if (!rc)
        rc = recheck_report(w->c, it, &rep, w->err);
    if (rc)
        return rc;
    w->counts.rechecked++;
    json_array_foreach(json_object_get(rep, "findings"), i, f) {
        const char *kind = security_kind(f);
        if (!kind)
            continue;
        const char *term = json_string_value(json_object_get(f, "match"));
        term = term ? term : json_string_value(json_object_get(f, "term"));
        v->kind = kind;
        v->term = term ? strdup(term) : NULL;
        break;   /* one problem per publication is enough to name it */
    }
    json_decref(rep);
    return 0;
}

/* Keeps v to store after the walk (the walk's query is still reading). */
static int keep_fresh(walk *w, const security_verdict *v)
{
    if (gm_grow((void **)&w->fresh, &w->cap_fresh, w->n_fresh + 1, sizeof *w->fresh))
        return gm_fail(w->err, GM_E_NOMEM, NULL, "内存不足");
    w->fresh[w->n_fresh++] = *v;
    return 0;
}

static int visit(void *ctx, const recheck_item *it)
{
    walk *w = ctx;
    security_verdict v = {.publication_id = it->publication_id};
    int found = 0, keep = w->origin && *w->origin, rc = 0;
    text_digest(it, v.text_digest);
    if (keep)
        rc = security_verdict_get(w->d, it->publication_id, w->origin, v.text_digest, &found, &v,
                                  w->err);
    if (!rc && !found)
        rc = judge(w, it, &v);
    if (rc) {
        free(v.term);
        return rc;
    }
    keep = keep && w->origin;   /* judging may have loaded an engine of another origin */
    w->counts.judged++;
    if (v.kind) {
        security_hit hit = {it->account_id, it->publication_id, it->published_at, it->title,
                            v.kind, v.term};
        w->fn(w->ctx, &hit);
    }
    if (keep && !found)
        return keep_fresh(w, &v);   /* owns v.term now */
    free(v.term);
    return 0;
}

static void free_fresh(walk *w)
{
    for (size_t i = 0; i < w->n_fresh; i++)
        free(w->fresh[i].term);
    free(w->fresh);
}

int assessment_security_scan(db *d, const security_engine *e, const report_scope *scope,
                             const char *since, const char *until, security_hit_fn fn, void *ctx,
                             security_counts *counts, gm_err *err)
{
    /* inside a caller's transaction (a read snapshot) nothing is kept */
    const char *origin = e->checker ? gm_checker_origin(e->checker) : e->origin;
    walk w = {.d = d, .e = e, .c = e->checker, .origin = db_in_transaction(d) ? NULL : origin,
              .fn = fn, .ctx = ctx, .err = err};
    recheck_filter f = {.unit_id = scope->unit_id, .since = since, .until = until,
                        .reach_user_id = scope->actor ? scope->actor->user_id : 0,
                        .reach_perm = PERM_ACCOUNT_READ};
    int rc = recheck_each(d, &f, visit, &w, err);
    if (!rc && w.n_fresh && w.origin) {
        /* Keeping is a saving, not the report: a database that refuses the
         * write (busy past its timeout, read-only) costs the next
         * assessment its checks, never this one its answer. */
        char now[GM_ISO_LEN];
        gm_err ignored;
        clock_iso_from_now(now, 0);
        security_verdicts_put(d, w.origin, now, w.fresh, w.n_fresh, &ignored);
    }
    free_fresh(&w);
    *counts = w.counts;
    return rc;
}
