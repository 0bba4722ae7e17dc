"""REQUIREMENTS §1: "Platform passwords are held by one office and never
leaked; login rights for a live event are delegated by approval and expire
⇒ an encrypted credential vault with access log."  The supervisor (the
holding office) stores an account's login, sealed with a key kept outside
the database; nobody else reads it except under a delegation in force; a
delegation expires or is withdrawn; every reveal is logged and audited, and
no password reaches the database file, the audit trail or a reply that is
not a reveal."""
import glob
import os
import shutil
import tempfile
import time
import unittest

import gmtest

WECHAT = 1
PASSWORD = "S3cret-密码-2026!"


class CredentialVaultTest(gmtest.VaultServerTest):
    def reveal(self, login, reason="直播活动登录"):
        return self.srv.client(login).post(f"/api/v1/accounts/{WECHAT}/credential/reveal", {"reason": reason})

    def test_vault_holds_delegates_expires_and_logs(self):
        """§1.8 the vault holds passwords encrypted, delegates, expires and logs access."""
        sup, op = self.srv.client("supervisor"), self.srv.client("operator")
        self.assertEqual(self.srv.client("operator").put(f"/api/v1/accounts/{WECHAT}/credential",
                                                         {"login": "x", "password": "y"}).status, 403)
        r = sup.put(f"/api/v1/accounts/{WECHAT}/credential",
                    {"login": "gh_sfxjy2026", "password": PASSWORD, "note": "公众号管理员扫码另见保密柜"})
        self.assertEqual((r.status, r.json["stored"]), (200, True), r)
        self.assertNotIn(PASSWORD, r.raw.decode())
        # sealed at rest: not in the database file, its WAL, or the audit trail
        for path in glob.glob(self.srv.db + "*"):
            with open(path, "rb") as f:
                self.assertNotIn(PASSWORD.encode(), f.read(), path)
        self.assertFalse(gmtest.sql(self.srv.db, "SELECT id FROM audit WHERE after LIKE ? OR before LIKE ?",
                                    (f"%{PASSWORD}%", f"%{PASSWORD}%")))
        status = self.srv.client("contributor").get(f"/api/v1/accounts/{WECHAT}/credential").json
        self.assertEqual((status["stored"], status["grants"]), (True, []))
        self.assertNotIn("password", status)
        # only the holding office, or a delegation in force
        self.assertEqual(self.reveal("operator").status, 403)
        r = self.reveal("supervisor", "核对账号信息")
        self.assertEqual((r.status, r.json["login"], r.json["password"]), (200, "gh_sfxjy2026", PASSWORD), r)
        op_id = op.get("/api/v1/session").json["user"]["id"]
        for body, field in [({"user_id": op_id, "expires_at": gmtest.utc_iso(-60), "reason": "直播"}, "expires_at"),
                            ({"user_id": op_id, "expires_at": gmtest.utc_iso(40 * 86400), "reason": "直播"}, "expires_at"),
                            ({"user_id": 999999, "expires_at": gmtest.utc_iso(3600), "reason": "直播"}, "user_id"),
                            ({"user_id": op_id, "expires_at": gmtest.utc_iso(3600)}, "reason")]:
            r = sup.post(f"/api/v1/accounts/{WECHAT}/credential/grants", body)
            self.assertEqual((r.status, r.error_field()), (400, field), (body, r))
        r = sup.post(f"/api/v1/accounts/{WECHAT}/credential/grants",
                     {"user_id": op_id, "expires_at": gmtest.utc_iso(3600), "reason": "11月25日政策解读直播"})
        self.assertEqual(r.status, 200, r)
        [grant] = r.json["grants"]
        self.assertEqual((grant["user_id"], grant["user_login"]), (op_id, "operator"))
        r = self.reveal("operator")
        self.assertEqual((r.status, r.json["password"]), (200, PASSWORD), r)
        self.assertEqual(self.reveal("depthead").status, 403)        # not delegated to them
        # withdrawn at once
        r = sup.delete(f"/api/v1/accounts/{WECHAT}/credential/grants/{grant['id']}")
        self.assertEqual((r.status, r.json["grants"]), (200, []), r)
        self.assertEqual(self.reveal("operator").status, 403)
        # a delegation expires by itself
        r = sup.post(f"/api/v1/accounts/{WECHAT}/credential/grants",
                     {"user_id": op_id, "expires_at": gmtest.utc_iso(2), "reason": "短时测试授权"})
        self.assertEqual(r.status, 200, r)
        time.sleep(3)
        self.assertEqual(self.reveal("operator").status, 403)
        # every reveal is logged, newest first, with the delegation used
        log = sup.get(f"/api/v1/accounts/{WECHAT}/credential/access").json["access"]
        self.assertEqual([(a["login"], a["grant_id"] is not None) for a in log],
                         [("operator", True), ("supervisor", False)])
        self.assertEqual(log[0]["actor_name"], op.get("/api/v1/session").json["user"]["display_name"])
        self.assertEqual(self.srv.client("operator").get(f"/api/v1/accounts/{WECHAT}/credential/access").status, 403)
        audit = gmtest.sql(self.srv.db, "SELECT action, login FROM audit WHERE action LIKE 'credential.%' ORDER BY id")
        self.assertEqual([a for a, _ in audit], ["credential.set", "credential.reveal", "credential.grant",
                                                 "credential.reveal", "credential.revoke", "credential.grant"])

    def test_without_a_key_nothing_is_stored(self):
        srv = gmtest.Server().start()
        try:
            r = srv.client("supervisor").put(f"/api/v1/accounts/{WECHAT}/credential",
                                             {"login": "gh_x", "password": "pw-1234"})
            self.assertEqual((r.status, r.error_field()), (409, "vault"), r)
            self.assertIn("GOVMEDIA_VAULT_KEY", r.json["error"]["message"])
            self.assertEqual(gmtest.sql(srv.db, "SELECT COUNT(*) FROM credentials"), [(0,)])
        finally:
            srv.cleanup()

    def test_key_rotation_reseals_every_login_under_the_new_key(self):
        """A real office changes the vault's key now and then (or when a holder
        leaves): `govmedia vault rekey` seals every held login again under the
        new key in one go; a wrong old key changes nothing."""
        d = tempfile.TemporaryDirectory()
        key, new, wrong = (os.path.join(d.name, n) for n in ("vault.key", "new.key", "wrong.key"))
        for p in (key, new, wrong):
            with open(p, "wb") as f:
                f.write(os.urandom(32))
        os.environ["GOVMEDIA_VAULT_KEY"] = key
        try:
            srv = gmtest.Server().start()
        finally:
            del os.environ["GOVMEDIA_VAULT_KEY"]
        try:
            sup = srv.client("supervisor")
            for acc in (1, 2):
                r = sup.put(f"/api/v1/accounts/{acc}/credential", {"login": f"gh_{acc}", "password": PASSWORD})
                self.assertEqual(r.status, 200, r)
            sealed = gmtest.sql(srv.db, "SELECT account_id, sealed FROM credentials ORDER BY 1")
            audit = gmtest.sql(srv.db, "SELECT COUNT(*) FROM audit")[0][0]
            # refused: a wrong old key, the same key twice, a missing option — nothing changes
            p = gmtest.run("vault", "rekey", "--db", srv.db, "--old-key", wrong, "--new-key", new)
            self.assertEqual(p.returncode, 2, p)
            self.assertIn("旧密钥", p.stderr)
            p = gmtest.run("vault", "rekey", "--db", srv.db, "--old-key", key, "--new-key", key)
            self.assertEqual(p.returncode, 2, p)
            p = gmtest.run("vault", "rekey", "--db", srv.db, "--old-key", key)
            self.assertEqual(p.returncode, 2, p)
            self.assertIn("--new-key", p.stderr)
            self.assertEqual(gmtest.sql(srv.db, "SELECT account_id, sealed FROM credentials ORDER BY 1"), sealed)
            self.assertEqual(gmtest.sql(srv.db, "SELECT COUNT(*) FROM audit")[0][0], audit)
            # the rotation, while the server runs
            p = gmtest.run("vault", "rekey", "--db", srv.db, "--old-key", key, "--new-key", new)
            self.assertEqual(p.returncode, 0, p)
            self.assertIn("2 个账号", p.stdout)
            after = gmtest.sql(srv.db, "SELECT account_id, sealed FROM credentials ORDER BY 1")
            self.assertEqual([a for a, _ in after], [1, 2])
            self.assertTrue(all(x != y for (_, x), (_, y) in zip(sealed, after)))
            # the old key opens nothing any more; with the new key in place the logins read back
            r = sup.post("/api/v1/accounts/1/credential/reveal", {"reason": "核对"})
            self.assertEqual((r.status, r.error_field()), (409, "vault"), r)
            shutil.copyfile(new, key)
            for acc in (1, 2):
                r = sup.post(f"/api/v1/accounts/{acc}/credential/reveal", {"reason": "换密钥后核对"})
                self.assertEqual((r.status, r.json.get("password")), (200, PASSWORD), r)
            rows = gmtest.sql(srv.db, "SELECT login, after FROM audit WHERE action='credential.rekey'")
            self.assertEqual(len(rows), 1, rows)
            self.assertIn('"resealed":2', rows[0][1])
            self.assertNotIn(PASSWORD, rows[0][1])
        finally:
            srv.cleanup()
            d.cleanup()


if __name__ == "__main__":
    unittest.main()
