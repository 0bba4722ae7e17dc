#!/usr/bin/env python3
"""Scores the typo detector's suggestions (eval_typo output) against an
ECSpell-format file, for a range of thresholds, on the whole file and on a
fixed split: rows whose index is 4 mod 5 (20 %) are held out and never used
to choose the threshold; the other 80 % tune it.

A suggestion is *detected right* when its character is wrong in the file,
*corrected right* when in addition its replacement is the right character.
Figures: recall = wrong characters found / wrong characters; precision =
right suggestions / suggestions; false alarms = correct sentences (N = 0)
with at least one suggestion / correct sentences.
With INNER=1 in the environment the split is the inner one: rows 0-2 mod 5
tune, rows 3 mod 5 are "held", rows 4 mod 5 are not read.
Usage: score.py DATA SUGGESTIONS [threshold ...]
"""
import os
import sys


def load_rows(data_path):
    """The file's rows as (wrong sentence, corrected sentence)."""
    rows = []
    with open(data_path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) == 3:
                rows.append((p[1], p[2]))
    return rows


def load(data_path, sugg_path):
    rows = load_rows(data_path)
    sugg = {}
    with open(sugg_path, encoding="utf-8") as f:
        for line in f:
            r, cp, ch, gain = line.rstrip("\n").split("\t")[:4]
            sugg.setdefault(int(r), []).append((int(cp), ch, float(gain)))
    return rows, sugg


def score(rows, sugg, idx, th):
    wrong = det = cor = made = alarms = correct = 0
    for r in idx:
        a, b = rows[r]
        errs = {i for i in range(len(a)) if a[i] != b[i]}
        wrong += len(errs)
        hits = [(i, c) for i, c, g in sugg.get(r, ()) if g >= th]
        made += len(hits)
        det += sum(1 for i, c in hits if i in errs)
        cor += sum(1 for i, c in hits if i in errs and b[i] == c)
        if not errs:
            correct += 1
            alarms += bool(hits)
    q = lambda x, y: x / y if y else 0.0
    return {"wrong": wrong, "made": made, "det_recall": q(det, wrong), "det_precision": q(det, made),
            "cor_recall": q(cor, wrong), "cor_precision": q(cor, made),
            "false_alarm_rate": q(alarms, correct), "correct_sentences": correct}


def fmt(s):
    return ("suggestions %4d | detection recall %.3f precision %.3f | correction recall %.3f "
            "precision %.3f | correct sentences flagged %.3f (of %d)" %
            (s["made"], s["det_recall"], s["det_precision"], s["cor_recall"], s["cor_precision"],
             s["false_alarm_rate"], s["correct_sentences"]))


def main():
    rows, sugg = load(sys.argv[1], sys.argv[2])
    ths = [float(t) for t in sys.argv[3:]] or [6, 7, 8, 9, 10, 11, 12]
    inner = os.environ.get("INNER") == "1"
    held_class = 3 if inner else 4
    tune = [r for r in range(len(rows)) if r % 5 < held_class]
    held = [r for r in range(len(rows)) if r % 5 == held_class]
    for th in ths:
        print("threshold %.1f" % th)
        print("  tune %s   %s" % ("0-2" if inner else "80%", fmt(score(rows, sugg, tune, th))))
        print("  held %s   %s" % ("3  " if inner else "20%", fmt(score(rows, sugg, held, th))))
        if not inner:
            print("  whole file %s" % fmt(score(rows, sugg, range(len(rows)), th)))


if __name__ == "__main__":
    main()
