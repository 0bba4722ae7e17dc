"""Opinion incidents with their escalation chain, the holiday duty roster with
its gaps and xlsx export, and meetings with the missing monthly meeting
(REQUIREMENTS §4, §5; issue 11).  Real server, real SQLite file.

Demo data: unit 4 示范县教育局 holds depthead, leader, principal, contributor;
its parent is unit 3 示范县.
"""
import http.client
import io
import json
import os
import sys
import unittest
import urllib.parse
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402


def user_id(srv, login):
    return gmtest.sql(srv.db, "SELECT id FROM users WHERE login=?", (login,))[0][0]


class IncidentTest(gmtest.ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sup = cls.srv.client("supervisor")
        cls.head = cls.srv.client("depthead")
        cls.leader = cls.srv.client("leader")
        cls.principal = cls.srv.client("principal")
        cls.con = cls.srv.client("contributor")
        steps = [
            {"name": "办公室主任 张华", "user_id": user_id(cls.srv, "depthead"), "min_level": "较大", "ack_minutes": 30},
            {"name": "分管副局长 赵强", "user_id": user_id(cls.srv, "leader"), "min_level": "较大", "ack_minutes": 60},
            {"name": "局长 陈刚", "user_id": user_id(cls.srv, "principal"), "min_level": "重大", "ack_minutes": 30},
        ]
        r = cls.sup.put("/api/v1/incidents/chain", {"unit_id": 4, "steps": steps})
        assert r.status == 200, r

    def notified(self, client, incident_id):
        notes = client.get("/api/v1/notifications?limit=200").json["notifications"]
        return [n for n in notes if n["link"] == f"/incidents/{incident_id}"]

    def test_chain_is_edited_by_supervisor_only_and_validated(self):
        r = self.head.put("/api/v1/incidents/chain", {"unit_id": 4, "steps": []})
        self.assertEqual(r.status, 403, r)
        r = self.sup.put("/api/v1/incidents/chain", {"unit_id": 5, "steps": [{"name": "x", "ack_minutes": 0}]})
        self.assertEqual((r.status, r.error_field()), (400, "steps[0].ack_minutes"), r)
        chain = self.con.get("/api/v1/incidents/chain?unit_id=4").json["steps"]
        self.assertEqual([s["step"] for s in chain], [1, 2, 3])
        self.assertEqual(chain[2]["level_label"], "重大")

    def test_serious_incident_notifies_chain_at_once_and_escalates_unacknowledged_step(self):
        """§4.3 a 较大 incident notifies its chain and escalates an unacknowledged step."""
        msg = self.con.post("/api/v1/messages", {"account_id": 1, "kind": "complaint", "from": "网民",
                                                 "text": "学校食堂食品安全问题,多名学生身体不适",
                                                 "received_at": "2026-11-02T08:30:00+08:00"}).json
        r = self.head.post("/api/v1/incidents", {"message_id": msg["id"], "level": "较大",
                                                 "text": "网民反映食堂问题,已有转发"})
        self.assertEqual(r.status, 201, r)
        inc = r.json
        self.assertEqual((inc["unit_id"], inc["level_label"], inc["message_id"]), (4, "较大", msg["id"]))
        self.assertEqual([n["step"] for n in inc["notices"]], [1, 2])   # step 3 only from 重大
        self.assertTrue(self.notified(self.head, inc["id"]))
        self.assertTrue(self.notified(self.leader, inc["id"]))
        self.assertFalse(self.notified(self.principal, inc["id"]))
        # the leader acknowledges; the head does not
        r = self.leader.post(f"/api/v1/incidents/{inc['id']}/ack", {})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.leader.post(f"/api/v1/incidents/{inc['id']}/ack", {}).status, 409)
        r = self.sup.post("/api/v1/incidents/escalate", {"as_of": gmtest.utc_iso(20 * 60)})
        self.assertNotIn(inc["id"], [e["incident_id"] for e in r.json["escalated"]])
        r = self.sup.post("/api/v1/incidents/escalate", {"as_of": gmtest.utc_iso(31 * 60)})
        mine = [e for e in r.json["escalated"] if e["incident_id"] == inc["id"]]
        self.assertEqual([(e["step"], e["escalated_to"]) for e in mine], [(1, "分管副局长 赵强")])
        again = self.sup.post("/api/v1/incidents/escalate", {"as_of": gmtest.utc_iso(90 * 60)})
        self.assertNotIn(inc["id"], [e["incident_id"] for e in again.json["escalated"]])
        detail = self.con.get(f"/api/v1/incidents/{inc['id']}").json
        step1 = detail["notices"][0]
        self.assertIsNone(step1["acked_at"])
        self.assertIsNotNone(step1["escalated_at"])
        self.assertIn("escalate", [e["event"] for e in detail["timeline"]])
        self.assertTrue(any(n["title"].startswith("舆情升级") for n in self.notified(self.leader, inc["id"])))
        # raising to 重大 tells the principal at once
        r = self.head.post(f"/api/v1/incidents/{inc['id']}/level", {"level": "重大", "reason": "已上热搜"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual([n["step"] for n in r.json["notices"]], [1, 2, 3])
        self.assertTrue(self.notified(self.principal, inc["id"]))
        # statements and actions, then closing with a summary
        r = self.head.post(f"/api/v1/incidents/{inc['id']}/actions", {"kind": "statement", "text": "已发布情况通报"})
        self.assertEqual(r.status, 200, r)
        r = self.head.post(f"/api/v1/incidents/{inc['id']}/close", {})
        self.assertEqual((r.status, r.error_field()), (400, "summary"), r)
        r = self.head.post(f"/api/v1/incidents/{inc['id']}/close", {"summary": "原因查明,已整改并回应"})
        self.assertEqual((r.status, r.json["state"]), (200, "closed"), r)
        r = self.head.post(f"/api/v1/incidents/{inc['id']}/actions", {"kind": "action", "text": "晚到的记录"})
        self.assertEqual(r.status, 409, r)

    def test_general_incident_notifies_nobody_and_bad_input_names_field(self):
        r = self.head.post("/api/v1/incidents", {"unit_id": 4, "title": "一般性负面评论", "level": "一般"})
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["notices"], [])
        r = self.head.post("/api/v1/incidents", {"unit_id": 4, "title": "x", "level": "严重"})
        self.assertEqual((r.status, r.error_field()), (400, "level"), r)
        r = self.con.post("/api/v1/incidents", {"unit_id": 4, "title": "x", "level": "一般"})
        self.assertEqual(r.status, 403, r)
        r = self.head.post("/api/v1/incidents", {"message_id": 999999, "level": "一般"})
        self.assertEqual((r.status, r.error_field()), (400, "message_id"), r)


class DutyTest(gmtest.ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head = cls.srv.client("depthead")
        for day in range(1, 8):
            if day == 5:
                continue   # nobody on 10-05
            d = f"2026-10-{day:02d}"
            r = cls.head.post("/api/v1/duty", {"unit_id": 4, "day": d, "person": "刘洋", "phone": "13900139000"})
            assert r.status == 201, r
            if day != 3:   # no leader on 10-03
                r = cls.head.post("/api/v1/duty", {"unit_id": 4, "day": d, "person": "赵强", "leader": True})
                assert r.status == 201, r

    def test_roster_gap_before_national_day_no_leader_nobody_and_swapped_saturday(self):
        r = self.head.get("/api/v1/duty?unit_id=4&from=2026-09-30&to=2026-10-11")
        self.assertEqual(r.status, 200, r)
        days = [d["date"] for d in r.json["days"]]
        self.assertIn("2026-10-01", days)
        self.assertNotIn("2026-10-10", days)   # Saturday 10-10 is a working day (调休)
        self.assertNotIn("2026-09-30", days)
        gaps = {g["date"]: g["gap"] for g in r.json["gaps"]}
        self.assertEqual(gaps, {"2026-10-03": "no_leader", "2026-10-05": "nobody", "2026-10-11": "nobody"})
        r = self.head.get("/api/v1/duty/gaps?unit_id=4&as_of=2026-09-28&days=10")
        self.assertEqual([g["date"] for g in r.json["gaps"]], ["2026-10-03", "2026-10-05"])

    def test_gap_reminder_job_tells_the_department_before_the_holiday(self):
        p = gmtest.run("jobs", "run", "duty.gaps", "--db", self.srv.db, "--at", "2026-09-25 09:00")
        self.assertEqual(p.returncode, 0, p.stderr)
        notes = self.head.get("/api/v1/notifications?limit=200").json["notifications"]
        gap = [n for n in notes if n["kind"] == "duty.gap"]
        self.assertTrue(gap, notes[:3])
        self.assertIn("2026-10-03", gap[0]["body"])

    def test_roster_exports_to_xlsx(self):
        r = self.head.get("/api/v1/duty.xlsx?unit_id=4&from=2026-10-01&to=2026-10-08")
        self.assertEqual(r.status, 200, r)
        self.assertIn("spreadsheetml", r.headers.get("Content-Type"))
        z = zipfile.ZipFile(io.BytesIO(r.raw))
        text = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
        for want in ("2026-10-05", "无人值班", "无带班领导", "赵强", "13900139000", "值班表"):
            self.assertIn(want, text)

    def test_bad_shifts_refused_and_only_leads_write(self):
        r = self.head.post("/api/v1/duty", {"unit_id": 4, "day": "2026-10-32", "person": "x"})
        self.assertEqual((r.status, r.error_field()), (400, "day"), r)
        r = self.head.post("/api/v1/duty", {"unit_id": 4, "day": "2026-10-01", "person": "刘洋"})
        self.assertEqual(r.status, 409, r)
        c = self.srv.client("contributor")
        self.assertEqual(c.post("/api/v1/duty", {"unit_id": 4, "day": "2026-10-01", "person": "李明"}).status, 403)
        self.assertEqual(c.get("/api/v1/duty?unit_id=4&from=2026-10-01&to=2026-10-02").status, 200)
        r = self.head.post("/api/v1/duty", {"unit_id": 4, "day": "2026-12-05", "person": "临时"})
        self.assertEqual(self.head.delete(f"/api/v1/duty/{r.json['id']}").status, 200)
        self.assertEqual(self.head.delete(f"/api/v1/duty/{r.json['id']}").status, 404)

    def test_rule_duty_shift_on_a_working_day_is_listed_marked_and_removable(self):
        """§4.4 holiday duty roster [002]: a shift put on a working day (a date typed wrong,
        or a day off that became a 调休 working day) was stored but shown nowhere, so
        nobody could see or remove it.  It is kept, the reply warns, and the roster and
        its export list that day marked 工作日, never as a gap."""
        r = self.head.post("/api/v1/duty", {"unit_id": 4, "day": "2026-11-18", "person": "周敏"})
        self.assertEqual(r.status, 201, r)
        self.assertTrue(r.json["working_day"])
        self.assertEqual(r.json["warning"]["field"], "day")
        self.assertIn("工作日", r.json["warning"]["message"])
        sid = r.json["id"]
        r = self.head.post("/api/v1/duty", {"unit_id": 4, "day": "2026-11-21", "person": "周敏"})
        self.assertEqual(r.status, 201, r)
        self.assertFalse(r.json["working_day"])
        self.assertNotIn("warning", r.json)
        self.assertEqual(self.head.delete(f"/api/v1/duty/{r.json['id']}").status, 200)
        r = self.head.get("/api/v1/duty?unit_id=4&from=2026-11-16&to=2026-11-22")
        days = {d["date"]: d for d in r.json["days"]}
        self.assertEqual(sorted(days), ["2026-11-18", "2026-11-21", "2026-11-22"])
        wed = days["2026-11-18"]
        self.assertEqual((wed["working_day"], wed["day_label"], wed["gap"]), (True, "工作日(非节假日)", None))
        self.assertEqual([s["person"] for s in wed["shifts"]], ["周敏"])
        self.assertFalse(days["2026-11-21"]["working_day"])
        self.assertEqual({g["date"] for g in r.json["gaps"]}, {"2026-11-21", "2026-11-22"})
        x = self.head.get("/api/v1/duty.xlsx?unit_id=4&from=2026-11-16&to=2026-11-22")
        z = zipfile.ZipFile(io.BytesIO(x.raw))
        text = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
        self.assertIn("周敏", text)
        self.assertIn("工作日(非节假日)", text)
        self.assertEqual(self.head.delete(f"/api/v1/duty/{sid}").status, 200)
        r = self.head.get("/api/v1/duty?unit_id=4&from=2026-11-16&to=2026-11-22")
        self.assertNotIn("2026-11-18", [d["date"] for d in r.json["days"]])


class MeetingTest(gmtest.ServerTest):
    """Unit 5 (卫健局) has no demo meetings; the supervisor records for it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.con = cls.srv.client("supervisor")

    def add(self, held_on, kind, title="会议"):
        return self.con.post("/api/v1/meetings", {"unit_id": 5, "held_on": held_on, "kind": kind, "title": title,
                                                  "attendees": ["张华", "李明"], "minutes": "传达上级精神\n策划本月选题"})

    def test_monthly_meeting_missing_months_of_seed_002(self):
        """§5.3 monthly meetings recorded; missing months are named."""
        self.assertEqual(self.add("2026-01-05", "monthly", "一月例会").status, 201)
        self.assertEqual(self.add("2026-03-02", "月度例会", "三月例会").status, 201)
        self.assertEqual(self.add("2026-02-10", "training", "新媒体培训").status, 201)   # training is not the meeting
        r = self.con.get("/api/v1/meetings?unit_id=5&from=2026-01&to=2026-04")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["missing_monthly"], ["2026-02", "2026-04"])
        self.assertEqual(len(r.json["meetings"]), 3)
        r = self.con.get("/api/v1/meetings?unit_id=5&from=2026-13")
        self.assertEqual((r.status, r.error_field()), (400, "from"), r)

    def test_meeting_record_attachment_roundtrip_and_bad_input(self):
        m = self.add("2026-11-02", "monthly", "十一月例会").json
        self.assertEqual((m["kind_label"], m["attendees"]), ("月度例会", ["张华", "李明"]))
        data = "会议纪要全文".encode("utf-8") * 100
        r = self.con.post(f"/api/v1/meetings/{m['id']}/attachments?name=" + urllib.parse.quote("纪要.txt"), raw=data,
                          headers={"Content-Type": "application/octet-stream"})
        self.assertEqual(r.status, 201, r)
        att = r.json["attachments"][0]
        self.assertEqual(att["name"], "纪要.txt")
        r = self.con.get(f"/api/v1/meetings/{m['id']}/attachments/{att['id']}")
        self.assertEqual((r.status, r.raw), (200, data))
        self.assertEqual(self.add("2026-11-03", "party", "x").error_field(), "kind")
        self.assertEqual(self.add("2026-11-31", "monthly", "x").error_field(), "held_on")
        # the demo unit 4 misses March (seed data of `govmedia init --demo`)
        demo = self.srv.client("contributor").get("/api/v1/meetings?unit_id=4&from=2026-01&to=2026-10").json
        self.assertEqual(demo["missing_monthly"], ["2026-03"])
        obs = self.srv.client("observer")
        self.assertEqual(obs.post("/api/v1/meetings", {"unit_id": 4, "held_on": "2026-11-02", "kind": "monthly",
                                                       "title": "x"}).status, 403)

    def raw_upload(self, meeting_id, quoted_name, length):
        """A POST of an attachment declaring `length` bytes; the caller sends them."""
        conn = http.client.HTTPConnection("127.0.0.1", self.srv.port, timeout=60)
        conn.putrequest("POST", f"/api/v1/meetings/{meeting_id}/attachments?name={quoted_name}")
        for k, v in (("Content-Type", "application/octet-stream"), ("Content-Length", str(length)),
                     ("X-CSRF-Token", self.con.csrf),
                     ("Cookie", "; ".join(f"{c.name}={c.value}" for c in self.con.jar))):
            conn.putheader(k, v)
        conn.endheaders()
        return conn

    def test_meeting_attachment_of_10_mb_is_spooled_and_round_trips_byte_exact(self):
        """§5.3 the meeting record's attachments (≤ 10 MB) go to a temporary file as they
        arrive and into the database in pieces, come back byte for byte from one, and one
        byte over the limit is refused naming it, nothing kept."""
        m = self.add("2026-11-04", "training", "新媒体培训").json
        limit = 10 * 1024 * 1024
        data = bytes((i * 7 + i // 4093) & 0xFF for i in range(limit))
        conn = self.raw_upload(m["id"], urllib.parse.quote("培训课件.pdf"), limit)
        conn.send(data[:4 * 1024 * 1024])
        # the first 4 MiB wait on disk (an unlinked spool), not in memory
        self.assertTrue(gmtest.wait_until(lambda: gmtest.spool_sizes(self.srv.proc.pid) == [4 * 1024 * 1024]),
                        gmtest.spool_sizes(self.srv.proc.pid))
        conn.send(data[4 * 1024 * 1024:])
        r = conn.getresponse()
        body = json.loads(r.read())
        conn.close()
        self.assertEqual(r.status, 201, body)
        self.assertEqual([(a["name"], a["mime"], a["size"]) for a in body["attachments"]],
                         [("培训课件.pdf", "application/pdf", limit)])
        # the spool goes once the request is over
        self.assertTrue(gmtest.wait_until(lambda: gmtest.spool_sizes(self.srv.proc.pid) == []),
                        gmtest.spool_sizes(self.srv.proc.pid))
        r = self.con.get(f"/api/v1/meetings/{m['id']}/attachments/{body['attachments'][0]['id']}")
        self.assertEqual((r.status, r.headers.get("Content-Type"), len(r.raw)), (200, "application/pdf", limit))
        self.assertTrue(r.raw == data, "downloaded byte for byte")
        self.assertEqual(self.con.get(f"/api/v1/meetings/{m['id']}/attachments/999999").status, 404)
        # one byte over: 413 naming the limit before a byte is read, nothing kept, nothing audited
        before = (gmtest.count(self.srv.db, "meeting_attachments"), gmtest.count(self.srv.db, "audit"))
        conn = self.raw_upload(m["id"], "x.pdf", limit + 1)
        r = conn.getresponse()
        over = json.loads(r.read())
        conn.close()
        self.assertEqual((r.status, over["error"]["code"]), (413, "too_large"), over)
        self.assertIn("10 MB", over["error"]["message"])
        r = self.con.post(f"/api/v1/meetings/{m['id']}/attachments?name=x.pdf", raw=b"",
                          headers={"Content-Type": "application/octet-stream"})
        self.assertEqual((r.status, r.error_field()), (400, "file"), r)
        self.assertEqual((gmtest.count(self.srv.db, "meeting_attachments"), gmtest.count(self.srv.db, "audit")),
                         before)


if __name__ == "__main__":
    unittest.main(verbosity=2)
