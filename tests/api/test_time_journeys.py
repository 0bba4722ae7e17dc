"""Journeys across days on the server's test clock (`serve --test-clock`,
`PUT /api/v1/system/clock`): a deadline passes while the server runs, its
scheduler (one tick a second here) does what falls due, and the people of
REQUIREMENTS.md see what they would see days later.  Each test names the
rule it walks.  The clock only moves forward, so each test class has a
server of its own and each test moves on from where the last one left it.
"""
import datetime
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import acct_helpers  # noqa: E402
import gmtest  # noqa: E402
from gmtest import notices  # noqa: E402

CST = datetime.timezone(datetime.timedelta(hours=8))


CLOCK_ARGS = ("--test-clock", "--job-tick", "1")


class ClockHelpers:
    """Reading and moving the server's test clock (a server started with
    CLOCK_ARGS), and waiting for what its scheduler does."""

    def clock(self):
        return self.srv.client("admin").get("/api/v1/system/clock").json

    def today(self):
        """The server's today in China, as a date."""
        return datetime.date.fromisoformat(self.clock()["now_china"][:10])

    def move_to(self, day, hhmm="09:05"):
        """Moves the server to a China day and time (later than now)."""
        r = self.srv.client("admin").put("/api/v1/system/clock", {"now": f"{day.isoformat()}T{hhmm}:00+08:00"})
        self.assertEqual(r.status, 200, r)
        return r.json

    def wait_for(self, what, timeout=30):
        """Polls what() (fresh logins each time: a session expires as days pass)
        until it is truthy; the scheduler ticks every second."""
        end = time.time() + timeout
        while True:
            got = what()
            if got or time.time() > end:
                return got
            time.sleep(0.5)


class ClockServerTest(ClockHelpers, gmtest.ServerTest):
    server_args = CLOCK_ARGS


class TestClockContractTest(unittest.TestCase):
    """The test clock is for tests and drills only: refused on a server not
    started with it, forward only, admin only, audited, and visible."""

    def test_rule_test_clock_is_refused_unless_the_server_was_started_with_it(self):
        srv = gmtest.Server().start()
        try:
            admin, observer = srv.client("admin"), srv.client("observer")
            before = gmtest.sql(srv.db, "SELECT COUNT(*) FROM audit")[0][0]
            r = admin.put("/api/v1/system/clock", {"advance_minutes": 60})
            self.assertEqual((r.status, r.error_field()), (409, "now"), r)
            self.assertIn("--test-clock", r.json["error"]["message"])
            c = observer.get("/api/v1/system/clock").json
            self.assertEqual((c["test_clock"], c["ahead_seconds"]), (False, 0))
            self.assertNotIn("test_clock", srv.client().get("/api/v1/health").json)
            self.assertEqual(gmtest.sql(srv.db, "SELECT COUNT(*) FROM audit")[0][0], before)
        finally:
            srv.cleanup()

    def test_rule_test_clock_moves_forward_only_by_the_admin_and_is_audited(self):
        srv = gmtest.Server().start(extra_args=("--test-clock",))
        try:
            admin = srv.client("admin")
            self.assertTrue(srv.client().get("/api/v1/health").json["test_clock"])
            r = srv.client("supervisor").put("/api/v1/system/clock", {"advance_minutes": 60})
            self.assertEqual(r.status, 403, r)
            for body, field in (({}, "now"), ({"now": "2020-01-01T00:00:00Z"}, "now"),
                                ({"now": "soon"}, "now"), ({"advance_minutes": 0}, "advance_minutes"),
                                ({"advance_minutes": 5, "now": "2099-01-01"}, "advance_minutes"),
                                ({"advance_minutes": "1h"}, "advance_minutes"), ({"later": 1}, "later")):
                r = admin.put("/api/v1/system/clock", body)
                self.assertEqual((r.status, r.error_field()), (400, field), (body, r))
            r = admin.put("/api/v1/system/clock", {"advance_minutes": 3 * 24 * 60})
            self.assertEqual(r.status, 200, r)
            self.assertTrue(r.json["test_clock"])
            self.assertAlmostEqual(r.json["ahead_seconds"], 3 * 86400, delta=5)
            at = datetime.datetime.fromisoformat(r.json["now"].replace("Z", "+00:00"))
            wall = datetime.datetime.now(datetime.timezone.utc)
            self.assertAlmostEqual((at - wall).total_seconds(), 3 * 86400, delta=30)
            row = gmtest.sql(srv.db, "SELECT login, at FROM audit WHERE action='system.clock'")
            self.assertEqual(row[0][0], "admin")
            self.assertTrue(row[0][1] >= r.json["now"][:16], row)   # the row itself lives in the new time
            self.assertEqual(gmtest.run("audit", "verify", "--db", srv.db).returncode, 0)
        finally:
            srv.cleanup()


class FilingDeadlinePassesTest(ClockServerTest):
    """§1.3 "filing … due within 3 days of opening; a late filing is flagged and
    stays marked late once made": an account opened today, the server moved
    to two days after the deadline; the daily reminder runs by itself at
    09:00, the operator and the 信息中心 hear the filing is overdue, the
    filing made then is marked late for good."""

    def test_rule_1_filing_overdue_on_the_test_clock_reminds_and_stays_marked_late(self):
        sup, contrib = self.srv.client("supervisor"), self.srv.client("contributor")
        today = self.today()
        aid = contrib.post("/api/v1/accounts", acct_helpers.form(platform="kuaishou", name="示范县教育快手")).json["id"]
        self.assertEqual(sup.post(f"/api/v1/accounts/{aid}/approve", {}).status, 200)
        r = sup.post(f"/api/v1/accounts/{aid}/open", {"platform_account_id": "sfx-ks", "date": today.isoformat()})
        self.assertEqual(r.status, 200, r)
        due = today + datetime.timedelta(days=3)
        self.assertEqual(r.json["filing_due"], due.isoformat())
        # a filing dated after today is refused: the clock is the server's
        r = sup.post(f"/api/v1/accounts/{aid}/file", dict(acct_helpers.BODIES["file"], date=(today + datetime.timedelta(days=1)).isoformat(),
                                                          created_on=today.isoformat()))
        self.assertEqual((r.status, r.error_field()), (400, "date"), r)

        self.move_to(due + datetime.timedelta(days=2))
        def overdue(login):
            return [n for n in notices(self.srv.client(login), "account.filing_due")
                    if "示范县教育快手" in n["body"] and "已逾期 2 天" in n["body"]]
        self.assertTrue(self.wait_for(lambda: overdue("operator")), "the operator was not told by the 09:00 run")
        self.assertTrue(overdue("supervisor"), "the 信息中心 hears of overdue filings")
        self.assertFalse(overdue("contributor"))
        sup = self.srv.client("supervisor")
        r = sup.get(f"/api/v1/accounts?overdue=filing")
        self.assertIn(aid, [a["id"] for a in r.json["accounts"]])

        sup.put(f"/api/v1/accounts/{aid}/qr", raw=acct_helpers.png_bytes(8), headers={"Content-Type": "image/png"})
        filed_on = (due + datetime.timedelta(days=2)).isoformat()
        r = sup.post(f"/api/v1/accounts/{aid}/file", dict(acct_helpers.BODIES["file"], date=filed_on,
                                                          created_on=today.isoformat()))
        self.assertEqual((r.status, r.json["state"], r.json["filed_late"], r.json["filed_late_days"]),
                         (200, "filed", True, 2), r)
        # the CLI reads the same registry: marked 逾期备案
        p = gmtest.run("account", "list", "--db", self.srv.db, "--filed-late", "true")
        self.assertIn("示范县教育快手", p.stdout)
        self.assertIn("逾期备案", p.stdout)


class ReviewOverdueTest(ClockServerTest):
    """§2.1 "Draft → department head → leader …; levels are a per-unit policy"
    with their time limit: a draft left with the department head past its
    level's working-day limit is listed overdue and its reviewers reminded
    by the morning run; the author is not."""

    def test_rule_2_review_left_past_its_limit_is_listed_and_reminded(self):
        author = self.srv.client("contributor")
        r = author.post("/api/v1/posts", {"title": "关于寒假安全提醒的通知", "body": "请各校做好寒假安全教育。",
                                          "account_ids": [1]})
        self.assertEqual(r.status, 201, r)
        pid = r.json["id"]
        r = author.post(f"/api/v1/posts/{pid}/submit")
        self.assertEqual(r.status, 200, r)
        due = datetime.date.fromisoformat(r.json["level_due"])
        self.assertNotIn(pid, [p["id"] for p in self.srv.client("depthead").get("/api/v1/posts?overdue=true").json["posts"]])
        self.move_to(due + datetime.timedelta(days=3))
        head = self.srv.client("depthead")
        self.assertIn(pid, [p["id"] for p in head.get("/api/v1/posts?overdue=true").json["posts"]])
        def reminded(login):
            c = self.srv.client(login)
            rows = c.get("/api/v1/notifications?limit=100").json["notifications"]
            return [n for n in rows if n["link"] == f"/posts/{pid}" and n["kind"] != "post.submit"]
        got = self.wait_for(lambda: reminded("depthead"))
        self.assertTrue(got, "the department head was not reminded of the overdue review")
        self.assertIn("关于寒假安全提醒的通知", got[0]["title"] + got[0]["body"])
        self.assertEqual(reminded("contributor"), [])


class MessageDeadlinePassesTest(ClockServerTest):
    """§4.2 §6.1 "reply promptly … deadlines are a policy (first response within 4
    hours, answer within 5 working days, 10 at most) … poor interaction is a
    national veto item": a message left unanswered while the days pass is
    overdue, escalated by the quarter-hourly run, and counted late in the
    unit's figures."""

    def test_rule_4_unanswered_message_goes_overdue_is_escalated_and_counted(self):
        op = self.srv.client("operator")
        now = self.clock()["now_china"]
        r = op.post("/api/v1/messages", {"account_id": 1, "kind": "consult", "text": "寒假放假时间是哪天?",
                                         "from": "家长李女士", "received_at": now})
        self.assertEqual(r.status, 201, r)
        mid = r.json["id"]
        self.assertFalse(r.json["overdue"])
        answer_max = datetime.datetime.fromisoformat(r.json["answer_max"].replace("Z", "+00:00")).astimezone(CST)
        self.move_to(answer_max.date() + datetime.timedelta(days=1), "10:00")
        def escalated():
            m = self.srv.client("operator").get(f"/api/v1/messages/{mid}").json
            return m if m["escalated"] else None
        m = self.wait_for(escalated)
        self.assertTrue(m, "the escalation run did not mark the overdue message")
        self.assertTrue(m["overdue"])
        listed = self.srv.client("operator").get("/api/v1/messages?overdue=1").json["messages"]
        self.assertIn(mid, [x["id"] for x in listed])
        # answered now, it stays late in the figures the inspector reads
        r = self.srv.client("operator").post(f"/api/v1/messages/{mid}/answer", {"text": "1 月 20 日起放假。", "result": "explained"})
        self.assertEqual(r.status, 200, r)
        start = (answer_max.date() - datetime.timedelta(days=40)).isoformat()
        end = (answer_max.date() + datetime.timedelta(days=2)).isoformat()
        f = self.srv.client("observer").get(f"/api/v1/messages/figures?unit_id=4&from={start}&to={end}").json
        self.assertGreaterEqual(f["answered"] - f["answered_in_time"], 1, f)


if __name__ == "__main__":
    unittest.main()
