"""Issue 8 (hardening): one regression test per defect, named after its item.

Each test fails on the code before the fix: control characters at any
depth, one damaged row taking a whole list down, unchecked query
parameters, 400 instead of 405, and (further down) leaks across units,
self-grants, sessions that outlive a reset, login counting, audit anchors
and the registry fixes.
"""
import os
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402
from acct_helpers import form, BODIES  # noqa: E402


class InputTest(gmtest.ServerTest):
    """Items 1 and 2: input that corrupted the registry or crashed a reply."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sup = cls.srv.client("supervisor")
        cls.admin = cls.srv.client("admin")

    def assert_bad(self, r, field):
        self.assertEqual(r.status, 400, r)
        self.assertEqual(r.error_field(), field, r)

    def accounts_count(self):
        return gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM accounts")[0][0]

    # ---- item 1: control characters at every depth ----

    def test_item1_nul_in_nested_field_refused_naming_dotted_field(self):
        before = self.accounts_count()
        for who, key in (("responsible", "name"), ("admin", "title"), ("admin", "wechat")):
            f = form(4, "douyin", "示范县教育局抖音")
            f[who] = dict(f[who], **{key: f[who][key] + "\u0000x"})
            self.assert_bad(self.sup.post("/api/v1/accounts", f), f"{who}.{key}")
        f = form(4, "douyin", "示范县教育局抖音")
        f["responsible"] = dict(f["responsible"], name="陈\u0007刚")
        self.assert_bad(self.sup.post("/api/v1/accounts", f), "responsible.name")
        self.assertEqual(self.accounts_count(), before, "nothing may be committed")
        self.assertEqual(self.sup.get("/api/v1/accounts").status, 200)

    def test_item1_nul_in_lifecycle_step_value_refused(self):
        r = self.sup.post("/api/v1/accounts", form(4, "toutiao", "示范县教育局头条"))
        self.assertEqual(r.status, 201, r)
        aid = r.json["id"]
        self.assertEqual(self.sup.post(f"/api/v1/accounts/{aid}/approve", {}).status, 200)
        self.assertEqual(self.sup.post(f"/api/v1/accounts/{aid}/open", BODIES["open"]).status, 200)
        v = self.sup.get(f"/api/v1/accounts/{aid}").json["version"]
        self.assert_bad(self.sup.post(f"/api/v1/accounts/{aid}/certify",
                                      {"date": "2026-09-30\u0000junk"}), "date")
        changes = {"date": "2026-09-29",
                   "admin": dict(BODIES["changes"]["admin"], name="王\u0000五")}
        self.assert_bad(self.sup.post(f"/api/v1/accounts/{aid}/changes", changes), "admin.name")
        self.assertEqual(self.sup.get(f"/api/v1/accounts/{aid}").json["version"], v)

    def test_item1_control_character_in_array_element_names_its_path(self):
        body = {"login": "ctl_user", "display_name": "某人", "password": "Valid-pass-2026!",
                "roles": [{"role": "contributor", "unit_id": 4},
                          {"role": "contri\u0001butor", "unit_id": 4}]}
        self.assert_bad(self.admin.post("/api/v1/users", body), "roles[1].role")

    def test_item1_newline_only_in_multiline_text(self):
        body = {"login": "nl_user", "display_name": "某\n人", "password": "Valid-pass-2026!",
                "roles": [{"role": "contributor", "unit_id": 4}]}
        self.assert_bad(self.admin.post("/api/v1/users", body), "display_name")
        r = self.sup.post("/api/v1/check", {"text": "第一段。\n\t第二段。"})
        self.assertEqual(r.status, 200, r)

    def test_item1_cli_input_goes_through_the_same_gate(self):
        f = form(5, "douyin", "示范县卫健局抖音")
        f["responsible"] = dict(f["responsible"], name="陈\u0000刚")
        del f["unit_id"]
        import json
        p = gmtest.run("account", "apply", "--db", self.srv.db, "--unit", "5", "--input", "-",
                       stdin=json.dumps(f))
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("responsible.name", p.stderr)

    def test_item1_list_survives_one_damaged_row(self):
        ids = [a["id"] for a in self.sup.get("/api/v1/accounts").json["accounts"]]
        self.assertGreaterEqual(len(ids), 2)
        victim = ids[0]
        old = gmtest.sql(self.srv.db, "SELECT record FROM accounts WHERE id=?", (victim,))[0][0]
        gmtest.sql(self.srv.db, "UPDATE accounts SET record=? WHERE id=?",
                   ('{"name":"broken', victim))
        try:
            for who in ("supervisor", "observer"):
                r = self.srv.client(who).get("/api/v1/accounts")
                self.assertEqual(r.status, 200, r)
                rows = {a["id"]: a for a in r.json["accounts"]}
                self.assertTrue(rows[victim]["unreadable"], rows[victim])
                self.assertTrue(all("state" in rows[i] for i in ids[1:]))
            p = gmtest.run("account", "list", "--db", self.srv.db)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("记录已损坏", p.stdout)
        finally:
            gmtest.sql(self.srv.db, "UPDATE accounts SET record=? WHERE id=?", (old, victim))

    # ---- item 2: query parameters and methods ----

    def test_item2_invalid_utf8_query_parameter_is_400_naming_it(self):
        aid = self.sup.get("/api/v1/accounts").json["accounts"][0]["id"]
        for path in (f"/api/v1/accounts/{aid}?as_of=%ff", "/api/v1/accounts?as_of=%ff",
                     "/api/v1/accounts?platform=%ff%fe", f"/api/v1/accounts/{aid}?as_of=2026%0010-01"):
            r = self.sup.get(path)
            self.assertEqual(r.status, 400, (path, r))
            self.assertIn(r.error_field(), ("as_of", "platform"), r)

    def test_item2_bad_date_query_parameter_is_400(self):
        aid = self.sup.get("/api/v1/accounts").json["accounts"][0]["id"]
        for q in ("as_of=zzz", "as_of=2026-02-30", "as_of="):
            self.assert_bad(self.sup.get(f"/api/v1/accounts/{aid}?{q}"), "as_of")
        self.assertEqual(self.sup.get(f"/api/v1/accounts/{aid}?as_of=2026-10-01").status, 200)

    def test_item2_unknown_and_mistyped_query_parameters_are_400(self):
        self.assert_bad(self.sup.get("/api/v1/accounts?colour=red"), "colour")
        self.assert_bad(self.sup.get("/api/v1/accounts?unit_id=abc"), "unit_id")
        self.assert_bad(self.sup.get("/api/v1/accounts?overdue=maybe"), "overdue")
        self.assert_bad(self.sup.get("/api/v1/audit?limit=ten"), "limit")
        self.assert_bad(self.sup.get("/api/v1/audit?before=-3"), "before")
        # a route that declares no parameters still gets the byte checks
        r = self.sup.get("/api/v1/units?x=%01")
        self.assert_bad(r, "x")

    def test_item2_wrong_method_is_405_with_allow(self):
        cases = {("DELETE", "/api/v1/accounts"): {"GET", "POST"},
                 ("PUT", "/api/v1/audit"): {"GET"},
                 ("GET", "/api/v1/accounts/1/approve"): {"POST"},
                 ("DELETE", "/api/v1/accounts/1/qr"): {"GET", "PUT"}}
        for (method, path), allowed in cases.items():
            r = self.sup.request(method, path)
            self.assertEqual(r.status, 405, (method, path, r))
            self.assertEqual(r.json["error"]["code"], "method_not_allowed")
            self.assertEqual({m.strip() for m in r.headers["Allow"].split(",")}, allowed)
        self.assertEqual(self.sup.request("DELETE", "/api/v1/nowhere").status, 404)


if __name__ == "__main__":
    unittest.main()
