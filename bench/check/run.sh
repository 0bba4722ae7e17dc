#!/usr/bin/env bash
# Benchmark of govmedia's compliance scanner against Intel Hyperscan and
# pyahocorasick, all on the same lexicon and corpus in the same run.
#   bash bench/check/run.sh   (BENCH_MB=50 BENCH_REPS=5 BENCH_ROUNDS=3 by default)
# Generates data into bench/check/out/ (gitignored), builds the engine in
# Release mode there, prints MB/s for each matcher, the ratios, lexicon
# build time and memory, and whether the matchers agree on their hits.
# Not part of `make test`.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/out"
MB=${BENCH_MB:-50}
REPS=${BENCH_REPS:-5}
PY_REPS=${BENCH_PY_REPS:-2}
ROUNDS=${BENCH_ROUNDS:-3}
SAMPLE=${BENCH_SAMPLE_BYTES:-4000000}
mkdir -p "$OUT"

# Bench-only packages (the build's own are in scripts/install-deps.sh).
. "$HERE/../lib.sh"
bench_install_packages libhyperscan-dev python3-jieba python3-ahocorasick opencc gcc cmake pkg-config

echo "== building the engine (Release) and the drivers"
t0=$(date +%s.%N)
cmake -S "$ROOT" -B "$OUT/build" -DCMAKE_BUILD_TYPE=Release -DGM_WERROR=OFF >/dev/null
cmake --build "$OUT/build" -j2 --target govcheck >/dev/null
t1=$(date +%s.%N)
echo "engine library build: $(awk "BEGIN{printf \"%.1f\", $t1 - $t0}") s"
LIBS="$OUT/build/libgovcheck.a $OUT/build/libgmutil.a $(pkg-config --libs libutf8proc opencc jansson) -lmagic -lpthread -lm"
gcc -O2 -std=gnu11 -I"$ROOT/src" "$HERE/bench_govmedia.c" $LIBS -o "$OUT/bench_govmedia"
gcc -O2 -std=gnu11 "$HERE/bench_hyperscan.c" $(pkg-config --cflags --libs libhs) -o "$OUT/bench_hyperscan"

if [ ! -s "$OUT/corpus.txt" ] || [ "$(stat -c %s "$OUT/corpus.txt")" -lt $((MB * 1024 * 1024)) ]; then
  echo "== generating data ($MB MB corpus)"
  /usr/bin/python3 "$HERE/gen.py" "$OUT" "$MB"
fi
echo "corpus: $(stat -c %s "$OUT/corpus.txt") bytes, $(wc -l < "$OUT/corpus.txt") posts"

echo "== lexicon build and memory"
"$OUT/bench_govmedia" build "$OUT/lex20k.txt" | tee "$OUT/build20k.txt"
"$OUT/bench_govmedia" build "$OUT/lex100k.txt" | tee "$OUT/build100k.txt"

echo "== scanning: $ROUNDS rounds alternating govmedia and hyperscan, $REPS runs each; pyahocorasick $PY_REPS"
: > "$OUT/scan_gm.txt"; : > "$OUT/scan_hs.txt"
for r in $(seq 1 "$ROUNDS"); do
  dump_gm=/dev/null; dump_hs=/dev/null
  [ "$r" = 1 ] && dump_gm="$OUT/hits_govmedia.txt" && dump_hs="$OUT/hits_hyperscan.txt"
  "$OUT/bench_govmedia" scan "$OUT/lex20k.txt" "$OUT/corpus.txt" "$REPS" "$SAMPLE" "$dump_gm" | tee -a "$OUT/scan_gm.txt"
  "$OUT/bench_hyperscan" "$OUT/lex20k.txt" "$OUT/corpus.txt" "$REPS" "$SAMPLE" "$dump_hs" | tee -a "$OUT/scan_hs.txt"
done
/usr/bin/python3 "$HERE/bench_pyac.py" "$OUT/lex20k.txt" "$OUT/corpus.txt" "$PY_REPS" "$SAMPLE" "$OUT/hits_pyac.txt" | tee "$OUT/scan_py.txt"

echo "== ratios (best run of each matcher; the machine is shared, so best is the least disturbed)"
best() { grep -v whole "$1" | grep -o 'best [0-9.]*' | awk '{print $2}' | sort -g | tail -1; }
med() { grep -v whole "$1" | grep -o 'median [0-9.]*' | awk '{print $2}' | sort -g | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
wbest() { grep whole "$1" | grep -o 'best [0-9.]*' | awk '{print $2}' | sort -g | tail -1; }
GM=$(best "$OUT/scan_gm.txt"); HS=$(best "$OUT/scan_hs.txt"); PY=$(best "$OUT/scan_py.txt")
echo "best:   govmedia $GM MB/s, hyperscan $HS MB/s, pyahocorasick $PY MB/s"
echo "median: govmedia $(med "$OUT/scan_gm.txt") MB/s, hyperscan $(med "$OUT/scan_hs.txt") MB/s (median of per-round medians)"
echo "govmedia / hyperscan = $(awk "BEGIN{printf \"%.2f\", $GM / $HS}")   (target >= 0.5)"
echo "govmedia / pyahocorasick = $(awk "BEGIN{printf \"%.2f\", $GM / $PY}")"
WG=$(wbest "$OUT/scan_gm.txt"); WH=$(wbest "$OUT/scan_hs.txt")
echo "whole corpus as one buffer (no per-post calls): govmedia $WG MB/s, hyperscan $WH MB/s, ratio $(awk "BEGIN{printf \"%.2f\", $WG / $WH}")"

echo "== agreement on the first $SAMPLE bytes"
/usr/bin/python3 "$HERE/compare.py" "$OUT/corpus.txt" "$OUT/lex20k.txt" \
  "$OUT/hits_govmedia.txt" "$OUT/hits_hyperscan.txt" "$OUT/hits_pyac.txt"

# The whole check (every rule and the report, as --jsonl and the server run
# it) against Hyperscan: bench/check/whole_path.sh.
