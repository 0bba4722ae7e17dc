#!/usr/bin/env bash
# The 错别字 detector on correct official text outside odw.train (seed
# regulations, the evasion bench's official sentences, demo data, console
# strings; see outside.py): the share of pieces flagged at each threshold
# and every finding, with the model of a build directory (default build/,
# the shipped model, learned from the whole file: none of these pieces is
# in it).   bash bench/expressions/outside.sh [BUILD] [thresholds...]
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${1:-$ROOT/build}
[ $# -gt 0 ] && shift
OUT="$HERE/out-outside"
mkdir -p "$OUT"
/usr/bin/python3 "$HERE/outside.py" build "$OUT/outside.tsv"
cmake --build "$BUILD" -j2 --target eval_typo >/dev/null
GOVMEDIA_EXPR_MODEL="$BUILD/generated/expr_model.txt" GOVMEDIA_EXPR_LM="$BUILD/generated/expr_lm.bin" \
  "$BUILD/eval_typo" "$OUT/outside.tsv" 0 > "$OUT/suggestions.txt"
/usr/bin/python3 "$HERE/outside.py" score "$OUT/outside.tsv" "$OUT/suggestions.txt" "${@:-14.5}"
