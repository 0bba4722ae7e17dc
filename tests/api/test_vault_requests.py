"""REQUIREMENTS §1: "login rights for a live event are delegated BY APPROVAL
and expire".  An operator asks the holding office (信息中心) for the
account's login until a time, with a reason; the office is notified and
approves - the delegation exists at once and lets the operator reveal the
login until then - or rejects with a reason; the operator is told either
way; every step is audited; bad requests are refused naming the field and
change nothing."""
import unittest

import gmtest

WECHAT = 1
PASSWORD = "Live-直播-2026!"


def count(db, table):
    return gmtest.sql(db, f"SELECT COUNT(*) FROM {table}")[0][0]


class CredentialRequestTest(gmtest.VaultServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        sup = cls.srv.client("supervisor")
        assert sup.put(f"/api/v1/accounts/{WECHAT}/credential",
                       {"login": "gh_live", "password": PASSWORD}).status == 200

    def base(self, tail=""):
        return f"/api/v1/accounts/{WECHAT}/credential{tail}"

    def test_delegation_by_approval_request_approve_reveal(self):
        """§1.8 login rights are delegated by approval."""
        op, sup = self.srv.client("operator"), self.srv.client("supervisor")
        r = op.post(self.base("/requests"), {"expires_at": gmtest.utc_iso(3600), "reason": "政策解读直播"})
        self.assertEqual(r.status, 201, r)
        req = next(x for x in r.json["requests"] if x["state"] == "pending")
        self.assertEqual((req["user_login"], req["state_label"]), ("operator", "待批准"))
        # no delegation yet: the operator may not look
        self.assertEqual(op.post(self.base("/reveal"), {"reason": "直播"}).status, 403)
        # a second request while one is pending
        r2 = op.post(self.base("/requests"), {"expires_at": gmtest.utc_iso(3600), "reason": "再申请"})
        self.assertEqual((r2.status, r2.error_field()), (409, "id"), r2)
        # the holding office heard of it
        notes = sup.get("/api/v1/notifications").json["notifications"]
        self.assertTrue(any(n["kind"] == "credential.request" and "政策解读直播" in n["body"] for n in notes))
        # only the holding office decides
        self.assertEqual(op.post(self.base(f"/requests/{req['id']}/approve"), {}).status, 403)
        r = sup.post(self.base(f"/requests/{req['id']}/approve"), {})
        self.assertEqual(r.status, 200, r)
        done = next(x for x in r.json["requests"] if x["id"] == req["id"])
        self.assertEqual((done["state"], done["decided_by"]), ("approved", "supervisor"))
        self.assertTrue(any(g["user_login"] == "operator" and g["id"] == done["grant_id"] for g in r.json["grants"]))
        r = op.post(self.base("/reveal"), {"reason": "政策解读直播登录"})
        self.assertEqual((r.status, r.json.get("password")), (200, PASSWORD), r)
        # decided once
        r = sup.post(self.base(f"/requests/{req['id']}/reject"), {"reason": "晚了"})
        self.assertEqual((r.status, r.error_field()), (409, "state"), r)
        self.assertTrue(any(n["kind"] == "credential.approved"
                            for n in op.get("/api/v1/notifications").json["notifications"]))
        actions = [a for (a,) in gmtest.sql(self.srv.db, "SELECT action FROM audit WHERE action LIKE "
                                                         "'credential.request%' ORDER BY id")]
        self.assertEqual(actions[:2], ["credential.request", "credential.request_approve"])

    def test_rejection_needs_a_reason_and_tells_the_asker(self):
        c, sup = self.srv.client("contributor"), self.srv.client("supervisor")
        # contributors do not run accounts: no request
        self.assertEqual(c.post(self.base("/requests"), {"expires_at": gmtest.utc_iso(3600),
                                                         "reason": "想看看"}).status, 403)
        op2 = self.srv.client("operator")
        r = op2.post(self.base("/requests"), {"expires_at": gmtest.utc_iso(7200), "reason": "周末值守发布"})
        if r.status == 409:   # the other test's request is still pending: decide it first
            pend = next(x for x in op2.get(self.base()).json["requests"] if x["state"] == "pending")
            sup.post(self.base(f"/requests/{pend['id']}/reject"), {"reason": "合并处理"})
            r = op2.post(self.base("/requests"), {"expires_at": gmtest.utc_iso(7200), "reason": "周末值守发布"})
        self.assertEqual(r.status, 201, r)
        rid = next(x["id"] for x in r.json["requests"] if x["state"] == "pending")
        before = count(self.srv.db, "audit")
        r = sup.post(self.base(f"/requests/{rid}/reject"), {})
        self.assertEqual((r.status, r.error_field()), (400, "reason"), r)
        self.assertEqual(count(self.srv.db, "audit"), before)
        r = sup.post(self.base(f"/requests/{rid}/reject"), {"reason": "周末由信息中心值守"})
        self.assertEqual(r.status, 200, r)
        row = next(x for x in r.json["requests"] if x["id"] == rid)
        self.assertEqual((row["state"], row["state_label"], row["decision_reason"], row["grant_id"]),
                         ("rejected", "已驳回", "周末由信息中心值守", None))
        self.assertTrue(any(n["kind"] == "credential.rejected" and "周末由信息中心值守" in n["body"]
                            for n in op2.get("/api/v1/notifications").json["notifications"]))

    def test_bad_requests_name_the_field_and_change_nothing(self):
        op, sup = self.srv.client("operator"), self.srv.client("supervisor")   # logins are audited
        before = (count(self.srv.db, "audit"), count(self.srv.db, "credential_requests"))
        for body, field in (({"reason": "直播"}, "expires_at"),
                            ({"expires_at": gmtest.utc_iso(-60), "reason": "直播"}, "expires_at"),
                            ({"expires_at": gmtest.utc_iso(40 * 86400), "reason": "直播"}, "expires_at"),
                            ({"expires_at": "明天", "reason": "直播"}, "expires_at"),
                            ({"expires_at": gmtest.utc_iso(3600)}, "reason"),
                            ({"expires_at": gmtest.utc_iso(3600), "reason": "直播", "user_id": 1}, "user_id")):
            r = op.post(self.base("/requests"), body)
            self.assertEqual((r.status, r.error_field()), (400, field), (body, r))
        r = sup.post(self.base("/requests/98765/approve"), {})
        self.assertEqual((r.status, r.error_field()), (404, "request_id"), r)
        self.assertEqual((count(self.srv.db, "audit"), count(self.srv.db, "credential_requests")), before)


if __name__ == "__main__":
    unittest.main()
