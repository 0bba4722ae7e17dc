"""§5 accountability, read by people: every history names who acted by
their display name (`actor_name`, next to the login the rows keep): a
post's review steps, an account's timeline and versions, a message's and an
incident's events, a list's versions, and each audit row, which also says
what its object is (`object_name`) and its unit (`object_unit_id`).  The
command line and the scheduler are no users: their `actor_name` is null."""
import unittest

import gmtest


class ActorNamesTest(gmtest.ServerTest):
    def name_of(self, login):
        return self.srv.client(login).get("/api/v1/session").json["user"]["display_name"]

    def test_review_steps_and_returned_post_name_the_reviewer(self):
        con, head = self.srv.client("contributor"), self.srv.client("depthead")
        pid = con.post("/api/v1/posts", {"title": "关于寒假安全的提醒", "body": "各位家长:寒假将至。",
                                         "account_ids": [1]}).json["id"]
        self.assertEqual(con.post(f"/api/v1/posts/{pid}/submit").status, 200)
        self.assertEqual(head.post(f"/api/v1/posts/{pid}/reject", {"reason": "数据需核实"}).status, 200)
        steps = con.get(f"/api/v1/posts/{pid}/history").json["steps"]
        by = {s["action"]: (s["login"], s["actor_name"]) for s in steps}
        self.assertEqual(by["submit"], ("contributor", self.name_of("contributor")))
        self.assertEqual(by["reject"], ("depthead", self.name_of("depthead")))
        self.assertNotEqual(self.name_of("depthead"), "depthead")

    def test_account_timeline_and_versions_name_people_not_the_cli(self):
        sup = self.srv.client("supervisor")
        t = sup.get("/api/v1/accounts/1/timeline").json
        cli = [e for e in t["events"] if e["by"].startswith("cli:")]
        self.assertTrue(cli and all(e["actor_name"] is None for e in cli), t["events"])
        self.assertTrue(all("actor_name" in v for v in t["versions"]))
        r = sup.post("/api/v1/accounts/3/reject", {"reason": "与已有账号重复"})
        self.assertEqual(r.status, 200, r)
        t = sup.get("/api/v1/accounts/3/timeline").json
        self.assertEqual([(e["by"], e["actor_name"]) for e in t["events"] if e["action"] == "account.reject"],
                         [("supervisor", self.name_of("supervisor"))])
        self.assertEqual(t["versions"][-1]["actor_name"], self.name_of("supervisor"))

    def test_message_and_incident_events_name_the_handler(self):
        con, head = self.srv.client("contributor"), self.srv.client("depthead")
        mid = con.post("/api/v1/messages", {"account_id": 1, "text": "请问何时放寒假?",
                                            "received_at": "2026-11-02T09:00:00+08:00"}).json["id"]
        self.assertEqual(head.post(f"/api/v1/messages/{mid}/ack", {"text": "已收到,正在核实"}).status, 200)
        ev = con.get(f"/api/v1/messages/{mid}").json["events"]
        self.assertIn(("depthead", self.name_of("depthead")), [(e["login"], e["actor_name"]) for e in ev])
        sup = self.srv.client("supervisor")
        r = sup.post("/api/v1/incidents", {"unit_id": 4, "title": "网传学校食堂问题", "level": "较大",
                                           "text": "网民转发较多"})
        self.assertEqual(r.status, 201, r)
        inc = sup.get(f"/api/v1/incidents/{r.json['id']}").json
        self.assertEqual(inc["opened_by_name"], self.name_of("supervisor"))
        self.assertTrue(all(e["actor_name"] == self.name_of("supervisor")
                            for e in inc["timeline"] if e["login"] == "supervisor"))

    def test_audit_rows_say_who_what_and_which_unit(self):
        sup, con = self.srv.client("supervisor"), self.srv.client("contributor")
        pid = con.post("/api/v1/posts", {"title": "关于期末考试安排的通知", "body": "各学校:期末考试安排如下。",
                                         "account_ids": [1]}).json["id"]
        rows = sup.get(f"/api/v1/audit?object_type=post&object_id={pid}&page=1").json["rows"]
        self.assertEqual([(r["action"], r["login"], r["actor_name"], r["object_name"], r["object_unit_id"])
                          for r in rows],
                         [("post.create", "contributor", self.name_of("contributor"), "关于期末考试安排的通知", 4)])
        cli = self.srv.client("admin").get("/api/v1/audit?login=cli:local&page=1").json["rows"]
        self.assertTrue(cli)
        self.assertTrue(all(r["actor_name"] is None for r in cli))
        accounts = [r for r in cli if r["object_type"] == "account"]
        self.assertTrue(accounts and all(r["object_name"] and r["object_unit_id"] for r in accounts), accounts)


if __name__ == "__main__":
    unittest.main()
