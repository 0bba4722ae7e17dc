/*
 * typo_model.c - loads the generated expression model (see typo_model.h).
 *
 * Words live in an open-addressing table keyed by their characters packed
 * as 15-bit offsets from U+4E00 (four fit a 64-bit key).  In-word bigrams
 * also go into a 2^24-bit Bloom filter, which the scanner asks first: it
 * fits in cache, so an ordinary character costs one probe.  Confusion sets
 * are 16-bit offsets from U+4E00, one slice per character; so are the
 * extra shapes of listed names' near misses (S records) and the standard
 * variants of a character (V records).
 */
#include "check/typo_model.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "check/normalize.h"
#include "check/typo.h"
#include "check/typo_homophone.h"
#include "util/file.h"
#include "util/huge_arena.h"

#define CJK_BASE 0x4E00u
#define CJK_COUNT (0x9FFFu - 0x4E00u + 1)
#define BLOOM_BITS (1u << 24)
#define MODEL_MAX (64u << 20)

/* A list of characters per character: at[i] .. at[i + 1] in v, as
 * offsets from U+4E00 (S and V records). */
typedef struct char_lists {
    uint32_t *at;          /* CJK_COUNT + 1 offsets into v */
    uint16_t *v;
} char_lists;

struct gm_typo_model {
    gm_huge_arena *arena;  /* holds every table below */
    uint64_t *keys;        /* 0 = empty slot */
    float *logp;
    size_t mask;           /* slots - 1 */
    float *char_logp;      /* the one-character words' logp by U+4E00 offset (1: none):
                              the detector asks for them at every suspect */
    uint64_t *function;    /* bit per U+4E00 offset: char_logp > GM_TYPO_FUNCTION_LP
                              (2.6 KB, where char_logp is 84 KB) */
    float unknown;
    uint64_t *bloom;       /* BLOOM_BITS bits */
    uint32_t *conf_at;     /* CJK_COUNT + 1 offsets into conf */
    uint16_t *conf;
    uint8_t *kind;         /* per conf entry: 2 same toned reading, 1 same reading, 0 shape */
    char_lists shapes;     /* listed names' extra near-miss shapes (S records) */
    char_lists variants;   /* standard variants (V records): 帐 for 账 */
    uint16_t (*read)[GM_TYPO_READINGS];   /* per character: syllable numbers, 0-padded */
    gm_typo_lm *lm;        /* the word bigram model (typo_lm.h) */
    gm_typo_homophones *homophones;       /* the model's words by reading */
};

static uint64_t pack(const uint32_t *w, size_t n)
{
    uint64_t k = n;
    for (size_t i = 0; i < n; i++)
        k = (k << 15) | (w[i] - CJK_BASE);
    return k;
}

/* scripts/gen_expr_model.py mirrors pack(), slot_of() and the table size
 * (alloc_tables) to write the words in home-slot order: a faster load. */
static size_t slot_of(uint64_t k, size_t mask)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return (size_t)k & mask;
}

static uint32_t bloom_bit(uint32_t a, uint32_t b)
{
    uint64_t k = ((uint64_t)a << 21 | b) * 0x9E3779B97F4A7C15ULL;
    return (uint32_t)(k >> 40);   /* top 24 bits */
}

int gm_typo_bigram(const gm_typo_model *m, uint32_t a, uint32_t b)
{
    uint32_t bit = bloom_bit(a, b);
    return (int)(m->bloom[bit >> 6] >> (bit & 63)) & 1;
}

float gm_typo_logp(const gm_typo_model *m, const uint32_t *w, size_t n)
{
    if (n == 1)
        return m->char_logp[w[0] - CJK_BASE];
    for (size_t i = 0; i + 1 < n; i++)
        if (!gm_typo_bigram(m, w[i], w[i + 1]))
            return 1.0f;           /* every word's pairs are in the filter */
    uint64_t k = pack(w, n);
    for (size_t s = slot_of(k, m->mask);; s = (s + 1) & m->mask) {
        if (m->keys[s] == k)
            return m->logp[s];
        if (m->keys[s] == 0)
            return 1.0f;
    }
}

int gm_typo_is_function_char(const gm_typo_model *m, uint32_t cp)
{
    uint32_t c = cp - CJK_BASE;
    return c < CJK_COUNT && (int)(m->function[c >> 6] >> (c & 63) & 1);
}

float gm_typo_unknown(const gm_typo_model *m)
{
    return m->unknown;
}

const uint8_t *gm_typo_confusion_kinds(const gm_typo_model *m, uint32_t cp)
{
    return gm_is_han_basic(cp) ? m->kind + m->conf_at[cp - CJK_BASE] : NULL;
}

const gm_typo_lm *gm_typo_model_lm(const gm_typo_model *m)
{
    return m->lm;
}

const uint16_t *gm_typo_readings(const gm_typo_model *m, uint32_t cp)
{
    return gm_is_han_basic(cp) ? m->read[cp - CJK_BASE] : NULL;
}

const gm_typo_homophones *gm_typo_model_homophones(const gm_typo_model *m)
{
    return m->homophones;
}

const uint16_t *gm_typo_confusion(const gm_typo_model *m, uint32_t cp, size_t *n)
{
    *n = 0;
    if (!gm_is_han_basic(cp))
        return NULL;
    uint32_t i = cp - CJK_BASE;
    *n = m->conf_at[i + 1] - m->conf_at[i];
    return *n ? m->conf + m->conf_at[i] : NULL;
}

static const uint16_t *list_of(const char_lists *l, uint32_t cp, size_t *n)
{
    *n = 0;
    if (!gm_is_han_basic(cp))
        return NULL;
    uint32_t i = cp - CJK_BASE;
    *n = l->at[i + 1] - l->at[i];
    return *n ? l->v + l->at[i] : NULL;
}

const uint16_t *gm_typo_name_shapes(const gm_typo_model *m, uint32_t cp, size_t *n)
{
    return list_of(&m->shapes, cp, n);
}

int gm_typo_is_variant(const gm_typo_model *m, uint32_t a, uint32_t b)
{
    size_t n;
    const uint16_t *v = list_of(&m->variants, a, &n);
    for (size_t i = 0; i < n; i++)
        if (v[i] + CJK_BASE == b)
            return 1;
    return 0;
}

/* "12 305": at most GM_TYPO_READINGS syllable numbers of 1..GM_TYPO_SYLLABLES. */
static int parse_readings(const char *s, size_t len, uint16_t *out)
{
    size_t n = 0;
    const char *end = s + len;
    while (s < end) {
        char *next;
        long v = strtol(s, &next, 10);
        if (next == s || next > end || v < 1 || v >= GM_TYPO_SYLLABLES || n == GM_TYPO_READINGS)
            return -1;
        out[n++] = (uint16_t)v;
        s = next < end && *next == ' ' ? next + 1 : next;
        if (s != end && (*s < '0' || *s > '9'))
            return -1;
    }
    return n ? 0 : -1;
}

/* Decodes a field of CJK characters; returns how many (0: not all CJK or
 * more than max). */
static size_t decode_cjk(const char *s, size_t len, uint32_t *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t l = gm_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (!l || !gm_is_han_basic(cp) || n == max)
            return 0;
        out[n++] = cp;
        i += l;
    }
    return n;
}

/* The number at s (a field of len bytes): the same double as strtod, read
 * without it when the field is all digits (every word frequency of the
 * generated model; strtod over 380,000 lines was a quarter of the load). */
static double parse_count(const char *s, size_t len)
{
    uint64_t v = 0;
    size_t i = 0;
    while (i < len && i < 15 && s[i] >= '0' && s[i] <= '9')
        v = v * 10 + (uint64_t)(s[i++] - '0');
    if (i > 0 && (i == len || s[i] == '\t'))
        return (double)v;          /* below 10^15: exact, as strtod reads it */
    return strtod(s, NULL);
}

typedef struct line_view {
    char kind;
    const char *a, *b;     /* second and third tab-separated fields */
    size_t alen, blen;
} line_view;

static int split_line(const char *p, const char *end, line_view *v)
{
    const char *t1 = memchr(p, '\t', (size_t)(end - p));
    const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(end - t1 - 1)) : NULL;
    if (t1 != p + 1 || !t2)
        return -1;
    *v = (line_view){p[0], t1 + 1, t2 + 1, (size_t)(t2 - t1 - 1), (size_t)(end - t2 - 1)};
    return 0;
}

static void add_word(gm_typo_model *m, const uint32_t *w, size_t n, float lp)
{
    uint64_t k = pack(w, n);
    size_t s = slot_of(k, m->mask);
    while (m->keys[s] != 0 && m->keys[s] != k)
        s = (s + 1) & m->mask;
    m->keys[s] = k;
    m->logp[s] = lp;
    if (n == 1)
        m->char_logp[w[0] - CJK_BASE] = lp;
    for (size_t i = 0; i + 1 < n; i++) {
        uint32_t bit = bloom_bit(w[i], w[i + 1]);
        m->bloom[bit >> 6] |= 1ULL << (bit & 63);
    }
}

typedef struct pass {
    size_t words, conf_chars, shape_chars, variant_chars;
    double total;
} pass;

/* First pass: counts, so the tables are allocated once. */
static int count_lines(const char *buf, size_t len, pass *p)
{
    const char *s = buf, *end = buf + len;
    unsigned line = 0;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        line++;
        line_view v;
        if (e > s && s[0] != '#') {
            if (split_line(s, e, &v))
                return (int)line;
            if (v.kind == 'W') {
                p->words++;
                p->total += parse_count(v.b, v.blen);
            } else if (v.kind == 'C') {
                p->conf_chars += v.blen / 3 + 1;
            } else if (v.kind == 'S') {
                p->shape_chars += v.blen / 3 + 1;
            } else if (v.kind == 'V') {
                p->variant_chars += v.blen / 3 + 1;
            }
        }
        s = e + 1;
    }
    return 0;
}

/* An S or V record: ch's characters at l->v + *used (their count at
 * l->at[ch + 1] for now); -1 when malformed. */
static int fill_list(char_lists *l, uint32_t ch, const line_view *v, size_t *used)
{
    uint32_t cand[GM_TYPO_CONF_MAX];
    size_t k = decode_cjk(v->b, v->blen, cand, GM_TYPO_CONF_MAX);
    if (!k)
        return -1;
    l->at[ch - CJK_BASE + 1] = (uint32_t)k;
    for (size_t i = 0; i < k; i++)
        l->v[*used + i] = (uint16_t)(cand[i] - CJK_BASE);
    *used += k;
    return 0;
}

static int fill(gm_typo_model *m, const char *buf, size_t len, double total)
{
    const char *s = buf, *end = buf + len;
    uint32_t w[GM_TYPO_WORD_MAX], cand[GM_TYPO_CONF_MAX];
    unsigned line = 0;
    size_t used = 0, shapes_used = 0, variants_used = 0;
    double lt = log(total);
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        line++;
        line_view v;
        if (e > s && s[0] != '#' && split_line(s, e, &v) == 0) {
            size_t n = decode_cjk(v.a, v.alen, w, GM_TYPO_WORD_MAX);
            double f = v.kind == 'W' ? parse_count(v.b, v.blen) : 0;
            if (v.kind == 'W' && n && f > 0) {
                add_word(m, w, n, (float)(log(f) - lt));
            } else if (v.kind == 'C' && n == 1) {
                const char *tab = memchr(v.b, '\t', v.blen);
                size_t k = tab ? decode_cjk(v.b, (size_t)(tab - v.b), cand, GM_TYPO_CONF_MAX) : 0;
                if (!k || (size_t)(v.b + v.blen - tab - 1) != k)
                    return (int)line;
                m->conf_at[w[0] - CJK_BASE + 1] = (uint32_t)k;   /* a count for now */
                for (size_t i = 0; i < k; i++) {
                    m->conf[used + i] = (uint16_t)(cand[i] - CJK_BASE);
                    m->kind[used + i] = (uint8_t)(tab[1 + i] - '0') & 3;
                }
                used += k;
            } else if (v.kind == 'R' && n == 1) {
                if (parse_readings(v.b, v.blen, m->read[w[0] - CJK_BASE]))
                    return (int)line;
            } else if (v.kind == 'S' && n == 1) {
                if (fill_list(&m->shapes, w[0], &v, &shapes_used))
                    return (int)line;
            } else if (v.kind == 'V' && n == 1) {
                if (fill_list(&m->variants, w[0], &v, &variants_used))
                    return (int)line;
            } else if (v.kind == 'W' || v.kind == 'C' || v.kind == 'R' || v.kind == 'S' ||
                       v.kind == 'V') {
                return (int)line;
            }
        }
        s = e + 1;
    }
    return 0;
}

static void model_free(gm_typo_model *m)
{
    if (!m)
        return;
    gm_huge_arena_free(m->arena);
    gm_typo_homophones_free(m->homophones);
    gm_typo_lm_free(m->lm);
    free(m);
}

static int alloc_tables(gm_typo_model *m, const pass *p)
{
    size_t slots = 1;
    while (slots < p->words * 2 + 16)
        slots <<= 1;
    m->mask = slots - 1;
    gm_huge_arena *a = m->arena = gm_huge_arena_new();
    if (!a)
        return GM_E_NOMEM;
    m->keys = gm_huge_arena_alloc(a, slots, sizeof *m->keys, 1);
    m->logp = gm_huge_arena_alloc(a, slots, sizeof *m->logp, 1);
    m->char_logp = gm_huge_arena_alloc(a, CJK_COUNT, sizeof *m->char_logp, 0);
    m->function = gm_huge_arena_alloc(a, CJK_COUNT / 64 + 1, sizeof *m->function, 1);
    m->bloom = gm_huge_arena_alloc(a, BLOOM_BITS / 64, sizeof *m->bloom, 1);
    m->conf_at = gm_huge_arena_alloc(a, CJK_COUNT + 1, sizeof *m->conf_at, 1);
    m->conf = gm_huge_arena_alloc(a, p->conf_chars + 1, sizeof *m->conf, 1);
    m->kind = gm_huge_arena_alloc(a, p->conf_chars + 1, sizeof *m->kind, 1);
    m->read = gm_huge_arena_alloc(a, CJK_COUNT, sizeof *m->read, 1);
    m->shapes.at = gm_huge_arena_alloc(a, CJK_COUNT + 1, sizeof *m->shapes.at, 1);
    m->shapes.v = gm_huge_arena_alloc(a, p->shape_chars + 1, sizeof *m->shapes.v, 1);
    m->variants.at = gm_huge_arena_alloc(a, CJK_COUNT + 1, sizeof *m->variants.at, 1);
    m->variants.v = gm_huge_arena_alloc(a, p->variant_chars + 1, sizeof *m->variants.v, 1);
    if (!m->keys || !m->logp || !m->char_logp || !m->function || !m->bloom || !m->conf_at || !m->conf ||
        !m->kind || !m->read || !m->shapes.at || !m->shapes.v || !m->variants.at ||
        !m->variants.v)
        return GM_E_NOMEM;
    for (size_t c = 0; c < CJK_COUNT; c++)
        m->char_logp[c] = 1.0f;    /* not a word */
    return 0;
}

/* Confusion, shape and variant lines were written in character order,
 * each storing its count at conf_at / at[ch + 1]; the running sum turns
 * counts into offsets. */
static void counts_to_offsets(gm_typo_model *m)
{
    for (size_t i = 1; i <= CJK_COUNT; i++) {
        m->conf_at[i] += m->conf_at[i - 1];
        m->shapes.at[i] += m->shapes.at[i - 1];
        m->variants.at[i] += m->variants.at[i - 1];
    }
}

/* Sets the bits of the commonest one-character words (gm_typo_is_function_char). */
static void mark_function_chars(gm_typo_model *m)
{
    for (size_t c = 0; c < CJK_COUNT; c++)
        if (m->char_logp[c] > GM_TYPO_FUNCTION_LP)
            m->function[c >> 6] |= 1ULL << (c & 63);
}

static int parse_model(gm_typo_model *m, const char *path, const char *buf, size_t len,
                       gm_err *err)
{
    pass p = {0};
    int bad = count_lines(buf, len, &p);
    if (bad || p.words == 0 || p.total <= 0)
        return gm_fail(err, GM_E_INVALID, "expr_model", "模型文件 %s 第 %d 行格式错误", path, bad);
    if (alloc_tables(m, &p))
        return gm_fail(err, GM_E_NOMEM, "expr_model", "内存不足");
    m->unknown = (float)(log(0.5) - log(p.total));
    bad = fill(m, buf, len, p.total);
    if (bad)
        return gm_fail(err, GM_E_INVALID, "expr_model", "模型文件 %s 第 %d 行格式错误", path, bad);
    counts_to_offsets(m);
    mark_function_chars(m);
    return 0;
}

static struct {
    pthread_once_t once;
    gm_typo_model *model;
    gm_err err;
    int rc;
} g = {PTHREAD_ONCE_INIT, NULL, {0}, 0};

static void load_once(void)
{
    const char *path = getenv("GOVMEDIA_EXPR_MODEL");
    if (!path || !*path)
        path = GM_EXPR_MODEL;
    char *buf = NULL;
    size_t len = 0;
    gm_typo_model *m = calloc(1, sizeof *m);
    g.rc = m ? gm_read_file(path, MODEL_MAX, &buf, &len, "expr_model", &g.err)
             : gm_fail(&g.err, GM_E_NOMEM, "expr_model", "内存不足");
    if (g.rc == 0)
        g.rc = parse_model(m, path, buf, len, &g.err);
    free(buf);
    gm_heap_give_back();
    const char *lm_path = getenv("GOVMEDIA_EXPR_LM");
    if (g.rc == 0)
        g.rc = gm_typo_lm_load(lm_path && *lm_path ? lm_path : GM_EXPR_LM, &m->lm, &g.err);
    if (g.rc == 0 && !(m->homophones = gm_typo_homophones_build(m->lm, m->read)))
        g.rc = gm_fail(&g.err, GM_E_NOMEM, "expr_model", "内存不足");
    if (g.rc)
        model_free(m);
    else
        g.model = m;
    gm_heap_give_back();
}

int gm_typo_model_get(const gm_typo_model **out, gm_err *err)
{
    *out = NULL;
    int rc = gm_norm_init(err);    /* the detector reads text in normal form */
    if (rc)
        return rc;
    pthread_once(&g.once, load_once);
    if (g.rc && err)
        *err = g.err;
    *out = g.model;
    return g.rc;
}
