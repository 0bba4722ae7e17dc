"""Notifications: the in-app bell and the units' group-robot webhooks.

Issue 10 "Notifications": webhook delivery is a durable outbox retried
with backoff that never blocks the step; a real local HTTP receiver fails
the first attempts and every message must arrive exactly once.
"""
import os
import sys
import json
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402
from robot_receiver import RobotReceiver  # noqa: E402

UNIT = 4   # 示范县教育局


wait_for = gmtest.wait_until


class WebhookTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = gmtest.Server().start(extra_args=("--webhook-retry", "1"))
        cls.sup = cls.srv.client("supervisor")

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def add_hook(self, url, kind="wecom", **extra):
        r = self.sup.post(f"/api/v1/units/{UNIT}/webhooks",
                          {"kind": kind, "name": f"{kind} 群", "url": url, **extra})
        self.assertEqual(r.status, 201, r)
        return r.json["webhooks"][-1]["id"]

    def test_webhook_config_hides_the_robot_key_and_is_audited(self):
        r = self.sup.post(f"/api/v1/units/{UNIT}/webhooks",
                          {"kind": "wecom", "name": "办公室群",
                           "url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET-KEY-9876"})
        self.assertEqual(r.status, 201, r)
        self.assertNotIn("SECRET-KEY", r.raw.decode())
        hook = r.json["webhooks"][-1]
        self.assertTrue(hook["url_masked"].endswith("9876"))
        self.assertEqual(hook["enabled"], True)
        audited = gmtest.sql(self.srv.db, "SELECT after FROM audit WHERE action='webhook.add'")
        self.assertTrue(audited)
        self.assertNotIn("SECRET-KEY", "".join(a for (a,) in audited))
        r = self.sup.put(f"/api/v1/units/{UNIT}/webhooks/{hook['id']}", {"enabled": False})
        self.assertEqual(r.status, 200, r)
        self.assertFalse([h for h in r.json["webhooks"] if h["id"] == hook["id"]][0]["enabled"])
        r = self.sup.post(f"/api/v1/units/{UNIT}/webhooks/{hook['id']}/test")
        self.assertEqual(r.status, 409, r)

    def test_webhook_bad_input_names_the_field_and_changes_nothing(self):
        before = gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM unit_webhooks")[0][0]
        cases = [({"kind": "qq", "name": "x", "url": "https://a.example/x?key=1"}, "kind"),
                 ({"kind": "wecom", "name": "x", "url": "ftp://a.example/x"}, "url"),
                 ({"kind": "wecom", "name": "", "url": "https://a.example/x?key=1"}, "name"),
                 ({"kind": "wecom", "name": "x", "url": "https://a.example/x?key=1",
                   "secret": "SEC"}, "secret"),
                 ({"kind": "wecom", "name": "x"}, "url"),
                 ({"kind": "wecom", "name": "x", "url": "https://a.example/x", "extra": 1}, "extra")]
        for body, field in cases:
            r = self.sup.post(f"/api/v1/units/{UNIT}/webhooks", body)
            self.assertEqual(r.status, 400, (body, r))
            self.assertEqual(r.error_field(), field, (body, r))
        self.assertEqual(gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM unit_webhooks")[0][0], before)
        r = self.sup.put(f"/api/v1/units/{UNIT}/webhooks/999999", {"enabled": True})
        self.assertEqual(r.status, 404, r)

    def test_webhook_delete_drops_its_deliveries_is_audited_and_only_for_its_unit(self):
        hook = self.add_hook("http://127.0.0.1:9/cgi-bin/webhook/send?key=0123456789abcdef")
        gmtest.sql(self.srv.db, "UPDATE unit_webhooks SET enabled=0 WHERE id=?", (hook,))
        gmtest.sql(self.srv.db, "INSERT INTO webhook_outbox(webhook_id,payload,state,attempts,"
                   "next_attempt_at,created_at) VALUES(?,'{}','pending',0,'2099-01-01T00:00:00Z',"
                   "'2026-11-23T00:00:00Z'),(?,'{}','sent',1,'2026-11-23T00:00:00Z',"
                   "'2026-11-23T00:00:00Z')", (hook, hook))
        for login in ("contributor", "depthead", "leader", "operator", "observer"):
            r = self.srv.client(login).delete(f"/api/v1/units/{UNIT}/webhooks/{hook}")
            self.assertEqual(r.status, 403, (login, r))
        other = gmtest.sql(self.srv.db, "SELECT id FROM units WHERE id<>? ORDER BY id LIMIT 1",
                           (UNIT,))[0][0]
        r = self.srv.client("admin").delete(f"/api/v1/units/{other}/webhooks/{hook}")
        self.assertEqual(r.status, 404, r)          # not that unit's robot: nothing goes
        self.assertEqual(self.sup.delete(f"/api/v1/units/{UNIT}/webhooks/999999").status, 404)
        self.assertEqual(gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM webhook_outbox WHERE "
                                    "webhook_id=?", (hook,))[0][0], 2)
        r = self.sup.delete(f"/api/v1/units/{UNIT}/webhooks/{hook}")
        self.assertEqual(r.status, 200, r)
        self.assertNotIn(hook, [h["id"] for h in r.json["webhooks"]])
        self.assertEqual(gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM webhook_outbox WHERE "
                                    "webhook_id=?", (hook,))[0][0], 0)
        before = gmtest.sql(self.srv.db, "SELECT before FROM audit WHERE action='webhook.delete' "
                            "AND object_id=?", (str(hook),))
        self.assertEqual(len(before), 1)
        self.assertEqual((json.loads(before[0][0])["deliveries"],
                          json.loads(before[0][0])["pending_dropped"]), (2, 1))
        self.assertEqual(self.sup.delete(f"/api/v1/units/{UNIT}/webhooks/{hook}").status, 404)

    def test_only_admin_and_supervisor_configure_webhooks(self):
        for login in ("contributor", "depthead", "leader", "operator", "observer"):
            c = self.srv.client(login)
            r = c.get(f"/api/v1/units/{UNIT}/webhooks")
            self.assertEqual(r.status, 403, (login, r))
            r = c.post(f"/api/v1/units/{UNIT}/webhooks",
                       {"kind": "wecom", "name": "x", "url": "https://a.example/x?key=1"})
            self.assertEqual(r.status, 403, (login, r))
        self.assertEqual(self.srv.client("admin").get(f"/api/v1/units/{UNIT}/webhooks").status, 200)

    def test_webhook_outbox_retries_with_backoff_and_delivers_each_message_once(self):
        rx = RobotReceiver(fail_first=4)
        try:
            hook = self.add_hook(rx.url())
            t0 = time.time()
            for _ in range(3):
                r = self.sup.post(f"/api/v1/units/{UNIT}/webhooks/{hook}/test")
                self.assertEqual(r.status, 202, r)
            # the step answered at once, whatever the robot does
            self.assertLess(time.time() - t0, 5)
            self.assertTrue(wait_for(lambda: len(rx.accepted) >= 3, 40), rx.accepted)
            time.sleep(2.5)   # no late duplicates
            # at least once: a send whose answer timed out under load is sent again, under
            # the same Idempotency-Key, so a receiver keeping the keys sees each message once
            by_key = self.payloads_by_key(rx)
            bodies = [p["markdown"]["content"] for p in by_key.values()]
            self.assertEqual(len(bodies), 3, bodies)
            for n in (1, 2, 3):
                self.assertEqual(sum(f"第 {n} 条消息" in b for b in bodies), 1, bodies)
            for _, p in rx.accepted:
                self.assertEqual(p["msgtype"], "markdown")
                self.assertIn("【政务新媒体】", p["markdown"]["content"])
            self.assertGreaterEqual(rx.requests, 7)
            rows = gmtest.sql(self.srv.db, "SELECT state, attempts FROM webhook_outbox "
                              "WHERE webhook_id=?", (hook,))
            self.assertEqual({s for s, _ in rows}, {"sent"})
            self.assertGreater(max(a for _, a in rows), 1, "no retry happened")
            r = self.sup.get(f"/api/v1/units/{UNIT}/webhooks/{hook}/deliveries")
            self.assertEqual(r.status, 200, r)
            self.assertEqual([d["state"] for d in r.json["deliveries"]], ["sent"] * 3)
        finally:
            self.sup.put(f"/api/v1/units/{UNIT}/webhooks/{hook}", {"enabled": False})
            rx.close()

    def payloads_by_key(self, rx):
        """Every request's payload by its Idempotency-Key; a key never names two payloads."""
        by_key = {}
        for key, payload in rx.keys:
            self.assertRegex(key or "", r"^govmedia-\d+-\d{8}T\d{6}Z$", rx.keys)
            self.assertEqual(by_key.setdefault(key, payload), payload, key)
        return by_key

    def test_webhook_retry_after_a_lost_answer_carries_the_same_idempotency_key(self):
        """Issue 10: delivery is at least once; a receiver tells a repeat by its key."""
        rx = RobotReceiver(lose_first=2)
        try:
            hook = self.add_hook(rx.url())
            for _ in range(2):
                self.assertEqual(self.sup.post(f"/api/v1/units/{UNIT}/webhooks/{hook}/test").status, 202)
            self.assertTrue(wait_for(lambda: len(rx.accepted) >= 4, 40), rx.keys)
            by_key = self.payloads_by_key(rx)
            self.assertEqual(len(by_key), 2, rx.keys)     # two messages, each repeated
            self.assertGreater(len(rx.keys), len(by_key))
            r = self.sup.get(f"/api/v1/units/{UNIT}/webhooks/{hook}/deliveries")
            self.assertEqual(r.status, 200, r)
            self.assertEqual({d["idempotency_key"] for d in r.json["deliveries"]}, set(by_key))
        finally:
            self.sup.put(f"/api/v1/units/{UNIT}/webhooks/{hook}", {"enabled": False})
            rx.close()

    def test_dingtalk_robot_gets_its_shape_and_a_valid_signature(self):
        rx = RobotReceiver(secret="SECdemo-signing-secret")
        try:
            hook = self.add_hook(rx.url("/robot/send?access_token=tok"), kind="dingtalk",
                                 secret="SECdemo-signing-secret")
            r = self.sup.post(f"/api/v1/units/{UNIT}/webhooks/{hook}/test")
            self.assertEqual(r.status, 202, r)
            self.assertTrue(wait_for(lambda: rx.accepted, 20), rx.bad_signatures)
            path, payload = rx.accepted[0]
            self.assertEqual(payload["msgtype"], "markdown")
            self.assertIn("title", payload["markdown"])
            self.assertIn("机器人测试消息", payload["markdown"]["text"])
            self.assertIn("access_token=tok", path)
            self.assertEqual(rx.bad_signatures, 0)
        finally:
            self.sup.put(f"/api/v1/units/{UNIT}/webhooks/{hook}", {"enabled": False})
            rx.close()

    def test_robot_refusal_says_the_known_code_in_chinese_and_quotes_the_robot(self):
        """A DingTalk robot refusing the signature (310000): the code's documented meaning in
        Chinese, the robot's own errmsg after 机器人返回 (never as our words)."""
        rx = RobotReceiver(secret="SECthe-robots-own-secret")
        try:
            hook = self.add_hook(rx.url("/robot/send?access_token=tok"), kind="dingtalk",
                                 secret="SECa-different-secret")
            self.assertEqual(self.sup.post(f"/api/v1/units/{UNIT}/webhooks/{hook}/test").status, 202)

            def last_error():
                rows = gmtest.sql(self.srv.db, "SELECT last_error FROM webhook_outbox WHERE webhook_id=?", (hook,))
                return rows and rows[0][0]
            self.assertTrue(wait_for(last_error, 20))
            self.assertEqual(last_error(), "机器人拒收(错误码 310000):消息未通过机器人的安全设置(自定义关键词、"
                                           "加签密钥或 IP 地址段),请核对机器人的安全设置。机器人返回:sign not match")
            self.assertEqual(rx.accepted, [])
            self.assertGreaterEqual(rx.bad_signatures, 1)
        finally:
            self.sup.put(f"/api/v1/units/{UNIT}/webhooks/{hook}", {"enabled": False})
            rx.close()

    def test_unreachable_robot_never_blocks_and_records_the_error(self):
        dead = RobotReceiver()
        url = dead.url()
        dead.close()        # nothing listens there any more
        hook = self.add_hook(url)
        t0 = time.time()
        r = self.sup.post(f"/api/v1/units/{UNIT}/webhooks/{hook}/test")
        self.assertEqual(r.status, 202, r)
        self.assertLess(time.time() - t0, 5)

        def errored():
            rows = gmtest.sql(self.srv.db, "SELECT last_error, state FROM webhook_outbox "
                              "WHERE webhook_id=?", (hook,))
            return rows and rows[0][0]
        self.assertTrue(wait_for(errored, 20))
        r = self.sup.get(f"/api/v1/units/{UNIT}/webhooks")
        h = [h for h in r.json["webhooks"] if h["id"] == hook][0]
        self.assertEqual(h["pending"], 1)
        # said in Chinese, chosen by curl's code (7: could not connect), not curl's English text
        self.assertRegex(h["last_error"], r"^发送失败:无法连接机器人服务器.*(错误码 7)")
        self.assertNotRegex(h["last_error"], r"[A-Za-z]{3,}")
        self.sup.put(f"/api/v1/units/{UNIT}/webhooks/{hook}", {"enabled": False})


class NotificationBellTest(gmtest.ServerTest):
    def seed(self, login, n):
        uid = gmtest.sql(self.srv.db, "SELECT id FROM users WHERE login=?", (login,))[0][0]
        for i in range(n):
            gmtest.sql(self.srv.db, "INSERT INTO notifications(user_id,unit_id,kind,title,body,link,"
                       "created_at) VALUES(?,4,'test.seed',?,'',?, '2026-11-23T00:00:00Z')",
                       (uid, f"通知{i}", f"/posts/{i}"))
        return uid

    def test_notifications_are_private_paginated_and_marked_read(self):
        self.seed("leader", 5)
        self.seed("depthead", 1)
        c = self.srv.client("leader")
        r = c.get("/api/v1/notifications?limit=2")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(len(r.json["notifications"]), 2)
        self.assertEqual((r.json["total"], r.json["unread"]), (5, 5))
        first = r.json["notifications"][0]
        self.assertEqual(first["title"], "通知4")       # newest first
        r = c.get("/api/v1/notifications?limit=2&offset=4")
        self.assertEqual(len(r.json["notifications"]), 1)
        r = c.post(f"/api/v1/notifications/{first['id']}/read")
        self.assertEqual(r.status, 200, r)
        r = c.get("/api/v1/notifications?unread=true")
        self.assertEqual((r.json["total"], r.json["unread"]), (4, 4))
        self.assertNotIn(first["id"], [n["id"] for n in r.json["notifications"]])
        # another user's notification is not found, and stays unread
        other = gmtest.sql(self.srv.db, "SELECT n.id FROM notifications n JOIN users u ON "
                           "u.id=n.user_id WHERE u.login='depthead'")[0][0]
        self.assertEqual(c.post(f"/api/v1/notifications/{other}/read").status, 404)
        self.assertIsNone(gmtest.sql(self.srv.db, "SELECT read_at FROM notifications WHERE id=?",
                                     (other,))[0][0])
        r = c.post("/api/v1/notifications/read-all")
        self.assertEqual(r.json["marked"], 4)
        self.assertEqual(c.get("/api/v1/notifications").json["unread"], 0)
        self.assertTrue(gmtest.sql(self.srv.db,
                                   "SELECT 1 FROM audit WHERE action='notification.read_all'"))

    def test_notification_query_arguments_are_checked(self):
        c = self.srv.client("operator")
        for q, field in (("limit=0", "limit"), ("limit=abc", "limit"), ("offset=-1", "offset"),
                         ("unread=maybe", "unread")):
            r = c.get(f"/api/v1/notifications?{q}")
            self.assertEqual(r.status, 400, (q, r))
            self.assertEqual(r.error_field(), field)
        self.assertEqual(self.srv.client().get("/api/v1/notifications").status, 401)


if __name__ == "__main__":
    unittest.main()
