/*
 * exprlist_load.c - reads the expression lists and compiles them into one
 * matcher (see exprlist.h).  File formats are in data/expressions/README.md.
 *
 * Every form to match (wrong form, generated near miss, holder's name) is a
 * candidate with a normalised key; candidates are sorted by key so that a
 * form listed twice, or a near miss that is itself a listed correct form,
 * is dropped before the lexicon sees it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/exprlist.h"
#include "check/normalize.h"
#include "check/typo.h"
#include "util/file.h"

#define LIST_FILE_MAX (16u << 20)
#define NEAR_MIN_CHARS 3           /* shorter forms get no near misses (a person's name of 2: by a title only) */

/* K_TITLED: a near miss of a holder's name that reads as ordinary words,
 * a finding only next to a title (gm_expr_term.titled). */
enum { K_CORRECT = 0, K_HOLDER = 1, K_WRONG = 2, K_NEAR = 3, K_TITLED = 4 };

typedef struct cand {
    char *key;                     /* normalised form */
    char *text;                    /* as to be matched */
    int kind;                      /* K_* */
    size_t correct;                /* index into x->strings */
    const char *category;
    int severity;
    size_t holder;
} cand;

typedef struct cands {
    cand *v;
    size_t n, cap;
    int nomem;
} cands;

static char *norm_key(const char *s)
{
    uint32_t norm[GM_TERM_MAX];
    uint8_t runs[GM_TERM_MAX];
    size_t full;
    size_t n = gm_norm_term(s, strlen(s), norm, runs, GM_TERM_MAX, &full);
    if (n > GM_TERM_MAX)
        n = GM_TERM_MAX;
    char *k = malloc(n * 5 + 1), *p = k;
    if (!k)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        p += gm_utf8_put(p, norm[i]);
        *p++ = (char)('0' + (runs[i] > 9 ? 9 : runs[i]));
    }
    *p = '\0';
    return k;
}

static void add_cand(cands *cs, const char *text, int kind, size_t correct, const char *cat,
                     int sev, size_t holder)
{
    if (cs->nomem)
        return;
    if (cs->n == cs->cap) {
        size_t cap = cs->cap ? cs->cap * 2 : 256;
        cand *g = realloc(cs->v, cap * sizeof *g);
        if (!g) {
            cs->nomem = 1;
            return;
        }
        cs->v = g;
        cs->cap = cap;
    }
    cand c = {norm_key(text), strdup(text), kind, correct, cat, sev, holder};
    if (!c.key || !c.text) {
        free(c.key);
        free(c.text);
        cs->nomem = 1;
        return;
    }
    cs->v[cs->n++] = c;
}

static size_t keep_string(gm_exprs *x, const char *s, int *nomem)
{
    char **g = realloc(x->strings, (x->nstrings + 1) * sizeof *g);
    char *d = strdup(s);
    if (!g || !d) {
        if (g)
            x->strings = g;
        free(d);
        *nomem = 1;
        return 0;
    }
    x->strings = g;
    x->strings[x->nstrings] = d;
    return x->nstrings++;
}

/* Adds s (cp[0..n)) with character i read as c as a near miss when that
 * reads as a slip; person: s is an office-holder's name, whose near misses
 * are slips also where they read as words of their own, unless the new
 * character makes a word inside the name (gm_typo_is_name_slip); one that
 * does (张建园 for 张建国: 建园 is a word) is kept as K_TITLED, a slip only
 * next to a title of the person (市长张建园).  person 2: a name of two
 * characters, whose near misses are only K_TITLED, and none that is itself
 * a usual word (市长王纬 for 王伟, never 市长高度 for 高杜). */
static void add_near_miss(cands *cs, const gm_typo_model *m, const uint32_t *cp, size_t n,
                          size_t i, uint32_t c, size_t correct, const char *cat, int sev,
                          int person)
{
    char buf[GM_TERM_MAX * 4 + 1];
    uint32_t norm[GM_NORM_MAX], w[GM_TERM_MAX];
    if (gm_norm_map(c, norm) == 0)
        return;     /* a stroke read as a separator (丶 for 义) would shorten s */
    memcpy(w, cp, n * sizeof *w);
    w[i] = c;
    int kind = K_NEAR;
    if (person == 2) {
        float lp = gm_typo_logp(m, w, n);
        if (lp <= 0.0f && lp >= GM_TYPO_WORD_RARE_LP)
            return;
        kind = K_TITLED;
    } else if (!gm_typo_is_slip(m, cp, n, i, c) &&
               !(person && gm_typo_is_name_slip(m, cp, n, i, c))) {
        if (!person)
            return;
        kind = K_TITLED;
    }
    size_t l = 0;
    for (size_t j = 0; j < n; j++)
        l += gm_utf8_put(buf + l, w[j]);
    buf[l] = '\0';
    add_cand(cs, buf, kind, correct, cat, sev, 0);
}

/* One-character near misses of s: each CJK character read as each member
 * of its confusion set (same or similar reading, similar shape) and of its
 * extra shapes by Cangjie code (gm_typo_name_shapes: 生态环境郜 for 生态环境部,
 * 越晓峰 for 赵晓峰), kept when they read as slips (add_near_miss); s of 3
 * or more CJK characters, or a person's name of two. */
static void add_near_misses(cands *cs, const gm_typo_model *m, const char *s, size_t correct,
                            const char *cat, int sev, int person)
{
    uint32_t cp[GM_TERM_MAX];
    size_t n = 0, cjk = 0;
    for (size_t i = 0, len = strlen(s); i < len && n < GM_TERM_MAX;) {
        size_t l = gm_utf8_decode((const unsigned char *)s + i, len - i, &cp[n]);
        if (!l)
            return;
        cjk += gm_is_han_basic(cp[n]);
        n++;
        i += l;
    }
    if (person && cjk == 2 && n == 2)
        person = 2;                /* a name of two characters: near misses by a title only */
    else if (cjk < NEAR_MIN_CHARS)
        return;
    if (!m)
        return;
    for (size_t i = 0; i < n; i++) {
        size_t nc, ns;
        const uint16_t *conf = gm_typo_confusion(m, cp[i], &nc);
        const uint16_t *shapes = gm_typo_name_shapes(m, cp[i], &ns);
        for (size_t k = 0; k < nc + ns; k++)
            add_near_miss(cs, m, cp, n, i, 0x4E00u + (k < nc ? conf[k] : shapes[k - nc]),
                          correct, cat, sev, person);
    }
}

int gm_exprs_split_tabs(char *line, char **col, int max)
{
    int n = 0;
    col[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            col[n++] = p + 1;
        }
    return n;
}

static int parse_severity(const char *s, int *sev)
{
    if (!s || !*s || strcmp(s, "warn") == 0)
        *sev = GM_SEV_WARN;
    else if (strcmp(s, "block") == 0)
        *sev = GM_SEV_BLOCK;
    else
        return -1;
    return 0;
}

typedef struct list_file {
    const char *path;
    const char *category;
    int near;                      /* generate near misses of the correct form */
} list_file;

/* correct<TAB>wrong|wrong...<TAB>severity */
static int parse_form_line(gm_exprs *x, cands *cs, const gm_typo_model *m, const list_file *lf,
                           char *line, unsigned ln, gm_err *err)
{
    char *col[3] = {NULL, NULL, NULL};
    int nc = gm_exprs_split_tabs(line, col, 3);
    int sev;
    if (!*col[0] || parse_severity(nc > 2 ? col[2] : NULL, &sev))
        return gm_fail(err, GM_E_INVALID, "expressions", "%s 第 %u 行: 格式应为 正确形式<TAB>错误形式|…<TAB>warn|block",
                       lf->path, ln);
    int nomem = 0;
    size_t ci = keep_string(x, col[0], &nomem);
    add_cand(cs, col[0], K_CORRECT, ci, lf->category, sev, 0);
    char *save = NULL;
    for (char *w = nc > 1 ? strtok_r(col[1], "|", &save) : NULL; w; w = strtok_r(NULL, "|", &save))
        if (*w && strcmp(w, "-") != 0)
            add_cand(cs, w, K_WRONG, ci, lf->category, sev, 0);
    if (lf->near)
        add_near_misses(cs, m, col[0], ci, lf->category, sev, 0);
    return nomem || cs->nomem ? gm_fail(err, GM_E_NOMEM, "expressions", "内存不足") : 0;
}

int gm_exprs_valid_date(const char *s)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!*s)
        return 1;
    for (int i = 0; i < 10; i++)
        if (!s[i] || (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9')))
            return 0;
    int y = atoi(s), mo = atoi(s + 5), d = atoi(s + 8);
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !s[10] && y >= 1 && mo >= 1 && mo <= 12 && d >= 1 &&
           d <= (mo == 2 && !leap ? 28 : mdays[mo - 1]);
}

/* name<TAB>title<TAB>unit<TAB>from<TAB>to<TAB>severity[<TAB>id]; id tells
 * two people of the same name apart (empty: the name). */
static int parse_holder_line(gm_exprs *x, cands *cs, const gm_typo_model *m,
                             const list_file *lf, char *line, unsigned ln, gm_err *err)
{
    char *col[7] = {NULL};
    int nc = gm_exprs_split_tabs(line, col, 7);
    for (int i = nc; i < 7; i++)
        col[i] = "";
    int sev;
    if (nc < 3 || !*col[0] || !*col[1] || parse_severity(col[5], &sev) ||
        !gm_exprs_valid_date(col[3]) || !gm_exprs_valid_date(col[4]) ||
        (*col[3] && *col[4] && strcmp(col[3], col[4]) > 0) || strchr(col[6], '\t'))
        return gm_fail(err, GM_E_INVALID, "expressions",
                       "%s 第 %u 行: 格式应为 姓名<TAB>职务<TAB>单位<TAB>起(YYYY-MM-DD)<TAB>止(不早于起)<TAB>warn|block[<TAB>标识(同名时区分)]",
                       lf->path, ln);
    gm_holder *g = realloc(x->holders, (x->nholders + 1) * sizeof *g);
    if (!g)
        return gm_fail(err, GM_E_NOMEM, "expressions", "内存不足");
    x->holders = g;
    gm_holder h = {strdup(col[0]), strdup(col[1]), strdup(col[2]), strdup(col[3]),
                   strdup(col[4]),  strdup(*col[6] ? col[6] : col[0]), sev};
    x->holders[x->nholders++] = h;
    if (!h.name || !h.title || !h.unit || !h.from || !h.to || !h.person)
        return gm_fail(err, GM_E_NOMEM, "expressions", "内存不足");
    int nomem = 0;
    size_t ci = keep_string(x, col[0], &nomem);
    add_cand(cs, col[0], K_HOLDER, ci, "name", sev, x->nholders);
    add_near_misses(cs, m, col[0], ci, "name", sev, 1);
    return nomem || cs->nomem ? gm_fail(err, GM_E_NOMEM, "expressions", "内存不足") : 0;
}

typedef int (*line_fn)(gm_exprs *, cands *, const gm_typo_model *, const list_file *, char *,
                       unsigned, gm_err *);

/* Refuses control characters (other than TAB) in a line: the list formats
 * have no way to keep them, so an edited list could not round-trip. */
static int clean_line(const list_file *lf, const char *s, unsigned ln, gm_err *err)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p < 0x20 && *p != '\t') || *p == 0x7F)
            return gm_fail(err, GM_E_INVALID, "expressions", "%s 第 %u 行: 不能含控制字符",
                           lf->path, ln);
    return 0;
}

/* Parses buf (NUL-terminated, modified in place) line by line. */
static int parse_lines(gm_exprs *x, cands *cs, const gm_typo_model *m, const list_file *lf,
                       line_fn fn, char *buf, gm_err *err)
{
    int rc = gm_utf8_invalid_at(buf, strlen(buf))
                 ? gm_fail(err, GM_E_INVALID, "expressions", "%s 不是有效的 UTF-8", lf->path)
                 : 0;
    unsigned ln = 0;
    for (char *s = buf, *next; rc == 0 && s && *s; s = next) {
        next = strchr(s, '\n');
        if (next)
            *next++ = '\0';
        ln++;
        size_t l = strlen(s);
        if (l && s[l - 1] == '\r')
            s[--l] = '\0';
        if (l && s[0] != '#')
            rc = clean_line(lf, s, ln, err);
        if (rc == 0 && l && s[0] != '#')
            rc = fn(x, cs, m, lf, s, ln, err);
    }
    return rc;
}

/* One list: the admin's text when given, else the file (optional). */
static int read_list(gm_exprs *x, cands *cs, const gm_typo_model *m, const list_file *lf,
                     const char *text, line_fn fn, gm_err *err)
{
    char *buf = NULL;
    size_t len = 0;
    int rc = 0;
    if (text) {
        if (!(buf = strdup(text)))
            return gm_fail(err, GM_E_NOMEM, "expressions", "内存不足");
    } else {
        FILE *probe = lf->path ? fopen(lf->path, "r") : NULL;
        if (!probe)
            return 0;              /* every list is optional */
        fclose(probe);
        rc = gm_read_file(lf->path, LIST_FILE_MAX, &buf, &len, "expressions", err);
        if (rc == 0 && memchr(buf, '\0', len))
            rc = gm_fail(err, GM_E_INVALID, "expressions", "%s 含 NUL 字节", lf->path);
    }
    if (rc == 0)
        rc = parse_lines(x, cs, m, lf, fn, buf, err);
    free(buf);
    return rc;
}

static int by_key(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : x->kind - y->kind;
}

static const char *severity_word(int sev)
{
    return sev == GM_SEV_BLOCK ? "block" : "warn";
}

/* One lexicon line per distinct key that is not a correct form. */
static int compile(gm_exprs *x, cands *cs, gm_err *err)
{
    if (cs->n)
        qsort(cs->v, cs->n, sizeof *cs->v, by_key);
    size_t cap = 1, len = 0, nt = 0;
    for (size_t i = 0; i < cs->n; i++)
        cap += strlen(cs->v[i].text) + 32;
    char *buf = malloc(cap);
    x->terms = calloc(cs->n + 1, sizeof *x->terms);
    if (!buf || !x->terms) {
        free(buf);
        return gm_fail(err, GM_E_NOMEM, "expressions", "内存不足");
    }
    for (size_t i = 0; i < cs->n; i++) {
        const cand *c = &cs->v[i];
        if (i > 0 && strcmp(cs->v[i - 1].key, c->key) == 0)
            continue;   /* the first of a key wins: correct < holder < wrong < near < titled */
        if (c->kind == K_CORRECT)
            continue;
        len += (size_t)sprintf(buf + len, "%s\t%s\t%s\n", c->text, c->category,
                               severity_word(c->severity));
        x->terms[nt++] = (gm_expr_term){c->kind == K_HOLDER ? NULL : x->strings[c->correct],
                                        c->category, c->severity, c->holder,
                                        c->kind >= K_NEAR, c->kind == K_TITLED};
    }
    int rc = nt ? gm_lexicon_parse(&x->lex, "expressions", buf, len, 0, err) : 0;
    free(buf);
    if (rc == 0 && nt)
        rc = gm_matcher_build(&x->m, &x->lex, err);
    return rc;
}

static int by_length_desc(const void *a, const void *b)
{
    size_t x = strlen(*(char *const *)a), y = strlen(*(char *const *)b);
    return x < y ? 1 : x > y ? -1 : strcmp(*(char *const *)a, *(char *const *)b);
}

/* The holders' titles plus the common ones, longest first (for the
 * longest title written next to a name). */
static int collect_titles(gm_exprs *x, gm_err *err)
{
    static const char *const common[] = {
        "书记", "副书记", "市委书记", "省委书记", "县委书记", "区委书记", "省长", "副省长",
        "市长", "副市长", "县长", "副县长", "区长", "副区长", "镇长", "副镇长", "乡长",
        "副乡长", "主任", "副主任", "部长", "副部长", "厅长", "副厅长", "局长", "副局长",
        "处长", "副处长", "主席", "副主席", "总理", "副总理", "秘书长", "副秘书长"};
    size_t n = sizeof common / sizeof *common;
    x->titles = calloc(n + x->nholders, sizeof *x->titles);
    if (!x->titles)
        return gm_fail(err, GM_E_NOMEM, "expressions", "内存不足");
    for (size_t i = 0; i < n; i++)
        x->titles[x->ntitles++] = (char *)common[i];
    for (size_t i = 0; i < x->nholders; i++) {
        int seen = 0;
        for (size_t k = 0; k < x->ntitles && !seen; k++)
            seen = strcmp(x->titles[k], x->holders[i].title) == 0;
        if (!seen)
            x->titles[x->ntitles++] = x->holders[i].title;
    }
    qsort(x->titles, x->ntitles, sizeof *x->titles, by_length_desc);
    return 0;
}

static void free_cands(cands *cs)
{
    for (size_t i = 0; i < cs->n; i++) {
        free(cs->v[i].key);
        free(cs->v[i].text);
    }
    free(cs->v);
}

int gm_exprs_load_texts(gm_exprs *x, const char *dir, const char *const texts[GM_EXPR_LISTS],
                        const gm_typo_model *m, gm_err *err)
{
    memset(x, 0, sizeof *x);
    static const char *const names[] = {"names", "formulations", "outdated", "officials"};
    static const char *const cats[] = {"name", "formulation", "formulation", "name"};
    cands cs = {0};
    int rc = 0;
    for (int i = 0; i < GM_EXPR_LISTS && rc == 0; i++) {
        char path[4096];
        const char *text = texts ? texts[i] : NULL;
        if (text)
            snprintf(path, sizeof path, "%s", names[i]);   /* errors name the list */
        else if (dir)
            snprintf(path, sizeof path, "%s/%s.txt", dir, names[i]);
        list_file lf = {text || dir ? path : NULL, cats[i], i < 2};
        rc = read_list(x, &cs, m, &lf, text,
                       i == GM_EXPR_OFFICIALS ? parse_holder_line : parse_form_line, err);
    }
    if (rc == 0)
        rc = compile(x, &cs, err);
    if (rc == 0)
        rc = collect_titles(x, err);
    x->model = m;
    free_cands(&cs);
    if (rc)
        gm_exprs_free(x);
    return rc;
}

int gm_exprs_load(gm_exprs *x, const char *dir, const gm_typo_model *m, gm_err *err)
{
    return gm_exprs_load_texts(x, dir, NULL, m, err);
}

int gm_exprs_check_text(int which, const char *text, gm_err *err)
{
    const char *texts[GM_EXPR_LISTS] = {"", "", "", ""};
    texts[which] = text;
    gm_exprs x;
    int rc = gm_exprs_load_texts(&x, NULL, texts, NULL, err);
    if (rc == 0)
        gm_exprs_free(&x);
    return rc;
}

void gm_exprs_free(gm_exprs *x)
{
    gm_matcher_free(x->m);
    gm_lexicon_free(&x->lex);
    free(x->terms);
    for (size_t i = 0; i < x->nstrings; i++)
        free(x->strings[i]);
    free(x->strings);
    for (size_t i = 0; i < x->nholders; i++) {
        gm_holder *h = &x->holders[i];
        free(h->name);
        free(h->title);
        free(h->unit);
        free(h->from);
        free(h->to);
        free(h->person);
    }
    free(x->holders);
    free(x->titles);
    memset(x, 0, sizeof *x);
}
