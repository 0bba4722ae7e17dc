"""Public messages (REQUIREMENTS §4 interaction): import, deadlines in working
hours across National Day, handling steps, routing, overdue lists and
escalation, and the bad input of issue 11.  Real server, real SQLite file.

Demo data: account 1 (示范县教育发布, WeChat, filed) and account 2 (Douyin,
opened) belong to unit 4 示范县教育局; unit 5 is 示范县卫生健康局.
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402
import msg_helpers as mh  # noqa: E402

WECHAT = 1


class MessagesTest(gmtest.ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sup = cls.srv.client("supervisor")
        cls.con = cls.srv.client("contributor")
        cls.head = cls.srv.client("depthead")
        cls.obs = cls.srv.client("observer")

    def count(self):
        return gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM messages")[0][0]

    def audit_count(self):
        return gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM audit")[0][0]

    def import_(self, data, client=None, account=WECHAT):
        return (client or self.con).post(f"/api/v1/accounts/{account}/messages/import", raw=data,
                                         headers={"Content-Type": "text/csv"})

    def log(self, text, received_at, **extra):
        body = {"account_id": WECHAT, "kind": "consult", "text": text, "from": "网民",
                "received_at": received_at}
        body.update(extra)
        return self.con.post("/api/v1/messages", body)

    # ---- the walk across National Day ----

    def test_message_from_import_to_answer_across_national_day_2026(self):
        """§4.2 §6.1 a message from import to answer, deadlines in working days across National Day."""
        data = mh.csv_bytes([["2026-09-30 16:00", "家长王女士", "国庆后开学时间是哪天?", "NAT-1"]])
        r = self.import_(data)
        self.assertEqual(r.status, 201, r)
        self.assertEqual((r.json["imported"], r.json["duplicates"]), (1, 0))
        mid = r.json["ids"][0]
        m = self.con.get(f"/api/v1/messages/{mid}").json
        # 1.5 working hours on 09-30, the holiday week skipped, 2.5 hours on 10-08
        self.assertEqual(m["first_response_due"], "2026-10-08T03:30:00Z")
        # 10-08, 10-09, Saturday 10-10 (swapped working day), 10-12, 10-13
        self.assertEqual(m["answer_due"], "2026-10-13T09:30:00Z")
        self.assertEqual(m["state"], "received")
        # judged for 10-08: due today, not yet overdue; for 10-09: overdue
        ids = lambda q: [x["id"] for x in self.con.get("/api/v1/messages?" + q).json["messages"]]
        self.assertIn(mid, ids("due=today&as_of=2026-10-08"))
        self.assertNotIn(mid, ids("overdue=1&as_of=2026-10-08"))
        self.assertIn(mid, ids("overdue=1&as_of=2026-10-09"))
        r = self.con.post(f"/api/v1/messages/{mid}/ack",
                          {"text": "您好,已收到,正在核实。", "at": "2026-10-08T10:00:00+08:00",
                           "promised_at": "2026-10-12T17:00:00+08:00"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["state"], "acknowledged")
        self.assertEqual(r.json["first_response_hours"], 2.5)
        self.assertEqual(r.json["next_due"], "2026-10-13T09:30:00Z")
        self.assertNotIn(mid, ids("overdue=1&as_of=2026-10-09"))
        r = self.con.post(f"/api/v1/messages/{mid}/answer",
                          {"text": "10月8日正常开学。", "result": "resolved", "at": "2026-10-12T15:00:00+08:00"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["state"], "answered")
        self.assertEqual(r.json["result_label"], "已解决")
        self.assertEqual(r.json["answer_hours"], 27.0)  # 1.5 + 7 + 7 + 7 (Sat) + 4.5
        self.assertEqual([e["event"] for e in r.json["events"]], ["import", "ack", "answer"])
        f = self.con.get(f"/api/v1/messages/figures?account_id={WECHAT}&from=2026-09-30&to=2026-09-30").json
        self.assertEqual((f["received"], f["answered"], f["answered_in_time"]), (1, 1, 1))
        self.assertEqual((f["first_response_median_hours"], f["answer_worst_hours"]), (2.5, 27.0))
        # answered is final: a second answer is refused
        r = self.con.post(f"/api/v1/messages/{mid}/answer", {"text": "再答复"})
        self.assertEqual(r.status, 409, r)

    def test_friday_before_national_day_2025_due_on_swapped_sunday(self):
        r = self.log("国庆假期图书馆开放吗?", "2025-09-26T16:00:00")
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["first_response_due"], "2025-09-28T03:30:00Z")
        self.assertEqual(r.json["answer_due"], "2025-10-10T09:30:00Z")

    # ---- import: idempotent, encodings, xlsx, bad files ----

    def test_reimport_of_the_same_file_adds_nothing_twice(self):
        data = mh.csv_bytes([["2026-11-02 09:10", "甲", "校车路线调整了吗", "RE-1"],
                             ["2026-11-02 09:20", "乙", "食堂价格,涨了吗", "RE-2"]])
        first = self.import_(data)
        self.assertEqual(first.status, 201, first)
        self.assertEqual(first.json["imported"], 2)
        before = self.count()
        again = self.import_(data)
        self.assertEqual(again.status, 201, again)
        self.assertEqual((again.json["imported"], again.json["duplicates"]), (0, 2))
        self.assertEqual(self.count(), before)

    def test_gbk_export_is_detected_and_converted(self):
        data = mh.csv_bytes([["2026-11-03 10:00", "丙", "请问学区划分在哪里查询", "GBK-1"]], encoding="gbk")
        r = self.import_(data)
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["encoding"], "gb18030")
        m = self.con.get(f"/api/v1/messages/{r.json['ids'][0]}").json
        self.assertEqual(m["text"], "请问学区划分在哪里查询")
        self.assertEqual(m["from"], "丙")

    def test_bytes_neither_utf8_nor_gbk_are_refused_naming_the_line(self):
        data = mh.csv_bytes([["2026-11-03 10:00", "丁", "正常一行", "ENC-1"]]) + b"2026-11-03 11:00,\xff\xff,x,ENC-2\r\n"
        before = self.count()
        r = self.import_(data)
        self.assertEqual(r.status, 400, r)
        self.assertEqual(r.error_field(), "file")
        self.assertIn("第 3 行", r.json["error"]["message"])
        self.assertEqual(self.count(), before)

    def test_wrong_column_is_refused_and_nothing_imported(self):
        data = mh.csv_bytes([["2026-11-03 10:00", "戊", "内容", "COL-1"]],
                            header=["时间", "用户昵称", "留言内容", "留言ID"])
        before, audits = self.count(), self.audit_count()
        r = self.import_(data)
        self.assertEqual(r.status, 400, r)
        self.assertIn("留言时间", r.json["error"]["message"])
        self.assertEqual((self.count(), self.audit_count()), (before, audits))

    def test_one_bad_row_refuses_the_whole_file(self):
        data = mh.csv_bytes([["2026-11-04 10:00", "己", "第一条是好的", "HALF-1"],
                             ["昨天下午", "庚", "第二条时间错", "HALF-2"]])
        before = self.count()
        r = self.import_(data)
        self.assertEqual(r.status, 400, r)
        self.assertIn("第 3 行", r.json["error"]["message"])
        self.assertIn("留言时间", r.json["error"]["message"])
        self.assertEqual(self.count(), before)
        self.assertEqual(gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM messages WHERE external_id='HALF-1'")[0][0], 0)

    def test_xlsx_export_with_date_cells_is_imported(self):
        data = mh.xlsx_bytes([[mh.excel_serial(2026, 9, 30, 16, 0), "辛", "表格导入的留言", "XL-1"],
                              ["2026-10-09 09:05", "壬", "第二条&<特殊>字符", "XL-2"]])
        r = self.import_(data)
        self.assertEqual(r.status, 201, r)
        self.assertEqual((r.json["imported"], r.json["encoding"]), (2, "xlsx"))
        m = self.con.get(f"/api/v1/messages/{r.json['ids'][0]}").json
        self.assertEqual(m["received_at"], "2026-09-30T08:00:00Z")
        self.assertEqual(m["first_response_due"], "2026-10-08T03:30:00Z")
        m2 = self.con.get(f"/api/v1/messages/{r.json['ids'][1]}").json
        self.assertEqual(m2["text"], "第二条&<特殊>字符")

    def test_cli_import_and_bad_file_exit_code(self):
        import tempfile
        with tempfile.NamedTemporaryFile(suffix=".csv", delete=False) as f:
            f.write(mh.csv_bytes([["2026-11-05 09:00", "癸", "命令行导入", "CLI-1"]]))
        p = gmtest.run("message", "import", "--db", self.srv.db, "--account", "1", f.name)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("已导入 1 条", p.stdout)
        p = gmtest.run("message", "import", "--db", self.srv.db, "--account", "1", f.name)
        self.assertIn("重复跳过 1 条", p.stdout)
        with open(f.name, "wb") as g:
            g.write(mh.csv_bytes([["x", "y", "z"]], header=["a", "b", "c"]))
        p = gmtest.run("message", "import", "--db", self.srv.db, "--account", "1", f.name)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("留言时间", p.stderr)
        os.unlink(f.name)

    # ---- the contract of POST /messages and the steps ----

    def test_log_by_hand_returns_deadlines_with_offset(self):
        r = self.log("周六的留言", "2026-11-21T10:00:00")
        self.assertEqual(r.status, 201, r)
        for key in ("id", "state", "first_response_due", "answer_due"):
            self.assertIn(key, r.json)
        self.assertEqual(r.json["received_at"], "2026-11-21T02:00:00Z")
        self.assertEqual(r.json["first_response_due"], "2026-11-23T06:30:00Z")
        dup = self.log("周六的留言", "2026-11-21T10:00:00")
        self.assertEqual(dup.status, 409, dup)

    def test_log_bad_input_names_the_field(self):
        for body, field in [({"kind": "spam"}, "kind"), ({"received_at": "昨天"}, "received_at"),
                            ({"received_at": "2099-01-01T00:00:00Z"}, "received_at"),
                            ({"text": ""}, "text"), ({"account_id": 99999}, "account_id")]:
            b = {"account_id": WECHAT, "text": "x", "received_at": "2026-11-02T09:00:00+08:00"}
            b.update(body)
            r = self.con.post("/api/v1/messages", b)
            self.assertEqual(r.status, 400, (body, r))
            self.assertEqual(r.error_field(), field, r)

    def test_hidden_message_needs_reason_and_refuses_replies(self):
        """§4.2 a malicious comment is hidden with a reason."""
        mid = self.log("恶意辱骂内容", "2026-11-02T09:30:00+08:00").json["id"]
        r = self.head.post(f"/api/v1/messages/{mid}/hide", {})
        self.assertEqual(r.status, 400, r)
        self.assertEqual(r.error_field(), "reason")
        r = self.con.post(f"/api/v1/messages/{mid}/hide", {"reason": "辱骂"})
        self.assertEqual(r.status, 403, r)  # a contributor may not hide
        r = self.head.post(f"/api/v1/messages/{mid}/hide", {"reason": "含辱骂、人身攻击"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["state"], r.json["hidden_reason"]), ("hidden", "含辱骂、人身攻击"))
        for step, body in [("ack", {"text": "收到"}), ("answer", {"text": "答复"}),
                           ("extend", {"until": "2026-11-10", "reason": "x"})]:
            r = (self.head if step == "extend" else self.con).post(f"/api/v1/messages/{mid}/{step}", body)
            self.assertEqual(r.status, 409, (step, r))
        # never deleted: still listed and readable, the text kept
        self.assertEqual(self.con.get(f"/api/v1/messages/{mid}").json["text"], "恶意辱骂内容")
        with self.assertRaises(Exception):
            gmtest.sql(self.srv.db, "DELETE FROM messages WHERE id=?", (mid,))

    def test_extension_beyond_policy_maximum_is_refused(self):
        r = self.log("需要协调多个部门的问题", "2026-11-02T09:00:00+08:00")
        mid = r.json["id"]
        self.assertEqual(r.json["answer_due"], "2026-11-09T09:30:00Z")
        self.assertEqual(r.json["answer_max"], "2026-11-16T09:30:00Z")
        r = self.head.post(f"/api/v1/messages/{mid}/extend", {"until": "2026-11-17"})
        self.assertEqual((r.status, r.error_field()), (400, "reason"), r)
        granted = "2026-11-05T10:00:00+08:00"   # before the answer due (recorded later)
        r = self.head.post(f"/api/v1/messages/{mid}/extend",
                           {"until": "2026-11-17", "reason": "需多部门会商", "at": granted})
        self.assertEqual((r.status, r.error_field()), (400, "until"), r)
        r = self.head.post(f"/api/v1/messages/{mid}/extend",
                           {"until": "2026-11-16", "reason": "需多部门会商", "at": granted})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["extended_until"], "2026-11-16T09:30:00Z")
        self.assertEqual(r.json["extension_reason"], "需多部门会商")

    def test_rule_4_extension_after_the_deadline_is_refused_and_the_late_answer_stays_late(self):
        """§4.2 seed 002 (如不能即时回复,应承诺答复期限): a time limit is promised while it
        can still be kept.  An extension granted after the answer due would turn a late
        answer into one in time, so it is refused (409 `at`) and nothing changes; one
        granted before the due counts, even when recorded later."""
        late = self.log("退休人员社保待遇调整何时发放?", "2026-11-02T09:00:00+08:00").json
        self.assertEqual(late["answer_due"], "2026-11-09T09:30:00Z")
        audit = self.audit_count()
        for body in ({"until": "2026-11-16", "reason": "补办延期"},                      # now
                     {"until": "2026-11-16", "reason": "补办延期", "at": "2026-11-10T09:00:00+08:00"}):
            r = self.head.post(f"/api/v1/messages/{late['id']}/extend", body)
            self.assertEqual((r.status, r.error_field()), (409, "at"), r)
            self.assertIn("已过", r.json["error"]["message"])
            self.assertIn("北京时间", r.json["error"]["message"])
        # bad `at`: not a time, before receipt, in the future: 400 naming it
        for at in ("昨天", "2026-11-01T09:00:00+08:00", "2099-01-01T09:00:00+08:00"):
            r = self.head.post(f"/api/v1/messages/{late['id']}/extend",
                               {"until": "2026-11-16", "reason": "补办延期", "at": at})
            self.assertEqual((r.status, r.error_field()), (400, "at"), (at, r))
        self.assertEqual(self.audit_count(), audit)
        m = self.con.get(f"/api/v1/messages/{late['id']}").json
        self.assertIsNone(m["extended_until"])
        r = self.con.post(f"/api/v1/messages/{late['id']}/answer",
                          {"text": "已于11月13日发放。", "result": "resolved", "at": "2026-11-12T10:00:00+08:00"})
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.json["answer_late"], r.json)
        ids = [x["id"] for x in self.con.get("/api/v1/messages?late=answer&limit=500").json["messages"]]
        self.assertIn(late["id"], ids)
        # granted in time (recorded afterwards): the same answer day is in time
        kept = self.log("社保卡补办需要哪些材料?", "2026-11-02T09:05:00+08:00").json
        r = self.head.post(f"/api/v1/messages/{kept['id']}/extend",
                           {"until": "2026-11-16", "reason": "需社保中心核实",
                            "at": "2026-11-09T16:00:00+08:00"})
        self.assertEqual(r.status, 200, r)
        ev = [e for e in self.con.get(f"/api/v1/messages/{kept['id']}").json["events"] if e["event"] == "extend"]
        self.assertEqual(ev[0]["detail"]["granted_at"], "2026-11-09T08:00:00Z")
        r = self.con.post(f"/api/v1/messages/{kept['id']}/answer",
                          {"text": "携带身份证到社保中心办理。", "result": "resolved",
                           "at": "2026-11-12T10:00:00+08:00"})
        self.assertEqual(r.status, 200, r)
        self.assertFalse(r.json["answer_late"], r.json)

    def test_routing_rule_by_keyword_sends_to_department_and_only_supervisor_edits(self):
        """§4.2 complaints are routed to the responsible department."""
        r = self.con.post("/api/v1/messages/rules", {"keyword": "疫苗", "target_unit_id": 5})
        self.assertEqual(r.status, 403, r)
        r = self.sup.post("/api/v1/messages/rules", {"keyword": "疫苗", "target_unit_id": 5, "priority": 10})
        self.assertEqual(r.status, 201, r)
        rule = r.json["id"]
        m = self.log("学生接种疫苗的安排?", "2026-11-02T10:00:00+08:00").json
        self.assertEqual((m["unit_id"], m["state"], m["routed_by_rule"]), (5, "assigned", rule))
        other = self.log("放学时间?", "2026-11-02T10:01:00+08:00").json
        self.assertEqual((other["unit_id"], other["state"]), (4, "received"))
        ids = [x["id"] for x in self.sup.get("/api/v1/messages?unit_id=5").json["messages"]]
        self.assertIn(m["id"], ids)
        r = self.sup.put(f"/api/v1/messages/rules/{rule}", {"keyword": "疫苗", "kind": "投诉", "target_unit_id": 5})
        self.assertEqual((r.status, r.json["kind"]), (200, "complaint"), r)
        self.assertEqual(self.sup.delete(f"/api/v1/messages/rules/{rule}").status, 200)

    def test_supervisor_assigns_contributor_cannot(self):
        mid = self.log("分派测试", "2026-11-02T11:00:00+08:00").json["id"]
        self.assertEqual(self.con.post(f"/api/v1/messages/{mid}/assign", {"unit_id": 5}).status, 403)
        r = self.sup.post(f"/api/v1/messages/{mid}/assign", {"unit_id": 5})
        self.assertEqual((r.status, r.json["unit_id"], r.json["unit_name"]), (200, 5, "示范县卫生健康局"), r)
        r = self.sup.post(f"/api/v1/messages/{mid}/assign", {"unit_id": 999})
        self.assertEqual((r.status, r.error_field()), (400, "unit_id"), r)

    def test_overdue_escalation_marks_once_and_records_event(self):
        m = self.log("超期督办测试", "2026-11-16T09:00:00+08:00").json   # Monday
        mid = m["id"]
        self.assertEqual(m["first_response_due"], "2026-11-16T06:30:00Z")  # lunch not counted
        r = self.sup.post("/api/v1/messages/escalate", {"as_of": "2026-11-16T14:00:00+08:00"})
        self.assertNotIn(mid, [e["id"] for e in r.json["escalated"]])
        r = self.sup.post("/api/v1/messages/escalate", {"as_of": "2026-11-16T15:00:00+08:00"})
        self.assertEqual(r.status, 200, r)
        esc = [e for e in r.json["escalated"] if e["id"] == mid]
        self.assertEqual(len(esc), 1)
        self.assertEqual((esc[0]["due_kind"], esc[0]["unit_id"]), ("first_response", 4))
        again = self.sup.post("/api/v1/messages/escalate", {"as_of": "2026-11-16T16:00:00+08:00"})
        self.assertNotIn(mid, [e["id"] for e in again.json["escalated"]])
        m = self.con.get(f"/api/v1/messages/{mid}").json
        self.assertIn("escalate", [e["event"] for e in m["events"]])
        self.assertTrue(m["escalated"])
        self.assertEqual(self.con.post("/api/v1/messages/escalate", {}).status, 403)
        # the department head and the leader of the department are told
        for who in (self.head, self.srv.client("leader")):
            notes = who.get("/api/v1/notifications?limit=200").json["notifications"]
            self.assertTrue(any(n["kind"] == "message.overdue" and n["link"] == f"/messages/{mid}"
                                for n in notes), notes[:3])

    def test_overdue_escalation_runs_as_a_scheduled_job(self):
        mid = self.log("定时督办测试", "2026-11-17T09:00:00+08:00").json["id"]
        p = gmtest.run("jobs", "run", "messages.escalate", "--db", self.srv.db, "--at", "2026-11-17 16:00")
        self.assertEqual(p.returncode, 0, p.stderr)
        m = self.con.get(f"/api/v1/messages/{mid}").json
        esc = [e for e in m["events"] if e["event"] == "escalate"]
        self.assertEqual(len(esc), 1)
        self.assertEqual(esc[0]["login"], "scheduler")

    def test_new_message_notifies_the_department_head(self):
        mid = self.log("通知测试留言", "2026-11-18T09:00:00+08:00").json["id"]
        notes = self.head.get("/api/v1/notifications?limit=200").json["notifications"]
        self.assertTrue(any(n["kind"] == "message.new" and n["link"] == f"/messages/{mid}" for n in notes))

    def test_same_day_policy_preset_of_seed_003(self):
        r = self.con.put("/api/v1/messages/policy", {"unit_id": 4, "preset": "same_day"})
        self.assertEqual(r.status, 403, r)
        r = self.sup.put("/api/v1/messages/policy", {"unit_id": 4, "preset": "same_day"})
        self.assertEqual((r.status, r.json["preset"]), (200, "same_day"), r)
        try:
            m = self.log("当日答复测试", "2026-09-30T10:00:00+08:00").json
            self.assertEqual(m["first_response_due"], "2026-09-30T09:30:00Z")
            r = self.sup.put("/api/v1/messages/policy", {"unit_id": 4, "answer_max_working_days": 3})
            self.assertEqual((r.status, r.error_field()), (400, "answer_max_working_days"), r)
            r = self.sup.put("/api/v1/messages/policy", {"unit_id": 4, "work_hours": "8-12"})
            self.assertEqual((r.status, r.error_field()), (400, "work_hours"), r)
        finally:
            r = self.sup.put("/api/v1/messages/policy", {"unit_id": 4, "preset": "standard"})
            self.assertEqual(r.status, 200, r)
        self.assertEqual(self.obs.get("/api/v1/messages/policy?unit_id=4").json["preset"], "standard")

    def test_mapping_per_platform_is_editable_by_supervisor(self):
        r = self.sup.put("/api/v1/messages/mappings", {"platform": "douyin", "columns": {"text": "评论"}})
        self.assertEqual((r.status, r.error_field()), (400, "columns"), r)
        cols = {"received_at": "时间", "text": "评论", "from": "昵称", "default_channel": "comment"}
        r = self.sup.put("/api/v1/messages/mappings", {"platform": "douyin", "columns": cols})
        self.assertEqual((r.status, r.json["source"]), (200, "store"), r)
        data = mh.csv_bytes([["2026-11-06 09:00", "抖音用户", "视频里说的政策在哪看"]], header=["时间", "昵称", "评论"])
        r = self.import_(data, account=2)
        self.assertEqual((r.status, r.json["imported"]), (201, 1), r)
        m = self.con.get(f"/api/v1/messages/{r.json['ids'][0]}").json
        self.assertEqual(m["channel"], "comment")

    def test_observer_reads_but_cannot_log(self):
        self.assertEqual(self.obs.get("/api/v1/messages").status, 200)
        r = self.obs.post("/api/v1/messages", {"account_id": WECHAT, "text": "x", "received_at": "2026-11-02"})
        self.assertEqual(r.status, 403, r)

    def test_list_is_paginated_and_bad_query_names_parameter(self):
        r = self.con.get("/api/v1/messages?limit=1")
        self.assertEqual(r.status, 200, r)
        self.assertLessEqual(len(r.json["messages"]), 1)
        self.assertIn("total", r.json)
        for q, field in [("overdue=yes", "overdue"), ("due=tomorrow", "due"), ("as_of=2026-13-01", "as_of"),
                         ("limit=0", "limit"), ("state=closed", "state")]:
            r = self.con.get("/api/v1/messages?" + q)
            self.assertEqual((r.status, r.error_field()), (400, field), (q, r))


if __name__ == "__main__":
    unittest.main(verbosity=2)
