/*
 * fuzz_check.c - libFuzzer target: a whole check (normalisation, matching
 * with the shipped lexicon and allow list, privacy, length, sources) on
 * arbitrary bytes.  Besides crashes, leaks and hangs it checks the
 * engine's promises: invalid UTF-8 is rejected exactly when the bytes are
 * invalid, every finding's match is the original text between its
 * start and end code points, and the report written directly as text
 * (gm_check_text) is the JSON object's compact dump byte for byte.
 *
 * Input layout: byte 0 picks the platform (and whether a title and a
 * repost source are present); the rest is text, optionally split at the
 * first NUL into title + text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "check/normalize.h"

static gm_checker *checker;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *dir = getenv("GOVMEDIA_DATA");
    gm_err err = {0};
    if (gm_checker_load_default(&checker, dir ? dir : GM_DATA_DIR, &err) != 0)
        abort();
    return 0;
}

/* Byte offset of code point n of valid UTF-8 s. */
static size_t cp_byte(const char *s, size_t len, size_t n)
{
    size_t i = 0, k = 0;
    for (; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && k++ == n)
            return i;
    return len;
}

static void verify_matches(const json_t *r, const char *text, size_t len, const char *title)
{
    size_t i;
    const json_t *f;
    json_array_foreach(json_object_get(r, "findings"), i, f) {
        const char *field = json_string_value(json_object_get(f, "field"));
        const char *src = strcmp(field, "text") == 0 ? text : strcmp(field, "title") == 0 ? title : NULL;
        if (!src)
            continue;
        size_t slen = src == text ? len : strlen(src);
        size_t s = (size_t)json_integer_value(json_object_get(f, "start"));
        size_t e = (size_t)json_integer_value(json_object_get(f, "end"));
        size_t bs = cp_byte(src, slen, s), be = cp_byte(src, slen, e);
        const json_t *mj = json_object_get(f, "match");
        const char *m = json_string_value(mj);
        if (s > e || !m || json_string_length(mj) != be - bs || memcmp(m, src + bs, be - bs) != 0)
            abort();
    }
}

/* The report written directly (gm_check_text) is the tree's dump, byte for byte. */
static void same_as_text(const json_t *tree, const gm_check_input *in)
{
    char *want = json_dumps(tree, JSON_COMPACT), *got = NULL;
    size_t cap = 0, n = 0;
    int ok = -1;
    gm_err err = {0};
    if (!want || gm_check_text(checker, in, &got, &cap, &n, &ok, &err) != 0 ||
        strcmp(want, got) != 0 || n != strlen(want) ||
        ok != json_is_true(json_object_get(tree, "ok")))
        abort();
    free(want);
    free(got);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *platforms[] = {"weibo", "wechat", "toutiao", "douyin", "app", NULL, "bogus", NULL};
    if (size < 1)
        return 0;
    char *buf = malloc(size);
    if (!buf)
        return 0;
    memcpy(buf, data + 1, size - 1);
    buf[size - 1] = '\0';
    const char *text = buf, *title = NULL;
    size_t len = size - 1;
    char *nul = memchr(buf, '\0', len);
    if ((data[0] & 0x08) && nul && nul < buf + len) {
        title = buf;
        text = nul + 1;
        len = (size_t)(buf + size - 1 - text);
    }
    gm_check_input in = {text, len, title, platforms[data[0] & 7],
                         (data[0] & 0x10) ? (title ? title : "") : NULL, NULL, NULL};
    json_t *out = NULL;
    gm_err err = {0};
    int rc = gm_check_json(checker, &in, &out, &err);
    int text_bad = gm_utf8_invalid_at(text, len) != 0;
    if (rc == 0) {
        if (text_bad)
            abort();
        verify_matches(out, text, len, title);
        same_as_text(out, &in);
        json_decref(out);
    } else if (rc != GM_E_INVALID || (!text_bad && strcmp(err.field, "text") == 0)) {
        abort();
    }
    free(buf);
    return 0;
}
