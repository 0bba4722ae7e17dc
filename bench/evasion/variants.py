#!/usr/bin/env python3
"""variants.py - seeded generator of evasion variants of lexicon terms and of
official-looking text that must stay quiet (issue 14 §1-2).

Readings and words come from Debian packages, as the engine's own tables do:
  rime-data-pinyin-simp  /usr/share/rime-data/pinyin_simp.dict.yaml: the
                         reading of words (六合彩 liu he cai) and of each
                         character with a weight (how often a typist means it)
  unicode-data           Unihan kMandarin/kXHC1983/kTGHZ2013: every modern
                         reading of a character (多音字), read with
                         scripts/gen_pinyin.py's own reader
  opencc                 s2t / s2tw for traditional forms

Kinds of evasion (each a function below, each variant seeded by (seed, term,
kind, n) so a run is reproducible and one kind can be added without moving the
others):
  pinyin_spaced pinyin_joined pinyin_case pinyin_sep pinyin_letters
  pinyin_width pinyin_tone pinyin_tonenum mixed homophone homophone_all
  polyphone traditional noise zero_width emoji_noise ling repeats
  repeat_pinyin repeat_homophone combo ... (KINDS); session 23's stand-ins
  and near-homophones: pinyin_lookalike initials_enclosed radical digit
  emoji_char near bopomofo (STANDIN_KINDS); session 24's shape
  separator_letter initials_syllables (SESSION24_KINDS); session 25's
  shape_rare initials_pair separator_word (SESSION25_KINDS); `h1` .. `h6`:
  the hand-written evasion_h1.tsv .. evasion_h6.tsv
Quiet text:
  soundalike    ordinary words whose reading spells a term's (实时采集 for
                时时彩), alone and inside an official sentence
  enforcement   official sentences naming a term they fight (expected: warn
                with "context":"enforcement", never block)
  advert        adverts next to an enforcement word (expected: block)

usage: variants.py evasion  LEXICON... [--seed N] [--per-kind K] [--terms M]
       variants.py quiet    LEXICON... [--seed N] [--per-term K] [--terms M]
       variants.py context  LEXICON... [--seed N] [--terms M]
       variants.py official SHARED_DIR        (odw.train N = 0 rows and the seeds)
       variants.py h1       LEXICON...        (evasion_h1.tsv, alone and in a carrier)
       variants.py h2       LEXICON...        (evasion_h2.tsv, likewise)
       variants.py h3       LEXICON...        (evasion_h3.tsv, likewise)
       variants.py h4       LEXICON...        (evasion_h4.tsv, likewise)
       variants.py h5       LEXICON...        (evasion_h5.tsv, likewise)
       variants.py h6       LEXICON...        (evasion_h6.tsv, likewise)
Writes JSON lines {"id","text"} for `govmedia check --jsonl` to stdout and
the expectations {"id","kind","term",...} to the file named by --meta.
"""
import argparse
import bz2
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
import gen_pinyin  # noqa: E402  (the engine's own Unihan reader)
import gen_lookalike  # noqa: E402  (ICU confusables, radicals, numerals, CLDR emoji names)

DICT = "/usr/share/rime-data/pinyin_simp.dict.yaml"
UNIHAN = "/usr/share/unicode/Unihan_Readings.txt.bz2"
COMMON_CHAR_WEIGHT = 1000      # a homophone a typist would pick
COMMON_WORD_WEIGHT = 300       # a word an official text would use
CJK = re.compile(r"^[\u3400-\u9fff]+$")

TONE_MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "v": "ǖǘǚǜ"}
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad"]
EMOJI = ["😀", "👍", "🔥", "💰", "🎉", "❤️", "⭐", "🀄", "👉", "✅"]
PUNCT = [" ", "  ", "\u3000", "\u00a0", ".", "-", "_", "/", "*", "~", "|", "·", "、", "，",
         "。", "！", "…", "—", "（", "）", "【", "】", "《", "》", "“", "”", "※", "★", "♥",
         "#", "@", "+", "=", "^"]
LING = ["〇", "○", "◯", "⭕"]
SEPARATORS = [" ", "-", "_", ".", "/", "·", "'", "~", "*", "|", "  ", "\u3000", "＿", "－"]
CARRIERS = ["{}", "{}", "本店长期提供{}服务，欢迎垂询", "今天{}在线", "{}专区已开通",
            "朋友推荐的{}真不错", "关于{}的最新消息"]


# ---- readings ------------------------------------------------------------

class Readings:
    """What a typist writes for a term and which characters sound alike."""

    def __init__(self):
        self.word = {}          # word -> [syllables] (the dictionary's reading)
        self.char = {}          # char -> [(syllable, weight)] heaviest first
        self.by_syl = {}        # syllable -> [(weight, char)] heaviest first
        self.words = []         # (word, [syllables], weight) of common words
        with open(DICT, encoding="utf-8") as f:
            for line in f:
                p = line.rstrip("\n").split("\t")
                if len(p) != 3 or not p[2].isdigit() or not CJK.match(p[0]):
                    continue
                syl, w = p[1].split(), int(p[2])
                if len(p[0]) == 1:
                    self.char.setdefault(p[0], []).append((syl[0], w))
                    self.by_syl.setdefault(syl[0], []).append((w, p[0]))
                elif len(syl) == len(p[0]):
                    if p[0] not in self.word:
                        self.word[p[0]] = syl
                    if w >= COMMON_WORD_WEIGHT:
                        self.words.append((p[0], syl, w))
        for v in self.char.values():
            v.sort(key=lambda x: -x[1])
        for v in self.by_syl.values():
            v.sort(key=lambda x: (-x[0], x[1]))
        self.unihan = gen_pinyin.read_unihan(UNIHAN)

    def all_readings(self, ch):
        return sorted(self.unihan.get(ord(ch), ()))

    def reading(self, term):
        """The term's syllables as a typist writes them: dictionary words,
        longest first, then each character's most frequent reading."""
        out, i = [], 0
        while i < len(term):
            for n in range(min(6, len(term) - i), 1, -1):
                if term[i:i + n] in self.word:
                    out += self.word[term[i:i + n]]
                    i += n
                    break
            else:
                ch = term[i]
                if ch in self.char:
                    out.append(self.char[ch][0][0])
                elif self.all_readings(ch):
                    out.append(self.all_readings(ch)[0])
                else:
                    return None
                i += 1
        return out

    def homophones(self, ch, syl, exclude):
        """Common characters read syl, other than ch (and its other forms)."""
        return [c for w, c in self.by_syl.get(syl, ())
                if w >= COMMON_CHAR_WEIGHT and c != ch and c not in exclude]

    def polyphones(self, ch, syl, exclude):
        """Characters linked to ch only through a reading that is not the
        usual one of one of them: 大 (da, dai) for 代 (dai), 和 (he, huo, hu)."""
        mine = set(self.all_readings(ch))
        out = []
        for r in mine:
            for w, c in self.by_syl.get(r, ()):
                if c == ch or c in exclude or w < COMMON_CHAR_WEIGHT // 10:
                    continue
                top = self.char.get(c, [("", 0)])[0][0]
                if r != syl or top != r:
                    out.append(c)
        return sorted(set(out))


def opencc(config, items):
    p = subprocess.run(["opencc", "-c", config], input="\n".join(items).encode("utf-8"),
                       capture_output=True, check=True)
    return p.stdout.decode("utf-8").split("\n")


# ---- lexicons ------------------------------------------------------------

SEVERITY = {}


def load_terms(paths):
    """(term, category) of every block/warn term of the lexicon files."""
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                p = line.split("\t")
                out.append((p[0], p[1] if len(p) > 1 and p[1] else "general"))
                SEVERITY[p[0]] = p[2] if len(p) > 2 and p[2] else "block"
    return out


# ---- the transformations -------------------------------------------------

def tone_mark(syl, tone):
    if tone == 5:
        return syl
    for v in "aeo":
        if v in syl:
            return syl.replace(v, TONE_MARKS[v][tone - 1], 1)
    for i in range(len(syl) - 1, -1, -1):
        if syl[i] in "iuv":
            return syl[:i] + TONE_MARKS[syl[i]][tone - 1] + syl[i + 1:]
    return syl


def shown(syl):
    """How a typist writes ü: lv/nv are ASCII conventions, some write lü."""
    return syl


def full_width(s):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def rand_case(rng, s):
    mode = rng.randrange(4)
    if mode == 0:
        return s.upper()
    if mode == 1:
        return s[:1].upper() + s[1:]
    if mode == 2:
        return "".join(c.upper() if rng.random() < 0.5 else c for c in s)
    return s.swapcase()


def between(rng, chars, fillers, p=1.0, most=2):
    """chars with fillers between neighbours (each gap with probability p)."""
    out = chars[0]
    for c in chars[1:]:
        if rng.random() < p:
            out += "".join(rng.choice(fillers) for _ in range(rng.randint(1, most)))
        out += c
    return out


class Gen:
    def __init__(self, rd, t2s_forms, seed):
        self.rd = rd
        self.trad = t2s_forms      # term -> [traditional spellings]
        self.seed = seed

    def rng(self, term, kind, n):
        return random.Random("%d|%s|%s|%d" % (self.seed, term, kind, n))

    # Each kind returns a variant string or None (not applicable).
    def k_pinyin_spaced(self, r, t, syl):
        return " ".join(syl)

    def k_pinyin_joined(self, r, t, syl):
        return "".join(syl)

    def k_pinyin_case(self, r, t, syl):
        return rand_case(r, r.choice([" ", ""]).join(syl))

    def k_pinyin_sep(self, r, t, syl):
        return "".join(s + (r.choice(SEPARATORS) if i + 1 < len(syl) else "")
                       for i, s in enumerate(syl))

    def k_pinyin_letters(self, r, t, syl):
        return r.choice([" ", " ", "-", "."]).join("".join(syl))

    def k_pinyin_width(self, r, t, syl):
        return full_width(rand_case(r, r.choice([" ", ""]).join(syl)))

    def k_pinyin_tone(self, r, t, syl):
        return r.choice([" ", ""]).join(tone_mark(s, r.randint(1, 4)) for s in syl)

    def k_pinyin_tonenum(self, r, t, syl):
        return r.choice([" ", ""]).join(s + str(r.randint(1, 5)) for s in syl)

    def k_mixed(self, r, t, syl):
        """Characters and pinyin at a random split (never all of one)."""
        if len(t) < 2:
            return None
        mask = r.randrange(1, 2 ** len(t) - 1)
        parts = []
        for i, ch in enumerate(t):
            if mask >> i & 1:
                parts.append((r.choice(["", " "]) if parts else "") + syl[i])
            else:
                parts.append(ch)
        return "".join(parts)

    def _sub(self, r, t, syl, positions, pick):
        out = list(t)
        for i in positions:
            cands = pick(t[i], syl[i], set(t))
            if not cands:
                return None
            out[i] = r.choice(cands[:12])
        return "".join(out)

    def k_homophone(self, r, t, syl):
        return self._sub(r, t, syl, [r.randrange(len(t))], self.rd.homophones)

    def k_homophone_all(self, r, t, syl):
        return self._sub(r, t, syl, range(len(t)), self.rd.homophones)

    def k_polyphone(self, r, t, syl):
        return self._sub(r, t, syl, [r.randrange(len(t))], self.rd.polyphones)

    def k_traditional(self, r, t, syl):
        forms = [f for f in self.trad.get(t, []) if f != t]
        return r.choice(forms) if forms else None

    def k_noise(self, r, t, syl):
        return between(r, list(t), PUNCT + ZERO_WIDTH + EMOJI + LING)

    def k_zero_width(self, r, t, syl):
        return between(r, list(t), ZERO_WIDTH, most=3)

    def k_emoji_noise(self, r, t, syl):
        return between(r, list(t), EMOJI, most=1)

    def k_ling(self, r, t, syl):
        return between(r, list(t), LING, most=1)

    def k_repeats(self, r, t, syl):
        return "".join(c * (r.randint(2, 3) if r.random() < 0.5 or i == 0 else 1)
                       for i, c in enumerate(t))

    def k_repeat_pinyin(self, r, t, syl):
        i = r.randrange(len(syl))
        return " ".join(s for j, x in enumerate(syl) for s in [x] * (2 if j == i else 1))

    def k_repeat_homophone(self, r, t, syl):
        v = self.k_homophone(r, t, syl)
        if not v:
            return None
        i = r.randrange(len(v))
        return v[:i + 1] + v[i] + v[i + 1:]

    def k_combo(self, r, t, syl):
        """A base evasion (characters, one homophone, mixed, pinyin) and two
        to four of the surface ones on top."""
        base = r.choice(["chars", "homophone", "mixed", "pinyin"])
        if base == "homophone":
            toks = list(self.k_homophone(r, t, syl) or t)
        elif base == "mixed":
            mask = r.randrange(1, 2 ** len(t) - 1)
            toks = [syl[i] if mask >> i & 1 else ch for i, ch in enumerate(t)]
        elif base == "pinyin":
            toks = list(syl)
        else:
            toks = list(t)
        for op in r.sample(["trad", "width", "case", "noise", "repeat", "zw"], r.randint(2, 4)):
            if op == "trad":
                toks = [opencc_char(self, x) if len(x) == 1 and CJK.match(x) else x for x in toks]
            elif op == "width":
                toks = [full_width(x) if x.isascii() else x for x in toks]
            elif op == "case":
                toks = [rand_case(r, x) if x.isascii() else x for x in toks]
            elif op == "repeat":
                i = r.randrange(len(toks))
                toks.insert(i, toks[i])
            else:
                fill = ZERO_WIDTH if op == "zw" else PUNCT + EMOJI + LING
                toks = [toks[0]] + [r.choice(fill) + x for x in toks[1:]]
        return "".join(toks)

    # Session 20: surface forms beyond the first generator's.
    def k_combining(self, r, t, syl):
        """Combining marks on or between characters (赌́博, 六⃝合⃝彩)."""
        return between(r, list(t), COMBINING, most=2)

    def k_compat_form(self, r, t, syl):
        """A character spelt as a CJK compatibility ideograph or a Kangxi
        radical that NFKC folds to it (⾊情 for 色情)."""
        opts = [(i, COMPAT[c]) for i, c in enumerate(t) if c in COMPAT]
        if not opts:
            return None
        out = list(t)
        for i, forms in r.sample(opts, r.randint(1, len(opts))):
            out[i] = r.choice(forms)
        return "".join(out)

    def k_vertical(self, r, t, syl):
        """Vertical text: one character a line, maybe indented or CRLF."""
        nl = r.choice(["\n", "\r\n", "\n　", "\n  "])
        return nl.join(t)

    def k_trad_pinyin(self, r, t, syl):
        """Traditional characters mixed with pinyin (賭bo, 代開fa票)."""
        if len(t) < 2:
            return None
        mask = r.randrange(1, 2 ** len(t) - 1)
        return "".join(syl[i] if mask >> i & 1 else opencc_char(self, ch)
                       for i, ch in enumerate(t))

    def k_punct_repeat(self, r, t, syl):
        """Runs of repeated punctuation between characters (赌!!!博, 六。。。合)."""
        return "".join(c + (r.choice(PUNCT) * r.randint(2, 5) if i + 1 < len(t) else "")
                       for i, c in enumerate(t))

    def k_emoji_seq(self, r, t, syl):
        """Emoji sequences between characters: ZWJ families, skin tones, flags,
        keycaps, variation selectors."""
        return between(r, list(t), EMOJI_SEQ, most=1)

    def k_initials(self, r, t, syl):
        """The first letters of the pinyin (dkfp, LHC, d.k.f.p) of a term of
        three or more characters."""
        if len(t) < 3:
            return None
        letters = [s[0] for s in syl]
        out = r.choice(["", "", " ", "."]).join(letters)
        return out.upper() if r.random() < 0.4 else out

    # Session 22: kinds beyond the generator's (measured with --kinds).
    def k_pinyin_width_mix(self, r, t, syl):
        """Pinyin whose letters mix full and half width (ｄaiｋａi)."""
        p = r.choice([" ", ""]).join(syl)
        out = "".join(full_width(c) if r.random() < 0.5 else c for c in p)
        return out if out != p and out != full_width(p) else full_width(p[0]) + p[1:]

    def k_pinyin_zero_width(self, r, t, syl):
        """Pinyin with zero-width characters between its syllables or letters."""
        return between(r, list("".join(syl)), ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"],
                       p=0.5, most=1)

    def k_pinyin_emoji(self, r, t, syl):
        """Pinyin syllables with emoji between them (dai🔥kai🔥fa🔥piao)."""
        return between(r, syl, ["🔥", "💰", "👉", "⭐", "❤️", "🎲"], most=1)

    def k_initials_mixed(self, r, t, syl):
        """Characters and pinyin initials mixed (代kfp, dk发票) in a term of
        three or more characters: at least one of each."""
        if len(t) < 3:
            return None
        mask = r.randrange(1, 2 ** len(t) - 1)
        out = "".join(syl[i][0] if mask >> i & 1 else ch for i, ch in enumerate(t))
        return out.upper() if r.random() < 0.3 else out

    def k_initials_sep(self, r, t, syl):
        """Pinyin initials with emoji, full width or separators between them
        (d🔥k🔥f🔥p, ＤＫＦＰ, d-k-f-p)."""
        if len(t) < 3:
            return None
        letters = [s[0] for s in syl]
        mode = r.randrange(3)
        if mode == 0:
            return between(r, letters, ["🔥", "💰", "⭐", "\u200b"], most=1)
        if mode == 1:
            return full_width("".join(letters).upper() if r.random() < 0.5 else "".join(letters))
        return r.choice(["-", "_", "/", "|", "*"]).join(letters)

    def k_pinyin_styled(self, r, t, syl):
        """Pinyin in styled letters: mathematical bold/italic, circled,
        superscript forms that NFKC folds to ASCII."""
        style = r.choice(STYLES)
        return "".join(style.get(c, c) for c in r.choice([" ", ""]).join(syl))


    # Session 23: stand-ins and near-homophones (evasion_h1.tsv's kinds made
    # general).  Look-alike letters, radicals, numerals and emoji names come
    # from scripts/gen_lookalike.py's readers (ICU, Unicode, CLDR).
    def k_pinyin_lookalike(self, r, t, syl):
        """Pinyin with one to three letters written in Cyrillic, Greek or IPA
        look-alikes (dаi kаi with a Cyrillic а)."""
        p = list(r.choice([" ", ""]).join(syl))
        lookalike = stand_ins()[0]
        spots = [i for i, c in enumerate(p) if c in lookalike]
        if not spots:
            return None
        for i in r.sample(spots, min(len(spots), r.randint(1, 3))):
            p[i] = r.choice(lookalike[p[i]])
        return "".join(p)

    def k_initials_enclosed(self, r, t, syl):
        """Initials in negative circled or squared letters or regional
        indicators (🅳🅺🅵🅿, 🇩🇰🇫🇵) of a term of three or more characters."""
        if len(t) < 3:
            return None
        base = r.choice([0x1F150, 0x1F170, 0x1F1E6])
        return "".join(chr(base + ord(s[0]) - ord("a")) for s in syl)

    def k_radical(self, r, t, syl):
        """A character written as the CJK radical that stands for it (⻩色)."""
        radical = stand_ins()[1]
        opts = [(i, radical[c]) for i, c in enumerate(t) if c in radical]
        if not opts:
            return None
        i, forms = r.choice(opts)
        return t[:i] + r.choice(forms) + t[i + 1:]

    def k_digit(self, r, t, syl):
        """A character written as the digit whose numeral sounds like it
        (6合彩, 5抵押贷款, 保本高收1)."""
        digit_of = stand_ins()[2]
        opts = [i for i, s in enumerate(syl) if s in digit_of]
        if not opts:
            return None
        i = r.choice(opts)
        d = digit_of[syl[i]]
        return t[:i] + r.choice([str(d), full_width(str(d))]) + t[i + 1:]

    def k_emoji_char(self, r, t, syl):
        """A character written as an emoji whose Chinese name sounds like it
        (扫🐎领取, 老虎🐔, 代开发🎫)."""
        emoji_of = stand_ins()[3]
        opts = [i for i, s in enumerate(syl) if s in emoji_of]
        if not opts:
            return None
        i = r.choice(opts)
        return t[:i] + r.choice(emoji_of[syl[i]]) + t[i + 1:]

    def k_bopomofo(self, r, t, syl):
        """The term in bopomofo (ㄉㄞˋ ㄎㄞ), tone marks or not, or bopomofo
        mixed with characters (赌ㄅㄛˊ)."""
        zy = stand_ins()[4]
        if not all(s in zy for s in syl):
            return None
        tones = ["", "ˊ", "ˇ", "ˋ", "˙"]
        mixed = len(t) > 1 and r.random() < 0.4
        mask = r.randrange(1, 2 ** len(t) - 1) if mixed else 2 ** len(t) - 1
        out = [zy[s] + r.choice(tones) + r.choice(["", " "]) if mask >> i & 1 else t[i]
               for i, s in enumerate(syl)]
        return "".join(out).strip()

    def k_near(self, r, t, syl):
        """One character of a term of three or more characters by a common one
        of a near reading, as fuzzy pinyin confuses them (刷当返利, 免费林取)."""
        if len(t) < 3:
            return None
        opts = [(i, n) for i, s in enumerate(syl) for n in near_syllables(s)
                if any(c not in t for c in self.rd.homophones("", n, set()))]
        if not opts:
            return None
        i, n = r.choice(opts)
        cands = [c for c in self.rd.homophones("", n, set(t))
                 if not set(self.rd.all_readings(c)) & set(self.rd.all_readings(t[i]))]
        return t[:i] + r.choice(cands[:12]) + t[i + 1:] if cands else None


    # Session 24: evasion_h1/h2's kinds made general.  Shapes come from
    # rime-data-wubi read by scripts/gen_expr_model.py's own reader (the
    # engine's shapes are its Wubi and stroke confusions: a wider set),
    # separators from scripts/gen_lookalike.py's.
    def k_shape(self, r, t, syl):
        """One character of a term of three or more characters written as a
        common character of a similar shape (Wubi 86 full codes differing in
        one key) that is no homophone and forms no common word with its
        neighbours (六含彩 for 六合彩).  Two-character terms: k_shape_rare."""
        if len(t) < 3:
            return None
        return self._shape(r, t, shapes("common", lambda: {
            c for c, w in self.rd.char.items() if w[0][1] >= COMMON_CHAR_WEIGHT}))

    def k_shape_rare(self, r, t, syl):
        """One character of a two-character term written as a rarer character
        of a similar shape, one of GB 2312's second level (Unihan kIRG_GSource
        G0 rows 56-87), as evaders pick them (祼聊 for 裸聊): the engine reads a
        two-character term through no common look-alike (和重 is no 加重)."""
        if len(t) != 2:
            return None
        return self._shape(r, t, shapes("level2", lambda: gb2312_level(range(56, 88))))

    def _shape(self, r, t, alike):
        opts = []
        for i, c in enumerate(t):
            mine = set(self.rd.all_readings(c))
            for x in alike.get(c, ()):
                near = {t[j] + x if j < i else x + t[j] for j in (i - 1, i + 1) if 0 <= j < len(t)}
                if x not in t and not mine & set(self.rd.all_readings(x)) and \
                        not near & self.common_pairs():
                    opts.append((i, x))
        if not opts:
            return None
        i, x = r.choice(opts)
        return t[:i] + x + t[i + 1:]

    def common_pairs(self):
        if not hasattr(self, "_pairs"):
            self._pairs = {w[k:k + 2] for w, _, _ in self.rd.words for k in range(len(w) - 1)}
        return self._pairs

    def k_separator_letter(self, r, t, syl):
        """Letters and strokes that look like a bar or a dot between the
        characters (赌ǀ博, 六ㆍ合ㆍ彩, 代丨开丨发丨票)."""
        return between(r, list(t), [chr(c) for c in separators()], most=1)

    def k_initials_syllables(self, r, t, syl):
        """A term of three or more characters as whole syllables and the
        initials of the rest (dai kai fp, sd fanli)."""
        if len(t) < 3:
            return None
        k = r.randint(1, len(syl) - 1)
        full, inits = syl[:k], "".join(s[0] for s in syl[k:])
        if r.random() < 0.5:   # initials first: sd fanli
            inits, full = "".join(s[0] for s in syl[:k]), syl[k:]
            return inits + " " + r.choice([" ", ""]).join(full)
        return r.choice([" ", ""]).join(full) + " " + inits

    # Session 25: the initials of a two-character term as a lower-case word
    # beside a character, as posts abbreviate them (找db, yp群).
    def k_initials_pair(self, r, t, syl):
        """The lower-case pinyin initials of a two-character term beside a
        character (附近yp, db群)."""
        if len(t) != 2 or syl[0][0] == syl[1][0]:
            return None   # one letter twice (ll) is a placeholder, read as none
        return r.choice(["找{}", "{}群", "附近{}", "{}资源", "同城{}"]).format(
            "".join(s[0] for s in syl))

    def k_separator_word(self, r, t, syl):
        """A term of three or more characters with one character between
        every two of them, a common character that is a word elsewhere
        (代的开的发的票, 六一合一彩) or a Latin x (老x虎x机), spaced or not."""
        if len(t) < 3:
            return None
        pool = sorted(c for c, w in self.rd.char.items() if w[0][1] >= COMMON_CHAR_WEIGHT and
                      c not in t)
        sep = r.choice(["x", "X"] + [r.choice(pool)] * 4)
        if r.random() < 0.3:
            sep = " " + sep + " "
        return sep.join(t)


# The fuzzy pinyin pairs of input methods and southern accents (the same
# rules as src/check/sound_fuzzy.c): initials and finals a typist confuses.
NEAR_INITIALS = [("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"), ("r", "l")]
NEAR_FINALS = [("ang", "an"), ("eng", "en"), ("ing", "in")]


NEAR_MEDIAL = [("ua", "a"), ("uo", "o"), ("uai", "ai"), ("uan", "an"), ("uang", "ang"),
               ("ui", "ei"), ("un", "en")]
NEAR_I = ["i", "in", "ing"]


def near_syllables(s):
    out = set()
    ini = s[:2] if s[:2] in ("zh", "ch", "sh") else s[:1] if s[:1] in "bpmfdtnlgkhrzcs" else ""
    for a, b in NEAR_MEDIAL:   # the medial u dropped or added after an initial
        for x, y in ((a, b), (b, a)):
            if ini and s[len(ini):] == x:
                out.add(ini + y)
    for x in NEAR_I:           # the final i with or without a nasal ending
        if s.endswith(x) and len(s) > len(x) and s[-len(x) - 1] not in "aeiouv":
            out.update(s[:-len(x)] + y for y in NEAR_I)
    for a, b in NEAR_INITIALS:
        for x, y in ((a, b), (b, a)):
            if s.startswith(x) and not (len(x) == 1 and s[1:2] == "h" and s[0] in "zcs"):
                out.add(y + s[len(x):])
    for a, b in NEAR_FINALS:
        for x, y in ((a, b), (b, a)):
            if s.endswith(x):
                out.add(s[:len(s) - len(x)] + y)
    out.discard(s)
    return sorted(out)   # k_near finds no character for a non-syllable


def _stand_ins():
    """{letter: [look-alikes]}, {character: [radicals]}, {syllable: digit},
    {syllable: [emoji]}, {syllable: bopomofo} from gen_lookalike.py's
    readers."""
    letters = {}
    for cp, a in gen_lookalike.lookalike_letters().items():
        if cp < 0x1F100:
            letters.setdefault(a, []).append(chr(cp))
    radicals = {}
    for cp, to in gen_lookalike.radicals().items():
        if 0x2E80 <= cp <= 0x2EFF:
            radicals.setdefault(chr(to), []).append(chr(cp))
    unihan = gen_pinyin.read_unihan(UNIHAN)
    digits = {}
    for d, cp in enumerate(gen_lookalike.numerals()):
        for s in unihan.get(cp, [])[:1]:
            digits.setdefault(s, d)
    emoji = {}
    for cp, to in gen_lookalike.emoji().items():
        for s in unihan.get(to, [])[:1]:
            emoji.setdefault(s, []).append(chr(cp))
    zhuyin = {syl: z for z, syl in gen_lookalike.zhuyin().items()}
    return letters, radicals, digits, emoji, zhuyin


_S2T = {}

COMBINING = ["\u0301", "\u0300", "\u0336", "\u20dd", "\u20e3", "\u0489", "\ufe0f", "\u302a"]
EMOJI_SEQ = ["\U0001F468\u200d\U0001F469\u200d\U0001F467", "\U0001F44D\U0001F3FD",
             "\U0001F1E8\U0001F1F3", "1\ufe0f\u20e3", "\u2764\ufe0f", "\U0001F3F3\ufe0f\u200d\U0001F308"]


def _compat_forms():
    """Characters NFKC folds a compatibility ideograph or a Kangxi radical
    into: {target: [forms]} (from Python's own Unicode tables)."""
    out = {}
    for cp in list(range(0x2F00, 0x2FD6)) + list(range(0xF900, 0xFB00)) + \
            list(range(0x2F800, 0x2FA1E)):
        c = chr(cp)
        t = unicodedata.normalize("NFKC", c)
        if t != c and len(t) == 1:
            out.setdefault(t, []).append(c)
    return out


def _styles():
    """Letter styles NFKC folds to ASCII a-z: mathematical bold, italic,
    bold script, sans-serif, monospace; circled; fullwidth."""
    styles = []
    for base in (0x1D41A, 0x1D44E, 0x1D4EA, 0x1D5BA, 0x1D68A):
        styles.append({chr(ord("a") + i): chr(base + i) for i in range(26)
                       if unicodedata.normalize("NFKC", chr(base + i)) == chr(ord("a") + i)})
    styles.append({chr(ord("a") + i): chr(0x24D0 + i) for i in range(26)})
    return styles


COMPAT = _compat_forms()
STYLES = _styles()
_STAND_INS = []


def stand_ins():
    """_stand_ins(), read once and only by the kinds that need it (ICU's
    skeletons of a few thousand letters take seconds)."""
    if not _STAND_INS:
        _STAND_INS.extend(_stand_ins())
    return _STAND_INS


_SHAPES = {}
_SEPARATORS = []


def shapes(name, common):
    """{character: [characters of the set common() whose Wubi 86 full code
    differs in one key]}, read once per set name (scripts/gen_expr_model.py's
    reader)."""
    if name not in _SHAPES:
        argv, sys.argv = sys.argv, ["gen_expr_model.py", "-"]   # it reads its paths at import
        try:
            import gen_expr_model
        finally:
            sys.argv = argv
        pool = common()
        code = {c: k for c, k in gen_expr_model.wubi_codes().items() if len(k) >= 3}
        by_key = {}
        for c, k in code.items():
            if c in pool:
                for j in range(len(k)):
                    by_key.setdefault(k[:j] + "?" + k[j + 1:], []).append(c)
        table = _SHAPES[name] = {}
        for c, k in code.items():
            out = {x for j in range(len(k)) for x in by_key.get(k[:j] + "?" + k[j + 1:], ())}
            out.discard(c)
            table[c] = sorted(out)
    return _SHAPES[name]


def gb2312_level(rows):
    """The characters of GB 2312 rows `rows` (Unihan kIRG_GSource G0-RRCC,
    RR - 0x20 the row; unicode-data)."""
    out = set()
    with bz2.open("/usr/share/unicode/Unihan_IRGSources.txt.bz2", "rt", encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) == 3 and p[1] == "kIRG_GSource" and p[2].startswith("G0-") and \
                    int(p[2][3:5], 16) - 0x20 in rows:
                out.add(chr(int(p[0][2:], 16)))
    return out


def separators():
    """scripts/gen_lookalike.py's letters and strokes read as separators."""
    if not _SEPARATORS:
        _SEPARATORS.extend(gen_lookalike.separator_letters())
    return _SEPARATORS


def opencc_char(gen, ch):
    return _S2T.get(ch, ch)


# Session 22's kinds beyond the generator's: width mixed inside pinyin,
# zero-width characters and emoji between syllables, characters mixed with
# initials (代kfp), initials with emoji or separators.
EXTRA_KINDS = ["pinyin_width_mix", "pinyin_zero_width", "pinyin_emoji", "initials_mixed",
               "initials_sep"]
# Session 23's stand-ins and near-homophones (evasion_h1.tsv's kinds made general).
STANDIN_KINDS = ["pinyin_lookalike", "initials_enclosed", "radical", "digit", "emoji_char", "near",
                 "bopomofo"]
# Session 24's shapes, separators and initials mixed with syllables
# (evasion_h2.tsv's kinds made general).
SESSION24_KINDS = ["shape", "separator_letter", "initials_syllables"]
# Session 25: two-character terms by a rarer look-alike, by their initials
# beside a character, and a word character between every two characters.
SESSION25_KINDS = ["shape_rare", "initials_pair", "separator_word"]
KINDS = ["pinyin_spaced", "pinyin_joined", "pinyin_case", "pinyin_sep", "pinyin_letters",
         "pinyin_width", "pinyin_tone", "pinyin_tonenum", "mixed", "homophone",
         "homophone_all", "polyphone", "traditional", "noise", "zero_width", "emoji_noise",
         "ling", "repeats", "repeat_pinyin", "repeat_homophone", "combo",
         "combining", "compat_form", "vertical", "trad_pinyin", "punct_repeat", "emoji_seq",
         "pinyin_styled", "initials"] + EXTRA_KINDS + STANDIN_KINDS + SESSION24_KINDS + \
    SESSION25_KINDS
VIA = {k: ("pinyin" if k.startswith("pinyin") or k in ("mixed", "repeat_pinyin", "trad_pinyin")
           else
           "homophone" if k in ("homophone", "homophone_all", "polyphone", "repeat_homophone")
           else "literal") for k in KINDS}
VIA["combo"] = "any"
VIA["initials"] = VIA["initials_mixed"] = VIA["initials_sep"] = "initials"
VIA["initials_enclosed"] = "initials"
VIA["radical"] = "literal"
VIA["bopomofo"] = "pinyin"
VIA["digit"] = VIA["emoji_char"] = VIA["near"] = "homophone"
VIA["shape"] = VIA["shape_rare"] = "homophone"
VIA["initials_syllables"] = VIA["initials_pair"] = "initials"


def prepare(paths, m, seed):
    rd = Readings()
    terms = [(t, c) for t, c in load_terms(paths) if CJK.match(t)]
    if m and len(terms) > m:
        terms = random.Random(seed).sample(terms, m)
    chars = sorted({c for t, _ in terms for c in t})
    for c, s in zip(chars, opencc("s2t", chars)):
        _S2T[c] = s
    words = [t for t, _ in terms]
    trad = {}
    for cfg in ("s2t", "s2tw"):
        for t, s in zip(words, opencc(cfg, words)):
            trad.setdefault(t, []).append(s)
    return rd, terms, Gen(rd, trad, seed)


def evasion(args, meta):
    rd, terms, gen = prepare(args.lexicon, args.terms, args.seed)
    everyone = {t for t, _ in load_terms(args.lexicon)}
    n = 0
    for t, cat in terms:
        syl = rd.reading(t)
        if not syl or len(syl) != len(t):
            continue
        for kind in (args.kinds.split(",") if args.kinds else KINDS):
            for k in range(args.per_kind):
                r = gen.rng(t, kind, k)
                v = getattr(gen, "k_" + kind)(r, t, syl)
                if not v or v == t or v in everyone:
                    continue   # not an evasion: another term of the lexicon, literally
                text = r.choice(CARRIERS).format(v)
                n += 1
                vid = "v%d" % n
                print(json.dumps({"text": text, "id": vid}, ensure_ascii=False))
                meta.write(json.dumps({"id": vid, "kind": kind, "term": t, "category": cat,
                                       "via": VIA[kind], "variant": v},
                                      ensure_ascii=False) + "\n")


# ---- quiet text ----------------------------------------------------------

OFFICIAL = ["{}", "市政府召开会议研究{}工作", "我区{}工作取得新进展", "关于做好{}的通知",
            "各单位要高度重视{}，确保落实到位"]


def soundalikes(args, meta):
    """Ordinary words, alone or two side by side, whose reading contains a
    term's (in any reading of its characters) while their characters differ
    from it: 实时采集 for 时时彩, 六合区 for 六合彩."""
    rd, terms, gen = prepare(args.lexicon, args.terms, args.seed)
    words = [(w, s) for w, s, _ in sorted(rd.words, key=lambda x: -x[2])]
    with_syl = {}   # syllable -> indexes into words of the words that have it
    for i, (_, syl) in enumerate(words):
        for s in set(syl):
            with_syl.setdefault(s, []).append(i)
    n = 0
    for t, cat in terms:
        want = [set(rd.all_readings(c)) for c in t]
        if not all(want):
            continue
        k = len(t)
        rng = random.Random("%d|%s|quiet" % (args.seed, t))
        found = set()

        def fits(syl, at, first):   # syl[at:] sounds like want[first:]
            return all(syl[at + j] in want[first + j] for j in range(min(len(syl) - at, k - first)))
        heads = {}   # i -> words ending with the sound of want[:i]
        tails = {}   # i -> words starting with the sound of want[i:]
        # only a word with some syllable of the term can fit (each test below
        # needs one), taken in the list's order: the same words as a walk of all
        near = sorted({i for s in set().union(*want) for i in with_syl.get(s, ())})
        for w, syl in (words[i] for i in near):
            for st in range(0, len(syl) - k + 1):
                if fits(syl, st, 0) and w[st:st + k] != t:
                    found.add(w)
            for i in range(1, k):
                if len(syl) >= i and fits(syl[len(syl) - i:], 0, 0):
                    heads.setdefault(i, []).append(w)
                if len(syl) >= k - i and all(syl[j] in want[i + j] for j in range(k - i)):
                    tails.setdefault(i, []).append(w)
        for i in range(1, k):
            hs, ts = heads.get(i, [])[:60], tails.get(i, [])[:60]
            for _ in range(min(len(hs) * len(ts), 6)):
                w1, w2 = rng.choice(hs), rng.choice(ts)
                if w1[len(w1) - i:] + w2[:k - i] != t:
                    found.add(w1 + w2)
        found = sorted(found)
        rng.shuffle(found)
        for w in found[:args.per_term]:
            for tmpl in rng.sample(OFFICIAL, 2):
                n += 1
                qid = "q%d" % n
                print(json.dumps({"text": tmpl.format(w), "id": qid}, ensure_ascii=False))
                meta.write(json.dumps({"id": qid, "kind": "soundalike", "term": t,
                                       "category": cat, "text": tmpl.format(w)},
                                      ensure_ascii=False) + "\n")


# ---- enforcement context -------------------------------------------------

ENFORCE = [  # (kind, template): official sentences that name what they fight
    ("verb_before", "严厉打击{}违法犯罪活动"),
    ("verb_before", "依法查处{}等违法行为"),
    ("verb_before", "警惕{}骗局"),
    ("verb_before", "谨防{}陷阱"),
    ("verb_before", "坚决整治{}乱象"),
    ("verb_before", "严禁{}"),
    ("at_distance", "严厉打击利用互联网平台从事{}等违法犯罪活动"),
    ("at_distance", "严禁利用政务新媒体账号发布{}等信息"),
    ("at_distance", "依法打击借助网络直播间实施{}的违法行为"),
    ("negation", "不得发布{}等违法违规信息"),
    ("negation", "切勿参与{}"),
    ("negation", "广大群众不要相信{}，谨防上当受骗"),
    ("negation", "拒绝{}，从我做起"),
    ("list_etc", "严禁制作、传播{}等行为"),
    ("list_etc", "禁止发布淫秽、色情、{}等内容"),
    ("object_after", "对{}等违法犯罪活动进行严厉打击"),
    ("object_after", "对{}问题进行集中整治"),
    ("object_after", "对涉嫌{}的账号依法予以查处"),
    ("campaign", "开展{}专项整治行动"),
    ("campaign", "我市启动打击{}专项行动"),
    ("campaign", "深入推进{}专项治理"),
    ("clause_break", "公安机关持续开展专项行动，严厉打击{}"),
]
ADVERTS = [  # adverts next to an enforcement word: still block
    ("price", "打击价！{}今晚开奖"),
    ("price", "打击价{}，名额有限"),
    ("after_break", "{}，严禁外传"),
    ("after_break", "{}火热进行中。举报有奖"),
    ("after_break", "最新{}！防范措施到位，放心参与"),
    ("separate", "严厉打击，{}加微信咨询"),
    ("separate", "打击力度大！{}天天有"),
    ("advert", "{}今晚开奖，加微信咨询"),
]


# Written after the grammar in src/check/context.c, to see how it does on
# wording it was not made for (reported apart as held_out:*).
HELD_OUT_ENFORCE = [
    ("held_out", "市公安局成功破获一起{}案件"),
    ("held_out", "坚决遏制{}等违法活动蔓延势头"),
    ("held_out", "提醒广大市民提高警惕，远离{}"),
    ("held_out", "{}属于违法行为，请自觉抵制"),
    ("held_out", "网信部门依法关闭一批传播{}信息的账号"),
    ("held_out", "针对{}问题，我局开展了专项整治"),
    ("held_out", "全力防范和打击{}"),
    ("held_out", "各地要把打击{}作为重点工作"),
    ("held_out", "严肃查处{}背后的利益链条"),
    ("held_out", "切实加强对{}的监测预警"),
    ("held_out", "以零容忍态度惩治{}"),
    ("held_out", "{}严重危害群众财产安全"),
]
# A second set, written after the first was used to improve the grammar
# (reported as held_out2:*, not tuned on).
HELD_OUT2_ENFORCE = [
    ("held_out2", "近期{}案件高发，请广大市民注意防范"),
    ("held_out2", "警方提示：切莫参与{}"),
    ("held_out2", "我县集中销毁一批{}设备"),
    ("held_out2", "严厉整治利用{}敛财的行为"),
    ("held_out2", "多部门联合开展{}治理"),
    ("held_out2", "坚决杜绝{}现象发生"),
    ("held_out2", "依法严惩{}犯罪分子"),
    ("held_out2", "面对{}诱惑，我们要坚决说不"),
]
HELD_OUT2_ADVERTS = [
    ("held_out2", "【防骗必看】{}稳赚攻略"),
    ("held_out2", "不怕查处！{}照常营业"),
    ("held_out2", "拒绝等待，{}马上到账"),
    ("held_out2", "新人注册送{}体验金"),
    ("held_out2", "举报无效，{}安全可靠"),
    ("held_out2", "正规{}平台，打击一切假冒"),
]
HELD_OUT_ADVERTS = [
    ("held_out", "{}火爆招商中，详情私聊"),
    ("held_out", "想玩{}？加我好友"),
    ("held_out", "打击价 {}今晚开奖"),
    ("held_out", "严禁外传！内部{}渠道"),
    ("held_out", "{}严禁未成年人参与，成年人速来"),
    ("held_out", "拒绝套路，{}真实可靠"),
    ("held_out", "防范风险的最好方法就是玩{}"),
    ("held_out", "💥打击💥{}天天开"),
]


HELDOUT3 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_heldout.tsv")


FRESH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_fresh.tsv")
FINAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_final.tsv")
H6 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_h6.tsv")
T6 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_t6.tsv")
H7 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_h7.tsv")
T7 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_t7.tsv")
H8 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_h8.tsv")
H9 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_h9.tsv")
T9 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_t9.tsv")
H10 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_h10.tsv")
T10 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_t10.tsv")
H11 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_h11.tsv")
T11 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_t11.tsv")
H12 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_h12.tsv")
T12 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_t12.tsv")
H13 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_h13.tsv")
H14 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_h14.tsv")
T14 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "context_t14.tsv")


def tsv_rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and line.strip():
                yield line.rstrip("\n").split("\t")


def heldout3():
    """The session-19 sets: [(group, kind, template)].  context_heldout.tsv
    gives kind "h3_tune:<style>" or "h3_aside:<style>" by the parity of the
    template's md5, so the split is fixed and nobody chose it;
    context_fresh.tsv (written after tuning) gives "h4:<style>",
    context_final.tsv (written last, never tuned on) "h5:<style>";
    context_h6.tsv (session 20, written before any change, never tuned on)
    "h6:<style>"; context_t6.tsv (session 20's tuning set, written after
    h6) "t6:<style>"; context_h7.tsv (session 21, written before any
    change, never tuned on) "h7:<style>"; context_t7.tsv (session 21's
    tuning set, written after h7 was measured) "t7:<style>"; context_h8.tsv
    (session 22, written before any change, never tuned on) "h8:<style>"
    and context_h9.tsv (session 23, likewise) "h9:<style>", context_t9.tsv
    (session 23's tuning set, written after h9 was measured) "t9:<style>";
    context_h10.tsv (session 24, written before any change, never tuned on)
    "h10:<style>", context_t10.tsv (session 24's tuning set, written after
    h10 was measured) "t10:<style>"; context_h11.tsv (session 25, written
    before any change, never tuned on) "h11:<style>", context_t11.tsv
    (session 25's tuning set, written after h11 was measured) "t11:<style>";
    context_h12.tsv (session 26, written before any change, never tuned on)
    "h12:<style>", context_t12.tsv (session 26's tuning set, written after
    h12 was measured) "t12:<style>"; context_h13.tsv (session 27, written
    before any change, never tuned on) "h13:<style>"; context_h14.tsv
    (session 28, written before any change, never tuned on) "h14:<style>",
    context_t14.tsv (session 28's tuning set, written after h14 was
    measured) "t14:<style>";
    their rows may carry a title (a fourth item) and line breaks (\\n)."""
    rows = []
    for want, style, tmpl in tsv_rows(HELDOUT3):
        half = "aside" if hashlib.md5(tmpl.encode()).digest()[0] & 1 else "tune"
        rows.append(("enforcement" if want == "warn" else "advert",
                     "h3_%s:%s" % (half, style), tmpl))
    for want, style, tmpl in tsv_rows(FRESH):
        rows.append(("enforcement" if want == "warn" else "advert", "h4:" + style, tmpl))
    for want, style, tmpl in tsv_rows(FINAL):
        rows.append(("enforcement" if want == "warn" else "advert", "h5:" + style, tmpl))
    for want, style, tmpl in tsv_rows(H6):
        rows.append(("enforcement" if want == "warn" else "advert", "h6:" + style, tmpl))
    for want, style, tmpl in tsv_rows(T6):
        rows.append(("enforcement" if want == "warn" else "advert", "t6:" + style, tmpl))
    for want, style, tmpl in tsv_rows(H7):
        rows.append(("enforcement" if want == "warn" else "advert", "h7:" + style, tmpl))
    for want, style, tmpl in tsv_rows(T7):
        rows.append(("enforcement" if want == "warn" else "advert", "t7:" + style, tmpl))
    for name, path in (("h8", H8), ("h9", H9), ("t9", T9), ("h10", H10), ("t10", T10),
                       ("h11", H11), ("t11", T11), ("h12", H12), ("t12", T12),
                       ("h13", H13), ("h14", H14), ("t14", T14)):
        for row in tsv_rows(path):
            want, style, tmpl = row[:3]
            title = row[3] if len(row) > 3 else None
            rows.append(("enforcement" if want == "warn" else "advert",
                         name + ":" + style, tmpl, title))
    return rows


def with_term(tmpl, t):
    """A template (or title) with its {} replaced by the term and each literal
    \\n by a line break; None stays None."""
    return None if tmpl is None else tmpl.replace("{}", t).replace("\\n", "\n")


def context(args, meta):
    terms = [(t, c) for t, c in load_terms(args.lexicon) if CJK.match(t)]
    n = 0
    h3 = heldout3()
    for t, cat in terms:
        for group, want, tmpls in (("enforcement", "warn", ENFORCE + HELD_OUT_ENFORCE +
                                    HELD_OUT2_ENFORCE),
                                   ("advert", "block", ADVERTS + HELD_OUT_ADVERTS +
                                    HELD_OUT2_ADVERTS)):
            for kind, tmpl in tmpls:
                n += 1
                emit(meta, "c%d" % n, group + ":" + kind, t, cat, want, tmpl.format(t))
        for group, kind, tmpl, *title in h3:
            n += 1
            emit(meta, "c%d" % n, group + ":" + kind, t, cat,
                 "warn" if group == "enforcement" else "block", with_term(tmpl, t),
                 with_term(title[0], t) if title else None)


def emit(meta, cid, kind, t, cat, want, text, title=None):
    line = {"text": text, "id": cid}
    if title is not None:
        line["title"] = title
    print(json.dumps(line, ensure_ascii=False))
    meta.write(json.dumps({"id": cid, "kind": kind, "term": t, "category": cat,
                           "severity": SEVERITY[t], "want": want,
                           "text": text if title is None else title + " || " + text},
                          ensure_ascii=False) + "\n")


def official(args, meta):
    """Correct official text: the N = 0 rows of ecspell's odw.train and the
    paragraphs of the seed regulations (args.lexicon holds the shared/
    directory here).  Expected: no blocking finding."""
    shared = args.lexicon[0]
    rows = []
    odw = os.path.join(shared, "data", "ecspell", "odw.train")
    if os.path.exists(odw):
        with open(odw, encoding="utf-8") as f:
            for i, line in enumerate(f):
                p = line.rstrip("\n").split("\t")
                if p[0] == "0":
                    rows.append(("odw:%d" % i, p[1]))
    seeds = os.path.join(shared, "seeds")
    for name in sorted(os.listdir(seeds)) if os.path.isdir(seeds) else []:
        with open(os.path.join(seeds, name), encoding="utf-8", errors="replace") as f:
            for j, para in enumerate(f.read().split("\n")):
                if para.strip():
                    rows.append(("%s:%d" % (name, j), para))
    for oid, text in rows:
        print(json.dumps({"text": text, "id": oid}, ensure_ascii=False))
        meta.write(json.dumps({"id": oid, "kind": "official", "term": "", "text": text},
                              ensure_ascii=False) + "\n")


H1 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "evasion_h1.tsv")
# How each hand-written kind of evasion_h1.tsv matches, for the policy's
# "off" (rumour homophones are left out, as in the generated kinds).
H1_VIA = {"shape": "homophone", "fuzzy": "homophone", "digit_syl": "homophone",
          "emoji_syl": "homophone", "chaizi": "homophone", "initials": "initials",
          "latin_syl": "pinyin", "lookalike": "pinyin", "bopomofo": "pinyin"}


H2 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "evasion_h2.tsv")
H2_VIA = {"shape": "homophone", "shape_mix": "homophone", "variant": "literal",
          "letter_syllable": "pinyin", "initials_syllables": "pinyin", "initials_cue": "initials",
          "near_final": "homophone", "letter_sep": "literal", "cjk_sep": "literal",
          "lookalike2": "pinyin", "mix": "homophone", "chaizi": "homophone"}
H3 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "evasion_h3.tsv")
H3_VIA = {"letter_name": "pinyin", "initials2": "initials", "initials_part": "initials",
          "word_sep": "literal", "letter_filler": "literal", "mask": "homophone",
          "invisible2": "literal", "emoji_word": "homophone", "digit_style": "homophone",
          "insert_word": "literal", "english_mix": "homophone", "chaizi": "homophone",
          "slang": "homophone", "ruby": "literal", "multi": "homophone"}
H4 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "evasion_h4.tsv")
H4_VIA = {"mask": "homophone", "filler2": "literal", "particle": "literal",
          "letter_name": "pinyin", "vertical": "literal", "acrostic": "literal",
          "reversed": "literal", "bracket": "literal", "combining": "literal",
          "line_split": "literal", "digit_syl": "homophone", "emoji_word": "homophone",
          "english": "homophone", "slang": "homophone", "compat": "literal",
          "multi": "homophone"}
H5 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "evasion_h5.tsv")
H5_VIA = {"letter_name": "pinyin", "tone_pinyin": "pinyin", "pinyin_mix": "pinyin",
          "initials_mix": "initials", "homophone": "homophone", "slang": "homophone",
          "emoji_word": "homophone", "digit_syl": "homophone", "english": "homophone",
          "bracket": "literal", "reversed": "literal", "acrostic": "literal",
          "vertical": "literal", "particle": "literal", "compat": "literal",
          "traditional_sep": "literal", "mask_first": "homophone", "line_split": "literal",
          "mask": "homophone", "multi": "homophone"}
EVASION_H6 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "evasion_h6.tsv")
H6_VIA = {"letter_name": "pinyin", "mask_first": "homophone", "acrostic": "literal",
          "acrostic_clause": "literal", "acrostic_tail": "literal", "particle": "literal",
          "emoji_word": "homophone", "english": "homophone", "styled_latin": "pinyin",
          "homoglyph": "pinyin", "kana_chaizi": "homophone", "ruby": "literal",
          "reversed": "literal", "initials_mix": "initials", "pinyin_mix": "pinyin",
          "digit_syl": "homophone", "homophone": "homophone", "bopomofo": "pinyin",
          "mask": "homophone", "line_split": "literal", "aside": "literal",
          "chaizi": "homophone", "shape": "homophone", "multi": "homophone"}
# Each hand-written set: (file, how its kinds match, its carrier sentence).
HELD_OUT = {"h1": (H1, H1_VIA, "本店长期提供{}服务，欢迎垂询"),
            "h2": (H2, H2_VIA, "新朋友进群就能了解{}，名额有限"),
            "h3": (H3, H3_VIA, "家人们，{}戳主页了解，私信秒回"),
            "h4": (H4, H4_VIA, "宝子们看过来，{}懂的都懂，评论区扣1"),
            "h5": (H5, H5_VIA, "老铁们双击关注，{}私聊我，主页有联系方式"),
            "h6": (EVASION_H6, H6_VIA, "姐妹们冲！{}，链接在评论区，手慢无")}


def held_out(args, meta):
    """A hand-written evasion set (evasion_h1.tsv of session 23,
    evasion_h2.tsv of session 24, evasion_h3.tsv of session 25, evasion_h4.tsv
    of session 26, evasion_h5.tsv of session 27, evasion_h6.tsv of session 28, each written
    before any change): each row
    alone and inside a carrier sentence, kind "<set>:<kind>".  args.lexicon
    names the lexicons (for the categories)."""
    path, vias, carrier = HELD_OUT[args.what]
    cats = dict(load_terms(args.lexicon))
    n = 0
    for variant, term, kind in tsv_rows(path):
        v = variant.replace("\\n", "\n")
        for tmpl in ("{}", carrier):
            n += 1
            vid = "%s_%d" % (args.what, n)
            print(json.dumps({"text": tmpl.format(v), "id": vid}, ensure_ascii=False))
            meta.write(json.dumps({"id": vid, "kind": args.what + ":" + kind, "term": term,
                                   "category": cats.get(term, "general"),
                                   "via": vias.get(kind, "literal"), "variant": v},
                                  ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["evasion", "quiet", "context", "official", "h1", "h2", "h3", "h4", "h5",
                                       "h6"])
    ap.add_argument("lexicon", nargs="+")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--per-kind", type=int, default=2)
    ap.add_argument("--per-term", type=int, default=3)
    ap.add_argument("--terms", type=int, default=0, help="sample this many terms (0: all)")
    ap.add_argument("--meta", required=True)
    ap.add_argument("--kinds", default="", help="evasion kinds, comma-separated (default: KINDS)")
    args = ap.parse_args()
    with open(args.meta, "w", encoding="utf-8") as meta:
        {"evasion": evasion, "quiet": soundalikes, "context": context,
         "official": official, "h1": held_out, "h2": held_out, "h3": held_out,
         "h4": held_out, "h5": held_out, "h6": held_out}[args.what](args, meta)


if __name__ == "__main__":
    main()
