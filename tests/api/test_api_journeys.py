"""API and CLI journeys of REQUIREMENTS.md walked as a user who has never seen
the code would walk them (session 21, helper "api"): who is told what, who
may not act, what a refusal says, and what the command line accepts.  Each
test names the rule it proves."""
import json
import os
import unittest

import gmtest
from gmtest import count, notices  # noqa: E402

WECHAT = 1
APPLICATION = {"unit_id": 4, "name": "示范县教育头条", "platform": "toutiao", "host_unit": "示范县教育局",
               "date": "2026-09-01",
               "responsible": {"name": "陈刚", "title": "局长", "office_phone": "0571-87654321",
                               "mobile": "13800138000"},
               "admin": {"name": "刘洋", "title": "科员", "office_phone": "0571-87654322",
                         "mobile": "13900139000"},
               "purpose": "发布教育政务信息"}

_SHARED = None   # the server of the SharedServerTest classes, started by the first


class SharedServerTest(unittest.TestCase):
    """One server (demo data) for the classes whose journeys assert only on what they
    create themselves or on refusals, so that they can share it: each server costs a
    demo database, an engine load and logins, and this file ran twenty of them, which
    under a loaded machine took it past CTest's time limit.  A class that counts or
    lists what others could add (the audit trail's one rejection, a review round of
    the year, a unit's figures), changes what others read (a unit's review policy, an
    account's state) or needs its own server options keeps a server of its own."""

    @classmethod
    def setUpClass(cls):
        global _SHARED
        if _SHARED is None:
            _SHARED = gmtest.Server().start()
        cls.srv = _SHARED


def tearDownModule():
    if _SHARED is not None:
        _SHARED.cleanup()


class AccountApplicationJourneyTest(gmtest.ServerTest):
    """§1.1 §1.2 "every account starts as an application … The supervisor approves or
    rejects (with a reason)": the supervisor hears of the application, the
    applicant of the decision; nobody else decides."""

    def apply(self, **over):
        r = self.srv.session("contributor").post("/api/v1/accounts", dict(APPLICATION, **over))
        self.assertEqual(r.status, 201, r)
        return r.json["id"]

    def test_rule_1_supervisor_approves_application_applicant_told(self):
        sup, contrib = self.srv.session("supervisor"), self.srv.session("contributor")
        aid = self.apply()
        waiting = [n for n in notices(sup, "account.apply") if n["link"] == f"/accounts/{aid}"]
        self.assertEqual(len(waiting), 1, waiting)
        self.assertIn("示范县教育头条", waiting[0]["title"])
        self.assertIn("头条号", waiting[0]["title"])          # the platform in Chinese, not "toutiao"
        self.assertIn("示范县教育局", waiting[0]["body"])
        # neither the applicant nor the observer decides
        self.assertEqual(contrib.post(f"/api/v1/accounts/{aid}/approve", {}).status, 403)
        r = self.srv.session("observer").post(f"/api/v1/accounts/{aid}/approve", {})
        self.assertEqual(r.status, 403, r)
        self.assertIn("审批账号", r.json["error"]["message"])   # the permission in Chinese
        r = sup.post(f"/api/v1/accounts/{aid}/approve", {"note": "同意开设"})
        self.assertEqual((r.status, r.json["state"]), (200, "approved"), r)
        told = [n for n in notices(contrib, "account.approve") if n["link"] == f"/accounts/{aid}"]
        self.assertEqual(len(told), 1, told)
        self.assertIn("已批准", told[0]["title"])
        # the decision is made once
        r = sup.post(f"/api/v1/accounts/{aid}/reject", {"reason": "重复"})
        self.assertEqual((r.status, r.error_field()), (409, "state"), r)

    def test_rule_1_rejection_needs_reason_and_tells_applicant_why(self):
        sup, contrib = self.srv.session("supervisor"), self.srv.session("contributor")
        aid = self.apply(platform="kuaishou", name="示范县教育快手")
        before = count(self.srv.db, "audit")
        r = sup.post(f"/api/v1/accounts/{aid}/reject", {})
        self.assertEqual((r.status, r.error_field()), (400, "reason"), r)
        self.assertEqual(r.json["error"]["message"], "缺少必填字段:理由")
        r = sup.post(f"/api/v1/accounts/{aid}/reject", {"reason": "   "})
        self.assertEqual((r.status, r.error_field()), (400, "reason"), r)
        self.assertNotIn("reason", r.json["error"]["message"])
        self.assertEqual(count(self.srv.db, "audit"), before)
        self.assertEqual(notices(contrib, "account.reject"), [])
        r = sup.post(f"/api/v1/accounts/{aid}/reject", {"reason": "同一单位已有短视频账号,请整合"})
        self.assertEqual((r.status, r.json["state"]), (200, "rejected"), r)
        [told] = [n for n in notices(contrib, "account.reject") if n["link"] == f"/accounts/{aid}"]
        self.assertIn("未获批准", told["title"])
        self.assertEqual(told["body"], "同一单位已有短视频账号,请整合")


class LateFilingFilterTest(gmtest.ServerTest):
    """§1.3 "a late filing is flagged and stays marked late once made": the
    registry lists the accounts filed late (and those filed in time)."""

    def test_rule_1_registry_filters_accounts_filed_late(self):
        from acct_helpers import png_bytes
        op, obs = self.srv.session("operator"), self.srv.session("observer")
        douyin = 2                                           # opened 2026-01-12, due 01-15, not filed
        r = op.put(f"/api/v1/accounts/{douyin}/qr", raw=png_bytes(), headers={"Content-Type": "image/png"})
        self.assertEqual(r.status, 200, r)
        r = op.post(f"/api/v1/accounts/{douyin}/file", {"date": gmtest.utc_iso()[:10], "created_on": "2026-01-12",
                                                       "followers": 10, "introduction": "示范县教育局抖音号"})
        self.assertEqual((r.status, r.json["filed_late"]), (200, True), r)
        late = {a["id"] for a in obs.get("/api/v1/accounts?filed_late=true").json["accounts"]}
        in_time = {a["id"] for a in obs.get("/api/v1/accounts?filed_late=false").json["accounts"]}
        self.assertIn(douyin, late)
        self.assertNotIn(douyin, in_time)
        self.assertNotIn(WECHAT, late)
        self.assertTrue(late.isdisjoint(in_time))
        r = obs.get("/api/v1/accounts?filed_late=yes")
        self.assertEqual((r.status, r.error_field()), (400, "filed_late"), r)


class VaultRequestReachTest(gmtest.VaultServerTest):
    """§1.8 "login rights for a live event are delegated by approval": the request
    reaches every supervisor whose reach covers the account, however many
    (it stopped at 64)."""

    def test_rule_1_vault_request_notifies_every_supervisor_above(self):
        sup = self.srv.session("supervisor")
        self.assertEqual(sup.put(f"/api/v1/accounts/{WECHAT}/credential",
                                 {"login": "gh_live", "password": "Live-直播-2026!"}).status, 200)
        pw = gmtest.sql(self.srv.db, "SELECT pw_hash FROM users WHERE login='supervisor'")[0][0]
        for i in range(70):
            gmtest.sql(self.srv.db, "INSERT INTO users(login,display_name,pw_hash,created_at) "
                                    "VALUES(?,?,?,'2026-01-01T00:00:00Z')", (f"sup{i}", f"督办{i}", pw))
            # half on the city (above the account's unit), half on the county
            gmtest.sql(self.srv.db, "INSERT INTO user_roles(user_id,unit_id,role) SELECT id,?, 'supervisor' "
                                    "FROM users WHERE login=?", (2 if i % 2 else 3, f"sup{i}"))
        # one supervisor of a unit beside the account's (卫生健康局, unit 5): not told
        gmtest.sql(self.srv.db, "INSERT INTO users(login,display_name,pw_hash,created_at) "
                                "VALUES('sup_side','卫健督办',?,'2026-01-01T00:00:00Z')", (pw,))
        gmtest.sql(self.srv.db, "INSERT INTO user_roles(user_id,unit_id,role) SELECT id,5,'supervisor' "
                                "FROM users WHERE login='sup_side'")
        r = self.srv.session("operator").post(f"/api/v1/accounts/{WECHAT}/credential/requests",
                                            {"expires_at": gmtest.utc_iso(3600), "reason": "新闻发布会直播"})
        self.assertEqual(r.status, 201, r)
        told = {login for (login,) in gmtest.sql(
            self.srv.db, "SELECT u.login FROM notifications n JOIN users u ON u.id=n.user_id "
                         "WHERE n.kind='credential.request'")}
        self.assertEqual(len(told), 71, sorted(told))           # 70 + the demo supervisor
        self.assertIn("sup69", told)
        self.assertNotIn("sup_side", told)


class ChineseRefusalTest(SharedServerTest):
    """Bad input → a clear message naming the field (and a missing permission)
    in Chinese, never ending in the API code."""

    def test_rule_rbac_refusal_names_permission_in_chinese(self):
        r = self.srv.session("supervisor").post("/api/v1/posts/1/publish", {"account_id": 1})
        self.assertEqual(r.status, 403, r)
        msg = r.json["error"]["message"]
        self.assertIn("发布稿件", msg)
        self.assertFalse(msg.endswith("post.publish"), msg)
        r = self.srv.session("contributor").post("/api/v1/accounts", dict(APPLICATION, unit_id=5))
        self.assertEqual(r.status, 403, r)
        self.assertIn("申请开设账号", r.json["error"]["message"])

    def test_rule_bad_input_text_limits_name_field_in_chinese(self):
        r = self.srv.session("contributor").post("/api/v1/posts", {
            "title": "处罚公示", "body": "正文", "account_ids": [1],
            "disclosure_type": "punishment", "disclosure_basis": "法"})
        self.assertEqual((r.status, r.error_field()), (400, "disclosure_basis"), r)
        self.assertIn("法律依据", r.json["error"]["message"])
        self.assertNotIn("disclosure_basis", r.json["error"]["message"])


class AnnualReviewNoticeTest(gmtest.ServerTest):
    """§1.5 "Annual review: not submitted or failed ⇒ the account must be closed
    (注销)": the unit that runs the account is told of the decision on its
    report, with the reason, and of each account the closed round sends to
    closing."""

    def test_rule_1_annual_review_failure_and_must_close_reach_the_unit(self):
        sup, dh, op = (self.srv.session(x) for x in ("supervisor", "depthead", "operator"))
        r = sup.post("/api/v1/reviews", {"year": 2026})
        rid = r.json["id"]
        self.assertEqual(r.json["state_label"], "进行中")      # every code with its Chinese label
        entry = next(e for e in r.json["accounts"] if e["account_id"] == WECHAT)
        self.assertEqual((entry["platform_label"], entry["account_state_label"], entry["outcome_label"]),
                         ("微信公众号", "已备案", "应关停"))
        r = op.post(f"/api/v1/reviews/{rid}/accounts/{WECHAT}/report", {"text": "全年发布 12 条"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(sup.post(f"/api/v1/reviews/{rid}/accounts/{WECHAT}/fail",
                                  {"reason": "全年更新不足 20 条"}).status, 200)
        for who in (dh, op):
            [n] = notices(who, "review.fail")
            self.assertIn("示范县教育发布", n["title"])
            self.assertIn("须注销", n["title"])
            self.assertEqual((n["body"], n["link"]), ("全年更新不足 20 条", f"/reviews/{rid}"))
        self.assertEqual(notices(self.srv.session("contributor"), "review.fail"), [])
        r = sup.post(f"/api/v1/reviews/{rid}/close", {})
        self.assertEqual((r.status, r.json["state_label"]), (200, "已结束"), r)
        told = notices(dh, "review.must_close")
        self.assertEqual({n["body"] for n in told}, {"年审未通过:全年更新不足 20 条", "未提交年审报告"}, told)
        self.assertTrue(all(n["link"] == f"/reviews/{rid}" for n in told))
        self.assertEqual(len(notices(op, "review.must_close")), len(told))
        ok = self.srv.session("observer").get("/api/v1/audit/verify").json
        self.assertTrue(ok["ok"], ok)


class AuditFilterTest(gmtest.ServerTest):
    """§5.4 "an append-only, tamper-evident audit log of every action, who,
    when, from where": the inspector filters by who, by when (China days or
    instants with a zone) and by where; a time that is not one is refused,
    not compared as text."""

    def test_rule_5_audit_filters_who_when_where(self):
        obs = self.srv.session("observer")
        self.srv.session("supervisor").post("/api/v1/accounts/3/reject", {"reason": "材料不全"})
        today = gmtest.utc_iso()[:10]
        r = obs.get(f"/api/v1/audit?action=account.reject&client_addr=127.0.0.1&from={today}")
        self.assertEqual(r.status, 200, r)
        self.assertEqual([(x["login"], x["client_addr"]) for x in r.json["rows"]], [("supervisor", "127.0.0.1")])
        self.assertEqual(obs.get("/api/v1/audit?action=account.reject&client_addr=10.9.9.9").json["total"], 0)
        cli_rows = obs.get("/api/v1/audit?client_addr=cli&page_size=500").json
        self.assertTrue(cli_rows["total"] > 0 and all(x["client_addr"] == "cli" for x in cli_rows["rows"]))
        # a China day as "to" covers the whole day; an instant with its zone is read as such
        self.assertEqual(obs.get(f"/api/v1/audit?action=account.reject&to=2026-01-01").json["total"], 0)
        r = obs.get("/api/v1/audit?action=account.reject&from=2026-01-01T00:00:00%2B08:00&to=2099-01-01")
        self.assertEqual(r.json["total"], 1, r)
        for bad in ("yesterday", "2026-13-01", "2026-11-24T08:00:00", "2026-11-24 08:00"):
            r = obs.get("/api/v1/audit?from=" + bad.replace(" ", "%20"))
            self.assertEqual((r.status, r.error_field()), (400, "from"), (bad, r))
            self.assertIn("北京时间", r.json["error"]["message"])
        self.assertEqual(obs.get("/api/v1/audit?to=soon").error_field(), "to")


class MessageTimesUtcTest(SharedServerTest):
    """The API speaks UTC ISO-8601: message, incident and meeting times come
    back in UTC whatever zone they were sent in (the console shows them in
    Beijing time)."""

    def test_rule_4_message_times_are_utc(self):
        c = self.srv.session("contributor")
        r = c.post("/api/v1/messages", {"account_id": WECHAT, "text": "开学时间?", "from": "家长",
                                        "received_at": "2026-09-30T16:00:00+08:00"})
        self.assertEqual(r.status, 201, r)
        m = r.json
        self.assertEqual((m["received_at"], m["first_response_due"], m["answer_due"]),
                         ("2026-09-30T08:00:00Z", "2026-10-08T03:30:00Z", "2026-10-13T09:30:00Z"))
        for e in m["events"]:
            self.assertRegex(e["at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        meetings = self.srv.session("observer").get("/api/v1/meetings?unit_id=4&from=2026-01&to=2026-12").json
        self.assertTrue(meetings["meetings"])
        for mt in meetings["meetings"]:
            self.assertTrue(mt["created_at"].endswith("Z"), mt)


class CliPostTest(gmtest.CliDbTest):
    """§2 "personal information is de-identified except in lawful punishment
    disclosures" from the command line too, and the CLI's bad input: a Chinese
    message, exit 2, nothing written."""

    def write(self, name, content):
        path = os.path.join(self.srv.dir, name)
        with open(path, "wb") as f:
            f.write(content if isinstance(content, bytes) else json.dumps(content).encode())
        return path

    def post(self, sub, *args):
        return gmtest.run("post", sub, "--db", self.srv.db, *args)

    def test_rule_2_cli_post_create_declares_punishment_disclosure(self):
        """§2.8 personal data kept in a declared punishment disclosure, on the command line."""
        path = self.write("p.json", {"title": "行政处罚决定公示",
                                     "body": "当事人张三(身份证号 110101199003074514)因违规经营被罚款五千元。",
                                     "account_ids": [WECHAT]})
        p = self.post("create", "--as", "contributor", "--input", path,
                      "--disclosure", "punishment", "--basis", "《行政处罚法》第四十八条")
        self.assertEqual(p.returncode, 0, p.stderr)
        post = json.loads(p.stdout)
        self.assertEqual(post["disclosure"], {"type": "punishment", "label": "惩戒公示",
                                              "basis": "《行政处罚法》第四十八条"})
        p = self.post("submit", "--as", "contributor", "--id", str(post["id"]))
        self.assertEqual(p.returncode, 0, p.stderr)
        findings = json.loads(p.stdout)["versions"][-1]["findings"]
        privacy = [f for f in findings if f["rule"] == "privacy"]
        self.assertTrue(privacy, findings)
        self.assertTrue(all(f["severity"] == "info" and f["accepted"] == "disclosure" for f in privacy),
                        privacy)
        # the declaration in the file works the same (JSON as the API's)
        path = self.write("m.json", {"title": "强制性信息披露", "body": "联系人手机 13912345678。",
                                     "account_ids": [WECHAT], "disclosure_type": "mandatory",
                                     "disclosure_basis": "《政府信息公开条例》第二十条"})
        p = self.post("create", "--as", "contributor", "--input", path)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["disclosure"]["label"], "强制性信息披露")

    def test_rule_cli_bad_input_exit_2_nothing_changed(self):
        good = self.write("g.json", {"title": "通知", "body": "正文", "account_ids": [WECHAT]})
        cases = [
            (("create", "--as", "contributor", "--input", good, "--disclosure", "secret",
              "--basis", "《行政处罚法》"), "依法公开"),
            (("create", "--as", "contributor", "--input", good, "--basis", "《行政处罚法》"), "依法公开"),
            (("create", "--as", "contributor", "--input", good, "--disclosure", "punishment"), "法律依据"),
            (("create", "--as", "contributor", "--input", os.path.join(self.srv.dir, "none.json")),
             "文件不存在"),
            (("create", "--as", "contributor", "--input", self.srv.dir), "目录"),
            (("create", "--as", "contributor", "--input",
              self.write("u.json", b'{"title":"\xff\xfe","body":"x","account_ids":[1]}')), "UTF-8"),
            (("create", "--as", "contributor", "--input",
              self.write("x.json", {"title": "a", "body": "b", "account_ids": [1], "colour": "red"})),
             "未知字段"),
            (("create", "--as", "contributor", "--input",
              self.write("t.json", {"title": "a", "body": "b", "account_ids": [1], "major": "yes"})),
             "重要"),
            (("create", "--as", "contributor", "--input",
              self.write("e.json", {"title": "a", "body": "b", "account_ids": []})), "发布账号"),
            (("create", "--as", "contributor", "--input", good, "--frobnicate"), "--frobnicate"),
            (("create", "--as", "contributor", "--input"), "--input"),
            (("create", "--as", "nobody", "--input", good), "nobody"),
        ]
        before = (count(self.srv.db, "posts"), count(self.srv.db, "audit"))
        for args, words in cases:
            with self.subTest(args=args[-2:]):
                p = self.post(*args)
                self.assertEqual(p.returncode, 2, (p.stdout, p.stderr))
                self.assertIn(words, p.stderr)
                self.assertRegex(p.stderr, r"[\u4e00-\u9fff]")
                self.assertNotIn("No such file", p.stderr)
                self.assertNotIn("unrecognized", p.stderr)
        p = gmtest.run("post", "create", "--db", os.path.join(self.srv.dir, "nope", "x.db"),
                       "--as", "contributor", "--input", good)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("不存在", p.stderr)
        self.assertEqual((count(self.srv.db, "posts"), count(self.srv.db, "audit")), before)


    def test_rule_cli_unknown_option_named_in_chinese_on_every_command(self):
        db = self.srv.db
        for args in (["account", "list"], ["message", "import"], ["message", "list"], ["calendar", "list"],
                     ["jobs", "list"], ["report", "activity"], ["unit", "list"], ["user", "list"],
                     ["audit", "verify"], ["backup"], ["publication", "import"], ["vault", "rekey"],
                     ["post", "list"]):
            with self.subTest(cmd=args):
                p = gmtest.run(*args, "--db", db, "--bogus")
                self.assertEqual(p.returncode, 2, (p.stdout, p.stderr))
                self.assertIn("--bogus", p.stderr)
                self.assertIn("无法识别的选项", p.stderr)
                self.assertNotIn("unrecognized", p.stderr)



class FilingDeadlineReminderTest(gmtest.ServerTest):
    """§1 "filing … due within 3 days of opening; a late filing is flagged and stays marked
    late" and "re-filing, due within 5 working days of the change": as a deadline comes and
    passes (the reminder job run at those moments, as `jobs run --at` does for a drill), the
    unit's operators, who file, are told the day before and every day after; the supervisor
    (信息中心) once it is overdue; nobody once it is filed, and the late filing stays marked."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        import acct_helpers
        cls.helpers = acct_helpers
        cls.b = acct_helpers.Builder(cls.srv.session("supervisor"))

    def run_job(self, at):
        p = gmtest.run("jobs", "run", "accounts.remind", "--db", self.srv.db, "--at", at)
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout

    def told(self, login, name):
        return [n["body"] for n in notices(self.srv.session(login), "account.filing_due")
                if f"“{name}”" in n["body"]]

    def test_rule_1_filing_deadline_reminds_operator_then_supervisor_and_stops_once_filed(self):
        """§1.3 the filing deadline reminds the operator, then the supervisor, and stops once filed."""
        aid = self.b.make("opened")                       # opened 2026-09-29: due 2026-10-02
        name = f"测试账号{self.b.n}"
        self.run_job("2026-09-30T01:00:00Z")              # 09:00 Beijing, two days before
        self.assertEqual(self.told("operator", name), [])
        self.run_job("2026-10-01T01:00:00Z")              # the day before
        told = self.told("operator", name)
        self.assertEqual(len(told), 1, told)
        self.assertIn(f"“{name}”备案应于 2026-10-02 前完成(明天到期)", told[0])
        self.assertEqual(self.told("supervisor", name), [], "not overdue yet: 信息中心 not troubled")
        self.run_job("2026-10-04T01:00:00Z")              # two days late
        told = self.told("operator", name)
        self.assertEqual(len(told), 2, told)
        self.assertTrue(any("已逾期 2 天" in b for b in told), told)
        self.assertEqual(len(self.told("supervisor", name)), 1)
        for login in ("contributor", "depthead", "observer"):
            self.assertEqual(self.told(login, name), [], login)
        # filed late: marked so for good, and nobody is reminded any more
        sup = self.srv.session("supervisor")
        self.b.step(aid, "qr")
        r = sup.post(f"/api/v1/accounts/{aid}/file", dict(self.helpers.BODIES["file"], date="2026-10-04"))
        self.assertEqual((r.status, r.json["state"], r.json["filed_late"]), (200, "filed", True), r)
        self.run_job("2026-10-05T01:00:00Z")
        self.assertEqual(len(self.told("operator", name)), 2)
        self.assertEqual(len(self.told("supervisor", name)), 1)
        late = [a["id"] for a in sup.get("/api/v1/accounts?filed_late=true").json["accounts"]]
        self.assertIn(aid, late)

    def test_rule_1_refiling_deadline_after_a_change_of_administrator_reminds(self):
        """§1.4 the re-filing deadline after a change of administrator reminds."""
        self.b.make("refiling_due")                       # changed 2026-09-29: due 2026-10-12
        name = f"测试账号{self.b.n}"
        self.run_job("2026-10-12T01:00:00Z")
        told = self.told("operator", name)
        self.assertEqual(len(told), 1, told)
        self.assertIn(f"“{name}”重新备案应于 2026-10-12 前完成(今天到期)", told[0])
        self.assertEqual(self.told("supervisor", name), [])
        out = self.run_job("2026-10-13T01:00:00Z")
        self.assertIn("项备案即将到期或已逾期", out)
        self.assertTrue(any("已逾期 1 天" in b for b in self.told("supervisor", name)))

    def test_rule_1_overdue_national_filing_is_named_until_recorded(self):
        """§1.4 "Provinces also file opening, change, closing and cancelling in the national
        全国政务新媒体信息报送系统 … record that filing's state and date too"."""
        op = self.srv.session("operator")
        rows = op.get("/api/v1/accounts/1/national-filings?state=overdue").json["filings"]
        self.assertTrue(rows, "the demo account's opening was never filed nationally")
        event = rows[0]
        piece = f"“{event['account_name']}”的{event['event_label']}须在全国政务新媒体信息报送系统报送"
        def told():
            return [b for b in self.told("supervisor", event["account_name"]) if piece in b]
        before = len(told())
        self.run_job("2026-11-24T01:00:00Z")
        self.assertEqual(len(told()), before + 1)
        self.assertIn(f"应于 {event['due_on']} 前完成(已逾期", told()[0])
        r = op.post("/api/v1/accounts/1/national-filings",
                    {"version": event["version"], "filed_on": "2026-11-23", "reference": "GJ-2026-001"})
        self.assertEqual(r.status, 200, r)
        self.run_job("2026-11-25T01:00:00Z")
        self.assertEqual(len(told()), before + 1, "recorded: not named again")

    def test_rule_1_filing_reminder_is_a_scheduled_job_listed_in_beijing_time(self):
        p = gmtest.run("jobs", "list", "--db", self.srv.db)
        self.assertEqual(p.returncode, 0, p.stderr)
        line = next(x for x in p.stdout.splitlines() if x.startswith("accounts.remind "))
        self.assertIn("每天 09:00", line)


class InteractionFiguresByUnitTest(gmtest.ServerTest):
    """§4.2 "Poor interaction (互动回应差) is a national veto item" seen by an inspector or a
    supervisor across a unit and the units below it, not only account by account: the API
    (`/messages/figures?unit_id=`) and the command line (`message figures --unit`) agree, and
    a unit outside the caller's reach is refused."""

    def log(self, text, at):
        r = self.srv.session("contributor").post("/api/v1/messages", {
            "account_id": WECHAT, "kind": "consult", "text": text, "from": "网民", "received_at": at})
        self.assertEqual(r.status, 201, r)
        return r.json["id"]

    def test_rule_4_interaction_figures_of_a_unit_subtree_api_and_cli_agree(self):
        first = self.log("开学时间?", "2026-11-02T10:00:00+08:00")
        self.log("食堂价格?", "2026-11-03T10:00:00+08:00")
        r = self.srv.session("contributor").post(f"/api/v1/messages/{first}/answer", {
            "text": "11月9日开学。", "result": "resolved", "at": "2026-11-02T11:00:00+08:00"})
        self.assertEqual(r.status, 200, r)
        obs = self.srv.session("observer")
        q = "from=2026-11-01&to=2026-11-30"
        county = obs.get(f"/api/v1/messages/figures?unit_id=3&{q}")   # 示范县 and its departments
        self.assertEqual(county.status, 200, county)
        self.assertEqual((county.json["received"], county.json["answered"], county.json["open"],
                          county.json["unit_id"], county.json["account_id"]), (2, 1, 1, 3, None))
        health = obs.get(f"/api/v1/messages/figures?unit_id=5&{q}")    # 卫健局: none of these
        self.assertEqual(health.json["received"], 0, health)
        one = obs.get(f"/api/v1/messages/figures?account_id={WECHAT}&{q}")
        self.assertEqual(one.json["received"], 2, one)
        both = obs.get(f"/api/v1/messages/figures?account_id={WECHAT}&unit_id=3&{q}")
        self.assertEqual((both.status, both.error_field()), (400, "unit_id"), both)
        # the department's own staff see their unit, not the province above it
        mine = self.srv.session("operator").get(f"/api/v1/messages/figures?{q}")
        self.assertEqual((mine.status, mine.json["unit_id"], mine.json["received"]), (200, 4, 2), mine)
        self.assertEqual(self.srv.session("operator").get(f"/api/v1/messages/figures?unit_id=1&{q}").status, 403)
        p = gmtest.run("message", "figures", "--db", self.srv.db, "--unit", "3", "--from", "2026-11-01",
                       "--to", "2026-11-30")
        self.assertEqual(p.returncode, 0, p.stderr)
        cli = json.loads(p.stdout)
        self.assertEqual({k: cli[k] for k in ("received", "answered", "open", "unit_id")},
                         {"received": 2, "answered": 1, "open": 1, "unit_id": 3})
        p = gmtest.run("message", "figures", "--db", self.srv.db, "--from", "2026-11-01", "--to", "2026-11-30")
        self.assertEqual(p.returncode, 2)
        self.assertIn("--unit", p.stderr)


class QueryParameterContractTest(SharedServerTest):
    """Bad input in the URL: a filter the route does not know (a typo such as `unit=4` for
    `unit_id=4`) is refused naming it and the parameters the route does take, on every
    route, rather than silently answering the unfiltered list."""

    def test_rule_bad_input_unknown_filter_is_named_with_the_ones_the_route_takes(self):
        sup = self.srv.session("supervisor")
        r = sup.get("/api/v1/accounts?unit=4")
        self.assertEqual((r.status, r.error_field()), (400, "unit"), r)
        self.assertIn("unit_id", r.json["error"]["message"])
        for path in ("/api/v1/units?page=2", "/api/v1/users?q=%E7%8E%8B", "/api/v1/reviews?year=2026",
                     "/api/v1/calendar?year=2026", "/api/v1/accounts/1/publishers?all=1"):
            r = sup.get(path)
            self.assertEqual(r.status, 400, f"{path}: {r}")
            self.assertIn("不接受查询参数", r.json["error"]["message"], path)
        p = gmtest.run("routes", "--query", check=True)
        self.assertIn("GET /api/v1/accounts unit_id:id,", p.stdout)
        self.assertIn("GET /api/v1/units -", p.stdout)


class PolicyPartialUpdateTest(gmtest.ServerTest):
    """§2 "Levels are a per-unit policy" and §4 "deadlines are a policy": an admin who changes
    one setting keeps the others (changing the review time limit of a unit with a three-level
    chain left it with the default two levels), and a PUT that names no setting is refused
    instead of silently replacing or copying the unit's policy."""

    def test_rule_2_changing_the_review_time_limit_keeps_the_units_levels(self):
        """§2.1 levels are a per-unit policy: changing the time limit keeps them."""
        admin = self.srv.session("admin")
        r = admin.put("/api/v1/units/4/review-policy", {"preset": "three_level"})
        self.assertEqual(r.status, 200, r)
        r = admin.put("/api/v1/units/4/review-policy", {"overdue_days": 5})
        self.assertEqual((r.status, r.json["preset"], r.json["levels"], r.json["overdue_days"]),
                         (200, "three_level", ["department_head", "leader", "principal"], 5), r)
        r = admin.put("/api/v1/units/4/review-policy", {"levels": ["leader"]})
        self.assertEqual((r.json["preset"], r.json["levels"], r.json["overdue_days"]),
                         ("custom", ["leader"], 5), r)
        before = count(self.srv.db, "audit")
        r = admin.put("/api/v1/units/4/review-policy", {})
        self.assertEqual((r.status, r.error_field()), (400, "preset"), r)
        self.assertEqual(admin.get("/api/v1/units/4/review-policy").json["levels"], ["leader"])
        self.assertEqual(count(self.srv.db, "audit"), before)

    def test_rule_4_message_policy_put_without_a_setting_is_refused(self):
        """§4.2 deadlines are a policy: a change without a setting is refused."""
        sup = self.srv.session("supervisor")
        before = count(self.srv.db, "audit")
        r = sup.put("/api/v1/messages/policy", {"unit_id": 4})
        self.assertEqual((r.status, r.error_field()), (400, "preset"), r)
        self.assertIsNotNone(sup.get("/api/v1/messages/policy?unit_id=4").json["inherited_from_unit_id"])
        self.assertEqual(count(self.srv.db, "audit"), before)


class InspectorAuditExportTest(SharedServerTest):
    """§5.4 "an append-only, tamper-evident audit log of every action, who, when, from where",
    as an inspector (监督检查) takes it away: the API's filters and the command line's agree,
    the command line writes it as CSV with Chinese headers and China times, and both say the
    chain is intact."""

    def test_rule_5_inspector_filters_and_exports_the_trail_api_and_cli_agree(self):
        sup = self.srv.session("supervisor")
        r = self.srv.session("contributor").post("/api/v1/accounts", APPLICATION)
        self.assertEqual(r.status, 201, r)
        self.assertEqual(sup.post(f"/api/v1/accounts/{r.json['id']}/approve", {}).status, 200)
        obs = self.srv.session("observer")
        api = obs.get("/api/v1/audit?login=supervisor&action=account.approve&from=2020-01-01&page_size=500")
        self.assertEqual(api.status, 200, api)
        self.assertGreaterEqual(api.json["total"], 1)
        p = gmtest.run("audit", "list", "--db", self.srv.db, "--login", "supervisor", "--action",
                       "account.approve", "--from", "2020-01-01", "--limit", "1000", "--csv")
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.lstrip("\ufeff").splitlines()
        self.assertTrue(p.stdout.startswith("\ufeff"), "BOM for Excel")
        self.assertIn("时间(北京时间)", lines[0])
        self.assertEqual(len(lines) - 1, api.json["total"])
        self.assertEqual({int(x.split(",")[0].strip('"')) for x in lines[1:]},
                         {row["id"] for row in api.json["rows"]})
        self.assertTrue(all('"supervisor"' in x and '"account.approve"' in x for x in lines[1:]))
        # a period with nothing in it, and a day that does not exist
        p = gmtest.run("audit", "list", "--db", self.srv.db, "--to", "2020-01-01")
        self.assertEqual((p.returncode, p.stdout), (0, ""))
        p = gmtest.run("audit", "list", "--db", self.srv.db, "--from", "2026-13-01")
        self.assertEqual(p.returncode, 2)
        self.assertIn("--from", p.stderr)
        # the chain verifies for the inspector through both doors
        self.assertEqual(obs.get("/api/v1/audit/verify").json["ok"], True)
        p = gmtest.run("audit", "verify", "--db", self.srv.db)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(p.stdout.startswith("OK"), p.stdout)



def last_audit(db, action):
    """(before, after) of the newest audit row of an action, as JSON."""
    rows = gmtest.sql(db, "SELECT before, after FROM audit WHERE action=? ORDER BY id DESC LIMIT 1",
                      (action,))
    assert rows, action
    return tuple(json.loads(x) if x else None for x in rows[0])


class AuditWhoWhatWhyTest(SharedServerTest):
    """§5.4 "an append-only, tamper-evident audit log of every action": the
    inspector reads the audit log, not the account page, so every
    state-changing row says what changed and why (the reason, the date, the
    people before and after), not only the new state."""

    def test_rule_5_account_close_audit_row_records_reason_and_date(self):
        sup = self.srv.session("supervisor")
        r = sup.post(f"/api/v1/accounts/2/close", {"reason": "长期不更新,整合至教育发布", "date": "2026-11-02"})
        self.assertEqual(r.status, 200, r)
        before, after = last_audit(self.srv.db, "account.close")
        self.assertEqual((before["state"], after["state"]), ("opened", "closed"))
        self.assertEqual((after["closing"]["reason"], after["closing"]["date"], after["closing"]["by"]),
                         ("长期不更新,整合至教育发布", "2026-11-02", "supervisor"))
        # the audit API gives the inspector the same
        row = self.srv.session("observer").get("/api/v1/audit?action=account.close").json["rows"][0]
        self.assertIn("长期不更新", json.dumps(row, ensure_ascii=False))

    def test_rule_5_change_of_administrator_audit_row_has_before_and_after(self):
        op = self.srv.session("operator")
        admin = {"name": "王芳", "title": "科员", "office_phone": "0571-87654329", "mobile": "13700137000"}
        r = op.post(f"/api/v1/accounts/{WECHAT}/changes", {"date": gmtest.utc_iso()[:10], "admin": admin,
                                                            "note": "原管理员调岗"})
        self.assertEqual(r.status, 200, r)
        before, after = last_audit(self.srv.db, "account.change")
        self.assertNotEqual(before["admin"]["name"], "王芳")
        self.assertEqual(after["admin"]["name"], "王芳")
        self.assertEqual(after["last_change"]["note"], "原管理员调岗")
        self.assertNotIn("responsible", after)              # only what changed

    def test_rule_5_post_rejection_audit_row_records_the_reason(self):
        author, head = self.srv.session("contributor"), self.srv.session("depthead")
        r = author.post("/api/v1/posts", {"title": "关于校园安全检查的通知", "body": "本周开展校园安全检查。",
                                          "account_ids": [WECHAT]})
        pid = r.json["id"]
        self.assertEqual(author.post(f"/api/v1/posts/{pid}/submit").status, 200)
        r = head.post(f"/api/v1/posts/{pid}/reject", {"reason": "检查时间需与教育局核实"})
        self.assertEqual(r.status, 200, r)
        before, after = last_audit(self.srv.db, "post.reject")
        self.assertEqual((before["state"], after["state"], after["reason"]),
                         ("in_review", "returned", "检查时间需与教育局核实"))

    def test_rule_5_annual_review_failure_and_round_close_audit_rows_say_why(self):
        sup, op = self.srv.session("supervisor"), self.srv.session("operator")
        rid = sup.post("/api/v1/reviews", {"year": 2025}).json["id"]
        self.assertEqual(op.post(f"/api/v1/reviews/{rid}/accounts/{WECHAT}/report", {"text": "全年发布 8 条"}).status, 200)
        self.assertEqual(sup.post(f"/api/v1/reviews/{rid}/accounts/{WECHAT}/fail",
                                  {"reason": "全年更新不足"}).status, 200)
        before, after = last_audit(self.srv.db, "account.review_fail")
        self.assertEqual((before["review_state"], after["review_state"], after["reason"]),
                         ("submitted", "failed", "全年更新不足"))
        self.assertEqual(sup.post(f"/api/v1/reviews/{rid}/close", {}).status, 200)
        before, after = last_audit(self.srv.db, "review.close")
        self.assertEqual(before["state"], "open")
        self.assertIn(WECHAT, after["must_close_ids"])
        self.assertEqual(after["must_close"], len(after["must_close_ids"]))

    def test_rule_5_removed_duty_shift_audit_row_says_which(self):
        leader = self.srv.session("leader")
        r = leader.post("/api/v1/duty", {"unit_id": 4, "day": "2026-12-31", "person": "周敏", "leader": True})
        self.assertEqual(r.status, 201, r)
        sid = r.json["id"]
        self.assertEqual(leader.delete(f"/api/v1/duty/{sid}").status, 200)
        before, after = last_audit(self.srv.db, "duty.remove")
        self.assertEqual((before["day"], before["person"], before["leader"], after), ("2026-12-31", "周敏", True, None))


class MustCloseFigureTest(gmtest.ServerTest):
    """§1.5 "not submitted or failed ⇒ the account must be closed (注销) … lists
    accounts that must be closed": closing a listed account does not make it
    vanish from the round; the figure counts it with its state (应关停 N, of
    which 已关停 M)."""

    def test_rule_1_must_close_figure_keeps_closed_accounts_and_counts_them(self):
        sup = self.srv.session("supervisor")
        rid = sup.post("/api/v1/reviews", {"year": 2026}).json["id"]
        r = sup.post(f"/api/v1/reviews/{rid}/close", {})
        self.assertEqual(r.status, 200, r)
        r = sup.get(f"/api/v1/reviews/{rid}")
        listed = {e["account_id"] for e in r.json["accounts"] if e["outcome"] == "must_close"}
        self.assertEqual(listed, {WECHAT, 2})
        self.assertEqual((r.json["must_close_count"], r.json["must_close_closed"]), (2, 0))
        self.assertEqual(sup.post("/api/v1/accounts/2/close", {"reason": "年审未提交报告", "date": gmtest.utc_iso()[:10]}).status, 200)
        r = sup.get(f"/api/v1/reviews/{rid}")
        entry = next(e for e in r.json["accounts"] if e["account_id"] == 2)
        self.assertEqual((entry["outcome"], entry["outcome_label"], entry["account_state_label"]),
                         ("must_close", "应关停", "已注销"))
        self.assertEqual((r.json["must_close_count"], r.json["must_close_closed"], r.json["must_close_open"]),
                         (2, 1, 1))
        self.assertEqual(len(sup.get(f"/api/v1/reviews/{rid}/must-close").json["must_close"]), 2)


class AssessmentCatalogueTest(SharedServerTest):
    """§5.2 "Yearly assessment … configurable indicators and weights, the
    national indicators as a preset … a government unit's scheme may not add
    them": the catalogue comes from the server (codes, Chinese labels, kinds,
    barred for government and why), and a unit's own targets survive a read
    and a save."""

    def test_rule_5_indicator_catalogue_names_vanity_indicators_barred_for_government(self):
        r = self.srv.session("observer").get("/api/v1/assessment/indicators")
        self.assertEqual(r.status, 200, r)
        by = {i["code"]: i for i in r.json["indicators"]}
        self.assertEqual({c for c, i in by.items() if i["barred_for_government"]},
                         {"reads", "likes", "follows", "forwards", "reading_time"})
        self.assertIn("指尖上的形式主义", by["likes"]["barred_reason"])
        self.assertIsNone(by["timeliness"]["barred_reason"])
        self.assertEqual((by["veto_security"]["kind"], by["veto_security"]["kind_label"]), ("veto", "否决项"))
        self.assertEqual({c for c, i in by.items() if i["in_preset"]},
                         {"veto_security", "veto_inactivity", "veto_interaction", "timeliness",
                          "originality", "replies", "consolidation", "originals_bonus"})
        self.assertEqual(sum(i["preset_weight"] for i in by.values() if i["kind"] == "score" and i["in_preset"]), 100)
        self.assertEqual(by["originals_bonus"]["default_target"], 200)
        # the same refusal text as a government unit's save of a barred indicator
        r = self.srv.session("supervisor").put("/api/v1/units/4/assessment-scheme",
                                              {"year": 2026, "indicators": [{"code": "likes", "weight": 10}]})
        self.assertEqual((r.status, r.error_field()), (400, "indicators[0].code"), r)
        self.assertIn(by["likes"]["barred_reason"], r.json["error"]["message"])

    def test_rule_5_unit_target_survives_read_and_save_back(self):
        sup = self.srv.session("supervisor")
        items = [{"code": "timeliness", "weight": 50}, {"code": "originality", "weight": 30, "target": 0.6},
                 {"code": "originals_bonus", "weight": 20, "target": 120}]
        r = sup.put("/api/v1/units/3/assessment-scheme", {"year": 2026, "indicators": items})
        self.assertEqual(r.status, 200, r)
        got = sup.get("/api/v1/units/3/assessment-scheme?year=2026").json["indicators"]
        by = {i["code"]: i for i in got}
        self.assertEqual((by["originals_bonus"]["target"], by["originals_bonus"]["target_in_force"],
                          by["originals_bonus"]["default_target"]), (120, 120, 200))
        self.assertNotIn("target", by["timeliness"])
        self.assertEqual(by["originality"]["kind"], "score")
        # what a client read, saved back as it is, changes nothing
        back = [{k: i[k] for k in ("code", "weight", "target") if k in i} for i in got]
        self.assertEqual(sup.put("/api/v1/units/3/assessment-scheme", {"year": 2026, "indicators": back}).status, 200)
        self.assertEqual(sup.get("/api/v1/units/3/assessment-scheme?year=2026").json["indicators"], got)
        before, after = last_audit(self.srv.db, "assessment.scheme")
        self.assertEqual(before["indicators"], after["indicators"])


class WebhookNothingToChangeTest(SharedServerTest):
    """Bad input: a change that changes nothing is refused like the policies'
    (400 naming a field, no audit row), not answered 200."""

    def test_rule_bad_input_webhook_update_without_a_setting_is_refused(self):
        sup = self.srv.session("supervisor")
        r = sup.post("/api/v1/units/2/webhooks", {"kind": "wecom", "name": "办公室群",
                                                  "url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K1"})
        self.assertEqual(r.status, 201, r)
        hid = r.json["webhooks"][-1]["id"]
        before = count(self.srv.db, "audit")
        for body in ({}, {"name": None}):
            r = sup.put(f"/api/v1/units/2/webhooks/{hid}", body)
            self.assertEqual((r.status, r.error_field()), (400, "name"), r)
            self.assertIn("没有要修改的内容", r.json["error"]["message"])
        self.assertEqual(count(self.srv.db, "audit"), before)
        r = sup.put(f"/api/v1/units/2/webhooks/{hid}", {"enabled": False})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(count(self.srv.db, "audit"), before + 1)


if __name__ == "__main__":
    unittest.main()
