"""REQUIREMENTS §3 media rules on a post's own images and videos: an editor
attaches files to a draft; each is typed from its bytes (a PDF named .jpg is
a PDF), judged at once against the media preset of every platform the post
goes to, and judged again when the post is submitted: a file the platform
does not take blocks the submission like a prohibited word.  Attachments are
the author's, changed only while the post is a draft, listed with the post,
downloaded byte for byte, kept in the archive, and each change is a step of
the post's history (§2 存档备查)."""
import http.client
import json
import os
import socket
import sys
import time
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


class Drafts:
    """A draft of the contributor's (self.author) and adding files to it."""

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


class PostAttachmentTest(Drafts, gmtest.ServerTest):
    def test_rule_3_media_attachments_are_typed_from_bytes_and_block_submission_per_platform(self):
        """§3.6 attachments are typed from their bytes and block submission per platform."""
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
        # the submission keeps the files it went to review with (the PDF was taken off before)
        sent = [[(a["id"], a["name"], a["mime"], a["bytes"]) for a in s["detail"]["attachments"]]
                for s in steps if s["action"] == "submit"]
        self.assertEqual(sent, [[(jpg_id, "演练现场.jpg", "image/jpeg", len(JPEG))]])

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

    def test_rule_3_media_stored_files_are_judged_for_the_platforms_an_editor_ticks(self):
        pid = self.draft()   # saved with the WeChat account only
        # an unknown code is refused before the post has any file too (not only when it is used)
        r = self.author.get(f"/api/v1/posts/{pid}/attachments?platforms=wechat,myspace")
        self.assertEqual((r.status, r.error_field()), (400, "platforms"), r)
        self.assertIn("myspace", r.json["error"]["message"])
        r = self.author.get(f"/api/v1/posts/{pid}/attachments?platforms=wechat,douyin")
        self.assertEqual((r.status, r.json["attachments"]), (200, []), r)
        r = self.attach(pid, PDF, "a.jpg")
        self.assertEqual(sorted(r.json["checks"]), ["wechat"])
        # the editor ticks Douyin too before saving: the stored file is judged for both
        r = self.author.get(f"/api/v1/posts/{pid}/attachments?platforms=wechat,douyin")
        self.assertEqual(r.status, 200, r)
        checks = r.json["attachments"][0]["checks"]
        self.assertEqual(sorted(checks), ["douyin", "wechat"])
        self.assertEqual([f["category"] for f in checks["douyin"]["findings"]], ["type"])
        # website takes JPEG of 1-5 MB only: the same PDF, its own verdict
        r = self.author.get(f"/api/v1/posts/{pid}/attachments?platforms=website")
        self.assertEqual(sorted(r.json["attachments"][0]["checks"]), ["website"])
        r = self.author.get(f"/api/v1/posts/{pid}/attachments?platforms=wechat,myspace")
        self.assertEqual((r.status, r.error_field()), (400, "platforms"), r)
        self.assertIn("myspace", r.json["error"]["message"])
        # without the parameter: the post's own accounts, as before
        r = self.author.get(f"/api/v1/posts/{pid}/attachments")
        self.assertEqual(sorted(r.json["attachments"][0]["checks"]), ["wechat"])

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


def mp4_of(size):
    """An MP4 (libmagic: video/mp4) of exactly size bytes, its filler varied."""
    head = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom\x00\x00\x00\x08free"
    block = bytes(range(256)) * 4096   # 1 MiB
    body = (block * (size // len(block) + 1))[:size - len(head)]
    return head + body


spool_sizes, wait_until = gmtest.spool_sizes, gmtest.wait_until


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0


class LargeAttachmentTest(Drafts, gmtest.ServerTest):
    """§3.6 media rules allow a video up to 500 MB (Douyin, Kuaishou): the
    upload goes to a temporary file as it arrives and into the database in
    pieces, never whole into memory; past the limit it is refused with 413
    naming the limit, and a refused or broken-off upload changes nothing."""

    def raw_post(self, pid, content_length, send, name="big.mp4", session=True, csrf=True):
        """POST with a declared Content-Length; send(conn) writes the body."""
        conn = http.client.HTTPConnection("127.0.0.1", self.srv.port, timeout=60)
        conn.putrequest("POST", f"/api/v1/posts/{pid}/attachments?name={name}")
        conn.putheader("Content-Type", "application/octet-stream")
        conn.putheader("Content-Length", str(content_length))
        if csrf:
            conn.putheader("X-CSRF-Token", self.author.csrf)
        if session:
            conn.putheader("Cookie", "; ".join(f"{c.name}={c.value}" for c in self.author.jar))
        conn.endheaders()
        send(conn)
        return conn

    def test_rule_3_media_a_video_over_64_mb_is_spooled_stored_and_downloaded_whole(self):
        pid = self.draft()
        video = mp4_of(80 * 1024 * 1024 + 123)
        rss_before = peak_rss_mb(self.srv.proc.pid)
        r = self.attach(pid, video, "%E6%BC%94%E7%BB%83.mp4")   # 演练.mp4
        self.assertEqual(r.status, 201, r)
        self.assertEqual([(a["name"], a["mime"], a["bytes"]) for a in r.json["attachments"]],
                         [("演练.mp4", "video/mp4", len(video))])
        self.assertTrue(r.json["checks"]["wechat"]["ok"], r.json["checks"])
        att = r.json["id"]
        r = self.author.get(f"/api/v1/posts/{pid}/attachments/{att}")
        self.assertEqual((r.status, r.headers.get("Content-Type"), len(r.raw)),
                         (200, "video/mp4", len(video)))
        self.assertTrue(r.raw == video, "downloaded byte for byte")
        grown = peak_rss_mb(self.srv.proc.pid) - rss_before
        self.assertLess(grown, 48, f"the server's peak memory grew {grown:.0f} MB for an 80 MB upload and download")
        self.assertEqual(spool_sizes(self.srv.proc.pid), [])
        r = self.author.post(f"/api/v1/posts/{pid}/submit")
        self.assertEqual((r.status, r.json.get("state")), (200, "in_review"), r)

    def test_rule_3_media_oversize_is_refused_naming_the_limit_and_changes_nothing(self):
        pid = self.draft()
        before = (audit_count(self.srv.db), gmtest.count(self.srv.db, "post_attachments"))
        limit = 500 * 1024 * 1024
        conn = self.raw_post(pid, limit + 1, lambda c: None)   # refused before any byte is read
        r = conn.getresponse()
        body = json.loads(r.read())
        conn.close()
        self.assertEqual((r.status, body["error"]["code"], body["error"]["field"]), (413, "too_large", "body"), body)
        self.assertIn("500 MB", body["error"]["message"])
        # no session, no CSRF token: 100 MB declared are refused before the body is read;
        # a small body is read, dropped and answered (a client reads the answer, not a broken pipe)
        for kw, status in (({"session": False}, 401), ({"csrf": False}, 403)):
            conn = self.raw_post(pid, 100 * 1024 * 1024, lambda c: None, **kw)
            r = conn.getresponse()
            r.read()
            conn.close()
            self.assertEqual(r.status, status, kw)
            small = mp4_of(64 * 1024)
            conn = self.raw_post(pid, len(small), lambda c: c.send(small), **kw)
            r = conn.getresponse()
            r.read()
            conn.close()
            self.assertEqual(r.status, status, kw)
        # an upload broken off halfway: what came is on disk (not in memory) while it
        # comes, and gone once the connection is (MHD notices a client that went away
        # with bytes still unread only at its 30 s time-out, so all of them are read first)
        chunk = mp4_of(1024 * 1024)
        conn = self.raw_post(pid, 60 * 1024 * 1024, lambda c: [c.send(chunk) for _ in range(8)])
        self.assertTrue(wait_until(lambda: spool_sizes(self.srv.proc.pid) == [8 * 1024 * 1024]),
                        spool_sizes(self.srv.proc.pid))
        conn.sock.shutdown(socket.SHUT_RDWR)
        conn.close()
        self.assertTrue(wait_until(lambda: spool_sizes(self.srv.proc.pid) == []), spool_sizes(self.srv.proc.pid))
        self.assertEqual((audit_count(self.srv.db), gmtest.count(self.srv.db, "post_attachments")), before)
        self.assertEqual(self.author.get(f"/api/v1/posts/{pid}/attachments").json["attachments"], [])


if __name__ == "__main__":
    unittest.main()
