#!/usr/bin/env python3
"""Correct official text OUTSIDE odw.train, for the 错别字 detector's false
alarms (issue 15 point 2): what a government account writes that the word
model never learned from.

  outside.py build OUT.tsv            writes the pieces (ECSpell format, both
                                      columns the same text) and OUT.tsv.src
                                      (each piece's source, one a line)
  outside.py score OUT.tsv SUGG TH... share of pieces flagged per source at
                                      each threshold, then every finding from
                                      the lowest threshold up

Sources (each piece a sentence of 4 or more CJK characters, no repeats):
  seed     the Chinese regulations of ../shared/seeds ($GM_SHARED/seeds when
           set), split at 。！？；
           and line ends (when the directory exists)
  hset     the official sentences of bench/evasion/context_*.tsv that must
           only warn (want = warn), the enforcement term filled in
  demo     the strings of src/cli/demo*.c (the demo data)
  console  the strings of web/src (*.vue, *.js) and the other C sources:
           labels and messages the product itself shows
Nothing here is tuned on: it is read after a choice is made on the inner
split, to see what the choice does to text of the kind the file lacks.
"""
import collections
import glob
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CJK = re.compile(r"[\u4e00-\u9fff]")
STRING = re.compile(r'"([^"\n]*[\u4e00-\u9fff][^"\n]*)"|>([^<>\n]*[\u4e00-\u9fff][^<>\n]*)<|'
                    r"'([^'\n]*[\u4e00-\u9fff][^'\n]*)'")
TERM = "电信诈骗"


def sentences(text):
    for piece in re.split(r"[。！？；!?;\n]", text):
        piece = piece.strip()
        if len(CJK.findall(piece)) >= 4 and "\t" not in piece:
            yield piece


def strings(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for m in STRING.findall(f.read()):
                for s in m:
                    if s:
                        yield from sentences(s.replace("\\n", "\n"))


def pieces():
    # A git worktree is not beside shared/: GM_SHARED names it then.
    seeds = os.path.join(os.environ.get("GM_SHARED", os.path.join(ROOT, "..", "shared")), "seeds")
    for path in sorted(glob.glob(os.path.join(seeds, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            for s in sentences(f.read()):
                yield "seed", s
    for path in sorted(glob.glob(os.path.join(ROOT, "bench", "evasion", "context_*.tsv"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                p = line.rstrip("\n").split("\t")
                if not line.startswith("#") and len(p) >= 3 and p[0] == "warn":
                    for s in sentences(p[2].replace("{}", TERM).replace("\\n", "\n")):
                        yield "hset", s
    demo = sorted(glob.glob(os.path.join(ROOT, "src", "cli", "demo*.c")))
    yield from (("demo", s) for s in strings(demo))
    console = sorted(glob.glob(os.path.join(ROOT, "web", "src", "**", "*.vue"), recursive=True) +
                     glob.glob(os.path.join(ROOT, "web", "src", "**", "*.js"), recursive=True) +
                     [p for p in glob.glob(os.path.join(ROOT, "src", "**", "*.c"), recursive=True)
                      if p not in demo])
    yield from (("console", s) for s in strings(console))


def build(out):
    seen, rows = set(), []
    for src, s in pieces():
        if s not in seen:
            seen.add(s)
            rows.append((src, s))
    with open(out, "w", encoding="utf-8") as f, open(out + ".src", "w") as g:
        for src, s in rows:
            f.write("0\t%s\t%s\n" % (s, s))
            g.write(src + "\n")
    print("%d pieces: %s" % (len(rows), dict(collections.Counter(s for s, _ in rows))))


def score(tsv, sugg, ths):
    with open(tsv, encoding="utf-8") as f:
        text = [line.rstrip("\n").split("\t")[1] for line in f]
    with open(tsv + ".src") as f:
        src = [line.strip() for line in f]
    hits = collections.defaultdict(list)
    with open(sugg, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            hits[int(p[0])].append((int(p[1]), p[2], float(p[3]), p[4] if len(p) > 4 else "?"))
    total = collections.Counter(src)
    for th in ths:
        flagged = collections.Counter(src[r] for r, h in hits.items()
                                      if any(g >= th for _, _, g, _ in h))
        parts = ", ".join("%s %d/%d" % (k, flagged[k], total[k]) for k in sorted(total))
        print("threshold %.1f: %d of %d pieces flagged (%.2f %%) - %s" %
              (th, sum(flagged.values()), len(text), 100.0 * sum(flagged.values()) / len(text),
               parts))
    lo = min(ths)
    found = [(g, r, cp, ch, path) for r, h in hits.items() for cp, ch, g, path in h if g >= lo]
    for g, r, cp, ch, path in sorted(found, reverse=True):
        s = text[r]
        print("%6.2f %-7s path %s  %s->%s  %s[%s]%s" % (g, src[r], path, s[cp], ch,
                                                     s[max(0, cp - 8):cp], s[cp], s[cp + 1:cp + 8]))


if __name__ == "__main__":
    if sys.argv[1] == "build":
        build(sys.argv[2])
    else:
        score(sys.argv[2], sys.argv[3], [float(t) for t in sys.argv[4:]] or [14.5])
