"""Generates the benchmark data from real Chinese words (python3-jieba's
dictionary) and real regulation text (shared seeds, when present):

  lex20k.txt   20,000 lexicon terms (pure CJK, 2-6 characters, already
               simplified, no adjacent repeated characters, so that raw
               literal matchers and govmedia's normalised matcher agree on
               what a hit is)
  lex100k.txt  100,000 terms chosen the same way (memory figure)
  corpus.txt   >= 50 MB of post-length text (40-400 characters a line):
               frequency-weighted jieba words and seed sentences, with
               Chinese punctuation, numbers, some Latin and emoji

usage: gen.py OUT_DIR [MB]"""
import glob
import os
import random
import re
import subprocess
import sys

DICT = "/usr/lib/python3/dist-packages/jieba/dict.txt"
CJK = re.compile(r"^[\u4e00-\u9fff]+$")


def load_dict():
    words, freqs = [], []
    with open(DICT, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                words.append(parts[0])
                freqs.append(int(parts[1]))
    return words, freqs


def t2s_lines(items):
    p = subprocess.run(["opencc", "-c", "t2s"], input="\n".join(items).encode("utf-8"),
                       capture_output=True, check=True)
    return p.stdout.decode("utf-8").split("\n")


def simplified(words):
    """Words unchanged by OpenCC t2s, both as phrases and character by
    character (govmedia converts per character: a word such as 乾坤 would
    otherwise normalise to 干坤 and collide with another term)."""
    chars = sorted({c for w in words for c in w})
    stable = {c for c, s in zip(chars, t2s_lines(chars)) if c == s}
    return {w for w, s in zip(words, t2s_lines(words)) if w == s and all(c in stable for c in w)}


def candidates(words, freqs):
    pool = [w for w, f in zip(words, freqs)
            if 2 <= len(w) <= 6 and CJK.match(w) and f >= 3
            and all(w[i] != w[i + 1] for i in range(len(w) - 1))]
    keep = simplified(pool)
    return sorted(w for w in pool if w in keep)


def seed_sentences():
    here = os.path.dirname(os.path.abspath(__file__))
    out = []
    for path in glob.glob(os.path.join(here, "..", "..", "..", "shared", "seeds", "*.txt")):
        with open(path, encoding="utf-8", errors="ignore") as f:
            text = f.read()
        out += [s.strip() for s in re.split(r"[。！？\n]", text) if 10 <= len(s.strip()) <= 120]
    return out


PUNCT = "，，，，。。、；：！？“”（）《》"
EXTRA = ["2025年", "12月", "第3季度", "APP", "微博", "😀", "👍", "100%", "GDP", "5G", "No.1"]


def post(rng, words, cum, seeds):
    target = rng.randint(40, 400)
    parts, n = [], 0
    while n < target:
        r = rng.random()
        if seeds and r < 0.15:
            s = rng.choice(seeds)
        elif r < 0.18:
            s = rng.choice(EXTRA)
        else:
            k = rng.randint(3, 12)
            s = "".join(rng.choices(words, cum_weights=cum, k=k))
        parts.append(s)
        parts.append(rng.choice(PUNCT))
        n += len(s) + 1
    return "".join(parts)[:target] + "。"


def main():
    out = sys.argv[1]
    mb = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20261123)
    words, freqs = load_dict()
    pool = candidates(words, freqs)
    rng.shuffle(pool)
    with open(os.path.join(out, "lex20k.txt"), "w", encoding="utf-8") as f:
        f.write("".join(w + "\n" for w in sorted(pool[:20000])))
    with open(os.path.join(out, "lex100k.txt"), "w", encoding="utf-8") as f:
        f.write("".join(w + "\n" for w in sorted(pool[:100000])))
    cum, total = [], 0
    for fr in freqs:
        total += fr
        cum.append(total)
    seeds = seed_sentences()
    size = 0
    with open(os.path.join(out, "corpus.txt"), "w", encoding="utf-8") as f:
        while size < mb * 1024 * 1024:
            lines = [post(rng, words, cum, seeds) for _ in range(2000)]
            chunk = "\n".join(lines) + "\n"
            f.write(chunk)
            size += len(chunk.encode("utf-8"))
    print(f"gen: {len(pool)} candidate terms, corpus {size / 1048576:.1f} MB, {len(seeds)} seed sentences")


if __name__ == "__main__":
    main()
