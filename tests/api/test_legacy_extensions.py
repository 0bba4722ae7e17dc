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
        return self.legacy_chain(text, [(granted, until, "需会商")], answered)

    def migrate_again(self, version):
        """The database as it was before migration version, then `govmedia init` migrates it."""
        self.srv.stop()
        self.srv.proc.stdout.close()
        self.srv.log.close()
        gmtest.sql(self.srv.db, "DELETE FROM schema_version WHERE version=?", (version,))
        gmtest.run("init", "--db", self.srv.db, check=True)
        self.srv.start()

    def message(self, mid):
        return self.srv.client("contributor").get(f"/api/v1/messages/{mid}").json

    def test_rule_4_migration_091_voids_legacy_extensions_granted_after_the_due_keeping_history(self):
        late = self.legacy_extension("退休金何时调整?", "2026-11-10T01:00:00Z", "2026-11-16T09:30:00Z",
                                     "2026-11-12T10:00:00+08:00")
        kept = self.legacy_extension("社保卡如何补办?", "2026-11-09T08:00:00Z", "2026-11-16T09:30:00Z",
                                     "2026-11-12T10:00:00+08:00")
        self.assertFalse(self.message(late)["answer_late"])   # the legacy row hid the lateness
        self.migrate_again(91)
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


    def legacy_chain(self, text, grants, answered):
        """A message received 2026-11-02 (answer due 11-09 09:30 UTC) extended the old
        way once per (granted, until, reason) of grants, in order, then answered."""
        con = self.srv.client("contributor")
        r = con.post("/api/v1/messages", {"account_id": 1, "kind": "consult", "text": text,
                                          "from": "网民", "received_at": "2026-11-02T09:00:00+08:00"})
        self.assertEqual(r.status, 201, r)
        mid = r.json["id"]
        for granted, until, reason in grants:
            gmtest.sql(self.srv.db, "UPDATE messages SET extended_until=?, extension_reason=? WHERE id=?",
                       (until, reason, mid))
            gmtest.sql(self.srv.db, "INSERT INTO message_events(message_id,at,event,login,detail) "
                                    "VALUES (?,?,'extend','depthead',?)",
                       (mid, granted, json.dumps({"until": until, "reason": reason}, ensure_ascii=False)))
        r = con.post(f"/api/v1/messages/{mid}/answer", {"text": "已办理。", "result": "resolved",
                                                         "at": answered})
        self.assertEqual(r.status, 200, r)
        return mid

    def test_rule_4_migration_110_cuts_a_legacy_chain_at_its_first_late_extension(self):
        """§4.2 a chain whose first extension was in time and a LATER one came after the
        deadline the first had set (091 left it): migration 110 keeps the first, voids
        the late one, and the answer after the first's deadline reads late; a chain of
        extensions each in time keeps its last."""
        first = ("2026-11-09T08:00:00Z", "2026-11-16T09:30:00Z", "需会商")
        late = self.legacy_chain("医保报销比例是多少?", [first, ("2026-11-17T01:00:00Z", "2026-11-23T09:30:00Z",
                                                              "仍需会商")], "2026-11-20T10:00:00+08:00")
        kept = self.legacy_chain("公积金如何提取?", [first, ("2026-11-16T08:00:00Z", "2026-11-23T09:30:00Z",
                                                           "仍需会商")], "2026-11-20T10:00:00+08:00")
        self.assertFalse(self.message(late)["answer_late"])   # the legacy rows hid the lateness
        self.migrate_again(110)
        m = self.message(late)
        self.assertEqual((m["extended_until"], m["extension_reason"], m["answer_late"]),
                         ("2026-11-16T09:30:00Z", "需会商", True), m)
        self.assertEqual([e["event"] for e in m["events"]].count("extend"), 2)   # history kept
        void = [e for e in m["events"] if e["event"] == "extend_void"]
        self.assertEqual([(e["at"], "届满后" in e["detail"]["reason"]) for e in void],
                         [("2026-11-17T01:00:00Z", True)], m["events"])
        k = self.message(kept)
        self.assertEqual((k["extended_until"], k["extension_reason"], k["answer_late"]),
                         ("2026-11-23T09:30:00Z", "仍需会商", False), k)
        self.assertNotIn("extend_void", [e["event"] for e in k["events"]])
        ids = [x["id"] for x in self.srv.client("contributor").get(
            "/api/v1/messages?late=answer&limit=500").json["messages"]]
        self.assertIn(late, ids)
        self.assertNotIn(kept, ids)
        gmtest.run("init", "--db", self.srv.db, check=True)      # applied once
        self.assertEqual(gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM message_events WHERE event='extend_void' "
                                                 "AND message_id IN (?,?)", (late, kept))[0][0], 1)


if __name__ == "__main__":
    unittest.main()
