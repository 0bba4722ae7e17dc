"""Journeys a real user goes through from start to finish (session 25, helper
"api"), each asserting what the regulations demand at every step and what the
other modules make of it: an information centre registering and filing an
account, an editor's draft through two review levels to publication, a public
message answered late and what the year's assessment makes of it, an annual
review to its must-close list, and a unit assessment with a veto.  Each test
names the rule it walks; bad input met on the way is refused naming the field,
with nothing changed."""
import datetime
import os
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402
from gmtest import count, notices  # noqa: E402

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


class Journey(gmtest.ServerTest):
    def mark(self):
        """Logins write audit rows: the refusals are judged from here on."""
        self.audit = count(self.srv.db, "audit")

    def refused(self, r, status, field):
        """A refusal names the field in Chinese and writes nothing."""
        self.assertEqual((r.status, r.error_field()), (status, field), r)
        self.assertRegex(r.json["error"]["message"], r"[\u4e00-\u9fff]", r)
        self.assertEqual(count(self.srv.db, "audit"), self.audit, f"refused {field} wrote an audit row")

    def ok(self, r, status=200):
        self.assertEqual(r.status, status, r)
        self.audit = count(self.srv.db, "audit")
        return r.json


class AccountRegistrationJourneyTest(Journey):
    """§1.1 §1.3 §1.4 the 信息中心's account from application to filing: 申请表 → approval →
    opening → filing within 3 days (late stays marked) → national filing of the
    opening → a change of administrator and its re-filing within 5 working days;
    the 备案 register and the account's timeline show all of it."""

    APP = {"unit_id": 4, "name": "示范县教育微博", "platform": "weibo", "host_unit": "示范县教育局",
           "date": "2026-11-02",
           "responsible": {"name": "陈刚", "title": "局长", "office_phone": "0571-87654321",
                           "mobile": "13800138000"},
           "admin": {"name": "刘洋", "title": "科员", "office_phone": "0571-87654322",
                     "mobile": "13900139000", "qq": "123456", "wechat": "liuyang_01"},
           "purpose": "发布教育政务信息、回应家长关切"}

    def test_rule_1_information_centre_registers_files_and_refiles_an_account(self):
        con, sup, op = (self.srv.client(x) for x in ("contributor", "supervisor", "operator"))
        self.mark()
        bad = dict(self.APP, admin=dict(self.APP["admin"], mobile="1390013"))
        self.refused(con.post("/api/v1/accounts", bad), 400, "admin.mobile")
        acc = self.ok(con.post("/api/v1/accounts", self.APP), 201)
        aid = acc["id"]
        self.assertEqual((acc["state"], acc["state_label"]), ("applied", "待审批"))
        self.assertTrue([n for n in notices(sup, "account.apply") if n["link"] == f"/accounts/{aid}"])
        # a second application of the unit on the platform holds no slot
        self.refused(con.post("/api/v1/accounts", dict(self.APP, name="示范县教育微博2")), 409, "platform")
        self.refused(op.post(f"/api/v1/accounts/{aid}/open", {"platform_account_id": "x", "date": "2026-11-03"}),
                     409, "state")
        self.ok(sup.post(f"/api/v1/accounts/{aid}/approve", {"note": "同意开设"}))
        self.refused(op.post(f"/api/v1/accounts/{aid}/open", {"platform_account_id": "sfxjy_wb",
                                                               "date": "2026-10-30"}), 400, "date")
        acc = self.ok(op.post(f"/api/v1/accounts/{aid}/open", {"platform_account_id": "sfxjy_wb",
                                                               "date": "2026-11-16"}))
        self.assertEqual((acc["state"], acc["filing_due"]), ("opened", "2026-11-19"))
        # 3 days pass without a filing: listed overdue, reminded by the morning job
        late = [a["id"] for a in sup.get("/api/v1/accounts?overdue=filing&as_of=2026-11-20").json["accounts"]]
        self.assertIn(aid, late)
        ontime = [a["id"] for a in sup.get("/api/v1/accounts?overdue=filing&as_of=2026-11-19").json["accounts"]]
        self.assertNotIn(aid, ontime)
        p = gmtest.run("jobs", "run", "accounts.remind", "--db", self.srv.db, "--at", "2026-11-20 09:00")
        self.assertEqual(p.returncode, 0, p.stderr)
        told = [n for n in notices(op, "account.filing_due") if "示范县教育微博" in n["body"]]
        self.assertTrue(told, notices(op, "account.filing_due"))
        self.audit = count(self.srv.db, "audit")
        # certification is its own attribute and never gates the filing
        acc = self.ok(op.post(f"/api/v1/accounts/{aid}/certify",
                              {"status": "failed", "date": "2026-11-18", "note": "材料待补"}))
        self.assertEqual((acc["state"], acc["certification"]["status_label"]), ("opened", "认证未通过"))
        filing = {"date": "2026-11-20", "created_on": "2026-11-16", "followers": 35,
                  "introduction": "示范县教育局官方微博"}
        self.refused(op.post(f"/api/v1/accounts/{aid}/file", filing), 400, "qr_code")
        self.refused(op.request("PUT", f"/api/v1/accounts/{aid}/qr", raw=b"not an image",
                                headers={"Content-Type": "application/octet-stream"}), 400, "qr_code")
        self.ok(op.request("PUT", f"/api/v1/accounts/{aid}/qr", raw=PNG,
                           headers={"Content-Type": "image/png"}))
        self.refused(op.post(f"/api/v1/accounts/{aid}/file", dict(filing, followers=-3)), 400, "followers")
        acc = self.ok(op.post(f"/api/v1/accounts/{aid}/file", filing))
        self.assertEqual((acc["state"], acc["filed_late"], acc["filed_late_days"]), ("filed", True, 1))
        self.assertIn(aid, [a["id"] for a in sup.get("/api/v1/accounts?filed_late=true").json["accounts"]])
        # the opening is filed in the national system too, within the unit's deadline
        nf = sup.get(f"/api/v1/accounts/{aid}/national-filings").json["filings"]
        opening = [f for f in nf if f["event"] == "open"]
        self.assertEqual(len(opening), 1, nf)
        self.assertEqual((opening[0]["event_on"], opening[0]["due_on"]), ("2026-11-16", "2026-11-23"))
        self.refused(op.post(f"/api/v1/accounts/{aid}/national-filings",
                             {"version": opening[0]["version"], "filed_on": "2026-11-15"}), 400, "filed_on")
        nf = self.ok(op.post(f"/api/v1/accounts/{aid}/national-filings",
                             {"version": opening[0]["version"], "filed_on": "2026-11-20",
                              "reference": "GJ-2026-0420"}))["filings"]
        self.assertEqual([f["state"] for f in nf if f["event"] == "open"], ["filed"])
        # a new administrator: re-filing due in 5 working days, a national filing of the change
        self.refused(op.post(f"/api/v1/accounts/{aid}/changes", {"date": "2026-11-23"}), 400, "responsible")
        acc = self.ok(op.post(f"/api/v1/accounts/{aid}/changes",
                              {"date": "2026-11-23", "note": "管理员调岗",
                               "admin": {"name": "王五", "title": "科员", "office_phone": "0571-87654323",
                                         "mobile": "13700137000"}}))
        self.assertEqual((acc["state"], acc["refiling_due"]), ("refiling_due", "2026-11-30"))
        nf = sup.get(f"/api/v1/accounts/{aid}/national-filings").json["filings"]
        self.assertEqual([f["event"] for f in nf], ["open", "change"])
        acc = self.ok(op.post(f"/api/v1/accounts/{aid}/file", dict(filing, date="2026-11-24", followers=60)))
        self.assertEqual(acc["state"], "filed")
        self.assertEqual(acc["record"]["admin"]["name"], "王五")
        # the 备案 register carries every field of the form, the timeline every step in order
        rows = [r for r in sup.get("/api/v1/reports/accounts").json["rows"] if r.get("account_id", r.get("id")) == aid]
        self.assertEqual(len(rows), 1)
        text = str(rows[0])
        for want in ("sfxjy_wb", "王五", "13700137000", "陈刚", "2026-11-16"):
            self.assertIn(want, text)
        actions = [e["action"] for e in sup.get(f"/api/v1/accounts/{aid}/timeline").json["events"]]
        for a in ("account.apply", "account.approve", "account.open", "account.certify", "account.file",
                  "account.change", "account.national_file"):
            self.assertIn(a, actions)
        self.assertLess(actions.index("account.open"), actions.index("account.file"))


class DraftToPublicationJourneyTest(Journey):
    """§2.1 §3.4 an editor's draft: the check finds a wrong official name (blocks, with
    the fix) and a mobile number (warns: 去标识化); the author fixes the name, the
    department head passes the warning with a recorded reason, the leader confirms
    the 保密审查; only the operator authorised for the account publishes; the
    published version is immutable and searchable, and the week's statistics and
    the activity report count it."""

    BODY = ("各学校:根据《中华人民共合国未成年人保护法》,现开展冬季校园安全检查。"
            "联系人王老师,电话13912345678。")

    def test_rule_2_draft_through_two_levels_to_publication_archived_and_counted(self):
        con, head, leader, op, sup = (self.srv.client(x) for x in
                                      ("contributor", "depthead", "leader", "operator", "supervisor"))
        self.mark()
        draft = {"title": "关于开展冬季校园安全检查的通知", "body": self.BODY, "account_ids": [1]}
        self.refused(con.post("/api/v1/posts", dict(draft, account_ids=[])), 400, "account_ids")
        pid = self.ok(con.post("/api/v1/posts", draft), 201)["id"]
        r = con.post(f"/api/v1/posts/{pid}/submit")
        self.assertEqual(r.status, 422, r)
        blocks = [f for f in r.json["findings"] if f["severity"] == "block"]
        self.assertTrue(any("共和国" in str(f.get("suggestion", f)) for f in blocks), blocks)
        self.assertEqual(con.get(f"/api/v1/posts/{pid}").json["state"], "draft")
        self.mark()
        fixed = dict(draft, body=self.BODY.replace("共合国", "共和国"))
        self.ok(con.put(f"/api/v1/posts/{pid}", fixed))
        s = self.ok(con.post(f"/api/v1/posts/{pid}/submit"))
        self.assertEqual((s["state"], s["level"], s["level_role"]), ("in_review", 1, "department_head"))
        warns = [f for f in s["findings"] if f["severity"] == "warn"]
        self.assertTrue(warns, s["findings"])
        self.assertIn(pid, [p["id"] for p in head.get("/api/v1/posts?awaiting=me").json["posts"]])
        self.refused(leader.post(f"/api/v1/posts/{pid}/approve", {"note": "同意"}), 403, "level_role")
        self.refused(head.post(f"/api/v1/posts/{pid}/approve", {"note": "同意"}), 400, "override_reason")
        self.ok(head.post(f"/api/v1/posts/{pid}/approve",
                          {"note": "同意", "override_reason": "联系电话为学校公开的工作电话"}))
        self.refused(leader.post(f"/api/v1/posts/{pid}/approve",
                                 {"override_reason": "同上"}), 400, "confidentiality")
        a = self.ok(leader.post(f"/api/v1/posts/{pid}/approve",
                                {"override_reason": "同上", "confidentiality": True}))
        self.assertEqual(a["state"], "approved")
        # only an operator with the account's grant publishes
        self.refused(head.post(f"/api/v1/posts/{pid}/publish",
                               {"account_id": 1, "url": "https://mp.weixin.qq.com/s/winter"}), 403, None)
        pub = self.ok(op.post(f"/api/v1/posts/{pid}/publish",
                              {"account_id": 1, "url": "https://mp.weixin.qq.com/s/winter"}), 201)
        self.assertEqual(pub["state"], "published")
        day = pub["publication"]["published_at"]
        # immutable afterwards; searchable; its history holds every step
        self.refused(con.put(f"/api/v1/posts/{pid}", dict(fixed, title="改标题")), 409, "state")
        self.refused(con.delete(f"/api/v1/posts/{pid}"), 409, "state")
        found = [p["id"] for p in sup.get("/api/v1/posts?state=published&q=" + urllib.parse.quote("冬季校园安全检查")).json["posts"]]
        self.assertIn(pid, found)
        steps = con.get(f"/api/v1/posts/{pid}/history").json["steps"]
        self.assertEqual([x["action"] for x in steps],
                         ["create", "check", "edit", "submit", "approve", "approve", "publish"])
        self.assertEqual(steps[4]["override_reason"], "联系电话为学校公开的工作电话")
        self.assertTrue(steps[5]["confidentiality"])
        # the week's statistics and the activity report count it
        china_day = (datetime.datetime.fromisoformat(day.replace("Z", "+00:00"))
                     + datetime.timedelta(hours=8)).date().isoformat()
        week = sup.get(f"/api/v1/reports/weekly?as_of={china_day}").json
        acc = [x for x in week["accounts"] if x["account_id"] == 1][0]
        self.assertGreaterEqual(acc["posts"], 1)
        act = sup.get(f"/api/v1/reports/activity?as_of={china_day}").json
        self.assertEqual([x["last_update"] for x in act["accounts"] if x["account_id"] == 1], [china_day])


class MessageAnsweredLateJourneyTest(Journey):
    """§4.2 a citizen's complaint answered late, and §5 what the year makes of it:
    logged by the contributor, routed, acknowledged after the 4 working hours,
    an extension asked for after the answer due (refused: the lateness stays),
    answered after the maximum.  The list, the weekly statistics and the
    assessment's 互动回应差 veto all say so, with the facts naming the account."""

    def test_rule_4_a_complaint_answered_late_stays_late_and_vetoes_interaction(self):
        con, head, sup = (self.srv.client(x) for x in ("contributor", "depthead", "supervisor"))
        self.mark()
        body = {"account_id": 1, "kind": "complaint", "channel": "comment", "from": "家长赵女士",
                "text": "学校周边道路施工,孩子上学不安全,希望尽快处理。",
                "received_at": "2026-11-02T09:00:00+08:00"}
        self.refused(con.post("/api/v1/messages", dict(body, kind="抱怨")), 400, "kind")
        self.refused(con.post("/api/v1/messages", dict(body, received_at="2026-11-02 9点")), 400, "received_at")
        m = self.ok(con.post("/api/v1/messages", body), 201)
        mid = m["id"]
        self.assertEqual((m["first_response_due"], m["answer_due"], m["answer_max"]),
                         ("2026-11-02T06:30:00Z", "2026-11-09T09:30:00Z", "2026-11-16T09:30:00Z"))
        m = self.ok(con.post(f"/api/v1/messages/{mid}/ack",
                             {"text": "您好,已收到,正在协调住建部门。", "at": "2026-11-03T10:00:00+08:00"}))
        self.assertTrue(m["first_response_late"], m)
        self.refused(head.post(f"/api/v1/messages/{mid}/extend",
                               {"until": "2026-11-16", "reason": "需住建部门会商",
                                "at": "2026-11-10T09:00:00+08:00"}), 409, "at")
        self.refused(con.post(f"/api/v1/messages/{mid}/answer",
                              {"text": "已处理", "result": "resolved", "at": "2026-11-03T09:00:00+08:00"}),
                     400, "at")
        m = self.ok(con.post(f"/api/v1/messages/{mid}/answer",
                             {"text": "施工路段已设置护栏和交通协管员。", "result": "resolved",
                              "at": "2026-11-17T10:00:00+08:00"}))
        self.assertTrue(m["answer_late"], m)
        self.assertIsNone(m["extended_until"])
        late = [x["id"] for x in sup.get("/api/v1/messages?late=answer&limit=500").json["messages"]]
        self.assertIn(mid, late)
        week = sup.get("/api/v1/reports/weekly?as_of=2026-11-04").json
        acc = [a for a in week["accounts"] if a["account_id"] == 1][0]
        self.assertGreaterEqual(acc["messages_received"], 1)
        self.assertLess(acc["messages_answered_in_time"], acc["messages_received"])
        rep = sup.get("/api/v1/reports/assessment?year=2026&unit_id=4").json
        unit = [u for u in rep["units"] if u["unit_id"] == 4][0]
        veto = [i for i in unit["indicators"] if i["code"] == "veto_interaction"][0]
        self.assertTrue(veto["vetoed"], veto)
        self.assertTrue(unit["vetoed"])
        self.assertEqual(unit["grade"], "不合格(单项否决)")
        self.assertIn(1, [i["account_id"] for i in veto["facts"]["items"]])
        x = sup.get("/api/v1/reports/assessment.csv?year=2026&unit_id=4")
        self.assertEqual(x.status, 200, x)
        self.assertIn("单项否决", x.raw.decode("utf-8-sig"))


class AnnualReviewJourneyTest(Journey):
    """§1.5 年审: the supervisor opens the November round; one account reports and
    passes, one reports and fails with a reason, one never reports.  Closing the
    round lists the two that must close (注销) and tells their unit; once closed
    an account takes no post, and a publication found on it later is flagged."""

    def test_rule_1_annual_review_to_must_close_closing_and_closed_active(self):
        sup, con, op = (self.srv.client(x) for x in ("supervisor", "contributor", "operator"))
        head = self.srv.client("depthead")
        self.mark()
        app = dict(AccountRegistrationJourneyTest.APP, name="示范县教育头条号", platform="toutiao",
                   date="2026-02-20")
        extra = self.ok(con.post("/api/v1/accounts", app), 201)["id"]
        self.ok(sup.post(f"/api/v1/accounts/{extra}/approve", {}))
        self.ok(op.post(f"/api/v1/accounts/{extra}/open", {"platform_account_id": "sfx_tt", "date": "2026-03-02"}))
        self.refused(sup.post("/api/v1/reviews", {"year": 2026, "month": 13}), 400, "month")
        rnd = self.ok(sup.post("/api/v1/reviews", {"year": 2026}), 201)
        rid = rnd["id"]
        ours = {a["account_id"] for a in rnd["accounts"]}
        self.assertTrue({1, 2, extra} <= ours, ours)
        self.assertTrue(all(a["outcome"] == "must_close" for a in rnd["accounts"]))
        self.refused(con.post(f"/api/v1/reviews/{rid}/accounts/1/report", {"text": "  "}), 400, "text")
        self.ok(con.post(f"/api/v1/reviews/{rid}/accounts/1/report", {"text": "2026 年度发布 210 条,留言按时答复。"}))
        self.ok(con.post(f"/api/v1/reviews/{rid}/accounts/2/report", {"text": "2026 年度发布 3 条。"}))
        self.refused(sup.post(f"/api/v1/reviews/{rid}/accounts/2/fail", {}), 400, "reason")
        self.refused(sup.post(f"/api/v1/reviews/{rid}/accounts/{extra}/pass", {}), 409, "review_state")
        self.ok(sup.post(f"/api/v1/reviews/{rid}/accounts/1/pass", {"reason": "运行规范"}))
        self.ok(sup.post(f"/api/v1/reviews/{rid}/accounts/2/fail", {"reason": "全年更新不足 20 条"}))
        self.assertTrue([n for n in notices(head, "review.fail") if "全年更新不足 20 条" in n["body"]])
        closed = self.ok(sup.post(f"/api/v1/reviews/{rid}/close", {}))
        must = {a["account_id"]: a for a in closed["must_close"]}
        self.assertEqual(set(must) & {1, 2, extra}, {2, extra})
        self.assertIn("全年更新不足 20 条", must[2]["reason"])
        self.refused(con.post(f"/api/v1/reviews/{rid}/accounts/{extra}/report", {"text": "补交"}), 409, "round_id")
        told = [n["body"] for n in notices(head, "review.must_close")]
        self.assertTrue(any("示范县教育头条号" in b or "未提交" in b for b in told), told)
        # the supervisor closes one; the round counts it, the account takes no post
        self.refused(sup.post(f"/api/v1/accounts/{extra}/close", {"reason": "年审未提交报告"}), 400, "date")
        self.ok(sup.post(f"/api/v1/accounts/{extra}/close", {"reason": "年审未提交报告", "date": "2026-11-10"}))
        rnd = sup.get(f"/api/v1/reviews/{rid}").json
        self.assertEqual((rnd["must_close_count"] >= 2, rnd["must_close_closed"] >= 1), (True, True), rnd)
        r = con.post("/api/v1/posts", {"title": "寒假通知", "body": "各学校:寒假自1月20日开始。",
                                       "account_ids": [extra]})
        self.assertEqual(r.status // 100, 4, r)
        self.assertEqual(r.error_field(), "account_ids", r)
        csv_text = sup.get(f"/api/v1/reviews/{rid}/must-close.csv").raw.decode("utf-8-sig")
        self.assertIn("全年更新不足 20 条", csv_text)
        # a publication found on the closed account afterwards is flagged
        r = op.request("POST", f"/api/v1/accounts/{extra}/publications",
                       raw="published_at,title,url,kind\n2026-11-12 10:00,恢复更新,https://www.toutiao.com/a1,原创\n".encode(),
                       headers={"Content-Type": "text/csv"})
        self.assertEqual(r.status, 200, r)
        rows = sup.get("/api/v1/reports/closed_active").json["rows"]
        self.assertEqual([(x["account_id"], x["closed_on"]) for x in rows], [(extra, "2026-11-10")])


class InactivityVetoJourneyTest(Journey):
    """§4.1 §5.2 the national 2-week rule as the year's assessment sees it: an account
    that stopped publishing is a veto at the quarter's check; the unit's grade is
    不合格(单项否决) whatever its other scores, the facts name the account, and a
    government unit's scheme cannot be made to count likes instead."""

    def test_rule_5_a_unit_vetoed_for_an_account_silent_two_weeks_at_the_quarter_check(self):
        sup, op = self.srv.client("supervisor"), self.srv.client("operator")
        self.mark()
        rows = "".join(f"2026-09-{d:02d} 10:00,九月第{d}篇,https://mp.weixin.qq.com/s/j{d},原创\n"
                       for d in range(1, 13))
        r = op.request("POST", "/api/v1/accounts/1/publications",
                       raw=("published_at,title,url,kind\n" + rows).encode(), headers={"Content-Type": "text/csv"})
        self.assertEqual(r.status // 100, 2, r)
        act = sup.get("/api/v1/reports/activity?as_of=2026-09-30&unit_id=4").json
        one = [a for a in act["accounts"] if a["account_id"] == 1][0]
        self.assertEqual((one["last_update"], one["status"]), ("2026-09-12", "veto"), one)
        self.assertIn("国办秘函", one["reason"])
        self.audit = count(self.srv.db, "audit")
        self.refused(sup.request("PUT", "/api/v1/units/4/assessment-scheme",
                                 body={"year": 2026, "indicators": [{"code": "timeliness", "weight": 50},
                                                                    {"code": "likes", "weight": 50}]}),
                     400, "indicators[1].code")
        rep = sup.get("/api/v1/reports/assessment?year=2026&unit_id=4").json
        unit = [u for u in rep["units"] if u["unit_id"] == 4][0]
        veto = [i for i in unit["indicators"] if i["code"] == "veto_inactivity"][0]
        self.assertTrue(veto["vetoed"], veto)
        self.assertIn(1, [i["account_id"] for i in veto["facts"]["items"]])
        self.assertEqual(unit["grade"], "不合格(单项否决)")
        self.refused(sup.get("/api/v1/reports/assessment?year=20x6"), 400, "year")


class SecurityVetoJourneyTest(Journey):
    """§3.4 §5.2 严重表述错误 is a national veto item (安全问题): a post published with a
    wrong official name nobody had listed yet passes review; when the admin adds the
    name's wrong form to the list, the archive recheck finds it, and the year's
    assessment vetoes the unit on veto_security, naming the account and the post
    (through the API and the command line alike)."""

    def test_rule_5_wrong_expression_found_in_the_archive_vetoes_the_units_year(self):
        sup, admin = self.srv.client("supervisor"), self.srv.client("admin")
        def veto(rep):
            unit = [u for u in rep["units"] if u["unit_id"] == 4][0]
            return unit, [i for i in unit["indicators"] if i["code"] == "veto_security"][0]
        unit, item = veto(sup.get("/api/v1/reports/assessment?year=2026&unit_id=4").json)
        self.assertTrue(item["has_data"], item)
        self.assertFalse(item["vetoed"], item)
        title = "示范县卫生建康局开展校园食品安全联合检查"
        # written, reviewed on both levels and published: nobody had listed the wrong name
        pid = gmtest.publish_post(self.srv, title, "11月20日,示范县卫生建康局与教育局联合检查了全县中小学食堂。")
        unit, item = veto(sup.get("/api/v1/reports/assessment?year=2026&unit_id=4").json)
        self.assertFalse(item["vetoed"], item)
        # the admin lists the wrong form: the archive now has a security problem
        self.mark()
        self.refused(admin.post("/api/v1/admin/lists/names",
                                {"add": [{"correct": "示范县卫生健康局", "wrong": ["示范县卫生建康局"],
                                          "severity": "fatal"}]}), 400, "add[0].severity")
        r = admin.post("/api/v1/admin/lists/names",
                       {"add": [{"correct": "示范县卫生健康局", "wrong": ["示范县卫生建康局"], "severity": "block"}],
                        "note": "规范单位名称"})
        self.assertEqual(r.status, 200, r)
        items = sup.get("/api/v1/archive/recheck?account_id=1").json["items"]
        self.assertIn(pid, [i["post_id"] for i in items])
        unit, item = veto(sup.get("/api/v1/reports/assessment?year=2026&unit_id=4").json)
        self.assertTrue(item["vetoed"], item)
        self.assertEqual(item["value"], 1)
        self.assertEqual(unit["grade"], "不合格(单项否决)")
        fact = item["facts"]["items"][0]
        self.assertEqual((fact["account_id"], fact["link"]), (1, "/accounts/1"))
        self.assertIn(title[:20], fact["detail"])
        self.assertIn("严重表述错误", fact["detail"])
        self.assertIn("示范县卫生建康局", fact["detail"])
        # the command line reads the same lists from the database
        p = gmtest.run("report", "assessment", "--db", self.srv.db, "--year", "2026", "--unit", "4", "--json")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("严重表述错误", p.stdout)


if __name__ == "__main__":
    unittest.main()
