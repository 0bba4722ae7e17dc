/*
 * exprlist_scan.c - turns expression-list hits into findings: a wrong or
 * near-miss form of a name or formulation (replacement: the right form),
 * and a wrong title written next to an office-holder's name (replacement:
 * the title the person holds now, or held last).
 *
 * A title is right when some person of that name (two people may share
 * one) has held it at some time up to the text's date, when there is one:
 * a dated text about the past may name a past title, not a later one.  "副" must agree (X副市长 when X is
 * 市长 is wrong); otherwise a shorter form of a held title (书记 for
 * 市委书记) is right.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/exprlist.h"
#include "check/normalize.h"

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

/* Whether post h had begun by date (NULL: no date, any post counts). */
static int begun_by(const gm_holder *h, const char *date)
{
    return !date || !*h->from || strcmp(h->from, date) <= 0;
}

/* Whether a is a later post than b of the same person: serving beats
 * ended, then the later end. */
static int later_post(const gm_holder *a, const gm_holder *b)
{
    return (!*a->to && *b->to) || (*a->to && *b->to && strcmp(a->to, b->to) > 0) ||
           (!*a->to && !*b->to && strcmp(a->from, b->from) > 0);
}

/* The post person held last by date (now, without a date); NULL if none had begun. */
static const gm_holder *post_at(const gm_exprs *x, const char *person, const char *date)
{
    const gm_holder *best = NULL;
    for (size_t i = 0; i < x->nholders; i++) {
        const gm_holder *h = &x->holders[i];
        if (strcmp(h->person, person) == 0 && begun_by(h, date) && (!best || later_post(h, best)))
            best = h;
    }
    return best;
}

/* Whether some person called name held title by date. */
static int held_by(const gm_exprs *x, const char *name, const char *title, const char *date)
{
    for (size_t i = 0; i < x->nholders; i++)
        if (strcmp(x->holders[i].name, name) == 0 && begun_by(&x->holders[i], date) &&
            title_agrees(title, x->holders[i].title))
            return 1;
    return 0;
}

/* What the people called name held by date, one post each:
 * "「市长」（示范市人民政府）或「局长」（示范县教育局）"; *fix = their
 * common title, or NULL when they differ (no replacement to offer);
 * *sev = the strongest severity. */
static void titles_of(const gm_exprs *x, const char *name, const char *date, char *msg,
                      size_t cap, const char **fix, int *sev)
{
    size_t len = 0;
    int any = 0;
    *fix = NULL;
    *sev = GM_SEV_WARN;
    msg[0] = '\0';
    for (size_t i = 0; i < x->nholders; i++) {
        const gm_holder *h = &x->holders[i], *now;
        int first = 1;   /* the person's first row: each person once */
        for (size_t k = 0; k < i && first; k++)
            first = strcmp(x->holders[k].person, h->person) != 0;
        if (strcmp(h->name, name) != 0 || !first || !(now = post_at(x, h->person, date)))
            continue;
        if (len < cap)
            len += (size_t)snprintf(msg + len, cap - len, "%s「%s」（%s）", any ? "或" : "",
                                    now->title, now->unit);
        *fix = !any || (*fix && strcmp(*fix, now->title) == 0) ? now->title : NULL;
        any = 1;
        if (now->severity == GM_SEV_BLOCK)
            *sev = GM_SEV_BLOCK;
    }
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

/* Where a title some person called name has held (at any time) is written
 * next to the hit: 1 right after it (阳光明市长), 2 right before it
 * (市长阳光明 for 杨光明, 市长), 0 nowhere. */
static int titled_here(const gm_exprs *x, const char *text, size_t len, const gm_hit *h,
                       const char *name)
{
    for (int after = 1; after >= 0; after--) {
        size_t b0, b1;
        const char *t = title_near(x, text, len, h->b_start, h->b_end, after, &b0, &b1);
        if (t && held_by(x, name, t, NULL))
            return after ? 1 : 2;
    }
    return 0;
}

/* Title findings for the holder's name at h; the name and the titles next
 * to it go to quiet (may be NULL), which the 错别字 check leaves alone. */
static int title_findings(const gm_exprs *x, const char *text, size_t len, const char *field,
                          const char *date, const gm_hit *h, const gm_holder *who,
                          gm_findings *fs, gm_typo_quiet *quiet)
{
    if (quiet && gm_typo_quiet_add(quiet, h->b_start, h->b_end))
        return GM_E_NOMEM;
    for (int after = 1; after >= 0; after--) {
        size_t b0, b1;
        const char *t = title_near(x, text, len, h->b_start, h->b_end, after, &b0, &b1);
        if (t && quiet && gm_typo_quiet_add(quiet, b0, b1))
            return GM_E_NOMEM;
        if (!t || held_by(x, who->name, t, date))
            continue;
        char held[400], msg[512];
        const char *fix;
        int sev;
        titles_of(x, who->name, date, held, sizeof held, &fix, &sev);
        if (held[0])
            snprintf(msg, sizeof msg, "%s的职务是%s，不是「%s」", who->name, held, t);
        else   /* nobody of that name had begun a post by the text's date */
            snprintf(msg, sizeof msg, "截至 %s，名单中的%s尚无任职，不是「%s」", date, who->name, t);
        size_t start = cp_count(text, b0);
        gm_finding f = {.rule = "expression", .field = field, .category = "title",
                        .severity = sev, .term = who->name, .match = (char *)text + b0,
                        .start = start, .end = start + cp_count(text + b0, b1 - b0),
                        .b_start = b0, .b_end = b1, .replacement = (char *)fix, .message = msg};
        if (gm_findings_add(fs, &f, b1 - b0))
            return GM_E_NOMEM;
    }
    return 0;
}

/* The code points of s[0..n) into cp (at most GM_TERM_MAX); how many. */
static size_t decode(const char *s, size_t n, uint32_t *cp)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < GM_TERM_MAX;) {
        size_t l = gm_utf8_decode((const unsigned char *)s + i, n - i, &cp[k]);
        if (!l)
            return 0;
        k++;
        i += l;
    }
    return k;
}

/* 1 when the dictionary holds the two characters a b as a usual word (at
 * least GM_TYPO_WORD_RARE_LP probable: 培训 is one, the place name 长阳 of
 * 市长阳光明 and the 过出 of 张建过出席 are not). */
static int word_of_two(const gm_typo_model *m, uint32_t a, uint32_t b)
{
    uint32_t w[2] = {a, b};
    float lp = gm_is_han_basic(a) && gm_is_han_basic(b) ? gm_typo_logp(m, w, 2) : 1.0f;
    return lp <= 0.0f && lp >= GM_TYPO_WORD_RARE_LP;
}

/* 1 when the near miss h of the listed form correct changed its first or
 * last character and that character forms a dictionary word with the text
 * character outside the match: the text reads on as ordinary words there
 * (教育培训 holds no slip of 教育部: 培训 is a word).  The near misses were
 * chosen by the characters inside the name only. */
static int near_miss_reads_on(const gm_exprs *x, const char *text, size_t len,
                              const gm_hit *h, const char *correct)
{
    uint32_t got[GM_TERM_MAX], want[GM_TERM_MAX], cp;
    size_t n = decode(text + h->b_start, h->b_end - h->b_start, got);
    if (!x->model || n < 2 || decode(correct, strlen(correct), want) != n)
        return 0;
    if (got[0] != want[0] && h->b_start > 0) {
        size_t b = h->b_start - 1;
        while (b > 0 && ((unsigned char)text[b] & 0xC0) == 0x80)
            b--;
        if (gm_utf8_decode((const unsigned char *)text + b, h->b_start - b, &cp) &&
            word_of_two(x->model, cp, got[0]))
            return 1;
    }
    return got[n - 1] != want[n - 1] && h->b_end < len &&
           gm_utf8_decode((const unsigned char *)text + h->b_end, len - h->b_end, &cp) &&
           word_of_two(x->model, got[n - 1], cp);
}

/* The code point of text ending at byte b (0 when none or not CJK). */
static uint32_t cjk_before(const char *text, size_t b)
{
    uint32_t cp = 0;
    size_t a = b;
    while (a > 0 && ((unsigned char)text[--a] & 0xC0) == 0x80)
        ;
    return b > 0 && gm_utf8_decode((const unsigned char *)text + a, b - a, &cp) &&
                   gm_is_han_basic(cp) ? cp : 0;
}

/* The code point of text starting at byte b (0 when none or not CJK). */
static uint32_t cjk_at(const char *text, size_t len, size_t b)
{
    uint32_t cp = 0;
    return b < len && gm_utf8_decode((const unsigned char *)text + b, len - b, &cp) &&
                   gm_is_han_basic(cp) ? cp : 0;
}

static size_t utf8_len(uint32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/* 1 when a two-character near miss at h, with its title on side (1 after,
 * 2 before), ends a name on its other side: the text stops there, or goes
 * on with a common one-character word (在, 和) or a usual word of two
 * characters (市长王纬|出席, 会见|王纬市长).  王大伟 after 市长 holds 王大
 * for 王磊 but is a name of three characters (伟出 is no word). */
static int short_name_ends(const gm_exprs *x, const char *text, size_t len, const gm_hit *h,
                           int side)
{
    uint32_t w[2];
    if (side == 2) {
        if (!(w[0] = cjk_at(text, len, h->b_end)))
            return 1;
        w[1] = cjk_at(text, len, h->b_end + utf8_len(w[0]));
    } else {
        if (!(w[1] = cjk_before(text, h->b_start)))
            return 1;
        w[0] = cjk_before(text, h->b_start - utf8_len(w[1]));
    }
    uint32_t near = side == 2 ? w[0] : w[1];
    float lp = gm_typo_logp(x->model, &near, 1);
    return (lp <= 0.0f && lp >= GM_TYPO_FUNCTION_LP) || (w[0] && w[1] && word_of_two(x->model, w[0], w[1]));
}

typedef struct scan_ctx {
    const gm_exprs *x;
    const char *text, *field, *date;
    size_t len;
    gm_findings *fs;
    gm_typo_quiet *quiet;
    int rc;
} scan_ctx;

static int on_hit(void *ctx, const gm_hit *h)
{
    scan_ctx *s = ctx;
    const gm_expr_term *t = &s->x->terms[h->term];
    if (t->holder) {
        s->rc = title_findings(s->x, s->text, s->len, s->field, s->date, h,
                               &s->x->holders[t->holder - 1], s->fs, s->quiet);
        return s->rc;
    }
    /* a title the person held, right next to the near miss, says it is the
     * person's name (市长阳光明 for 杨光明, though 长阳 and 阳光 are words) */
    int titled = t->near ? titled_here(s->x, s->text, s->len, h, t->correct) : 0;
    if (titled && h->cp_end - h->cp_start == 2 && !short_name_ends(s->x, s->text, s->len, h, titled))
        return 0;
    if (!titled && (t->titled || (t->near && near_miss_reads_on(s->x, s->text, s->len, h,
                                                                 t->correct))))
        return 0;
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
                      const char *date, gm_findings *fs, gm_typo_quiet *quiet, gm_err *err)
{
    if (!x->m)
        return 0;
    scan_ctx s = {x, text, field, date, len, fs, quiet, 0};
    int rc = gm_matcher_scan(x->m, text, len, on_hit, &s, err);
    if (rc == 0 && s.rc)
        rc = gm_fail(err, GM_E_NOMEM, field, "内存不足");
    return rc;
}
