#!/usr/bin/env bash
# Throughput of the whole check with and without the expression rule
# (issue 15: it must not halve it).  Two corpora: generated posts (jieba
# words and seed sentences, as run.sh makes them) and real official
# sentences (the correct column of ../shared/data/ecspell/odw.train,
# repeated).  Writes to bench/check/out/ (gitignored).  Not part of make test.
#   bash bench/check/expression.sh      (BENCH_EXPR_MB=10 BENCH_ROUNDS=3)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/out/expr"
MB=${BENCH_EXPR_MB:-10}
ROUNDS=${BENCH_ROUNDS:-3}
ODW=${BENCH_ODW:-$ROOT/../shared/data/ecspell/odw.train}
mkdir -p "$OUT"
cmake -S "$ROOT" -B "$OUT/build" -DCMAKE_BUILD_TYPE=Release -DGM_WERROR=OFF >/dev/null
cmake --build "$OUT/build" -j2 --target govcheck >/dev/null
gcc -O2 -std=gnu11 -I"$ROOT/src" "$HERE/bench_expression.c" "$OUT/build/libgovcheck.a" \
  "$OUT/build/libgmutil.a" $(pkg-config --cflags --libs libutf8proc opencc jansson) -lmagic -lm \
  -lpthread -o "$OUT/bench_expression"
[ -s "$OUT/corpus.txt" ] || /usr/bin/python3 "$HERE/gen.py" "$OUT" "$MB" >/dev/null
if [ ! -s "$OUT/official.txt" ]; then
  for i in $(seq 1 40); do cut -f3 "$ODW"; done > "$OUT/official.txt"
fi
export GOVMEDIA_EXPR_MODEL="$OUT/build/generated/expr_model.txt"
export GOVMEDIA_EXPR_LM="$OUT/build/generated/expr_lm.bin"
for corpus in corpus.txt official.txt; do
  "$OUT/bench_expression" "$OUT/lex20k.txt" "$OUT/$corpus" "$ROOT/data" "$ROUNDS"
done
