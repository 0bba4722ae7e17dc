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
Domain usage (official text): with --domain FILE (ECSpell format, the
correct column of data/expressions/odw/odw.train), the correct sentences are
segmented into words (best unigram segmentation over jieba's dictionary and
the model's words) and the model learns their official vocabulary: a word of
1-4 characters the open-gram model lacks is added, and the unigram and
bigram probabilities of the words and word pairs seen there are
interpolated with the sentences' own relative frequencies
(P = (1 - lambda) P_model + lambda P_domain).  Only words and word pairs are
learned, never whole sentences.  --vocabulary FILE ... adds the words the
product's own tables and lists name, which government accounts write all
the time and the open-gram corpus (collected before they existed) lacks:
the platform labels of src/core/platform.c (抖音, 快手, 头条号), the
enforcement words of data/check/context.txt (反诈, 禁毒), the allow list
data/check/allow.txt and the correct forms of data/expressions/names.txt,
formulations.txt and outdated.txt.  An entry of 1-4 CJK characters is one
word, a longer one is segmented; each of those words the model lacks is
added at the probability of a word seen once in the official sentences,
so a platform name is no longer read as a slip (抖音 -> 拼音).  The names
are no domain counts: they change no probability the official sentences
set, so editing a list moves the detector only where its new words occur.
--hold-out K,... leaves out the rows whose
index mod 5 is one of K, and every other row sharing a run of HOLD_OUT_RUN
characters of its correct text with one of them (the file repeats sentences
with different slips), so that those rows measure the model honestly.
Usage: gen_expr_lm.py OUT [LM_FILE LEXICON TSLMINFO]
                      [--domain FILE] [--jieba DICT] [--hold-out K,...]
                      [--vocabulary FILE ...]
"""
import argparse
import array
import math
import os
import re
import struct
import subprocess
import sys

DATA = "/usr/lib/x86_64-linux-gnu/sunpinyin/data"
JIEBA = "/usr/lib/python3/dist-packages/jieba/dict.txt"
HOLD_OUT_RUN = 10          # characters a sentence may share with a held-out one
UNIGRAM_LAMBDA = 0.3       # weight of the domain's relative word frequencies
BIGRAM_LAMBDA = 0.5        # weight of the domain's relative pair frequencies


def lexicon(path):
    """Word id -> text, from the string table of the pinyin trie."""
    with open(path, "rb") as f:
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


def read_model(words, tslminfo, lm):
    """Unigrams {id: (logp, backoff)} and bigrams [(id1, id2, logp)]."""
    uni, bi, level = {}, [], 0
    proc = subprocess.Popen([tslminfo, "-v", lm], stdout=subprocess.PIPE, text=True,
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


def domain_sentences(path, hold_out):
    """The correct column of an ECSpell-format file, less the held-out rows
    and every row sharing a HOLD_OUT_RUN-character run with one of them."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) == 3:
                rows.append(p[2])
    held = [r for i, r in enumerate(rows) if i % 5 in hold_out]
    runs = {r[k:k + HOLD_OUT_RUN] for r in held for k in range(max(1, len(r) - HOLD_OUT_RUN + 1))}
    return [r for i, r in enumerate(rows) if i % 5 not in hold_out and
            not any(r[k:k + HOLD_OUT_RUN] in runs for k in range(max(1, len(r) - HOLD_OUT_RUN + 1)))]


def product_entries(paths):
    """The names the product's own tables and lists hold: the labels of a
    C table of {"key", "label"} pairs (src/core/platform.c), or the first
    column of a list file (one entry a line, TAB-separated, # comments)."""
    entries = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if path.endswith(".c"):
            found = re.findall(r'\{"[a-z_]+",\s*"([^"]+)"\}', text)
        else:
            found = [line.split("\t")[0].strip() for line in text.splitlines()
                     if line.strip() and not line.lstrip().startswith("#")]
        if not found:
            sys.exit("gen_expr_lm: no entries in %s" % path)
        entries += [e for e in found if re.search("[\u4e00-\u9fff]", e)]
    return entries


def segmenter_vocabulary(jieba_path, model_words):
    """word -> natural-log unigram probability for segmenting: jieba's
    dictionary, and the model's words it lacks as if seen once."""
    freq = {}
    with open(jieba_path, encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if len(p) >= 2 and usable(p[0]):
                freq[p[0]] = freq.get(p[0], 0) + int(p[1])
    for w in model_words:
        freq.setdefault(w, 1)
    total = float(sum(freq.values()))
    return {w: math.log(c / total) for w, c in freq.items()}


def segment(run, vocab):
    """Best unigram segmentation of a CJK run into vocabulary words (an
    unknown character is a word of its own)."""
    best, back = [0.0] + [-1e30] * len(run), [0] * (len(run) + 1)
    for j in range(1, len(run) + 1):
        for l in range(1, min(4, j) + 1):
            lp = vocab.get(run[j - l:j], -30.0 if l == 1 else None)
            if lp is not None and best[j - l] + lp > best[j]:
                best[j], back[j] = best[j - l] + lp, l
    out, j = [], len(run)
    while j > 0:
        out.append(run[j - back[j]:j])
        j -= back[j]
    return out[::-1]


def domain_counts(sentences, vocab):
    """Word and adjacent word-pair counts of the sentences' CJK runs."""
    uni, bi = {}, {}
    for s in sentences:
        for run in re.findall("[\u4e00-\u9fff]+", s):
            ws = segment(run, vocab)
            for k, w in enumerate(ws):
                uni[w] = uni.get(w, 0) + 1
                if k:
                    bi[(ws[k - 1], w)] = bi.get((ws[k - 1], w), 0) + 1
    return uni, bi


def name_words(run, vocab):
    """The words of a long name: its segmentation, with each stretch of
    2-4 characters the dictionaries know only one by one joined into one
    word (微信公众号 -> 微信, 公众, 号: the name is newer than both
    dictionaries, and so is its first word)."""
    out, single = [], ""
    for w in segment(run, vocab) + [""]:
        if len(w) == 1:
            single += w
            continue
        if 2 <= len(single) <= 4:
            out.append(single)
        elif single:
            out += list(single)
        single = ""
        if w:
            out.append(w)
    return out


def learn_names(texts, logp, backoff, names, vocab, domain_words):
    """Makes the words of the product's names (an entry of 1-4 characters,
    or the segments of a longer one) at least as likely as a word seen once
    in the official sentences (UNIGRAM_LAMBDA / domain_words), adding those
    the model lacks, and nothing else: no counts join the official
    sentences' frequencies, no word pairs are learned, no other word
    changes.  So an edit of a list moves only its own words - before, every
    entry was a domain count, and any edit of data/check/context.txt
    reweighted the whole official vocabulary.  Returns the words added."""
    index = {w: i for i, w in enumerate(texts)}
    lp = math.log(UNIGRAM_LAMBDA / domain_words) if domain_words else min(logp)
    added = 0
    for name in names:
        for run in re.findall("[\u4e00-\u9fff]+", name):
            for w in ([run] if usable(run) else name_words(run, vocab)):
                if len(w) < 2:
                    continue
                if w not in index:
                    index[w] = len(texts)
                    texts.append(w)
                    logp.append(lp)
                    backoff.append(0.0)
                    added += 1
                elif logp[index[w]] < lp:
                    logp[index[w]] = lp
    return added


def learn_domain(texts, logp, backoff, pairs, uni, bi):
    """Interpolates the model (texts[i]: word i; logp, backoff: lists;
    pairs: {(i, j): logp}) with the domain counts, adding unknown words."""
    index = {w: i for i, w in enumerate(texts)}
    for w in sorted(uni):
        if w not in index:
            index[w] = len(texts)
            texts.append(w)
            logp.append(None)
            backoff.append(0.0)
    total = float(sum(uni.values()))
    old = list(logp)
    for w, c in uni.items():
        i = index[w]
        p = 0.0 if old[i] is None else math.exp(old[i])
        logp[i] = math.log((1 - UNIGRAM_LAMBDA) * p + UNIGRAM_LAMBDA * c / total)
    history = {}
    for (a, _b), c in bi.items():
        history[a] = history.get(a, 0) + c
    for (a, b), c in bi.items():
        ia, ib = index[a], index[b]
        lp = pairs.get((ia, ib))
        p = math.exp(lp) if lp is not None else math.exp(backoff[ia] + logp[ib])
        pairs[(ia, ib)] = math.log((1 - BIGRAM_LAMBDA) * p + BIGRAM_LAMBDA * c / history[a])


def write_model(out, keys, logp, backoff, pairs):
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(b"GMLM0001")
        f.write(struct.pack("<2I", len(keys), len(pairs)))
        for typecode, values in (("Q", keys), ("f", logp), ("f", backoff),
                                 ("I", [p[0] for p in pairs]),
                                 ("I", [p[1] for p in pairs]),
                                 ("f", [p[2] for p in pairs])):
            a = array.array(typecode, values)
            if sys.byteorder != "little":
                a.byteswap()
            f.write(a.tobytes())
    os.replace(tmp, out)


def main():
    ap = argparse.ArgumentParser(description="Builds the 错别字 check's word bigram model.")
    ap.add_argument("out")
    ap.add_argument("lm", nargs="?", default=os.path.join(DATA, "lm_sc.t3g"))
    ap.add_argument("lexicon", nargs="?", default=os.path.join(DATA, "pydict_sc.bin"))
    ap.add_argument("tslminfo", nargs="?", default="/usr/bin/tslminfo")
    ap.add_argument("--domain", help="ECSpell-format file of official sentences")
    ap.add_argument("--jieba", default=JIEBA, help="jieba's dict.txt (segmenting the domain)")
    ap.add_argument("--hold-out", default="", help="row classes (index mod 5) not learned from")
    ap.add_argument("--vocabulary", nargs="*", default=[],
                    help="the product's tables and lists whose names are learned as words")
    args = ap.parse_args()
    if array.array("I").itemsize != 4 or array.array("f").itemsize != 4:
        sys.exit("gen_expr_lm: needs 32-bit array items")
    words = lexicon(args.lexicon)
    uni, bi = read_model(words, args.tslminfo, args.lm)
    ids = sorted(uni)
    index = {wid: i for i, wid in enumerate(ids)}
    texts = [words[w] for w in ids]
    logp = [uni[w][0] for w in ids]
    backoff = [uni[w][1] for w in ids]
    pairs = {(index[a], index[b]): lp for a, b, lp in bi if b in index}
    if len(ids) < 1000 or len(pairs) < 1000:
        sys.exit("gen_expr_lm: the SunPinyin model looks empty (%d words, %d bigrams)"
                 % (len(ids), len(pairs)))
    if args.domain or args.vocabulary:
        hold_out = {int(k) for k in args.hold_out.split(",") if k.strip()}
        sentences = domain_sentences(args.domain, hold_out) if args.domain else []
        names = product_entries(args.vocabulary)
        vocab = segmenter_vocabulary(args.jieba, texts)
        uni_counts, bi_counts = domain_counts(sentences, vocab)
        learn_domain(texts, logp, backoff, pairs, uni_counts, bi_counts)
        added = learn_names(texts, logp, backoff, names, vocab, sum(uni_counts.values()))
        print("gen_expr_lm: learned from %d official sentences, %d words, and %d product names, "
              "%d words" % (len(sentences), len(texts) - len(ids) - added, len(names), added))
    # Ascending pairs: the loader takes them as each word's sorted list of
    # successors as they stand (and refuses any other order).
    write_model(args.out, [key(w) for w in texts], logp, backoff,
                sorted((a, b, lp) for (a, b), lp in pairs.items()))


if __name__ == "__main__":
    main()
