/*
 * length.c - the per-platform length rule (REQUIREMENTS §3.3), counted in
 * code points: the text (with the title when the house rule counts it),
 * and under the platform preset the title and the summary on their own.
 */
#include <stdio.h>
#include <string.h>

#include "check/lexicon.h"
#include "check/normalize.h"
#include "check/rules.h"
#include "util/length_preset.h"

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

/* One block finding over the part of field s beyond code point start;
 * message names the limit (Chinese). */
static int over_limit(const char *s, size_t len, size_t start, size_t cps, const char *field,
                      long limit, const char *platform, const char *msg, gm_findings *fs)
{
    size_t b_start = byte_of_cp(s, len, start);
    char term[32];
    snprintf(term, sizeof term, "%ld", limit);
    gm_finding f = {.rule = "length", .field = (char *)field, .category = (char *)platform,
                    .severity = GM_SEV_BLOCK, .term = term, .match = (char *)s + b_start,
                    .start = start, .end = cps, .b_start = b_start, .b_end = len,
                    .message = (char *)msg};
    return gm_findings_add(fs, &f, len - b_start);
}

/* The title or the summary against its own limit (platform preset). */
static int field_limit(const char *s, const char *field, const char *name, long limit,
                       const gm_length_limits *lim, const char *platform, gm_findings *fs)
{
    size_t len = s ? strlen(s) : 0, cps = s ? gm_utf8_count(s, len) : 0;
    if (limit < 0 || cps <= (size_t)limit)
        return 0;
    char msg[160];
    snprintf(msg, sizeof msg, "%s超出%s上限 %ld 字（共 %zu 字）", name,
             gm_length_preset_label(lim->preset), limit, cps);
    return over_limit(s, len, (size_t)limit, cps, field, limit, platform, msg, fs);
}

int gm_length_check(const char *text, size_t len, const char *title, const char *summary,
                    const gm_length_limits *lim, const char *platform, gm_findings *fs,
                    size_t *chars)
{
    size_t text_cps = gm_utf8_count(text, len);
    size_t title_cps = lim->count_title && title ? gm_utf8_count(title, strlen(title)) : 0;
    *chars = text_cps + title_cps;
    int rc = field_limit(title, "title", "标题", lim->title, lim, platform, fs);
    if (!rc)
        rc = field_limit(summary, "summary", "摘要", lim->summary, lim, platform, fs);
    if (rc || lim->text < 0 || *chars <= (size_t)lim->text)
        return rc;
    size_t start = (size_t)lim->text > title_cps ? (size_t)lim->text - title_cps : 0;
    char msg[160];
    snprintf(msg, sizeof msg, "%s超出%s上限 %ld 字（共 %zu 字%s）", title_cps ? "正文和标题" : "正文",
             gm_length_preset_label(lim->preset), lim->text, *chars, title_cps ? "，含标题" : "");
    return over_limit(text, len, start, text_cps, "text", lim->text, platform, msg, fs);
}
