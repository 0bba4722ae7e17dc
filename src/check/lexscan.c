/*
 * lexscan.c - turns matcher hits into lexicon findings, applying the allow
 * list: a hit is dropped when an allow-list occurrence covers it (in the
 * normalised element positions, so "禁 止 赌 博" still covers "赌博").
 * Hits by sound (sound.h) follow the category's policy (policy.h), and a
 * term governed by an enforcement word (context.txt, found by the same
 * literal scan; the grammar is in context.c) is reported as a warning with
 * "context":"enforcement".  A text whose characters alternate with one
 * separator that is a word elsewhere (代一开一发一票: alternation.c) is
 * scanned once more, literally, with the separators blanked, and one with a
 * word inserted inside a term (约个炮, 赌x博) with those words blanked
 * ("via":"inserted").  A term written backwards is found by the same
 * literal scan through its reversed entry (reversed.h, "via":"reversed"),
 * and one spelt by the first or last characters of lines (藏头, 藏尾) by a
 * literal scan of those characters (acrostic.h, "via":"acrostic").
 */
#include <stdlib.h>
#include <string.h>

#include "check/acrostic.h"
#include "check/alternation.h"
#include "check/checker_int.h"
#include "check/normalize.h"

typedef struct collect {
    const gm_lexicon *lex;
    const char *text;
    size_t len;
    gm_hits block, allow, sound;
    gm_ctx_hits ctx;
    int nomem;
} collect;

static int push(gm_hits *hv, const gm_hit *h)
{
    if (hv->n == hv->cap) {
        size_t cap = hv->cap ? hv->cap * 2 : 32;
        gm_hit *grown = realloc(hv->v, cap * sizeof *grown);
        if (!grown)
            return GM_E_NOMEM;
        hv->v = grown;
        hv->cap = cap;
    }
    hv->v[hv->n++] = *h;
    return 0;
}

static int on_sound(void *ctx, const gm_sound_hit *s);

/* A term written backwards (reversed.h): kept with the sound hits as its
 * term, "via":"reversed". */
static int on_reversed(collect *c, const gm_hit *h)
{
    uint32_t of = c->lex->terms[h->term].of;
    if (of == UINT32_MAX)
        return 0;
    gm_sound_hit s = {of, GM_VIA_REVERSED, h->cp_start, h->cp_end, h->b_start, h->b_end};
    return on_sound(c, &s);
}

static int on_hit(void *ctx, const gm_hit *h)
{
    collect *c = ctx;
    int kind = c->lex->terms[h->term].allow;
    if (kind == GM_LEX_REVERSED)
        return on_reversed(c, h);
    if (kind == GM_LEX_ALLOW && gm_crosses_clause(c->text, h->b_start, h->b_end))
        return 0;
    gm_hits *hv = kind == GM_LEX_CONTEXT   ? &c->ctx.words
                  : kind == GM_LEX_CONDEMN ? &c->ctx.cond
                  : kind == GM_LEX_FRAME   ? &c->ctx.frames
                  : kind == GM_LEX_ADVERT  ? &c->ctx.advert
                  : kind == GM_LEX_REGISTER ? &c->ctx.reg
                  : kind == GM_LEX_LEGAL   ? &c->ctx.legal
                  : kind                   ? &c->allow
                                           : &c->block;
    c->nomem = push(hv, h) != 0;
    return c->nomem;
}

static int by_first(const void *a, const void *b)
{
    size_t x = ((const gm_hit *)a)->el_first, y = ((const gm_hit *)b)->el_first;
    return x < y ? -1 : x > y;
}

/* Sorts allow hits by first element and turns el_last into a running
 * maximum, so "is [s,e] covered" is one binary search. */
static void prepare_allow(gm_hits *a)
{
    if (a->n == 0)
        return;
    qsort(a->v, a->n, sizeof *a->v, by_first);
    for (size_t i = 1; i < a->n; i++)
        if (a->v[i].el_last < a->v[i - 1].el_last)
            a->v[i].el_last = a->v[i - 1].el_last;
}

static int covered(const gm_hits *a, const gm_hit *h)
{
    size_t lo = 0, hi = a->n;   /* first allow hit starting after h */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a->v[mid].el_first <= h->el_first)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && a->v[lo - 1].el_last >= h->el_last;
}

static int add_finding(const gm_checker *c, collect *col, const char *text,
                       const char *field, const gm_hit *h, int via, gm_findings *fs)
{
    const gm_term *t = &c->lex.terms[h->term];
    const gm_cat_policy *pol = gm_policy_for(&c->policy, t->category);
    int sev = t->severity;
    if (via == GM_VIA_INSERTED || via == GM_VIA_INSERTED_WEAK || via == GM_VIA_REVERSED ||
        via == GM_VIA_ACROSTIC) {
        /* the term's own characters */
        if ((t->full_len <= (via == GM_VIA_INSERTED || via == GM_VIA_INSERTED_WEAK ? 2 : 3) ||
             via == GM_VIA_INSERTED_WEAK) &&
            sev > GM_SEV_WARN)
            sev = GM_SEV_WARN;
    } else if (via) {
        int rule = via == GM_VIA_PINYIN || via == GM_VIA_INITIALS ? pol->pinyin : pol->homophone;
        sev = rule == GM_POL_TERM ? t->severity : rule;
        if (via == GM_VIA_INITIALS && t->full_len <= 3 && sev > GM_SEV_WARN)
            sev = GM_SEV_WARN;   /* three letters are many abbreviations too */
        if (via != GM_VIA_PINYIN &&
            (t->full_len <= 2 || via == GM_VIA_HOMOPHONE_WEAK || via == GM_VIA_NEAR ||
             via == GM_VIA_SHAPE_WEAK || via == GM_VIA_MASK_WEAK ||
             (via == GM_VIA_MASK && t->full_len <= 3)) &&
            sev > GM_SEV_WARN)
            sev = GM_SEV_WARN;
        if (sev == GM_SEV_NONE)
            return 0;
    }
    int ctx = pol->context && gm_context_governs(&col->ctx, text, col->len, h);
    gm_finding f = {.rule = "lexicon", .field = field, .category = t->category,
                    .severity = ctx ? GM_SEV_WARN : sev, .term = t->text,
                    .match = (char *)text + h->b_start, .start = h->cp_start, .end = h->cp_end,
                    .b_start = h->b_start, .b_end = h->b_end,
                    .via = via == GM_VIA_PINYIN     ? "pinyin"
                           : via == GM_VIA_INITIALS ? "initials"
                           : via == GM_VIA_DIGIT    ? "digit"
                           : via == GM_VIA_EMOJI    ? "emoji"
                           : via == GM_VIA_NEAR     ? "near"
                           : via == GM_VIA_SHAPE || via == GM_VIA_SHAPE_WEAK ? "shape"
                           : via == GM_VIA_INSERTED || via == GM_VIA_INSERTED_WEAK ? "inserted"
                           : via == GM_VIA_MASK || via == GM_VIA_MASK_WEAK ? "mask"
                           : via == GM_VIA_REVERSED ? "reversed"
                           : via == GM_VIA_ACROSTIC ? "acrostic"
                           : via                    ? "homophone"
                                                    : NULL,
                    .context = ctx ? "enforcement" : NULL};
    return gm_findings_add(fs, &f, h->b_end - h->b_start);
}

int gm_allowed_covers(const gm_hits *allowed, size_t cp_start, size_t cp_end)
{
    for (size_t i = 0; i < allowed->n; i++)
        if (allowed->v[i].cp_start <= cp_start && allowed->v[i].cp_end >= cp_end)
            return 1;
    return 0;
}

/* The earlier sound hit of the same term that h overlaps, or NULL: a
 * repeat read two ways (带带开发票 from either 带) is one finding. */
static gm_hit *overlapping(gm_hits *sound, const gm_hit *h)
{
    for (size_t i = sound->n; i-- > 0 && i + 16 >= sound->n;) {   /* recent ones */
        gm_hit *o = &sound->v[i];
        if (o->term == h->term && o->cp_start < h->cp_end && h->cp_start < o->cp_end)
            return o;
    }
    return NULL;
}

static int on_sound(void *ctx, const gm_sound_hit *s)
{
    collect *c = ctx;
    gm_hit h = {.term = s->term, .cp_start = s->cp_start, .cp_end = s->cp_end,
                .b_start = s->b_start, .b_end = s->b_end, .el_first = (size_t)s->via};
    gm_hit *o = overlapping(&c->sound, &h);
    if (o) {   /* keep the wider reading of the two */
        if (h.cp_end - h.cp_start > o->cp_end - o->cp_start)
            *o = h;
        return 0;
    }
    c->nomem = push(&c->sound, &h) != 0;
    return c->nomem;
}

/* The second scan of a text with its alternating separators blanked: only
 * terms of GM_ALTERNATION_MIN or more characters with a separator between
 * every two characters (the others were found, or not, the first time),
 * and only literally: words share characters too (政务服务数 alternates 务),
 * and read by sound they spell terms (正负数) that are not there. */
typedef struct spaced {
    collect *col;
    const gm_alternation *alt;
} spaced;

static int spaced_term(const spaced *sp, uint32_t term, size_t cp_start, size_t cp_end)
{
    const gm_term *t = &sp->col->lex->terms[term];
    return !t->allow && gm_alternation_spaced(sp->alt, cp_start, cp_end, t->full_len);
}

static int on_spaced_hit(void *ctx, const gm_hit *h)
{
    spaced *sp = ctx;
    if (!spaced_term(sp, h->term, h->cp_start, h->cp_end))
        return 0;
    gm_sound_hit s = {h->term, 0, h->cp_start, h->cp_end, h->b_start, h->b_end};
    return on_sound(sp->col, &s);   /* literal (via 0), kept with the sound hits */
}

/* The scan of a text with its inserted words and fillers blanked (约个炮):
 * only hits with one inside (gm_alternation_gapped), literally, as
 * "inserted". */
static int on_gapped_hit(void *ctx, const gm_hit *h)
{
    spaced *sp = ctx;
    const gm_term *t = &sp->col->lex->terms[h->term];
    int gapped = t->allow ? 0 : gm_alternation_gapped(sp->alt, h->cp_start, h->cp_end, t->full_len);
    if (!gapped)
        return 0;
    gm_sound_hit s = {h->term, gapped == 2 ? GM_VIA_INSERTED_WEAK : GM_VIA_INSERTED, h->cp_start,
                      h->cp_end, h->b_start, h->b_end};
    return on_sound(sp->col, &s);
}

static int term_pair(const void *ctx, uint32_t a, uint32_t b)
{
    return gm_sound_term_pair(ctx, a, b);
}

static int scan_alternation(const gm_checker *c, collect *col, const char *text, size_t len,
                            gm_err *err)
{
    int rc = 0;
    for (uint32_t after = 0; rc == 0 && !col->nomem;) {   /* each separator in turn */
        gm_alternation alt;
        int n = gm_alternation_find(text, len, after, &alt, term_pair, c->sound);
        col->nomem = n < 0;
        spaced sp = {col, &alt};
        if (n > 0)
            rc = gm_matcher_scan(c->m, alt.text, len, on_spaced_hit, &sp, err);
        if (rc == 0 && n >= 0 && alt.gap_text)   /* the first walk's inserted words */
            rc = gm_matcher_scan(c->m, alt.gap_text, len, on_gapped_hit, &sp, err);
        after = alt.sep;
        gm_alternation_free(&alt);
        if (n <= 0)
            break;
    }
    return rc;
}

/* The literal scan of the first (last) characters of a run of lines
 * (acrostic.h): terms of GM_ACROSTIC_MIN or more characters, the finding
 * spanning the lines, "via":"acrostic". */
typedef struct acrostic_scan {
    const gm_checker *c;
    collect *col;
    const gm_acrostic_run *run;
    gm_err *err;
} acrostic_scan;

static int on_acrostic_hit(void *ctx, const gm_hit *h)
{
    acrostic_scan *a = ctx;
    const gm_term *t = &a->col->lex->terms[h->term];
    if (t->allow || t->full_len < GM_ACROSTIC_MIN)
        return 0;
    size_t b = a->run->line[h->cp_start].b_start, e = a->run->line[h->cp_end - 1].b_end,
           cp = gm_utf8_count(a->col->text, b);
    gm_sound_hit s = {h->term, GM_VIA_ACROSTIC, cp, cp + gm_utf8_count(a->col->text + b, e - b),
                      b, e};
    return on_sound(a->col, &s);
}

static int on_acrostic_run(void *ctx, const gm_acrostic_run *run)
{
    acrostic_scan *a = ctx;
    a->run = run;
    return gm_matcher_scan(a->c->m, run->text, run->len, on_acrostic_hit, a, a->err);
}

static int scan_acrostics(const gm_checker *c, collect *col, const char *text, size_t len,
                          gm_err *err)
{
    acrostic_scan a = {c, col, NULL, err};
    int rc = gm_acrostic_runs(text, len, on_acrostic_run, &a);
    if (rc == GM_E_NOMEM)
        col->nomem = 1;
    return rc == GM_E_NOMEM ? 0 : rc;
}

/* An allow-list phrase covering h (covers) counts unless h's sentence is
 * an advert (打击赌博力度大，VX：…). */
static int allowed_here(const collect *col, const gm_hit *h, int covers)
{
    return covers && !gm_context_advertised(&col->ctx, col->text, col->len, h);
}

static int add_all(const gm_checker *c, collect *col, const char *text, const char *field,
                   gm_findings *fs, gm_field_gist *gist)
{
    prepare_allow(&col->allow);
    if (col->block.n || col->sound.n || gist)
        gm_context_prepare(&col->ctx, text, col->len);
    if (gist)
        gm_context_gist(&col->ctx, text, col->len, strcmp(field, "title") == 0, gist);
    for (size_t i = 0; i < col->block.n; i++)
        if (!allowed_here(col, &col->block.v[i], covered(&col->allow, &col->block.v[i])) &&
            add_finding(c, col, text, field, &col->block.v[i], 0, fs) != 0)
            return GM_E_NOMEM;
    for (size_t i = 0; i < col->sound.n; i++)
        if (!allowed_here(col, &col->sound.v[i],
                          gm_allowed_covers(&col->allow, col->sound.v[i].cp_start,
                                            col->sound.v[i].cp_end)) &&
            add_finding(c, col, text, field, &col->sound.v[i], (int)col->sound.v[i].el_first,
                        fs) != 0)
            return GM_E_NOMEM;
    return 0;
}

int gm_lexicon_findings(const gm_checker *c, const char *text, size_t len, const char *field,
                        gm_findings *fs, gm_hits *allowed, gm_err *err)
{
    return gm_lexicon_findings_doc(c, text, len, field, NULL, NULL, fs, allowed, err);
}

int gm_lexicon_findings_doc(const gm_checker *c, const char *text, size_t len, const char *field,
                            const gm_field_gist *other, gm_field_gist *gist, gm_findings *fs,
                            gm_hits *allowed, gm_err *err)
{
    collect col = {.lex = &c->lex, .text = text, .len = len, .ctx = {.other = other}};
    int rc = gm_matcher_scan(c->m, text, len, on_hit, &col, err);
    if (rc == 0 && !col.nomem)
        gm_sound_scan(c->sound, &c->lex, text, len, on_sound, &col);
    if (rc == 0 && !col.nomem)
        rc = scan_alternation(c, &col, text, len, err);
    if (rc == 0 && !col.nomem)
        rc = scan_acrostics(c, &col, text, len, err);
    if (rc == 0 && (col.nomem || add_all(c, &col, text, field, fs, gist) != 0))
        rc = gm_fail(err, GM_E_NOMEM, field, "内存不足");
    free(col.block.v);
    if (allowed && !rc)
        *allowed = col.allow;
    else
        free(col.allow.v);
    free(col.ctx.words.v);
    free(col.ctx.cond.v);
    free(col.ctx.frames.v);
    free(col.ctx.advert.v);
    free(col.ctx.reg.v);
    free(col.ctx.legal.v);
    free(col.sound.v);
    return rc;
}
