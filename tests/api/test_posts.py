"""Review before publish (issue 10; REQUIREMENTS.md §2): drafts, level-by-level
review, authorised publishing, WeChat preview and one mass send a day,
scheduled publishing, archive search, corrections, notifications, and a
kill -9 during a burst of approvals.
"""
import datetime
import json
import os
import signal
import sys
import threading
import time
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402
from robot_receiver import RobotReceiver  # noqa: E402

WECHAT, DOUYIN, HEALTH_WEIBO = 1, 2, 3   # demo accounts: filed, opened, only applied
BODY = "各学校:为做好冬季校园安全工作,定于下周开展校园安全专项检查,请提前自查。"


def audit_count(db):
    return gmtest.sql(db, "SELECT COUNT(*) FROM audit")[0][0]


class PostWorkflowTest(gmtest.ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.author = cls.srv.client("contributor")
        cls.head = cls.srv.client("depthead")
        cls.leader = cls.srv.client("leader")
        cls.principal = cls.srv.client("principal")
        cls.op = cls.srv.client("operator")
        cls.n = 0

    def draft(self, client=None, **extra):
        PostWorkflowTest.n += 1
        body = {"title": f"关于开展校园安全检查的通知({self.n})", "body": BODY,
                "account_ids": [WECHAT], "major": False, "repost_source": None}
        body.update(extra)
        r = (client or self.author).post("/api/v1/posts", body)
        self.assertEqual(r.status, 201, r)
        self.assertEqual((r.json["state"], r.json["version"]), ("draft", 1))
        return r.json["id"]

    def submit(self, pid, client=None):
        r = (client or self.author).post(f"/api/v1/posts/{pid}/submit")
        self.assertEqual(r.status, 200, r)
        return r.json

    def approved(self, **extra):
        pid = self.draft(**extra)
        self.submit(pid)
        self.assertEqual(self.head.post(f"/api/v1/posts/{pid}/approve", {"note": "同意"}).status, 200)
        r = self.leader.post(f"/api/v1/posts/{pid}/approve", {"confidentiality": True})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["state"], "approved")
        return pid

    def unchanged(self, before, r, status, field=None):
        self.assertEqual(r.status, status, r)
        if field:
            self.assertEqual(r.error_field(), field, r)
        self.assertEqual(audit_count(self.srv.db), before, "a refused step changed something")

    # ---- the chain ----

    def test_review_before_publish_full_chain_with_notifications_and_history(self):
        """§2.1 §2.5 draft → department head → leader → operator publishes, archived with its history."""
        rx = RobotReceiver()
        sup = self.srv.client("supervisor")
        hook = sup.post("/api/v1/units/4/webhooks", {"kind": "wecom", "name": "教育局群",
                                                      "url": rx.url()}).json["webhooks"][-1]["id"]
        try:
            pid = self.draft()
            s = self.submit(pid)
            self.assertEqual((s["state"], s["level"], s["level_role"]), ("in_review", 1, "department_head"))
            self.assertIn("findings", s)
            notes = self.head.get("/api/v1/notifications?unread=true").json["notifications"]
            self.assertTrue(any(n["kind"] == "post.review" and n["link"] == f"/posts/{pid}" for n in notes))
            r = self.head.post(f"/api/v1/posts/{pid}/approve", {"note": "内容属实"})
            self.assertEqual((r.json["state"], r.json["level"], r.json["level_role"]),
                             ("in_review", 2, "leader"))
            self.assertTrue(any(n["kind"] == "post.review" for n in
                                self.leader.get("/api/v1/notifications").json["notifications"]))
            r = self.leader.post(f"/api/v1/posts/{pid}/approve", {"confidentiality": True})
            self.assertEqual(r.json["state"], "approved")
            self.assertTrue(any(n["kind"] == "post.approved" for n in
                                self.op.get("/api/v1/notifications").json["notifications"]))
            self.assertEqual(self.op.post(f"/api/v1/posts/{pid}/preview", {"account_id": WECHAT}).status, 200)
            r = self.op.post(f"/api/v1/posts/{pid}/publish",
                             {"account_id": WECHAT, "url": f"https://mp.weixin.qq.com/s/chain{pid}",
                              "mass_send": True})
            self.assertEqual(r.status, 201, r)
            self.assertEqual(r.json["state"], "published")
            self.assertEqual(r.json["publication"]["origin"], "workflow")
            self.assertTrue(r.json["publication"]["mass_send"])
            steps = self.author.get(f"/api/v1/posts/{pid}/history").json["steps"]
            self.assertEqual([s["action"] for s in steps],
                             ["create", "submit", "approve", "approve", "preview", "publish"])
            self.assertEqual([(s["level"], s["role"], s["login"]) for s in steps[2:4]],
                             [(1, "department_head", "depthead"), (2, "leader", "leader")])
            self.assertEqual(steps[2]["note"], "内容属实")
            self.assertTrue(steps[3]["confidentiality"])
            for a in ("post.create", "post.submit", "post.approve", "post.preview", "post.publish"):
                self.assertTrue(gmtest.sql(self.srv.db, "SELECT 1 FROM audit WHERE action=? AND "
                                           "object_id=?", (a, str(pid))), a)
            # the group robot heard about it too
            deadline = time.time() + 20
            while time.time() < deadline and not any("待审核" in p["markdown"]["content"]
                                                     for _, p in rx.accepted):
                time.sleep(0.3)
            self.assertTrue(any("待审核" in p["markdown"]["content"] for _, p in rx.accepted))
        finally:
            sup.put(f"/api/v1/units/4/webhooks/{hook}", {"enabled": False})
            rx.close()

    def test_major_post_goes_to_the_principal_who_confirms_confidentiality(self):
        """§2.1 §2.3 a major draft goes to the principal, who confirms confidentiality."""
        pid = self.draft(major=True)
        self.submit(pid)
        self.head.post(f"/api/v1/posts/{pid}/approve", {})
        r = self.leader.post(f"/api/v1/posts/{pid}/approve", {})
        self.assertEqual((r.json["level"], r.json["level_role"]), (3, "principal"))
        before = audit_count(self.srv.db)
        self.unchanged(before, self.principal.post(f"/api/v1/posts/{pid}/approve", {}), 400,
                       "confidentiality")
        r = self.principal.post(f"/api/v1/posts/{pid}/approve", {"confidentiality": True})
        self.assertEqual(r.json["state"], "approved")

    # ---- refusals ----

    def test_targets_must_be_live_accounts_of_the_authors_unit(self):
        before = audit_count(self.srv.db)
        for ids in ([HEALTH_WEIBO], [999999]):
            r = self.author.post("/api/v1/posts", {"title": "t", "body": "b", "account_ids": ids})
            self.unchanged(before, r, 409, "account_ids")
        r = self.author.post("/api/v1/posts", {"title": "t", "body": "b", "account_ids": []})
        self.unchanged(before, r, 400, "account_ids")
        observer = self.srv.client("observer")
        before = audit_count(self.srv.db)
        r = observer.post("/api/v1/posts", {"title": "t", "body": "b", "account_ids": [WECHAT]})
        self.unchanged(before, r, 403)

    def test_the_author_never_approves_even_holding_the_role(self):
        pid = self.draft(client=self.head)
        self.submit(pid, client=self.head)
        before = audit_count(self.srv.db)
        r = self.head.post(f"/api/v1/posts/{pid}/approve", {})
        self.unchanged(before, r, 403, "author")

    def test_wrong_level_and_out_of_turn_steps_are_refused(self):
        pid = self.draft()
        before = audit_count(self.srv.db)
        self.unchanged(before, self.head.post(f"/api/v1/posts/{pid}/approve", {}), 409, "state")
        self.unchanged(before, self.op.post(f"/api/v1/posts/{pid}/publish",
                                            {"account_id": WECHAT, "url": "https://x.cn/a"}), 409, "state")
        self.submit(pid)
        before = audit_count(self.srv.db)
        self.unchanged(before, self.leader.post(f"/api/v1/posts/{pid}/approve", {}), 403, "level_role")
        self.unchanged(before, self.author.put(f"/api/v1/posts/{pid}", {"title": "改"}), 409, "state")
        self.unchanged(before, self.op.post(f"/api/v1/posts/{pid}/approve", {}), 403)

    def test_rejection_needs_a_reason_returns_to_the_author_and_edit_restarts_review(self):
        """§2.2 a rejection carries a reason and returns the draft to its author."""
        pid = self.draft()
        self.submit(pid)
        self.head.post(f"/api/v1/posts/{pid}/approve", {})
        before = audit_count(self.srv.db)
        self.unchanged(before, self.leader.post(f"/api/v1/posts/{pid}/reject", {}), 400, "reason")
        r = self.leader.post(f"/api/v1/posts/{pid}/reject", {"reason": "数据需核实"})
        self.assertEqual(r.json["state"], "returned")
        notes = self.author.get("/api/v1/notifications").json["notifications"]
        self.assertTrue(any(n["kind"] == "post.returned" and n["body"] == "数据需核实" for n in notes))
        self.assertEqual(self.srv.client("leader").put(f"/api/v1/posts/{pid}", {"title": "x"}).status, 403)
        r = self.author.put(f"/api/v1/posts/{pid}", {"body": BODY + "(已核实)"})
        self.assertEqual((r.status, r.json["state"], r.json["version"]), (200, "draft", 2))
        s = self.submit(pid)
        self.assertEqual((s["level"], s["level_role"]), (1, "department_head"))
        steps = self.author.get(f"/api/v1/posts/{pid}/history").json["steps"]
        self.assertEqual(steps[3]["reason"], "数据需核实")

    def test_repost_without_source_is_blocked_and_unapproved_source_needs_override(self):
        """§2.6 §3.8 §3.9 a repost without a source blocks; an unapproved one needs an override reason."""
        pid = self.draft(repost_source="")
        before = gmtest.sql(self.srv.db, "SELECT state FROM posts WHERE id=?", (pid,))[0][0]
        r = self.author.post(f"/api/v1/posts/{pid}/submit")
        self.assertEqual(r.status, 422, r)
        self.assertEqual(r.error_field(), "body")
        self.assertTrue(any(f["rule"] == "source" and f["severity"] == "block" for f in r.json["findings"]))
        self.assertEqual(gmtest.sql(self.srv.db, "SELECT state FROM posts WHERE id=?", (pid,))[0][0], before)
        pid = self.draft(repost_source="某某自媒体号")
        s = self.submit(pid)
        self.assertTrue(any(f["rule"] == "source" and f["severity"] == "warn" for f in s["findings"]))
        before = audit_count(self.srv.db)
        self.unchanged(before, self.head.post(f"/api/v1/posts/{pid}/approve", {}), 400, "override_reason")
        r = self.head.post(f"/api/v1/posts/{pid}/approve", {"override_reason": "已电话核实来源"})
        self.assertEqual(r.status, 200, r)
        steps = self.author.get(f"/api/v1/posts/{pid}/history").json["steps"]
        self.assertEqual(steps[-1]["override_reason"], "已电话核实来源")

    def test_only_an_authorised_operator_publishes(self):
        """§2.4 only an operator authorised for the account publishes."""
        pid = self.approved()
        sup = self.srv.client("supervisor")
        op_id = gmtest.sql(self.srv.db, "SELECT id FROM users WHERE login='operator'")[0][0]
        self.assertEqual(sup.delete(f"/api/v1/accounts/{DOUYIN}/publishers/{op_id}").status, 200)
        try:
            pid2 = self.approved(account_ids=[DOUYIN])
            before = audit_count(self.srv.db)
            r = self.op.post(f"/api/v1/posts/{pid2}/publish", {"account_id": DOUYIN, "url": "https://d.cn/1"})
            self.unchanged(before, r, 403, "account_id")
        finally:
            r = sup.post(f"/api/v1/accounts/{DOUYIN}/publishers", {"user_id": op_id})
            self.assertEqual(r.status, 201, r)
        r = self.op.post(f"/api/v1/posts/{pid2}/publish", {"account_id": DOUYIN, "url": "https://d.cn/1"})
        self.assertEqual(r.status, 201, r)
        g = [p for p in sup.get(f"/api/v1/accounts/{DOUYIN}/publishers").json["publishers"]
             if p["user_id"] == op_id][0]
        self.assertEqual((g["granted_by"], g["granted_by_name"]), ("supervisor", "市信息中心 王主任"))
        before = audit_count(self.srv.db)
        r = self.op.post(f"/api/v1/posts/{pid}/publish", {"account_id": DOUYIN, "url": "https://d.cn/2"})
        self.unchanged(before, r, 409, "account_id")      # not a target of that post
        r = sup.post(f"/api/v1/accounts/{DOUYIN}/publishers", {"user_id": 3})   # a contributor
        self.unchanged(before, r, 409, "user_id")

    def test_wechat_mass_send_needs_a_preview_and_happens_once_a_china_day(self):
        """§2.7 a WeChat mass send needs a preview and happens once a day."""
        a, b = self.approved(), self.approved()
        before = audit_count(self.srv.db)
        r = self.op.post(f"/api/v1/posts/{a}/publish", {"account_id": WECHAT, "url": "https://mp.weixin.qq.com/s/m1",
                                                        "mass_send": True})
        self.unchanged(before, r, 409, "mass_send")
        self.op.post(f"/api/v1/posts/{a}/preview", {"account_id": WECHAT})
        self.op.post(f"/api/v1/posts/{b}/preview", {"account_id": WECHAT})
        sends = gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM publications WHERE mass_send=1")[0][0]
        r = self.op.post(f"/api/v1/posts/{a}/publish", {"account_id": WECHAT, "url": "https://mp.weixin.qq.com/s/m1",
                                                        "mass_send": True})
        self.assertEqual(r.status, 201 if sends == 0 else 409, r)
        before = audit_count(self.srv.db)
        r = self.op.post(f"/api/v1/posts/{b}/publish", {"account_id": WECHAT, "url": "https://mp.weixin.qq.com/s/m2",
                                                        "mass_send": True})
        self.unchanged(before, r, 409, "mass_send")
        r = self.op.post(f"/api/v1/posts/{b}/publish", {"account_id": WECHAT, "url": "https://mp.weixin.qq.com/s/m2"})
        self.assertEqual(r.status, 201, r)           # an ordinary publication is fine

    def test_published_post_is_immutable_and_corrected_by_a_new_post(self):
        """§2.5 a published post is immutable; a correction is a new version."""
        pid = self.approved()
        self.op.post(f"/api/v1/posts/{pid}/publish", {"account_id": WECHAT, "platform_post_id": f"p-{pid}"})
        before = audit_count(self.srv.db)
        self.unchanged(before, self.author.put(f"/api/v1/posts/{pid}", {"title": "改"}), 409, "state")
        self.unchanged(before, self.author.delete(f"/api/v1/posts/{pid}"), 409, "state")
        r = self.author.post("/api/v1/posts", {"title": "更正:校园安全检查时间", "body": "更正内容。",
                                               "account_ids": [WECHAT], "corrects": pid})
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["corrects"], pid)
        old = self.author.get(f"/api/v1/posts/{pid}").json
        self.assertEqual([c["id"] for c in old["corrected_by"]], [r.json["id"]])
        draft = self.draft()
        r = self.author.post("/api/v1/posts", {"title": "x", "body": "y", "account_ids": [WECHAT],
                                               "corrects": draft})
        self.assertEqual((r.status, r.error_field()), (409, "corrects"))

    def test_scheduled_publication_is_recorded_at_its_time_and_notifies_the_operator(self):
        pid = self.approved()
        at = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=2)).strftime(
            "%Y-%m-%dT%H:%M:%SZ")
        r = self.op.post(f"/api/v1/posts/{pid}/publish", {"account_id": WECHAT, "at": at})
        self.assertEqual(r.status, 202, r)
        self.assertEqual(r.json["schedule"]["state"], "pending")
        self.assertEqual(r.json["state"], "approved")
        time.sleep(3)
        gmtest.run("jobs", "run", "--db", self.srv.db, "posts.publish_scheduled", check=True)
        r = self.author.get(f"/api/v1/posts/{pid}")
        self.assertEqual(r.json["state"], "published")
        self.assertEqual(r.json["publications"][0]["published_at"], at)
        self.assertTrue(any(n["kind"] == "post.published" for n in
                            self.op.get("/api/v1/notifications").json["notifications"]))

    def test_scheduled_publication_is_cancelled_with_a_reason_by_an_authorised_operator(self):
        pid = self.approved()
        at = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=2)).strftime(
            "%Y-%m-%dT%H:%M:%SZ")
        sid = self.op.post(f"/api/v1/posts/{pid}/publish", {"account_id": WECHAT, "at": at}).json["schedule"]["id"]
        url = f"/api/v1/posts/{pid}/schedules/{sid}/cancel"
        sup = self.srv.client("supervisor")
        before = audit_count(self.srv.db)
        self.unchanged(before, self.op.post(url, {}), 400, "reason")
        self.unchanged(before, self.op.post(url, {"reason": ""}), 400, "reason")
        self.unchanged(before, self.op.post(f"/api/v1/posts/{pid}/schedules/{sid + 999}/cancel",
                                            {"reason": "x"}), 404, "schedule_id")
        self.unchanged(before, sup.post(url, {"reason": "x"}), 403)
        op_id = gmtest.sql(self.srv.db, "SELECT id FROM users WHERE login='operator'")[0][0]
        self.assertEqual(sup.delete(f"/api/v1/accounts/{WECHAT}/publishers/{op_id}").status, 200)
        try:
            before = audit_count(self.srv.db)
            self.unchanged(before, self.op.post(url, {"reason": "x"}), 403, "account_id")
        finally:
            self.assertEqual(sup.post(f"/api/v1/accounts/{WECHAT}/publishers", {"user_id": op_id}).status, 201)
        before = audit_count(self.srv.db)
        r = self.op.post(url, {"reason": "活动延期,暂不发布"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual([s["state"] for s in r.json["schedules"] if s["id"] == sid], ["cancelled"])
        self.assertEqual(audit_count(self.srv.db), before + 1)
        self.assertEqual(gmtest.sql(self.srv.db, "SELECT action FROM audit ORDER BY id DESC LIMIT 1")[0][0],
                         "post.cancel_schedule")
        step = self.author.get(f"/api/v1/posts/{pid}/history").json["steps"][-1]
        self.assertEqual((step["action"], step["action_label"], step["reason"], step["account_id"]),
                         ("cancel_schedule", "取消定时发布", "活动延期,暂不发布", WECHAT))
        before = audit_count(self.srv.db)
        self.unchanged(before, self.op.post(url, {"reason": "再取消一次"}), 409, "schedule_id")
        # The account is free again: the post may be scheduled anew.
        r = self.op.post(f"/api/v1/posts/{pid}/publish", {"account_id": WECHAT, "at": at})
        self.assertEqual(r.status, 202, r)

    def test_cancelled_schedule_notifies_the_author_and_whoever_scheduled_it(self):
        pid = self.approved()
        at = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=3)).strftime(
            "%Y-%m-%dT%H:%M:%SZ")
        sid = self.op.post(f"/api/v1/posts/{pid}/publish", {"account_id": WECHAT, "at": at}).json["schedule"]["id"]
        r = self.srv.client("admin").post("/api/v1/users", {
            "login": "op2", "display_name": "教育局运维 李工", "password": "Valid-pass-2026!",
            "roles": [{"role": "operator", "unit_id": 4}]})
        self.assertEqual(r.status, 201, r)
        op2_id = r.json["id"]
        sup = self.srv.client("supervisor")
        self.assertEqual(sup.post(f"/api/v1/accounts/{WECHAT}/publishers", {"user_id": op2_id}).status, 201)
        op2 = self.srv.client("op2", "Valid-pass-2026!")
        gmtest.sql(self.srv.db, "INSERT INTO unit_webhooks(unit_id,kind,name,url,enabled,created_at,"
                                "updated_at) VALUES(4,'wecom','教育局办公室群','http://127.0.0.1:9/x',1,"
                                "'2026-01-01T00:00:00Z','2026-01-01T00:00:00Z')")
        outbox = lambda: gmtest.sql(self.srv.db, "SELECT payload FROM webhook_outbox")
        try:
            n_out = len(outbox())
            r = op2.post(f"/api/v1/posts/{pid}/schedules/{sid}/cancel", {"reason": "会议改期,稿件暂缓发布"})
            self.assertEqual(r.status, 200, r)
            for client in (self.author, self.op):   # the author, and the operator who scheduled it
                mine = [n for n in client.get("/api/v1/notifications").json["notifications"]
                        if n["kind"] == "post.schedule_cancelled" and n["link"] == f"/posts/{pid}"]
                self.assertEqual(len(mine), 1, mine)
                self.assertIn("定时发布已取消", mine[0]["title"])
                self.assertIn("会议改期,稿件暂缓发布", mine[0]["body"])
                self.assertIn("教育局运维 李工", mine[0]["body"])    # who cancelled, by name
            self.assertEqual([n for n in op2.get("/api/v1/notifications").json["notifications"]
                              if n["kind"] == "post.schedule_cancelled"], [])   # not the canceller
            robot = outbox()[n_out:]
            self.assertEqual(len(robot), 1, robot)                # one group message
            self.assertIn("定时发布已取消", json.dumps(json.loads(robot[0][0]), ensure_ascii=False))
            # a reason as long as allowed still cancels (the notice keeps the reason whole)
            sid2 = self.op.post(f"/api/v1/posts/{pid}/publish", {"account_id": WECHAT, "at": at}).json["schedule"]["id"]
            r = self.op.post(f"/api/v1/posts/{pid}/schedules/{sid2}/cancel", {"reason": "延" * 2000})
            self.assertEqual(r.status, 200, r)
            last = [n for n in self.author.get("/api/v1/notifications").json["notifications"]
                    if n["kind"] == "post.schedule_cancelled"]
            self.assertEqual(len(last), 2)
        finally:
            gmtest.sql(self.srv.db, "UPDATE unit_webhooks SET enabled=0 WHERE unit_id=4")

    def test_archive_full_text_search_finds_chinese(self):
        """§2.5 the archive (存档备查) is searchable."""
        pid = self.draft(title="关于秋季学期学生资助政策的解读", body="家庭经济困难学生可申请国家助学金。")
        def ids(q):
            r = self.author.get("/api/v1/posts?q=" + urllib.parse.quote(q))
            self.assertEqual(r.status, 200, r)
            return [p["id"] for p in r.json["posts"]]
        self.assertIn(pid, ids("学生资助"))
        self.assertIn(pid, ids("国家助学金"))
        self.assertIn(pid, ids("助学"))             # two characters: substring fallback
        self.assertNotIn(pid, ids("校园安全"))
        self.assertEqual(ids("没有这样的文字"), [])
        r = self.author.get("/api/v1/posts?state=nope")
        self.assertEqual((r.status, r.error_field()), (400, "state"))

    def test_review_queue_lists_what_awaits_me(self):
        pid = self.draft()
        self.submit(pid)
        mine = [p["id"] for p in self.head.get("/api/v1/posts?awaiting=me").json["posts"]]
        self.assertIn(pid, mine)
        self.assertNotIn(pid, [p["id"] for p in self.leader.get("/api/v1/posts?awaiting=me").json["posts"]])

    def test_review_policy_is_per_unit_edited_by_admins_and_kept_by_submitted_posts(self):
        """§2.1 review levels are a per-unit policy."""
        pid = self.draft()
        self.submit(pid)
        admin = self.srv.client("admin")
        before = audit_count(self.srv.db)
        self.unchanged(before, self.leader.put("/api/v1/units/4/review-policy", {"preset": "single_level"}), 403)
        self.unchanged(before, admin.put("/api/v1/units/4/review-policy", {"levels": ["operator"]}), 400, "levels")
        r = admin.put("/api/v1/units/4/review-policy", {"preset": "single_level"})
        self.assertEqual((r.status, r.json["levels"]), (200, ["leader"]))
        try:
            self.assertTrue(gmtest.sql(self.srv.db, "SELECT 1 FROM audit WHERE action='review_policy.set'"))
            r = self.head.post(f"/api/v1/posts/{pid}/approve", {})
            self.assertEqual((r.status, r.json["level_role"]), (200, "leader"))   # old chain kept
            new = self.draft()
            s = self.submit(new)
            self.assertEqual((s["level_role"], s["chain"]), ("leader", ["leader"]))
        finally:
            admin.put("/api/v1/units/4/review-policy", {"preset": "standard"})


class PostCliTest(unittest.TestCase):
    """`govmedia post …` walks the same chain with the same refusals, as a user (--as)."""

    def test_cli_walks_the_chain_and_refuses_out_of_turn_steps(self):
        srv = gmtest.Server()
        try:
            db = srv.db
            path = os.path.join(srv.dir, "post.json")
            with open(path, "w", encoding="utf-8") as f:
                f.write('{"title":"命令行稿件","body":"正文内容。","account_ids":[1]}')
            p = gmtest.run("post", "create", "--db", db, "--as", "contributor", "--input", path, check=True)
            import json
            pid = str(json.loads(p.stdout)["id"])
            gmtest.run("post", "submit", "--db", db, "--as", "contributor", "--id", pid, check=True)
            p = gmtest.run("post", "approve", "--db", db, "--as", "contributor", "--id", pid)
            self.assertEqual(p.returncode, 1, p.stderr)          # not a reviewer at all: refused
            p = gmtest.run("post", "approve", "--db", db, "--as", "leader", "--id", pid)
            self.assertEqual(p.returncode, 1)
            self.assertIn("level_role", p.stderr)
            gmtest.run("post", "approve", "--db", db, "--as", "depthead", "--id", pid, check=True)
            p = gmtest.run("post", "approve", "--db", db, "--as", "leader", "--id", pid)
            self.assertEqual(p.returncode, 2)
            self.assertIn("confidentiality", p.stderr)
            gmtest.run("post", "approve", "--db", db, "--as", "leader", "--id", pid, "--confidential",
                       check=True)
            p = gmtest.run("post", "publish", "--db", db, "--as", "operator", "--id", pid,
                           "--account", "1", "--url", "https://mp.weixin.qq.com/s/cli", check=True)
            self.assertEqual(json.loads(p.stdout)["state"], "published")
            p = gmtest.run("post", "show", "--db", db, "--id", pid, "--history", check=True)
            self.assertEqual([s["action"] for s in json.loads(p.stdout)["steps"]],
                             ["create", "submit", "approve", "approve", "publish"])
            with open(path, "w", encoding="utf-8") as f:
                f.write('{"title":"转载","body":"正文。","account_ids":[1],"repost_source":""}')
            pid = str(json.loads(gmtest.run("post", "create", "--db", db, "--as", "contributor",
                                            "--input", path, check=True).stdout)["id"])
            p = gmtest.run("post", "submit", "--db", db, "--as", "contributor", "--id", pid)
            self.assertEqual(p.returncode, 1, p.stderr)          # blocked: the repost has no source
            self.assertEqual(gmtest.run("audit", "verify", "--db", db).returncode, 0)
        finally:
            srv.cleanup()


class ApprovalBurstFaultTest(unittest.TestCase):
    def test_kill_9_during_a_burst_of_approvals_leaves_no_half_step(self):
        srv = gmtest.Server().start(threads=4)
        try:
            author = srv.client("contributor")
            ids = []
            for i in range(40):
                r = author.post("/api/v1/posts", {"title": f"压测稿件{i}", "body": "正文。",
                                                  "account_ids": [WECHAT]})
                ids.append(r.json["id"])
                self.assertEqual(author.post(f"/api/v1/posts/{r.json['id']}/submit").status, 200)
            heads = [srv.client("depthead") for _ in range(3)]
            acked, stop = [], threading.Event()

            def burst(c, mine):
                for pid in mine:
                    if stop.is_set():
                        return
                    try:
                        r = c.post(f"/api/v1/posts/{pid}/approve", {"note": "同意"})
                    except Exception:
                        return
                    if r.status == 200:
                        acked.append(pid)
            threads = [threading.Thread(target=burst, args=(c, ids[k::3])) for k, c in enumerate(heads)]
            for t in threads:
                t.start()
            time.sleep(0.6)
            srv.proc.send_signal(signal.SIGKILL)
            srv.proc.wait()
            stop.set()
            for t in threads:
                t.join()
            rows = dict(gmtest.sql(srv.db, "SELECT id, level FROM posts WHERE title LIKE '压测稿件%'"))
            steps = {p for (p,) in gmtest.sql(srv.db, "SELECT post_id FROM post_steps WHERE action='approve'")}
            audited = {int(o) for (o,) in gmtest.sql(srv.db, "SELECT object_id FROM audit WHERE action='post.approve'")}
            for pid in acked:
                self.assertEqual(rows[pid], 2, f"acknowledged approval of {pid} lost")
            for pid, level in rows.items():
                self.assertEqual(level == 2, pid in steps, f"post {pid}: level and step disagree")
                self.assertEqual(pid in steps, pid in audited, f"post {pid}: step without audit row")
            self.assertEqual(gmtest.sql(srv.db, "PRAGMA integrity_check")[0][0], "ok")
            self.assertEqual(gmtest.run("audit", "verify", "--db", srv.db).returncode, 0)
        finally:
            srv.cleanup()


if __name__ == "__main__":
    unittest.main()
