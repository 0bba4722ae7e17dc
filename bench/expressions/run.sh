#!/usr/bin/env bash
# Measures the 错别字 detector on the ECSpell official-document file:
#   bash bench/expressions/run.sh [DATA] [thresholds...]
# (DATA defaults to data/expressions/odw/odw.train).  Builds the engine in
# bench/expressions/out/ (gitignored) with a word model that learned its
# official vocabulary from the tuning rows only (GM_EXPR_HOLD_OUT=4: not
# from the rows of index 4 mod 5, nor from any row repeating ten characters
# of one of them), and prints every threshold's figures on the 80 % tuning
# rows, the 20 % held-out rows and the whole file.  Not part of `make test`.
# INNER=1 measures the inner split every constant is chosen on instead: a
# model learned from the rows of index 0-2 mod 5 (GM_EXPR_HOLD_OUT=3,4),
# figures on the rows of index 3 ("held") and 0-2 ("tune"); the rows of
# index 4 are not read at all.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/out"
HOLD=4
if [ "${INNER:-0}" = 1 ]; then OUT="$HERE/out-inner"; HOLD=3,4; fi
DATA=${1:-$ROOT/data/expressions/odw/odw.train}
[ $# -gt 0 ] && shift
mkdir -p "$OUT"
cmake -S "$ROOT" -B "$OUT/build" -DCMAKE_BUILD_TYPE=Release -DGM_WERROR=OFF -DGM_EXPR_HOLD_OUT=$HOLD >/dev/null
# A model built before with another hold-out would look up to date.
[ "$(cat "$OUT/build/hold_out" 2>/dev/null)" = "$HOLD" ] || rm -f "$OUT/build/generated/expr_lm.bin"
echo "$HOLD" > "$OUT/build/hold_out"
cmake --build "$OUT/build" -j2 --target gm_expr_lm eval_typo >/dev/null
GOVMEDIA_EXPR_MODEL="$OUT/build/generated/expr_model.txt" GOVMEDIA_EXPR_LM="$OUT/build/generated/expr_lm.bin" \
  "$OUT/build/eval_typo" "$DATA" 0 > "$OUT/suggestions.txt"
INNER=${INNER:-0} /usr/bin/python3 "$HERE/score.py" "$DATA" "$OUT/suggestions.txt" "$@"
