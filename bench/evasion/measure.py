#!/usr/bin/env python3
"""measure.py - scores `govmedia check --jsonl` reports against the
expectations variants.py wrote (its --meta file).

  measure.py evasion META REPORTS [POLICY]   catch rate per kind
  measure.py quiet   META REPORTS            blocking / warning false hits
  measure.py context META REPORTS [POLICY]   enforcement sentences warn, adverts block
Prints one markdown table and, with --misses N, up to N misses per kind.
The score_* functions are also used by tests/api/test_check_evasion_variants.py.
"""
import argparse
import collections
import json


def load(meta, reports):
    want = collections.OrderedDict()
    with open(meta, encoding="utf-8") as f:
        for line in f:
            m = json.loads(line)
            want[m["id"]] = m
    got = {}
    with open(reports, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            got[r["id"]] = r
    return want, got


def policy_rows(path):
    """{category: {"pinyin","homophone","context"}} of data/check/policy.txt."""
    rows = {}
    if path:
        with open(path, encoding="utf-8") as f:
            for line in f:
                p = line.split("#")[0].split()
                if len(p) == 4:
                    rows[p[0]] = {"pinyin": p[1], "homophone": p[2], "context": p[3]}
    return rows


def row_of(rows, cat):
    return rows.get(cat) or rows.get("*") or {}


def lexicon(r):
    return [f for f in r.get("findings", []) if f.get("rule") == "lexicon"]


def score_evasion(want, got, rows):
    """{kind: [variants, caught, blocking]}, misses.  Variants whose match
    the policy turns off (rumour homophones) are left out."""
    stat = collections.OrderedDict()
    misses = collections.defaultdict(list)
    for vid, m in want.items():
        if row_of(rows, m["category"]).get(m["via"]) == "off":
            continue
        s = stat.setdefault(m["kind"], [0, 0, 0])
        s[0] += 1
        hits = [f for f in lexicon(got[vid]) if f["term"] == m["term"]]
        if hits:
            s[1] += 1
            s[2] += any(f["severity"] == "block" for f in hits)
        else:
            misses[m["kind"]].append((m["term"], m["variant"]))
    return stat, misses


def score_quiet(want, got):
    """[texts, blocking, warning only], misses."""
    s = [0, 0, 0]
    misses = collections.defaultdict(list)
    for qid, m in want.items():
        s[0] += 1
        fs = lexicon(got[qid])
        b = [f for f in fs if f["severity"] == "block"]
        s[1] += bool(b)
        s[2] += bool(fs) and not b
        if fs:
            misses["block" if b else "warn"].append(
                (m["term"], m["text"] + "  -> " +
                 ",".join("%s/%s" % (f["term"], f.get("via", "literal")) for f in b or fs)))
    return s, misses


def score_context(want, got, rows):
    """{kind: [sentences, as expected]}, misses.  Enforcement sentences: no
    block, every finding of the term softened (an allow-listed phrase, with
    no finding, is fine); categories with context no are left out.  Adverts:
    the term is found with its own severity, not softened."""
    stat = collections.OrderedDict()
    misses = collections.defaultdict(list)
    for cid, m in want.items():
        if m["want"] == "warn" and row_of(rows, m["category"]).get("context") == "no":
            continue
        s = stat.setdefault(m["kind"], [0, 0])
        s[0] += 1
        fs = [f for f in lexicon(got[cid]) if f["term"] == m["term"]]
        if m["want"] == "warn":
            ok = not any(f["severity"] == "block" for f in lexicon(got[cid])) and \
                all(f.get("context") == "enforcement" for f in fs)
        else:
            ok = bool(fs) and all(f["severity"] == m["severity"] and not f.get("context")
                                  for f in fs)
        s[1] += ok
        if not ok:
            misses[m["kind"]].append((m["term"], m["text"]))
    return stat, misses


def pct(a, b):
    return 100.0 * a / max(1, b)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["evasion", "quiet", "context"])
    ap.add_argument("meta")
    ap.add_argument("reports")
    ap.add_argument("policy", nargs="?")
    ap.add_argument("--misses", type=int, default=0)
    args = ap.parse_args()
    want, got = load(args.meta, args.reports)
    rows = policy_rows(args.policy)
    if args.what == "evasion":
        stat, misses = score_evasion(want, got, rows)
        print("| kind | variants | caught | caught % | blocking |")
        print("|---|---|---|---|---|")
        tot = [0, 0, 0]
        for k, (n, c, b) in stat.items():
            print("| %s | %d | %d | %.1f %% | %d |" % (k, n, c, pct(c, n), b))
            tot = [tot[0] + n, tot[1] + c, tot[2] + b]
        print("| **all** | %d | %d | %.1f %% | %d |" % (tot[0], tot[1], pct(tot[1], tot[0]), tot[2]))
    elif args.what == "quiet":
        s, misses = score_quiet(want, got)
        print("| texts | blocking false hits | warnings only |")
        print("|---|---|---|")
        print("| %d | %d | %d |" % tuple(s))
    else:
        stat, misses = score_context(want, got, rows)
        print("| sentence kind | sentences | as expected | % |")
        print("|---|---|---|---|")
        sub = collections.OrderedDict()
        for k, (n, c) in stat.items():
            print("| %s | %d | %d | %.1f %% |" % (k, n, c, pct(c, n)))
            if k.count(":") == 2:   # enforcement:h3_aside:police -> subtotal per set
                t = sub.setdefault(k.rsplit(":", 1)[0], [0, 0])
                t[0] += n
                t[1] += c
        for k, (n, c) in sub.items():
            print("| **%s** | %d | %d | %.1f %% |" % (k, n, c, pct(c, n)))
    for k, v in misses.items():
        for term, text in v[:args.misses]:
            print("MISS %s: %s | %s" % (k, term, text))


if __name__ == "__main__":
    main()
