#!/usr/bin/env bash
# Whole-path speed of the compliance check (issue 14 §4, issue 15 §4): every
# rule and the report, as `govmedia check --jsonl` and the server run it, on
# posts of exactly 140 code points, against Hyperscan's raw literal scan of
# the same bytes in the same run.
#   bash bench/check/whole_path.sh   (BENCH_POSTS=12000 BENCH_REPS=5 BENCH_ROUNDS=2)
# Two lexicons: the shipped ones (data/lexicons/, a post has ~0 findings, as
# real official posts do) and run.sh's 20,000 common words (~12 findings a
# post: the cost of findings).  For each it prints, per core (CPU time):
#   * the in-process loop (bench_whole: parse the line with jansson,
#     gm_check_text, write the report with its id, as check_batch.c does),
#     with the expression rule, with its lists only, and without it;
#   * stage costs: parsing the line alone, parsing + checking;
#   * `govmedia check --jsonl` itself: CPU of N posts minus CPU of 1 post;
#   * the checker's load time (server start, each reload, each CLI call);
#   * Hyperscan (literals of the same lexicon, block mode, post by post).
# Writes to bench/check/out/ (gitignored).  Not part of `make test`.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/out"
POSTS=${BENCH_POSTS:-12000}
REPS=${BENCH_REPS:-5}
ROUNDS=${BENCH_ROUNDS:-2}
mkdir -p "$OUT"
. "$HERE/../lib.sh"
bench_install_packages libhyperscan-dev python3-jieba opencc gcc cmake pkg-config unicode-data

echo "== building the engine and govmedia (Release) and the drivers"
cmake -S "$ROOT" -B "$OUT/build" -DCMAKE_BUILD_TYPE=Release -DGM_WERROR=OFF >/dev/null
cmake --build "$OUT/build" -j2 --target govcheck govmedia >/dev/null
LIBS="$OUT/build/libgovcheck.a $OUT/build/libgmutil.a $(pkg-config --libs libutf8proc opencc jansson) -lmagic -lpthread -lm"
gcc -O2 -std=gnu11 -I"$ROOT/src" "$HERE/bench_whole.c" $LIBS -o "$OUT/bench_whole"
gcc -O2 -std=gnu11 "$HERE/bench_hyperscan.c" $(pkg-config --cflags --libs libhs) -o "$OUT/bench_hyperscan"

[ -s "$OUT/corpus.txt" ] || /usr/bin/python3 "$HERE/gen.py" "$OUT" "${BENCH_MB:-8}"
/usr/bin/python3 "$HERE/gen_whole.py" "$OUT/corpus.txt" "$OUT/lex20k.txt" "$OUT" "$POSTS"
# The shipped lexicons' terms, one a line, for Hyperscan.
cat "$ROOT"/data/lexicons/*.txt | grep -v '^#' | grep -v '^[[:space:]]*$' | cut -f1 > "$OUT/shipped_terms.txt"
head -n 1 "$OUT/posts140.jsonl" > "$OUT/posts140_1.jsonl"
POSTS=$(wc -l < "$OUT/posts140.txt")
echo "posts: $POSTS of 140 code points, $(stat -c %s "$OUT/posts140.txt") bytes"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load: $(uptime | sed 's/.*load average: //')"

export GOVMEDIA_DATA="$ROOT/data"
GM="$OUT/build/govmedia"
# CPU seconds (user + system) of one `govmedia check --jsonl` run.
cli_cpu() {
  /usr/bin/time -f "%U %S" -o "$OUT/time.txt" "$GM" check --jsonl --platform weibo "$@" >/dev/null || true
  tail -n 1 "$OUT/time.txt" | awk '{printf "%.3f", $1 + $2}'   # after any "exited with" line
}

for lex in shipped 20k; do
  if [ "$lex" = shipped ]; then L=-; HL="$OUT/shipped_terms.txt"; CLI_LEX=""; else
    L="$OUT/lex20k.txt"; HL="$OUT/lex20k.txt"; CLI_LEX="--lexicon $OUT/lex20k.txt"; fi
  R="$OUT/whole_$lex.txt"; : > "$R"
  echo "== lexicon: $lex"
  for r in $(seq 1 "$ROUNDS"); do
    for mode in expr lists noexpr; do
      "$OUT/bench_whole" "$ROOT/data" "$L" "$OUT/posts140.jsonl" "$REPS" "$mode" | sed "s/^/$mode: /" | tee -a "$R"
    done
    for st in 1 2; do
      BENCH_STAGE=$st "$OUT/bench_whole" "$ROOT/data" "$L" "$OUT/posts140.jsonl" "$REPS" expr | grep whole | sed "s/^/stage$st: /" | tee -a "$R"
    done
    "$OUT/bench_hyperscan" "$HL" "$OUT/posts140.txt" "$REPS" 0 /dev/null | tee -a "$R"
    # shellcheck disable=SC2086
    all=$(cli_cpu $CLI_LEX "$OUT/posts140.jsonl"); one=$(cli_cpu $CLI_LEX "$OUT/posts140_1.jsonl")
    echo "cli: $POSTS posts $all s CPU, 1 post $one s CPU (start-up), $(awk "BEGIN{printf \"%.0f\", ($POSTS - 1) / ($all - $one)}") checks/s per core" | tee -a "$R"
  done
  best() { grep "^$1: whole" "$R" | grep -o "$2 [0-9.]*\|[0-9.]* $2" | grep -o '[0-9.]*' | sort -g | tail -1; }
  CPS=$(best expr 'checks/s'); MBS=$(best expr 'MB/s'); NOX=$(best noexpr 'checks/s')
  HS=$(grep '^hyperscan (raw' "$R" | grep -o 'best [0-9.]*' | awk '{print $2}' | sort -g | tail -1)
  CLI=$(grep '^cli:' "$R" | grep -o '[0-9]* checks/s per core' | awk '{print $1}' | sort -g | tail -1)
  echo "SUMMARY $lex: whole path (every rule) $CPS checks/s per core in process, $CLI through the CLI"
  echo "SUMMARY $lex: $MBS MB/s of post text vs hyperscan $HS MB/s: ratio $(awk "BEGIN{printf \"%.2f\", $MBS / $HS}") (target >= 0.5)"
  echo "SUMMARY $lex: without the expression rule $NOX checks/s: with/without $(awk "BEGIN{printf \"%.2f\", $CPS / $NOX}") (issue 15: >= 0.5)"
done
