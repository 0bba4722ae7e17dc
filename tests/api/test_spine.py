"""Spine API scenarios: sessions, CSRF, lockout, strict JSON, limits, health.

Each test names the rule of issue 3 / REQUIREMENTS.md it checks.
"""
import sys
import os
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402


class SpineTest(gmtest.ServerTest):
    def audit_count(self):
        return gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM audit")[0][0]

    def test_health_reports_schema_version(self):
        r = self.srv.client().get("/api/v1/health")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json["status"], "ok")
        self.assertGreaterEqual(r.json["schema_version"], 1)

    def test_session_cookie_is_httponly_samesite_strict_256bit(self):
        c = self.srv.client()
        r = c.login("admin")
        self.assertEqual(r.status, 201)
        cookie = r.headers["Set-Cookie"]
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Strict", cookie)
        token = cookie.split("gm_session=")[1].split(";")[0]
        self.assertRegex(token, r"^[0-9a-f]{64}$")
        self.assertRegex(r.json["csrf_token"], r"^[0-9a-f]{64}$")
        # The store keeps only a hash of the token.
        stored = gmtest.sql(self.srv.db, "SELECT token_hash FROM sessions")
        self.assertNotIn(token, [row[0] for row in stored])

    def test_cookie_secure_option_marks_the_cookie_for_https(self):
        self.assertNotIn("Secure", self.srv.client().login("admin").headers["Set-Cookie"])
        srv = gmtest.Server().start(extra_args=["--cookie-secure"])
        try:
            c = srv.client()
            self.assertIn("; Secure", c.login("admin").headers["Set-Cookie"])
        finally:
            srv.cleanup()

    def test_login_wrong_password_is_401_and_does_not_reveal_login(self):
        c = self.srv.client()
        a = c.login("leader", "wrong-password-123")
        b = c.login("nobody-here", "wrong-password-123")
        self.assertEqual(a.status, 401)
        self.assertEqual(b.status, 401)
        self.assertEqual(a.json["error"]["message"], b.json["error"]["message"])

    def test_lockout_after_repeated_failures(self):
        c = self.srv.client()
        for _ in range(5):
            self.assertEqual(c.login("principal", "not-the-password").status, 401)
        r = c.login("principal")  # right password, but locked now
        self.assertEqual(r.status, 423, r)
        self.assertEqual(r.json["error"]["code"], "locked")
        locked = gmtest.sql(self.srv.db, "SELECT locked_until FROM users WHERE login='principal'")
        self.assertIsNotNone(locked[0][0])
        actions = [a for (a,) in gmtest.sql(self.srv.db, "SELECT action FROM audit "
                                                         "WHERE object_id=(SELECT id FROM users WHERE login='principal')")]
        self.assertIn("session.locked", actions)
        # Unlock for other tests: the admin resets the password.
        gmtest.sql(self.srv.db, "UPDATE users SET locked_until=NULL WHERE login='principal'")
        gmtest.sql(self.srv.db, "DELETE FROM login_failures WHERE login='principal'")

    def test_logout_ends_session_server_side(self):
        c = self.srv.client("observer")
        self.assertEqual(c.get("/api/v1/session").status, 200)
        self.assertEqual(c.delete("/api/v1/session").status, 200)
        self.assertEqual(c.get("/api/v1/session").status, 401)

    def test_write_without_csrf_token_is_refused_and_changes_nothing(self):
        c = self.srv.client("admin")
        before = self.audit_count()
        r = c.post("/api/v1/units", {"name": "无令牌单位", "kind": "department", "parent_id": 3}, csrf=False)
        self.assertEqual(r.status, 403)
        self.assertEqual(r.error_field(), "X-CSRF-Token")
        r = c.post("/api/v1/units", {"name": "错令牌单位", "kind": "department", "parent_id": 3},
                   headers={"X-CSRF-Token": "0" * 64})
        self.assertEqual(r.status, 403)
        self.assertEqual(self.audit_count(), before)
        self.assertEqual(gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM units WHERE name LIKE '%令牌单位'")[0][0], 0)

    def test_unauthenticated_is_401(self):
        r = self.srv.client().get("/api/v1/units")
        self.assertEqual(r.status, 401)
        self.assertEqual(r.json["error"]["code"], "unauthenticated")

    def test_unknown_route_404_and_wrong_method_405(self):
        c = self.srv.client("admin")
        self.assertEqual(c.get("/api/v1/nothing-here").status, 404)
        r = c.request("PATCH", "/api/v1/units", {"x": 1})
        self.assertEqual(r.status, 405)
        self.assertEqual(r.headers["Allow"], "GET, POST")

    def bad_write(self, body=None, raw=None):
        c = self.srv.client("admin")
        before = (self.audit_count(), gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM units")[0][0])
        r = c.post("/api/v1/units", body, raw=raw)
        after = (self.audit_count(), gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM units")[0][0])
        self.assertEqual(before, after, "a refused write changed the database")
        return r

    def test_malformed_json_is_400(self):
        r = self.bad_write(raw=b'{"name": "x", "kind": ')
        self.assertEqual(r.status, 400)
        self.assertEqual(r.json["error"]["code"], "invalid")
        self.assertEqual(r.error_field(), "body")

    def test_unknown_field_is_400_naming_it(self):
        r = self.bad_write({"name": "x", "kind": "department", "parent_id": 3, "colour": "red"})
        self.assertEqual(r.status, 400)
        self.assertEqual(r.error_field(), "colour")

    def test_empty_field_name_is_400(self):
        # Found by tests/fuzz/fuzz_json_body.c: an empty key used to be "named" as "".
        r = self.bad_write(raw=b'{"":1,"name":"x","kind":"department","parent_id":3}')
        self.assertEqual(r.status, 400)
        self.assertEqual(r.error_field(), "body")

    def test_wrong_type_is_400_naming_field(self):
        r = self.bad_write({"name": "x", "kind": "department", "parent_id": "3"})
        self.assertEqual(r.status, 400)
        self.assertEqual(r.error_field(), "parent_id")

    def test_missing_required_field_is_400_naming_field(self):
        r = self.bad_write({"kind": "department", "parent_id": 3})
        self.assertEqual(r.status, 400)
        self.assertEqual(r.error_field(), "name")

    def test_invalid_value_is_400_naming_field(self):
        r = self.bad_write({"name": "x", "kind": "galaxy", "parent_id": 3})
        self.assertEqual(r.status, 400)
        self.assertEqual(r.error_field(), "kind")

    def test_invalid_utf8_is_400_with_byte_offset(self):
        r = self.bad_write(raw=b'{"name":"\xe4\xb8","kind":"department","parent_id":3}')
        self.assertEqual(r.status, 400)
        self.assertIn("UTF-8", r.json["error"]["message"])
        self.assertIn("9", r.json["error"]["message"])

    def test_duplicate_keys_are_400(self):
        r = self.bad_write(raw=b'{"name":"a","name":"b","kind":"department","parent_id":3}')
        self.assertEqual(r.status, 400)

    def test_body_over_limit_is_413(self):
        r = self.bad_write(raw=b'{"name":"' + b"a" * (2 * 1024 * 1024) + b'"}')
        self.assertEqual(r.status, 413)
        self.assertEqual(r.json["error"]["code"], "too_large")

    def test_duplicate_unit_name_is_409(self):
        c = self.srv.client("admin")
        body = {"name": "重名单位", "kind": "department", "parent_id": 3}
        self.assertEqual(c.post("/api/v1/units", body).status, 201)
        r = c.post("/api/v1/units", body)
        self.assertEqual(r.status, 409)
        self.assertEqual(r.error_field(), "name")

    def test_every_state_change_writes_an_audit_row_with_actor_and_address(self):
        c = self.srv.client("admin")
        before = self.audit_count()
        r = c.post("/api/v1/units", {"name": "审计单位", "kind": "department", "parent_id": 3})
        self.assertEqual(r.status, 201)
        rows = gmtest.sql(self.srv.db, "SELECT login, role, unit_id, action, object_type, object_id, "
                                       "after, client_addr FROM audit ORDER BY id DESC LIMIT 1")
        self.assertEqual(self.audit_count(), before + 1)
        login, role, unit_id, action, otype, oid, after, addr = rows[0]
        self.assertEqual((login, role, unit_id, action, otype), ("admin", "admin", 1, "unit.add", "unit"))
        self.assertEqual(oid, str(r.json["id"]))
        self.assertIn("审计单位", after)
        self.assertEqual(addr, "127.0.0.1")

    def test_supervisor_reach_is_subtree_only(self):
        # supervisor sits at 示范市 (unit 2): sees 2 and below, not the province (1).
        c = self.srv.client("supervisor")
        ids = {u["id"] for u in c.get("/api/v1/units").json["units"]}
        self.assertIn(2, ids)
        self.assertIn(4, ids)
        self.assertNotIn(1, ids)
        # contributor sees only its own unit.
        ids = {u["id"] for u in self.srv.client("contributor").get("/api/v1/units").json["units"]}
        self.assertEqual(ids, {4})

    def test_admin_cannot_grant_outside_reach(self):
        srv = self.srv
        admin = srv.client("admin")
        r = admin.post("/api/v1/units", {"name": "县信息中心", "kind": "department", "parent_id": 3})
        unit = r.json["id"]
        r = admin.post("/api/v1/users", {"login": "countyadmin", "display_name": "县管理员",
                                         "password": "county-admin-pw-1",
                                         "roles": [{"role": "admin", "unit_id": 3}]})
        self.assertEqual(r.status, 201, r)
        county = srv.client("countyadmin", "county-admin-pw-1")
        r = county.post("/api/v1/users", {"login": "cityuser", "display_name": "市用户",
                                          "password": "city-user-pw-12",
                                          "roles": [{"role": "observer", "unit_id": 2}]})
        self.assertEqual(r.status, 403, r)
        r = county.post("/api/v1/users", {"login": "countyuser", "display_name": "县用户",
                                          "password": "county-user-pw-1",
                                          "roles": [{"role": "observer", "unit_id": unit}]})
        self.assertEqual(r.status, 201, r)
        # ...nor reset the password of someone above.
        r = county.put("/api/v1/users/1/password", {"password": "takeover-attempt-1"})
        self.assertEqual(r.status, 403)

    def test_new_user_password_policy(self):
        r = self.srv.client("admin").post("/api/v1/users", {
            "login": "shortpw", "display_name": "短密码", "password": "123",
            "roles": [{"role": "observer", "unit_id": 1}]})
        self.assertEqual(r.status, 400)
        self.assertEqual(r.error_field(), "password")

    def test_passwords_are_argon2id_hashes(self):
        hashes = [h for (h,) in gmtest.sql(self.srv.db, "SELECT pw_hash FROM users")]
        self.assertTrue(hashes)
        for h in hashes:
            self.assertTrue(h.startswith("$argon2id$"), h)

    def test_static_console_served_and_path_traversal_refused(self):
        c = self.srv.client()
        r = c.get("/")
        self.assertEqual(r.status, 200)
        self.assertIn("text/html", r.headers["Content-Type"])
        r = c.get("/../CMakeLists.txt")
        self.assertIn(r.status, (400, 404))


if __name__ == "__main__":
    unittest.main(verbosity=2)
