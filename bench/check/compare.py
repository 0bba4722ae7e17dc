"""Checks that the three matchers agree where their semantics agree, on the
dumped sample (the first DUMP_BYTES of the corpus).

Hyperscan and pyahocorasick match raw literals: their hit sets must be equal.
govmedia matches the normal form: every raw-literal hit must be a govmedia
hit at the same bytes, except where repeat folding widens it (the letter before
the hit, noise skipped, repeats the term's first character, or the one after
repeats its last); govmedia's extra hits are ones a raw matcher cannot see (terms
split by punctuation or spaces, variants).
usage: compare.py CORPUS LEX GOVMEDIA_DUMP HYPERSCAN_DUMP PYAC_DUMP"""
import sys
import unicodedata


def strip_noise(s, tail):
    """Drops the noise govmedia skips (anything but letters and digits)."""
    keep = lambda c: unicodedata.category(c)[0] in "LN"
    if tail:
        while s and not keep(s[-1]):
            s = s[:-1]
    else:
        while s and not keep(s[0]):
            s = s[1:]
    return s


def load(path):
    with open(path) as f:
        return {tuple(map(int, l.split())) for l in f if l.strip()}


def main():
    corpus, lex, gm, hs, pyac = sys.argv[1:6]
    lines = open(corpus, "rb").read().split(b"\n")
    terms = [t for t in open(lex, encoding="utf-8").read().split("\n") if t]
    g, h, p = load(gm), load(hs), load(pyac)
    print(f"sample hits: govmedia {len(g)}, hyperscan {len(h)}, pyahocorasick {len(p)}")
    ok = True
    if h != p:
        ok = False
        print(f"DISAGREE hyperscan vs pyahocorasick: {len(h - p)} only in hyperscan, {len(p - h)} only in pyahocorasick")
    else:
        print("hyperscan == pyahocorasick: identical hit sets")
    g_spans = {}
    for line, term, b0, b1 in g:
        g_spans.setdefault((line, term), []).append((b0, b1))
    folded, missing = 0, []
    for line, term, b0, b1 in h - g:
        text = lines[line].decode("utf-8")
        pre = strip_noise(lines[line][:b0].decode("utf-8"), True)
        post = strip_noise(lines[line][b1:].decode("utf-8"), False)
        w = terms[term]
        covered = any(s <= b0 and b1 <= e for s, e in g_spans.get((line, term), []))
        if covered and ((pre and pre[-1] == w[0]) or (post and post[0] == w[-1])):
            folded += 1
        else:
            missing.append((line, w, text[max(0, len(pre) - 5):len(pre) + len(w) + 5]))
    print(f"raw-literal hits found by govmedia at the same bytes: {len(h & g)}; "
          f"widened by repeat folding: {folded}; missed: {len(missing)}")
    for m in missing[:10]:
        print("  missed:", m)
    print(f"govmedia-only hits (normalisation: terms across punctuation/space, variants): {len(g - h)}")
    if missing:
        ok = False
    print("AGREE" if ok else "DISAGREE")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
