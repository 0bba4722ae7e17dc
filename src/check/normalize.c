/*
 * normalize.c - the shared normal form (see normalize.h) and UTF-8 helpers.
 *
 * Invariant relied on by matcher.c: for a BMP code point, the table entry
 * equals what gm_norm_map() returns, so the scanner's fast path and the
 * lexicon compiler agree on every term.
 */
#include "check/normalize.h"
#include "check/lookalike_data.h"
#include "util/field_label.h"

#include <opencc/opencc.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define CJK_A_FIRST 0x3400u
#define CJK_LAST 0x9FFFu
#define HANGUL_FIRST 0xAC00u
#define HANGUL_LAST 0xD7A3u
#define IDEOGRAPHIC_ZERO 0x3007u  /* 〇: a letter number, but used like ○ as filler */
#define RADICALS_FIRST 0x2E80u    /* CJK Radicals Supplement and Kangxi Radicals */
#define RADICALS_LAST 0x2FDFu

static uint32_t *g_bmp;       /* 65536 entries */
static uint16_t *g_t2s;       /* 65536 entries, traditional -> simplified */
static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static gm_err g_init_err;

size_t gm_utf8_invalid_at(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        /* Three bytes led by E1..EC or EE..EF with two continuations are
         * always valid (no overlong form, no surrogate): most of a Chinese
         * text, checked without decoding it. */
        if (i + 2 < len && p[i] >= 0xE1 && p[i] <= 0xEF && p[i] != 0xED &&
            (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        uint32_t cp;
        size_t n = gm_utf8_decode(p + i, len - i, &cp);
        if (n == 0)
            return i + 1;
        i += n;
    }
    return 0;
}

size_t gm_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

size_t gm_utf8_put(char *buf, uint32_t cp)
{
    if (cp < 0x80) {
        buf[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        buf[0] = (char)(0xC0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        buf[0] = (char)(0xE0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    buf[0] = (char)(0xF0 | (cp >> 18));
    buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    buf[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int gm_utf8_require(const char *s, size_t len, const char *field, gm_err *err)
{
    size_t bad = s ? gm_utf8_invalid_at(s, len) : 0;
    if (bad == 0)
        return 0;
    char label[64];
    return gm_fail(err, GM_E_INVALID, field, "%s不是有效的 UTF-8(第 %zu 字节)",
                   field_label(field, label, sizeof label), bad - 1);
}

/* Letters and digits carry meaning; everything else is noise. */
static int is_significant(uint32_t cp)
{
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

int gm_norm_map(uint32_t cp, uint32_t out[GM_NORM_MAX])
{
    if (g_bmp && cp < 0x10000 && g_bmp[cp] != GM_NORM_EXPAND) {   /* the table, once built */
        if (g_bmp[cp] == GM_NORM_NOISE)
            return 0;
        out[0] = g_bmp[cp];
        return 1;
    }
    if (cp == IDEOGRAPHIC_ZERO)
        return 0;      /* 赌〇博 is 赌○博: a circle dropped in to split a term */
    if (cp >= RADICALS_FIRST && cp <= RADICALS_LAST) {
        /* ⻩色 is 黄色: a radical standing for its character (NFKC folds
         * only the Kangxi ones) */
        const gm_la_pair *r = gm_la_find(gm_la_ideographs, gm_la_ideographs_count, cp);
        if (r)
            cp = r->to;
    }
    if (cp >= CJK_A_FIRST && cp <= CJK_LAST) {
        /* 躶聊 is 裸聊, 代開発票 is 代开发票: a rare variant or Japanese form of a
         * common character (Unihan's variants, OpenCC jp2t) */
        const gm_la_pair *v = gm_la_find(gm_la_variants, gm_la_variants_count, cp);
        if (v)
            cp = v->to;
    }
    if (cp >= 0xC0 && cp <= 0xFFDC && gm_la_separator(cp))
        return 0;      /* 代ー开ー发, 秒ᐧ杀, 赌ǀ博, 赌丨博: a letter or a stroke that looks
                        * like a dash, a dot or a bar */
    if (cp >= HANGUL_FIRST && cp <= HANGUL_LAST) {
        out[0] = cp;   /* keep syllables whole rather than as jamo */
        return 1;
    }
    utf8proc_int32_t buf[GM_NORM_MAX * 2];
    int last_bc = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        (utf8proc_int32_t)cp, buf, GM_NORM_MAX * 2,
        UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
            UTF8PROC_IGNORE,
        &last_bc);
    if (n < 0 || n > GM_NORM_MAX * 2)
        return 0;
    int k = 0;
    for (utf8proc_ssize_t i = 0; i < n && k < GM_NORM_MAX; i++) {
        uint32_t c = (uint32_t)buf[i];
        if (!is_significant(c))
            continue;
        if (g_t2s && c < 0x10000 && g_t2s[c])
            c = g_t2s[c];
        out[k++] = c;
    }
    return k;
}

/* Runs OpenCC t2s over every CJK ideograph, one per line, and keeps the
 * one-to-one results. */
static int build_t2s(gm_err *err)
{
    size_t count = CJK_LAST - CJK_A_FIRST + 1;
    char *in = malloc(count * 4 + 1);
    g_t2s = calloc(0x10000, sizeof *g_t2s);
    if (!in || !g_t2s) {
        free(in);
        return gm_fail(err, GM_E_NOMEM, "", "内存不足,无法建立繁简转换表");
    }
    size_t len = 0;
    for (uint32_t c = CJK_A_FIRST; c <= CJK_LAST; c++) {
        len += gm_utf8_put(in + len, c);
        in[len++] = '\n';
    }
    in[len] = '\0';
    opencc_t cc = opencc_open("t2s.json");
    if (cc == (opencc_t)-1) {
        free(in);
        return gm_fail(err, GM_E_IO, "", "无法打开 OpenCC 繁简转换配置 t2s.json:%s", opencc_error());
    }
    char *conv = opencc_convert_utf8(cc, in, len);
    opencc_close(cc);
    free(in);
    if (!conv)
        return gm_fail(err, GM_E_INTERNAL, "", "OpenCC conversion failed: %s", opencc_error());
    const unsigned char *p = (const unsigned char *)conv;
    size_t clen = strlen(conv);
    uint32_t orig = CJK_A_FIRST;
    size_t i = 0;
    while (i < clen && orig <= CJK_LAST) {
        size_t eol = i;
        while (eol < clen && p[eol] != '\n')
            eol++;
        uint32_t cp;
        size_t n = gm_utf8_decode(p + i, eol - i, &cp);
        if (n > 0 && i + n == eol && cp < 0x10000 && cp != orig)
            g_t2s[orig] = (uint16_t)cp;
        orig++;
        i = eol + 1;
    }
    opencc_convert_utf8_free(conv);
    return 0;
}

static int build_bmp(gm_err *err)
{
    uint32_t *t = malloc(0x10000 * sizeof *t);   /* gm_norm_map reads g_bmp once it is set */
    if (!t)
        return gm_fail(err, GM_E_NOMEM, "", "内存不足,无法建立字符归一化表");
    for (uint32_t cp = 0; cp < 0x10000; cp++) {
        uint32_t out[GM_NORM_MAX];
        int n = (cp >= 0xD800 && cp <= 0xDFFF) ? 0 : gm_norm_map(cp, out);
        t[cp] = n == 0 ? GM_NORM_NOISE : n == 1 ? out[0] : GM_NORM_EXPAND;
    }
    g_bmp = t;
    return 0;
}

static void init_once(void)
{
    if (build_t2s(&g_init_err) == 0)
        build_bmp(&g_init_err);
}

int gm_norm_init(gm_err *err)
{
    pthread_once(&g_once, init_once);
    if (g_init_err.code != 0) {
        if (err)
            *err = g_init_err;
        return g_init_err.code;
    }
    return 0;
}

const uint32_t *gm_norm_bmp(void)
{
    return g_bmp;
}
