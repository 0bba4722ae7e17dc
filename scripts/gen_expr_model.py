#!/usr/bin/env python3
"""Builds the typo model of the expression check (错别字检查) at build time.

Run by CMake (see CMakeLists.txt) into the build directory; never committed.
Inputs are maintained Debian data, read from where the packages install them:
  * python3-jieba   /usr/lib/python3/dist-packages/jieba/dict.txt
                    ~349,000 Chinese words with corpus frequencies (the
                    dictionary of the jieba segmenter): the word list and its
                    frequencies.
  * unicode-data    /usr/share/unicode/Unihan_Readings.txt.bz2
                    kMandarin, kHanyuPinlu, kXHC1983, kHanyuPinyin readings:
                    same-reading (toneless) confusion sets; kMandarin also
                    fuzzy-pinyin confusions of the same tone (zh/z, ch/c,
                    sh/s, n/l, h/f, ang/an, eng/en, ing/in: the slips of
                    an input method set to accept them, 琴形 for 情形).
                    /usr/share/unicode/Unihan_IRGSources.txt.bz2
                    kIRG_GSource G0 (GB 2312): the common characters a
                    correction may propose.
  * rime-data-wubi  /usr/share/rime-data/wubi86.dict.yaml
                    Wubi 86 codes, which spell a character by its shape
                    components: codes differing in one key = similar shape
                    (and the typical 五笔 input slip, 扫黑除恶 -> 扫黑险恶).
  * rime-data-stroke /usr/share/rime-data/stroke.dict.yaml
                    stroke sequences (h s p n z): one stroke more or less
                    (白/自, 木/术) or a 2-3 stroke component added on the
                    left (台/治, 言/信, 完/院) = similar shape.
  * unicode-data    /usr/share/unicode/Unihan_Variants.txt.bz2
                    kSemanticVariant, kZVariant, kTraditionalVariant,
                    kSimplifiedVariant: standard variants (V records).
  * unicode-data    /usr/share/unicode/Unihan_DictionaryLikeData.txt.bz2
                    kCangjie: Cangjie codes spell a character by its
                    components (部 YRNL = 立 口 + 阝); with
                    Unihan_IRGSources.txt.bz2 kRSUnicode (radical) the
                    shapes of listed names' near misses below.
Output (UTF-8 text, one record a line):
  W<TAB>word<TAB>frequency     every word of 1-4 CJK characters (U+4E00-U+9FFF)
  R<TAB>char<TAB>ids           the character's readings without tones
                               (kMandarin, kHanyuPinlu, kXHC1983: the
                               readings in use, not every historical one) as
                               syllable numbers (1 = the first syllable in
                               alphabetical order), space-separated: words
                               of the same syllables are homophones
  S<TAB>char<TAB>characters   similar shapes by Cangjie code that are no
                               member of the C record, for the near misses
                               of listed names and office-holders only (any
                               character of a Chinese source, GB 2312 or
                               not): codes of 3+ keys differing in one key
                               (部 YRNL / 郜 HRNL / 郃 ORNL), or the same
                               radical written first (its code's first and
                               last key) and a rest of 1-2 keys (走 GO:
                               赵 GOK / 越 GOIV)
  V<TAB>char<TAB>characters   its standard variants: GB 2312 characters that
                               Unihan's Unihan_Variants.txt calls the same
                               character (kSemanticVariant, kZVariant),
                               directly or through their traditional forms
                               (帐 / 账 by 帳 ~ 賬): a change from one to the
                               other inside a word the model knows spelt
                               both ways is no slip (账号 / 帐号)
  C<TAB>char<TAB>candidates<TAB>kinds
                               characters a slip for `char` may stand for, and
                               per candidate a digit: 2 = a same reading with
                               the same tone (kMandarin), 1 = a same reading
                               without tones, 0 = similar shape or a
                               fuzzy-pinyin reading of the same tone only
Usage: gen_expr_model.py OUT [JIEBA_DICT UNIHAN_DIR WUBI_DICT STROKE_DICT]
"""
import bz2
import collections
import os
import re
import sys
import unicodedata

OUT = sys.argv[1]
JIEBA = sys.argv[2] if len(sys.argv) > 2 else "/usr/lib/python3/dist-packages/jieba/dict.txt"
UNIHAN = sys.argv[3] if len(sys.argv) > 3 else "/usr/share/unicode"
WUBI = sys.argv[4] if len(sys.argv) > 4 else "/usr/share/rime-data/wubi86.dict.yaml"
STROKE = sys.argv[5] if len(sys.argv) > 5 else "/usr/share/rime-data/stroke.dict.yaml"
READING_KEYS = ("kMandarin", "kHanyuPinlu", "kXHC1983", "kHanyuPinyin")
WORD_READING_KEYS = READING_KEYS[:3]   # readings in use today
MAX_READINGS = 4                       # typo_model.h GM_TYPO_READINGS
TONELESS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü", "aaaaeeeeiiiioooouuuuvvvvv")


def is_cjk(ch):
    return 0x4E00 <= ord(ch) <= 0x9FFF


def unihan(name):
    with bz2.open(os.path.join(UNIHAN, name), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("U+"):
                cp, key, value = line.rstrip("\n").split("\t", 2)
                yield chr(int(cp[2:], 16)), key, value


def words():
    freq = {}
    with open(JIEBA, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and 1 <= len(parts[0]) <= 4 and all(map(is_cjk, parts[0])):
                freq[parts[0]] = freq.get(parts[0], 0) + int(parts[1])
    return freq


def toned_readings():
    read = collections.defaultdict(set)
    for ch, key, value in unihan("Unihan_Readings.txt.bz2"):
        if key == "kMandarin" and is_cjk(ch):
            read[ch].update(value.split())
    return read


def readings(keys=READING_KEYS):
    read = collections.defaultdict(set)
    for ch, key, value in unihan("Unihan_Readings.txt.bz2"):
        if key in keys and is_cjk(ch):
            if key != "kMandarin":   # "20967.080:jú" / "jú(505)" forms
                value = " ".join(v.split(":", 1)[-1] for v in value.split())
            for r in re.findall(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+", value):
                read[ch].add(r.translate(TONELESS))
    return read


def gb2312():
    return {ch for ch, key, value in unihan("Unihan_IRGSources.txt.bz2")
            if key == "kIRG_GSource" and value.startswith("G0-") and is_cjk(ch)}


def chinese_and_radicals():
    """The characters of a Chinese source (kIRG_GSource, any G set) and
    every character's radical number (kRSUnicode, first value)."""
    chinese, radical = set(), {}
    for ch, key, value in unihan("Unihan_IRGSources.txt.bz2"):
        if not is_cjk(ch):
            continue
        if key == "kIRG_GSource":
            chinese.add(ch)
        elif key == "kRSUnicode":
            radical[ch] = int(value.split()[0].split(".")[0].rstrip("'"))
    return chinese, radical


def standard_variants(common):
    """ch -> the GB 2312 characters Unihan calls the same character written
    another way (kSemanticVariant, kZVariant), directly or through their
    traditional forms (帐 帳 ~ 賬 账): a word spelt with either is the same
    word (账号 / 帐号), whichever a writer chose."""
    link, trad, simp = (collections.defaultdict(set) for _ in range(3))
    for ch, key, value in unihan("Unihan_Variants.txt.bz2"):
        cps = {chr(int(v.split("<")[0][2:], 16)) for v in value.split()}
        if key in ("kSemanticVariant", "kZVariant"):
            link[ch] |= cps
        elif key == "kTraditionalVariant":
            trad[ch] |= cps
        elif key == "kSimplifiedVariant":
            simp[ch] |= cps
    out = collections.defaultdict(set)
    for a in common:
        for ta in trad[a] | {a}:
            for tb in link[ta]:
                out[a] |= {b for b in simp[tb] | {tb} if b != a and b in common and is_cjk(b)}
    return {ch: "".join(sorted(v)) for ch, v in out.items() if v}


def cangjie_codes():
    return {ch: value for ch, key, value in unihan("Unihan_DictionaryLikeData.txt.bz2")
            if key == "kCangjie" and is_cjk(ch)}


def leading_radical(ch, code, radical, codes):
    """The code of ch's radical when ch is written radical first (its code
    starts with the radical's component code: the whole code of one or two
    keys, else its first and last key) followed by 1-2 keys; else None."""
    r = radical.get(ch)
    if not r:
        return None
    rc = codes.get(unicodedata.normalize("NFKC", chr(0x2F00 + r - 1)), "")
    part = rc if len(rc) <= 2 else rc[0] + rc[-1]
    if len(part) == 2 and code.startswith(part) and 1 <= len(code) - len(part) <= 2:
        return (r, part)
    return None


def name_shapes(conf):
    """ch -> similar shapes by Cangjie code, not in ch's confusion set (see
    the S record above)."""
    chinese, radical = chinese_and_radicals()
    codes = cangjie_codes()
    used = {ch: c for ch, c in codes.items() if ch in chinese}
    by_code, by_radical = collections.defaultdict(set), collections.defaultdict(set)
    for ch, c in used.items():
        if len(c) >= 3:
            for j in range(len(c)):
                by_code[c[:j] + "?" + c[j + 1:]].add(ch)
        lead = leading_radical(ch, c, radical, codes)
        if lead:
            by_radical[lead].add(ch)
    out = {}
    for ch, c in sorted(used.items()):
        s = set()
        if len(c) >= 3:
            for j in range(len(c)):
                s |= by_code[c[:j] + "?" + c[j + 1:]]
        lead = leading_radical(ch, c, radical, codes)
        if lead:
            s |= by_radical[lead]
        s -= set(conf.get(ch, ""))
        s.discard(ch)
        if s:
            out[ch] = "".join(sorted(s))
    return out


def rime_codes(path):
    """(char, code) for every one-character entry of a Rime dictionary."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 2 and len(p[0]) == 1 and is_cjk(p[0]) and p[1].isalpha():
                yield p[0], p[1]


def wubi_codes():
    code = {}
    for ch, c in rime_codes(WUBI):
        if len(c) > len(code.get(ch, "")):
            code[ch] = c   # the full code, not a short form
    return code


def strokes():
    seq = {}
    for ch, s in rime_codes(STROKE):
        seq.setdefault(ch, s)   # the first (standard) sequence
    return seq


def stroke_neighbours(seq, common):
    """ch -> characters whose stroke sequence has one stroke more or less,
    or 2-3 more strokes in front (a left-hand component: 氵, 亻, 阝)."""
    by_seq, shorter = collections.defaultdict(set), collections.defaultdict(set)
    for ch, s in seq.items():
        if ch in common and len(s) >= 3:
            by_seq[s].add(ch)
            for i in range(len(s)):
                shorter[s[:i] + s[i + 1:]].add(ch)
            for k in (2, 3):
                if len(s) - k >= 3:
                    shorter["<" + s[k:]].add(ch)
    near = {}
    for ch, s in seq.items():
        if len(s) < 3:
            continue
        n = set(shorter.get(s, ())) | shorter.get("<" + s, set())
        for i in range(len(s)):
            n |= by_seq.get(s[:i] + s[i + 1:], set())
        for k in (2, 3):
            if len(s) - k >= 3:
                n |= by_seq.get(s[k:], set())
        n.discard(ch)
        if n:
            near[ch] = n
    return near


TONE_OF = {v: str(i % 4 + 1) for i, v in enumerate("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")}


def fuzzy_key(toned):
    """A kMandarin reading folded by the fuzzy-pinyin rules of Chinese
    input methods (zh/z, ch/c, sh/s, n/l, h/f; ang/an, eng/en, ing/in),
    tone kept: 琴 qín and 情 qíng, 名 míng and 民 mín share one."""
    tone = "".join(TONE_OF.get(c, "") for c in toned) or "5"
    r = toned.translate(TONELESS)
    r = re.sub(r"^([zcs])h", r"\1", r)
    r = re.sub(r"^[nl]", "l", r)
    r = re.sub(r"^[hf]", "f", r)
    r = re.sub(r"(an|en|in)g$", r"\1", r)
    return r + tone


def confusion(read, common, code, near, toned):
    by_reading = collections.defaultdict(set)
    for ch, rs in read.items():
        if ch in common:
            for r in rs:
                by_reading[r].add(ch)
    by_fuzzy = collections.defaultdict(set)
    for ch, rs in toned.items():
        if ch in common:
            for r in rs:
                by_fuzzy[fuzzy_key(r)].add(ch)
    by_shape = collections.defaultdict(set)
    for ch, c in code.items():
        if ch in common and len(c) >= 3:
            for j in range(len(c)):
                by_shape[c[:j] + "?" + c[j + 1:]].add(ch)
    conf = {}
    for ch in sorted(set(read) | set(code) | set(near)):
        s = set(near.get(ch, ()))
        for r in read.get(ch, ()):
            s |= by_reading[r]
        for r in toned.get(ch, ()):
            s |= by_fuzzy.get(fuzzy_key(r), set())
        c = code.get(ch, "")
        if len(c) >= 3:
            for j in range(len(c)):
                s |= by_shape[c[:j] + "?" + c[j + 1:]]
        s.discard(ch)
        if s:
            conf[ch] = "".join(sorted(s))
    return conf


def kinds(ch, cands, read, toned):
    return "".join("2" if toned[ch] & toned[c] else "1" if read[ch] & read[c] else "0"
                   for c in cands)


def syllable_ids(read):
    """ch -> sorted syllable numbers (1-based, alphabetical) of its toneless
    readings, at most MAX_READINGS of them."""
    order = {r: i + 1 for i, r in enumerate(sorted({r for rs in read.values() for r in rs}))}
    return {ch: sorted(order[r] for r in rs)[:MAX_READINGS] for ch, rs in read.items() if rs}


def home_slot(word, nwords):
    """Where typo_model.c's table (alloc_tables, pack, slot_of) starts probing
    for word."""
    slots = 1
    while slots < nwords * 2 + 16:
        slots <<= 1
    k = len(word)
    for ch in word:
        k = (k << 15) | (ord(ch) - 0x4E00)
    k ^= k >> 33
    k = (k * 0xFF51AFD7ED558CCD) & 0xFFFFFFFFFFFFFFFF
    k ^= k >> 33
    return k & (slots - 1)


def main():
    freq = words()
    read, toned = readings(), toned_readings()
    common = gb2312()
    conf = confusion(read, common, wubi_codes(), stroke_neighbours(strokes(), common), toned)
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("# govmedia expression model, generated by scripts/gen_expr_model.py\n")
        # Words in the order of their home slots in the loader's table: it
        # then fills the table front to back instead of at random (faster
        # start-up; the order means nothing else).
        for w in sorted(sorted(freq), key=lambda w: home_slot(w, len(freq))):
            f.write("W\t%s\t%d\n" % (w, freq[w]))
        for ch, ids in sorted(syllable_ids(readings(WORD_READING_KEYS)).items()):
            f.write("R\t%s\t%s\n" % (ch, " ".join(map(str, ids))))
        for ch in sorted(conf):
            f.write("C\t%s\t%s\t%s\n" % (ch, conf[ch], kinds(ch, conf[ch], read, toned)))
        for ch, shapes in sorted(name_shapes(conf).items()):
            f.write("S\t%s\t%s\n" % (ch, shapes))
        for ch, variants in sorted(standard_variants(common).items()):
            f.write("V\t%s\t%s\n" % (ch, variants))
    os.replace(tmp, OUT)


if __name__ == "__main__":
    main()
