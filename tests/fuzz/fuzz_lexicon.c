/*
 * fuzz_lexicon.c - libFuzzer target: the lexicon loader and the automaton
 * compiler on arbitrary files.  A file either loads or fails with
 * GM_E_INVALID (and leaves the lexicon empty); when it loads, every term
 * must be found when its own text is scanned, and the compiled automaton
 * must scan a mixed text without trouble.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check/lexicon.h"
#include "check/matcher.h"

typedef struct want {
    uint32_t term;
    int found;
} want;

static int on_hit(void *ctx, const gm_hit *h)
{
    want *w = ctx;
    if (h->term == w->term)
        w->found = 1;
    return 0;
}

static int count_hit(void *ctx, const gm_hit *h)
{
    (void)h;
    (*(size_t *)ctx)++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gm_lexicon lx = {0};
    gm_err err = {0};
    int allow = size > 0 && (data[0] & 1);
    int rc = gm_lexicon_parse(&lx, "fuzz.txt", (const char *)data, size, allow, &err);
    if (rc != 0 && (rc != GM_E_INVALID || lx.n != 0))
        abort();
    gm_matcher *m = NULL;
    if (rc == 0 && gm_matcher_build(&m, &lx, &err) == 0) {
        for (size_t t = 0; t < lx.n; t++) {
            want w = {(uint32_t)t, 0};
            if (gm_matcher_scan(m, lx.terms[t].text, strlen(lx.terms[t].text), on_hit, &w, &err) != 0 ||
                !w.found)
                abort();
        }
        static const char mixed[] = "賭 博😀ＡＢＣ哈哈哈\u200b大笑ﬁ⑫ 六.合.彩";
        size_t n = 0;
        if (gm_matcher_scan(m, mixed, sizeof mixed - 1, count_hit, &n, &err) != 0)
            abort();
        gm_matcher_free(m);
    }
    gm_lexicon_free(&lx);
    return 0;
}
