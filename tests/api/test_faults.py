"""Faults: SIGKILL in a burst of writes, graceful SIGTERM, concurrent writers.

Issue 3 "Bad input and faults": every action that got a 2xx reply is in
the database and no half action is (each unit row has its audit row).
"""
import os
import signal
import socket
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402


class FaultTest(unittest.TestCase):
    def setUp(self):
        self.srv = gmtest.Server().start(threads=4)

    def tearDown(self):
        self.srv.cleanup()

    def burst(self, client, tag, acked, stop):
        i = 0
        while not stop.is_set():
            name = f"压测单位-{tag}-{i}"
            try:
                r = client.post("/api/v1/units", {"name": name, "kind": "department", "parent_id": 3})
            except Exception:
                return          # the server died under us
            if 200 <= r.status < 300:
                acked.append((name, r.json["id"]))
            i += 1

    def test_sigkill_during_write_burst_keeps_every_acknowledged_action_whole(self):
        clients = [self.srv.client("admin") for _ in range(4)]
        acked, stop = [], threading.Event()
        threads = [threading.Thread(target=self.burst, args=(c, n, acked, stop))
                   for n, c in enumerate(clients)]
        for t in threads:
            t.start()
        time.sleep(1.5)
        self.srv.proc.send_signal(signal.SIGKILL)
        self.srv.proc.wait()
        stop.set()
        for t in threads:
            t.join()
        self.assertGreater(len(acked), 10, "the burst did not get going")
        rows = dict(gmtest.sql(self.srv.db, "SELECT name, id FROM units WHERE name LIKE '压测单位-%'"))
        for name, uid in acked:
            self.assertEqual(rows.get(name), uid, f"acknowledged unit {name} lost")
        audited = {int(o) for (o,) in gmtest.sql(
            self.srv.db, "SELECT object_id FROM audit WHERE action='unit.add'")}
        for name, uid in rows.items():
            self.assertIn(uid, audited, f"unit {name} committed without its audit row")
        self.assertEqual(gmtest.sql(self.srv.db, "PRAGMA integrity_check")[0][0], "ok")
        p = gmtest.run("audit", "verify", "--db", self.srv.db)
        self.assertEqual(p.returncode, 0, p.stdout)

    def test_sigterm_lets_the_request_in_flight_finish(self):
        body = b'{"name":"\xe5\xb9\xb3\xe7\xa8\xb3\xe5\x81\x9c\xe6\xad\xa2","kind":"department","parent_id":3}'
        c = self.srv.client("admin")
        cookie = next(iter(c.jar)).value
        s = socket.create_connection(("127.0.0.1", self.srv.port))
        s.sendall(b"POST /api/v1/units HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Cookie: gm_session=" + cookie.encode() + b"\r\nX-CSRF-Token: " + c.csrf.encode() +
                  b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n")
        time.sleep(0.3)                     # the server has the headers: request in flight
        self.srv.proc.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        s.sendall(body)
        reply = s.recv(65536).decode("utf-8", "replace")
        s.close()
        self.assertIn("201", reply.split("\r\n")[0], reply)
        self.assertEqual(self.srv.proc.wait(timeout=20), 0)
        self.assertEqual(gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM units WHERE name='平稳停止'")[0][0], 1)

    def test_concurrent_writers_keep_the_chain_intact(self):
        acked, stop = [], threading.Event()
        threads = [threading.Thread(target=self.burst, args=(self.srv.client("admin"), n, acked, stop))
                   for n in range(4)]
        for t in threads:
            t.start()
        time.sleep(1.0)
        stop.set()
        for t in threads:
            t.join()
        self.srv.stop()
        ids = [uid for _, uid in acked]
        self.assertEqual(len(ids), len(set(ids)))
        p = gmtest.run("audit", "verify", "--db", self.srv.db)
        self.assertEqual(p.returncode, 0, p.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
