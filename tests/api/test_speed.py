"""Issue 13 (server speed): kept connections, a database-free /health and the
console served from memory with ETag/304.

Speed itself is measured in bench/api/, never here; these tests check the
behaviour the speed work must keep or add.
"""
import hashlib
import json
import os
import sys
import threading
import time
import unittest
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402


def open_db_files(pid, db_path):
    """How many descriptors of the process point at the database file itself."""
    n = 0
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") == db_path:
                n += 1
        except OSError:
            pass
    return n


class KeptConnectionTest(unittest.TestCase):
    def setUp(self):
        self.srv = gmtest.Server()

    def tearDown(self):
        self.srv.cleanup()

    def test_each_worker_thread_keeps_one_connection_across_requests(self):
        self.srv.start(threads=2)
        self.assertEqual(self.srv.client().get("/api/v1/health").status, 200)
        time.sleep(0.5)   # background threads (the scheduler) have opened theirs
        background = open_db_files(self.srv.proc.pid, self.srv.db)
        clients = [self.srv.client("admin") for _ in range(4)]

        def hammer(c):
            for _ in range(25):
                self.assertEqual(c.get("/api/v1/units").status, 200)
        def burst():
            threads = [threading.Thread(target=hammer, args=(c,)) for c in clients]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            return open_db_files(self.srv.proc.pid, self.srv.db)
        # Between requests the connections stay open, one per pool thread at
        # most; a connection per request would leave none, a leak would grow.
        # A burst may be served by one pool thread only, so a later burst may
        # add the second thread's connection, but never close one or exceed two.
        counts = [burst() - background for _ in range(3)]
        for n in counts:
            self.assertGreaterEqual(n, 1, counts)
            self.assertLessEqual(n, 2, counts)
        self.assertEqual(counts, sorted(counts), counts)

    def test_health_answers_without_touching_the_database(self):
        self.srv.start(threads=1)
        # No worker has opened the database yet: replace it with garbage.
        with open(self.srv.db + ".new", "wb") as f:
            f.write(b"this is not a database" * 100)
        os.replace(self.srv.db + ".new", self.srv.db)
        for side in ("-wal", "-shm"):
            if os.path.exists(self.srv.db + side):
                os.remove(self.srv.db + side)
        c = self.srv.client()
        r = c.get("/api/v1/health")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json["status"], "ok")
        self.assertGreaterEqual(r.json["schema_version"], 1)
        r = c.login("admin")
        self.assertGreaterEqual(r.status, 500, r)   # a route that needs the database fails

    def test_worker_refuses_a_database_migrated_past_the_binary(self):
        self.srv.start(threads=1)
        gmtest.sql(self.srv.db, "INSERT INTO schema_version(version,name,applied_at) "
                                "VALUES(999,'999_future','2026-01-01T00:00:00Z')")
        r = self.srv.client().login("admin")
        self.assertEqual(r.status, 400, r)
        self.assertEqual(r.error_field(), "db")
        self.assertIn("999", r.json["error"]["message"])

    def test_cached_statements_see_rows_written_by_another_process(self):
        self.srv.start(threads=1)
        c = self.srv.client("admin")
        before = len(c.get("/api/v1/units").json["units"])
        gmtest.sql(self.srv.db, "INSERT INTO units(name,kind,parent_id,path,created_at) "
                                "SELECT '外部写入单位','department',1,path||'99/',created_at "
                                "FROM units WHERE id=1")
        self.assertEqual(len(c.get("/api/v1/units").json["units"]), before + 1)

    def test_account_list_sees_a_record_changed_behind_its_back(self):
        # The list keeps what it derived from each record text it has seen
        # (record_memo.c); a text changed in any way is read afresh, and one
        # damaged after a list was served is flagged, then readable again.
        self.srv.start(threads=1)
        c = self.srv.client("supervisor")
        rows = {a["id"]: a for a in c.get("/api/v1/accounts").json["accounts"]}
        aid = max(rows)
        first = rows[aid]["certification"]["status"]
        old = gmtest.sql(self.srv.db, "SELECT record FROM accounts WHERE id=?", (aid,))[0][0]
        rec = json.loads(old)
        rec["certification"] = {"status": "failed", "date": "2026-03-02"}
        new = json.dumps(rec, ensure_ascii=False)
        self.assertNotEqual(first, "failed")
        for text, status in ((new, "failed"), ('{"name":"broken', None), (old, first)):
            gmtest.sql(self.srv.db, "UPDATE accounts SET record=? WHERE id=?", (text, aid))
            row = {a["id"]: a for a in c.get("/api/v1/accounts").json["accounts"]}[aid]
            if status:
                self.assertEqual(row["certification"]["status"], status, row)
            else:
                self.assertTrue(row["unreadable"], row)

    def test_wal_stays_bounded_under_steady_writes(self):
        # Checkpoints run on the store's upkeep thread, off the requests; past
        # 2,000 pages (8 MB) it holds writers back until the WAL can start
        # over.  Passive checkpoints alone let it grow with every write (it
        # was 15 MB after the first 120 of these posts, 350 MB in bench/api).
        self.srv.start(threads=2)
        body = "各学校:请做好冬季校园安全工作,开展专项检查。" * 700   # ~60 KB each
        wal = self.srv.db + "-wal"
        largest = [0]

        def writer(k):
            c = self.srv.client("contributor")
            for i in range(60):
                r = c.post("/api/v1/posts", {"title": f"长稿件{k}-{i}", "body": body,
                                             "account_ids": [1]})
                self.assertEqual(r.status, 201, r)
                largest[0] = max(largest[0], os.path.getsize(wal))
        threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertGreater(os.path.getsize(self.srv.db), 30 * 1024 * 1024)
        self.assertLess(largest[0], 16 * 1024 * 1024)
        n = gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM posts WHERE title LIKE '长稿件%'")[0][0]
        self.assertEqual(n, 240)   # every acknowledged write is there


class SessionMemoTest(unittest.TestCase):
    """Each pool thread keeps what a session lookup read (store/session_memo.c)
    only while nothing was committed to the database since, or nothing to the
    sessions, users, grants or units (the security generation, migration 046,
    moved by triggers; tests/unit/test_security_generation.c): these tests warm
    every thread's memo with many parallel requests, change the session, the
    user or the grants (through the API, on the database file from another
    process, or by letting the session run out) and then expect every one of
    many parallel requests to see the change."""

    N = 48

    def setUp(self):
        self.srv = gmtest.Server()
        self.srv.start(threads=4)
        self.admin = self.srv.client("admin")

    def tearDown(self):
        self.srv.cleanup()

    def session_of(self, login):
        c = self.srv.client(login)
        token = next(k.value for k in c.jar if k.name == "gm_session")
        return c, token

    def whoami_all(self, token):
        """GET /session N times over parallel fresh connections (so every
        pool thread answers some): the statuses and the role sets seen."""
        out, lock = [], threading.Lock()

        def one():
            req = urllib.request.Request(self.srv.base + "/api/v1/session",
                                         headers={"Cookie": f"gm_session={token}"})
            try:
                with urllib.request.urlopen(req, timeout=60) as r:
                    roles = tuple(sorted((g["role"], g["unit_id"])
                                         for g in json.loads(r.read())["user"]["roles"]))
                    got = (r.status, roles)
            except urllib.error.HTTPError as e:
                got = (e.code, None)
            with lock:
                out.append(got)
        threads = [threading.Thread(target=lambda: [one() for _ in range(self.N // 4)])
                   for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return set(out)

    def test_session_memo_never_outlives_a_logout(self):
        c, token = self.session_of("observer")
        self.assertEqual({s for s, _ in self.whoami_all(token)}, {200})
        self.assertEqual(c.delete("/api/v1/session").status, 200)
        self.assertEqual(self.whoami_all(token), {(401, None)})

    def test_session_memo_never_outlives_a_disable_or_password_reset(self):
        _, token = self.session_of("operator")
        uid = self.srv.client("operator").get("/api/v1/session").json["user"]["id"]
        self.assertEqual({s for s, _ in self.whoami_all(token)}, {200})
        self.assertEqual(self.admin.post(f"/api/v1/users/{uid}/disable", {}).status, 200)
        self.assertEqual(self.whoami_all(token), {(401, None)})
        self.assertEqual(self.admin.post(f"/api/v1/users/{uid}/enable", {}).status, 200)
        _, token = self.session_of("operator")
        self.assertEqual({s for s, _ in self.whoami_all(token)}, {200})
        r = self.admin.put(f"/api/v1/users/{uid}/password", {"password": "Another-pass-2026!"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.whoami_all(token), {(401, None)})

    def test_session_memo_follows_role_changes_at_once(self):
        c, token = self.session_of("contributor")
        me = c.get("/api/v1/session").json["user"]
        unit = me["roles"][0]["unit_id"]
        before = self.whoami_all(token)
        self.assertEqual(len(before), 1)
        self.assertNotIn(("operator", unit), next(iter(before))[1])
        r = self.admin.post(f"/api/v1/users/{me['id']}/roles", {"role": "operator", "unit_id": unit})
        self.assertEqual(r.status, 201, r)
        granted = self.whoami_all(token)
        self.assertEqual(len(granted), 1, granted)
        self.assertIn(("operator", unit), next(iter(granted))[1])
        r = self.admin.post(f"/api/v1/users/{me['id']}/roles/revoke",
                            {"role": "operator", "unit_id": unit})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.whoami_all(token), before)

    def test_session_memo_sees_changes_made_behind_the_servers_back(self):
        _, token = self.session_of("leader")
        self.assertEqual({s for s, _ in self.whoami_all(token)}, {200})
        gmtest.sql(self.srv.db, "UPDATE user_roles SET role='observer' WHERE user_id="
                                "(SELECT id FROM users WHERE login='leader')")
        self.assertEqual({r[0][0] for _, r in self.whoami_all(token)}, {"observer"})
        gmtest.sql(self.srv.db, "UPDATE users SET disabled=1 WHERE login='leader'")
        self.assertEqual(self.whoami_all(token), {(401, None)})

    def test_session_memo_kept_through_ordinary_writes_still_sees_security_changes(self):
        """Ordinary writes (drafts) leave the security generation, so the
        kept lookups stay; a grant change or a session deleted on the
        database file by another process between them moves it, and every
        thread sees the change at once."""
        writer = self.srv.client("contributor")
        _, token = self.session_of("leader")
        token_hash = hashlib.sha256(token.encode()).hexdigest()

        def ordinary_write(i):
            r = writer.post("/api/v1/posts", {"title": f"普通稿件{i}", "body": "请做好冬季防火工作。",
                                              "account_ids": [1]})
            self.assertEqual(r.status, 201, r)
        before = self.whoami_all(token)
        self.assertEqual({s for s, _ in before}, {200})
        ordinary_write(1)
        self.assertEqual(self.whoami_all(token), before)
        gmtest.sql(self.srv.db, "UPDATE user_roles SET role='observer' WHERE user_id="
                                "(SELECT id FROM users WHERE login='leader')")
        ordinary_write(2)
        self.assertEqual({r[0][0] for _, r in self.whoami_all(token)}, {"observer"})
        ordinary_write(3)
        gmtest.sql(self.srv.db, "DELETE FROM sessions WHERE token_hash=?", (token_hash,))
        ordinary_write(4)
        self.assertEqual(self.whoami_all(token), {(401, None)})

    def test_session_memo_never_outlives_the_session_expiry(self):
        _, token = self.session_of("depthead")
        soon = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3))
        gmtest.sql(self.srv.db, "UPDATE sessions SET expires_at=? WHERE token_hash=?",
                   (soon, hashlib.sha256(token.encode()).hexdigest()))
        # Kept now with the near expiry; nothing else changes the database.
        self.assertEqual({s for s, _ in self.whoami_all(token)}, {200})
        time.sleep(3.5)
        self.assertEqual(self.whoami_all(token), {(401, None)})


class ListReplyMemoTest(unittest.TestCase):
    """Each pool thread keeps whole account list replies (http/reply_memo.c)
    with the database stamp and a key of the caller and every argument:
    these tests ask many parallel requests of several callers and argument
    sets in turn (every pool thread serves each several times) and expect
    each one to get exactly its own reply, and a change to be seen at once."""

    N = 48

    def setUp(self):
        self.srv = gmtest.Server()
        self.srv.start(threads=4)

    def tearDown(self):
        self.srv.cleanup()

    def token_of(self, login):
        c = self.srv.client(login)
        return next(k.value for k in c.jar if k.name == "gm_session")

    def get_all(self, asks):
        """Each (token, path) of asks N times over parallel fresh connections,
        interleaved: {(token, path): set of bodies}."""
        out, lock = {}, threading.Lock()

        def run(k):
            for i in range(self.N // 4):
                token, path = asks[(i + k) % len(asks)]
                req = urllib.request.Request(self.srv.base + path,
                                             headers={"Cookie": f"gm_session={token}"})
                with urllib.request.urlopen(req, timeout=60) as r:
                    body = r.read()
                with lock:
                    out.setdefault((token, path), set()).add(body)
        threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return out

    def test_list_reply_memo_answers_each_caller_and_argument_set_its_own_list(self):
        supervisor, operator = self.token_of("supervisor"), self.token_of("operator")
        asks = [(supervisor, "/api/v1/accounts"), (operator, "/api/v1/accounts"),
                (supervisor, "/api/v1/accounts?page=1&page_size=2"),
                (supervisor, "/api/v1/accounts?sort=name&order=desc"),
                (supervisor, "/api/v1/accounts?page=2&page_size=2")]
        got = self.get_all(asks)
        for ask in asks:
            self.assertEqual(len(got[ask]), 1, ask)   # the same bytes every time
        lists = {ask[1] if ask[0] == supervisor else "operator":
                 json.loads(next(iter(got[ask]))) for ask in asks}
        every = lists["/api/v1/accounts"]["accounts"]
        self.assertLess(len(lists["operator"]["accounts"]), len(every))
        self.assertEqual(lists["/api/v1/accounts?page=1&page_size=2"]["accounts"], every[:2])
        self.assertEqual(lists["/api/v1/accounts?page=2&page_size=2"]["accounts"], every[2:4])
        names = [a["name"] for a in lists["/api/v1/accounts?sort=name&order=desc"]["accounts"]]
        self.assertEqual(names, sorted(names, reverse=True))
        self.assertNotEqual(names, [a["name"] for a in every])

    def test_list_reply_memo_sees_a_change_at_once_on_every_thread(self):
        token = self.token_of("supervisor")
        ask = (token, "/api/v1/accounts")
        before = self.get_all([ask])[ask]
        self.assertEqual(len(before), 1)
        gmtest.sql(self.srv.db, "UPDATE accounts SET name=name||'(已更名)' "
                                "WHERE id=(SELECT MIN(id) FROM accounts)")
        after = self.get_all([ask])[ask]
        self.assertEqual(len(after), 1)
        self.assertNotEqual(after, before)
        self.assertIn("(已更名)", next(iter(after)).decode())


class StaticFilesTest(gmtest.ServerTest):
    def test_console_file_has_etag_and_revalidation_gets_304(self):
        c = self.srv.client()
        r = c.get("/")
        self.assertEqual(r.status, 200)
        etag = r.headers["ETag"]
        self.assertRegex(etag, r'^"[0-9a-f]{32}"$')
        self.assertEqual(r.headers["Cache-Control"], "no-cache")
        with open(os.path.join(gmtest.SRC, "web", "dist", "index.html"), "rb") as f:
            self.assertEqual(r.raw, f.read())
        r2 = c.get("/index.html", headers={"If-None-Match": etag})
        self.assertEqual(r2.status, 304)
        self.assertEqual(r2.raw, b"")
        self.assertEqual(r2.headers["ETag"], etag)
        r3 = c.get("/index.html", headers={"If-None-Match": 'W/"0000", ' + etag})
        self.assertEqual(r3.status, 304)

    def test_stale_etag_gets_the_file_again(self):
        c = self.srv.client()
        r = c.get("/index.html", headers={"If-None-Match": '"0123456789abcdef0123456789abcdef"'})
        self.assertEqual(r.status, 200)
        self.assertIn("text/html", r.headers["Content-Type"])
        self.assertTrue(r.raw)

    def test_unknown_file_404_and_traversal_refused(self):
        c = self.srv.client()
        self.assertEqual(c.get("/no-such-file.js").status, 404)
        self.assertIn(c.get("/../CMakeLists.txt").status, (400, 404))
        self.assertEqual(c.post("/index.html", {}).status, 405)


class BuildDirectoryTest(unittest.TestCase):
    """A console build directory (GOVMEDIA_WEB) as a Vite build lays it out."""

    def setUp(self):
        self.srv = gmtest.Server()
        self.web = os.path.join(self.srv.dir, "dist")
        os.makedirs(os.path.join(self.web, "assets"))
        self.files = {"index.html": b"<!doctype html><title>v1</title>",
                      "assets/index-3f2a9c.js": b"console.log(1)",
                      ".env": b"SECRET=1"}
        for name, data in self.files.items():
            with open(os.path.join(self.web, name), "wb") as f:
                f.write(data)
        os.environ["GOVMEDIA_WEB"] = self.web
        try:
            self.srv.start(threads=2)
        finally:
            del os.environ["GOVMEDIA_WEB"]

    def tearDown(self):
        self.srv.cleanup()

    def test_hashed_assets_cached_a_year_dot_files_never_served(self):
        c = self.srv.client()
        r = c.get("/assets/index-3f2a9c.js")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.raw, b"console.log(1)")
        self.assertIn("text/javascript", r.headers["Content-Type"])
        self.assertEqual(r.headers["Cache-Control"], "public, max-age=31536000, immutable")
        self.assertEqual(c.get("/.env").status, 404)

    def test_page_urls_get_index_html_for_the_browser_router(self):
        c = self.srv.client()
        r = c.get("/accounts/4")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.raw, self.files["index.html"])
        self.assertEqual(c.get("/assets/missing").status, 404)
        self.assertEqual(c.get("/missing.js").status, 404)

    def test_files_are_loaded_at_start_and_served_from_memory(self):
        with open(os.path.join(self.web, "index.html"), "wb") as f:
            f.write(b"<!doctype html><title>v2</title>")
        os.remove(os.path.join(self.web, "assets", "index-3f2a9c.js"))
        c = self.srv.client()
        self.assertEqual(c.get("/").raw, self.files["index.html"])
        self.assertEqual(c.get("/assets/index-3f2a9c.js").status, 200)

if __name__ == "__main__":
    unittest.main(verbosity=2)
