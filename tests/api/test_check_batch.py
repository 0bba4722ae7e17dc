"""govmedia check --jsonl (issue 14 §3): one report a line, in order, id
echoed, exit 1 on any block, 2 on a malformed line naming it with the
earlier lines still printed.  (The false-alarm budget on official text,
§1-2, is test_check_evasion_variants.py.)"""
import json
import os
import subprocess
import unittest

BIN = os.environ.get("GM_BIN", "build/govmedia")
SRC = os.environ.get("GM_SOURCE_DIR", os.getcwd())


def run(args, stdin):
    env = dict(os.environ, GOVMEDIA_DATA=os.path.join(SRC, "data"))
    p = subprocess.run([BIN, "check", "--jsonl"] + args, input=stdin.encode("utf-8"),
                       capture_output=True, env=env, timeout=120)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def lines(*objs):
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs)


class CheckJsonl(unittest.TestCase):
    def test_jsonl_reports_in_order_with_ids(self):
        code, out, _ = run([], lines({"text": "市政府召开会议", "id": 7},
                                     {"text": "dai kai fa piao", "id": "b"},
                                     {"text": "ok", "title": "六合彩", "platform": "weibo"}))
        self.assertEqual(code, 1)
        reports = [json.loads(l) for l in out.splitlines()]
        self.assertEqual([r.get("id") for r in reports], [7, "b", None])
        self.assertTrue(reports[0]["ok"])
        self.assertEqual(reports[1]["findings"][0]["via"], "pinyin")
        self.assertEqual(reports[2]["findings"][0]["field"], "title")
        self.assertIsNotNone(reports[2]["limit"])

    def test_jsonl_clean_batch_exits_0_and_platform_default_applies(self):
        code, out, _ = run(["--platform", "weibo"], lines({"text": "通知"}, {"text": "公告"}))
        self.assertEqual(code, 0)
        self.assertTrue(all(json.loads(l)["limit"] is not None for l in out.splitlines()))

    def test_jsonl_malformed_line_named_earlier_lines_kept(self):
        code, out, err = run([], lines({"text": "赌博", "id": 1}) + "{not json\n" +
                             lines({"text": "later"}))
        self.assertEqual(code, 2)
        self.assertEqual(len(out.splitlines()), 1)
        self.assertEqual(json.loads(out.splitlines()[0])["id"], 1)
        self.assertIn("第 2 行", err)
        code, out, err = run([], lines({"text": "x"}, {"title": "no text"}))
        self.assertEqual(code, 2)
        self.assertIn("text", err)
        code, _, err = run([], lines({"text": "x", "bogus": 1}))
        self.assertEqual(code, 2)
        self.assertIn("bogus", err)

    def test_archive_recheck_runs_over_published_posts(self):
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            db = os.path.join(d, "g.db")
            subprocess.run([BIN, "init", "--db", db, "--demo"], check=True, capture_output=True)
            env = dict(os.environ, GOVMEDIA_DATA=os.path.join(SRC, "data"))
            p = subprocess.run([BIN, "check", "--archive", "--db", db, "--since", "2000-01-01"],
                               capture_output=True, env=env, timeout=120)
            self.assertIn(p.returncode, (0, 1), p.stderr.decode())
            self.assertIn("已回溯检查", p.stderr.decode())
            for line in p.stdout.decode().splitlines():
                r = json.loads(line)
                self.assertTrue(r["findings"])
                self.assertIn("publication_id", r)
            p = subprocess.run([BIN, "check", "--archive"], capture_output=True, env=env)
            self.assertEqual(p.returncode, 2)
            p = subprocess.run([BIN, "check", "--archive", "--db", db, "--account", "x"],
                               capture_output=True, env=env)
            self.assertEqual(p.returncode, 2)


if __name__ == "__main__":
    unittest.main()
