"""REQUIREMENTS §1: "Provinces also file opening, change, closing and
cancelling in the national 全国政务新媒体信息报送系统 (湖北: within 5 working
days): record that filing's state and date too."  Each such event of an
account is listed with its due day (5 working days, the working calendar)
and its state; the operator records the filing (day, reference), once,
audited; a late filing stays marked late; the supervisor sees the overdue
ones of every account in reach."""
import datetime
import unittest

import gmtest

WECHAT, DOUYIN = 1, 2    # demo: opened 2026-03-02 (filed), 2026-01-12 (not filed)


def china_today():
    return (datetime.datetime.utcnow() + datetime.timedelta(hours=8)).date().isoformat()


class NationalFilingTest(gmtest.ServerTest):
    def filings(self, account, login="operator"):
        r = self.srv.client(login).get(f"/api/v1/accounts/{account}/national-filings")
        self.assertEqual(r.status, 200, r)
        return r.json["filings"]

    def test_opening_is_due_in_five_working_days_and_filed_once(self):
        """§1.4 §6.1 the national filing of an opening is due in 5 working days and filed once."""
        op = self.srv.client("operator")
        opening = next(f for f in self.filings(WECHAT) if f["event"] == "open")
        self.assertEqual((opening["event"], opening["event_label"], opening["event_on"], opening["due_on"]),
                         ("open", "开通", "2026-03-02", "2026-03-09"))       # Mon + 5 working days
        self.assertEqual((opening["state"], opening["state_label"], opening["filed_on"]),
                         ("overdue", "逾期未报送", None))
        v = opening["version"]
        body = {"version": v, "filed_on": "2026-03-06", "reference": "GJ-2026-0001"}
        self.assertEqual(self.srv.client("contributor").post(f"/api/v1/accounts/{WECHAT}/national-filings",
                                                             body).status, 403)
        r = op.post(f"/api/v1/accounts/{WECHAT}/national-filings", body)
        self.assertEqual(r.status, 200, r)
        row = next(f for f in r.json["filings"] if f["version"] == v)
        self.assertEqual((row["state"], row["filed_on"], row["reference"], row["filed_by"]),
                         ("filed", "2026-03-06", "GJ-2026-0001", "operator"))
        self.assertIsNone(row["working_days_left"])          # filed: nothing left to count
        self.assertEqual(row["filed_by_name"],
                         op.get("/api/v1/session").json["user"]["display_name"])
        r = op.post(f"/api/v1/accounts/{WECHAT}/national-filings", body)
        self.assertEqual((r.status, r.error_field()), (409, "version"), r)
        audit = gmtest.sql(self.srv.db, "SELECT login, after FROM audit WHERE action='account.national_file' "
                                        "AND object_id=?", (str(WECHAT),))
        self.assertEqual(len(audit), 1, audit)
        self.assertIn('"reference":"GJ-2026-0001"', audit[0][1])

    def test_bad_filings_name_the_field_and_change_nothing(self):
        op = self.srv.client("operator")
        [opening] = self.filings(DOUYIN)
        v = opening["version"]
        for body, status, field in [
                ({"version": 1, "filed_on": "2026-01-20"}, 400, "version"),        # the application
                ({"version": 99, "filed_on": "2026-01-20"}, 404, "version"),
                ({"version": v, "filed_on": "2026-01-11"}, 400, "filed_on"),        # before opening
                ({"version": v, "filed_on": "2099-01-01"}, 400, "filed_on"),        # in the future
                ({"version": v, "filed_on": "2026-02-30"}, 400, "filed_on"),
                ({"version": v}, 400, "filed_on")]:
            r = op.post(f"/api/v1/accounts/{DOUYIN}/national-filings", body)
            self.assertEqual((r.status, r.error_field()), (status, field), (body, r))
            self.assertNotRegex(r.json["error"]["message"], r"[a-z_]{3,}", r)
        self.assertIsNone(self.filings(DOUYIN)[0]["filed_on"])
        # filed after its due day (2026-01-19): stays marked late
        r = op.post(f"/api/v1/accounts/{DOUYIN}/national-filings", {"version": v, "filed_on": "2026-02-02"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["filings"][0]["state"], r.json["filings"][0]["state_label"]),
                         ("filed_late", "逾期报送"))

    def test_a_change_of_people_is_due_and_the_supervisor_sees_what_is_open(self):
        op, sup = self.srv.client("operator"), self.srv.client("supervisor")
        today = china_today()
        r = op.post(f"/api/v1/accounts/{WECHAT}/changes", {"date": today, "admin": {
            "name": "王五", "title": "科员", "office_phone": "0571-87654323", "mobile": "13700137000"}})
        self.assertEqual(r.status, 200, r)
        change = [f for f in self.filings(WECHAT) if f["event"] == "change"]
        self.assertEqual(len(change), 1, change)
        self.assertEqual((change[0]["event_on"], change[0]["state"]), (today, "pending"))
        self.assertGreater(change[0]["due_on"], today)
        # the overview counts in working days (working calendar), not calendar days
        self.assertEqual((change[0]["working_days"], change[0]["working_days_left"]), (5, 5))
        r = sup.get("/api/v1/national-filings?state=open")
        self.assertEqual(r.status, 200, r)
        self.assertIn((WECHAT, "change"), [(f["account_id"], f["event"]) for f in r.json["filings"]])
        self.assertTrue(all(f["filed_on"] is None for f in r.json["filings"]))
        overdue = sup.get("/api/v1/national-filings?state=overdue").json["filings"]
        self.assertTrue(all(f["state"] == "overdue" for f in overdue))
        self.assertTrue(overdue and all(f["working_days_left"] < 0 for f in overdue), overdue)
        self.assertNotIn((WECHAT, "change"), [(f["account_id"], f["event"]) for f in overdue])
        self.assertEqual(sup.get("/api/v1/national-filings?state=late").error_field(), "state")


class NationalFilingPolicyTest(gmtest.ServerTest):
    """§1.4 The deadline is a unit's policy setting, not a constant: the seeds
    disagree (湖北 5 working days, REQUIREMENTS §1; 东莞 3 days of opening,
    seed 002), so each is a preset; units below inherit it; the system admin
    sets it, everyone sees it; a filing keeps the due day it was judged by."""

    def policy(self, unit, login="observer"):
        r = self.srv.client(login).get(f"/api/v1/units/{unit}/national-filing-policy")
        self.assertEqual(r.status, 200, r)
        return r.json

    def opening(self, account, login="observer"):
        r = self.srv.client(login).get(f"/api/v1/accounts/{account}/national-filings")
        return next(f for f in r.json["filings"] if f["event"] == "open")

    def test_rule_1_national_filing_deadline_is_a_unit_policy_with_presets(self):
        adm = self.srv.client("admin")
        p = self.policy(4)
        self.assertEqual((p["preset"], p["days"], p["working_days"], p["label"], p["inherited_from"]),
                         ("hubei", 5, True, "5 个工作日", None))
        self.assertEqual([x["name"] for x in p["presets"]], ["hubei", "dongguan"])
        self.assertEqual(self.opening(DOUYIN)["due_on"], "2026-01-19")    # Mon 12th + 5 working days
        for login in ("supervisor", "contributor", "observer"):
            r = self.srv.client(login).put("/api/v1/units/3/national-filing-policy", {"preset": "dongguan"})
            self.assertEqual(r.status, 403, (login, r))
        r = adm.put("/api/v1/units/3/national-filing-policy", {"preset": "dongguan"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["own"], r.json["days"], r.json["working_days"], r.json["label"]),
                         (True, 3, False, "3 日"))
        p = self.policy(4)                                        # the county's department inherits
        self.assertEqual((p["preset"], p["inherited_from"], p["inherited_from_name"], p["own"]),
                         ("dongguan", 3, "示范县", False))
        row = self.opening(DOUYIN)
        self.assertEqual((row["due_on"], row["deadline"]["label"], row["working_days"]),
                         ("2026-01-15", "3 日", None))            # calendar days now
        [(before, after)] = gmtest.sql(self.srv.db, "SELECT before, after FROM audit WHERE "
                                                    "action='national_filing.policy'")
        self.assertIn('"preset":"hubei"', before)
        self.assertIn('"preset":"dongguan"', after)
        # filed on the 16th: late under 3 days, and it stays late when the policy changes back
        op = self.srv.client("operator")
        r = op.post(f"/api/v1/accounts/{DOUYIN}/national-filings",
                    {"version": row["version"], "filed_on": "2026-01-16"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.opening(DOUYIN)["state"], "filed_late")
        self.assertEqual(adm.put("/api/v1/units/3/national-filing-policy", {"inherit": True}).status, 200)
        self.assertEqual(self.policy(4)["preset"], "hubei")
        self.assertEqual(self.opening(DOUYIN)["state"], "filed_late")      # judged once, kept
        self.assertEqual(self.opening(WECHAT)["due_on"], "2026-03-09")     # not filed: today's policy
        # a custom deadline on the department itself
        r = adm.put("/api/v1/units/4/national-filing-policy", {"days": 10, "working_days": True})
        self.assertEqual((r.status, r.json["preset"], r.json["label"]), (200, None, "10 个工作日"), r)
        self.assertEqual(adm.put("/api/v1/units/4/national-filing-policy", {"inherit": True}).status, 200)

    def test_rule_1_inspector_filters_national_filings(self):
        obs = self.srv.client("observer")
        rows = obs.get("/api/v1/national-filings").json["filings"]
        self.assertTrue(rows)
        r = obs.get("/api/v1/national-filings?event=open&unit_id=4")
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.json["filings"] and all(f["event"] == "open" and f["unit_id"] == 4
                                                  for f in r.json["filings"]))
        self.assertEqual(obs.get("/api/v1/national-filings?unit_id=5").json["filings"], [])
        for state in ("pending", "overdue", "filed", "filed_late"):
            r = obs.get(f"/api/v1/national-filings?state={state}")
            self.assertEqual(r.status, 200, r)
            self.assertTrue(all(f["state"] == state for f in r.json["filings"]), r.json)
        self.assertEqual(obs.get("/api/v1/national-filings?unit_id=999").error_field(), "unit_id")
        self.assertEqual(obs.get("/api/v1/national-filings?event=merge").error_field(), "event")
        # one account's list takes the same filters; a parameter nobody reads is refused
        r = obs.get(f"/api/v1/accounts/{WECHAT}/national-filings?event=open")
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.json["filings"] and all(f["event"] == "open" for f in r.json["filings"]))
        for url in (f"/api/v1/accounts/{WECHAT}/national-filings?colour=red",
                    f"/api/v1/accounts/{WECHAT}/national-filings?unit_id=4",
                    f"/api/v1/accounts/{WECHAT}/national-filings?state=late",
                    "/api/v1/units/4/national-filing-policy?unit_id=3"):
            self.assertEqual(obs.get(url).status, 400, url)
        # a unit outside one's reach: refused, not an empty list
        self.assertEqual(self.srv.client("contributor").get("/api/v1/national-filings?unit_id=2").status, 403)

    def test_rule_1_bad_national_filing_policy_changes_nothing(self):
        adm = self.srv.client("admin")
        before = (gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM national_filing_policies")[0][0],
                  gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM audit")[0][0])
        for body, field in [({"days": 0}, "days"), ({"days": 61, "working_days": False}, "days"),
                            ({"preset": "beijing"}, "preset"), ({"preset": "hubei", "days": 3}, "preset"),
                            ({"inherit": True, "preset": "hubei"}, "inherit"), ({}, "days"),
                            ({"days": "5"}, "days"), ({"working_days": "yes", "days": 5}, "working_days"),
                            ({"days": 5, "colour": 1}, "colour")]:
            r = adm.put("/api/v1/units/4/national-filing-policy", body)
            self.assertEqual((r.status, r.error_field()), (400, field), (body, r))
            self.assertRegex(r.json["error"]["message"], r"[\u4e00-\u9fff]")
        self.assertEqual(adm.put("/api/v1/units/999/national-filing-policy", {"preset": "hubei"}).status, 404)
        after = (gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM national_filing_policies")[0][0],
                 gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM audit")[0][0])
        self.assertEqual(after, before)


if __name__ == "__main__":
    unittest.main()
