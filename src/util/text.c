/*
 * text.c - UTF-8 and length checks on input text (see text.h).
 */
#include "util/text.h"
#include "util/field_label.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

/* The field as people read it: its Chinese name, or "字段 code " when it has none. */
static const char *field_named(const char *field, char *buf, size_t cap)
{
    char label[96];
    field_label(field ? field : "", label, sizeof label);
    if (field && strcmp(label, field) == 0)
        snprintf(buf, cap, "字段 %s ", field);
    else
        snprintf(buf, cap, "%s", label);
    return buf;
}
#define LBL(f) field_named((f), lbl, sizeof lbl)

long text_first_invalid_utf8(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return (long)i;
        i += (size_t)n;
    }
    return -1;
}

void text_utf8_repair(char *s)
{
    size_t len = strlen(s);
    long bad;
    while ((bad = text_first_invalid_utf8(s, len)) >= 0) {
        memmove(s + bad, s + bad + 1, len - (size_t)bad);   /* the NUL moves too */
        len--;
    }
}

static int is_multiline_blank(unsigned char c)
{
    return c == '\t' || c == '\n' || c == '\r';
}

/* Whether one of the 8 bytes of w is below 0x20, 0x7F or 0xC2 (the lead
 * byte of the C1 controls): the usual "has a byte less than / equal to"
 * word tricks, which never miss one (they may flag a word that holds none;
 * the byte loop then decides). */
static int word_may_hold_control(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    uint64_t del = w ^ (ones * 0x7F), c2 = w ^ (ones * 0xC2);
    return (((w - ones * 0x20) & ~w) | ((del - ones) & ~del) | ((c2 - ones) & ~c2)) & highs ? 1 : 0;
}

static long first_control_byte(const unsigned char *u, size_t from, size_t to, size_t len,
                               int multiline)
{
    for (size_t i = from; i < to; i++) {
        if ((u[i] < 0x20 && !(multiline && is_multiline_blank(u[i]))) || u[i] == 0x7f)
            return (long)i;
        if (u[i] == 0xC2 && i + 1 < len && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F)
            return (long)i;   /* C1 controls, U+0080-U+009F */
    }
    return -1;
}

long text_first_control(const char *s, size_t len, int multiline)
{
    /* Eight bytes at a time: post texts are long and almost never hold one. */
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, u + i, sizeof w);
        long at = word_may_hold_control(w) ? first_control_byte(u, i, i + 8, len, multiline) : -1;
        if (at >= 0)
            return at;
    }
    return first_control_byte(u, i, len, len, multiline);
}

void text_codepoint_name(const char *s, char out[12])
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned cp = u[0] == 0xC2 ? u[1] : u[0];
    snprintf(out, 12, "U+%04X", cp);
}

size_t text_codepoints(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

static int has_control_chars(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return 1;
    return 0;
}

/* Only spaces, tabs, line breaks, no-break or ideographic spaces: a
 * required field holding nothing else is as empty as "" to the reader. */
static int is_blank(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            p++;
        else if (p[0] == 0xC2 && p[1] == 0xA0)
            p += 2;
        else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
            p += 3;
        else
            return 0;
    }
    return 1;
}

int text_require(const char *s, const char *field, size_t min, size_t max, gm_err *err)
{
    char lbl[128];   /* the field's Chinese name, for the message */
    if (!s || !*s || (min && is_blank(s)))
        return min ? gm_fail(err, GM_E_INVALID, field, "%s不能为空", LBL(field)) : GM_OK;
    long bad = text_first_invalid_utf8(s, strlen(s));
    if (bad >= 0)
        return gm_fail(err, GM_E_INVALID, field, "%s不是有效的 UTF-8(第 %ld 字节)", LBL(field), bad);
    if (has_control_chars(s))
        return gm_fail(err, GM_E_INVALID, field, "%s含有控制字符", LBL(field));
    size_t n = text_codepoints(s);
    if (n < min || n > max)
        return gm_fail(err, GM_E_INVALID, field, "%s长度应为 %zu 到 %zu 个字符(现为 %zu)",
                       LBL(field), min, max, n);
    return GM_OK;
}

int text_require_multiline(const char *s, const char *field, size_t min, size_t max, gm_err *err)
{
    char lbl[128];   /* the field's Chinese name, for the message */
    if (!s || !*s || (min && is_blank(s)))
        return min ? gm_fail(err, GM_E_INVALID, field, "%s不能为空", LBL(field)) : GM_OK;
    if (text_first_invalid_utf8(s, strlen(s)) >= 0)
        return gm_fail(err, GM_E_INVALID, field, "%s不是有效的 UTF-8", LBL(field));
    if (text_first_control(s, strlen(s), 1) >= 0)
        return gm_fail(err, GM_E_INVALID, field, "%s含有控制字符", LBL(field));
    size_t n = text_codepoints(s);
    if (n < min || n > max)
        return gm_fail(err, GM_E_INVALID, field, "%s长度应为 %zu 到 %zu 个字符(现为 %zu)",
                       LBL(field), min, max, n);
    return GM_OK;
}
