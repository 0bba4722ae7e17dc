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


if __name__ == "__main__":
    unittest.main()
