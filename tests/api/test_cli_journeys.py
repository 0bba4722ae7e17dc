"""Command-line equivalents of the API journeys (session 22, helper "api"): what an
administrator on the server does with `govmedia` gives what the console and the API give.
Each test names the rule it proves."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402


class FiledLateCliTest(gmtest.ServerTest):
    """§1 "a late filing is flagged and stays marked late once made", on the command line
    as in the API (`?filed_late=`): the registry lists the accounts filed late, marks them,
    and refuses a value it does not know."""

    def test_rule_1_cli_lists_accounts_filed_late_like_the_api(self):
        import acct_helpers
        b = acct_helpers.Builder(self.srv.client("supervisor"))
        aid = b.make("certified")                         # opened 2026-09-29: due 2026-10-02
        b.step(aid, "qr")
        r = self.srv.client("supervisor").post(f"/api/v1/accounts/{aid}/file",
                                               dict(acct_helpers.BODIES["file"], date="2026-10-05"))
        self.assertEqual((r.status, r.json["filed_late"]), (200, True), r)
        late = gmtest.run("account", "list", "--db", self.srv.db, "--filed-late", "true")
        self.assertEqual(late.returncode, 0, late.stderr)
        rows = {int(x.split("\t")[0]): x for x in late.stdout.splitlines()}
        self.assertIn(aid, rows)
        self.assertTrue(rows[aid].endswith("\t逾期备案"), rows[aid])
        api = self.srv.client("observer").get("/api/v1/accounts?filed_late=true").json["accounts"]
        self.assertEqual(set(rows), {a["id"] for a in api})
        on_time = gmtest.run("account", "list", "--db", self.srv.db, "--filed-late", "false")
        self.assertNotIn(str(aid), [x.split("\t")[0] for x in on_time.stdout.splitlines()])
        bad = gmtest.run("account", "list", "--db", self.srv.db, "--filed-late", "maybe")
        self.assertEqual(bad.returncode, 2)
        self.assertIn("逾期备案", bad.stderr)


if __name__ == "__main__":
    unittest.main()
