"""Journeys of REQUIREMENTS §4 (activity and interaction) that people walk
through the API and the command line: finding a message in the inbox by its
words, sender, kind and channel; seeing at once that a message's first
response (受理, or the answer when nobody acknowledged it) came too late;
an opinion incident whose audit rows say what each step changed, walked
across time on the server's test clock.  Real server, real SQLite file.

Demo data: accounts 1 (WeChat) and 2 (Douyin) of unit 4 示范县教育局;
unit 5 示范县卫生健康局 has no users of its own (one is added here).
"""
import json
import os
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402
from gmtest import notices  # noqa: E402
from test_time_journeys import ClockServerTest  # noqa: E402

MONDAY = "2026-11-02"   # a working day; first response due 4 working hours later, 14:30


def ids(reply):
    return [m["id"] for m in reply.json["messages"]]


class InboxSearchAndLatenessTest(gmtest.ServerTest):
    """§4 "reply promptly … acknowledge, then reply with the result … complaints
    and reports are routed to the responsible department": the people who
    answer find a message by what it says or who wrote it, and the inspector
    lists those whose first response or answer came late."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.con = cls.srv.client("contributor")
        cls.sup = cls.srv.client("supervisor")
        cls.obs = cls.srv.client("observer")
        log = lambda **b: cls.con.post("/api/v1/messages", dict({"account_id": 1}, **b))
        r = log(kind="consult", text="校车路线什么时候调整?", **{"from": "家长王女士"},
                received_at=f"{MONDAY}T09:00:00+08:00")
        assert r.status == 201, r
        cls.a = r.json["id"]          # answered the next day, never acknowledged
        r = log(kind="complaint", channel="comment", text="食堂WiFi信号太差,影响查资料",
                **{"from": "学生Li"}, received_at=f"{MONDAY}T09:10:00+08:00")
        cls.b = r.json["id"]          # acknowledged in time, then left unanswered
        r = log(kind="other", channel="private", text="100% 的学生_都要参加吗", **{"from": "匿名"},
                received_at=gmtest.utc_iso(-60))
        cls.c = r.json["id"]          # received an hour ago
        r = log(kind="other", text="骂人的评论", **{"from": "某网友"}, received_at=f"{MONDAY}T09:20:00+08:00")
        cls.d = r.json["id"]          # hidden, owes nothing
        r = log(kind="consult", text="社区卫生服务站几点开门", **{"from": "市民赵先生"},
                received_at=f"{MONDAY}T09:30:00+08:00")
        cls.e = r.json["id"]          # assigned to unit 5
        for mid, path, body in (
                (cls.a, "answer", {"text": "下周一起调整。", "result": "resolved", "at": "2026-11-03T10:00:00+08:00"}),
                (cls.b, "ack", {"text": "已收到,正在联系后勤。", "at": f"{MONDAY}T10:00:00+08:00"}),
                (cls.d, "hide", {"reason": "含辱骂"})):
            client = cls.head() if path == "hide" else cls.con
            r = client.post(f"/api/v1/messages/{mid}/{path}", body)
            assert r.status == 200, r
        assert cls.sup.post(f"/api/v1/messages/{cls.e}/assign", {"unit_id": 5}).status == 200
        r = cls.srv.client("admin").post("/api/v1/users", {
            "login": "wsj_clerk", "display_name": "卫健局信息员", "password": "a-good-password-5",
            "roles": [{"role": "contributor", "unit_id": 5}]})
        assert r.status == 201, r
        cls.mine = {cls.a, cls.b, cls.c, cls.d, cls.e}

    @classmethod
    def head(cls):
        return cls.srv.client("depthead")

    def find(self, query, client=None):
        r = (client or self.con).get("/api/v1/messages?limit=500&" + urllib.parse.quote(query, safe="=&%"))
        self.assertEqual(r.status, 200, r)
        return sorted(set(ids(r)) & self.mine)

    def test_rule_4_inbox_search_finds_words_of_the_text_and_the_sender(self):
        self.assertEqual(self.find("q=校车"), [self.a])
        self.assertEqual(self.find("q=王女士"), [self.a])                 # the sender
        self.assertEqual(self.find("q=wifi"), [self.b])                   # letters in any case
        self.assertEqual(self.find("q=LI"), [self.b])
        self.assertEqual(self.find("q=食堂%20信号"), [self.b])            # every word must occur
        self.assertEqual(self.find("q=食堂%E3%80%80信号"), [self.b])      # ideographic space too
        self.assertEqual(self.find("q=食堂%20校车"), [])
        self.assertEqual(self.find("q=%25"), [self.c])                    # % and _ are plain characters
        self.assertEqual(self.find("q=_"), [self.c])
        self.assertEqual(self.find("q=%20%20"), sorted(self.mine))        # blanks: no search
        # with the other filters; the observer sees the same
        self.assertEqual(self.find("q=校车&state=answered"), [self.a])
        self.assertEqual(self.find("q=校车&state=acknowledged"), [])
        self.assertEqual(self.find("q=食堂&account_id=1", self.obs), [self.b])
        r = self.con.get("/api/v1/messages?q=%E6%A0%A1%E8%BD%A6")   # 校车
        self.assertEqual(r.json["total"], len(r.json["messages"]))

    def test_rule_4_inbox_filters_by_kind_and_channel_code_or_chinese_label(self):
        self.assertEqual(self.find("channel=comment"), [self.b])
        self.assertEqual(self.find("channel=评论"), [self.b])
        self.assertEqual(self.find("channel=private"), [self.c])
        self.assertEqual(self.find("kind=投诉"), [self.b])
        self.assertEqual(self.find("kind=consult&channel=message"), [self.a, self.e])
        m = self.con.get(f"/api/v1/messages/{self.b}").json
        self.assertEqual((m["channel"], m["channel_label"]), ("comment", "评论"))

    def test_rule_4_inbox_search_stays_within_the_readers_units(self):
        clerk = self.srv.client("wsj_clerk", "a-good-password-5")
        self.assertEqual(self.find("q=卫生服务站", clerk), [self.e])   # assigned to their unit
        # the timeline names where it came from and went, though the clerk cannot read unit 4
        assign = [e for e in clerk.get(f"/api/v1/messages/{self.e}").json["events"] if e["event"] == "assign"]
        self.assertEqual({k: assign[0]["detail"][k] for k in ("from_unit_name", "unit_name")},
                         {"from_unit_name": "示范县教育局", "unit_name": "示范县卫生健康局"})
        self.assertEqual(clerk.get("/api/v1/units/4").status, 403)
        r = clerk.get("/api/v1/messages?q=%E6%A0%A1%E8%BD%A6")
        self.assertEqual((r.status, r.json["total"], r.json["messages"]), (200, 0, []))

    def test_rule_4_bad_search_and_filter_values_name_the_parameter(self):
        audit = gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM audit")[0][0]
        for query, field in (("channel=fax", "channel"), ("kind=praise", "kind"), ("late=soon", "late"),
                             ("late=", "late"), ("q=" + "长" * 201, "q"), ("q=%ff", "q"),
                             ("q=a%00b", "q"), ("search=校车", "search")):
            r = self.con.get("/api/v1/messages?" + urllib.parse.quote(query, safe="=&%"))
            self.assertEqual((r.status, r.error_field()), (400, field), (query, r))
            self.assertTrue(any("\u4e00" <= ch <= "\u9fff" for ch in r.json["error"]["message"]), r)
        self.assertIn("first_response", self.con.get("/api/v1/messages?late=soon").json["error"]["message"])
        self.assertEqual(gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM audit")[0][0], audit)

    def test_rule_4_answer_without_acknowledgement_is_the_first_response_and_marked_late(self):
        a = self.con.get(f"/api/v1/messages/{self.a}").json
        self.assertIsNone(a["acknowledged_at"])
        self.assertEqual(a["first_response_due"], "2026-11-02T06:30:00Z")
        self.assertEqual(a["first_responded_at"], "2026-11-03T02:00:00Z")   # the answer
        self.assertTrue(a["first_response_late"])
        self.assertFalse(a["answer_late"])
        self.assertFalse(a["overdue"])                                       # nothing owed any more
        b = self.con.get(f"/api/v1/messages/{self.b}").json
        self.assertEqual(b["first_responded_at"], "2026-11-02T02:00:00Z")
        self.assertFalse(b["first_response_late"])
        self.assertTrue(b["answer_late"])                                   # still open, answer due passed
        self.assertTrue(b["overdue"])
        c = self.con.get(f"/api/v1/messages/{self.c}").json
        self.assertIsNone(c["first_responded_at"])
        self.assertEqual(c["first_response_late"], c["first_response_due"] < gmtest.utc_iso())
        d = self.con.get(f"/api/v1/messages/{self.d}").json
        self.assertEqual((d["state"], d["first_response_late"], d["answer_late"]), ("hidden", False, False))
        e = self.con.get(f"/api/v1/messages/{self.e}").json
        self.assertTrue(e["first_response_late"])                           # still owed, due passed
        # the list says the same, judged for a day; late= lists them for the inspector
        self.assertEqual(self.find("late=first_response", self.obs), [self.a, self.e])
        self.assertEqual(self.find("late=answer", self.obs), [self.b, self.e])
        self.assertEqual(self.find("late=any", self.obs), [self.a, self.b, self.e])
        # judged at the start of the Monday, only the answer given late counts yet
        self.assertEqual(self.find(f"late=first_response&as_of={MONDAY}"), [self.a])
        r = self.con.get("/api/v1/messages?as_of=2026-11-03&q=" + urllib.parse.quote("卫生服务站")).json["messages"][0]
        self.assertTrue(r["first_response_late"])
        self.assertFalse(r["answer_late"])
        # an answer dated before the 受理 would make the timeline read backwards
        r = self.con.post(f"/api/v1/messages/{self.b}/answer", {"text": "已修复", "at": f"{MONDAY}T09:30:00+08:00"})
        self.assertEqual((r.status, r.error_field()), (400, "at"), r)
        self.assertIn("不能早于受理时间 2026-11-02 10:00", r.json["error"]["message"])
        self.assertEqual(self.con.get(f"/api/v1/messages/{self.b}").json["state"], "acknowledged")
        # the figures count the same first responses in time
        f = self.obs.get(f"/api/v1/messages/figures?account_id=1&from={MONDAY}&to={MONDAY}").json
        self.assertEqual((f["received"], f["first_response_in_time"]), (4, 1), f)

    def test_rule_4_cli_message_list_searches_marks_late_in_china_time(self):
        r = gmtest.run("message", "list", "--db", self.srv.db, "--q", "校车", "--late", "first_response")
        self.assertEqual(r.returncode, 0, r.stderr)
        line = [x for x in r.stdout.splitlines() if x.startswith(f"{self.a}\t")]
        self.assertTrue(line, r.stdout)
        self.assertIn("首次回应超期", line[0])
        self.assertIn("共 1 条", r.stdout)
        r = gmtest.run("message", "list", "--db", self.srv.db, "--channel", "评论", "--state", "acknowledged")
        line = [x for x in r.stdout.splitlines() if x.startswith(f"{self.b}\t")][0]
        self.assertIn("下次期限 2026-11-09 17:30", line)                    # China time, not UTC
        self.assertIn("答复超期", line)
        self.assertNotIn("Z", line)
        r = gmtest.run("message", "list", "--db", self.srv.db, "--q", "卫生服务站", "--json")
        self.assertEqual([m["id"] for m in json.loads(r.stdout)["messages"]], [self.e])
        for args, word in ((("--late", "soon"), "late"), (("--channel", "传真"), "channel"),
                           (("--kind", "praise"), "kind"), (("--state", "done"), "state")):
            r = gmtest.run("message", "list", "--db", self.srv.db, *args)
            self.assertEqual(r.returncode, 2, (args, r.stdout, r.stderr))
            self.assertTrue(any("\u4e00" <= ch <= "\u9fff" for ch in r.stderr), r.stderr)
        r = gmtest.run("message", "list", "--db", self.srv.db, "--search", "x")
        self.assertEqual(r.returncode, 2, r.stderr)
        r = gmtest.run("message", "--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("--q", r.stdout)
        self.assertIn("首次回应", r.stdout)


class IncidentAuditJourneyTest(ClockServerTest):
    """§4 "public-opinion incidents 较大以上: escalation per a response plan,
    with the chain of people notified and deadlines" and §5 "an append-only,
    tamper-evident audit log of every action": a 较大 incident is opened, the
    leader acknowledges, the head does not; the clock passes the head's 30
    minutes, the 5-minute run escalates by itself; raised to 重大, then
    closed.  Each audit row says what the step changed, before and after."""

    def audit(self, action):
        r = self.srv.client("observer").get(f"/api/v1/audit?action={action}&object_type=incident&page_size=50")
        self.assertEqual(r.status, 200, r)
        rows = [x for x in r.json["rows"] if x["object_id"] == str(self.inc)]
        self.assertTrue(rows, action)
        row = rows[0]
        return (json.loads(row["before"]) if row["before"] else None), json.loads(row["after"])

    def test_rule_4_incident_steps_audited_with_before_and_after_across_the_escalation(self):
        sup, head = self.srv.client("supervisor"), self.srv.client("depthead")
        uid = lambda login: gmtest.sql(self.srv.db, "SELECT id FROM users WHERE login=?", (login,))[0][0]
        steps = [{"name": "办公室主任 张华", "user_id": uid("depthead"), "min_level": "较大", "ack_minutes": 30},
                 {"name": "分管副局长 赵强", "user_id": uid("leader"), "min_level": "较大", "ack_minutes": 60},
                 {"name": "局长 陈刚", "user_id": uid("principal"), "min_level": "重大", "ack_minutes": 30}]
        self.assertEqual(sup.put("/api/v1/incidents/chain", {"unit_id": 4, "steps": steps}).status, 200)
        r = head.post("/api/v1/incidents", {"unit_id": 4, "title": "食堂问题视频被转发", "level": "较大",
                                            "text": "网民发布视频,转发 300 余次"})
        self.assertEqual(r.status, 201, r)
        self.inc = r.json["id"]
        before, after = self.audit("incident.open")
        self.assertIsNone(before)
        self.assertEqual((after["state"], after["level"], after["level_label"]), ("open", 2, "较大"))
        self.assertEqual([s["step"] for s in after["notified"]], [1, 2])
        self.assertEqual(after["text"], "网民发布视频,转发 300 余次")
        r = self.srv.client("leader").post(f"/api/v1/incidents/{self.inc}/ack", {})
        self.assertEqual(r.status, 200, r)
        before, after = self.audit("incident.ack")
        self.assertEqual(before, {"steps": [2], "acked_at": None})
        self.assertEqual((after["steps"], after["acked_by"]), ([2], "leader"))
        # the head's 30 minutes pass; the scheduler's 5-minute run escalates by itself
        self.srv.client("admin").put("/api/v1/system/clock", {"advance_minutes": 36})

        def escalated():
            d = self.srv.client("observer").get(f"/api/v1/incidents/{self.inc}").json
            return d if d["notices"][0]["escalated_at"] else None
        d = self.wait_for(escalated)
        self.assertTrue(d, "the incidents.escalate job did not run")
        before, after = self.audit("incident.escalate")
        self.assertEqual((before["step"], before["escalated_at"]), (1, None))
        self.assertEqual((after["step"], after["escalated_to"]), (1, "分管副局长 赵强"))
        self.assertEqual(after["escalated_at"], d["notices"][0]["escalated_at"])
        self.assertTrue(any(n["title"].startswith("舆情升级") for n in notices(self.srv.client("leader"), "incident.alert")))
        # raised to 重大: the principal is told, the row says from what to what and why
        head = self.srv.client("depthead")
        r = head.post(f"/api/v1/incidents/{self.inc}/level", {"level": "重大", "reason": "已上热搜"})
        self.assertEqual(r.status, 200, r)
        before, after = self.audit("incident.level")
        self.assertEqual(before, {"level": 2, "level_label": "较大"})
        self.assertEqual((after["level"], after["level_label"], after["reason"]), (3, "重大", "已上热搜"))
        self.assertEqual([s["name"] for s in after["notified"]], ["局长 陈刚"])
        r = head.post(f"/api/v1/incidents/{self.inc}/actions", {"kind": "statement", "text": "已发布情况通报"})
        self.assertEqual(r.status, 200, r)
        before, after = self.audit("incident.statement")
        self.assertEqual((before, after), (None, {"text": "已发布情况通报"}))
        r = head.post(f"/api/v1/incidents/{self.inc}/close", {"summary": "原因查明,已整改并回应"})
        self.assertEqual(r.status, 200, r)
        before, after = self.audit("incident.close")
        self.assertEqual(before, {"state": "open"})
        self.assertEqual((after["state"], after["text"]), ("closed", "原因查明,已整改并回应"))
        self.assertEqual(after["closed_at"], r.json["closed_at"])
        self.assertEqual(gmtest.run("audit", "verify", "--db", self.srv.db).returncode, 0)


if __name__ == "__main__":
    unittest.main()
