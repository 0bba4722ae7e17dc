"""Re-checking the published archive after a list change (回溯检查, issue 14 §3):
GET /api/v1/archive/recheck re-checks published posts (all, one account, since
a date) with the lists in force now and lists those that now have findings --
title, account, publication time, findings with severity -- within the
caller's units (applied in SQL: a page reads only what it checks), a bounded
number of publications per request; titles judged as of the publication day."""
import datetime
import os
import re
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402

WECHAT = 1          # demo account of 示范县教育局 (unit 4)
URL = "/api/v1/archive/recheck"
BASE_OFFICIALS = "/api/v1/admin/lists/officials"
NEW_TERM = "回溯测试违规词"
BODY = "各学校:为做好冬季校园安全工作,定于下周开展校园安全专项检查,请提前自查。"


class ArchiveRecheckTest(gmtest.ServerTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.srv.client("admin")
        author, head = cls.srv.client("contributor"), cls.srv.client("depthead")
        leader, op = cls.srv.client("leader"), cls.srv.client("operator")
        cls.posts = []
        for i, body in enumerate([BODY, BODY + "附:" + NEW_TERM + "说明。", BODY]):
            r = author.post("/api/v1/posts", {"title": f"回溯检查测试稿({i})", "body": body,
                                              "account_ids": [WECHAT], "major": False})
            assert r.status == 201, r
            pid = r.json["id"]
            assert author.post(f"/api/v1/posts/{pid}/submit").status == 200
            assert head.post(f"/api/v1/posts/{pid}/approve", {"note": "同意"}).status == 200
            assert leader.post(f"/api/v1/posts/{pid}/approve", {"confidentiality": True}).status == 200
            r = op.post(f"/api/v1/posts/{pid}/publish", {"account_id": WECHAT,
                                                          "platform_post_id": f"r-{pid}"})
            assert r.status in (200, 201), r
            cls.posts.append(pid)

    def recheck(self, client=None, **q):
        return (client or self.admin).get(URL + ("?" + urllib.parse.urlencode(q) if q else ""))

    def test_archive_recheck_lists_posts_that_now_have_findings(self):
        r = self.recheck()
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["total"], 3)
        self.assertNotIn(self.posts[1], [i["post_id"] for i in r.json["items"]])
        add = self.admin.post("/api/v1/admin/lists/lexicon",
                              {"add": [{"term": NEW_TERM, "category": "rumour", "severity": "block"}]})
        self.assertEqual(add.status, 200, add)
        r = self.recheck()
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["checked"], r.json["next_offset"]), (3, None))
        hit = [i for i in r.json["items"] if i["post_id"] == self.posts[1]]
        self.assertEqual(len(hit), 1, r.json)
        it = hit[0]
        self.assertEqual(it["title"], "回溯检查测试稿(1)")
        self.assertEqual((it["account_id"], it["account_name"] != "", it["unit_id"]), (WECHAT, True, 4))
        self.assertTrue(it["published_at"].endswith("Z"))
        self.assertFalse(it["ok"])
        self.assertEqual(it["blocking"], 1)
        f = [f for f in it["findings"] if f["term"] == NEW_TERM][0]
        self.assertEqual((f["severity"], f["rule"]), ("block", "lexicon"))
        # one account, since a date (China days)
        today = (datetime.datetime.utcnow() + datetime.timedelta(hours=8)).date()
        r = self.recheck(account_id=WECHAT, since=today.isoformat())
        self.assertIn(self.posts[1], [i["post_id"] for i in r.json["items"]])
        r = self.recheck(since=(today + datetime.timedelta(days=1)).isoformat())
        self.assertEqual((r.json["total"], r.json["items"]), (0, []))
        r = self.recheck(until=(today - datetime.timedelta(days=1)).isoformat())
        self.assertEqual(r.json["total"], 0)

    def test_archive_recheck_is_bounded_and_pages(self):
        r = self.recheck(scan=1)
        self.assertEqual((r.json["total"], r.json["checked"], r.json["next_offset"]), (3, 1, 1))
        seen = [r.json]
        while r.json["next_offset"] is not None:
            r = self.recheck(scan=1, offset=r.json["next_offset"])
            seen.append(r.json)
        self.assertEqual(len(seen), 3)
        self.assertEqual(sum(p["checked"] for p in seen), 3)
        for q, field in [({"scan": 0}, "scan"), ({"scan": 5000}, "scan"), ({"offset": -1}, "offset"),
                         ({"since": "2026-13-01"}, "since"), ({"account_id": "x"}, "account_id"),
                         ({"since": "2026-05-02", "until": "2026-05-01"}, "until"),
                         ({"until": "2026-02-30"}, "until"), ({"since": "2026-02-30"}, "since"),
                         ({"colour": "red"}, "colour")]:
            r = self.recheck(**q)
            self.assertEqual((r.status, r.error_field()), (400, field), q)

    def test_archive_recheck_scoped_to_callers_units(self):
        for login in ("contributor", "operator", "leader"):
            self.assertEqual(self.recheck(self.srv.client(login)).status, 403, login)
        for login in ("supervisor", "observer"):
            r = self.recheck(self.srv.client(login))
            self.assertEqual((r.status, r.json["total"]), (200, 3), login)
        r = self.admin.post("/api/v1/users", {"login": "wsjsup", "display_name": "卫健局信息中心",
                                              "password": "Valid-pass-2026!",
                                              "roles": [{"role": "supervisor", "unit_id": 5}]})
        self.assertEqual(r.status, 201, r)
        other = self.srv.client("wsjsup", "Valid-pass-2026!")
        r = self.recheck(other)
        self.assertEqual((r.status, r.json["total"], r.json["items"]), (200, 0, []))
        self.assertEqual(self.recheck(other, account_id=WECHAT).status, 403)
        self.assertEqual(self.recheck(other, unit_id=4).status, 403)
        self.assertEqual(self.recheck(other, unit_id=5).status, 200)

    def test_archive_recheck_reach_and_count_in_sql_match_the_grants(self):
        """The reach is applied in the count and page queries (so a page reads only
        what it checks): every grant carrying post.recheck adds its units once,
        a grant whose role lacks it adds nothing, an offset past the end is empty."""
        r = self.admin.post("/api/v1/users", {"login": "mixed", "display_name": "两处任职",
                                              "password": "Valid-pass-2026!",
                                              "roles": [{"role": "supervisor", "unit_id": 5},
                                                        {"role": "contributor", "unit_id": 4}]})
        self.assertEqual(r.status, 201, r)
        mixed = self.srv.client("mixed", "Valid-pass-2026!")
        r = self.recheck(mixed)
        self.assertEqual((r.status, r.json["total"]), (200, 0), r)   # contributor: no recheck
        uid = gmtest.sql(self.srv.db, "SELECT id FROM users WHERE login='mixed'")[0][0]
        for unit in (4, 1):   # observer of unit 4, then of the root: the subtree, each once
            gmtest.sql(self.srv.db, "INSERT INTO user_roles(user_id,unit_id,role) VALUES(?,?,?)",
                       (uid, unit, "observer"))
            r = self.recheck(mixed, scan=2)
            self.assertEqual((r.json["total"], r.json["checked"], r.json["next_offset"]), (3, 2, 2))
        r = self.recheck(mixed, scan=2, offset=2)
        self.assertEqual((r.json["checked"], r.json["next_offset"]), (1, None))
        r = self.recheck(mixed, offset=10)
        self.assertEqual((r.json["total"], r.json["checked"], r.json["items"], r.json["next_offset"]),
                         (3, 0, [], None))


class ArchiveRecheckDateTest(gmtest.ServerTest):
    def test_archive_recheck_judges_titles_as_of_the_publication_day(self):
        """An office-holder's title is judged by what was held on the day the post
        was published: right in a 2019 post if held by then, wrong if taken up later."""
        admin = self.srv.client("admin")
        author, head = self.srv.client("contributor"), self.srv.client("depthead")
        leader, op = self.srv.client("leader"), self.srv.client("operator")
        r = author.post("/api/v1/posts", {"title": "钱立新局长调研", "body": "钱立新局长到学校调研。",
                                          "account_ids": [WECHAT], "major": False})
        pid = r.json["id"]
        self.assertEqual(author.post(f"/api/v1/posts/{pid}/submit").status, 200)
        self.assertEqual(head.post(f"/api/v1/posts/{pid}/approve", {"note": "同意"}).status, 200)
        self.assertEqual(leader.post(f"/api/v1/posts/{pid}/approve", {"confidentiality": True}).status, 200)
        r = op.post(f"/api/v1/posts/{pid}/publish", {"account_id": WECHAT, "platform_post_id": "d-1"})
        self.assertIn(r.status, (200, 201), r)
        gmtest.sql(self.srv.db, "UPDATE publications SET published_at='2019-03-01T02:00:00Z' "
                                "WHERE post_id=?", (pid,))
        holder = {"name": "钱立新", "posts": [{"title": "副局长", "unit": "示范县教育局",
                                               "from": "2016-01-01", "to": "2019-12-31"},
                                              {"title": "局长", "unit": "示范县教育局",
                                               "from": "2020-01-01", "to": ""}]}
        self.assertEqual(admin.post(BASE_OFFICIALS, {"add": [holder]}).status, 200)
        r = admin.get(URL)
        titles = [f for i in r.json["items"] if i["post_id"] == pid for f in i["findings"]
                  if f["category"] == "title"]
        self.assertEqual([f["replacement"] for f in titles], ["副局长", "副局长"], r.json)  # title, text
        holder["posts"][1]["from"] = "2019-01-01"                      # he was 局长 by then
        holder["posts"][0]["to"] = "2018-12-31"
        self.assertEqual(admin.post(BASE_OFFICIALS, {"set": [holder]}).status, 200)
        r = admin.get(URL)
        self.assertNotIn(pid, [i["post_id"] for i in r.json["items"]])

    def test_cli_archive_since_is_a_china_day(self):
        """`check --archive --since DAY` starts at 00:00 China time of DAY (the
        console's and the API's days), not at 00:00 UTC; a day that does not
        exist is refused naming --since, exit 2."""
        pid = gmtest.publish_post(self.srv, "新年致辞", "新年到来之际，向全县教育工作者致以问候。")

        def checked(published_at):
            gmtest.sql(self.srv.db, "UPDATE publications SET published_at=? WHERE post_id=?",
                       (published_at, pid))
            p = gmtest.run("check", "--archive", "--db", self.srv.db, "--since", "2026-01-01")
            self.assertIn(p.returncode, (0, 1), p.stderr)
            return int(re.search(r"已回溯检查 (\d+) 篇", p.stderr).group(1))

        # 01:00 China time on 1 January is 17:00 UTC on 31 December
        self.assertEqual(checked("2025-12-31T17:00:00Z"), checked("2025-12-31T15:00:00Z") + 1)
        p = gmtest.run("check", "--archive", "--db", self.srv.db, "--since", "2026-13-01")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("--since", p.stderr)


if __name__ == "__main__":
    unittest.main()
