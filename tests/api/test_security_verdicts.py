"""§5 veto_security (安全问题: 严重表述错误, 泄密) keeps each publication's
verdict with what judged it (migration 090): the engine's origin — the
program and its shipped data, the version of every list edited in the
product — and a digest of the text.  The next assessment takes a kept
verdict as it is and re-checks only publications that are new, whose text
changed, or that were judged by another engine or older lists; the command
line, running the same program on the same data and lists, takes the
server's verdicts too."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402

WRONG = "示范县卫生建康局"
TITLE = "示范县开展校园食品安全联合检查"
BODY = f"11月20日,{WRONG}与教育局联合检查了全县中小学食堂。"


class SecurityVerdictsTest(gmtest.ServerTest):
    def verdicts(self):
        return gmtest.sql(self.srv.db, "SELECT publication_id, judged_by, text_digest, kind, term, "
                                       "judged_at FROM security_verdicts ORDER BY publication_id")

    def veto(self):
        r = self.srv.client("supervisor").get("/api/v1/reports/assessment?year=2026&unit_id=4")
        self.assertEqual(r.status, 200, r)
        unit = [u for u in r.json["units"] if u["unit_id"] == 4][0]
        return [i for i in unit["indicators"] if i["code"] == "veto_security"][0]

    def test_rule_5_veto_security_verdicts_are_kept_and_judged_again_only_when_something_changed(self):
        pid = gmtest.publish_post(self.srv, TITLE, BODY)
        pub = gmtest.sql(self.srv.db, "SELECT id FROM publications WHERE post_id=?", (pid,))[0][0]
        self.assertFalse(self.veto()["vetoed"])
        kept = self.verdicts()
        self.assertEqual([v[0] for v in kept], [pub], kept)
        _, judged_by, digest, kind, _, _ = kept[0]
        self.assertRegex(judged_by, r"^engine=[0-9a-f]{32};lists=lexicon:0,.*names:0")
        self.assertIsNone(kind)

        # kept verdicts are what the next assessment reads: one made to say
        # 涉密内容 (as nothing in the text does) vetoes, and is not rewritten
        gmtest.sql(self.srv.db, "UPDATE security_verdicts SET kind='涉密内容', term='某某' "
                                "WHERE publication_id=?", (pub,))
        item = self.veto()
        self.assertTrue(item["vetoed"], item)
        self.assertIn("某某", item["facts"]["items"][0]["detail"])
        gmtest.sql(self.srv.db, "UPDATE security_verdicts SET kind=NULL, term=NULL WHERE publication_id=?",
                   (pub,))
        self.assertEqual(self.verdicts(), kept)

        # the command line (same program, data and lists) takes them as they are
        p = gmtest.run("report", "assessment", "--db", self.srv.db, "--year", "2026", "--unit", "4",
                       "--json")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(self.verdicts(), kept)

        # a list edit is a new origin: judged again, the wrong name now vetoes
        r = self.srv.client("admin").post("/api/v1/admin/lists/names", {
            "add": [{"correct": "示范县卫生健康局", "wrong": [WRONG], "severity": "block"}],
            "note": "规范单位名称"})
        self.assertEqual(r.status, 200, r)
        item = self.veto()
        self.assertTrue(item["vetoed"], item)
        self.assertIn(WRONG, item["facts"]["items"][0]["detail"])
        (_, judged_by2, digest2, kind2, term2, _), = self.verdicts()
        self.assertIn("names:1", judged_by2)
        self.assertEqual((digest2, kind2, term2), (digest, "严重表述错误", WRONG))

        # a changed text (a correction written into the archive) is judged again
        gmtest.sql(self.srv.db, "UPDATE posts SET body=? WHERE id=?",
                   (BODY.replace(WRONG, "示范县卫生健康局"), pid))
        self.assertFalse(self.veto()["vetoed"])
        (_, judged_by3, digest3, kind3, _, _), = self.verdicts()
        self.assertEqual((judged_by3, kind3), (judged_by2, None))
        self.assertNotEqual(digest3, digest)


if __name__ == "__main__":
    unittest.main()
