/*
 * test_check_evasion.c - REQUIREMENTS §3 "evasion must not work": one test
 * per evasion kind and for combinations, plus the negatives (ordinary
 * letters, digits and Chinese characters between a term's characters
 * break the match, unless one alternates between every two characters of a
 * longer term).  Offsets are checked on every hit.
 */
#include "test_check_helpers.h"

static const char *LEX =
    "赌博\tgambling\tblock\n"
    "六合彩\tgambling\tblock\n"
    "VPN\tads\twarn\n"
    "代开发票\tads\tblock\n"
    "sb\tvulgar\tblock\n";

static int setup(void **state)
{
    *state = checker_with(LEX, NULL);
    return 0;
}

static int teardown(void **state)
{
    gm_checker_unref(*state);
    return 0;
}

static void test_evasion_none_plain_hit(void **state)
{
    expect_one_hit(*state, "他在赌博。", "赌博", "赌博", 2, 4);
}

static void test_evasion_letter_case(void **state)
{
    expect_one_hit(*state, "翻墙用vPn", "VPN", "vPn", 3, 6);
    expect_one_hit(*state, "vpn", "VPN", "vpn", 0, 3);
}

static void test_evasion_fullwidth(void **state)
{
    expect_one_hit(*state, "用ＶＰＮ上网", "VPN", "ＶＰＮ", 1, 4);
    expect_one_hit(*state, "用ｖｐｎ", "VPN", "ｖｐｎ", 1, 4);
}

static void test_evasion_traditional(void **state)
{
    expect_one_hit(*state, "參與賭博", "赌博", "賭博", 2, 4);
    expect_one_hit(*state, "代開發票", "代开发票", "代開發票", 0, 4);
}

static void test_evasion_whitespace(void **state)
{
    expect_one_hit(*state, "赌 博", "赌博", "赌 博", 0, 3);
    expect_one_hit(*state, "赌\t\n博", "赌博", "赌\t\n博", 0, 4);
    expect_one_hit(*state, "赌\u3000博", "赌博", "赌\u3000博", 0, 3);   /* ideographic space */
    expect_one_hit(*state, "V P N", "VPN", "V P N", 0, 5);
}

static void test_evasion_ascii_punctuation(void **state)
{
    expect_one_hit(*state, "赌.博", "赌博", "赌.博", 0, 3);
    expect_one_hit(*state, "六-合_彩", "六合彩", "六-合_彩", 0, 5);
    expect_one_hit(*state, "V.P.N", "VPN", "V.P.N", 0, 5);
}

static void test_evasion_cjk_punctuation(void **state)
{
    expect_one_hit(*state, "赌，博", "赌博", "赌，博", 0, 3);
    expect_one_hit(*state, "六、合。彩", "六合彩", "六、合。彩", 0, 5);
    expect_one_hit(*state, "「赌」「博」", "赌博", "赌」「博", 1, 5);
}

static void test_evasion_symbols(void **state)
{
    expect_one_hit(*state, "赌★博", "赌博", "赌★博", 0, 3);
    expect_one_hit(*state, "赌$博", "赌博", "赌$博", 0, 3);
    expect_one_hit(*state, "六→合＋彩", "六合彩", "六→合＋彩", 0, 5);
}

static void test_evasion_emoji(void **state)
{
    expect_one_hit(*state, "赌😀博", "赌博", "赌😀博", 0, 3);
    /* skin tone modifier and a ZWJ family: several code points of noise */
    expect_one_hit(*state, "赌👍🏻博", "赌博", "赌👍🏻博", 0, 4);
    expect_one_hit(*state, "赌👨‍👩‍👧博", "赌博", "赌👨‍👩‍👧博", 0, 7);
}

/* An emoji keycap (1️⃣, #⃣) is an emoji: noise, not a digit that breaks
 * the match; a bare digit still breaks it (赌1博, below). */
/* Session 25: a character that is a word elsewhere (一, 乂, a Latin x) put
 * between every two characters of a term of three or more is a separator
 * (代一开一发一票), noise around it or not; a term of two characters (赌一博:
 * an inserted word since session 26, a warning, test_check_inserted_masked.c),
 * a term with a separator missing (代一开一发票), idioms (一心一意) and a
 * homophone read through the separators (带一开一发一票: words share
 * characters, 政务服务数 alternates 务) are none. */
static void test_evasion_word_character_between_every_two(void **state)
{
    expect_one_hit(*state, "代一开一发一票", "代开发票", "代一开一发一票", 0, 7);
    expect_one_hit(*state, "今天代 一 开 一 发 一 票", "代开发票", "代 一 开 一 发 一 票", 2, 15);
    expect_one_hit(*state, "六一合一彩", "六合彩", "六一合一彩", 0, 5);
    expect_one_hit(*state, "六x合x彩开奖", "六合彩", "六x合x彩", 0, 5);
    expect_clean(*state, "代一开一发票");
    expect_clean(*state, "他一心一意地工作");
    expect_clean(*state, "带一开一发一票");
    expect_clean(*state, "六1合1彩");
}

static void test_evasion_emoji_keycap_is_noise(void **state)
{
    expect_one_hit(*state, "赌1\ufe0f\u20e3博", "赌博", "赌1\ufe0f\u20e3博", 0, 5);
    expect_one_hit(*state, "六#\u20e3合*\ufe0f\u20e3彩", "六合彩", "六#\u20e3合*\ufe0f\u20e3彩", 0, 8);
    expect_one_hit(*state, "他在赌博9\ufe0f\u20e3", "赌博", "赌博", 2, 4);
    expect_clean(*state, "赌1博");
    expect_clean(*state, "赌1\ufe0f博");   /* a digit with VS16 alone is still a digit */
}

/* Characters split by combining marks, CJK compatibility ideographs and
 * Kangxi radicals (folded by NFKC), one character a line (vertical text),
 * runs of repeated punctuation. */
static void test_evasion_split_and_compatibility_forms(void **state)
{
    expect_one_hit(*state, "赌\u0301博", "赌博", "赌\u0301博", 0, 3);
    expect_one_hit(*state, "六\u20dd合\u20dd彩", "六合彩", "六\u20dd合\u20dd彩", 0, 5);
    expect_one_hit(*state, "\uf9d1合彩", "六合彩", "\uf9d1合彩", 0, 3);   /* compatibility 六 */
    expect_one_hit(*state, "六\n合\r\n彩", "六合彩", "六\n合\r\n彩", 0, 6);
    expect_one_hit(*state, "赌!!!!博", "赌博", "赌!!!!博", 0, 6);
    expect_one_hit(*state, "六。。。合~~彩", "六合彩", "六。。。合~~彩", 0, 8);
}

/* Session 23: letters that look like a separator (ー, ㅡ, ᐧ by ICU's
 * confusable skeletons) are noise too.  (Radicals: test_check_sound.c.) */
static void test_evasion_letters_that_look_like_separators(void **state)
{
    expect_one_hit(*state, "代\u30fc开\u30fc发\u30fc票", "代开发票", "代\u30fc开\u30fc发\u30fc票", 0, 7);
    expect_one_hit(*state, "代\u3161开\u3161发\u3161票", "代开发票", "代\u3161开\u3161发\u3161票", 0, 7);
    expect_one_hit(*state, "赌\u1427博", "赌博", "赌\u1427博", 0, 3);
}

/* Session 24: letters that look like a bar (ǀ and ㅣ, whose skeletons are
 * those of | and 丨), the strokes 丨 丶 丿 used as a bar or a slash, letters
 * NamesList.txt cross-refers to the middle dot (ˑ, ꞏ), Lisu tone letters (ꓸ)
 * and loose Hangul letters (ㆍ) are separators; a Latin l, a Greek capital
 * iota and the word 一 are none: the iota breaks the match, l and 一 are
 * read since session 26 as a filler and an inserted word, only a warning
 * (test_check_inserted_masked.c). */
static void test_evasion_letters_and_strokes_that_look_like_a_bar_or_a_dot(void **state)
{
    expect_one_hit(*state, "赌\u01c0博", "赌博", "赌\u01c0博", 0, 3);
    expect_one_hit(*state, "六\u318d合\u318d彩", "六合彩", "六\u318d合\u318d彩", 0, 5);
    expect_one_hit(*state, "赌\u4e28博", "赌博", "赌\u4e28博", 0, 3);
    expect_one_hit(*state, "六\u4e3f合\u4e3f彩", "六合彩", "六\u4e3f合\u4e3f彩", 0, 5);
    expect_one_hit(*state, "赌\u3163博", "赌博", "赌\u3163博", 0, 3);
    expect_one_hit(*state, "赌\u02d1博", "赌博", "赌\u02d1博", 0, 3);
    expect_one_hit(*state, "赌\ua78f博", "赌博", "赌\ua78f博", 0, 3);
    expect_one_hit(*state, "赌\ua4f8博", "赌博", "赌\ua4f8博", 0, 3);
    expect_clean(*state, "赌\u0399博");
    expect_one_lexicon(*state, "赌l博", "赌博", "inserted", "warn");
    expect_one_lexicon(*state, "赌一博", "赌博", "inserted", "warn");
}

/* Session 24: a rare variant form (Unihan kZVariant / kSemanticVariant naming
 * one GB 2312 character) or a Japanese shinjitai form (OpenCC jp2t) is the
 * common character; common characters never fold (芸 is not 艺). */
static void test_evasion_rare_variant_and_shinjitai_forms(void **state)
{
    expect_one_hit(*state, "賭愽", "赌博", "賭愽", 0, 2);   /* 愽: a variant of 博 */
    expect_one_hit(*state, "代开\u767a票", "代开发票", "代开\u767a票", 0, 4);   /* 発 */
    expect_one_hit(*state, "代\u958b\u767a票", "代开发票", "代\u958b\u767a票", 0, 4);
    expect_clean(*state, "芸豆");
}

static void test_evasion_zero_width(void **state)
{
    expect_one_hit(*state, "赌\u200b博", "赌博", "赌\u200b博", 0, 3);
    expect_one_hit(*state, "赌\u200c\u200d博", "赌博", "赌\u200c\u200d博", 0, 4);
    expect_one_hit(*state, "赌\ufeff博", "赌博", "赌\ufeff博", 0, 3);
    expect_one_hit(*state, "赌\u2060博", "赌博", "赌\u2060博", 0, 3);
}

static void test_evasion_combining_marks(void **state)
{
    expect_one_hit(*state, "v\u0301p\u0308n", "VPN", "v\u0301p\u0308n", 0, 5);
    expect_one_hit(*state, "vṗn", "VPN", "vṗn", 0, 3);
}

static void test_evasion_repeated_characters(void **state)
{
    expect_one_hit(*state, "赌赌赌博", "赌博", "赌赌赌博", 0, 4);
    expect_one_hit(*state, "赌博博博了", "赌博", "赌博博博", 0, 4);
    expect_one_hit(*state, "六六合合彩彩", "六合彩", "六六合合彩彩", 0, 6);
}

static void test_evasion_combined(void **state)
{
    /* traditional + noise + repeats + full width + emoji + zero width */
    expect_one_hit(*state, "賭 賭😀，博\u200b博", "赌博", "賭 賭😀，博\u200b博", 0, 8);
    expect_one_hit(*state, "ｖ.P\u200bｎ", "VPN", "ｖ.P\u200bｎ", 0, 5);
    expect_one_hit(*state, "代 開✨發…票", "代开发票", "代 開✨發…票", 0, 7);
    expect_one_hit(*state, "六 六.合.彩！", "六合彩", "六 六.合.彩", 0, 7);
}

static void test_negative_split_by_letters(void **state)
{
    /* one lone letter between two characters is a filler, a warning
     * (赌a博: test_check_inserted_masked.c); a word of letters breaks */
    expect_clean(*state, "赌ab博");
    expect_clean(*state, "V.x.P.N");
}

static void test_negative_split_by_digits(void **state)
{
    expect_clean(*state, "赌1博");
    expect_clean(*state, "六2合彩");
}

static void test_negative_split_by_chinese(void **state)
{
    expect_clean(*state, "赌场与博物馆");
    expect_clean(*state, "六月合唱彩排");
}

static void test_latin_term_matches_whole_words_only(void **state)
{
    expect_one_hit(*state, "你个SB", "sb", "SB", 2, 4);
    expect_one_hit(*state, "a sb!", "sb", "sb", 2, 4);
    expect_one_hit(*state, "傻ｓ.ｂ了", "sb", "ｓ.ｂ", 1, 4);
    expect_one_hit(*state, "s b!", "sb", "s b", 0, 3);
    expect_clean(*state, "This bad idea");   /* "s b" spans two words */
    expect_clean(*state, "abs boot");
    expect_clean(*state, "sb1");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_evasion_none_plain_hit),
        cmocka_unit_test(test_evasion_letter_case),
        cmocka_unit_test(test_evasion_fullwidth),
        cmocka_unit_test(test_evasion_traditional),
        cmocka_unit_test(test_evasion_whitespace),
        cmocka_unit_test(test_evasion_ascii_punctuation),
        cmocka_unit_test(test_evasion_cjk_punctuation),
        cmocka_unit_test(test_evasion_symbols),
        cmocka_unit_test(test_evasion_emoji),
        cmocka_unit_test(test_evasion_zero_width),
        cmocka_unit_test(test_evasion_rare_variant_and_shinjitai_forms),
        cmocka_unit_test(test_evasion_letters_that_look_like_separators),
        cmocka_unit_test(test_evasion_letters_and_strokes_that_look_like_a_bar_or_a_dot),
        cmocka_unit_test(test_evasion_word_character_between_every_two),
        cmocka_unit_test(test_evasion_emoji_keycap_is_noise),
        cmocka_unit_test(test_evasion_split_and_compatibility_forms),
        cmocka_unit_test(test_evasion_combining_marks),
        cmocka_unit_test(test_evasion_repeated_characters),
        cmocka_unit_test(test_evasion_combined),
        cmocka_unit_test(test_negative_split_by_letters),
        cmocka_unit_test(test_negative_split_by_digits),
        cmocka_unit_test(test_negative_split_by_chinese),
        cmocka_unit_test(test_latin_term_matches_whole_words_only),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
