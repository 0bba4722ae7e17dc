/*
 * privacy.c - finds personal data (see privacy.h).
 *
 * One pass over the code points collects runs of digits (ASCII or
 * full-width) that may contain single spaces or hyphens between groups, as
 * people write "138 1234 5678" or "6222-0212-3456-7890"; each run is then
 * classified by length and checksum.  A second pass over ASCII finds
 * e-mail addresses.
 */
#include "check/privacy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/bytescan.h"
#include "check/lexicon.h"
#include "check/normalize.h"
#include "util/gm_error.h"

#define RUN_MAX 24

typedef struct digit_group {
    size_t first, n;                     /* digits d[first .. first+n) */
    size_t cp_start, cp_end, b_start, b_end;
} digit_group;

typedef struct digit_run {
    char d[RUN_MAX + 1];
    size_t n;
    size_t cp_start, cp_end, b_start, b_end;
    int overflow, pending_sep;
    digit_group g[RUN_MAX];
    size_t ng;
} digit_run;

int gm_id_checksum_ok(const char *s)
{
    static const int weight[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char check[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        sum += (s[i] - '0') * weight[i];
    }
    char c = s[17] == 'x' ? 'X' : s[17];
    return check[sum % 11] == c;
}

int gm_luhn_ok(const char *d, size_t n)
{
    int sum = 0;
    for (size_t i = 0; i < n; i++) {
        int v = d[n - 1 - i] - '0';
        if (i % 2 == 1) {
            v *= 2;
            if (v > 9)
                v -= 9;
        }
        sum += v;
    }
    return sum % 10 == 0;
}

static int two(const char *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

static int date_ok(int year, int month, int day)
{
    return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

static int id15_ok(const char *d)
{
    return d[0] >= '1' && d[0] <= '8' && date_ok(1900 + two(d + 6), two(d + 8), two(d + 10));
}

static int id18_ok(const char *d)
{
    return d[0] >= '1' && d[0] <= '8' &&
           date_ok(two(d + 6) * 100 + two(d + 8), two(d + 10), two(d + 12)) && gm_id_checksum_ok(d);
}

/* Keeps the first `head` and last `tail` characters, stars in between. */
static void mask_digits(const char *d, size_t n, size_t head, size_t tail, char *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (i < head || i + tail >= n) ? d[i] : '*';
    out[n] = '\0';
}

static int classify(const digit_run *r, const char **cat, size_t *head, size_t *tail)
{
    const char *d = r->d;
    size_t n = r->n;
    *head = 0;
    *tail = 4;
    if (n == 18 && id18_ok(d)) {
        *cat = "id_card";
        *head = 6;
    } else if (n == 15 && id15_ok(d)) {
        *cat = "id_card";
        *head = 6;
    } else if (n == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9') {
        *cat = "mobile";
        *head = 3;
    } else if (n == 13 && d[0] == '8' && d[1] == '6' && d[2] == '1' && d[3] >= '3' && d[3] <= '9') {
        *cat = "mobile";
        *head = 5;
    } else if (n >= 16 && n <= 19 && strchr(d, 'X') == NULL && gm_luhn_ok(d, n)) {
        *cat = "bank_card";
    } else {
        return 0;
    }
    return 1;
}

/* "+86 138…" keeps its international form: the '+' (ASCII or full-width)
 * before the run joins the match, and the separator after 86 stays. */
static void country_code_form(const char *text, const digit_run *r, gm_finding *f, char *masked)
{
    char sep[4] = "";
    if (r->ng == 2 && r->g[0].n == 2)
        sep[0] = text[r->g[0].b_end];
    size_t plus = 0;
    if (r->b_start >= 1 && text[r->b_start - 1] == '+')
        plus = 1;
    else if (r->b_start >= 3 && memcmp(text + r->b_start - 3, "\xEF\xBC\x8B", 3) == 0)
        plus = 3;
    char mobile[RUN_MAX + 1];
    mask_digits(r->d + 2, r->n - 2, 3, 4, mobile);
    sprintf(masked, "%s86%s%s", plus ? "+" : "", sep, mobile);
    f->b_start -= plus;
    f->start -= plus ? 1 : 0;
    f->match = (char *)text + f->b_start;
}

static int emit_one(const char *text, const char *field, const digit_run *r, gm_findings *fs)
{
    const char *cat;
    size_t head, tail;
    if (r->n == 0 || r->overflow || !classify(r, &cat, &head, &tail))
        return 0;
    char masked[RUN_MAX + 8];
    mask_digits(r->d, r->n, head, tail, masked);
    gm_finding f = {.rule = "privacy", .field = field, .category = (char *)cat,
                    .severity = GM_SEV_WARN, .term = (char *)cat,
                    .match = (char *)text + r->b_start, .start = r->cp_start,
                    .end = r->cp_end, .b_start = r->b_start, .b_end = r->b_end,
                    .replacement = masked, .message = "个人信息须去标识化后发布"};
    if (r->n == 13 && strcmp(cat, "mobile") == 0)
        country_code_form(text, r, &f, masked);
    return gm_findings_add(fs, &f, f.b_end - f.b_start);
}

/* The whole run ("6222 0212 3456 7890 123"), or else each group on its own
 * ("13812345678 13912345678"). */
static int emit(const char *text, const char *field, const digit_run *r, gm_findings *fs)
{
    const char *cat;
    size_t head, tail;
    if (r->n == 0)
        return 0;
    if (r->ng <= 1 || (!r->overflow && classify(r, &cat, &head, &tail)))
        return emit_one(text, field, r, fs);
    for (size_t i = 0; i < r->ng; i++) {
        if (r->overflow && i == r->ng - 1)
            break;   /* cut short: its length is unknown */
        const digit_group *g = &r->g[i];
        digit_run one = {.n = g->n, .cp_start = g->cp_start, .cp_end = g->cp_end,
                         .b_start = g->b_start, .b_end = g->b_end, .ng = 1};
        memcpy(one.d, r->d + g->first, g->n);
        one.d[g->n] = '\0';
        int rc = emit_one(text, field, &one, fs);
        if (rc)
            return rc;
    }
    return 0;
}

static int digit_of(uint32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return (int)(cp - 0xFF10);
    return -1;
}

static void run_add(digit_run *r, char c, size_t cpi, size_t bi, size_t n)
{
    if (r->n == 0) {
        r->cp_start = cpi;
        r->b_start = bi;
    }
    if (r->n >= RUN_MAX) {
        r->overflow = 1;
        return;
    }
    if (r->ng == 0 || r->pending_sep)
        r->g[r->ng++] = (digit_group){r->n, 0, cpi, 0, bi, 0};
    digit_group *g = &r->g[r->ng - 1];
    g->n++;
    g->cp_end = cpi + 1;
    g->b_end = bi + n;
    r->d[r->n++] = c;
    r->d[r->n] = '\0';
    r->cp_end = cpi + 1;
    r->b_end = bi + n;
    r->pending_sep = 0;
}

/* 1 when p[i] starts an ASCII or a full-width digit (U+FF10..U+FF19 is
 * EF BC 90..99). */
static int digit_at(const unsigned char *p, size_t i, size_t len)
{
    return (unsigned)(p[i] - '0') < 10 ||
           (p[i] == 0xEF && i + 2 < len && p[i + 1] == 0xBC && (unsigned)(p[i + 2] - 0x90) < 10);
}

/* The first digit at or after byte i (len if none); *cpi advanced by the
 * code points passed.  Between runs nothing but a digit matters, so most
 * of a post is passed without decoding it (the text is valid UTF-8). */
static size_t next_digit(const unsigned char *p, size_t i, size_t len, size_t *cpi)
{
    while ((i = gm_next_ascii_or_ef(p, i, len, cpi)) < len && !digit_at(p, i, len)) {
        *cpi += 1;                 /* an ASCII character or EF, a lead byte */
        i++;
    }
    return i;
}

static int scan_digits(const char *text, size_t len, const char *field, gm_findings *fs)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t cpi = 0, i = next_digit(p, 0, len, &cpi);
    if (i == len)
        return 0;                  /* most posts: no digit */
    digit_run r = {0};
    int rc = 0;
    while (i < len && rc == 0) {
        if (r.n == 0 && (i = next_digit(p, i, len, &cpi)) == len)
            break;
        uint32_t cp;
        size_t n = gm_utf8_decode(p + i, len - i, &cp);
        if (n == 0)
            return GM_E_INVALID;
        int d = digit_of(cp);
        if (d >= 0) {
            run_add(&r, (char)('0' + d), cpi, i, n);
        } else if (r.n > 0 && !r.pending_sep && (cp == ' ' || cp == '-')) {
            r.pending_sep = 1;
        } else if (r.n == 17 && !r.pending_sep && (cp == 'X' || cp == 'x')) {
            run_add(&r, 'X', cpi, i, n);
            rc = emit(text, field, &r, fs);
            memset(&r, 0, sizeof r);
        } else if (r.n > 0) {
            /* only a run ends here: clearing the 1 KB run on every other
             * character was the check's hottest spot (bench/api) */
            rc = emit(text, field, &r, fs);
            memset(&r, 0, sizeof r);
        }
        i += n;
        cpi++;
    }
    return rc ? rc : emit(text, field, &r, fs);
}

static int email_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '@';
}

/* Returns the length of a valid address in s[0..n) (trailing dots cut), 0 if none. */
static size_t email_len(const char *s, size_t n)
{
    const char *at = memchr(s, '@', n);
    if (!at || at == s || memchr(at + 1, '@', n - (size_t)(at + 1 - s)))
        return 0;
    while (n > 0 && (s[n - 1] == '.' || s[n - 1] == '-'))
        n--;
    const char *dom = at + 1, *end = s + n;
    const char *dot = NULL;
    for (const char *q = dom; q < end; q++)
        if (*q == '.')
            dot = q;
    if (!dot || dot == dom || end - dot < 3 || memmem(dom, (size_t)(end - dom), "..", 2))
        return 0;
    for (const char *q = dot + 1; q < end; q++)
        if (!((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
            return 0;
    return n;
}

static int emit_email(const char *s, size_t n, size_t cpi, size_t bi, const char *field,
                      gm_findings *fs)
{
    char *masked = malloc(n + 4);
    if (!masked)
        return GM_E_NOMEM;
    const char *at = memchr(s, '@', n);
    masked[0] = s[0];
    memcpy(masked + 1, "***", 3);
    memcpy(masked + 4, at, (size_t)(s + n - at));
    masked[4 + (s + n - at)] = '\0';
    gm_finding f = {.rule = "privacy", .field = field, .category = "email",
                    .severity = GM_SEV_WARN, .term = "email", .match = (char *)s,
                    .start = cpi, .end = cpi + n, .b_start = bi, .b_end = bi + n,
                    .replacement = masked, .message = "个人信息须去标识化后发布"};
    int rc = gm_findings_add(fs, &f, n);
    free(masked);
    return rc;
}

static int scan_emails(const char *text, size_t len, const char *field, gm_findings *fs)
{
    size_t i = 0, cpi = 0;
    if (!memchr(text, '@', len))
        return 0;   /* no address without an @ */
    while (i < len) {
        if (!email_char((unsigned char)text[i])) {
            cpi += ((unsigned char)text[i] & 0xC0) != 0x80;
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && email_char((unsigned char)text[j]))
            j++;
        size_t n = email_len(text + i, j - i);
        if (n > 0) {
            int rc = emit_email(text + i, n, cpi, i, field, fs);
            if (rc)
                return rc;
        }
        cpi += j - i;
        i = j;
    }
    return 0;
}

int gm_privacy_scan(const char *text, size_t len, const char *field, gm_findings *fs)
{
    int rc = scan_digits(text, len, field, fs);
    if (!rc)
        rc = scan_emails(text, len, field, fs);
    return rc ? rc : gm_address_scan(text, len, field, fs);
}

static int is_privacy(const gm_finding *f)
{
    return strcmp(f->rule, "privacy") == 0 && f->replacement;
}

int gm_privacy_mask(const char *text, size_t len, const char *field, const gm_findings *fs,
                    char **out)
{
    size_t cap = len + 1;
    for (size_t i = 0; i < fs->n; i++)
        if (is_privacy(&fs->v[i]) && strcmp(fs->v[i].field, field) == 0)
            cap += strlen(fs->v[i].replacement);
    char *buf = malloc(cap);
    if (!buf)
        return GM_E_NOMEM;
    size_t w = 0, pos = 0;
    for (size_t i = 0; i < fs->n; i++) {
        const gm_finding *f = &fs->v[i];
        if (!is_privacy(f) || strcmp(f->field, field) != 0 || f->b_start < pos)
            continue;
        memcpy(buf + w, text + pos, f->b_start - pos);
        w += f->b_start - pos;
        size_t rl = strlen(f->replacement);
        memcpy(buf + w, f->replacement, rl);
        w += rl;
        pos = f->b_end;
    }
    memcpy(buf + w, text + pos, len - pos);
    w += len - pos;
    buf[w] = '\0';
    *out = buf;
    return 0;
}
