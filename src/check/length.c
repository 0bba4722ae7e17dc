/*
 * length.c - the per-platform length rule, counted in code points.
 */
#include <stdio.h>
#include <string.h>

#include "check/lexicon.h"
#include "check/normalize.h"
#include "check/rules.h"

/* Byte offset of code point number cp in valid UTF-8 s. */
static size_t byte_of_cp(const char *s, size_t len, size_t cp)
{
    size_t i = 0, n = 0;
    for (; i < len; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (n == cp)
                return i;
            n++;
        }
    }
    return len;
}

int gm_length_check(const char *text, size_t len, const char *title, long limit,
                    int count_title, const char *platform, gm_findings *fs, size_t *chars)
{
    size_t text_cps = gm_utf8_count(text, len);
    size_t title_cps = count_title && title ? gm_utf8_count(title, strlen(title)) : 0;
    *chars = text_cps + title_cps;
    if (limit < 0 || *chars <= (size_t)limit)
        return 0;
    size_t start = (size_t)limit > title_cps ? (size_t)limit - title_cps : 0;
    size_t b_start = byte_of_cp(text, len, start);
    char term[32], msg[160];
    snprintf(term, sizeof term, "%ld", limit);
    snprintf(msg, sizeof msg, "超出字数上限 %ld 字（共 %zu 字%s）", limit, *chars,
             title_cps ? "，含标题" : "");
    gm_finding f = {.rule = "length", .field = "text", .category = (char *)platform,
                    .severity = GM_SEV_BLOCK, .term = term, .match = (char *)text + b_start,
                    .start = start, .end = text_cps, .b_start = b_start, .b_end = len,
                    .message = msg};
    return gm_findings_add(fs, &f, len - b_start);
}
