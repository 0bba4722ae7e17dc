/*
 * address.c - detailed postal addresses as personal data: 江苏省南京市玄武区
 * 中山路100号3栋201室.  A road/street/lane character (路 街 巷 道 弄 里)
 * that has a district-level place character (省 市 区 县 镇 乡) at most 24
 * characters before it in the same phrase, and is followed by a house
 * number ending in 号, starts the detailed part: the number, building,
 * unit and room.  That part is the finding; its digits and letters are
 * masked (中山路***号*栋***室), so the place stays readable while the
 * household cannot be found.  Addresses without a building, unit or room
 * after the house number (中山路, an office at 北京东路41号) are not a
 * household's and not flagged.
 */
#include <string.h>

#include "check/bytescan.h"
#include "check/lexicon.h"
#include "check/normalize.h"
#include "check/privacy.h"

#define PLACE_WINDOW 24
#define TAIL_MAX 48

static int is_road(uint32_t c)
{
    return c == 0x8DEF || c == 0x8857 || c == 0x5DF7 || c == 0x9053 || c == 0x5F04 ||
           c == 0x91CC;   /* 路 街 巷 道 弄 里 */
}

static int is_place(uint32_t c)
{
    return c == 0x7701 || c == 0x5E02 || c == 0x533A || c == 0x53BF || c == 0x9547 ||
           c == 0x4E61;   /* 省 市 区 县 镇 乡 */
}

static int is_alnum(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19) || (c >= 'A' && c <= 'Z') ||
           (c >= 'a' && c <= 'z');
}

/* Characters of the house-number part besides digits and letters. */
static int is_unit_word(uint32_t c)
{
    return c == 0x53F7 || c == 0x680B || c == 0x5E62 || c == 0x5355 || c == 0x5143 ||
           c == 0x697C || c == 0x5C42 || c == 0x5BA4 || c == 0x5EA7 || c == 0x6237 ||
           c == '-' || c == 0x4E4B;   /* 号 栋 幢 单 元 楼 层 室 座 户 - 之 */
}

typedef struct cpt {
    uint32_t c;
    size_t b, cp;
} cpt;

static int breaks_phrase(uint32_t c)
{
    return c < 0x80 ? !(is_alnum(c) || c == '-') : c == 0x3002 || c == 0xFF0C || c == 0xFF1B ||
                                                       c == 0xFF1A || c == 0x3001;
}

/* Length of the detailed part starting at v[i] (0 if it has no 号). */
static size_t tail_len(const cpt *v, size_t n, size_t i)
{
    size_t k = i, has_hao = 0, has_unit = 0;
    while (k < n && k - i < TAIL_MAX && (is_alnum(v[k].c) || is_unit_word(v[k].c))) {
        if (v[k].c == 0x53F7 && k > i && is_alnum(v[k - 1].c))
            has_hao = 1;
        else if (has_hao && !is_alnum(v[k].c) && v[k].c != '-' && v[k].c != 0x4E4B)
            has_unit = 1;
        k++;
    }
    return has_hao && has_unit && is_alnum(v[i].c) ? k - i : 0;
}

static int place_before(const cpt *v, size_t road)
{
    for (size_t k = road; k-- > 0 && road - k <= PLACE_WINDOW;) {
        if (breaks_phrase(v[k].c))
            return 0;
        if (is_place(v[k].c))
            return 1;
    }
    return 0;
}

static int emit(const char *text, size_t len, const cpt *v, size_t n, size_t i, size_t t,
                const char *field, gm_findings *fs)
{
    size_t b0 = v[i].b, b1 = i + t < n ? v[i + t].b : len;
    char masked[TAIL_MAX * 4 + 1];
    size_t w = 0;
    for (size_t k = i; k < i + t; k++) {
        size_t l = (k + 1 < n ? v[k + 1].b : len) - v[k].b;
        if (is_alnum(v[k].c)) {
            masked[w++] = '*';
        } else {
            memcpy(masked + w, text + v[k].b, l);
            w += l;
        }
    }
    masked[w] = '\0';
    gm_finding f = {.rule = "privacy", .field = field, .category = "address",
                    .severity = GM_SEV_WARN, .term = "address", .match = (char *)text + b0,
                    .start = v[i].cp, .end = v[i].cp + t, .b_start = b0, .b_end = b1,
                    .replacement = masked, .message = "详细住址须去标识化后发布"};
    return gm_findings_add(fs, &f, b1 - b0);
}

static int scan_window(const char *text, size_t len, const cpt *v, size_t n, const char *field,
                       gm_findings *fs)
{
    for (size_t i = 1; i < n; i++) {
        if (!is_road(v[i - 1].c) || !place_before(v, i - 1))
            continue;
        size_t t = tail_len(v, n, i);
        if (t) {
            int rc = emit(text, len, v, n, i, t, field, fs);
            if (rc)
                return rc;
            i += t - 1;
        }
    }
    return 0;
}

/* 1 when p[i] starts a letter or digit of is_alnum (full-width digits
 * are EF BC 90..99). */
static int alnum_at(const unsigned char *p, size_t i, size_t len)
{
    return i < len && (((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z') ||
                       (unsigned)(p[i] - '0') < 10 ||
                       (p[i] == 0xEF && i + 2 < len && p[i + 1] == 0xBC &&
                        (unsigned)(p[i + 2] - 0x90) < 10));
}

/* 1 when the three bytes at p are a road character (路 街 巷 道 弄 里). */
static int road_at(const unsigned char *p)
{
    unsigned key = (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];
    switch (key) {
    case 0xE8B7AF: case 0xE8A197: case 0xE5B7B7: case 0xE98193: case 0xE5BC84: case 0xE9878C:
        return 1;
    }
    return 0;
}

/* 1 when text holds a road character followed right away by a letter or
 * digit: a detailed part starts there or nowhere (tail_len), and 道 alone
 * is common (知道, 报道).  Letters and digits are ASCII or EF xx xx, so
 * the other bytes are passed eight at a time. */
static int has_road(const unsigned char *p, size_t len)
{
    for (size_t i = 3; (i = gm_next_ascii_or_ef(p, i, len, NULL)) < len; i++)
        if (alnum_at(p, i, len) && road_at(p + i - 3))
            return 1;
    return 0;
}

int gm_address_scan(const char *text, size_t len, const char *field, gm_findings *fs)
{
    enum { CHUNK = 512 };
    cpt v[CHUNK];
    size_t n = 0, cp = 0, b = 0;
    /* Quick reject: no road character before a letter or digit, no address. */
    if (!has_road((const unsigned char *)text, len))
        return 0;
    while (b < len) {
        uint32_t c;
        size_t l = gm_utf8_decode((const unsigned char *)text + b, len - b, &c);
        if (!l)
            return GM_E_INVALID;
        v[n++] = (cpt){c, b, cp};
        b += l;
        cp++;
        /* Scan in windows that overlap by the longest address, so a long
         * text costs no more memory than a short one. */
        if (n == CHUNK) {
            int rc = scan_window(text, b, v, n - (PLACE_WINDOW + TAIL_MAX + 2), field, fs);
            if (rc)
                return rc;
            size_t keep = PLACE_WINDOW + TAIL_MAX + 2;
            memmove(v, v + n - keep, keep * sizeof *v);
            n = keep;
        }
    }
    return scan_window(text, len, v, n, field, fs);
}
