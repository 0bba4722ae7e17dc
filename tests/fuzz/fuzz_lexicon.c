/*
 * fuzz_lexicon.c - libFuzzer target: the lexicon loader and the automaton
 * compiler on arbitrary files.  A file either loads or fails with
 * GM_E_INVALID (and leaves the lexicon empty); when it loads, every term
 * must be found when its own text is scanned, and the compiled automaton
 * must scan a mixed text without trouble, and so must the sound (pinyin and
 * homophone) matcher compiled from it.  The same bytes also go through the
 * admin-list conversions (check/lists.c): a file that parses gives entries
 * that validate and survive entries -> file text -> entries unchanged.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "check/lexicon.h"
#include "check/matcher.h"
#include "check/sound.h"

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

static int count_sound(void *ctx, const gm_sound_hit *h)
{
    if (h->cp_start >= h->cp_end || h->b_start >= h->b_end)
        abort();
    (*(size_t *)ctx)++;
    return 0;
}

static void lists_round_trip(const uint8_t *data, size_t size)
{
    int kind = size > 0 ? (data[0] >> 1) % GM_LIST_COUNT : 0;
    json_t *entries = NULL, *again = NULL;
    gm_err err = {0};
    if (gm_list_parse(kind, (const char *)data, size, &entries, &err) != 0)
        return;
    if (gm_list_validate(kind, entries, &err) != 0 && kind != GM_LIST_SOURCES)
        abort();
    char *text = gm_list_text(kind, entries);
    if (!text || gm_list_parse(kind, text, strlen(text), &again, &err) != 0 ||
        (kind != GM_LIST_SOURCES && !json_equal(entries, again)))
        abort();
    free(text);
    json_decref(entries);
    json_decref(again);
}

static void sound_scan(const gm_lexicon *lx)
{
    gm_sound *s = NULL;
    gm_err err = {0};
    if (gm_sound_build(&s, lx, &err) != 0)
        return;
    static const char mixed[] = "dai kai fa piao 代kai发piao 带开发票 liuhecai 六和彩 ｘｉａｎ";
    size_t n = 0;
    gm_sound_scan(s, lx, mixed, sizeof mixed - 1, count_sound, &n);
    for (size_t t = 0; t < lx->n; t++)
        gm_sound_scan(s, lx, lx->terms[t].text, strlen(lx->terms[t].text), count_sound, &n);
    gm_sound_free(s);
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
        sound_scan(&lx);
    }
    gm_lexicon_free(&lx);
    lists_round_trip(data, size);
    return 0;
}
