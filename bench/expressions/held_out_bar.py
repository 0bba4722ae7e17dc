#!/usr/bin/env python3
"""Issue 15 §2's bar on the held-out rows of odw.train, as a test.

Runs the 错别字 detector (eval_typo, built by CMake) over an ECSpell-format
file with the word model in $GOVMEDIA_EXPR_LM, which must be one learned
without the held-out rows (index 4 mod 5, gen_expr_lm.py --hold-out=4:
CMake's expr_lm_held_out.bin), at the shipped threshold, and fails when on
those rows fewer than MIN_RECALL of the wrong characters are found, fewer
than MIN_PRECISION of the findings are right or more than MAX_FLAGGED of the
correct sentences are flagged.  MIN_RECALL is a point over the issue's bar
of one half: the figure moves a little with the product's word lists learned
into the model, and a test that failed only at 0.5 would leave no margin
for sentences that are not ours.  Prints the rates only, never a row (the
held-out rows are never tuned on).
Usage: held_out_bar.py EVAL_TYPO DATA
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import fmt, load, score  # noqa: E402

MIN_RECALL = 0.51
MIN_PRECISION = 0.9
MAX_FLAGGED = 0.02
HELD_CLASS = 4


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: held_out_bar.py EVAL_TYPO DATA")
    eval_typo, data = sys.argv[1:]
    if "held_out" not in os.environ.get("GOVMEDIA_EXPR_LM", ""):
        sys.exit("held_out_bar: GOVMEDIA_EXPR_LM must name the model learned without the "
                 "held-out rows (expr_lm_held_out.bin), not %r"
                 % os.environ.get("GOVMEDIA_EXPR_LM"))
    with tempfile.NamedTemporaryFile("w+", encoding="utf-8", suffix=".txt") as out:
        subprocess.run([eval_typo, data], stdout=out, check=True)
        rows, sugg = load(data, out.name)
    held = [r for r in range(len(rows)) if r % 5 == HELD_CLASS]
    s = score(rows, sugg, held, 0.0)
    print("held-out rows of %s (%d sentences): %s" % (os.path.basename(data), len(held), fmt(s)))
    failed = []
    if s["det_recall"] < MIN_RECALL:
        failed.append("detection recall %.3f < %.2f" % (s["det_recall"], MIN_RECALL))
    if s["det_precision"] < MIN_PRECISION:
        failed.append("detection precision %.3f < %.2f" % (s["det_precision"], MIN_PRECISION))
    if s["false_alarm_rate"] > MAX_FLAGGED:
        failed.append("correct sentences flagged %.3f > %.2f" % (s["false_alarm_rate"], MAX_FLAGGED))
    if failed:
        sys.exit("issue 15 §2 held-out bar missed: %s (bench/expressions/run.sh to look "
                 "closer; data/expressions/README.md)" % "; ".join(failed))


if __name__ == "__main__":
    main()
