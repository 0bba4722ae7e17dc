"""Activity, zombie list, weekly statistics, assessment and exports (issue 12).

Real program and SQLite file.  The calendar walk across National Day 2026
checks the national 2-week veto, a preset's warnings and violations, the
zombie list and the Thursday warning job; exports are read back (xlsx
through zipfile + XML, CSV with its BOM).
"""
import csv
import io
import json
import os
import re
import tempfile
import unittest
import zipfile
import xml.etree.ElementTree as ET

import gmtest
from gmtest import run, sql

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def pub_csv(rows):
    return "published_at,title,url,kind\n" + "".join(f"{a},{b},{c},{d}\n" for a, b, c, d in rows)


def september_daily():
    """One update a day in September 2026, the last on 30 September (an original every 5 days)."""
    return [(f"2026-09-{d:02d} 10:00", f"九月第{d}篇", f"https://mp.weixin.qq.com/s/sep{d}",
             "原创" if d % 5 == 0 else "转载") for d in range(1, 31)]


def xlsx_rows(data):
    """Cells of the first sheet as text rows, and the sheet XML (for frozen panes, dates)."""
    z = zipfile.ZipFile(io.BytesIO(data))
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        root = ET.fromstring(z.read("xl/sharedStrings.xml"))
        shared = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")) for si in root.findall("m:si", NS)]
    sheet = z.read("xl/worksheets/sheet1.xml").decode()
    root = ET.fromstring(sheet)
    rows = []
    for row in root.iter(f"{{{NS['m']}}}row"):
        vals = []
        for c in row.findall("m:c", NS):
            v = c.find("m:v", NS)
            text = v.text if v is not None else ""
            vals.append(shared[int(text)] if c.get("t") == "s" else text)
        rows.append(vals)
    return rows, sheet, z.read("xl/styles.xml").decode()


class ReportsCliTest(unittest.TestCase):
    """The contract through the CLI on a demo database."""

    def setUp(self):
        self.srv = gmtest.Server()
        self.db = self.srv.db
        self.file = os.path.join(self.srv.dir, "sep.csv")
        with open(self.file, "w", encoding="utf-8") as f:
            f.write(pub_csv(september_daily()))

    def tearDown(self):
        self.srv.cleanup()

    def activity(self, as_of, account=1):
        p = run("report", "activity", "--db", self.db, "--as-of", as_of, "--json", check=True)
        return next(r for r in json.loads(p.stdout) if r["account_id"] == account)

    def test_publication_import_is_idempotent_on_url(self):
        p = run("publication", "import", "--db", self.db, "--account", "1", self.file, check=True)
        self.assertIn("已导入 30 条", p.stdout)
        p = run("publication", "import", "--db", self.db, "--account", "1", self.file, check=True)
        self.assertIn("已导入 0 条", p.stdout)
        self.assertIn("跳过已有的 30 条", p.stdout)
        self.assertEqual(sql(self.db, "SELECT COUNT(*), MIN(origin), MAX(origin) FROM publications"),
                         [(30, "import", "import")])
        # China time when no zone: 30 Sep 10:00 Beijing is 02:00 UTC.
        self.assertEqual(sql(self.db, "SELECT published_at FROM publications WHERE url LIKE '%sep30'"),
                         [("2026-09-30T02:00:00Z",)])

    def test_publication_import_bad_row_names_line_and_imports_nothing(self):
        bad = os.path.join(self.srv.dir, "bad.csv")
        rows = september_daily()[:3] + [("2026-09-31", "不存在的日子", "https://x.cn/a", "原创")]
        for content, line in ((pub_csv(rows), "第 5 行"),
                              (pub_csv([("2026-09-01", "t", "https://x.cn/b", "原创?")]), "第 2 行"),
                              (pub_csv([("2026-09-01", "t", "ftp://x.cn/b", "原创")]), "第 2 行"),
                              ("date,title,url,kind\n", "第 1 行")):
            with open(bad, "w", encoding="utf-8") as f:
                f.write(content)
            p = run("publication", "import", "--db", self.db, "--account", "1", bad)
            self.assertEqual(p.returncode, 2, p.stderr)
            self.assertIn(line, p.stderr)
        self.assertEqual(sql(self.db, "SELECT COUNT(*) FROM publications"), [(0,)])
        self.assertEqual(run("publication", "import", "--db", self.db, "--account", "999", self.file).returncode, 2)

    def test_activity_national_day_warning_veto_and_zombie_list(self):
        """§4.1 update frequency: presets, the weekly warning, the 2-week veto and the zombie list."""
        run("publication", "import", "--db", self.db, "--account", "1", self.file, check=True)
        run("report", "policy", "--db", self.db, "--account", "1", "--set", "daily", check=True)
        expect = {  # as_of -> (status, days since update)
            "2026-09-30": ("ok", 0),
            "2026-10-05": ("ok", 5),          # Golden Week: no working day missed yet
            "2026-10-07": ("ok", 7),
            "2026-10-08": ("warning", 8),     # first working day, nothing posted yet today
            "2026-10-09": ("violation", 9),   # 8 October (a working day) without update
            "2026-10-10": ("violation", 10),  # also the national warning (10 days)
            "2026-10-14": ("violation", 14),
            "2026-10-15": ("veto", 15),       # more than 14 days: 单项否决
        }
        for as_of, (status, days) in expect.items():
            row = self.activity(as_of)
            self.assertEqual((row["status"], row["days_since_update"]), (status, days), f"{as_of}: {row}")
        row = self.activity("2026-10-10")
        self.assertIn("再过 5 天将触发两周未更新单项否决", row["reason"])
        self.assertIn("有 2 个工作日未更新", row["reason"])   # 8 and 9 October
        self.assertEqual(row["last_update"], "2026-09-30")
        self.assertEqual(row["originals_14d"], 1)    # 30 September
        self.assertEqual(row["policy"], "daily")
        row = self.activity("2026-09-30")
        self.assertEqual(row["originals_14d"], 3)    # 20, 25, 30 September
        # The national rule alone (no preset): quiet during the holiday, warning at 10 days.
        run("report", "policy", "--db", self.db, "--account", "1", "--set", "national", check=True)
        self.assertEqual(self.activity("2026-10-09")["status"], "ok")
        self.assertEqual(self.activity("2026-10-10")["status"], "warning")
        # Zombie list: more than three months after 30 September.
        zombies = lambda d: json.loads(run("report", "zombies", "--db", self.db, "--as-of", d, "--json",
                                           check=True).stdout)
        self.assertNotIn(1, [z["account_id"] for z in zombies("2026-12-31")])
        z = [z for z in zombies("2027-01-01") if z["account_id"] == 1]
        self.assertEqual(len(z), 1)
        self.assertIn("注销", z[0]["suggestion"])

    def test_activity_account_without_publication_counts_from_opening(self):
        opened = sql(self.db, "SELECT json_extract(record,'$.opening.date') FROM accounts WHERE id=1")[0][0]
        row = self.activity("2026-11-30")
        self.assertIsNone(row["last_update"])
        y, m, d = map(int, opened.split("-"))
        import datetime
        self.assertEqual(row["days_since_update"], (datetime.date(2026, 11, 30) - datetime.date(y, m, d)).days)
        self.assertEqual(row["status"], "veto")

    def test_warning_job_notifies_unit_and_supervisor_on_thursday(self):
        run("publication", "import", "--db", self.db, "--account", "1", self.file, check=True)
        p = run("jobs", "run", "--db", self.db, "activity.warnings", "--at", "2026-10-15 09:00", check=True)
        self.assertIn("完成", p.stdout)
        notes = sql(self.db, "SELECT u.login, n.title, n.body, n.link FROM notifications n "
                             "JOIN users u ON u.id=n.user_id ORDER BY n.id")
        by_login = {n[0]: n for n in notes}
        self.assertIn("operator", by_login)      # the unit's operator
        self.assertIn("supervisor", by_login)    # the 信息中心 above it
        self.assertIn("示范县教育发布", by_login["operator"][2])
        self.assertIn("单项否决", by_login["operator"][2])
        self.assertEqual(by_login["supervisor"][3], "/reports/activity")
        self.assertNotIn("contributor", by_login)
        self.assertEqual(sql(self.db, "SELECT COUNT(*) FROM audit WHERE action='activity.warnings'"), [(1,)])
        jobs = json.loads(run("jobs", "list", "--db", self.db, "--json", check=True).stdout)
        self.assertEqual([j["schedule"] for j in jobs if j["name"] == "activity.warnings"], ["weekly thu 09:00"])

    def test_report_exports_xlsx_and_csv_for_every_report(self):
        """§5.2 assessment results are exportable."""
        run("publication", "import", "--db", self.db, "--account", "1", self.file, check=True)
        for name in ("accounts", "reviews", "weekly", "activity", "assessment", "zombies"):
            out = os.path.join(self.srv.dir, f"{name}.xlsx")
            run("report", name, "--db", self.db, "--format", "xlsx", "--out", out, "--as-of", "2026-10-15",
                check=True)
            rows, sheet, _ = xlsx_rows(open(out, "rb").read())
            self.assertTrue(rows and all(re.search(r"[\u4e00-\u9fff]", h) for h in rows[0]), f"{name}: {rows[:1]}")
            self.assertIn('state="frozen"', sheet)
            self.assertIn("<col ", sheet)   # column widths set
            out = os.path.join(self.srv.dir, f"{name}.csv")
            run("report", name, "--db", self.db, "--format", "csv", "--out", out, "--as-of", "2026-10-15",
                check=True)
            raw = open(out, "rb").read()
            self.assertTrue(raw.startswith(b"\xef\xbb\xbf"), name)
            header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
            self.assertEqual(header, rows[0], name)
        self.assertEqual(run("report", "nope", "--db", self.db).returncode, 2)
        self.assertEqual(run("report", "activity", "--db", self.db, "--format", "pdf", "--out", "x").returncode, 2)

    def test_report_activity_xlsx_dates_are_dates(self):
        run("publication", "import", "--db", self.db, "--account", "1", self.file, check=True)
        out = os.path.join(self.srv.dir, "a.xlsx")
        run("report", "activity", "--db", self.db, "--format", "xlsx", "--out", out, "--as-of", "2026-10-15",
            check=True)
        rows, sheet, styles = xlsx_rows(open(out, "rb").read())
        col = rows[0].index("最近更新")
        row = next(r for r in rows[1:] if r[1] == "示范县教育发布")
        self.assertEqual(float(row[col]), 46295.0)   # 2026-09-30 as an Excel serial date
        self.assertIn("yyyy-mm-dd", styles)

    def test_csv_export_neutralises_formula_cells(self):
        rows = [("2026-09-01", "=HYPERLINK(\"http://evil\")", "https://x.cn/f", "原创")]
        bad = os.path.join(self.srv.dir, "f.csv")
        with open(bad, "w", encoding="utf-8") as f:
            f.write(pub_csv(rows).replace('=HYPERLINK("http://evil")', '"=HYPERLINK(""http://evil"")"'))
        run("publication", "import", "--db", self.db, "--account", "1", bad, check=True)
        sql(self.db, "UPDATE units SET name='@SUM(A1)' WHERE id=4")
        out = os.path.join(self.srv.dir, "w.csv")
        run("report", "activity", "--db", self.db, "--format", "csv", "--out", out, check=True)
        text = open(out, encoding="utf-8-sig").read()
        self.assertIn("\"'@SUM(A1)\"", text)
        self.assertNotIn(",\"@SUM", text)

    def test_assessment_scheme_refuses_likes_for_government_unit(self):
        """§5.2 a government unit's scheme may not use likes."""
        spec = os.path.join(self.srv.dir, "scheme.json")
        with open(spec, "w") as f:
            json.dump({"indicators": [{"code": "timeliness", "weight": 60}, {"code": "likes", "weight": 40}]}, f)
        p = run("report", "scheme", "--db", self.db, "--unit", "4", "--year", "2026", "--set", spec)
        self.assertEqual(p.returncode, 2)
        self.assertIn("指尖上的形式主义", p.stderr)
        self.assertEqual(sql(self.db, "SELECT COUNT(*) FROM assessment_schemes"), [(0,)])
        # An organisation (company, school, association) may use it.
        run("unit", "add", "--db", self.db, "--name", "示范县融媒体公司", "--kind", "organisation", "--parent", "3",
            check=True)
        org = sql(self.db, "SELECT id FROM units WHERE kind='organisation'")[0][0]
        p = run("report", "scheme", "--db", self.db, "--unit", str(org), "--year", "2026", "--set", spec, check=True)
        self.assertEqual(json.loads(p.stdout)["source"], "unit")

    def test_assessment_shows_facts_behind_each_score(self):
        run("publication", "import", "--db", self.db, "--account", "1", self.file, check=True)
        p = run("report", "assessment", "--db", self.db, "--year", "2026", "--as-of", "2026-12-31", check=True)
        unit = next(u for u in json.loads(p.stdout) if u["unit_id"] == 4)
        ind = {i["code"]: i for i in unit["indicators"]}
        self.assertTrue(unit["vetoed"])              # found inactive at quarterly checks
        self.assertTrue(ind["veto_inactivity"]["vetoed"])
        self.assertIn("/accounts/", ind["veto_inactivity"]["facts"]["items"][0]["link"])
        self.assertIn("30 篇", ind["originality"]["facts"]["summary"])
        self.assertFalse(ind["replies"]["has_data"])     # no message logged this year
        self.assertIn("无数据", ind["replies"]["facts"]["summary"])
        # 安全问题: the year's workflow publications re-checked with the lists in force
        self.assertTrue(ind["veto_security"]["has_data"])
        self.assertIn("回溯检查", ind["veto_security"]["facts"]["summary"])
        self.assertFalse(ind["veto_security"]["vetoed"], ind["veto_security"])
        self.assertEqual(unit["grade"], "不合格(单项否决)")
        self.assertNotIn("likes", ind)


class ReportsApiTest(gmtest.ServerTest):
    """The same over HTTP, with access limited to the user's reach."""

    def test_reports_api_activity_import_and_downloads(self):
        op = self.srv.client("operator")
        body = pub_csv(september_daily()).encode()
        r = op.request("POST", "/api/v1/accounts/1/publications", raw=body, headers={"Content-Type": "text/csv"})
        rows = r.json.pop("rows")
        self.assertEqual((r.status, r.json), (200, {"imported": 30, "updated": 0, "skipped": 0}))
        # each data row says what became of it (the console's import page lists them)
        self.assertEqual([(x["line"], x["outcome"]) for x in rows[:2]], [(2, "imported"), (3, "imported")])
        self.assertEqual(len(rows), 30)
        r = op.request("POST", "/api/v1/accounts/1/publications", raw=body, headers={"Content-Type": "text/csv"})
        self.assertEqual({o["outcome"] for o in r.json.pop("rows")}, {"skipped"})
        self.assertEqual(r.json, {"imported": 0, "updated": 0, "skipped": 30})
        bad = pub_csv([("2026-09-01", "t", "https://x.cn/n1", "原创"), ("nope", "t", "https://x.cn/n2", "原创")])
        r = op.request("POST", "/api/v1/accounts/1/publications", raw=bad.encode(),
                       headers={"Content-Type": "text/csv"})
        self.assertEqual(r.status, 400)
        self.assertEqual(r.error_field(), "line 3")
        self.assertEqual(sql(self.srv.db, "SELECT COUNT(*) FROM publications WHERE url LIKE 'https://x.cn/n%'"), [(0,)])

        sup = self.srv.client("supervisor")
        r = sup.put("/api/v1/accounts/1/activity-policy", {"policy": "daily"})
        self.assertEqual((r.status, r.json["policy"]), (200, "daily"))
        self.assertEqual(sup.put("/api/v1/accounts/1/activity-policy", {"policy": "hourly"}).error_field(), "policy")
        r = sup.get("/api/v1/reports/activity?as_of=2026-10-15")
        self.assertEqual(r.status, 200)
        row = next(a for a in r.json["accounts"] if a["account_id"] == 1)
        self.assertEqual((row["status"], row["days_since_update"], row["last_update"]), ("veto", 15, "2026-09-30"))
        self.assertGreaterEqual(r.json["summary"]["veto"], 1)
        self.assertEqual(sup.get("/api/v1/reports/activity?as_of=2026-13-01").error_field(), "as_of")
        self.assertEqual(sup.get("/api/v1/reports/activity?bogus=1").status, 400)

        r = sup.get("/api/v1/reports/activity.xlsx?as_of=2026-10-15")
        self.assertEqual(r.status, 200)
        self.assertIn("spreadsheetml", r.headers["Content-Type"])
        self.assertIn("govmedia-activity.xlsx", r.headers["Content-Disposition"])
        rows, _, _ = xlsx_rows(r.raw)
        self.assertEqual(rows[0][:2], ["账号ID", "账号名称"])
        r = sup.get("/api/v1/reports/weekly.csv?as_of=2026-09-30")
        self.assertTrue(r.raw.startswith(b"\xef\xbb\xbf"))
        # A public message on 29 September, never answered (store of issue 11).
        m = op.post("/api/v1/messages", {"account_id": 1, "kind": "consult", "text": "国庆后开学时间是哪天?",
                                          "from": "家长王女士", "received_at": "2026-09-29T16:00:00"})
        self.assertEqual(m.status, 201, m)
        r = sup.get("/api/v1/reports/weekly?as_of=2026-09-30")
        acct = next(a for a in r.json["accounts"] if a["account_id"] == 1)
        self.assertEqual((r.json["week_start"], r.json["week_end"]), ("2026-09-28", "2026-10-04"))
        self.assertEqual((acct["posts"], acct["originals"], acct["reposts"]), (3, 1, 2))
        self.assertEqual((acct["messages_received"], acct["messages_answered"]), (1, 0))
        self.assertIsNone(acct["reply_median_hours"])
        unit = next(u for u in r.json["units"] if u["unit_id"] == 4)
        self.assertEqual((unit["posts"], unit["messages_received"]), (3, 1))
        # Left unanswered past the maximum deadline: 互动回应差, a veto item of the assessment.
        r = sup.get("/api/v1/reports/assessment?year=2026&as_of=2026-12-31&unit_id=4")
        ind = {i["code"]: i for i in r.json["units"][0]["indicators"]}
        self.assertTrue(ind["veto_interaction"]["vetoed"])
        self.assertEqual(ind["veto_interaction"]["facts"]["items"][0]["link"], "/accounts/1")
        self.assertEqual(ind["replies"]["value"], 0)

    def test_reports_api_assessment_scheme_rule_and_reach(self):
        sup = self.srv.client("supervisor")
        r = sup.put("/api/v1/units/4/assessment-scheme",
                    {"year": 2026, "indicators": [{"code": "timeliness", "weight": 60},
                                                  {"code": "forwards", "weight": 40}]})
        self.assertEqual(r.status, 400)
        self.assertEqual(r.error_field(), "indicators[1].code")
        self.assertIn("指尖上的形式主义", r.json["error"]["message"])
        r = sup.put("/api/v1/units/4/assessment-scheme",
                    {"year": 2026, "indicators": [{"code": "timeliness", "weight": 60},
                                                  {"code": "originality", "weight": 40}]})
        self.assertEqual((r.status, r.json["source"]), (200, "unit"))
        r = sup.get("/api/v1/reports/assessment?year=2026&unit_id=4")
        unit = r.json["units"][0]
        self.assertEqual(unit["scheme_source"], "unit")
        self.assertEqual([i["code"] for i in unit["indicators"]], ["timeliness", "originality"])
        # A unit user reaches only its own unit's accounts; another unit is refused.
        op = self.srv.client("operator")
        self.assertEqual(op.get("/api/v1/reports/activity?unit_id=5").status, 403)
        ids = {a["unit_id"] for a in op.get("/api/v1/reports/activity").json["accounts"]}
        self.assertLessEqual(ids, {4, 6})


if __name__ == "__main__":
    unittest.main()
