"""Generates the report benchmark database: 10,000 accounts and 1,000,000
publications in 2026 (a real govmedia schema, made by `govmedia init`).

Units: 1 province, 10 cities, 100 counties, 1,000 departments (10 accounts
each).  Each account publishes 100 times on average between 1 January and
23 November 2026 (30 % originals, imported reads on half of them); 5 % stop
in July (zombies), 10 % stop 10-20 days before 23 November (warnings and
vetoes), so every branch of the rules is exercised.
Usage: python3 gen.py GOVMEDIA_BIN OUT.db [accounts] [publications]
"""
import json
import os
import random
import sqlite3
import subprocess
import sys
import time

BIN, OUT = sys.argv[1], sys.argv[2]
N_ACC = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
N_PUB = int(sys.argv[4]) if len(sys.argv) > 4 else 1_000_000
START = 1767196800        # 2026-01-01T00:00:00+08:00 as UTC seconds (2025-12-31T16:00Z)
END = 1795363200          # 2026-11-23T00:00:00+08:00
NOW = "2026-11-23T00:00:00Z"
PLATFORMS = ["wechat", "weibo", "douyin", "toutiao", "app"]

random.seed(12)
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(OUT + suffix):
        os.remove(OUT + suffix)
subprocess.run([BIN, "init", "--db", OUT], check=True, capture_output=True)
con = sqlite3.connect(OUT)
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA synchronous=OFF")
t0 = time.time()

units = [(1, None, "基准省", "province", "/1/")]
nid = 2
cities = []
for c in range(10):
    units.append((nid, 1, f"市{c}", "city", f"/1/{nid}/")); cities.append(nid); nid += 1
counties = []
for c in range(100):
    parent = cities[c % 10]
    units.append((nid, parent, f"县{c}", "county", f"/1/{parent}/{nid}/")); counties.append((nid, parent)); nid += 1
departments = []
for dpt in range(N_ACC // 10):
    county, city = counties[dpt % 100]
    units.append((nid, county, f"部门{dpt}", "department", f"/1/{city}/{county}/{nid}/")); departments.append(nid); nid += 1
con.executemany("INSERT INTO units(id,parent_id,name,kind,path,created_at) VALUES(?,?,?,?,?,?)",
                [u + (NOW,) for u in units])

accounts = []
for i in range(N_ACC):
    unit = departments[i // 10]
    opened = "2025-06-01"
    record = json.dumps({"name": f"账号{i}", "opening": {"date": opened, "platform_account_id": f"gh_{i}"},
                         "filing": {"date": "2025-06-03"}}, ensure_ascii=False)
    accounts.append((i + 1, unit, PLATFORMS[i % 5], f"账号{i}", "filed", 1, record, NOW, NOW))
con.executemany("INSERT INTO accounts(id,unit_id,platform,name,state,version,record,created_at,updated_at) "
                "VALUES(?,?,?,?,?,?,?,?,?)", accounts)


def stop_time(i):
    r = i % 20
    if r == 0:                       # 5 %: zombies, silent since July
        return 1782835200            # 2026-07-01
    if r in (1, 2):                  # 10 %: silent for 10-20 days
        return END - (10 + i % 11) * 86400
    return END


def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def pubs():
    per = N_PUB // N_ACC
    pid = 0
    for i in range(N_ACC):
        hi = stop_time(i)
        for k in range(per):
            pid += 1
            t = random.randint(START, hi)
            original = "original" if random.random() < 0.3 else "repost"
            reads = random.randint(10, 5000) if k % 2 == 0 else None
            yield (pid, i + 1, iso(t), f"标题{pid}", f"https://mp.example.cn/s/{pid}", original,
                   "import", reads, NOW)


con.executemany("INSERT INTO publications(id,account_id,published_at,title,url,kind,origin,reads,created_at) "
                "VALUES(?,?,?,?,?,?,?,?,?)", pubs())
con.commit()
con.execute("ANALYZE")
con.commit()
con.close()
print(f"generated {N_ACC} accounts, {N_PUB} publications in {time.time() - t0:.1f} s")
