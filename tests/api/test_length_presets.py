"""REQUIREMENTS §3.3's two length presets end to end: the house rule of seed 004 (WeChat
<= 680 including the title; the default) and the WeChat platform's own limits (mass-send
text 600, article title 64, summary 120), counted in code points.  A post carries an
optional summary (摘要); a unit chooses its preset in its review policy and the submit
check follows it; POST /api/v1/check and `govmedia check` take a summary and a preset;
bad input is refused naming the field, and nothing changes."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402

WECHAT = 1          # the demo's 示范县教育发布 (unit 4)
UNIT = 4


def lengths(reply):
    """{field: finding} of the length findings of a check reply."""
    return {f["field"]: f for f in reply["findings"] if f["rule"] == "length"}


class LengthPresetsApiTest(gmtest.ServerTest):
    def check(self, **body):
        r = self.srv.client("contributor").post("/api/v1/check", body)
        self.assertEqual(r.status, 200, r)
        return r.json

    def test_rule_3_platform_preset_holds_text_title_and_summary_to_their_own_limits(self):
        """§3.3 the second preset: WeChat mass-send text <= 600, title <= 64, summary <= 120,
        each counted in code points (an emoji is one), the title not counted in the text;
        each finding names its field and the limit in Chinese."""
        emoji = "😀"
        at = self.check(text="政" * 599 + emoji, title="题" * 63 + emoji, summary="摘" * 119 + emoji,
                        platform="wechat", length_preset="platform")
        self.assertEqual((at["ok"], at["chars"], at["limit"], lengths(at)), (True, 600, 600, {}), at)
        over = self.check(text="政" * 600 + emoji, title="题" * 64 + emoji,
                          summary="摘" * 120 + emoji, platform="wechat", length_preset="platform")
        self.assertEqual((over["ok"], over["chars"], over["limit"]), (False, 601, 600), over)
        got = lengths(over)
        self.assertEqual(set(got), {"text", "title", "summary"}, over)
        for field, limit, label in (("text", 600, "正文"), ("title", 64, "标题"), ("summary", 120, "摘要")):
            f = got[field]
            self.assertEqual((f["severity"], f["term"], f["start"], f["end"], f["match"]),
                             ("block", str(limit), limit, limit + 1, emoji), f)
            self.assertIn(label, f["message"])
            self.assertIn("平台规定", f["message"])
            self.assertIn(str(limit), f["message"])

    def test_rule_3_house_rule_stays_the_default_and_counts_the_title(self):
        """§3.3 without a preset (or with "house") WeChat is <= 680 with the title counted;
        a long title or summary alone is no length finding under the house rule."""
        body = dict(text="政" * 640, title="题" * 40, summary="摘" * 200, platform="wechat")
        for preset in (None, "house"):
            extra = {"length_preset": preset} if preset else {}
            r = self.check(**body, **extra)
            self.assertEqual((r["ok"], r["chars"], r["limit"], lengths(r)), (True, 680, 680, {}), r)
        over = self.check(**dict(body, title="题" * 41))
        [f] = lengths(over).values()
        self.assertEqual((f["field"], over["chars"]), ("text", 681), over)
        self.assertIn("本单位规定", f["message"])
        # the same draft under the platform preset: the text alone is over 600
        r = self.check(**body, length_preset="platform")
        self.assertEqual(set(lengths(r)), {"text", "summary"}, r)
        # a platform whose own limits the presets do not list keeps its house rule (Weibo 140)
        r = self.check(text="微" * 141, platform="weibo", length_preset="platform")
        self.assertEqual((r["limit"], lengths(r)["text"]["term"]), (140, "140"), r)

    def test_rule_3_editor_reads_the_limits_of_a_preset(self):
        """§3.3 GET /api/v1/check/limits gives the limits the editor counts against: WeChat
        under the house rule 680 with the title, under the platform preset 600 / 64 / 120;
        an unknown preset or platform is a 400 naming it."""
        con = self.srv.client("contributor")
        r = con.get("/api/v1/check/limits?platform=wechat")
        self.assertEqual((r.status, r.json["text"], r.json["title"], r.json["summary"], r.json["count_title"],
                          r.json["length_preset_label"]), (200, 680, None, None, True, "本单位规定"), r)
        r = con.get("/api/v1/check/limits?platform=wechat&length_preset=platform")
        self.assertEqual((r.json["text"], r.json["title"], r.json["summary"], r.json["count_title"],
                          r.json["length_preset_label"]), (600, 64, 120, False, "平台规定"), r)
        for qs, field in (("platform=wechat&length_preset=x", "length_preset"), ("platform=myspace", "platform"),
                          ("length_preset=house", "platform")):
            r = con.get("/api/v1/check/limits?" + qs)
            self.assertEqual((r.status, r.error_field()), (400, field), (qs, r))

    def test_rule_3_summary_is_read_like_the_title(self):
        """§3.3 §3.7 the summary is published text: personal data in it is flagged there."""
        r = self.check(text="通知。", summary="联系人手机13912345678", platform="wechat")
        [f] = [f for f in r["findings"] if f["rule"] == "privacy"]
        self.assertEqual((f["field"], f["match"]), ("summary", "13912345678"), r)

    def test_rule_3_unknown_preset_or_bad_summary_is_refused_naming_the_field(self):
        """§3.3 bad input: an unknown preset or a summary that is not text is a 400 naming
        the field, in Chinese."""
        con = self.srv.client("contributor")
        r = con.post("/api/v1/check", {"text": "通知。", "platform": "wechat", "length_preset": "wechat"})
        self.assertEqual((r.status, r.error_field()), (400, "length_preset"), r)
        self.assertIn("字数规则", r.json["error"]["message"])
        r = con.post("/api/v1/check", {"text": "通知。", "summary": 5})
        self.assertEqual((r.status, r.error_field()), (400, "summary"), r)

    def test_rule_3_post_summary_is_kept_per_version_and_refused_when_bad(self):
        """§3.3 a post's summary: created, shown, replaced by an edit (each version keeps its
        own), cleared with null; a summary that is not text or too long is refused and the
        post does not change."""
        con = self.srv.client("contributor")
        r = con.post("/api/v1/posts", {"title": "寒假安全提示", "body": "注意安全。", "summary": "寒假提示",
                                       "account_ids": [WECHAT]})
        self.assertEqual(r.status, 201, r)
        pid = r.json["id"]
        self.assertEqual(con.get(f"/api/v1/posts/{pid}").json["summary"], "寒假提示")
        self.assertEqual(con.put(f"/api/v1/posts/{pid}", {"summary": "新的摘要"}).status, 200)
        for bad in ({"summary": 7}, {"summary": "摘" * 501}, {"summary": "两行\n摘要"}):
            r = con.put(f"/api/v1/posts/{pid}", bad)
            self.assertEqual((r.status, r.error_field()), (400, "summary"), (bad, r))
        post = con.get(f"/api/v1/posts/{pid}").json
        self.assertEqual((post["summary"], post["version"]), ("新的摘要", 2), post)
        self.assertEqual([v["summary"] for v in post["versions"]], ["新的摘要", "寒假提示"], post)
        # an edit that does not name the summary keeps it; null clears it
        self.assertEqual(con.put(f"/api/v1/posts/{pid}", {"body": "注意防火。"}).status, 200)
        self.assertEqual(con.get(f"/api/v1/posts/{pid}").json["summary"], "新的摘要")
        self.assertEqual(con.put(f"/api/v1/posts/{pid}", {"summary": None}).status, 200)
        self.assertIsNone(con.get(f"/api/v1/posts/{pid}").json["summary"])

    def test_rule_3_unit_preset_decides_the_submit_check(self):
        """§3.3 §3.9 the unit's review policy names its length preset (house by default); a
        draft within 680 with its title but over 600, or with a summary over 120, goes to
        review under the house rule and is refused at submission under the platform
        preset; changing the review levels keeps the preset; an unknown preset changes
        nothing."""
        admin, con = self.srv.client("admin"), self.srv.client("contributor")
        policy = admin.get(f"/api/v1/units/{UNIT}/review-policy").json
        self.assertEqual((policy["length_preset"], policy["length_preset_label"]), ("house", "本单位规定"))
        draft = {"title": "示范县寒假安全提示", "body": "安" * 650, "summary": "摘" * 121,
                 "account_ids": [WECHAT]}
        r = con.post("/api/v1/posts", draft)
        self.assertEqual(r.status, 201, r)
        house_pid = r.json["id"]
        r = con.post(f"/api/v1/posts/{house_pid}/submit")
        self.assertEqual(r.status, 200, r)
        self.assertFalse(any(f["rule"] == "length" for f in r.json["findings"]), r)

        r = admin.put(f"/api/v1/units/{UNIT}/review-policy", {"length_preset": "bogus"})
        self.assertEqual((r.status, r.error_field()), (400, "length_preset"), r)
        self.assertEqual(admin.get(f"/api/v1/units/{UNIT}/review-policy").json, policy)
        r = admin.put(f"/api/v1/units/{UNIT}/review-policy", {"length_preset": "platform"})
        self.assertEqual((r.status, r.json["length_preset"], r.json["levels"]),
                         (200, "platform", policy["levels"]), r)
        r = admin.put(f"/api/v1/units/{UNIT}/review-policy", {"preset": "three_level"})
        self.assertEqual((r.status, r.json["length_preset"]), (200, "platform"), r)
        audit = gmtest.sql(self.srv.db, "SELECT after FROM audit WHERE action='review_policy.set' "
                           "ORDER BY id DESC LIMIT 1")
        self.assertIn("platform", audit[0][0])

        r = con.post("/api/v1/posts", draft)
        pid = r.json["id"]
        r = con.post(f"/api/v1/posts/{pid}/submit")
        self.assertEqual(r.status, 422, r)
        got = {f["field"]: f for f in r.json["findings"] if f["rule"] == "length"}
        self.assertEqual(set(got), {"text", "summary"}, r)
        self.assertEqual((got["text"]["term"], got["summary"]["term"]), ("600", "120"), r)
        self.assertEqual(con.get(f"/api/v1/posts/{pid}").json["state"], "draft")
        # within the platform's limits it goes to review
        r = con.put(f"/api/v1/posts/{pid}", {"body": "安" * 600, "summary": "摘" * 120})
        self.assertEqual(r.status, 200, r)
        r = con.post(f"/api/v1/posts/{pid}/submit")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(con.get(f"/api/v1/posts/{pid}").json["policy"]["length_preset"], "platform")
        admin.put(f"/api/v1/units/{UNIT}/review-policy", {"preset": "standard", "length_preset": "house"})


class LengthPresetsCliTest(unittest.TestCase):
    def run_check(self, *args, text="政" * 601):
        return gmtest.run("check", "--platform", "wechat", "--json", *args, stdin=text)

    def test_rule_3_cli_takes_a_summary_and_a_preset(self):
        """§3.3 `govmedia check --length-preset platform --summary …` holds the text to 600
        and the summary to 120 (exit 1 with findings naming them); the house rule passes the
        same text (exit 0)."""
        p = self.run_check("--title", "标题", "--summary", "摘" * 121)
        self.assertEqual(p.returncode, 0, p.stderr)
        p = self.run_check("--title", "标题", "--summary", "摘" * 121, "--length-preset", "platform")
        self.assertEqual(p.returncode, 1, p.stderr)
        report = json.loads(p.stdout)
        self.assertEqual({f["field"]: f["term"] for f in lengths(report).values()},
                         {"text": "600", "summary": "120"}, report)
        human = gmtest.run("check", "--platform", "wechat", "--length-preset", "platform",
                           "--summary", "摘" * 121, stdin="通知。")
        self.assertEqual(human.returncode, 1, human.stderr)
        self.assertIn("摘要", human.stdout)
        self.assertIn("平台规定", human.stdout)

    def test_rule_3_cli_unknown_preset_exits_2(self):
        """§3.3 bad input: an unknown preset exits 2 naming the option, nothing printed."""
        p = self.run_check("--length-preset", "wechat")
        self.assertEqual((p.returncode, p.stdout), (2, ""), p.stderr)
        self.assertIn("--length-preset", p.stderr)
        p = gmtest.run("check", "--media", "x.jpg", "--summary", "摘要")
        self.assertEqual(p.returncode, 2, p.stderr)
        line = json.dumps({"text": "政" * 601, "platform": "wechat", "length_preset": "platform"})
        p = gmtest.run("check", "--jsonl", stdin=line + "\n")
        self.assertEqual((p.returncode, json.loads(p.stdout)["limit"]), (1, 600), p.stderr)


if __name__ == "__main__":
    unittest.main()
