"""REQUIREMENTS §3 media rules over HTTP (POST /api/v1/check/media): a file's
real type comes from its bytes, not its name, and its size is held to the
platform's limits (the website preset: JPEG 1-5 MB, video <= 500 MB mp4).
The console sends only a file's first MiB with `bytes` = its real size, so a
500 MB video is checked without uploading it."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402
from acct_helpers import Builder  # noqa: E402

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 4096
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" + b"\x00" * 64
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00\x00\x00\x08free" + b"\x00" * 4096
MB = 1024 * 1024
RAW = {"Content-Type": "application/octet-stream"}


class CheckMediaTest(gmtest.ServerTest):
    def check(self, login, body, **q):
        qs = "&".join(f"{k}={v}" for k, v in q.items())
        return self.srv.client(login).request("POST", "/api/v1/check/media" + (f"?{qs}" if qs else ""),
                                              raw=body, headers=RAW)

    def test_rule_3_media_type_from_the_bytes_and_size_from_the_file(self):
        """§3.6 media type from the bytes and size from the file."""
        r = self.check("contributor", JPEG, platform="website", bytes=2 * MB, name="photo.jpg")
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["ok"], r.json["kind"], r.json["mime"], r.json["bytes"], r.json["file"]),
                         (True, "image", "image/jpeg", 2 * MB, "photo.jpg"))
        # 6 MB: over the 5 MB of the rule
        r = self.check("contributor", JPEG, platform="website", bytes=6 * MB)
        self.assertFalse(r.json["ok"])
        self.assertEqual([(f["rule"], f["category"], f["severity"]) for f in r.json["findings"]],
                         [("media", "size", "block")])
        self.assertIn("5.00 MB", r.json["findings"][0]["message"])
        # a PNG named .jpg is a PNG: refused for the website, whatever the name
        r = self.check("contributor", PNG, platform="website", bytes=2 * MB, name="renamed.jpg")
        self.assertEqual((r.json["ok"], r.json["mime"]), (False, "image/png"))
        self.assertEqual(r.json["findings"][0]["category"], "type")
        # people read the type by its Chinese name (shared-mime-info's), in the table and the message
        self.assertEqual(r.json["mime_label"], "PNG 图像")
        self.assertIn("PNG 图像(image/png)", r.json["findings"][0]["message"])
        # a 100 MB mp4 passes, a 600 MB one does not; only the head was sent
        r = self.check("operator", MP4, platform="website", bytes=100 * MB)
        self.assertEqual((r.json["ok"], r.json["kind"], r.json["mime"]), (True, "video", "video/mp4"))
        r = self.check("operator", MP4, platform="website", bytes=600 * MB)
        self.assertEqual((r.json["ok"], r.json["findings"][0]["category"]), (False, "size"))
        # without bytes the body is the whole file
        r = self.check("contributor", JPEG)
        self.assertEqual((r.status, r.json["bytes"]), (200, len(JPEG)))

    def test_rule_3_media_bad_calls_are_refused_naming_the_field(self):
        """§3.6 bad media calls are refused naming the field."""
        r = self.check("contributor", b"", platform="website")
        self.assertEqual((r.status, r.error_field()), (400, "body"))
        r = self.srv.client("contributor").post("/api/v1/check/media", {"file": "x.jpg"})
        self.assertEqual((r.status, r.error_field()), (400, "body"))
        r = self.check("contributor", JPEG, bytes=10)
        self.assertEqual((r.status, r.error_field()), (400, "bytes"))
        r = self.check("contributor", JPEG, platform="nope")
        self.assertEqual((r.status, r.error_field()), (400, "platform"))
        self.assertEqual(self.check("observer", JPEG).status, 403)


    def test_rule_2_a_draft_for_a_kuaishou_account_is_checked_and_goes_to_review(self):
        # Every platform an account may be opened on is one the check knows:
        # 快手 had no preset, so 合规检查 and the submit of its drafts failed.
        aid = Builder(self.srv.client("supervisor")).make("opened", platform="kuaishou")
        con = self.srv.client("contributor")
        r = con.post("/api/v1/check", {"text": "快手短视频文案", "platform": "kuaishou"})
        self.assertEqual((r.status, r.json["ok"], r.json["limit"]), (200, True, None), r)
        r = con.post("/api/v1/posts", {"title": "快手发布测试", "body": "本周校园开放日活动预告。",
                                       "account_ids": [aid], "major": False, "repost_source": None})
        self.assertEqual(r.status, 201, r)
        r = con.post(f"/api/v1/posts/{r.json['id']}/submit")
        self.assertEqual((r.status, r.json["state"]), (200, "in_review"), r)


if __name__ == "__main__":
    unittest.main()
