"""REQUIREMENTS §3 media rules on a post's own images and videos: an editor
attaches files to a draft; each is typed from its bytes (a PDF named .jpg is
a PDF), judged at once against the media preset of every platform the post
goes to, and judged again when the post is submitted: a file the platform
does not take blocks the submission like a prohibited word.  Attachments are
the author's, changed only while the post is a draft, listed with the post,
downloaded byte for byte, kept in the archive, and each change is a step of
the post's history (§2 存档备查)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402

WECHAT = 1   # demo: a filed WeChat account of the contributor's unit
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 40
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
RAW = {"Content-Type": "application/octet-stream"}
BODY = "本周五下午在学校操场开展消防疏散演练,请各班主任提前组织学生熟悉疏散路线。"


def audit_count(db):
    return gmtest.sql(db, "SELECT COUNT(*) FROM audit")[0][0]


class PostAttachmentTest(gmtest.ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.author = cls.srv.client("contributor")

    def draft(self):
        r = self.author.post("/api/v1/posts", {"title": "消防疏散演练通知", "body": BODY,
                                               "account_ids": [WECHAT]})
        self.assertEqual(r.status, 201, r)
        return r.json["id"]

    def attach(self, pid, data, name, client=None):
        return (client or self.author).request("POST", f"/api/v1/posts/{pid}/attachments?name={name}",
                                               raw=data, headers=RAW)

    def test_rule_3_media_attachments_are_typed_from_bytes_and_block_submission_per_platform(self):
        pid = self.draft()
        r = self.attach(pid, JPEG, "%E6%BC%94%E7%BB%83%E7%8E%B0%E5%9C%BA.jpg")   # 演练现场.jpg
        self.assertEqual(r.status, 201, r)
        self.assertEqual([(a["name"], a["mime"], a["mime_label"], a["bytes"]) for a in r.json["attachments"]],
                         [("演练现场.jpg", "image/jpeg", "JPEG 图像", len(JPEG))])
        self.assertTrue(r.json["checks"]["wechat"]["ok"], r.json["checks"])
        # a PDF named .jpg: typed as what it is, judged at once for WeChat
        r = self.attach(pid, PDF, "%E6%B5%B7%E6%8A%A5.jpg")   # 海报.jpg
        self.assertEqual(r.status, 201, r)
        pdf_id = r.json["id"]
        self.assertEqual(r.json["attachments"][1]["mime"], "application/pdf")
        wechat = r.json["checks"]["wechat"]
        self.assertFalse(wechat["ok"])
        self.assertEqual([(f["rule"], f["category"], f["severity"]) for f in wechat["findings"]],
                         [("media", "type", "block")])
        self.assertIn("PDF 文档", wechat["findings"][0]["message"])
        # the post shows them; submitting is blocked by the file, which the finding names
        self.assertEqual(len(self.author.get(f"/api/v1/posts/{pid}").json["attachments"]), 2)
        r = self.author.post(f"/api/v1/posts/{pid}/submit")
        self.assertEqual((r.status, r.json["error"]["code"]), (422, "blocked"), r)
        media = [f for f in r.json["findings"] if f["rule"] == "media"]
        self.assertEqual([(f["field"], f["attachment"], f["attachment_id"], f["platforms"]) for f in media],
                         [("attachment", "海报.jpg", pdf_id, ["wechat"])])
        self.assertEqual(self.author.get(f"/api/v1/posts/{pid}").json["state"], "draft")
        # taken off, the post goes to review; the file stays in the archive
        r = self.author.request("DELETE", f"/api/v1/posts/{pid}/attachments/{pdf_id}")
        self.assertEqual((r.status, [a["name"] for a in r.json["attachments"]]), (200, ["演练现场.jpg"]), r)
        r = self.author.post(f"/api/v1/posts/{pid}/submit")
        self.assertEqual((r.status, r.json["state"]), (200, "in_review"), r)
        self.assertEqual([f for f in r.json["findings"] if f["rule"] == "media"], [])
        kept = gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM post_attachments WHERE post_id=? "
                                        "AND removed_at IS NOT NULL", (pid,))[0][0]
        self.assertEqual(kept, 1)
        # the reviewer downloads what was submitted, byte for byte, typed
        jpg_id = self.author.get(f"/api/v1/posts/{pid}").json["attachments"][0]["id"]
        r = self.srv.client("depthead").get(f"/api/v1/posts/{pid}/attachments/{jpg_id}")
        self.assertEqual((r.status, r.raw, r.headers.get("Content-Type")), (200, JPEG, "image/jpeg"))
        # the history tells each change
        steps = self.author.get(f"/api/v1/posts/{pid}/history").json["steps"]
        labels = [s.get("action_label") for s in steps if s.get("action") in ("attach", "detach")]
        self.assertEqual(labels, ["添加附件", "添加附件", "删除附件"])

    def test_rule_2_attachments_are_fixed_once_submitted_and_only_the_author_changes_them(self):
        pid = self.draft()
        # someone else of the unit may not add to the author's draft
        head = self.srv.client("depthead")
        head.get("/api/v1/posts")   # logged in (a login is audited)
        before = audit_count(self.srv.db)
        r = self.attach(pid, JPEG, "x.jpg", client=head)
        self.assertEqual((r.status, r.error_field()), (403, "author"), r)
        self.assertEqual(audit_count(self.srv.db), before)
        r = self.attach(pid, JPEG, "a.jpg")
        att = r.json["id"]
        self.assertEqual(self.author.post(f"/api/v1/posts/{pid}/submit").status, 200)
        before = audit_count(self.srv.db)
        r = self.attach(pid, JPEG, "b.jpg")
        self.assertEqual(r.status, 409, r)
        r = self.author.request("DELETE", f"/api/v1/posts/{pid}/attachments/{att}")
        self.assertEqual(r.status, 409, r)
        self.assertEqual(audit_count(self.srv.db), before)
        self.assertEqual(len(self.author.get(f"/api/v1/posts/{pid}/attachments").json["attachments"]), 1)

    def test_rule_3_media_bad_attachments_are_refused_naming_the_field(self):
        pid = self.draft()
        before = audit_count(self.srv.db)
        for query, data, field in (("", JPEG, "name"), ("?name=a.jpg", b"", "file"),
                                   ("?name=..%2Fa.jpg", JPEG, "name")):
            r = self.author.request("POST", f"/api/v1/posts/{pid}/attachments{query}", raw=data, headers=RAW)
            self.assertEqual((r.status, r.error_field()), (400, field), (query, r))
        r = self.author.request("DELETE", f"/api/v1/posts/{pid}/attachments/999999")
        self.assertEqual(r.status, 404, r)
        r = self.attach(999999, JPEG, "a.jpg")
        self.assertEqual(r.status, 404, r)
        self.assertEqual(audit_count(self.srv.db), before)


if __name__ == "__main__":
    unittest.main()
