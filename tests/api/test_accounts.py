"""Account registry scenarios (REQUIREMENTS.md §1, issue 5): application,
one account per unit per platform, approval, opening/certification/filing,
changes and re-filing, closing and merging, queries, roles, audit.

Each test names the rule it checks.
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402
from acct_helpers import (BAD_TEXT_AS_PNG, BODIES, LEGAL, NEW_ADMIN, Builder, form,  # noqa: E402
                          jpeg_bytes, png_bytes)

ALL_STEPS = ["approve", "reject", "open", "certify", "file", "changes", "close", "merge"]
STATE_LABELS = {"applied": "待审批", "approved": "已批准", "rejected": "已驳回", "opened": "已开通",
                "certified": "已认证", "filed": "已备案", "refiling_due": "待重新备案",
                "closed": "已注销", "merged": "已合并"}


class AccountsTest(gmtest.ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.c = {login: cls.srv.client(login) for login in gmtest.DEMO_LOGINS}
        cls.b = Builder(cls.c["supervisor"])

    def audit_rows(self, aid=None):
        if aid is None:
            return gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM audit")[0][0]
        return gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM audit WHERE object_type='account' "
                          "AND object_id=?", (str(aid),))[0][0]

    def get(self, aid, who="supervisor"):
        return self.c[who].get(f"/api/v1/accounts/{aid}").json

    def body_for(self, step):
        return self.b.merge_body() if step == "merge" else BODIES[step]

    # ---- 1. application ----

    def test_application_records_every_field_of_the_form(self):
        """§1.1 every account starts as an application (申请表) holding every field of the form."""
        r = self.c["contributor"].post("/api/v1/accounts", form(4, "kuaishou", "示范县教育局快手"))
        self.assertEqual(r.status, 201, r)
        a = r.json
        self.assertEqual(a["state"], "applied")
        self.assertEqual(a["state_label"], "待审批")
        rec = a["record"]
        for key in ("name", "platform", "host_unit", "date", "purpose"):
            self.assertTrue(rec[key], key)
        self.assertEqual(set(rec["responsible"]), {"name", "title", "office_phone", "mobile"})
        self.assertEqual(rec["admin"]["qq"], "123456")
        self.assertEqual(rec["admin"]["wechat"], "liuyang_01")

    def test_application_validation_names_the_bad_field(self):
        cases = [
            ({"admin": dict(form()["admin"], mobile="1380013800")}, "admin.mobile"),
            ({"responsible": dict(form()["responsible"], mobile="23800138000")}, "responsible.mobile"),
            ({"responsible": dict(form()["responsible"], office_phone="abc")}, "responsible.office_phone"),
            ({"admin": dict(form()["admin"], qq="0123")}, "admin.qq"),
            ({"admin": dict(form()["admin"], extra="x")}, "admin.extra"),
            ({"platform": "myspace"}, "platform"),
            ({"date": "2026-02-30"}, "date"),
            ({"name": ""}, "name"),
            ({"colour": "red"}, "colour"),
        ]
        before = self.audit_rows()
        for change, field in cases:
            f = form(4, "app", "示范县教育局APP")
            f.update(change)
            r = self.c["contributor"].post("/api/v1/accounts", f)
            self.assertEqual(r.status, 400, (field, r))
            self.assertEqual(r.error_field(), field, r)
        missing = form(4, "app")
        del missing["responsible"]["name"]
        r = self.c["contributor"].post("/api/v1/accounts", missing)
        self.assertEqual((r.status, r.error_field()), (400, "responsible.name"), r)
        self.assertEqual(self.audit_rows(), before, "a refused application writes nothing")

    # ---- 2. one account per unit per platform ----

    def test_one_account_per_unit_per_platform_unless_supervisor_records_exception(self):
        """§1.6 a second active account of a unit on a platform needs the supervisor's recorded exception."""
        con, sup = self.c["contributor"], self.c["supervisor"]
        first = con.post("/api/v1/accounts", form(5, "douyin", "健康示范县抖音"))
        self.assertEqual(first.status, 403, "contributor of unit 4 may not apply for unit 5")
        first = sup.post("/api/v1/accounts", form(5, "douyin", "健康示范县抖音"))
        self.assertEqual(first.status, 201, first)
        second = sup.post("/api/v1/accounts", form(5, "douyin", "健康示范县抖音2"))
        self.assertEqual(second.status, 409, second)
        self.assertEqual(second.error_field(), "platform")
        self.assertIn("健康示范县抖音", second.json["error"]["message"])
        ok = sup.post("/api/v1/accounts", form(5, "douyin", "健康示范县抖音2",
                                               exception_reason="疫情防控专用号,经批准保留"))
        self.assertEqual(ok.status, 201, ok)
        self.assertEqual(ok.json["exception_reason"], "疫情防控专用号,经批准保留")

    def test_exception_to_one_per_platform_is_refused_to_non_supervisors(self):
        """§1.6 only the supervisor records the exception."""
        r = self.c["contributor"].post("/api/v1/accounts", form(4, "weibo", "教育局微博二号",
                                                                exception_reason="我想要"))
        self.assertEqual(r.status, 403, r)
        self.assertEqual(r.error_field(), "exception_reason")

    def test_internal_department_may_not_hold_accounts(self):
        """§1.6 internal departments may not open their own accounts."""
        sup = self.c["supervisor"]
        r = sup.post("/api/v1/accounts", form(6, "wechat", "教育局办公室公众号"))
        self.assertEqual(r.status, 409, r)
        self.assertEqual(r.error_field(), "host_unit")
        r = sup.post("/api/v1/accounts", form(6, "wechat", "教育局办公室公众号",
                                              exception_reason="上级批准的特例"))
        self.assertEqual(r.status, 201, r)

    def test_rejected_application_frees_the_platform_slot(self):
        con, sup = self.c["contributor"], self.c["supervisor"]
        a = con.post("/api/v1/accounts", form(4, "app", "示范县教育局APP")).json["id"]
        self.assertEqual(con.post("/api/v1/accounts", form(4, "app", "又一个APP")).status, 409)
        r = sup.post(f"/api/v1/accounts/{a}/reject", {"reason": "功能与政务服务网重复"})
        self.assertEqual(r.json["state"], "rejected")
        self.assertEqual(r.json["record"]["rejection"]["reason"], "功能与政务服务网重复")
        self.assertEqual(con.post("/api/v1/accounts", form(4, "app", "又一个APP")).status, 201)

    # ---- 3-8. every transition, legal and illegal ----

    def test_every_illegal_transition_is_409_naming_the_state_and_changes_nothing(self):
        self.b.live_target()
        for state, legal in LEGAL.items():
            aid = self.b.make(state)
            before = self.get(aid)
            rows = self.audit_rows()
            for step in ALL_STEPS:
                if step in legal:
                    continue
                r = self.c["supervisor"].post(f"/api/v1/accounts/{aid}/{step}", self.body_for(step))
                self.assertEqual(r.status, 409, (state, step, r))
                self.assertIn(STATE_LABELS[state], r.json["error"]["message"], (state, step))
            after = self.get(aid)
            self.assertEqual((after["state"], after["version"]), (before["state"], before["version"]))
            self.assertEqual(self.audit_rows(), rows, state)

    def test_every_legal_transition_moves_to_the_expected_state(self):
        """§1.3 certification is its own attribute: filing needs none, certifying keeps a filing."""
        expected = {("applied", "approve"): "approved", ("applied", "reject"): "rejected",
                    ("approved", "open"): "opened", ("opened", "certify"): "certified",
                    ("opened", "changes"): "opened", ("opened", "close"): "closed",
                    ("opened", "merge"): "merged", ("certified", "file"): "filed",
                    ("certified", "changes"): "certified", ("certified", "close"): "closed",
                    ("certified", "merge"): "merged", ("filed", "changes"): "refiling_due",
                    ("filed", "close"): "closed", ("filed", "merge"): "merged",
                    ("refiling_due", "file"): "filed", ("refiling_due", "changes"): "refiling_due",
                    ("refiling_due", "close"): "closed", ("refiling_due", "merge"): "merged",
                    # filing needs no certification; certifying keeps a filed state
                    ("opened", "file"): "filed", ("certified", "certify"): "certified",
                    ("filed", "certify"): "filed", ("refiling_due", "certify"): "refiling_due"}
        for state, legal in LEGAL.items():
            for step in legal:
                aid = self.b.make(state)
                if step == "file":
                    self.b.step(aid, "qr")
                rows = self.audit_rows(aid)
                r = self.c["supervisor"].post(f"/api/v1/accounts/{aid}/{step}", self.body_for(step))
                self.assertEqual(r.status, 200, (state, step, r))
                self.assertEqual(r.json["state"], expected[(state, step)], (state, step))
                self.assertEqual(self.audit_rows(aid), rows + 1, "one audit row per step")
        self.assertEqual(len(expected), sum(len(v) for v in LEGAL.values()))

    # ---- roles ----

    def test_roles_who_may_approve(self):
        """§1.2 only the supervisor approves or rejects an application."""
        for who in ("contributor", "depthead", "leader", "principal", "operator", "observer", "admin"):
            aid = self.b.make("applied")
            r = self.c[who].post(f"/api/v1/accounts/{aid}/approve", {})
            self.assertEqual(r.status, 403, (who, r))
            r = self.c[who].post(f"/api/v1/accounts/{aid}/reject", {"reason": "x"})
            self.assertEqual(r.status, 403, (who, r))
        aid = self.b.make("applied")
        self.assertEqual(self.c["supervisor"].post(f"/api/v1/accounts/{aid}/approve", {}).status, 200)

    def test_roles_who_may_apply(self):
        for who in ("contributor", "depthead", "leader", "principal", "operator"):
            r = self.c[who].post("/api/v1/accounts", form(4, "weibo", f"{who}申请"))
            self.assertIn(r.status, (201, 409), (who, r))  # allowed; 409 only from the slot rule
        for who in ("observer", "admin"):
            r = self.c[who].post("/api/v1/accounts", form(4, "weibo", f"{who}申请"))
            self.assertEqual(r.status, 403, (who, r))

    def test_roles_who_may_operate_open_certify_file_change(self):
        aid = self.b.make("approved")
        for who in ("contributor", "depthead", "leader", "principal", "observer", "admin"):
            r = self.c[who].post(f"/api/v1/accounts/{aid}/open", BODIES["open"])
            self.assertEqual(r.status, 403, (who, r))
        self.assertEqual(self.c["operator"].post(f"/api/v1/accounts/{aid}/open", BODIES["open"]).status, 200)
        self.assertEqual(self.c["operator"].post(f"/api/v1/accounts/{aid}/certify", BODIES["certify"]).status, 200)
        r = self.c["contributor"].put(f"/api/v1/accounts/{aid}/qr", raw=png_bytes())
        self.assertEqual(r.status, 403)
        self.assertEqual(self.c["operator"].put(f"/api/v1/accounts/{aid}/qr", raw=png_bytes()).status, 200)
        self.assertEqual(self.c["operator"].post(f"/api/v1/accounts/{aid}/file", BODIES["file"]).status, 200)
        self.assertEqual(self.c["operator"].post(f"/api/v1/accounts/{aid}/changes", BODIES["changes"]).status, 200)

    def test_operator_of_another_unit_is_refused(self):
        aid = self.b.make("approved", unit_id=5)
        r = self.c["operator"].post(f"/api/v1/accounts/{aid}/open", BODIES["open"])
        self.assertEqual(r.status, 403, r)
        self.assertEqual(self.c["operator"].get(f"/api/v1/accounts/{aid}").status, 403)

    def test_roles_who_may_close_and_merge(self):
        aid = self.b.make("filed")
        for who in ("contributor", "depthead", "leader", "principal", "operator", "observer", "admin"):
            self.assertEqual(self.c[who].post(f"/api/v1/accounts/{aid}/close", BODIES["close"]).status, 403, who)
            self.assertEqual(self.c[who].post(f"/api/v1/accounts/{aid}/merge", self.b.merge_body()).status, 403, who)

    # ---- 4. opening, filing, QR code ----

    def test_filing_is_due_three_days_after_opening_and_overdue_is_listed(self):
        """§1.3 filing is due 3 days after opening; an overdue one is listed."""
        aid = self.b.make("opened")  # opened 2026-09-29
        a = self.get(aid)
        self.assertEqual(a["filing_due"], "2026-10-02")
        sup = self.c["supervisor"]

        def overdue_ids(as_of, kind="filing"):
            r = sup.get(f"/api/v1/accounts?overdue={kind}&as_of={as_of}")
            self.assertEqual(r.status, 200, r)
            return [x["id"] for x in r.json["accounts"]]
        self.assertNotIn(aid, overdue_ids("2026-10-02"))
        self.assertIn(aid, overdue_ids("2026-10-03"))
        self.assertIn(aid, overdue_ids("2026-10-03", "any"))
        self.assertNotIn(aid, overdue_ids("2026-10-03", "refiling"))
        self.b.step(aid, "certify")
        self.b.step(aid, "qr")
        self.b.step(aid, "file")
        self.assertNotIn(aid, overdue_ids("2026-10-03"))
        demo_overdue = [x for x in sup.get("/api/v1/accounts?overdue=filing").json["accounts"]
                        if x["platform"] == "douyin" and x["unit_id"] == 4]
        self.assertTrue(demo_overdue, "the demo Douyin account, opened in January, is overdue today")

    def test_filing_requires_the_qr_code(self):
        aid = self.b.make("certified")
        r = self.c["operator"].post(f"/api/v1/accounts/{aid}/file", BODIES["file"])
        self.assertEqual((r.status, r.error_field()), (400, "qr_code"), r)

    def test_filing_validation_names_the_field(self):
        aid = self.b.make("certified")
        self.b.step(aid, "qr")
        for change, field in [({"followers": -1}, "followers"), ({"created_on": "29/09/2026"}, "created_on"),
                              ({"introduction": ""}, "introduction"), ({"qr": "x"}, "qr")]:
            body = dict(BODIES["file"], **change)
            r = self.c["operator"].post(f"/api/v1/accounts/{aid}/file", body)
            self.assertEqual((r.status, r.error_field()), (400, field), r)

    def test_qr_upload_checks_real_type_and_size(self):
        aid = self.b.make("opened")
        op = self.c["operator"]
        r = op.put(f"/api/v1/accounts/{aid}/qr", raw=png_bytes(8), headers={"Content-Type": "image/png"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["record"]["qr_code"]["mime"], "image/png")
        got = op.get(f"/api/v1/accounts/{aid}/qr")
        self.assertEqual((got.status, got.raw), (200, png_bytes(8)))
        self.assertEqual(op.put(f"/api/v1/accounts/{aid}/qr", raw=jpeg_bytes()).json["record"]["qr_code"]["mime"],
                         "image/jpeg")
        r = op.put(f"/api/v1/accounts/{aid}/qr", raw=BAD_TEXT_AS_PNG, headers={"Content-Type": "image/png"})
        self.assertEqual((r.status, r.error_field()), (400, "qr_code"), r)
        big = png_bytes() + b"\0" * (2 * 1024 * 1024)
        r = op.put(f"/api/v1/accounts/{aid}/qr", raw=big, headers={"Content-Type": "image/png"})
        self.assertEqual(r.status, 413, r)

    def test_qr_upload_before_opening_is_409(self):
        aid = self.b.make("approved")
        r = self.c["supervisor"].put(f"/api/v1/accounts/{aid}/qr", raw=png_bytes())
        self.assertEqual(r.status, 409, r)
        self.assertIn("已批准", r.json["error"]["message"])

    # ---- 5-6. changes, re-filing, working calendar ----

    def test_refiling_due_five_working_days_across_national_day_2026(self):
        """§1.4 §6.1 re-filing is due 5 working days after a change of people, holidays not counted."""
        aid = self.b.make("filed")
        r = self.c["operator"].post(f"/api/v1/accounts/{aid}/changes", BODIES["changes"])  # 2026-09-29
        self.assertEqual(r.status, 200, r)
        # 9-30 (1), 10-01..07 holiday, 10-08 (2), 10-09 (3), 10-10 Saturday worked (4), 10-12 (5)
        self.assertEqual(r.json["state"], "refiling_due")
        self.assertEqual(r.json["refiling_due"], "2026-10-12")
        sup = self.c["supervisor"]
        ids = lambda d: [x["id"] for x in sup.get(f"/api/v1/accounts?overdue=refiling&as_of={d}").json["accounts"]]  # noqa: E731
        self.assertNotIn(aid, ids("2026-10-12"))
        self.assertIn(aid, ids("2026-10-13"))
        self.assertEqual(self.c["operator"].post(f"/api/v1/accounts/{aid}/file", BODIES["file"]).json["state"], "filed")
        self.assertNotIn(aid, ids("2026-10-13"))

    def test_change_validation_names_the_field(self):
        aid = self.b.make("filed")
        bad = dict(NEW_ADMIN, mobile="12345")
        r = self.c["operator"].post(f"/api/v1/accounts/{aid}/changes", {"date": "2026-09-29", "admin": bad})
        self.assertEqual((r.status, r.error_field()), (400, "admin.mobile"), r)
        r = self.c["operator"].post(f"/api/v1/accounts/{aid}/changes", {"date": "2026-09-29"})
        self.assertEqual(r.status, 400, r)
        self.assertEqual(self.get(aid)["state"], "filed")

    def test_history_keeps_every_version_of_the_record(self):
        aid = self.b.make("refiling_due")
        v = self.c["supervisor"].get(f"/api/v1/accounts/{aid}/versions").json["versions"]
        self.assertEqual([x["event"] for x in v],
                         ["apply", "approve", "open", "certify", "qr_upload", "file", "change"])
        self.assertEqual([x["version"] for x in v], list(range(1, 8)))
        self.assertEqual(v[0]["record"]["admin"]["name"], "刘洋")
        self.assertEqual(v[-1]["record"]["admin"]["name"], "王五")
        self.assertEqual(v[5]["record"]["filing"]["admin"]["name"], "刘洋", "the filing keeps who was filed")
        self.assertEqual(v[-1]["state"], "refiling_due")

    def test_timeline_lists_every_action_with_who_and_when(self):
        aid = self.b.make("filed")
        t = self.c["observer"].get(f"/api/v1/accounts/{aid}/timeline")
        self.assertEqual(t.status, 200, t)
        actions = [e["action"] for e in t.json["events"]]
        self.assertEqual(actions, ["account.apply", "account.approve", "account.open", "account.certify",
                                   "account.qr_upload", "account.file"])
        self.assertTrue(all(e["by"] == "supervisor" and e["at"] for e in t.json["events"]))
        self.assertEqual(len(t.json["versions"]), 6)

    def test_calendar_loaded_by_admin_is_used_for_refiling(self):
        # A change is recorded on or after the day it happened (no future
        # dates), so the year without a calendar is a past one: 2024, for
        # an account that applied and opened then (a step never precedes
        # the account's opening).
        """§6.1 §1.4 a year's calendar loaded by the admin moves the re-filing deadline."""
        sup = self.c["supervisor"]
        r = sup.post("/api/v1/accounts", form(4, "toutiao", "二〇二四年开通的账号", date="2024-11-01",
                                             exception_reason="测试用例:同平台多账号"))
        self.assertEqual(r.status, 201, r)
        aid = r.json["id"]
        self.assertEqual(sup.post(f"/api/v1/accounts/{aid}/approve", {}).status, 200)
        r = sup.post(f"/api/v1/accounts/{aid}/open", {"platform_account_id": "acct-2024", "date": "2024-11-04"})
        self.assertEqual(r.status, 200, r)
        self.b.step(aid, "qr")
        r = sup.post(f"/api/v1/accounts/{aid}/file", dict(BODIES["file"], date="2024-11-05", created_on="2024-11-04"))
        self.assertEqual((r.status, r.json["state"]), (200, "filed"), r)
        body = {"date": "2024-12-27", "admin": NEW_ADMIN}
        r = self.c["operator"].post(f"/api/v1/accounts/{aid}/changes", body)
        self.assertEqual((r.status, r.error_field()), (400, "calendar"), "2024 is not loaded: no guessing")
        cal = "year 2024\n2024-12-30..2024-12-31 off 测试假期\n"
        self.assertEqual(self.c["supervisor"].post("/api/v1/calendar/2024", raw=cal.encode()).status, 403)
        r = self.c["admin"].post("/api/v1/calendar/2028", raw=cal.encode())
        self.assertEqual((r.status, r.error_field()), (400, "year"), r)
        r = self.c["admin"].post("/api/v1/calendar/2024", raw=b"year 2024\n2024-13-01 off x\n")
        self.assertEqual(r.status, 400, r)
        r = self.c["admin"].post("/api/v1/calendar/2024", raw=cal.encode())
        self.assertEqual(r.status, 200, r)
        years = {y["year"]: y["source"] for y in self.c["observer"].get("/api/v1/calendar").json["years"]}
        self.assertEqual(years, {2024: "store", 2025: "shipped", 2026: "shipped"})
        r = self.c["operator"].post(f"/api/v1/accounts/{aid}/changes", body)
        self.assertEqual(r.status, 200, r)
        # 12-30 and 12-31 are off (loaded), 2025-01-01 is New Year: five working
        # days are Jan 2, 3, 6, 7, 8
        self.assertEqual(r.json["refiling_due"], "2025-01-08")

    # ---- 8. closing and merging ----

    def test_closing_needs_reason_and_date_and_keeps_the_record(self):
        """§1.7 closing records its reason and date and keeps the record."""
        aid = self.b.make("filed")
        sup = self.c["supervisor"]
        r = sup.post(f"/api/v1/accounts/{aid}/close", {"date": "2026-11-20"})
        self.assertEqual((r.status, r.error_field()), (400, "reason"))
        r = sup.post(f"/api/v1/accounts/{aid}/close", {"reason": "长期不更新"})
        self.assertEqual((r.status, r.error_field()), (400, "date"))
        r = sup.post(f"/api/v1/accounts/{aid}/close", BODIES["close"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["record"]["closing"]["reason"], "长期不更新")
        self.assertEqual(r.json["record"]["filing"]["followers"], 12, "the record is kept")
        self.assertEqual(self.c["observer"].get(f"/api/v1/accounts/{aid}").json["state"], "closed")
        with self.assertRaises(Exception):
            gmtest.sql(self.srv.db, "DELETE FROM accounts WHERE id=?", (aid,))

    def test_closed_account_can_no_longer_receive_posts(self):
        live = self.b.make("filed")
        closed = self.b.make("closed")
        self.assertEqual(self.c["operator"].get(f"/api/v1/accounts/{live}/can-post").status, 200)
        r = self.c["operator"].get(f"/api/v1/accounts/{closed}/can-post")
        self.assertEqual(r.status, 409, r)
        self.assertIn("已注销", r.json["error"]["message"])

    def test_merge_points_to_absorbing_account_and_records_what_moved(self):
        """§1.7 merging records the absorbing account and where followers/content went."""
        target = self.b.make("filed")
        aid = self.b.make("certified")
        sup = self.c["supervisor"]
        r = sup.post(f"/api/v1/accounts/{aid}/merge", {"into": aid, "date": "2026-11-20", "moved": "x"})
        self.assertEqual((r.status, r.error_field()), (400, "into"))
        gone = self.b.make("closed")
        r = sup.post(f"/api/v1/accounts/{aid}/merge", {"into": gone, "date": "2026-11-20", "moved": "x"})
        self.assertEqual((r.status, r.error_field()), (409, "into"))
        r = sup.post(f"/api/v1/accounts/{aid}/merge", {"into": target, "date": "2026-11-20"})
        self.assertEqual((r.status, r.error_field()), (400, "moved"))
        r = sup.post(f"/api/v1/accounts/{aid}/merge",
                     {"into": target, "date": "2026-11-20", "moved": "3200 名粉丝、历史文章 412 篇"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["state"], "merged")
        self.assertEqual(r.json["merged_into"], target)
        self.assertEqual(r.json["record"]["merge"]["moved"], "3200 名粉丝、历史文章 412 篇")
        self.assertEqual(self.c["operator"].get(f"/api/v1/accounts/{aid}/can-post").status, 409)

    # ---- 9. queries ----

    def test_list_filters_by_unit_subtree_platform_and_state(self):
        sup, con, obs = self.c["supervisor"], self.c["contributor"], self.c["observer"]
        h = self.b.make("filed", unit_id=5, platform="toutiao")
        e = self.b.make("opened", unit_id=4, platform="toutiao")
        ids = lambda c, q: [x["id"] for x in c.get("/api/v1/accounts" + q).json["accounts"]]  # noqa: E731
        self.assertIn(h, ids(sup, "?unit_id=5"))
        self.assertNotIn(e, ids(sup, "?unit_id=5"))
        self.assertIn(e, ids(sup, "?unit_id=3"), "unit 3 includes its departments")
        self.assertIn(h, ids(sup, "?state=filed&platform=toutiao"))
        self.assertNotIn(e, ids(sup, "?state=filed"))
        self.assertTrue(all(x["platform"] == "wechat" for x in sup.get("/api/v1/accounts?platform=wechat").json["accounts"]))
        self.assertIn(h, ids(obs, ""), "the observer of the province sees everything")
        self.assertNotIn(h, ids(con, ""), "a contributor of unit 4 does not see unit 5")
        self.assertIn(e, ids(con, ""))
        self.assertEqual(con.get(f"/api/v1/accounts/{h}").status, 403)
        for q, field in (("?state=lost", "state"), ("?platform=x", "platform"), ("?overdue=soon", "overdue"),
                         ("?as_of=tomorrow", "as_of"), ("?unit_id=abc", "unit_id")):
            r = sup.get("/api/v1/accounts" + q)
            self.assertEqual((r.status, r.error_field()), (400, field), r)

    def test_unknown_account_is_404(self):
        self.assertEqual(self.c["supervisor"].get("/api/v1/accounts/999999").status, 404)
        self.assertEqual(self.c["supervisor"].post("/api/v1/accounts/999999/approve", {}).status, 404)

    # ---- audit ----

    def test_zz_every_action_left_an_audit_row_and_the_chain_verifies(self):
        """§5.4 every registry action left an audit row and the chain verifies."""
        versions = gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM account_versions")[0][0]
        rows = gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM audit WHERE object_type='account' "
                          "AND action NOT LIKE 'account.review%'")[0][0]
        self.assertEqual(rows, versions, "one audit row per version written")
        p = gmtest.run("audit", "verify", "--db", self.srv.db)
        self.assertEqual(p.returncode, 0, p.stderr)


    def test_step_body_invalid_utf8_or_not_an_object_is_400_and_changes_nothing(self):
        aid = self.b.make("applied")
        before = self.audit_rows()
        sup = self.c["supervisor"]
        r = sup.post(f"/api/v1/accounts/{aid}/approve", raw=b'{"note":"\xe5\x90"}')
        self.assertEqual((r.status, r.error_field()), (400, "body"))
        self.assertIn("UTF-8", r.json["error"]["message"])
        r = sup.post(f"/api/v1/accounts/{aid}/approve", raw=b'[1]')
        self.assertEqual((r.status, r.error_field()), (400, "body"))
        self.assertEqual(sup.get(f"/api/v1/accounts/{aid}").json["state"], "applied")
        self.assertEqual(self.audit_rows(), before)

class AccountCliTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = gmtest.Server()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def test_cli_lists_demo_accounts_and_overdue_filing(self):
        p = gmtest.run("account", "list", "--db", self.srv.db, check=True)
        self.assertIn("示范县教育发布", p.stdout)
        p = gmtest.run("account", "list", "--db", self.srv.db, "--overdue", "filing", check=True)
        self.assertIn("备案逾期", p.stdout)
        self.assertNotIn("示范县教育发布", p.stdout)

    def test_cli_usage_errors_exit_2_with_a_chinese_message(self):
        for args in (["account"], ["account", "frob", "--db", self.srv.db],
                     ["account", "approve", "--db", self.srv.db],
                     ["account", "close", "--db", self.srv.db, "--id", "1"],
                     ["account", "list", "--db", self.srv.db, "--state", "lost"]):
            p = gmtest.run(*args)
            self.assertEqual(p.returncode, 2, (args, p.stderr))
            self.assertIn("govmedia account", p.stderr)

    def test_cli_illegal_transition_names_the_state(self):
        p = gmtest.run("account", "approve", "--db", self.srv.db, "--id", "1")
        self.assertEqual(p.returncode, 2)
        self.assertIn("已备案", p.stderr)

    def test_cli_calendar_load_overrides_the_shipped_year(self):
        path = os.path.join(self.srv.dir, "2025.txt")
        with open(path, "w") as f:
            f.write("year 2025\n2025-01-01 off 元旦\n")
        gmtest.run("calendar", "load", "--db", self.srv.db, path, check=True)
        p = gmtest.run("calendar", "list", "--db", self.srv.db, check=True)
        self.assertRegex(p.stdout, r"2025\t已加载")
        self.assertEqual(gmtest.run("calendar", "load", "--db", self.srv.db).returncode, 2)
        self.assertEqual(gmtest.run("audit", "verify", "--db", self.srv.db).returncode, 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
