"""Annual review (年审) scenarios, REQUIREMENTS.md §1 / issue 5 point 7:
a supervisor opens the round for a year (November by default), accounts
submit reports, the supervisor passes or fails them with a reason, and
closing the round lists the accounts that must close, exportable as CSV.
"""
import base64
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402
from acct_helpers import Builder, form  # noqa: E402


class AnnualReviewTest(gmtest.ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.c = {login: cls.srv.client(login) for login in gmtest.DEMO_LOGINS}
        cls.b = Builder(cls.c["supervisor"])

    def report(self, who, rid, aid, text="2026 年度运行情况:发布 210 条,回复留言 96 条。", **extra):
        return self.c[who].post(f"/api/v1/reviews/{rid}/accounts/{aid}/report", dict(text=text, **extra))

    def test_annual_review_round_end_to_end_with_must_close_export(self):
        """§1.5 the November round end to end: reports, failures, the must-close list exported."""
        sup = self.c["supervisor"]
        passed, failed, silent, pending = (self.b.make("filed") for _ in range(4))
        closed = self.b.make("closed")
        for who in ("contributor", "operator", "observer", "admin"):
            self.assertEqual(self.c[who].post("/api/v1/reviews", {"year": 2026}).status, 403, who)
        r = sup.post("/api/v1/reviews", {"year": 2026})
        self.assertEqual(r.status, 201, r)
        self.assertEqual((r.json["month"], r.json["state"]), (11, "open"), "November by default")
        rid = r.json["id"]
        listed = {e["account_id"] for e in r.json["accounts"]}
        self.assertTrue({passed, failed, silent, pending} <= listed)
        self.assertNotIn(closed, listed, "closed accounts are exempt")
        self.assertEqual(sup.post("/api/v1/reviews", {"year": 2026}).status, 409, "one round a year")

        att = base64.b64encode("年审报告附件".encode()).decode()
        r = self.report("contributor", rid, passed, attachment_name="年审报告.txt", attachment_base64=att)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.report("observer", rid, failed).status, 403)
        for aid in (failed, pending):
            self.assertEqual(self.report("operator", rid, aid).status, 200)
        self.assertEqual(self.report("contributor", rid, passed).status, 409, "one report per round")
        r = self.report("contributor", rid, failed, attachment_base64="***", attachment_name="a")
        self.assertIn(r.status, (400, 409))
        r = self.report("contributor", rid, closed)
        self.assertEqual(r.status, 409, "a closed account submits no report")
        self.assertIn("已注销", r.json["error"]["message"])

        self.assertEqual(self.c["contributor"].post(f"/api/v1/reviews/{rid}/accounts/{passed}/pass", {}).status, 403)
        self.assertEqual(sup.post(f"/api/v1/reviews/{rid}/accounts/{passed}/pass", {"reason": "运行规范"}).status, 200)
        self.assertEqual(sup.post(f"/api/v1/reviews/{rid}/accounts/{passed}/pass", {}).status, 409, "decided once")
        r = sup.post(f"/api/v1/reviews/{rid}/accounts/{failed}/fail", {})
        self.assertEqual((r.status, r.error_field()), (400, "reason"), "failing needs a reason")
        self.assertEqual(sup.post(f"/api/v1/reviews/{rid}/accounts/{failed}/fail",
                                  {"reason": "全年更新不足 20 条"}).status, 200)
        self.assertEqual(sup.post(f"/api/v1/reviews/{rid}/accounts/{silent}/pass", {}).status, 409,
                         "nothing to pass without a report")
        self.assertEqual(sup.get(f"/api/v1/reviews/{rid}/must-close").status, 409, "not before closing")

        self.assertEqual(self.c["operator"].post(f"/api/v1/reviews/{rid}/close", {}).status, 403)
        r = sup.post(f"/api/v1/reviews/{rid}/close", {})
        self.assertEqual(r.status, 200, r)
        must = {e["account_id"]: e for e in r.json["must_close"]}
        self.assertIn(failed, must)
        self.assertEqual(must[failed]["reason"], "年审未通过:全年更新不足 20 条")
        self.assertIn(silent, must)
        self.assertEqual(must[silent]["reason"], "未提交年审报告")
        self.assertNotIn(passed, must)
        self.assertNotIn(pending, must, "a report awaiting a decision is not a must-close")
        self.assertEqual(sup.post(f"/api/v1/reviews/{rid}/close", {}).status, 409)
        self.assertEqual(self.report("contributor", rid, silent).status, 409, "the round is over")

        csv = self.c["observer"].get(f"/api/v1/reviews/{rid}/must-close.csv")
        self.assertEqual(csv.status, 200)
        self.assertTrue(csv.headers["Content-Type"].startswith("text/csv"))
        text = csv.raw.decode("utf-8-sig")
        self.assertTrue(text.startswith('"账号ID","账号名称"'))
        self.assertEqual(len(text.strip().splitlines()), 1 + len(must))
        self.assertIn(f'"{failed}"', text)
        self.assertNotIn(f'"{passed}",', text)

        p = gmtest.run("account", "must-close", "--db", self.srv.db, "--round", str(rid), "--csv", check=True)
        self.assertEqual(p.stdout.lstrip("\ufeff").replace("\r\n", "\n"), text.replace("\r\n", "\n"))

        t = sup.get(f"/api/v1/accounts/{failed}/timeline").json["events"]
        self.assertEqual([e["action"] for e in t][-2:], ["account.review_submit", "account.review_fail"])
        rounds = gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM audit WHERE object_type='review_round'")[0][0]
        self.assertEqual(rounds, 2, "open and close are audited")
        self.assertEqual(gmtest.run("audit", "verify", "--db", self.srv.db).returncode, 0)

    def test_review_round_input_is_validated(self):
        sup = self.c["supervisor"]
        for body, field in (({"year": 1999}, "year"), ({"year": 2030, "month": 13}, "month"),
                            ({"month": 11}, "year"), ({"year": "2026"}, "year"), ({"year": 2031, "x": 1}, "x")):
            r = sup.post("/api/v1/reviews", body)
            self.assertEqual((r.status, r.error_field()), (400, field), (body, r))
        r = sup.post("/api/v1/reviews", {"year": 2025, "month": 12})
        self.assertEqual((r.status, r.json["month"]), (201, 12))
        self.assertIn(2025, [x["year"] for x in self.c["observer"].get("/api/v1/reviews").json["rounds"]])


    def test_unit_inside_the_round_sees_it_with_its_own_accounts_only(self):
        """A contributor's unit lies below the supervisor's round: the console
        must show it the round and the accounts it has to report on."""
        sup = self.c["supervisor"]
        r = sup.post("/api/v1/reviews", {"year": 2029})
        self.assertEqual(r.status, 201, r)
        rid = r.json["id"]
        self.assertEqual(self.c["contributor"].get(f"/api/v1/units/{r.json['unit_id']}").status, 403,
                         "the round's unit is above the contributor's reach")
        c = self.c["contributor"]
        self.assertIn(rid, [x["id"] for x in c.get("/api/v1/reviews").json["rounds"]])
        r = c.get(f"/api/v1/reviews/{rid}")
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.json["accounts"])
        self.assertEqual({e["unit_name"] for e in r.json["accounts"]}, {"示范县教育局"})
        self.assertEqual(c.get(f"/api/v1/reviews/{rid}/must-close").status, 403)

    def test_must_close_csv_is_readable_and_never_a_formula(self):
        sup = self.c["supervisor"]
        evil = '=HYPERLINK("http://example.invalid","点此")'
        r = sup.post("/api/v1/accounts", form(4, "kuaishou", evil, exception_reason="测试:公式注入"))
        self.assertEqual(r.status, 201, r)
        aid = r.json["id"]
        for step in ("approve", "open", "certify"):
            self.b.step(aid, step)
        r = sup.post("/api/v1/reviews", {"year": 2024})
        self.assertEqual(r.status, 201, r)
        rid = r.json["id"]
        self.assertEqual(self.report("operator", rid, aid).status, 200)
        self.assertEqual(sup.post(f"/api/v1/reviews/{rid}/accounts/{aid}/fail",
                                  {"reason": "-全年仅更新 3 条"}).status, 200)
        self.assertEqual(sup.post(f"/api/v1/reviews/{rid}/close", {}).status, 200)
        text = sup.get(f"/api/v1/reviews/{rid}/must-close.csv").raw.decode("utf-8-sig")
        row = next(line for line in text.splitlines() if line.startswith(f'"{aid}",'))
        self.assertIn('"\'=HYPERLINK(""http://example.invalid"",""点此"")"', row,
                      "a formula-like cell is quoted as text")
        self.assertIn('"快手"', row, "platform shown by its Chinese name")
        self.assertIn('"未通过"', row, "review state shown by its Chinese label")
        self.assertIn('"年审未通过:-全年仅更新 3 条"', row, "the supervisor's reason is exported")


class AnnualReviewReminderTest(gmtest.ServerTest):
    """§1.5 "The system opens the review round, reminds, and lists
    accounts that must be closed": the weekly job reviews.remind tells each
    unit's department heads and operators which live accounts have not yet
    reported in an open round, and stops naming an account once it reported."""

    def reminders(self, login):
        r = self.srv.client(login).get("/api/v1/notifications?limit=50")
        self.assertEqual(r.status, 200, r)
        return [n for n in r.json["notifications"] if n["kind"] == "review.remind"]

    def run_job(self):
        r = self.srv.client("admin").post("/api/v1/jobs/run", {"job": "reviews.remind"})
        self.assertEqual((r.status, r.json["ok"]), (200, True), r)
        return r.json["message"]

    def test_open_round_reminds_units_of_accounts_without_a_report(self):
        self.assertIn("提醒 0 个单位", self.run_job())            # no open round: nobody
        self.assertEqual(self.reminders("depthead"), [])
        r = self.srv.client("supervisor").post("/api/v1/reviews", {"year": 2026})
        self.assertEqual(r.status, 201, r)
        rid = r.json["id"]
        live = [e for e in r.json["accounts"] if e["review_state"] == "none"]
        self.assertIn("提醒 1 个单位", self.run_job())
        for login in ("depthead", "operator"):
            notes = self.reminders(login)
            self.assertEqual(len(notes), 1, (login, notes))
            self.assertIn(f"2026 年度 {len(live)} 个账号尚未提交年度报告", notes[0]["title"])
            self.assertIn("示范县教育发布", notes[0]["body"])
            self.assertEqual(notes[0]["link"], f"/reviews/{rid}")
        self.assertEqual(self.reminders("contributor"), [])
        r = self.srv.client("operator").post(f"/api/v1/reviews/{rid}/accounts/1/report",
                                             {"text": "2026 年度运行情况:发布 210 条。"})
        self.assertEqual(r.status, 200, r)
        self.run_job()
        newest = self.reminders("depthead")[0]
        self.assertIn(f"{len(live) - 1} 个账号", newest["title"])
        self.assertNotIn("示范县教育发布", newest["body"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
