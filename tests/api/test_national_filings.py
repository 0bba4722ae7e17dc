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


if __name__ == "__main__":
    unittest.main()
