/*
 * test_check_matcher.c - the double-array Aho-Corasick scanner agrees with
 * a naive reference (compare every term at every position of the
 * normalised, repeat-folded text; Latin-only terms as whole words) on random lexicons and texts full of
 * overlaps, noise, repeats, width and script variants.
 */
#include "test_check_helpers.h"

#include "check/lexicon.h"
#include "check/matcher.h"
#include "check/normalize.h"

typedef struct el {
    uint32_t cp, run;
    size_t cp_start, cp_end;
} el;

typedef struct hit3 {
    uint32_t term;
    size_t start, end;
} hit3;

typedef struct hits {
    hit3 v[20000];
    size_t n;
} hits;

static int cmp_hit(const void *a, const void *b)
{
    return memcmp(a, b, sizeof(hit3));
}

static int on_hit(void *ctx, const gm_hit *h)
{
    hits *hs = ctx;
    assert_true(hs->n < 20000);
    hit3 x;
    memset(&x, 0, sizeof x);
    x.term = h->term;
    x.start = h->cp_start;
    x.end = h->cp_end;
    hs->v[hs->n++] = x;
    return 0;
}

static int is_latin(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
}

static size_t elements(const char *text, el *out)
{
    size_t n = 0, i = 0, cpi = 0, len = strlen(text);
    while (i < len) {
        uint32_t cp = 0, m[GM_NORM_MAX];
        size_t step = gm_utf8_decode((const unsigned char *)text + i, len - i, &cp);
        assert_true(step > 0);
        int k = gm_norm_map(cp, m);
        for (int j = 0; j < k; j++) {
            if (n > 0 && out[n - 1].cp == m[j]) {
                out[n - 1].run++;
                out[n - 1].cp_end = cpi + 1;
            } else {
                out[n++] = (el){m[j], 1, cpi, cpi + 1};
            }
        }
        i += step;
        cpi++;
    }
    return n;
}

static void naive(const gm_lexicon *lx, const char *text, hits *hs)
{
    static el e[4096];
    size_t n = elements(text, e);
    for (size_t end = 0; end < n; end++) {
        for (size_t t = 0; t < lx->n; t++) {
            const gm_term *tm = &lx->terms[t];
            if (tm->len > end + 1)
                continue;
            size_t first = end + 1 - tm->len;
            int ok = 1;
            for (uint32_t i = 0; i < tm->len && ok; i++)
                ok = e[first + i].cp == tm->norm[i] &&
                     e[first + i].run >= (tm->runs ? tm->runs[i] : 1u);
            int latin = 1;
            for (uint32_t i = 0; i < tm->len; i++)
                latin &= is_latin(tm->norm[i]);
            if (ok && latin)   /* Latin-only terms: no Latin letter adjacent */
                ok = !(first > 0 && e[first - 1].cp_end >= e[first].cp_start &&
                       is_latin(e[first - 1].cp)) &&
                     !(end + 1 < n && e[end + 1].cp_start <= e[end].cp_end && is_latin(e[end + 1].cp));
            if (ok) {
                hit3 x;
                memset(&x, 0, sizeof x);
                x.term = (uint32_t)t;
                x.start = e[first].cp_start;
                x.end = e[end].cp_end;
                hs->v[hs->n++] = x;
            }
        }
    }
}

static const char *TERM_PIECES[] = {"a", "b", "c", "赌", "博", "彩"};
static const char *TEXT_PIECES[] = {"a", "b", "c", "赌", "博", "彩", "賭", "A", "ｂ", " ",
                                    "，", "😀", "\u200b", "x", "1", "ﬁ"};

static void random_string(char *buf, size_t cap, const char **pieces, size_t np, size_t len)
{
    buf[0] = '\0';
    for (size_t i = 0; i < len; i++) {
        const char *p = pieces[(size_t)rand() % np];
        if (strlen(buf) + strlen(p) + 1 < cap)
            strcat(buf, p);
    }
}

static void test_matcher_agrees_with_naive_reference(void **state)
{
    (void)state;
    static hits got, want;
    srand(12345);
    for (int round = 0; round < 30; round++) {
        gm_lexicon lx = {0};
        gm_err err = {0};
        for (int t = 0; t < 60; t++) {
            char term[64];
            random_string(term, sizeof term, TERM_PIECES, 6, 1 + (size_t)rand() % 5);
            assert_int_equal(gm_lexicon_parse(&lx, "t", term, strlen(term), rand() % 4 == 0, &err), 0);
        }
        gm_matcher *m = NULL;
        assert_int_equal(gm_matcher_build(&m, &lx, &err), 0);
        for (int k = 0; k < 40; k++) {
            char text[1024];
            random_string(text, sizeof text, TEXT_PIECES, 16, (size_t)rand() % 80);
            got.n = want.n = 0;
            assert_int_equal(gm_matcher_scan(m, text, strlen(text), on_hit, &got, &err), 0);
            naive(&lx, text, &want);
            qsort(got.v, got.n, sizeof(hit3), cmp_hit);
            qsort(want.v, want.n, sizeof(hit3), cmp_hit);
            if (got.n != want.n) {
                fprintf(stderr, "text %s: got %zu want %zu\n", text, got.n, want.n);
                for (size_t q = 0; q < got.n; q++)
                    fprintf(stderr, " got %s %zu %zu\n", lx.terms[got.v[q].term].text, got.v[q].start, got.v[q].end);
                for (size_t q = 0; q < want.n; q++)
                    fprintf(stderr, " want %s %zu %zu\n", lx.terms[want.v[q].term].text, want.v[q].start, want.v[q].end);
            }
            assert_int_equal(got.n, want.n);
            assert_memory_equal(got.v, want.v, got.n * sizeof(hit3));
        }
        gm_matcher_free(m);
        gm_lexicon_free(&lx);
    }
}

static void test_matcher_empty_lexicon_and_empty_text(void **state)
{
    (void)state;
    gm_lexicon lx = {0};
    gm_err err = {0};
    gm_matcher *m = NULL;
    assert_int_equal(gm_matcher_build(&m, &lx, &err), 0);
    hits *hs = calloc(1, sizeof *hs);
    assert_non_null(hs);
    assert_int_equal(gm_matcher_scan(m, "赌博", strlen("赌博"), on_hit, hs, &err), 0);
    assert_int_equal(gm_matcher_scan(m, "", 0, on_hit, hs, &err), 0);
    assert_int_equal(hs->n, 0);
    free(hs);
    gm_matcher_free(m);
}

static void test_matcher_invalid_utf8_byte_offset(void **state)
{
    (void)state;
    gm_lexicon lx = {0};
    gm_err err = {0};
    gm_matcher *m = NULL;
    assert_int_equal(gm_lexicon_parse(&lx, "t", "ab", 2, 0, &err), 0);
    assert_int_equal(gm_matcher_build(&m, &lx, &err), 0);
    hits *hs = calloc(1, sizeof *hs);
    assert_non_null(hs);
    const char bad[] = "中文\xe4\xb8";   /* truncated 3-byte sequence at byte 6 */
    assert_int_equal(gm_matcher_scan(m, bad, sizeof bad - 1, on_hit, hs, &err), GM_E_INVALID);
    assert_string_equal(err.message, "正文不是有效的 UTF-8(第 6 字节)");
    free(hs);
    gm_matcher_free(m);
    gm_lexicon_free(&lx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matcher_agrees_with_naive_reference),
        cmocka_unit_test(test_matcher_empty_lexicon_and_empty_text),
        cmocka_unit_test(test_matcher_invalid_utf8_byte_offset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
