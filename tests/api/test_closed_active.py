"""REQUIREMENTS §1: "A closed account that shows new publications is flagged
(accounts closed in 2020 were found back online without filing)".  The
report closed_active lists closed or merged accounts with publications after
their closing day (China time), in JSON, CSV and xlsx, to readers in reach."""
import unittest

import gmtest

CLOSED_DOUYIN = 2     # demo: 示范县教育局's Douyin account, opened


class ClosedActiveTest(gmtest.ServerTest):
    def import_csv(self, client, account, rows):
        text = "published_at,title,url,kind\n" + "".join(f"{a},{b},{c},{d}\n" for a, b, c, d in rows)
        return client.request("POST", f"/api/v1/accounts/{account}/publications", raw=text.encode(),
                              headers={"Content-Type": "text/csv"})

    def test_closed_account_with_new_publications_is_flagged(self):
        """§1.4 a closed account that shows new publications is flagged."""
        sup, op = self.srv.client("supervisor"), self.srv.client("operator")
        r = sup.get("/api/v1/reports/closed_active")
        self.assertEqual((r.status, r.json["rows"]), (200, []), r)
        r = sup.post(f"/api/v1/accounts/{CLOSED_DOUYIN}/close", {"reason": "长期不更新,予以注销", "date": "2026-11-20"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(sup.get("/api/v1/reports/closed_active").json["rows"], [])   # nothing after yet
        r = self.import_csv(op, CLOSED_DOUYIN, [
            ("2026-11-20 20:00", "注销当天的旧视频", "https://v.douyin.com/a1", "原创"),   # same China day
            ("2026-11-21 09:00", "注销后又发布的视频", "https://v.douyin.com/a2", "原创"),
            ("2026-11-22 10:30", "再次发布", "https://v.douyin.com/a3", "转载")])
        self.assertEqual(r.status, 200, r)
        rows = sup.get("/api/v1/reports/closed_active").json["rows"]
        self.assertEqual(len(rows), 1, rows)
        row = rows[0]
        self.assertEqual((row["account_id"], row["state"], row["state_label"], row["closed_on"]),
                         (CLOSED_DOUYIN, "closed", "已注销", "2026-11-20"))
        self.assertEqual((row["publications_after"], row["first_after"], row["last_after"]),
                         (2, "2026-11-21T01:00:00Z", "2026-11-22T02:30:00Z"))
        csv = sup.get("/api/v1/reports/closed_active.csv").raw.decode("utf-8-sig")
        self.assertIn("注销或合并日期", csv)
        self.assertIn("2026-11-20", csv)
        x = sup.get("/api/v1/reports/closed_active.xlsx")
        self.assertEqual((x.status, x.raw[:2]), (200, b"PK"))
        # the observer of the province sees it; a unit out of reach does not
        self.assertEqual(len(self.srv.client("observer").get("/api/v1/reports/closed_active").json["rows"]), 1)
        r = sup.get("/api/v1/reports/closed_active?unit_id=5")       # 示范县卫生健康局
        self.assertEqual((r.status, r.json["rows"]), (200, []), r)


if __name__ == "__main__":
    unittest.main()
