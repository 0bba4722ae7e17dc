#!/usr/bin/env bash
# Measures the 错别字 detector on the ECSpell official-document file:
#   bash bench/expressions/run.sh [DATA] [thresholds...]
# (DATA defaults to ../shared/data/ecspell/odw.train).  Builds the engine in
# bench/expressions/out/ (gitignored), prints every threshold's figures on
# the 80 % tuning rows, the 20 % held-out rows (index 4 mod 5) and the whole
# file.  Not part of `make test`.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/out"
DATA=${1:-$ROOT/../shared/data/ecspell/odw.train}
[ $# -gt 0 ] && shift
mkdir -p "$OUT"
cmake -S "$ROOT" -B "$OUT/build" -DCMAKE_BUILD_TYPE=Release -DGM_WERROR=OFF >/dev/null
cmake --build "$OUT/build" -j2 --target govcheck >/dev/null
gcc -O2 -std=gnu11 -I"$ROOT/src" "$HERE/eval_typo.c" "$OUT/build/libgovcheck.a" \
  "$OUT/build/libgmutil.a" $(pkg-config --libs libutf8proc opencc jansson) -lmagic -lm -lpthread \
  -o "$OUT/eval_typo"
GOVMEDIA_EXPR_MODEL="$OUT/build/generated/expr_model.txt" GOVMEDIA_EXPR_LM="$OUT/build/generated/expr_lm.bin" \
  "$OUT/eval_typo" "$DATA" 0 > "$OUT/suggestions.txt"
/usr/bin/python3 "$HERE/score.py" "$DATA" "$OUT/suggestions.txt" "$@"
