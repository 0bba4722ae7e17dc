#!/usr/bin/env bash
# API benchmark: govmedia against a libmicrohttpd hello-world (the HTTP
# library's ceiling) with the same thread-pool settings, in one run.
#   bash bench/api/run.sh      (BENCH_SECONDS=10 BENCH_ROUNDS=2 BENCH_CONNS=32
#                               BENCH_MEM_SECONDS=60 BENCH_PROFILE=1 by default)
# Builds govmedia (Release) and hello.c into bench/api/out/, creates a demo
# database, then for each scenario runs wrk against the hello-world and
# govmedia in turn, BENCH_ROUNDS times: GET /health, logged-in POST /check
# (680 characters, WeChat), logged-in GET /accounts (20 rows) and a write (an
# account application with a fresh name per request).  Then RSS before and
# after a BENCH_MEM_SECONDS mixed run, and a perf profile of each scenario.
# Prints a table with req/s, p99 and the ratio to the hello-world.
# Not part of `make test`.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/out"
SECONDS_EACH=${BENCH_SECONDS:-10}
ROUNDS=${BENCH_ROUNDS:-2}
CONNS=${BENCH_CONNS:-32}
WRK_THREADS=${BENCH_WRK_THREADS:-2}
SERVER_THREADS=${BENCH_SERVER_THREADS:-4}
MEM_SECONDS=${BENCH_MEM_SECONDS:-60}
PROFILE=${BENCH_PROFILE:-1}
mkdir -p "$OUT"

# Bench-only packages (the build's own are in scripts/install-deps.sh).
. "$HERE/../lib.sh"
bench_install_packages wrk linux-perf gcc cmake pkg-config libmicrohttpd-dev python3

echo "== building govmedia (Release) and the hello-world"
cmake -S "$ROOT" -B "$OUT/build" -DCMAKE_BUILD_TYPE=Release -DGM_WERROR=OFF >/dev/null
cmake --build "$OUT/build" -j2 --target govmedia >/dev/null
gcc -O2 -std=gnu11 "$HERE/hello.c" $(pkg-config --cflags --libs libmicrohttpd) -lpthread -o "$OUT/hello"
gcc -O2 -std=gnu11 -I"$ROOT/src" -I"$ROOT/bench/check" "$HERE/check_split.c" "$OUT/build/libgmhttp.a" \
  "$OUT/build/libgovcheck.a" "$OUT/build/libgmutil.a" $(pkg-config --libs libutf8proc opencc jansson) \
  -lmagic -lpthread -lm -o "$OUT/check_split"
GM="$OUT/build/govmedia"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 100); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done; echo "server at $1 did not start" >&2; exit 1; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

DB="$OUT/bench.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
"$GM" init --db "$DB" --demo >/dev/null
GM_PORT=$(free_port); HELLO_PORT=$(free_port)
"$GM" serve --db "$DB" --listen "127.0.0.1:$GM_PORT" --threads "$SERVER_THREADS" >"$OUT/serve.log" 2>&1 &
GM_PID=$!
"$OUT/hello" "$HELLO_PORT" "$SERVER_THREADS" &
HELLO_PID=$!
trap 'kill $GM_PID $HELLO_PID 2>/dev/null || true' EXIT
wait_up "http://127.0.0.1:$GM_PORT/api/v1/health"
wait_up "http://127.0.0.1:$HELLO_PORT/"
python3 "$HERE/prepare.py" "http://127.0.0.1:$GM_PORT" "$OUT"
RSS_START=$(rss_kb $GM_PID)

# scenario -> govmedia wrk arguments | hello-world wrk arguments
declare -A GM_ARGS HELLO_ARGS
GM_ARGS[health]="/api/v1/health";            HELLO_ARGS[health]="/"
GM_ARGS[check]="/ -s $OUT/check.lua";        HELLO_ARGS[check]="/ -s $OUT/hello_post.lua"
GM_ARGS[list]="/ -s $OUT/list.lua";          HELLO_ARGS[list]="/"
GM_ARGS[write]="/ -s $OUT/write.lua";        HELLO_ARGS[write]="/ -s $OUT/hello_post.lua"
SCENARIOS=${BENCH_SCENARIOS:-health check list write}

# One wrk run; appends "scenario server round req/s p99_ms non2xx" to results.tsv.
run_wrk() {
  local scenario=$1 server=$2 round=$3 port=$4; shift 4
  local path=$1; shift
  local log="$OUT/wrk_${scenario}_${server}_$round.txt"
  wrk -t"$WRK_THREADS" -c"$CONNS" -d"${SECONDS_EACH}s" --latency "$@" "http://127.0.0.1:$port$path" >"$log"
  python3 - "$log" "$scenario" "$server" "$round" >>"$OUT/results.tsv" <<'PY'
import re, sys
log, scen, srv, rnd = sys.argv[1:]
t = open(log).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", t)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", t)
err = re.search(r"Socket errors:.*", t)
print(f"{scen}\t{srv}\t{rnd}\t{rps:.0f}\t{p99:.2f}\t{bad.group(1) if bad else 0}\t{err.group(0) if err else ''}")
PY
  tail -1 "$OUT/results.tsv"
}

: >"$OUT/results.tsv"
echo "== wrk -t$WRK_THREADS -c$CONNS -d${SECONDS_EACH}s, $ROUNDS rounds, server pools of $SERVER_THREADS threads"
for round in $(seq 1 "$ROUNDS"); do
  for s in $SCENARIOS; do
    run_wrk "$s" hello "$round" "$HELLO_PORT" ${HELLO_ARGS[$s]}
    run_wrk "$s" govmedia "$round" "$GM_PORT" ${GM_ARGS[$s]}
  done
done

echo "== the check's time in process (body parse, every rule): check_split"
GOVMEDIA_DATA="$ROOT/data" "$OUT/check_split" "$ROOT/data" "$OUT/check_body.json" 2000 | tee "$OUT/check_split.txt"

echo "database $(( $(stat -c %s "$DB") / 1048576 )) MB, its WAL $(( $(stat -c %s "$DB-wal" 2>/dev/null || echo 0) / 1048576 )) MB" \
  | tee "$OUT/database.txt"
echo "== memory: RSS before and after ${MEM_SECONDS}s of mixed check/list/write"
RSS_BEFORE=$(rss_kb $GM_PID)
wrk -t"$WRK_THREADS" -c"$CONNS" -d"${MEM_SECONDS}s" -s "$OUT/mixed.lua" "http://127.0.0.1:$GM_PORT/" >"$OUT/wrk_mixed.txt"
RSS_AFTER=$(rss_kb $GM_PID)
echo "RSS after start-up $RSS_START kB; before the mixed run $RSS_BEFORE kB; after it $RSS_AFTER kB" \
  | tee "$OUT/memory.txt"
grep -E "Requests/sec|Non-2xx" "$OUT/wrk_mixed.txt" | tee -a "$OUT/memory.txt"

if [ "$PROFILE" = 1 ]; then
  echo "== perf profiles (5 s each under wrk, DWARF call graphs) -> $OUT/profile_*.txt"
  for s in check list write; do
    wrk -t"$WRK_THREADS" -c"$CONNS" -d8s ${GM_ARGS[$s]/#\//http://127.0.0.1:$GM_PORT/} >/dev/null &
    WRK_PID=$!
    sleep 1
    perf record -q --call-graph dwarf,16384 -F 299 -p $GM_PID -o "$OUT/perf_$s.data" -- sleep 5 \
      >/dev/null 2>&1 || true
    wait $WRK_PID
    # inclusive time per function (self time in the second column), user space only
    perf report -q -i "$OUT/perf_$s.data" --stdio --children --sort symbol -g none \
      --percent-limit 2 2>/dev/null | grep -v -e '\[k\]' -e ' 0x0000' >"$OUT/profile_$s.txt" || true
    echo "-- $s: inclusive %, self %, function"; head -30 "$OUT/profile_$s.txt"
  done
fi

echo "== summary (mean req/s over rounds, worst p99)"
python3 - "$OUT/results.tsv" <<'PY' | tee "$OUT/summary.txt"
import collections, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
by = collections.defaultdict(list)
for scen, srv, rnd, rps, p99, bad, *_ in rows:
    by[(scen, srv)].append((float(rps), float(p99), int(bad)))
print(f"{'scenario':8} {'hello req/s':>12} {'govmedia req/s':>15} {'ratio':>6} {'hello p99':>10} {'gm p99':>8} {'gm non-2xx':>10}")
for scen in ["health", "check", "list", "write"]:
    h, g = by[(scen, "hello")], by[(scen, "govmedia")]
    if not h or not g:
        continue
    hr = sum(x[0] for x in h) / len(h); gr = sum(x[0] for x in g) / len(g)
    print(f"{scen:8} {hr:12.0f} {gr:15.0f} {gr / hr:6.2f} {max(x[1] for x in h):8.2f}ms "
          f"{max(x[1] for x in g):6.2f}ms {sum(x[2] for x in g):10d}")
PY
echo "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(uname -r)"
