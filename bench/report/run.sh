#!/usr/bin/env bash
# Times the activity report, the weekly statistics and the assessment on a
# generated SQLite database of 10,000 accounts and 1,000,000 publications
# (gen.py), through the real CLI (process start, calendar load and JSON
# output included), best of 3, as wall time and as CPU time (user + system:
# on a shared machine the wall time mostly measures the other processes);
# then prints SQLite's plans of the queries.
# Usage: bash bench/report/run.sh [build/govmedia] [/tmp/govmedia-bench-report.db]
set -eu
BIN=${1:-build/govmedia}
DB=${2:-/tmp/govmedia-bench-report.db}
HERE=$(cd "$(dirname "$0")" && pwd)
[ -f "$DB" ] || python3 "$HERE/gen.py" "$BIN" "$DB"
"$BIN" init --db "$DB" >/dev/null          # migrate forward if the binary is newer

best() {  # best of 3 runs: "wall CPU" seconds (CPU = user + system of the process)
  local b="999 999" t
  for _ in 1 2 3; do
    t=$( { /usr/bin/time -f "%e %U %S" "$@" >/dev/null; } 2>&1 | tail -1 )
    b=$(python3 -c "w,u,s='$t'.split(); bw,bc='$b'.split(); print(f'{min(float(bw),float(w)):.2f} {min(float(bc),float(u)+float(s)):.2f}')")
  done
  echo "$b"
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "report                         wall(s) CPU(s), best of 3"
printf "%-30s %s\n" "activity (as of 2026-11-23)" "$(best "$BIN" report activity --db "$DB" --as-of 2026-11-23 --json)"
printf "%-30s %s\n" "weekly (week of 2026-11-16)" "$(best "$BIN" report weekly --db "$DB" --as-of 2026-11-16)"
printf "%-30s %s\n" "assessment (2026)" "$(best "$BIN" report assessment --db "$DB" --year 2026 --as-of 2026-11-23)"
printf "%-30s %s\n" "activity.xlsx export" "$(best "$BIN" report activity --db "$DB" --as-of 2026-11-23 --format xlsx --out /tmp/gm-bench-activity.xlsx)"

echo
echo "query plans (EXPLAIN QUERY PLAN):"
plan() { echo "-- $1"; sqlite3 "$DB" "EXPLAIN QUERY PLAN $2" | sed 's/^/   /'; }
plan "activity: live accounts with their newest publication" \
  "SELECT a.id, (SELECT MAX(p.published_at) FROM publications p WHERE p.account_id=a.id AND p.published_at < '2026-11-23T16:00:00Z') FROM accounts a JOIN units u ON u.id=a.unit_id LEFT JOIN account_activity_policies pol ON pol.account_id=a.id WHERE a.state IN ('opened','certified','filed','refiling_due') ORDER BY a.id"
plan "activity: publications of the last 90 days" \
  "SELECT p.account_id, p.published_at, p.kind FROM accounts a JOIN publications p ON p.account_id=a.id AND p.published_at >= '2026-08-25T16:00:00Z' AND p.published_at < '2026-11-23T16:00:00Z' WHERE a.state IN ('opened','certified','filed','refiling_due') ORDER BY a.id, p.published_at"
plan "weekly: per-account counts of one week" \
  "SELECT a.id, COUNT(p.id), SUM(p.kind='original') FROM accounts a JOIN units u ON u.id=a.unit_id LEFT JOIN publications p ON p.account_id=a.id AND p.published_at >= '2026-11-15T16:00:00Z' AND p.published_at < '2026-11-22T16:00:00Z' WHERE a.state IN ('opened','certified','filed','refiling_due') GROUP BY a.id ORDER BY u.path, a.id"
plan "assessment: year totals per account" \
  "SELECT a.id, COUNT(p.id), SUM(p.kind='original') FROM accounts a JOIN publications p ON p.account_id=a.id AND p.published_at >= '2025-12-31T16:00:00Z' AND p.published_at < '2026-11-23T16:00:00Z' WHERE a.state IN ('opened','certified','filed','refiling_due') GROUP BY a.id"
