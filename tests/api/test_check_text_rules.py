"""Rules of REQUIREMENTS §3 that no API test walked by name (scripts/rules_named.py):
length limits per platform counted in code points, personal data of every kind
the rule lists (with the checksums that tell a number from an ID), and the
unverified-information markers, each through POST /api/v1/check as the editor's
live check calls it and through a draft's submission as a reviewer meets it."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402

WECHAT = 1                     # the demo's 示范县教育发布 (unit 4, filed)


def luhn_ok(digits):
    """The Luhn check a bank card number passes (computed here, not copied)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def id_check_char(first17):
    """GB 11643 check character of a resident ID number's first 17 digits."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights)) % 11]


class TextRulesTest(gmtest.ServerTest):
    def check(self, **body):
        r = self.srv.client("contributor").post("/api/v1/check", body)
        self.assertEqual(r.status, 200, r)
        return r.json

    def by_rule(self, reply, rule):
        return [f for f in reply["findings"] if f["rule"] == rule]

    def test_rule_3_length_limits_count_code_points_and_wechat_counts_the_title(self):
        """§3.3 Weibo <= 140 characters; WeChat <= 680 characters including the title and
        punctuation; counted in code points (a Chinese character is 3 bytes, an emoji 4)."""
        title = "关于寒假安全的提示!"                              # 10 code points, 28 bytes
        at = self.check(text="政" * 669 + "。", title=title, platform="wechat")
        self.assertEqual((at["ok"], at["chars"], at["limit"], self.by_rule(at, "length")),
                         (True, 680, 680, []), at)
        over = self.check(text="政" * 670 + "。", title=title, platform="wechat")
        self.assertEqual((over["ok"], over["chars"], over["limit"]), (False, 681, 680), over)
        [f] = self.by_rule(over, "length")
        self.assertEqual((f["severity"], f["field"], f["start"], f["end"]), ("block", "text", 670, 671), f)
        self.assertIn("含标题", f["message"])
        # Weibo: the title does not count, an emoji is one character
        emoji = "😀" * 140
        self.assertEqual(len(emoji.encode()), 560)
        at = self.check(text=emoji, title="标题" * 30, platform="weibo")
        self.assertEqual((at["ok"], at["chars"], at["limit"]), (True, 140, 140), at)
        over = self.check(text=emoji + "!", platform="weibo")
        [f] = self.by_rule(over, "length")
        self.assertEqual((over["ok"], over["chars"], f["start"], f["end"]), (False, 141, 140, 141), over)
        # a platform without a limit counts but never blocks on length
        free = self.check(text="政" * 5000, platform="toutiao")
        self.assertEqual((free["limit"], free["chars"], self.by_rule(free, "length")), (None, 5000, []), free)

    def test_rule_3_length_over_the_limit_stops_a_drafts_submission(self):
        """§3.3 §3.9 a WeChat draft one character over 680 (title included) is refused at
        submission naming the length, and nothing moves; one character less goes to review."""
        con = self.srv.client("contributor")
        title = "示范县寒假安全提示"                                 # 9 code points
        r = con.post("/api/v1/posts", {"title": title, "body": "安" * 672, "account_ids": [WECHAT]})
        self.assertEqual(r.status, 201, r)
        pid = r.json["id"]
        r = con.post(f"/api/v1/posts/{pid}/submit")
        self.assertEqual(r.status, 422, r)
        self.assertTrue(any(f["rule"] == "length" and f["severity"] == "block" for f in r.json["findings"]), r)
        self.assertEqual(con.get(f"/api/v1/posts/{pid}").json["state"], "draft")
        # the refused check is on the record (who ran it, what blocked), the draft did not move
        steps = con.get(f"/api/v1/posts/{pid}/history").json["steps"]
        self.assertEqual([s["action"] for s in steps][-1:], ["check"], steps)
        self.assertEqual(gmtest.count(self.srv.db, "post_steps", "post_id=? AND action='submit'", (pid,)), 0)
        self.assertEqual(con.put(f"/api/v1/posts/{pid}", {"body": "安" * 671}).status, 200)
        r = con.post(f"/api/v1/posts/{pid}/submit")
        self.assertEqual(r.status, 200, r)
        self.assertFalse(any(f["rule"] == "length" for f in r.json["findings"]), r)

    def test_rule_3_personal_data_of_every_kind_is_flagged_and_the_masked_text_offered(self):
        """§3.7 resident ID numbers (with checksum), mobile numbers, bank card numbers (Luhn)
        and addresses are flagged for de-identification and the masked text is offered; a
        number that fails its checksum is not taken for an ID or a card."""
        first17 = "11010519491231002"
        good_id = first17 + id_check_char(first17)
        bad_id = first17 + next(c for c in "0123456789X" if c != id_check_char(first17))
        card_base = "622202123456789012"
        good_card = next(card_base + c for c in "0123456789" if luhn_ok(card_base + c))
        bad_card = next(card_base + c for c in "0123456789" if not luhn_ok(card_base + c))
        mobile = "13912345678"
        address_tail = "27号3单元502室"
        text = (f"当事人身份证号{good_id},另号{bad_id};手机{mobile};银行卡{good_card},另卡{bad_card};"
                f"住址北京市海淀区中关村大街{address_tail}。")
        r = self.check(text=text)
        got = {f["category"]: f for f in self.by_rule(r, "privacy")}
        self.assertEqual(set(got), {"id_card", "mobile", "bank_card", "address"}, r)
        self.assertEqual((got["id_card"]["match"], got["mobile"]["match"], got["bank_card"]["match"],
                          got["address"]["match"]), (good_id, mobile, good_card, address_tail))
        for f in got.values():
            self.assertEqual(text[f["start"]:f["end"]], f["match"], f)
            self.assertNotEqual(f["replacement"], f["match"], f)
            self.assertEqual(f["severity"], "warn", f)
        masked = r["masked"]
        for secret in (good_id, mobile, good_card, address_tail):
            self.assertNotIn(secret, masked)
        for kept in (bad_id, bad_card, "北京市海淀区中关村大街"):
            self.assertIn(kept, masked)
        self.assertEqual(len(masked), len(text))

    def test_rule_3_unverified_information_markers_warn_and_need_a_recorded_override(self):
        """§3.8 §3.9 unverified-information markers (网传, 未经证实) are warnings of the rumour
        category that a reviewer passes only with a recorded reason; a rumour-spreading call
        (不转不是中国人) blocks the submission."""
        r = self.check(text="网传本县明日全天停水,目前未经证实,请以官方通知为准。")
        marks = {f["match"]: f for f in self.by_rule(r, "lexicon") if f["category"] == "rumour"}
        self.assertEqual(set(marks), {"网传", "未经证实"}, r)
        self.assertEqual({f["severity"] for f in marks.values()}, {"warn"})
        self.assertTrue(r["ok"], r)
        con, head = self.srv.client("contributor"), self.srv.client("depthead")
        r = con.post("/api/v1/posts", {"title": "关于停水传言的说明", "account_ids": [WECHAT],
                                       "body": "网传本县明日全天停水,经核实,该消息未经证实,请以自来水公司通知为准。"})
        self.assertEqual(r.status, 201, r)
        pid = r.json["id"]
        r = con.post(f"/api/v1/posts/{pid}/submit")
        self.assertEqual(r.status, 200, r)
        self.assertTrue(any(f["category"] == "rumour" and f["severity"] == "warn" for f in r.json["findings"]), r)
        before = gmtest.count(self.srv.db, "audit")
        r = head.post(f"/api/v1/posts/{pid}/approve", {})
        self.assertEqual((r.status, r.error_field()), (400, "override_reason"), r)
        self.assertEqual(gmtest.count(self.srv.db, "audit"), before)
        r = head.post(f"/api/v1/posts/{pid}/approve", {"override_reason": "辟谣说明,已向水务公司核实"})
        self.assertEqual(r.status, 200, r)
        steps = con.get(f"/api/v1/posts/{pid}/history").json["steps"]
        self.assertEqual(steps[-1]["override_reason"], "辟谣说明,已向水务公司核实", steps)
        r = con.post("/api/v1/posts", {"title": "紧急通知", "account_ids": [WECHAT],
                                       "body": "紧急通知,不转不是中国人!"})
        pid = r.json["id"]
        r = con.post(f"/api/v1/posts/{pid}/submit")
        self.assertEqual(r.status, 422, r)
        self.assertTrue(any(f["category"] == "rumour" and f["severity"] == "block" for f in r.json["findings"]), r)
        self.assertEqual(con.get(f"/api/v1/posts/{pid}").json["state"], "draft")


if __name__ == "__main__":
    unittest.main()
