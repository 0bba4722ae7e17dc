/*
 * lexicon.c - parses lexicon and allow-list files (format in lexicon.h).
 *
 * A parse is all or nothing: new terms are appended to lx and, on any
 * error, truncated away again, so a caller never sees half a file.
 */
#include "check/lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/file.h"
#include "check/normalize.h"

#define LEXICON_FILE_MAX (64u << 20)

size_t gm_norm_term(const char *text, size_t len, uint32_t *out, uint8_t *runs, size_t cap,
                    size_t *full_len)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t n = 0, full = 0, i = 0;
    while (i < len) {
        uint32_t cp, mapped[GM_NORM_MAX];
        size_t step = gm_utf8_decode(p + i, len - i, &cp);
        if (step == 0)
            break;
        i += step;
        int k = gm_norm_map(cp, mapped);
        for (int j = 0; j < k; j++) {
            full++;
            if (n > 0 && out[n - 1] == mapped[j]) {
                if (runs[n - 1] < 255)
                    runs[n - 1]++;
            } else if (n < cap) {
                out[n] = mapped[j];
                runs[n++] = 1;
            } else {
                n = cap + 1;   /* too long: caller reports it */
                goto done;
            }
        }
    }
done:
    *full_len = full;
    return n;
}

static uint64_t hash_norm(const uint32_t *norm, const uint8_t *runs, size_t n, int allow)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)allow;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ norm[i]) * 1099511628211ULL;
        h = (h ^ runs[i]) * 1099511628211ULL;
    }
    return h;
}

static int same_norm(const gm_term *t, const uint32_t *norm, const uint8_t *runs, size_t n,
                     int allow)
{
    if (t->len != n || t->allow != allow || memcmp(t->norm, norm, n * sizeof *norm) != 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((t->runs ? t->runs[i] : 1) != runs[i])
            return 0;
    return 1;
}

/* Finds the same term earlier in the same file (duplicates across files are
 * kept: the checker merges their findings). */
static gm_term *find_term(const gm_lexicon *lx, const char *file, uint64_t h,
                          const uint32_t *norm, const uint8_t *runs, size_t n, int allow)
{
    if (lx->nslots == 0)
        return NULL;
    for (size_t i = h & (lx->nslots - 1);; i = (i + 1) & (lx->nslots - 1)) {
        size_t s = lx->slots[i];
        if (s == 0)
            return NULL;
        gm_term *t = &lx->terms[s - 1];
        if (t->hash == h && t->file == file && same_norm(t, norm, runs, n, allow))
            return t;
    }
}

int gm_lexicon_has(const gm_lexicon *lx, const uint32_t *norm, size_t n, int kind)
{
    uint8_t runs[GM_TERM_MAX];
    if (n > GM_TERM_MAX || lx->nslots == 0)
        return 0;
    memset(runs, 1, n);
    uint64_t h = hash_norm(norm, runs, n, kind);
    for (size_t i = h & (lx->nslots - 1); lx->slots[i]; i = (i + 1) & (lx->nslots - 1)) {
        const gm_term *t = &lx->terms[lx->slots[i] - 1];
        if (t->hash == h && same_norm(t, norm, runs, n, kind))
            return 1;
    }
    return 0;
}

static int rehash(gm_lexicon *lx, size_t want)
{
    size_t ns = lx->nslots ? lx->nslots : 64;
    while (ns < want * 2)
        ns *= 2;
    if (ns == lx->nslots)
        return 0;
    size_t *slots = calloc(ns, sizeof *slots);
    if (!slots)
        return GM_E_NOMEM;
    for (size_t k = 0; k < lx->n; k++) {
        size_t i = lx->terms[k].hash & (ns - 1);
        while (slots[i])
            i = (i + 1) & (ns - 1);
        slots[i] = k + 1;
    }
    free(lx->slots);
    lx->slots = slots;
    lx->nslots = ns;
    return 0;
}

static void term_free(gm_term *t)
{
    free(t->text);
    free(t->category);
    free(t->norm);
    free(t->runs);
}

/* Splits one line (no newline, comment already cut) into at most 3
 * tab-separated fields, trimming spaces; returns the field count or -1. */
static int split_fields(char *line, char *f[3])
{
    int n = 0;
    char *p = line;
    for (;;) {
        char *tab = strchr(p, '\t');
        if (n == 3)
            return -1;
        f[n++] = p;
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    for (int i = 0; i < n; i++) {
        while (*f[i] == ' ')
            f[i]++;
        size_t l = strlen(f[i]);
        while (l > 0 && f[i][l - 1] == ' ')
            f[i][--l] = '\0';
    }
    return n;
}

static int parse_severity(const char *s, int *sev)
{
    if (*s == '\0' || strcmp(s, "block") == 0)
        *sev = GM_SEV_BLOCK;
    else if (strcmp(s, "warn") == 0)
        *sev = GM_SEV_WARN;
    else
        return -1;
    return 0;
}

typedef struct line_ctx {
    gm_lexicon *lx;
    const char *file;   /* stored name */
    size_t first_new;   /* index of the first term of this parse */
    unsigned line;
    int allow;
} line_ctx;

static int note_merge(gm_lexicon *lx, const char *line)
{
    char **grown = realloc(lx->merges, (lx->nmerges + 1) * sizeof *grown);
    if (!grown)
        return GM_E_NOMEM;
    lx->merges = grown;
    if (!(lx->merges[lx->nmerges] = strdup(line)))
        return GM_E_NOMEM;
    lx->nmerges++;
    return 0;
}

/* The same term twice in one file (e.g. its traditional and simplified
 * forms): one entry, the stricter severity, and a note saying so. */
static int merge_term(line_ctx *c, gm_term *dup, const char *text, int sev, gm_err *err)
{
    static const char *const sev_name[] = {"allow", "warn", "block"};
    if (sev > dup->severity)
        dup->severity = sev;
    char line[512];
    snprintf(line, sizeof line, "%s 第 %u 行“%s”与第 %u 行“%s”规范化后相同,已合并(级别 %s)",
             c->file, c->line, text, dup->line, dup->text, sev_name[dup->severity]);
    return note_merge(c->lx, line) ? gm_fail(err, GM_E_NOMEM, "lexicon", "内存不足") : 0;
}

static int add_term(line_ctx *c, const char *text, const char *cat, int sev, gm_err *err)
{
    gm_lexicon *lx = c->lx;
    uint32_t norm[GM_TERM_MAX + 1];
    uint8_t runs[GM_TERM_MAX + 1];
    size_t full;
    size_t n = gm_norm_term(text, strlen(text), norm, runs, GM_TERM_MAX, &full);
    if (n == 0)
        return gm_fail(err, GM_E_INVALID, "lexicon", "%s 第 %u 行: 词条“%s”不含文字或数字",
                       c->file, c->line, text);
    if (n > GM_TERM_MAX)
        return gm_fail(err, GM_E_INVALID, "lexicon", "%s 第 %u 行: 词条过长（最多 %d 字）",
                       c->file, c->line, GM_TERM_MAX);
    uint64_t h = hash_norm(norm, runs, n, c->allow);
    gm_term *dup = find_term(lx, c->file, h, norm, runs, n, c->allow);
    if (dup)
        return merge_term(c, dup, text, sev, err);
    if (lx->n == lx->cap) {
        size_t cap = lx->cap ? lx->cap * 2 : 256;
        gm_term *grown = realloc(lx->terms, cap * sizeof *grown);
        if (!grown)
            return gm_fail(err, GM_E_NOMEM, "lexicon", "内存不足");
        lx->terms = grown;
        lx->cap = cap;
    }
    int repeats = 0;
    for (size_t i = 0; i < n; i++)
        repeats |= runs[i] > 1;
    gm_term t = {.text = strdup(text), .category = strdup(cat), .severity = sev,
                 .allow = c->allow, .file = c->file, .line = c->line,
                 .norm = malloc(n * sizeof *norm), .runs = repeats ? malloc(n) : NULL,
                 .len = (uint32_t)n, .full_len = (uint32_t)full, .hash = h};
    if (!t.text || !t.category || !t.norm || (repeats && !t.runs) || rehash(lx, lx->n + 1)) {
        term_free(&t);
        return gm_fail(err, GM_E_NOMEM, "lexicon", "内存不足");
    }
    memcpy(t.norm, norm, n * sizeof *norm);
    if (repeats)
        memcpy(t.runs, runs, n);
    lx->terms[lx->n] = t;
    size_t i = h & (lx->nslots - 1);
    while (lx->slots[i])
        i = (i + 1) & (lx->nslots - 1);
    lx->slots[i] = ++lx->n;
    return 0;
}

static int check_line_bytes(line_ctx *c, const char *s, size_t len, gm_err *err)
{
    size_t bad = gm_utf8_invalid_at(s, len);
    if (bad)
        return gm_fail(err, GM_E_INVALID, "lexicon", "%s 第 %u 行: 不是有效的 UTF-8（行内第 %zu 字节）",
                       c->file, c->line, bad - 1);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] < 0x20 && s[i] != '\t')
            return gm_fail(err, GM_E_INVALID, "lexicon", "%s 第 %u 行: 含控制字符", c->file,
                           c->line);
    return 0;
}

static int parse_line(line_ctx *c, char *s, size_t len, gm_err *err)
{
    if (len > 0 && s[len - 1] == '\r')
        s[--len] = '\0';
    int rc = check_line_bytes(c, s, len, err);
    if (rc)
        return rc;
    char *hash = strchr(s, '#');
    if (hash)
        *hash = '\0';
    char *f[3] = {NULL, NULL, NULL};
    int nf = split_fields(s, f);
    if (nf < 0)
        return gm_fail(err, GM_E_INVALID, "lexicon", "%s 第 %u 行: 字段过多（格式: 词条\\t类别\\t级别）",
                       c->file, c->line);
    if (nf == 1 && f[0][0] == '\0')
        return 0;   /* blank or comment-only line */
    if (f[0][0] == '\0')
        return gm_fail(err, GM_E_INVALID, "lexicon", "%s 第 %u 行: 词条为空", c->file, c->line);
    int sev = GM_SEV_BLOCK;
    if (nf == 3 && parse_severity(f[2], &sev) != 0)
        return gm_fail(err, GM_E_INVALID, "lexicon", "%s 第 %u 行: 级别“%s”无效（应为 block 或 warn）",
                       c->file, c->line, f[2]);
    const char *cat = nf >= 2 && f[1][0] ? f[1] : "general";
    return add_term(c, f[0], cat, c->allow ? GM_SEV_NONE : sev, err);
}

static void truncate_to(gm_lexicon *lx, size_t n)
{
    while (lx->n > n)
        term_free(&lx->terms[--lx->n]);
    if (lx->nslots == 0)
        return;
    memset(lx->slots, 0, lx->nslots * sizeof *lx->slots);
    for (size_t k = 0; k < lx->n; k++) {
        size_t i = lx->terms[k].hash & (lx->nslots - 1);
        while (lx->slots[i])
            i = (i + 1) & (lx->nslots - 1);
        lx->slots[i] = k + 1;
    }
}

static int parse_lines(line_ctx *c, char *copy, size_t len, gm_err *err)
{
    size_t i = 0;
    while (i < len) {
        size_t eol = i;
        while (eol < len && copy[eol] != '\n')
            eol++;
        copy[eol] = '\0';
        c->line++;
        int rc = parse_line(c, copy + i, eol - i, err);
        if (rc)
            return rc;
        i = eol + 1;
    }
    return 0;
}

static int remember_file(gm_lexicon *lx, const char *name, const char **stored)
{
    char **grown = realloc(lx->files, (lx->nfiles + 1) * sizeof *grown);
    if (!grown)
        return GM_E_NOMEM;
    lx->files = grown;
    char *copy = strdup(name);
    if (!copy)
        return GM_E_NOMEM;
    lx->files[lx->nfiles++] = copy;
    *stored = copy;
    return 0;
}

int gm_lexicon_parse(gm_lexicon *lx, const char *name, const char *buf, size_t len,
                     int allow, gm_err *err)
{
    int rc = gm_norm_init(err);
    if (rc)
        return rc;
    line_ctx c = {.lx = lx, .first_new = lx->n, .line = 0, .allow = allow};
    size_t merges_before = lx->nmerges;
    if (remember_file(lx, name, &c.file) != 0)
        return gm_fail(err, GM_E_NOMEM, "lexicon", "内存不足");
    char *copy = malloc(len + 1);
    if (!copy) {
        free(lx->files[--lx->nfiles]);
        return gm_fail(err, GM_E_NOMEM, "lexicon", "内存不足");
    }
    memcpy(copy, buf, len);
    copy[len] = '\0';
    rc = parse_lines(&c, copy, len, err);
    free(copy);
    if (rc) {
        truncate_to(lx, c.first_new);
        free(lx->files[--lx->nfiles]);
        while (lx->nmerges > merges_before)
            free(lx->merges[--lx->nmerges]);
    }
    return rc;
}

int gm_lexicon_load_file(gm_lexicon *lx, const char *path, int allow, gm_err *err)
{
    char *buf;
    size_t len;
    int rc = gm_read_file(path, LEXICON_FILE_MAX, &buf, &len, allow ? "allow" : "lexicon", err);
    if (rc)
        return rc;
    rc = gm_lexicon_parse(lx, path, buf, len, allow, err);
    free(buf);
    return rc;
}

void gm_lexicon_free(gm_lexicon *lx)
{
    for (size_t i = 0; i < lx->n; i++)
        term_free(&lx->terms[i]);
    for (size_t i = 0; i < lx->nfiles; i++)
        free(lx->files[i]);
    for (size_t i = 0; i < lx->nmerges; i++)
        free(lx->merges[i]);
    free(lx->merges);
    free(lx->terms);
    free(lx->files);
    free(lx->slots);
    memset(lx, 0, sizeof *lx);
}
