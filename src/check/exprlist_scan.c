/*
 * exprlist_scan.c - turns expression-list hits into findings: a wrong or
 * near-miss form of a name or formulation (replacement: the right form),
 * and a wrong title written next to an office-holder's name (replacement:
 * the title the person holds now, or held last).
 *
 * A title is right when the person has held it at some time: a dated text
 * about the past may name a past title.  "副" must agree (X副市长 when X is
 * 市长 is wrong); otherwise a shorter form of a held title (书记 for
 * 市委书记) is right.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/exprlist.h"

static int is_deputy(const char *t)
{
    return strstr(t, "副") != NULL;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && memcmp(s + a - b, suffix, b) == 0;
}

static int title_agrees(const char *written, const char *held)
{
    return is_deputy(written) == is_deputy(held) &&
           (ends_with(held, written) || ends_with(written, held));
}

/* The title the holder (by name) has now, or held last. */
static const gm_holder *current_post(const gm_exprs *x, const char *name)
{
    const gm_holder *best = NULL;
    for (size_t i = 0; i < x->nholders; i++) {
        const gm_holder *h = &x->holders[i];
        if (strcmp(h->name, name) != 0)
            continue;
        if (!best || (!*h->to && *best->to) ||
            (*h->to && *best->to && strcmp(h->to, best->to) > 0))
            best = h;
    }
    return best;
}

static int held_by(const gm_exprs *x, const char *name, const char *title)
{
    for (size_t i = 0; i < x->nholders; i++)
        if (strcmp(x->holders[i].name, name) == 0 && title_agrees(title, x->holders[i].title))
            return 1;
    return 0;
}

/* Longest known title written right after the name (after=1) or right
 * before it; its byte span in *b0, *b1. */
static const char *title_near(const gm_exprs *x, const char *text, size_t len, size_t b_start,
                              size_t b_end, int after, size_t *b0, size_t *b1)
{
    for (size_t i = 0; i < x->ntitles; i++) {
        size_t l = strlen(x->titles[i]);
        if (after && b_end + l <= len && memcmp(text + b_end, x->titles[i], l) == 0) {
            *b0 = b_end;
            *b1 = b_end + l;
            return x->titles[i];
        }
        if (!after && b_start >= l && memcmp(text + b_start - l, x->titles[i], l) == 0) {
            *b0 = b_start - l;
            *b1 = b_start;
            return x->titles[i];
        }
    }
    return NULL;
}

static size_t cp_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static int title_findings(const gm_exprs *x, const char *text, size_t len, const char *field,
                          const gm_hit *h, const gm_holder *who, gm_findings *fs)
{
    for (int after = 1; after >= 0; after--) {
        size_t b0, b1;
        const char *t = title_near(x, text, len, h->b_start, h->b_end, after, &b0, &b1);
        if (!t || held_by(x, who->name, t))
            continue;
        const gm_holder *now = current_post(x, who->name);
        char msg[512];
        snprintf(msg, sizeof msg, "%s的职务是「%s」（%s），不是「%s」", who->name, now->title,
                 now->unit, t);
        size_t start = cp_count(text, b0);
        gm_finding f = {.rule = "expression", .field = field, .category = "title",
                        .severity = now->severity, .term = who->name, .match = (char *)text + b0,
                        .start = start, .end = start + cp_count(text + b0, b1 - b0),
                        .b_start = b0, .b_end = b1, .replacement = now->title, .message = msg};
        if (gm_findings_add(fs, &f, b1 - b0))
            return GM_E_NOMEM;
    }
    return 0;
}

typedef struct scan_ctx {
    const gm_exprs *x;
    const char *text, *field;
    size_t len;
    gm_findings *fs;
    int rc;
} scan_ctx;

static int on_hit(void *ctx, const gm_hit *h)
{
    scan_ctx *s = ctx;
    const gm_expr_term *t = &s->x->terms[h->term];
    if (t->holder) {
        s->rc = title_findings(s->x, s->text, s->len, s->field, h,
                               &s->x->holders[t->holder - 1], s->fs);
        return s->rc;
    }
    char msg[512];
    snprintf(msg, sizeof msg, "「%.*s」应为「%s」", (int)(h->b_end - h->b_start),
             s->text + h->b_start, t->correct);
    gm_finding f = {.rule = "expression", .field = s->field, .category = (char *)t->category,
                    .severity = t->severity, .term = (char *)t->correct,
                    .match = (char *)s->text + h->b_start, .start = h->cp_start,
                    .end = h->cp_end, .b_start = h->b_start, .b_end = h->b_end,
                    .replacement = (char *)t->correct, .message = msg};
    s->rc = gm_findings_add(s->fs, &f, h->b_end - h->b_start);
    return s->rc;
}

int gm_exprs_findings(const gm_exprs *x, const char *text, size_t len, const char *field,
                      gm_findings *fs, gm_err *err)
{
    if (!x->m)
        return 0;
    scan_ctx s = {x, text, field, len, fs, 0};
    int rc = gm_matcher_scan(x->m, text, len, on_hit, &s, err);
    if (rc == 0 && s.rc)
        rc = gm_fail(err, GM_E_NOMEM, field, "内存不足");
    return rc;
}
