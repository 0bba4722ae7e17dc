"""Audit trail tamper evidence (REQUIREMENTS §5 accountability; issue 3 item 5).

Tampers with the SQLite file directly, as someone with file access could,
and checks that `govmedia audit verify` finds the first bad row and exits 1.
"""
import os
import shutil
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402


class AuditChainTest(unittest.TestCase):
    """§5.4 the audit log is append-only and tamper-evident: every kind of tampering is caught."""
    def setUp(self):
        self.srv = gmtest.Server()          # demo data: ~22 audit rows
        self.db = self.srv.db

    def tearDown(self):
        self.srv.cleanup()

    def verify(self):
        return gmtest.run("audit", "verify", "--db", self.db)

    def drop_guards(self):
        # The append-only triggers stop casual edits; an attacker drops them first.
        gmtest.sql(self.db, "DROP TRIGGER audit_no_update")
        gmtest.sql(self.db, "DROP TRIGGER audit_no_delete")

    def test_intact_chain_verifies_ok(self):
        p = self.verify()
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertTrue(p.stdout.startswith("OK"))

    def test_append_only_triggers_refuse_update_and_delete(self):
        import sqlite3
        with self.assertRaises(sqlite3.DatabaseError):
            gmtest.sql(self.db, "UPDATE audit SET login='x' WHERE id=3")
        with self.assertRaises(sqlite3.DatabaseError):
            gmtest.sql(self.db, "DELETE FROM audit WHERE id=3")

    def test_edited_row_is_reported(self):
        self.drop_guards()
        gmtest.sql(self.db, "UPDATE audit SET after=replace(after,'示范县','别的县') WHERE id=5")
        p = self.verify()
        self.assertEqual(p.returncode, 1)
        self.assertIn("第 5 行", p.stdout)
        self.assertIn("修改", p.stdout)

    def test_edited_row_with_recomputed_own_hash_breaks_next_link(self):
        self.drop_guards()
        # A prefix the row's hash does not already have: 'ab' alone left one run
        # in 256 unchanged (hashes vary with the time), and the test then failed.
        gmtest.sql(self.db, "UPDATE audit SET hash=(CASE WHEN substr(hash,1,2)='ab' THEN 'cd' ELSE 'ab' END)"
                            "||substr(hash,3) WHERE id=7")
        p = self.verify()
        self.assertEqual(p.returncode, 1)
        self.assertIn("第 7 行", p.stdout)

    def test_deleted_row_is_reported(self):
        self.drop_guards()
        gmtest.sql(self.db, "DELETE FROM audit WHERE id=9")
        p = self.verify()
        self.assertEqual(p.returncode, 1)
        self.assertIn("第 9 行", p.stdout)
        self.assertIn("删除", p.stdout)

    def test_deleted_last_row_is_reported(self):
        self.drop_guards()
        last = gmtest.sql(self.db, "SELECT MAX(id) FROM audit")[0][0]
        gmtest.sql(self.db, "DELETE FROM audit WHERE id=?", (last,))
        p = self.verify()
        self.assertEqual(p.returncode, 1)
        self.assertIn(f"第 {last} 行", p.stdout)

    def test_row_inserted_out_of_order_is_reported(self):
        self.drop_guards()
        # Shift rows 10.. up by one and slip a forged row in at 10.
        gmtest.sql(self.db, "UPDATE audit SET id=id+1000 WHERE id>=10")
        gmtest.sql(self.db, "UPDATE audit SET id=id-999 WHERE id>=1010")
        gmtest.sql(self.db, "INSERT INTO audit(id,at,user_id,login,role,unit_id,action,object_type,"
                            "object_id,before,after,client_addr,prev_hash,hash) SELECT 10,at,user_id,"
                            "'forger',role,unit_id,'unit.add','unit','99','','','cli',hash,hash "
                            "FROM audit WHERE id=9")
        p = self.verify()
        self.assertEqual(p.returncode, 1)
        self.assertIn("第 10 行", p.stdout)

    def test_swapped_rows_are_reported(self):
        self.drop_guards()
        gmtest.sql(self.db, "UPDATE audit SET id=-1 WHERE id=4")
        gmtest.sql(self.db, "UPDATE audit SET id=4 WHERE id=5")
        gmtest.sql(self.db, "UPDATE audit SET id=5 WHERE id=-1")
        p = self.verify()
        self.assertEqual(p.returncode, 1)
        self.assertIn("第 4 行", p.stdout)

    def test_verify_via_api_agrees(self):
        self.drop_guards()
        gmtest.sql(self.db, "UPDATE audit SET role='observer' WHERE id=12")
        self.srv.start()
        r = self.srv.client("observer").get("/api/v1/audit/verify")
        self.assertEqual(r.status, 200)
        self.assertFalse(r.json["ok"])
        self.assertEqual(r.json["bad_row"], 12)

    def test_backup_copy_verifies_and_tampering_in_copy_is_caught(self):
        out = os.path.join(self.srv.dir, "copy.db")
        p = gmtest.run("backup", "--db", self.db, "--out", out)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(gmtest.run("audit", "verify", "--db", out).returncode, 0)
        gmtest.sql(out, "DROP TRIGGER audit_no_update")
        gmtest.sql(out, "UPDATE audit SET client_addr='10.0.0.1' WHERE id=2")
        self.assertEqual(gmtest.run("audit", "verify", "--db", out).returncode, 1)
        # The original is untouched.
        self.assertEqual(self.verify().returncode, 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
