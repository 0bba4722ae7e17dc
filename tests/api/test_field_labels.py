"""Error messages name the field in Chinese (the console shows them as they
come): a message logged without its time of receipt, a post or meeting with
no title (标题, not 职务), a duty shift with a bad day.  The API still
returns the field's code in error.field for programs."""
import unittest

import gmtest


class FieldLabelTest(gmtest.ServerTest):
    def setUp(self):
        self.c = self.srv.client("depthead")

    def assert_names(self, r, field, label):
        self.assertEqual((r.status, r.error_field()), (400, field), r)
        msg = r.json["error"]["message"]
        self.assertIn(label, msg)
        self.assertNotRegex(msg.split("(")[0], r"[a-z_]{3,}", msg)

    def test_message_without_received_at_names_it_in_chinese(self):
        r = self.c.post("/api/v1/messages", {"account_id": 1, "text": "请问寒假从哪天开始?"})
        self.assert_names(r, "received_at", "收到时间")

    def test_meeting_and_post_title_is_called_title_not_office(self):
        r = self.c.post("/api/v1/meetings", {"unit_id": 4, "held_on": "2026-11-02", "kind": "monthly"})
        self.assert_names(r, "title", "标题")
        self.assertNotIn("职务", r.json["error"]["message"])
        r = self.c.post("/api/v1/posts", {"account_ids": [1], "body": "正文"})
        self.assert_names(r, "title", "标题")

    def test_duty_shift_without_person_names_it(self):
        r = self.c.post("/api/v1/duty", {"unit_id": 4, "day": "2026-12-01"})
        self.assert_names(r, "person", "值班人员")

    def assert_chinese_only(self, r, status, field):
        """A refusal people read: the field's code stays in error.field, the
        message carries no API name (no a-z word of 3 or more letters)."""
        self.assertEqual((r.status, r.error_field()), (status, field), r)
        self.assertNotRegex(r.json["error"]["message"], r"[A-Za-z_]{3,}", r)

    def test_store_refusals_are_chinese_without_field_codes(self):
        con, op = self.srv.client("contributor"), self.srv.client("operator")
        sup = self.srv.client("supervisor")
        r = con.post("/api/v1/posts", {"title": "关于寒假安全的提醒", "body": "各位家长:寒假将至。",
                                       "account_ids": [1]})
        self.assertEqual(r.status, 201, r)
        pid = r.json["id"]
        self.assertEqual(con.post(f"/api/v1/posts/{pid}/submit").status, 200)
        self.assert_chinese_only(self.c.post(f"/api/v1/posts/{pid}/reject", {}), 400, "reason")
        self.assert_chinese_only(con.post("/api/v1/posts", {"title": "无账号", "body": "正文"}),
                                 400, "account_ids")
        r = con.post("/api/v1/messages", {"account_id": 1, "text": "请问何时放假?",
                                          "received_at": "2026-11-02T09:00:00+08:00"})
        self.assertEqual(r.status, 201, r)
        mid = r.json["id"]
        self.assert_chinese_only(self.c.post(f"/api/v1/messages/{mid}/hide", {}), 400, "reason")
        self.assert_chinese_only(self.c.post(f"/api/v1/messages/{mid}/extend", {"reason": "需会商"}),
                                 400, "until")
        self.assert_chinese_only(op.post("/api/v1/accounts/1/certify",
                                         {"status": "done", "date": "2026-10-01"}), 400, "status")
        r = self.srv.client("admin").post("/api/v1/units/4/webhooks",
                                          {"kind": "slack", "name": "群", "url": "https://x.cn/h"})
        self.assert_chinese_only(r, 400, "kind")
        r = sup.post("/api/v1/accounts/2/merge", {"into": "x", "date": "2026-11-20"})
        self.assert_chinese_only(r, 400, "into")


if __name__ == "__main__":
    unittest.main()
