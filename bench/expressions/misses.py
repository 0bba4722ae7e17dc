#!/usr/bin/env python3
"""Lists the misses of the 错别字 detector on the INNER split only (rows of
index 3 mod 5 of odw.train, measured with a model learned from rows 0-2:
`INNER=1 bash bench/expressions/run.sh` first).  The held-out rows (index 4
mod 5) are never read here: their misses must not be looked at.

Every wrong character of rows 3 is put in one bucket: found, wrong
correction, scored too low (a suggestion below the threshold), no confusion
link (the right character is neither a member of the wrong one's confusion
set nor of the same syllable), no candidate (linked, but nothing proposed);
the last is split by the length of the run of wrong characters it stands in.
With -v the rows of a bucket are printed (sentence with the run marked,
the wrong and right runs, whether each is a dictionary word, and whether
the runs share their syllables).
Usage: misses.py [-v BUCKET] [THRESHOLD]
"""
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from score import load_rows  # noqa: E402  (the file's rows, read one way)
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(ROOT, "data/expressions/odw/odw.train")
OUT = os.path.join(HERE, "out-inner")
MODEL = os.path.join(OUT, "build/generated/expr_model.txt")


def load_model():
    words, conf, read = {}, {}, {}
    with open(MODEL, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0] == "W":
                words[p[1]] = int(p[2])
            elif p[0] == "C":
                conf[p[1]] = set(p[2])
            elif p[0] == "R":
                read[p[1]] = set(p[2].split())
    return words, conf, read


def same_syllables(a, b, read):
    return all(read.get(x, set()) & read.get(y, set()) for x, y in zip(a, b))


def main():
    args = sys.argv[1:]
    verbose = None
    if args[:1] == ["-v"]:
        verbose, args = args[1], args[2:]
    th = float(args[0]) if args else 14.5
    rows = load_rows(DATA)
    sugg = collections.defaultdict(dict)
    with open(os.path.join(OUT, "suggestions.txt"), encoding="utf-8") as f:
        for line in f:
            r, cp, ch, gain, path = line.rstrip("\n").split("\t")[:5]
            r = int(r)
            if r % 5 != 3:
                continue
            cp, gain = int(cp), float(gain)
            if cp not in sugg[r] or sugg[r][cp][1] < gain:
                sugg[r][cp] = (ch, gain, path)
    words, conf, read = load_model()
    buckets = collections.Counter()
    shown = collections.defaultdict(list)
    for r, (a, b) in enumerate(rows):
        if r % 5 != 3:
            continue
        errs = [i for i in range(min(len(a), len(b))) if a[i] != b[i]]
        runs = {}
        for i in errs:
            s = i
            while s - 1 in errs:
                s -= 1
            e = i
            while e + 1 in errs:
                e += 1
            runs[i] = (s, e + 1)
        for i in errs:
            s = sugg[r].get(i)
            linked = b[i] in conf.get(a[i], ()) or same_syllables(a[i], b[i], read)
            if s and s[1] >= th:
                k = "found" if s[0] == b[i] else "wrong correction"
            elif s:
                k = "scored too low"
            elif not linked:
                k = "no confusion link"
            else:
                rs, re_ = runs[i]
                k = "no candidate, run of %d" % min(re_ - rs, 3)
            buckets[k] += 1
            if verbose and k.startswith(verbose):
                rs, re_ = runs[i]
                if rs != i and k.startswith("no candidate"):
                    continue
                wa, wb = a[rs:re_], b[rs:re_]
                shown[k].append("%4d %s[%s]%s | %s->%s word %d/%d homo %d %s" % (
                    r, a[max(0, rs - 8):rs], wa, a[re_:re_ + 8], wa, wb, wa in words,
                    wb in words, same_syllables(wa, wb, read),
                    "" if not s else "(%s %.1f p%s)" % s))
    total = sum(buckets.values())
    for k, n in sorted(buckets.items()):
        print("%-28s %4d  %.3f" % (k, n, n / total))
    for k, lines in sorted(shown.items()):
        print("==", k)
        print("\n".join(lines))


if __name__ == "__main__":
    main()
