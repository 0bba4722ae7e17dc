#!/usr/bin/env bash
# Runs every libFuzzer target (compliance engine, JSON body parser) for SECONDS each.
#   bash tests/fuzz/run.sh BUILD_DIR SECONDS      (make fuzz FUZZ_SECONDS=N)
# Corpora grow in BUILD_DIR/fuzz/corpus/<target> (outside git), seeded from
# tests/fuzz/seeds/ and the shipped lexicons.  Exits nonzero on the first
# crash, leak, hang (-timeout) or broken invariant; the reproducer is left
# in BUILD_DIR/fuzz/.
set -eu
BUILD=${1:?usage: run.sh BUILD_DIR SECONDS}
SECONDS_EACH=${2:-60}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$BUILD/fuzz"
export GOVMEDIA_DATA="$ROOT/data"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
for target in fuzz_check fuzz_lexicon fuzz_exprlist fuzz_json_body; do
  seeds="$HERE/seeds/${target#fuzz_}"
  corpus="$OUT/corpus/$target"
  mkdir -p "$corpus"
  if [ "$target" = fuzz_lexicon ]; then cp "$ROOT"/data/lexicons/*.txt "$ROOT"/data/check/allow.txt "$corpus"/ 2>/dev/null || true; fi
  if [ "$target" = fuzz_exprlist ]; then   # byte 0 picks the list (see fuzz_exprlist.c)
    i=0; for f in names formulations outdated officials; do
      { printf "\\$(printf %o $i)"; grep -v '^#' "$ROOT/data/expressions/$f.txt" | head -5; printf '\0国家医保句和扫黑险恶，工座'; } > "$corpus/seed_$f"
      i=$((i + 1)); done
  fi
  echo "== $target: ${SECONDS_EACH}s"
  (cd "$OUT" && "./$target" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
     -max_len=8192 -print_final_stats=1 "corpus/$target" "$seeds")
done
echo "fuzz: all targets ran ${SECONDS_EACH}s without a finding"
