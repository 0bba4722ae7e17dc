#!/usr/bin/env python3
"""gen_lookalike.py - builds src/check's table of stand-ins at build time:
what a writer puts in place of a Latin letter or a Chinese character so that
a term no longer matches literally.

Inputs (Debian packages, see scripts/install-deps.sh):
  libicu72 (libicu-dev)  ICU's confusable skeletons (uspoof_getSkeleton, the
                data of Unicode's confusables.txt, UTS #39): Cyrillic, Greek
                and IPA letters that look like a Latin letter (а е о р с ѕ і
                ԁ һ, α ο υ ν, ɑ ɡ);
  unicode-data  UnicodeData.txt: enclosed letters NFKC leaves alone (negative
                circled and squared letters 🅓 🅳, regional indicators 🇩),
                by their names; EquivalentUnifiedIdeograph.txt: the CJK
                radicals that stand for a character (⻩ for 黄, ⻢ for 马);
                Unihan_NumericValues.txt.bz2 (kPrimaryNumeric): the Chinese
                numeral a digit is read as (6 for 六 in 6合彩);
                NamesList.txt: letters cross-referred to a punctuation mark
                (ˑ, ꞏ: the middle dot); Unihan_Variants.txt.bz2 (kZVariant,
                kSemanticVariant) and Unihan_IRGSources.txt.bz2 (G0, GB 2312):
                rare variant forms of a common character (躶 for 裸);
  opencc        the opencc tool's jp2t and t2s: Japanese shinjitai forms of a
                common character (発 for 发, 仮 for 假);
  unicode-cldr-core  annotations/zh.xml: emoji whose Chinese name (tts) is one
                character (🐎 马, 🐔 鸡, 🍑 桃, ➕ 加), which a writer uses for
                that character's sound;
  rime-data-bopomofo  zhuyin.yaml (pinyin_to_zhuyin) and bopomofo.schema.yaml
                (its transliteration to ㄅㄆㄇㄈ): the bopomofo spelling of every
                toneless syllable of Unihan's readings (gen_pinyin.py's).
Output: one C file with
  gm_la_letters[]     {code point, 'a'-'z'} sorted: letters that look like one
  gm_la_ideographs[]  {code point, unified ideograph} sorted: radicals
  gm_la_variants[]    {code point, common character} sorted: rare forms
  gm_la_separators[]  sorted letters that look like a separator (ᐧ ー ㅡ)
  gm_la_numerals[10]  the numeral character of each digit 0-9
  gm_la_emoji[]       {code point, character} sorted
  gm_la_zhuyin[]      {bopomofo letters packed 16 bits each, "pinyin"} sorted
Usage: gen_lookalike.py OUT.c
"""
import bz2
import ctypes
import os
import glob
import re
import subprocess
import sys
import unicodedata

UCD = "/usr/share/unicode"
RIME = "/usr/share/rime-data"
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_pinyin  # noqa: E402  (the syllables the engine knows)
CLDR_ZH = "/usr/share/unicode/cldr/common/annotations/zh.xml"
# Scripts whose letters can pass for Latin ones in a pinyin spelling.
LETTER_BLOCKS = [(0x00C0, 0x02AF), (0x0370, 0x052F), (0x1D00, 0x1DBF), (0x2100, 0x214F),
                 (0xA640, 0xA69F), (0xAB30, 0xAB6F)]


class Skeleton:
    """ICU's uspoof_getSkeleton through ctypes (the C library, no binding)."""

    def __init__(self):
        libs = sorted(glob.glob("/usr/lib/*/libicui18n.so.*[0-9]"))
        if not libs:
            sys.exit("gen_lookalike.py: ICU (libicui18n) not found; install libicu-dev")
        ver = re.search(r"\.so\.(\d+)", libs[0]).group(1)
        self.lib = ctypes.CDLL(libs[0])
        status = ctypes.c_int(0)
        opener = self.fn("uspoof_open", ver)
        opener.restype = ctypes.c_void_p
        self.sc = opener(ctypes.byref(status))
        if status.value > 0:
            sys.exit("gen_lookalike.py: uspoof_open failed (%d)" % status.value)
        self.get = self.fn("uspoof_getSkeleton", ver)
        self.get.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int32,
                             ctypes.c_char_p, ctypes.c_int32, ctypes.POINTER(ctypes.c_int)]

    def fn(self, name, ver):
        for n in (name + "_" + ver, name):
            if hasattr(self.lib, n):
                return getattr(self.lib, n)
        sys.exit("gen_lookalike.py: ICU has no %s" % name)

    def __call__(self, s):
        src = s.encode("utf-16-le")
        buf = ctypes.create_string_buffer(256)
        status = ctypes.c_int(0)
        n = self.get(self.sc, 0, src, len(src) // 2, buf, 128, ctypes.byref(status))
        return buf.raw[:n * 2].decode("utf-16-le") if status.value <= 0 else ""


def folded(ch):
    return unicodedata.normalize("NFKC", ch).casefold()


def lookalike_letters():
    """{code point: 'a'-'z'} of letters that are no Latin letter after NFKC
    and case folding but look like one."""
    skel = Skeleton()
    out = {}
    for lo, hi in LETTER_BLOCKS:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            if not unicodedata.category(ch).startswith("L"):
                continue
            f = folded(ch)
            if len(f) != 1 or ("a" <= f <= "z") or unicodedata.category(f)[0] != "L":
                continue   # NFKC already makes it a Latin letter (or several)
            s = skel(f)
            if len(s) == 1 and "a" <= s <= "z" and s != "l":   # l: I and 1 look alike too
                out[cp] = s
    names = re.compile(r"^(?:NEGATIVE (?:CIRCLED|SQUARED) LATIN CAPITAL LETTER|"
                       r"REGIONAL INDICATOR SYMBOL LETTER) ([A-Z])$")
    with open(UCD + "/UnicodeData.txt", encoding="utf-8") as f:
        for line in f:
            p = line.split(";")
            m = names.match(p[1])
            if m:
                out[int(p[0], 16)] = m.group(1).lower()
    return out


# Scripts with letters that can pass for a separator between characters.
SEPARATOR_BLOCKS = [(0x00C0, 0x02FF), (0x0370, 0x052F), (0x1400, 0x167F), (0x3040, 0x30FF),
                    (0x3130, 0x318F), (0xA4D0, 0xA4FF), (0xA640, 0xA69F), (0xA700, 0xA7FF),
                    (0xFF61, 0xFFDC)]
# CJK strokes written between characters as a bar or a slash (赌丨博, 六丶合丶彩).
STROKES = (0x4E28, 0x4E36, 0x4E3F)


def names_list_crossrefs():
    """{code point: [code points]} of NamesList.txt's cross-references
    (lines "x (middle dot - 00B7)") and aliases naming a mark ("= pipe")."""
    out, cur = {}, None
    with open(UCD + "/NamesList.txt", encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^([0-9A-F]{4,6})\t", line)
            if m:
                cur = int(m.group(1), 16)
                continue
            m = re.match(r"^\tx \(.* - ([0-9A-F]{4,6})\)$", line)
            if m and cur is not None:
                out.setdefault(cur, []).append(int(m.group(1), 16))
    return out


def separator_letters():
    """Letters that look like a punctuation mark, like 一 (a dash) or like a
    bar (| and 丨) by ICU's skeletons -- ᐧ (·), ー and ㅡ (a dash), ǃ (!), ʼ
    ('), ǀ and ㅣ (a bar) -- or that NamesList.txt cross-refers to a
    punctuation mark (ˑ and ꞏ to the middle dot): noise between a term's
    characters.  Hangul compatibility letters stand alone (Korean is written
    in syllables, which stay letters) and count too (ㆍ).  Kana letters proper
    (く, ノ), Latin letters and cased letters of other scripts (Greek Ι) stay
    letters; of CJK ideographs only the strokes used as a bar or a slash."""
    skel = Skeleton()
    dash, bars = skel("\u4e00"), {skel("|"), skel("\u4e28")}
    xref = names_list_crossrefs()
    out = []
    for lo, hi in SEPARATOR_BLOCKS + [(c, c) for c in STROKES]:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            cat = unicodedata.category(ch)
            if not cat.startswith("L") or (cat == "Lo" and (0x3040 <= cp <= 0x30FF or
                                                             0xFF66 <= cp <= 0xFF9D)):
                continue
            s = skel(unicodedata.normalize("NFKC", ch))
            if (len(s) == 1 and (unicodedata.category(s)[0] in "PS" or s == dash)) or \
                    (cat in ("Lo", "Lm") and (s in bars or set(s) <= {"l"}) and
                     not unicodedata.normalize("NFKC", ch).isascii()) or \
                    any(unicodedata.category(chr(x))[0] == "P" for x in xref.get(cp, ())) or \
                    0x3131 <= cp <= 0x318E:
                out.append(cp)
    return sorted(set(out))


def radicals():
    """{radical: unified ideograph} of EquivalentUnifiedIdeograph.txt."""
    out = {}
    with open(UCD + "/EquivalentUnifiedIdeograph.txt", encoding="utf-8") as f:
        for line in f:
            p = line.split("#")[0].split(";")
            if len(p) != 2:
                continue
            target = int(p[1].strip(), 16)
            for cp in range(*(lambda r: (int(r[0], 16), int(r[-1], 16) + 1))(p[0].strip().split(".."))):
                out[cp] = target
    return out


def gb2312():
    """The common characters: Unihan kIRG_GSource G0 (GB 2312)."""
    out = set()
    with bz2.open(UCD + "/Unihan_IRGSources.txt.bz2", "rt", encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) == 3 and p[1] == "kIRG_GSource" and p[2].startswith("G0-"):
                out.add(int(p[0][2:], 16))
    return out


def opencc_chars(config, cps):
    """OpenCC's conversion of each character of cps alone (the opencc tool)."""
    text = "\n".join(chr(c) for c in cps) + "\n"
    out = subprocess.run(["opencc", "-c", config], input=text, capture_output=True, text=True,
                         check=True).stdout.split("\n")
    return {c: o for c, o in zip(cps, out)}


def variant_forms():
    """{rare form: common character}: a character outside GB 2312 that
    OpenCC's t2s leaves alone but that is a Japanese shinjitai form (OpenCC
    jp2t, then t2s: 発 -> 發 -> 发, 仮 -> 假) or whose Unihan kZVariant /
    kSemanticVariant names exactly one GB 2312 character (躶 -> 裸, 愽 -> 博,
    婬 -> 淫, 祕 -> 秘).  Common characters are never folded (芸 stays 芸)."""
    common = gb2312()
    rare = [c for c in range(0x3400, 0xA000) if c not in common and
            unicodedata.category(chr(c)) == "Lo"]
    t2s = opencc_chars("t2s.json", rare)
    rare = [c for c in rare if t2s[c] == chr(c)]
    jp = opencc_chars("jp2t.json", rare)
    shin = [c for c in rare if jp[c] != chr(c) and len(jp[c]) == 1]
    conv = opencc_chars("t2s.json", sorted({ord(jp[c]) for c in shin}))
    jp_s = {c: conv[ord(jp[c])] for c in shin}
    variants = {}
    with bz2.open(UCD + "/Unihan_Variants.txt.bz2", "rt", encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) == 3 and p[1] in ("kZVariant", "kSemanticVariant"):
                for v in p[2].split():
                    variants.setdefault(int(p[0][2:], 16), set()).add(int(v.split("<")[0][2:], 16))
    out = {}
    for c in rare:
        s = jp_s.get(c, "")
        if len(s) == 1 and ord(s) in common:
            out[c] = ord(s)
            continue
        targets = variants.get(c, set()) & common
        if len(targets) == 1:
            out[c] = targets.pop()
    return out


def numerals():
    """The numeral character of each digit: of the URO characters whose
    kPrimaryNumeric is the digit, the first (一 二 三 … 九, 零)."""
    best = {}
    with bz2.open(UCD + "/Unihan_NumericValues.txt.bz2", "rt", encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) != 3 or p[1] != "kPrimaryNumeric" or not p[2].isdigit():
                continue
            cp, v = int(p[0][2:], 16), int(p[2])
            if v <= 9 and 0x4E00 <= cp <= 0x9FFF and cp < best.get(v, 0x110000):
                best[v] = cp
    if sorted(best) != list(range(10)):
        sys.exit("gen_lookalike.py: kPrimaryNumeric lacks a digit")
    return [best[d] for d in range(10)]


def emoji():
    """{emoji: character} of CLDR's Chinese emoji names of one character."""
    out = {}
    pat = re.compile(r'<annotation cp="([^"]+)" type="tts">([^<]+)</annotation>')
    with open(CLDR_ZH, encoding="utf-8") as f:
        for m in pat.finditer(f.read()):
            e, name = m.group(1).replace("\ufe0f", ""), m.group(2)
            if len(e) == 1 and ord(e) >= 0x2000 and len(name) == 1 and \
                    0x4E00 <= ord(name) <= 0x9FFF:
                out[ord(e)] = ord(name)
    return out


RIME_RULE = re.compile(r"""^- *['"]?(xform|xlit)(.)(.*?)\2(.*?)\2['"]?(\s*#.*)?$""")


def rime_rules(path, key):
    """The xform/xlit rules of a rime YAML list after the line starting with
    key: [(op, from, to)]."""
    out, on = [], False
    with open(path, encoding="utf-8") as f:
        for line in f:
            st = line.strip()
            if st.startswith(key):
                on = True
                continue
            if on:
                m = RIME_RULE.match(st)
                if m:
                    out.append((m.group(1), m.group(3), m.group(4)))
                elif out and st and not st.startswith("__"):
                    break
    return out


def zhuyin():
    """{bopomofo spelling: toneless syllable}: rime's pinyin_to_zhuyin
    rules, then the bopomofo schema's transliteration (its last xlit)."""
    xform = rime_rules(RIME + "/zhuyin.yaml", "pinyin_to_zhuyin:")
    xlit = [r for r in rime_rules(RIME + "/bopomofo.schema.yaml", "comment_format:")
            if r[0] == "xlit"]
    if not xform or not xlit:
        sys.exit("gen_lookalike.py: rime-data-bopomofo's rules not found")
    src, dst = xlit[-1][1], xlit[-1][2]
    unihan = gen_pinyin.read_unihan(UCD + "/Unihan_Readings.txt.bz2")
    out = {}
    for syl in sorted({r for rs in unihan.values() for r in rs}):
        s = syl
        for _, a, b in xform:
            s = re.sub(a, re.sub(r"\$(\d)", r"\\\1", b), s)
        z = "".join(dst[src.index(c)] if c in src else c for c in s)
        if 0 < len(z) <= 4 and all(0x3105 <= ord(c) <= 0x312F for c in z):
            out.setdefault(z, syl)   # ㄨㄥ: weng before wong
    return out


def pairs(name, d, fmt):
    lines = ["const gm_la_pair %s[] = {" % name]
    lines += ["    {0x%X, %s}," % (k, fmt(d[k])) for k in sorted(d)]
    lines += ["};", "const unsigned %s_count = %d;" % (name, len(d)), ""]
    return lines


def main():
    lines = ["/* Generated by scripts/gen_lookalike.py from ICU, Unicode and CLDR data"
             " - do not edit. */", "#include \"check/lookalike_data.h\"", ""]
    lines += pairs("gm_la_letters", lookalike_letters(), lambda v: "'%s'" % v)
    lines += pairs("gm_la_ideographs", radicals(), lambda v: "0x%X" % v)
    lines += pairs("gm_la_variants", variant_forms(), lambda v: "0x%X" % v)
    sep = separator_letters()
    lines += ["const unsigned gm_la_separators[] = {%s};" % ", ".join("0x%X" % c for c in sep),
              "const unsigned gm_la_separators_count = %d;" % len(sep), ""]
    lines += ["const unsigned gm_la_numerals[10] = {%s};" %
              ", ".join("0x%X" % c for c in numerals()), ""]
    lines += pairs("gm_la_emoji", emoji(), lambda v: "0x%X" % v)
    zy = {sum((ord(c) & 0xFFFF) << (16 * (3 - i)) for i, c in enumerate(z)): syl
          for z, syl in zhuyin().items()}
    lines += ["const gm_la_zhuyin_pair gm_la_zhuyin[] = {"]
    lines += ['    {0x%XULL, "%s"},' % (k, zy[k]) for k in sorted(zy)]
    lines += ["};", "const unsigned gm_la_zhuyin_count = %d;" % len(zy), ""]
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
