#!/usr/bin/env bash
# Times the assessment's veto_security item (report/assessment_security.c):
# the year's workflow publications of a unit re-checked with the lists in
# force.  Generates a demo database with N published posts of ~770
# characters (sentences of shared/data/ecspell/odw.train, their corrected
# side) on one account, then runs `report assessment` for that unit through
# the real CLI, best of 3 (wall and CPU seconds), next to `check --archive`:
# cold (no verdict kept: the first assessment, or the first after a list
# edit or a new release) and warm (the verdicts kept by the run before,
# migration 090: nothing new to check).
# Usage: bash bench/report/security.sh [build/govmedia] [N]   (BENCH_ODW: another odw.train)
set -eu
BIN=${1:-build/govmedia}
N=${2:-2000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ODW=${BENCH_ODW:-$ROOT/../shared/data/ecspell/odw.train}
DB=$(mktemp -d)/security.db
"$BIN" init --db "$DB" --demo >/dev/null
python3 - "$DB" "$ODW" "$N" <<'PY'
import random, sqlite3, sys
db, odw, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
sents = [l.rstrip("\n").split("\t")[2] for l in open(odw, encoding="utf-8") if l.count("\t") >= 2]
random.seed(1)
con = sqlite3.connect(db)
for i in range(n):
    pid, day = 100000 + i, f"2026-{1 + i % 11:02d}-{1 + i % 27:02d}T02:00:00Z"
    body = "".join(random.choice(sents) for _ in range(20))[:800]
    con.execute("INSERT INTO posts(id,unit_id,author_id,state,version,title,body,created_at,updated_at,"
                "published_at) VALUES(?,4,3,'published',1,?,?,?,?,?)", (pid, f"关于第{i}项工作的通知", body, day, day, day))
    con.execute("INSERT INTO publications(account_id,post_id,published_at,title,url,kind,origin,created_at) "
                "VALUES(1,?,?,?,?,'original','workflow',?)", (pid, day, f"关于第{i}项工作的通知", f"https://b/{i}", day))
con.commit()
PY
best() {  # best of 3 runs: "wall CPU" seconds (check --archive exits 1 on findings)
  local b="999 999" t f
  f=$(mktemp)
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %U %S" -o "$f" "$@" >/dev/null 2>&1 || true
    t=$(tail -1 "$f")
    b=$(python3 -c "w,u,s='$t'.split(); bw,bc='$b'.split(); print(f'{min(float(bw),float(w)):.2f} {min(float(bc),float(u)+float(s)):.2f}')")
  done
  rm -f "$f"
  echo "$b"
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $N workflow publications"
echo "run                            wall(s) CPU(s), best of 3"
cold() {  # the assessment with no verdict kept
  python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DELETE FROM security_verdicts'); c.commit()" "$DB"
  "$BIN" report assessment --db "$DB" --year 2026 --unit 4 --json
}
export BIN DB
printf "%-30s %s\n" "assessment, cold" "$(best bash -c "$(declare -f cold); cold")"
printf "%-30s %s\n" "assessment, warm (kept)" "$(best "$BIN" report assessment --db "$DB" --year 2026 --unit 4 --json)"
printf "%-30s %s\n" "check --archive" "$(best "$BIN" check --archive --db "$DB")"
rm -rf "$(dirname "$DB")"
