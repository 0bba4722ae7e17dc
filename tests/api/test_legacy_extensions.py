"""§4 / seed 002 (如不能即时回复,应承诺答复期限): an answer extension counts only when
granted before the deadline it moves.  Since session 25 a late one is refused;
extensions recorded before that rule (their extend event has no granted_at, its
time is the grant) whose first one came after the answer due are voided by
migration 091: extended_until is null again, so the late answer reads late in
the message, the late list and the figures; the extend event stays and an
extend_void event (延期不计) says why.  A legacy extension granted in time keeps
counting."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402


class LegacyLateExtensionTest(gmtest.ServerTest):
    def legacy_extension(self, text, granted, until, answered):
        """A message received 2026-11-02 (answer due 11-09 09:30 UTC), extended
        the old way (no granted_at) at `granted`, answered at `answered`."""
        con = self.srv.client("contributor")
        r = con.post("/api/v1/messages", {"account_id": 1, "kind": "consult", "text": text,
                                          "from": "网民", "received_at": "2026-11-02T09:00:00+08:00"})
        self.assertEqual(r.status, 201, r)
        mid = r.json["id"]
        self.assertEqual(r.json["answer_due"], "2026-11-09T09:30:00Z")
        gmtest.sql(self.srv.db, "UPDATE messages SET extended_until=?, extension_reason='需会商' WHERE id=?",
                   (until, mid))
        gmtest.sql(self.srv.db, "INSERT INTO message_events(message_id,at,event,login,detail) "
                                "VALUES (?,?,'extend','depthead',?)",
                   (mid, granted, json.dumps({"until": until, "reason": "需会商"}, ensure_ascii=False)))
        r = con.post(f"/api/v1/messages/{mid}/answer", {"text": "已办理。", "result": "resolved",
                                                         "at": answered})
        self.assertEqual(r.status, 200, r)
        return mid

    def message(self, mid):
        return self.srv.client("contributor").get(f"/api/v1/messages/{mid}").json

    def test_rule_4_migration_091_voids_legacy_extensions_granted_after_the_due_keeping_history(self):
        late = self.legacy_extension("退休金何时调整?", "2026-11-10T01:00:00Z", "2026-11-16T09:30:00Z",
                                     "2026-11-12T10:00:00+08:00")
        kept = self.legacy_extension("社保卡如何补办?", "2026-11-09T08:00:00Z", "2026-11-16T09:30:00Z",
                                     "2026-11-12T10:00:00+08:00")
        self.assertFalse(self.message(late)["answer_late"])   # the legacy row hid the lateness
        self.srv.stop()
        self.srv.proc.stdout.close()
        self.srv.log.close()
        # the database as it was before 091, then `govmedia init` migrates it
        gmtest.sql(self.srv.db, "DELETE FROM schema_version WHERE version=91")
        gmtest.run("init", "--db", self.srv.db, check=True)
        self.srv.start()
        m = self.message(late)
        self.assertIsNone(m["extended_until"])
        self.assertTrue(m["answer_late"], m)
        events = [e["event"] for e in m["events"]]
        self.assertIn("extend", events)                       # history kept
        void = [e for e in m["events"] if e["event"] == "extend_void"]
        self.assertEqual(len(void), 1, m["events"])
        self.assertEqual(void[0]["at"], "2026-11-10T01:00:00Z")
        self.assertIn("届满后", void[0]["detail"]["reason"])
        ids = [x["id"] for x in self.srv.client("contributor").get(
            "/api/v1/messages?late=answer&limit=500").json["messages"]]
        self.assertIn(late, ids)
        self.assertNotIn(kept, ids)
        k = self.message(kept)
        self.assertEqual(k["extended_until"], "2026-11-16T09:30:00Z")
        self.assertFalse(k["answer_late"])
        self.assertNotIn("extend_void", [e["event"] for e in k["events"]])
        # applied once: init again changes nothing
        gmtest.run("init", "--db", self.srv.db, check=True)
        self.assertEqual(gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM message_events "
                                                 "WHERE event='extend_void'")[0][0], 1)


if __name__ == "__main__":
    unittest.main()
