"""POST /api/v1/check and lexicon reload (REQUIREMENTS §3, issue 4).

The server answers with the same object as `govmedia check --json`, and
an admin reloads lexicons (API route or SIGHUP) without a restart.
"""
import json
import os
import shutil
import signal
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402

NEW_TERM = "新增违禁测试词"


class CheckApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")
        cls.srv = gmtest.Server()
        cls.own_data = os.path.join(cls.srv.dir, "data")
        shutil.copytree(os.path.join(gmtest.SRC, "data"), cls.own_data)
        os.environ["GOVMEDIA_DATA"] = cls.own_data
        cls.srv.start()
        del os.environ["GOVMEDIA_DATA"]

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def check(self, body, login="contributor"):
        return self.srv.client(login).post("/api/v1/check", body)

    def test_clean_notice_is_ok(self):
        r = self.check({"text": "关于做好2026年冬季森林防火工作的通知。", "platform": "weibo"})
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.json["ok"])
        self.assertEqual(r.json["limit"], 140)
        self.assertEqual(r.json["findings"], [])

    def test_prohibited_term_found_with_original_offsets(self):
        """§3.1 a prohibited term is found with its category, severity and offsets into the original."""
        text = "本店全 网 最 低 价,欢迎选购"
        r = self.check({"text": text})
        self.assertEqual(r.status, 200)
        self.assertFalse(r.json["ok"])
        f = [x for x in r.json["findings"] if x["rule"] == "lexicon"][0]
        self.assertEqual(f["term"], "全网最低价")
        self.assertEqual(text[f["start"]:f["end"]], f["match"])
        self.assertEqual(f["match"], "全 网 最 低 价")

    def test_api_reply_equals_cli_json(self):
        text = "限时抢购!联系13812345678"
        r = self.check({"text": text, "platform": "weibo"})
        p = gmtest.run("check", "--json", "--platform", "weibo", "-", stdin=text)
        self.assertEqual(r.json, json.loads(p.stdout))

    def test_invalid_platform_is_400_naming_field(self):
        r = self.check({"text": "你好", "platform": "myspace"})
        self.assertEqual(r.status, 400)
        self.assertEqual(r.error_field(), "platform")

    def test_invalid_utf8_is_400(self):
        r = self.srv.client("contributor").post("/api/v1/check", raw=b'{"text":"\xff\xfe"}')
        self.assertEqual(r.status, 400)
        self.assertIn("UTF-8", r.json["error"]["message"])

    def test_reload_via_admin_route_picks_up_new_term(self):
        """§3.1 lexicons are data: a reload picks up a new term."""
        r = self.check({"text": f"这里有{NEW_TERM}。"})
        self.assertTrue(r.json["ok"])
        with open(os.path.join(self.own_data, "lexicons", "extra.txt"), "w", encoding="utf-8") as f:
            f.write(f"{NEW_TERM}\trumour\tblock\n")
        try:
            admin = self.srv.client("admin")
            self.assertEqual(admin.post("/api/v1/admin/lexicons/reload", {}).status, 200)
            r = self.check({"text": f"这里有{NEW_TERM}。"})
            self.assertFalse(r.json["ok"])
            actions = [a for (a,) in gmtest.sql(self.srv.db, "SELECT action FROM audit")]
            self.assertIn("lexicon.reload", actions)
        finally:
            os.remove(os.path.join(self.own_data, "lexicons", "extra.txt"))

    def test_bad_lexicon_on_reload_keeps_old_version(self):
        path = os.path.join(self.own_data, "lexicons", "broken.txt")
        with open(path, "wb") as f:
            f.write(b"\xff\xfebad\tads\tblock\n")
        try:
            r = self.srv.client("admin").post("/api/v1/admin/lexicons/reload", {})
            self.assertEqual(r.status, 400, r)
            self.assertIn("broken.txt", r.json["error"]["message"])
            r = self.check({"text": "全网最低价"})
            self.assertFalse(r.json["ok"])     # old lexicon still in force
        finally:
            os.remove(path)

    def test_sighup_reloads_and_server_keeps_serving(self):
        self.srv.proc.send_signal(signal.SIGHUP)
        time.sleep(0.5)
        r = self.check({"text": "全网最低价"})
        self.assertEqual(r.status, 200)
        self.assertFalse(r.json["ok"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
