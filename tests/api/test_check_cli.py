"""govmedia check: the CLI contract of DESIGN.md "CLI" (exit codes 0/1/2,
--json object, --lexicon/--allow files, --platform, --mask, --media), run
against the real binary.  Needs GM_BIN and GM_SOURCE_DIR (set by CTest)."""
import json
import os
import subprocess
import tempfile
import unittest

BIN = os.environ.get("GM_BIN", "build/govmedia")
SRC = os.environ.get("GM_SOURCE_DIR", os.getcwd())


def run(args, stdin=b""):
    env = dict(os.environ, GOVMEDIA_DATA=os.path.join(SRC, "data"))
    p = subprocess.run([BIN, "check"] + args, input=stdin, capture_output=True, env=env, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


class CheckCli(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        path = os.path.join(self.tmp.name, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    def test_clean_text_exits_0(self):
        code, out, _ = run(["--json"], "市政府召开安全生产工作会议。".encode())
        self.assertEqual(code, 0)
        report = json.loads(out)
        self.assertEqual(report["ok"], True)
        self.assertEqual(report["findings"], [])
        self.assertIsNone(report["limit"])

    def test_blocking_finding_exits_1_with_offsets_into_original(self):
        code, out, _ = run(["--json"], "今天 賭 ★ 博 了".encode())
        self.assertEqual(code, 1)
        report = json.loads(out)
        self.assertFalse(report["ok"])
        f = report["findings"][0]
        self.assertEqual((f["rule"], f["category"], f["severity"], f["term"]),
                         ("lexicon", "gambling", "block", "赌博"))
        self.assertEqual((f["match"], f["start"], f["end"]), ("賭 ★ 博", 3, 8))
        self.assertEqual("今天 賭 ★ 博 了"[f["start"]:f["end"]], f["match"])

    def test_operator_report_names_how_a_disguised_term_was_read_in_chinese(self):
        """Text shown to users in Chinese: the human report labels each way a
        disguised term was read (§3.2), not all of them as 谐音变体."""
        for text, label in (("代代相传好家风\n开门迎客笑春风\n发奋图强争上游\n票选十佳我最红",
                             "(藏头藏尾)"), ("场赌上网", "(倒序)"), ("专业代开□票", "(遮挡字)"),
                            ("信用卡套个现", "(插入字)"), ("dai kai fa piao", "(拼音变体)")):
            code, out, _ = run([], text.encode())
            self.assertEqual(code, 1, text)
            self.assertIn(label, out, text)
            self.assertNotIn("谐音变体", out, text)

    def test_invalid_utf8_exits_2_with_byte_offset(self):
        code, out, err = run(["--json"], b"abc\xe4\xb8")
        self.assertEqual(code, 2)
        self.assertEqual(out, "")
        self.assertIn("正文不是有效的 UTF-8(第 3 字节)", err)

    def test_empty_input_is_valid(self):
        code, out, _ = run(["--json", "--platform", "weibo"], b"")
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["chars"], 0)

    def test_file_argument_and_dash(self):
        path = self.write("post.txt", "限时抢购")
        code, out, _ = run(["--json", path])
        self.assertEqual(code, 1)
        code2, out2, _ = run(["--json", "-"], "限时抢购".encode())
        self.assertEqual(out, out2)

    def test_length_weibo_140(self):
        """§3.3 Weibo's 140-character limit, counted in code points."""
        code, out, _ = run(["--json", "--platform", "weibo"], ("政" * 141).encode())
        self.assertEqual(code, 1)
        report = json.loads(out)
        self.assertEqual((report["chars"], report["limit"]), (141, 140))
        self.assertEqual(report["findings"][0]["rule"], "length")
        code, _, _ = run(["--platform", "weibo"], ("政" * 140).encode())
        self.assertEqual(code, 0)

    def test_length_ignores_the_files_final_newline(self):
        path = self.write("post.txt", "政" * 140 + "\n")
        code, out, _ = run(["--json", "--platform", "weibo", path])
        self.assertEqual((code, json.loads(out)["chars"]), (0, 140))
        code, out, _ = run(["--json", "--platform", "weibo", "-"], ("政" * 140 + "\r\n").encode())
        self.assertEqual((code, json.loads(out)["chars"]), (0, 140))
        # Only the last line break: an inner one is part of the post.
        code, out, _ = run(["--json", "--platform", "weibo", "-"], ("政" * 139 + "\n政\n").encode())
        self.assertEqual((code, json.loads(out)["chars"]), (1, 141))

    def test_mask_keeps_the_files_final_newline(self):
        code, out, _ = run(["--mask"], "电话13812345678\n".encode())
        self.assertEqual((code, out), (0, "电话138****5678\n"))

    def test_unknown_platform_exits_2(self):
        code, out, err = run(["--platform", "myspace"], b"x")
        self.assertEqual(code, 2)
        self.assertEqual(out, "")
        self.assertIn("myspace", err)

    def test_unknown_option_exits_2(self):
        code, _, err = run(["--frobnicate"], b"x")
        self.assertEqual(code, 2)
        self.assertIn("--frobnicate", err)

    def test_several_lexicons_combine_and_replace_shipped(self):
        a = self.write("a.txt", "苹果\tfruit\twarn\n")
        b = self.write("b.txt", "# 注释\n香蕉\tfruit\tblock\n")
        code, out, _ = run(["--json", "--lexicon", a, "--lexicon", b], "苹果和香蕉，还有赌博".encode())
        self.assertEqual(code, 1)
        terms = [f["term"] for f in json.loads(out)["findings"]]
        self.assertEqual(terms, ["苹果", "香蕉"])   # 赌博 is only in the shipped lexicon

    def test_allow_list_file(self):
        lex = self.write("l.txt", "香蕉\n")
        allow = self.write("a.txt", "香蕉船\n")
        code, out, _ = run(["--json", "--lexicon", lex, "--allow", allow], "香蕉船".encode())
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["findings"], [])

    def test_allow_alone_keeps_shipped_lexicons(self):
        allow = self.write("a.txt", "六合彩票站\n")
        code, out, _ = run(["--json", "--allow", allow], "六合彩票站，六合彩".encode())
        self.assertEqual(code, 1)
        hits = [(f["term"], f["start"]) for f in json.loads(out)["findings"]]
        self.assertEqual(hits, [("六合彩", 6)])

    def test_bad_lexicon_exits_2_naming_file_and_line(self):
        lex = self.write("bad.txt", "好\n坏\tx\tfatal\n")
        code, out, err = run(["--lexicon", lex], "x".encode())
        self.assertEqual(code, 2)
        self.assertEqual(out, "")
        self.assertIn("bad.txt", err)
        self.assertIn("第 2 行", err)

    def test_item12_traditional_and_simplified_duplicate_is_merged_and_said(self):
        lex = self.write("dup.txt", "乾性\tskin\twarn\n干性\tskin\tblock\n")
        code, out, err = run(["--lexicon", lex], "这是干性皮肤".encode())
        self.assertEqual(code, 1, err)   # loaded, and the stricter severity (block) applies
        self.assertIn("第 2 行", err)
        self.assertIn("合并", err)

    def test_mask_prints_masked_text(self):
        """§3.7 personal data is flagged and the masked text offered."""
        code, out, _ = run(["--mask"], "电话13812345678，邮箱li@example.com".encode())
        self.assertEqual(code, 0)
        self.assertEqual(out, "电话138****5678，邮箱l***@example.com")

    def test_repost_source(self):
        """§3.8 §2.6 a repost names an approved source."""
        code, out, _ = run(["--json", "--repost-source", "某营销号"], "转载".encode())
        self.assertEqual(code, 1)
        self.assertEqual(json.loads(out)["findings"][0]["category"], "unapproved")
        code, _, _ = run(["--json", "--repost-source", "新华社"], "转载".encode())
        self.assertEqual(code, 0)

    def test_media_checks_real_type(self):
        """§3.6 media type is read from the file itself, not its name."""
        jpeg = self.write("photo.mp4", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + b"\0" * (2 << 20))
        code, out, _ = run(["--json", "--media", jpeg, "--platform", "weibo"])
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["mime"], "image/jpeg")
        text = self.write("fake.jpg", "not an image at all\n" * 100000)
        code, out, _ = run(["--json", "--media", text])
        self.assertEqual(code, 1)
        self.assertEqual(json.loads(out)["findings"][0]["category"], "type")

    def test_human_output_mentions_match(self):
        code, out, _ = run([], "六 合 彩".encode())
        self.assertEqual(code, 1)
        self.assertIn("六 合 彩", out)
        self.assertIn("gambling", out)

    def test_date_judges_office_holders_titles_as_of_that_day(self):
        """§3.4 wrong expressions (office-holders' titles): `--date` is the text's
        day, as the API's `date`; without it any title once held is right."""
        import shutil
        data = os.path.join(self.tmp.name, "data")
        shutil.copytree(os.path.join(SRC, "data"), data)
        shutil.copy(os.path.join(data, "expressions", "officials.example.txt"),
                    os.path.join(data, "expressions", "officials.txt"))
        env = dict(os.environ, GOVMEDIA_DATA=data)

        def titles(args, text):
            p = subprocess.run([BIN, "check", "--json"] + args, input=text.encode(),
                               capture_output=True, env=env, timeout=60)
            out = json.loads(p.stdout) if p.returncode in (0, 1) else None
            return p.returncode, p.stderr.decode(), [
                f for f in (out or {}).get("findings", []) if f["category"] == "title"]

        text = "张建国市长出席会议"          # mayor from 2021-06-01
        self.assertEqual(titles([], text)[2], [])
        self.assertEqual(titles(["--date", "2022-01-01"], text)[2], [])
        code, _, found = titles(["--date", "2020-01-01"], text)   # then still 副市长
        self.assertEqual((code, found[0]["match"], found[0]["replacement"]), (1, "市长", "副市长"))
        code, err, _ = titles(["--date", "2020-02-30"], text)
        self.assertEqual(code, 2)
        self.assertIn("日期", err)
        code, err, _ = titles(["--date", "2020-01-01", "--jsonl"], text)
        self.assertEqual(code, 2)
        self.assertIn("--date", err)
        code, out, _ = run(["--help"])
        self.assertIn("--date", out)


if __name__ == "__main__":
    unittest.main()
