/*
 * context_offer.c - advert cues found by their shape rather than by a word,
 * for the enforcement-context grammar (context.c): what a seller states
 * and official prose does not, whatever enforcement word stands beside it
 * (反诈宣传月特惠，X充一百送五十):
 *
 *  - a price offer: 充, 满, 买 or 存, a number, then 送, 减, 返 or 赠 and a
 *    number (充100送50, 满300减50, 充五百送两百, 买一送一);
 *  - a mobile number, plain or masked as adverts mask it to slip past
 *    scanners (138****5678, 139xxxx0000, 13900000000).
 *
 * They are added to the text's advert cues before gm_context_prepare drops
 * the cues official wording itself fights (凡是充100送50的都是诈骗).
 */
#include <stdlib.h>
#include <string.h>

#include "check/checker_int.h"
#include "check/normalize.h"
#include "util/grow.h"

#define N(a) (sizeof a / sizeof *a)

/* Chinese numerals a price is written with (一百, 两百, 五十). */
static const char *const numerals[] = {"一", "二", "两", "三", "四", "五", "六", "七", "八",
                                       "九", "十", "百", "千", "万", "零"};

/* Bytes of the number at b (ASCII or full-width digits, Chinese numerals),
 * or 0. */
static size_t number_at(const char *text, size_t len, size_t b)
{
    size_t at = b;
    for (;;) {
        if (at < len && text[at] >= '0' && text[at] <= '9') {
            at++;
            continue;
        }
        if (at + 3 <= len && (unsigned char)text[at] == 0xEF &&
            (unsigned char)text[at + 1] == 0xBC && (unsigned char)text[at + 2] >= 0x90 &&
            (unsigned char)text[at + 2] <= 0x99) {
            at += 3;   /* ０-９ */
            continue;
        }
        size_t i;
        for (i = 0; i < N(numerals); i++)
            if (at + 3 <= len && memcmp(text + at, numerals[i], 3) == 0)
                break;
        if (i == N(numerals))
            break;
        at += 3;
    }
    return at - b;
}

static void add_cue(gm_hits *advert, const char *text, size_t b_start, size_t b_end)
{
    if (gm_grow((void **)&advert->v, &advert->cap, advert->n + 1, sizeof *advert->v))
        return;   /* out of memory: one cue fewer */
    size_t cp = gm_utf8_count(text, b_start);
    advert->v[advert->n++] =
        (gm_hit){.term = UINT32_MAX, .cp_start = cp,
                 .cp_end = cp + gm_utf8_count(text + b_start, b_end - b_start),
                 .b_start = b_start, .b_end = b_end};
}

/* 充100送50 at b (b at 充 or one of the other verbs): its end, or 0. */
static size_t price_offer_at(const char *text, size_t len, size_t b)
{
    static const char *const pay[] = {"充", "满", "买", "存"}, *const get[] = {"送", "减", "返",
                                                                              "赠"},
                             *const units[] = {"元", "块", "单"};
    size_t i, n, at;
    for (i = 0; i < N(pay); i++)
        if (b + 3 <= len && memcmp(text + b, pay[i], 3) == 0)
            break;
    if (i == N(pay) || !(n = number_at(text, len, b + 3)))
        return 0;
    at = b + 3 + n;
    for (i = 0; i < N(units); i++)
        if (at + 3 <= len && memcmp(text + at, units[i], 3) == 0) {
            at += 3;
            break;
        }
    for (i = 0; i < N(get); i++)
        if (at + 3 <= len && memcmp(text + at, get[i], 3) == 0)
            break;
    if (i == N(get) || !(n = number_at(text, len, at + 3)))
        return 0;
    return at + 3 + n;
}

/* A mobile number at b: 1, 3-9, then nine digits of which a run in the
 * middle may be masked (*, x, X); not inside a longer run of digits. */
static size_t mobile_at(const char *text, size_t len, size_t b)
{
    if (b + 11 > len || text[b] != '1' || text[b + 1] < '3' || text[b + 1] > '9' ||
        (b > 0 && text[b - 1] >= '0' && text[b - 1] <= '9'))
        return 0;
    for (size_t i = 2; i < 11; i++) {
        char c = text[b + i];
        int masked = i >= 3 && i <= 6 && (c == '*' || c == 'x' || c == 'X');
        if (!masked && (c < '0' || c > '9'))
            return 0;
    }
    return b + 11 < len && text[b + 11] >= '0' && text[b + 11] <= '9' ? 0 : b + 11;
}

/* The first two bytes of 充 (E5 85), 满 (E6 BB), 买 (E4 B9) or 存 (E5 AD):
 * most characters are none, and are passed over without a comparison. */
static int pay_lead(unsigned char c, unsigned char d)
{
    return (c == 0xE5 && (d == 0x85 || d == 0xAD)) || (c == 0xE6 && d == 0xBB) ||
           (c == 0xE4 && d == 0xB9);
}

void gm_context_offer_cues(gm_hits *advert, const char *text, size_t len)
{
    for (size_t b = 0; b < len; b++) {
        unsigned char c = (unsigned char)text[b];
        size_t end = 0;
        if (c == '1')
            end = mobile_at(text, len, b);
        else if (b + 1 < len && pay_lead(c, (unsigned char)text[b + 1]))
            end = price_offer_at(text, len, b);
        if (end) {
            add_cue(advert, text, b, end);
            b = end - 1;
        }
    }
}
