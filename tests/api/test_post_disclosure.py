"""REQUIREMENTS §2 (seed 002: 除惩戒公示、强制性信息披露外 personal information is
de-identified): a post that declares it is a lawful disclosure, with the kind
and the legal basis, keeps its personal data.  The privacy findings are then
accepted by the declaration (still listed, no override needed), the reviewer
sees the declaration, the audit trail records it; without a declaration the
same text warns as before; a bad declaration is refused naming the field.
"""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402

WECHAT = 1
BASIS = "《中华人民共和国行政处罚法》第四十八条"
BODY = ("行政处罚决定公示:当事人张某某,身份证号 11010519491231002X,联系电话 13812345678,"
        "因违规经营被处以罚款。")


def audit_count(db):
    return gmtest.sql(db, "SELECT COUNT(*) FROM audit")[0][0]


class PostDisclosureTest(gmtest.ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.author = cls.srv.client("contributor")
        cls.head = cls.srv.client("depthead")
        cls.n = 0

    def draft(self, **extra):
        PostDisclosureTest.n += 1
        body = {"title": f"行政处罚决定公示({self.n})", "body": BODY, "account_ids": [WECHAT]}
        body.update(extra)
        r = self.author.post("/api/v1/posts", body)
        self.assertEqual(r.status, 201, r)
        return r.json["id"]

    def privacy(self, findings):
        return [f for f in findings if f["rule"] == "privacy"]

    def test_punishment_disclosure_keeps_personal_data_accepted_by_declaration(self):
        """§2.8 personal data stays in a declared punishment disclosure."""
        pid = self.draft(disclosure_type="punishment", disclosure_basis=BASIS)
        s = self.author.post(f"/api/v1/posts/{pid}/submit")
        self.assertEqual(s.status, 200, s)
        found = self.privacy(s.json["findings"])
        self.assertGreaterEqual(len(found), 2, s.json["findings"])   # still visible
        for f in found:
            self.assertEqual((f["severity"], f["accepted"]), ("info", "disclosure"), f)
            self.assertIn("惩戒公示", f["accepted_label"])
        # the reviewer sees the declaration and needs no override for accepted findings
        d = self.head.get(f"/api/v1/posts/{pid}").json
        self.assertEqual(d["disclosure"], {"type": "punishment", "label": "惩戒公示", "basis": BASIS})
        self.assertEqual(d["versions"][0]["disclosure"]["type"], "punishment")
        self.assertTrue(all(f.get("accepted") == "disclosure" for f in
                            self.privacy(d["versions"][0]["findings"])))
        r = self.head.post(f"/api/v1/posts/{pid}/approve", {"note": "依法公示"})
        self.assertEqual(r.status, 200, r)
        # the audit trail records the declaration at drafting and at submission
        for action in ("post.create", "post.submit"):
            after = gmtest.sql(self.srv.db, "SELECT after FROM audit WHERE action=? AND object_id=?",
                               (action, str(pid)))
            self.assertTrue(after, action)
            self.assertEqual(json.loads(after[0][0]).get("disclosure", {}).get("basis"), BASIS, (action, after))

    def test_mandatory_disclosure_is_the_second_kind(self):
        pid = self.draft(disclosure_type="mandatory", disclosure_basis="《政府信息公开条例》第二十条")
        s = self.author.post(f"/api/v1/posts/{pid}/submit").json
        self.assertTrue(all("强制性信息披露" in f["accepted_label"] for f in self.privacy(s["findings"])))

    def test_without_declaration_personal_data_still_warns_and_needs_an_override(self):
        """§2.8 §3.7 §3.9 undeclared personal data warns and needs an override reason."""
        pid = self.draft()
        s = self.author.post(f"/api/v1/posts/{pid}/submit").json
        self.assertTrue(self.privacy(s["findings"]))
        self.assertTrue(all(f["severity"] == "warn" and "accepted" not in f
                            for f in self.privacy(s["findings"])))
        self.assertIsNone(self.head.get(f"/api/v1/posts/{pid}").json["disclosure"])
        before = audit_count(self.srv.db)
        r = self.head.post(f"/api/v1/posts/{pid}/approve", {})
        self.assertEqual((r.status, r.error_field()), (400, "override_reason"), r)
        self.assertEqual(audit_count(self.srv.db), before)

    def test_bad_declaration_is_refused_naming_the_field_and_nothing_changes(self):
        before = audit_count(self.srv.db)
        posts = gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM posts")[0][0]
        base = {"title": "公示", "body": BODY, "account_ids": [WECHAT]}
        for extra, field in (({"disclosure_type": "gossip", "disclosure_basis": BASIS}, "disclosure_type"),
                             ({"disclosure_type": "punishment"}, "disclosure_basis"),
                             ({"disclosure_type": "punishment", "disclosure_basis": ""}, "disclosure_basis"),
                             ({"disclosure_basis": BASIS}, "disclosure_type"),
                             ({"disclosure_type": 3, "disclosure_basis": BASIS}, "disclosure_type"),
                             ({"disclosure_type": "punishment", "disclosure_basis": "法" * 301},
                              "disclosure_basis")):
            r = self.author.post("/api/v1/posts", {**base, **extra})
            self.assertEqual((r.status, r.error_field()), (400, field), (extra, r))
            self.assertNotRegex(r.json["error"]["message"].split("(")[0], r"[a-z_]{3,}", r)
        self.assertEqual(audit_count(self.srv.db), before)
        self.assertEqual(gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM posts")[0][0], posts)

    def test_edit_withdrawing_the_declaration_makes_personal_data_warn_again(self):
        pid = self.draft(disclosure_type="punishment", disclosure_basis=BASIS)
        r = self.author.put(f"/api/v1/posts/{pid}", {"disclosure_type": None, "disclosure_basis": None})
        self.assertEqual(r.status, 200, r)
        s = self.author.post(f"/api/v1/posts/{pid}/submit").json
        self.assertTrue(all(f["severity"] == "warn" for f in self.privacy(s["findings"])))
        d = self.author.get(f"/api/v1/posts/{pid}").json
        self.assertIsNone(d["disclosure"])
        self.assertEqual(d["versions"][-1]["disclosure"]["type"], "punishment")   # v1 keeps it
        after = gmtest.sql(self.srv.db, "SELECT after FROM audit WHERE action='post.edit' AND object_id=?",
                           (str(pid),))
        self.assertIsNone(json.loads(after[0][0])["disclosure"])


if __name__ == "__main__":
    unittest.main()
