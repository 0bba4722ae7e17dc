#!/usr/bin/env bash
# Catch rate per evasion kind and false hits on official text (issue 14 §1-2).
#   bash bench/evasion/run.sh        (BENCH_SEED=14 BENCH_PER_KIND=3 BENCH_TERMS_20K=400)
# Generates, seeded, with bench/evasion/variants.py:
#   * evasions of every kind of the shipped lexicons' terms and of a sample of
#     bench/check's 20,000-word lexicon (run.sh/gen.py of bench/check makes it);
#   * correct official text (odw.train N = 0 rows, the seed regulations),
#     ordinary words that sound like a shipped term, enforcement sentences and
#     adverts next to an enforcement word;
# runs each set through `govmedia check --jsonl` (build/govmedia, or $GM_BIN)
# and prints measure.py's tables.  Writes to bench/evasion/out/ (gitignored).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/out"
GM=${GM_BIN:-$ROOT/build/govmedia}
SEED=${BENCH_SEED:-14}
SHARED=${GM_SHARED:-$ROOT/../shared}   # the shared specification (odw.train, seeds)
mkdir -p "$OUT"
export GOVMEDIA_DATA="$ROOT/data"
LEX20K="$ROOT/bench/check/out/lex20k.txt"
[ -s "$LEX20K" ] || /usr/bin/python3 "$ROOT/bench/check/gen.py" "$ROOT/bench/check/out" 8 >/dev/null
SHIPPED=$(ls "$ROOT"/data/lexicons/*.txt)

# one NAME WHAT SCORE [LEXICON_ARGS...]: generate, check, score
one() {
  local name=$1 what=$2 score=$3; shift 3
  local lexarg=""
  [ "${CHECK_LEXICON:-}" ] && lexarg="--lexicon $CHECK_LEXICON"
  /usr/bin/python3 "$HERE/variants.py" "$what" "$@" --seed "$SEED" --meta "$OUT/$name.meta" > "$OUT/$name.jsonl"
  # shellcheck disable=SC2086
  "$GM" check --jsonl $lexarg "$OUT/$name.jsonl" > "$OUT/$name.out" || true
  echo "== $name ($(wc -l < "$OUT/$name.jsonl") texts)"
  /usr/bin/python3 "$HERE/measure.py" "$score" "$OUT/$name.meta" "$OUT/$name.out" "$ROOT/data/check/policy.txt" --misses "${BENCH_MISSES:-0}"
}

echo "load: $(uptime | sed 's/.*load average: //')"
# shellcheck disable=SC2086
one evasion_shipped evasion evasion $SHIPPED --per-kind "${BENCH_PER_KIND:-3}"
CHECK_LEXICON=$LEX20K one evasion_20k evasion evasion "$LEX20K" --per-kind 2 --terms "${BENCH_TERMS_20K:-400}"
[ -d "$SHARED" ] && one official official quiet "$SHARED"
# shellcheck disable=SC2086
one soundalike quiet quiet $SHIPPED --per-term 30
# shellcheck disable=SC2086
one context context context $SHIPPED
# shellcheck disable=SC2086
one evasion_h1 h1 evasion $SHIPPED
# shellcheck disable=SC2086
one evasion_h2 h2 evasion $SHIPPED
# shellcheck disable=SC2086
one evasion_h3 h3 evasion $SHIPPED
# shellcheck disable=SC2086
one evasion_h4 h4 evasion $SHIPPED
# shellcheck disable=SC2086
one evasion_h5 h5 evasion $SHIPPED
# shellcheck disable=SC2086
one evasion_h6 h6 evasion $SHIPPED
