#!/usr/bin/env python3
"""Builds the word bigram language model of the 错别字 check at build time.

Run by CMake (see CMakeLists.txt) into the build directory; never committed.
Input: the SunPinyin language model of Debian's `sunpinyin-data`
  /usr/lib/x86_64-linux-gnu/sunpinyin/data/lm_sc.t3g   back-off word trigram
        model trained on the open-gram corpus (about 84,000 words),
        dumped as text by `tslminfo -v` (package `sunpinyin-utils`);
  .../pydict_sc.bin   its lexicon: after three 32-bit header words
        (word count, node count, string offset) the words are stored from the
        string offset as 0-terminated UTF-32 strings in word-id order.
Only the unigram and bigram levels are kept, and only words of 1-4 CJK
characters (U+4E00..U+9FFF), which is what the detector scores.

Output (little-endian binary, read by src/check/typo_lm.c):
  "GMLM0001"  magic
  u32 words, u32 bigrams
  u64 key[words]      the word's characters as 15-bit offsets from U+4E00,
                      after its length (the key of src/check/typo_model.c)
  f32 logp[words]     natural-log unigram probability
  f32 backoff[words]  natural-log back-off weight
  u32 first[bigrams], u32 second[bigrams]   word indexes, ascending pairs
  f32 bilogp[bigrams] natural-log P(second | first)
Usage: gen_expr_lm.py OUT [LM_FILE LEXICON TSLMINFO]
"""
import array
import os
import struct
import subprocess
import sys

DATA = "/usr/lib/x86_64-linux-gnu/sunpinyin/data"
OUT = sys.argv[1]
LM = sys.argv[2] if len(sys.argv) > 2 else os.path.join(DATA, "lm_sc.t3g")
LEXICON = sys.argv[3] if len(sys.argv) > 3 else os.path.join(DATA, "pydict_sc.bin")
TSLMINFO = sys.argv[4] if len(sys.argv) > 4 else "/usr/bin/tslminfo"


def lexicon():
    """Word id -> text, from the string table of the pinyin trie."""
    with open(LEXICON, "rb") as f:
        data = f.read()
    count, _nodes, start = struct.unpack_from("<3I", data, 0)
    chars = array.array("I")
    chars.frombytes(data[start:start + (len(data) - start) // 4 * 4])
    if sys.byteorder != "little":
        chars.byteswap()
    words, cur = [], []
    for c in chars:
        if c == 0:
            words.append("".join(map(chr, cur)))
            cur = []
            if len(words) == count:
                break
        else:
            cur.append(c)
    return words


def key(word):
    k = len(word)
    for ch in word:
        k = (k << 15) | (ord(ch) - 0x4E00)
    return k


def usable(word):
    return 1 <= len(word) <= 4 and all(0x4E00 <= ord(c) <= 0x9FFF for c in word)


def read_model(words):
    """Unigrams {id: (logp, backoff)} and bigrams [(id1, id2, logp)]."""
    uni, bi, level = {}, [], 0
    proc = subprocess.Popen([TSLMINFO, "-v", LM], stdout=subprocess.PIPE, text=True,
                            encoding="ascii", errors="replace")
    for line in proc.stdout:
        if line.startswith("\\"):
            level = int(line[1])
            if level == 3:
                break
            continue
        p = line.split()
        if level == 1 and usable(words[int(p[0])]):
            uni[int(p[0])] = (-float(p[1]), -float(p[2]))
        elif level == 2:
            a, b = int(p[0]), int(p[1])
            if a in uni and usable(words[b]):
                bi.append((a, b, -float(p[2])))
    proc.stdout.close()
    proc.kill()
    proc.wait()
    return uni, bi


def main():
    if array.array("I").itemsize != 4 or array.array("f").itemsize != 4:
        sys.exit("gen_expr_lm: needs 32-bit array items")
    words = lexicon()
    uni, bi = read_model(words)
    ids = sorted(uni)
    index = {wid: i for i, wid in enumerate(ids)}
    # Ascending pairs: the loader takes them as each word's sorted list of
    # successors as they stand (and refuses any other order).
    pairs = sorted((index[a], index[b], lp) for a, b, lp in bi if b in index)
    if len(ids) < 1000 or len(pairs) < 1000:
        sys.exit("gen_expr_lm: the SunPinyin model looks empty (%d words, %d bigrams)"
                 % (len(ids), len(pairs)))
    tmp = OUT + ".tmp"
    with open(tmp, "wb") as f:
        f.write(b"GMLM0001")
        f.write(struct.pack("<2I", len(ids), len(pairs)))
        for typecode, values in (("Q", [key(words[w]) for w in ids]),
                                 ("f", [uni[w][0] for w in ids]),
                                 ("f", [uni[w][1] for w in ids]),
                                 ("I", [p[0] for p in pairs]),
                                 ("I", [p[1] for p in pairs]),
                                 ("f", [p[2] for p in pairs])):
            a = array.array(typecode, values)
            if sys.byteorder != "little":
                a.byteswap()
            f.write(a.tobytes())
    os.replace(tmp, OUT)


if __name__ == "__main__":
    main()
