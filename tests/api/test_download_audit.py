"""REQUIREMENTS §5.4 (an append-only, tamper-evident audit log of every action, who, when,
from where) for data that leaves the system: every download of a report or an export
(a report's .xlsx / .csv, the duty roster, a review round's must-close list) leaves an
audit row naming who took what with which filters, before the file is handed over; the
JSON views and refused downloads leave none."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402


class DownloadAuditTest(gmtest.ServerTest):
    def downloads(self):
        return [(login, oid, json.loads(after), addr) for login, oid, after, addr in gmtest.sql(
            self.srv.db, "SELECT login,object_id,after,client_addr FROM audit "
                         "WHERE action='report.download' ORDER BY id")]

    def test_rule_5_report_downloads_are_audited_with_who_what_and_filters(self):
        """§5.4 the inspector's download of a report as xlsx and as CSV is on the trail: who,
        which report, which filters, the format and size, from where; the chain verifies."""
        obs = self.srv.client("observer")
        before = self.downloads()
        r = obs.get("/api/v1/reports/activity.xlsx?unit_id=4&as_of=2026-11-20")
        self.assertEqual(r.status, 200, r)
        r2 = obs.get("/api/v1/reports/assessment.csv?year=2026")
        self.assertEqual(r2.status, 200, r2)
        got = self.downloads()[len(before):]
        self.assertEqual([(g[0], g[1], g[3]) for g in got],
                         [("observer", "activity", "127.0.0.1"), ("observer", "assessment", "127.0.0.1")], got)
        self.assertEqual(got[0][2], {"format": "XLSX", "bytes": len(r.raw), "unit_id": 4, "as_of": "2026-11-20"})
        self.assertEqual((got[1][2]["format"], got[1][2]["bytes"], got[1][2]["year"]), ("CSV", len(r2.raw), 2026))
        # the inspector finds it through the audit API, with its Chinese label in the console
        rows = obs.get("/api/v1/audit?action=report.download").json["rows"]
        self.assertEqual(len(rows), len(before) + 2, rows)
        self.assertTrue(obs.get("/api/v1/audit/verify").json["ok"])

    def test_rule_5_exports_of_the_duty_roster_and_the_must_close_list_are_audited(self):
        """§5.4 the duty roster (xlsx) and a review round's must-close list (CSV) are
        downloads too."""
        sup = self.srv.client("supervisor")
        before = len(self.downloads())
        r = sup.get("/api/v1/duty.xlsx?unit_id=4&from=2026-10-01&to=2026-10-08")
        self.assertEqual(r.status, 200, r)
        rid = sup.post("/api/v1/reviews", {"year": 2025}).json["id"]
        self.assertEqual(sup.post(f"/api/v1/reviews/{rid}/close", {}).status, 200)
        r2 = sup.get(f"/api/v1/reviews/{rid}/must-close.csv")
        self.assertEqual(r2.status, 200, r2)
        got = self.downloads()[before:]
        self.assertEqual([(g[0], g[1]) for g in got], [("supervisor", "duty_roster"), ("supervisor", "review_must_close")])
        self.assertEqual(got[0][2], {"format": "XLSX", "bytes": len(r.raw), "unit_id": 4,
                                     "from": "2026-10-01", "to": "2026-10-08"})
        self.assertEqual((got[1][2]["round_id"], got[1][2]["year"], got[1][2]["bytes"]), (rid, 2025, len(r2.raw)))

    def test_rule_5_views_and_refused_downloads_leave_no_row(self):
        """§5.4 reading a report on screen is no download, and a refused download (bad
        filter, outside the user's reach) took nothing: no row, nothing else written."""
        obs, op = self.srv.client("observer"), self.srv.client("operator")
        before = gmtest.count(self.srv.db, "audit")
        self.assertEqual(obs.get("/api/v1/reports/activity?unit_id=4").status, 200)
        self.assertEqual(obs.get("/api/v1/reports/assessment.xlsx?year=1999").error_field(), "year")
        self.assertEqual(obs.get("/api/v1/reports/activity.csv?unit=4").status, 400)
        self.assertEqual(op.get("/api/v1/reports/activity.xlsx?unit_id=1").status, 403)
        self.assertEqual(gmtest.count(self.srv.db, "audit"), before)


if __name__ == "__main__":
    unittest.main()
