"""Issue 8 (hardening): one regression test per defect, named after its item.

Each test fails on the code before the fix: control characters at any
depth, one damaged row taking a whole list down, unchecked query
parameters, 400 instead of 405, and (further down) leaks across units,
self-grants, sessions that outlive a reset, login counting, audit anchors
and the registry fixes.
"""
import os
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402
from acct_helpers import form, BODIES  # noqa: E402


class InputTest(gmtest.ServerTest):
    """Items 1 and 2: input that corrupted the registry or crashed a reply."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sup = cls.srv.client("supervisor")
        cls.admin = cls.srv.client("admin")

    def assert_bad(self, r, field):
        self.assertEqual(r.status, 400, r)
        self.assertEqual(r.error_field(), field, r)

    def accounts_count(self):
        return gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM accounts")[0][0]

    # ---- item 1: control characters at every depth ----

    def test_item1_nul_in_nested_field_refused_naming_dotted_field(self):
        before = self.accounts_count()
        for who, key in (("responsible", "name"), ("admin", "title"), ("admin", "wechat")):
            f = form(4, "douyin", "示范县教育局抖音")
            f[who] = dict(f[who], **{key: f[who][key] + "\u0000x"})
            self.assert_bad(self.sup.post("/api/v1/accounts", f), f"{who}.{key}")
        f = form(4, "douyin", "示范县教育局抖音")
        f["responsible"] = dict(f["responsible"], name="陈\u0007刚")
        self.assert_bad(self.sup.post("/api/v1/accounts", f), "responsible.name")
        self.assertEqual(self.accounts_count(), before, "nothing may be committed")
        self.assertEqual(self.sup.get("/api/v1/accounts").status, 200)

    def test_item1_nul_in_lifecycle_step_value_refused(self):
        r = self.sup.post("/api/v1/accounts", form(4, "toutiao", "示范县教育局头条"))
        self.assertEqual(r.status, 201, r)
        aid = r.json["id"]
        self.assertEqual(self.sup.post(f"/api/v1/accounts/{aid}/approve", {}).status, 200)
        self.assertEqual(self.sup.post(f"/api/v1/accounts/{aid}/open", BODIES["open"]).status, 200)
        v = self.sup.get(f"/api/v1/accounts/{aid}").json["version"]
        self.assert_bad(self.sup.post(f"/api/v1/accounts/{aid}/certify",
                                      {"date": "2026-09-30\u0000junk"}), "date")
        changes = {"date": "2026-09-29",
                   "admin": dict(BODIES["changes"]["admin"], name="王\u0000五")}
        self.assert_bad(self.sup.post(f"/api/v1/accounts/{aid}/changes", changes), "admin.name")
        self.assertEqual(self.sup.get(f"/api/v1/accounts/{aid}").json["version"], v)

    def test_item1_control_character_in_array_element_names_its_path(self):
        body = {"login": "ctl_user", "display_name": "某人", "password": "Valid-pass-2026!",
                "roles": [{"role": "contributor", "unit_id": 4},
                          {"role": "contri\u0001butor", "unit_id": 4}]}
        self.assert_bad(self.admin.post("/api/v1/users", body), "roles[1].role")

    def test_item1_newline_only_in_multiline_text(self):
        body = {"login": "nl_user", "display_name": "某\n人", "password": "Valid-pass-2026!",
                "roles": [{"role": "contributor", "unit_id": 4}]}
        self.assert_bad(self.admin.post("/api/v1/users", body), "display_name")
        r = self.sup.post("/api/v1/check", {"text": "第一段。\n\t第二段。"})
        self.assertEqual(r.status, 200, r)

    def test_item1_cli_input_goes_through_the_same_gate(self):
        f = form(5, "douyin", "示范县卫健局抖音")
        f["responsible"] = dict(f["responsible"], name="陈\u0000刚")
        del f["unit_id"]
        import json
        p = gmtest.run("account", "apply", "--db", self.srv.db, "--unit", "5", "--input", "-",
                       stdin=json.dumps(f))
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("responsible.name", p.stderr)

    def test_item1_list_survives_one_damaged_row(self):
        ids = [a["id"] for a in self.sup.get("/api/v1/accounts").json["accounts"]]
        self.assertGreaterEqual(len(ids), 2)
        victim = ids[0]
        old = gmtest.sql(self.srv.db, "SELECT record FROM accounts WHERE id=?", (victim,))[0][0]
        gmtest.sql(self.srv.db, "UPDATE accounts SET record=? WHERE id=?",
                   ('{"name":"broken', victim))
        try:
            for who in ("supervisor", "observer"):
                r = self.srv.client(who).get("/api/v1/accounts")
                self.assertEqual(r.status, 200, r)
                rows = {a["id"]: a for a in r.json["accounts"]}
                self.assertTrue(rows[victim]["unreadable"], rows[victim])
                self.assertTrue(all("state" in rows[i] for i in ids[1:]))
            p = gmtest.run("account", "list", "--db", self.srv.db)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("记录已损坏", p.stdout)
        finally:
            gmtest.sql(self.srv.db, "UPDATE accounts SET record=? WHERE id=?", (old, victim))

    # ---- item 2: query parameters and methods ----

    def test_item2_invalid_utf8_query_parameter_is_400_naming_it(self):
        aid = self.sup.get("/api/v1/accounts").json["accounts"][0]["id"]
        for path in (f"/api/v1/accounts/{aid}?as_of=%ff", "/api/v1/accounts?as_of=%ff",
                     "/api/v1/accounts?platform=%ff%fe", f"/api/v1/accounts/{aid}?as_of=2026%0010-01"):
            r = self.sup.get(path)
            self.assertEqual(r.status, 400, (path, r))
            self.assertIn(r.error_field(), ("as_of", "platform"), r)

    def test_item2_bad_date_query_parameter_is_400(self):
        aid = self.sup.get("/api/v1/accounts").json["accounts"][0]["id"]
        for q in ("as_of=zzz", "as_of=2026-02-30", "as_of="):
            self.assert_bad(self.sup.get(f"/api/v1/accounts/{aid}?{q}"), "as_of")
        self.assertEqual(self.sup.get(f"/api/v1/accounts/{aid}?as_of=2026-10-01").status, 200)

    def test_item2_unknown_and_mistyped_query_parameters_are_400(self):
        self.assert_bad(self.sup.get("/api/v1/accounts?colour=red"), "colour")
        self.assert_bad(self.sup.get("/api/v1/accounts?unit_id=abc"), "unit_id")
        self.assert_bad(self.sup.get("/api/v1/accounts?overdue=maybe"), "overdue")
        self.assert_bad(self.sup.get("/api/v1/audit?limit=ten"), "limit")
        self.assert_bad(self.sup.get("/api/v1/audit?before=-3"), "before")
        # a route that declares no parameters still gets the byte checks
        r = self.sup.get("/api/v1/units?x=%01")
        self.assert_bad(r, "x")

    def test_item2_wrong_method_is_405_with_allow(self):
        cases = {("DELETE", "/api/v1/accounts"): {"GET", "POST"},
                 ("PUT", "/api/v1/audit"): {"GET"},
                 ("GET", "/api/v1/accounts/1/approve"): {"POST"},
                 ("DELETE", "/api/v1/accounts/1/qr"): {"GET", "PUT"}}
        for (method, path), allowed in cases.items():
            r = self.sup.request(method, path)
            self.assertEqual(r.status, 405, (method, path, r))
            self.assertEqual(r.json["error"]["code"], "method_not_allowed")
            self.assertEqual({m.strip() for m in r.headers["Allow"].split(",")}, allowed)
        self.assertEqual(self.sup.request("DELETE", "/api/v1/nowhere").status, 404)



def client_from(srv, source_ip, login=None, password=gmtest.DEMO_PASSWORD):
    """A client whose connections come from source_ip (any 127.x.y.z reaches
    the loopback server), so tests can act as different client addresses."""
    import functools
    import http.client
    import urllib.request

    class SourceHandler(urllib.request.HTTPHandler):
        def http_open(self, req):
            conn = functools.partial(http.client.HTTPConnection, source_address=(source_ip, 0))
            return self.do_open(conn, req)

    c = gmtest.Client(srv.base)
    c.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(c.jar),
                                           SourceHandler())
    if login:
        r = c.login(login, password)
        assert r.status == 201, (login, r)
    return c


class AccessTest(unittest.TestCase):
    """Items 3-7: reach, separation of duties, cutting users off, login."""

    @classmethod
    def setUpClass(cls):
        cls.srv = gmtest.Server().start(extra_args=("--max-login-failures-per-address", "8"))
        cls.admin = cls.srv.client("admin")
        cls.sup = cls.srv.client("supervisor")
        # a contributor and an admin of 示范县卫生健康局 (unit 5)
        cls.ids = {}
        for login, role in (("wsj", "contributor"), ("wsjadmin", "admin"), ("wsj2", "contributor")):
            r = cls.admin.post("/api/v1/users", {"login": login, "display_name": login,
                                                 "password": "Valid-pass-2026!",
                                                 "roles": [{"role": role, "unit_id": 5}]})
            assert r.status == 201, r
            cls.ids[login] = r.json["id"]
        cls.subadmin = cls.srv.client("wsjadmin", "Valid-pass-2026!")

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def user_id(self, login):
        return gmtest.sql(self.srv.db, "SELECT id FROM users WHERE login=?", (login,))[0][0]

    def audit_actions(self):
        return [a for (a,) in gmtest.sql(self.srv.db, "SELECT action FROM audit")]

    def make_opened(self, unit_id, name):
        r = self.sup.post("/api/v1/accounts", form(unit_id, "kuaishou", name,
                                                   exception_reason="测试用例:同平台多账号"))
        self.assertEqual(r.status, 201, r)
        aid = r.json["id"]
        for step in ("approve", "open"):
            self.assertEqual(self.sup.post(f"/api/v1/accounts/{aid}/{step}", BODIES[step]).status, 200)
        return aid

    # ---- item 3 ----

    def test_item3_review_report_reply_holds_only_the_callers_entry(self):
        mine, other = self.make_opened(4, "教育局快手号"), self.make_opened(5, "卫健局快手号")
        r = self.sup.post("/api/v1/reviews", {"year": 2030})
        self.assertEqual(r.status, 201, r)
        rid = r.json["id"]
        secret = "卫健局内部运行情况(其他单位不应看到)"
        wsj = self.srv.client("wsj", "Valid-pass-2026!")
        self.assertEqual(wsj.post(f"/api/v1/reviews/{rid}/accounts/{other}/report",
                                  {"text": secret}).status, 200)
        c = self.srv.client("contributor")
        # A unit inside the round's scope sees the round, with its own accounts only.
        r = c.get(f"/api/v1/reviews/{rid}")
        self.assertEqual(r.status, 200, r)
        self.assertNotIn(other, [e["account_id"] for e in r.json["accounts"]])
        self.assertNotIn(secret, r.raw.decode())
        r = c.post(f"/api/v1/reviews/{rid}/accounts/{mine}/report", {"text": "教育局年审报告"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual([e["account_id"] for e in r.json["accounts"]], [mine])
        self.assertNotIn(secret, r.raw.decode())
        r = self.sup.post(f"/api/v1/reviews/{rid}/accounts/{mine}/pass", {"reason": "运行规范"})
        self.assertEqual([e["account_id"] for e in r.json["accounts"]], [mine])

    # ---- item 4 ----

    def test_item4_users_and_audit_are_scoped_to_the_callers_reach(self):
        logins = {u["login"] for u in self.subadmin.get("/api/v1/users").json["users"]}
        self.assertIn("wsj", logins)
        self.assertNotIn("admin", logins)
        self.assertNotIn("contributor", logins)
        self.assertIn("contributor", {u["login"] for u in self.sup.get("/api/v1/users").json["users"]})
        mine = self.make_opened(4, "教育局审计范围号")
        theirs = self.make_opened(5, "卫健局审计范围号")
        rows = self.subadmin.get("/api/v1/audit?limit=1000").json["rows"]
        objects = {(r["object_type"], r["object_id"]) for r in rows}
        self.assertIn(("account", str(theirs)), objects)
        self.assertNotIn(("account", str(mine)), objects)
        self.assertFalse([r for r in rows if r["login"] == "contributor"])
        paged = self.subadmin.get("/api/v1/audit?page=1&page_size=500").json
        self.assertFalse([r for r in paged["rows"] if r["login"] == "contributor"], "the paged view too")
        self.assertNotIn(("account", str(mine)), {(r["object_type"], r["object_id"]) for r in paged["rows"]})
        self.assertEqual(paged["total"], len(paged["rows"]))
        sup_objects = {(r["object_type"], r["object_id"])
                       for r in self.sup.get("/api/v1/audit?limit=1000").json["rows"]}
        self.assertTrue({("account", str(mine)), ("account", str(theirs))} <= sup_objects)

    def test_item4_paged_audit_view_shows_every_row_in_reach(self):
        self.make_opened(5, "卫健局分页审计号")
        for client in (self.subadmin, self.sup):
            listed = [r["id"] for r in client.get("/api/v1/audit?limit=1000").json["rows"]]
            paged = client.get("/api/v1/audit?page=1&page_size=500").json
            self.assertGreater(len(listed), 1)
            self.assertEqual([r["id"] for r in paged["rows"]], listed)
            self.assertEqual(paged["total"], len(listed))
            second = client.get("/api/v1/audit?page=2&page_size=1").json["rows"]
            self.assertEqual([r["id"] for r in second], listed[1:2])

    # ---- item 5 ----

    def test_item5_nobody_grants_or_revokes_their_own_roles(self):
        me = self.user_id("admin")
        r = self.admin.post(f"/api/v1/users/{me}/roles", {"role": "supervisor", "unit_id": 1})
        self.assertEqual(r.status, 403, r)
        r = self.subadmin.post(f"/api/v1/users/{self.ids['wsjadmin']}/roles",
                               {"role": "supervisor", "unit_id": 5})
        self.assertEqual(r.status, 403, r)
        r = self.admin.post(f"/api/v1/users/{me}/roles/revoke", {"role": "admin", "unit_id": 1})
        self.assertEqual(r.status, 403, r)
        self.assertNotIn("supervisor", [g for (g,) in gmtest.sql(
            self.srv.db, "SELECT role FROM user_roles WHERE user_id=?", (me,))])

    def test_item5_sub_unit_admin_cannot_touch_what_lies_outside_its_reach(self):
        root_admin = self.user_id("admin")
        r = self.subadmin.post(f"/api/v1/users/{root_admin}/roles", {"role": "contributor", "unit_id": 5})
        self.assertEqual(r.status, 403, r)
        r = self.subadmin.post("/api/v1/calendar/2031", raw="year 2031\n".encode(),
                               headers={"Content-Type": "text/plain"})
        self.assertEqual(r.status, 403, r)
        self.assertEqual(self.subadmin.post("/api/v1/admin/lexicons/reload", {}).status, 403)
        self.assertEqual(self.admin.post("/api/v1/admin/lexicons/reload", {}).status, 200)

    # ---- item 6 ----

    def test_item6_password_reset_ends_the_users_sessions(self):
        c = self.srv.client("wsj2", "Valid-pass-2026!")
        self.assertEqual(c.get("/api/v1/session").status, 200)
        r = self.admin.put(f"/api/v1/users/{self.ids['wsj2']}/password", {"password": "Other-pass-2026!"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(c.get("/api/v1/session").status, 401)
        self.admin.put(f"/api/v1/users/{self.ids['wsj2']}/password", {"password": "Valid-pass-2026!"})

    def test_item6_disable_enable_and_end_sessions_over_api(self):
        uid = self.ids["wsj2"]
        c = self.srv.client("wsj2", "Valid-pass-2026!")
        r = self.admin.post(f"/api/v1/users/{uid}/disable", {})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(c.get("/api/v1/session").status, 401)
        r = self.srv.client().login("wsj2", "Valid-pass-2026!")
        self.assertEqual(r.status, 401)
        self.assertIn("停用", r.json["error"]["message"])
        wrong = self.srv.client().login("wsj2", "Wrong-pass-2026!")
        self.assertNotIn("停用", wrong.json["error"]["message"], "only the right password learns it")
        self.assertEqual(self.admin.post(f"/api/v1/users/{uid}/enable", {}).status, 200)
        c = self.srv.client("wsj2", "Valid-pass-2026!")
        r = self.admin.delete(f"/api/v1/users/{uid}/sessions")
        self.assertEqual((r.status, r.json["sessions_ended"] >= 1), (200, True), r)
        self.assertEqual(c.get("/api/v1/session").status, 401)
        me = self.user_id("admin")
        self.assertEqual(self.admin.post(f"/api/v1/users/{me}/disable", {}).status, 403)
        acts = self.audit_actions()
        for a in ("user.disable", "user.enable", "user.sessions_end"):
            self.assertIn(a, acts)

    def test_item6_revoke_role_takes_effect_and_keeps_the_last(self):
        uid = self.ids["wsj"]
        self.assertEqual(self.admin.post(f"/api/v1/users/{uid}/roles",
                                         {"role": "operator", "unit_id": 5}).status, 201)
        c = self.srv.client("wsj", "Valid-pass-2026!")
        r = self.admin.post(f"/api/v1/users/{uid}/roles/revoke", {"role": "operator", "unit_id": 5})
        self.assertEqual(r.status, 200, r)
        roles = [g["role"] for g in c.get("/api/v1/session").json["user"]["roles"]]
        self.assertEqual(roles, ["contributor"])
        r = self.admin.post(f"/api/v1/users/{uid}/roles/revoke", {"role": "contributor", "unit_id": 5})
        self.assertEqual(r.status, 409, r)
        self.assertIn("user.revoke", self.audit_actions())

    def test_item6_cli_disable_enable_end_sessions_revoke(self):
        c = self.srv.client("wsj2", "Valid-pass-2026!")
        p = gmtest.run("user", "end-sessions", "--db", self.srv.db, "--login", "wsj2")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(c.get("/api/v1/session").status, 401)
        c = self.srv.client("wsj2", "Valid-pass-2026!")
        p = gmtest.run("user", "disable", "--db", self.srv.db, "--login", "wsj2")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(c.get("/api/v1/session").status, 401)
        self.assertIn("已停用", gmtest.run("user", "list", "--db", self.srv.db).stdout)
        self.assertEqual(gmtest.run("user", "enable", "--db", self.srv.db, "--login", "wsj2").returncode, 0)
        self.srv.client("wsj2", "Valid-pass-2026!")
        gmtest.run("user", "grant", "--db", self.srv.db, "--login", "wsj2", "--role", "leader:5", check=True)
        p = gmtest.run("user", "revoke", "--db", self.srv.db, "--login", "wsj2", "--role", "leader:5")
        self.assertEqual(p.returncode, 0, p.stderr)
        p = gmtest.run("user", "revoke", "--db", self.srv.db, "--login", "wsj2", "--role", "contributor:5")
        self.assertNotEqual(p.returncode, 0)

    # ---- item 7 ----

    def test_item7_lock_does_not_reveal_which_logins_exist(self):
        answers = {}
        for login, ip in (("principal", "127.0.0.5"), ("no-such-login", "127.0.0.7")):
            c = client_from(self.srv, ip)
            seq = [c.login(login, "Wrong-pass-2026!").status for _ in range(6)]
            r = c.login(login, "Wrong-pass-2026!")
            answers[login] = (seq, r.status, r.json["error"]["code"])
            self.assertIn("北京时间", r.json["error"]["message"])
        self.assertEqual(answers["principal"], answers["no-such-login"])
        self.assertEqual(answers["principal"][1], 423)

    def test_item7_per_address_limit_answers_429_without_password_work(self):
        c = client_from(self.srv, "127.0.0.9")
        for i in range(8):
            self.assertEqual(c.login(f"nobody{i}", "Wrong-pass-2026!").status, 401)
        r = c.login("observer")
        self.assertEqual(r.status, 429, r)
        self.assertEqual(r.json["error"]["code"], "too_many_requests")
        self.assertEqual(client_from(self.srv, "127.0.0.10").login("observer").status, 201)


class ParallelGuessTest(unittest.TestCase):
    """Item 7 under a flood of parallel guesses, on a server with the default
    per-address brake (30 failures): the 24 guesses plus the 5 tries stay
    below it whatever the machine's load lets through at once, so what the
    last login meets is the (login, address) lock, never the brake."""

    @classmethod
    def setUpClass(cls):
        cls.srv = gmtest.Server().start()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def test_item7_parallel_guesses_get_at_most_five_tries_and_victim_is_not_locked_out(self):
        from concurrent.futures import ThreadPoolExecutor
        attacker = client_from(self.srv, "127.0.0.3")
        with ThreadPoolExecutor(max_workers=24) as pool:
            statuses = list(pool.map(lambda i: attacker.login("leader", f"guess-{i:04d}-xx").status,
                                     range(24)))
        self.assertLessEqual(statuses.count(401), 5, statuses)
        self.assertFalse(set(statuses) - {401, 423, 429}, statuses)
        tries = statuses.count(401)
        while tries < 5:   # the flood was braked harder than the lock: use up the rest
            self.assertEqual(attacker.login("leader", f"guess-more-{tries}").status, 401)
            tries += 1
        r = client_from(self.srv, "127.0.0.3").login("leader")  # right password, locked here
        self.assertEqual(r.status, 423, r)
        victim = client_from(self.srv, "127.0.0.2")
        self.assertEqual(victim.login("leader").status, 201, "the victim elsewhere is not locked out")


class MigrationTest(unittest.TestCase):
    def test_item7_migration_reserved_below_the_newest_is_still_applied(self):
        """003 (login_failures) lands after 006/007: a database that has 007
        but not 003 gets 003 from `govmedia init`, and serve refuses it before."""
        srv = gmtest.Server(demo=False)
        try:
            gmtest.sql(srv.db, "DROP TABLE login_failures")
            gmtest.sql(srv.db, "DELETE FROM schema_version WHERE version=3")
            p = gmtest.run("user", "list", "--db", srv.db)
            self.assertNotEqual(p.returncode, 0, "a database missing a step is refused")
            gmtest.run("init", "--db", srv.db, check=True)
            self.assertEqual(gmtest.sql(srv.db, "SELECT COUNT(*) FROM login_failures")[0][0], 0)
        finally:
            srv.cleanup()


def rewrite_audit_row(db, row_id, new_after):
    """What someone with the database file can do: drop the trigger, change a
    row, recompute every later hash and the stored head (same formula as
    src/core/audit_chain.c)."""
    import hashlib
    gmtest.sql(db, "DROP TRIGGER IF EXISTS audit_no_update")
    gmtest.sql(db, "UPDATE audit SET after=? WHERE id=?", (new_after, row_id))
    rows = gmtest.sql(db, "SELECT id,at,COALESCE(user_id,0),login,role,COALESCE(unit_id,0),action,"
                          "object_type,object_id,before,after,client_addr FROM audit ORDER BY id")
    prev = "0" * 64
    for r in rows:
        h = hashlib.sha256()
        for v in (prev,) + tuple(r):
            b = str(v).encode()
            h.update(f"{len(b)}:".encode() + b)
        digest = h.hexdigest()
        gmtest.sql(db, "UPDATE audit SET prev_hash=?, hash=? WHERE id=?", (prev, digest, r[0]))
        prev = digest
    gmtest.sql(db, "UPDATE meta SET value=? WHERE key='audit_head'", (f"{rows[-1][0]} {prev}",))


class AnchorTest(unittest.TestCase):
    """Item 8: the chain's head kept outside the database."""

    def setUp(self):
        self.srv = gmtest.Server()
        self.dir = self.srv.dir

    def tearDown(self):
        self.srv.cleanup()

    def anchor(self, *extra):
        p = gmtest.run("audit", "anchor", "--db", self.srv.db, *extra)
        self.assertEqual(p.returncode, 0, p.stderr)
        path = os.path.join(self.dir, f"anchor{len(os.listdir(self.dir))}.json")
        with open(path, "w") as f:
            f.write(p.stdout)
        import json
        return path, json.loads(p.stdout)

    def test_item8_rewritten_and_rehashed_chain_fails_against_an_anchor(self):
        path, a = self.anchor()
        self.assertEqual(set(a), {"id", "hash", "at"})
        self.assertEqual(a["id"], gmtest.sql(self.srv.db, "SELECT MAX(id) FROM audit")[0][0])
        gmtest.run("user", "grant", "--db", self.srv.db, "--login", "observer", "--role",
                   "observer:2", check=True)   # the chain grows past the anchor: still fine
        ok = gmtest.run("audit", "verify", "--db", self.srv.db, "--anchor", path)
        self.assertEqual(ok.returncode, 0, ok.stdout + ok.stderr)
        rewrite_audit_row(self.srv.db, 3, '{"forged":true}')
        plain = gmtest.run("audit", "verify", "--db", self.srv.db)
        self.assertEqual(plain.returncode, 0, "a recomputed chain fools the plain check")
        p = gmtest.run("audit", "verify", "--db", self.srv.db, "--anchor", path)
        self.assertEqual(p.returncode, 1, p.stdout)
        self.assertIn(f"第 {a['id']} 行", p.stdout)
        self.assertIn(path, p.stdout)

    def test_item8_truncated_chain_fails_against_an_anchor(self):
        path, a = self.anchor()
        gmtest.sql(self.srv.db, "DROP TRIGGER IF EXISTS audit_no_delete")
        gmtest.sql(self.srv.db, "DELETE FROM audit WHERE id=?", (a["id"],))
        last = gmtest.sql(self.srv.db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")[0]
        gmtest.sql(self.srv.db, "UPDATE meta SET value=? WHERE key='audit_head'", (f"{last[0]} {last[1]}",))
        self.assertEqual(gmtest.run("audit", "verify", "--db", self.srv.db).returncode, 0)
        p = gmtest.run("audit", "verify", "--db", self.srv.db, "--anchor", path)
        self.assertEqual(p.returncode, 1, p.stdout)

    def test_item8_signed_anchor_checked_with_the_public_key(self):
        key = os.path.join(self.dir, "anchor.key")
        p = gmtest.run("audit", "keygen", "--key", key)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(os.stat(key).st_mode & 0o777, 0o600)
        self.assertNotEqual(gmtest.run("audit", "keygen", "--key", key).returncode, 0, "never overwrites")
        path, a = self.anchor("--key", key)
        self.assertEqual(a["algorithm"], "ed25519")
        p = gmtest.run("audit", "verify", "--db", self.srv.db, "--anchor", path, "--public-key", key + ".pub")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        import json
        forged = dict(a, hash="0" * 64)   # someone rewrote the anchor file too
        with open(path, "w") as f:
            json.dump(forged, f)
        p = gmtest.run("audit", "verify", "--db", self.srv.db, "--anchor", path, "--public-key", key + ".pub")
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("签名", p.stderr + p.stdout)

    def test_item8_daily_job_publishes_an_anchor_file_and_tells_the_supervisor(self):
        out = os.path.join(self.dir, "anchors")
        os.mkdir(out)
        env = dict(os.environ, GOVMEDIA_ANCHOR_DIR=out)
        import subprocess
        p = subprocess.run([gmtest.BIN, "jobs", "run", "audit.anchor", "--db", self.srv.db],
                           capture_output=True, text=True, env=env, timeout=60)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        files = os.listdir(out)
        self.assertEqual(len(files), 1, files)
        v = gmtest.run("audit", "verify", "--db", self.srv.db, "--anchor", os.path.join(out, files[0]))
        self.assertEqual(v.returncode, 0, v.stdout)
        n = gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM notifications WHERE kind='audit.anchor'")[0][0]
        self.assertGreaterEqual(n, 1)


class RegistryTest(gmtest.ServerTest):
    """Items 9-11: filing, certification, lateness, dates, one per platform."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sup = cls.srv.client("supervisor")

    def opened(self, unit_id=4, platform="toutiao", open_date="2026-09-29"):
        r = self.sup.post("/api/v1/accounts", form(unit_id, platform, f"账号{platform}{open_date}",
                                                   exception_reason="测试用例:同平台多账号"))
        self.assertEqual(r.status, 201, r)
        aid = r.json["id"]
        self.assertEqual(self.sup.post(f"/api/v1/accounts/{aid}/approve", {}).status, 200)
        r = self.sup.post(f"/api/v1/accounts/{aid}/open", {"platform_account_id": "p1", "date": open_date})
        self.assertEqual(r.status, 200, r)
        from acct_helpers import png_bytes
        r = self.sup.put(f"/api/v1/accounts/{aid}/qr", raw=png_bytes(), headers={"Content-Type": "image/png"})
        self.assertEqual(r.status, 200, r)
        return aid

    def file(self, aid, date):
        return self.sup.post(f"/api/v1/accounts/{aid}/file", dict(BODIES["file"], date=date,
                                                                   created_on="2026-09-29"))

    def test_item9_filing_needs_no_certification_and_certification_is_its_own_attribute(self):
        aid = self.opened()
        self.assertEqual(self.sup.get(f"/api/v1/accounts/{aid}").json["certification"]["status"], "pending")
        r = self.file(aid, "2026-10-01")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["state"], "filed")
        r = self.sup.post(f"/api/v1/accounts/{aid}/certify", {"date": "2026-10-09", "status": "failed"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["state"], r.json["certification"]["status"]), ("filed", "failed"))
        r = self.sup.post(f"/api/v1/accounts/{aid}/certify", {"date": "2026-10-20"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["certification"], {"status": "certified", "status_label": "已认证",
                                                   "date": "2026-10-20"})
        self.assertEqual(self.sup.post(f"/api/v1/accounts/{aid}/certify",
                                       {"date": "2026-10-20", "status": "maybe"}).error_field(), "status")

    def test_item9_demo_account_flagged_filing_overdue_can_be_filed(self):
        overdue = [a for a in self.sup.get("/api/v1/accounts?overdue=filing").json["accounts"]]
        self.assertTrue(overdue, "the demo has an account overdue for filing")
        aid = overdue[0]["id"]
        from acct_helpers import png_bytes
        self.sup.put(f"/api/v1/accounts/{aid}/qr", raw=png_bytes(), headers={"Content-Type": "image/png"})
        r = self.file(aid, "2026-11-20")
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.json["filed_late"])

    def test_item10_late_filing_stays_marked_late_with_days(self):
        aid = self.opened(open_date="2026-09-29")
        due = self.sup.get(f"/api/v1/accounts/{aid}").json["filing_due"]
        r = self.file(aid, "2026-10-10")
        self.assertEqual(r.status, 200, r)
        from datetime import date
        days = (date.fromisoformat("2026-10-10") - date.fromisoformat(due)).days
        self.assertGreater(days, 0)
        self.assertEqual((r.json["filed_late"], r.json["filed_late_days"]), (True, days))
        self.assertEqual(r.json["record"]["filing"]["days_late"], days)
        listed = {a["id"]: a for a in self.sup.get("/api/v1/accounts").json["accounts"]}
        self.assertTrue(listed[aid]["filed_late"])
        on_time = self.opened(platform="douyin", open_date="2026-10-08")
        r = self.file(on_time, "2026-10-09")
        self.assertEqual((r.json["filed_late"], r.json["filed_late_days"]), (False, 0))

    def test_item10_dates_of_things_done_cannot_be_in_the_future(self):
        from datetime import date, timedelta
        future = (date.today() + timedelta(days=30)).isoformat()
        r = self.sup.post("/api/v1/accounts", form(4, "kuaishou", "未来申请", date=future,
                                                   exception_reason="测试用例:同平台多账号"))
        self.assertEqual((r.status, r.error_field()), (400, "date"), r)
        aid = self.opened(platform="wechat")
        for step, body in (("certify", {"date": future}),
                           ("file", dict(BODIES["file"], date=future)),
                           ("close", {"reason": "测试", "date": future})):
            r = self.sup.post(f"/api/v1/accounts/{aid}/{step}", body)
            self.assertEqual((r.status, r.error_field()), (400, "date"), (step, r))
        r = self.sup.post(f"/api/v1/accounts/{aid}/file", dict(BODIES["file"], created_on=future))
        self.assertEqual((r.status, r.error_field()), (400, "created_on"), r)

    def test_item11_one_per_platform_holds_past_256_accounts_of_a_unit(self):
        now = "2026-11-01T00:00:00Z"
        for i in range(300):
            gmtest.sql(self.srv.db, "INSERT INTO accounts(unit_id,platform,name,state,version,record,"
                                    "created_at,updated_at) VALUES(5,'app',?,'rejected',1,'{}',?,?)",
                       (f"旧申请{i}", now, now))
        first = self.sup.post("/api/v1/accounts", form(5, "app", "卫健局客户端"))
        self.assertEqual(first.status, 201, first)
        second = self.sup.post("/api/v1/accounts", form(5, "app", "卫健局第二客户端"))
        self.assertEqual((second.status, second.error_field()), (409, "platform"), second)
        self.assertIn("卫健局客户端", second.json["error"]["message"])


class PeopleTest(gmtest.ServerTest):
    """Item 13: what people read: China time, Chinese field names, version, QR upload."""

    def test_item13_version(self):
        p = gmtest.run("--version")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertRegex(p.stdout, r"^govmedia \d+\.\d+\.\d+")

    def test_item13_error_messages_name_fields_in_chinese_field_key_stays_api_name(self):
        sup = self.srv.client("supervisor")
        f = form(4, "douyin", "某账号")
        f["responsible"] = dict(f["responsible"], name="陈\u0000刚")
        r = sup.post("/api/v1/accounts", f)
        self.assertEqual(r.error_field(), "responsible.name")
        self.assertIn("负责人姓名", r.json["error"]["message"])
        r = sup.get("/api/v1/accounts?as_of=zzz")
        self.assertEqual(r.error_field(), "as_of")
        self.assertIn("统计日期", r.json["error"]["message"])

    def test_item13_cli_lists_show_china_time(self):
        p = gmtest.run("audit", "list", "--db", self.srv.db, "--limit", "3")
        self.assertEqual(p.returncode, 0, p.stderr)
        at = p.stdout.splitlines()[0].split("\t")[1]
        self.assertRegex(at, r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")

    def test_item13_cli_uploads_the_qr_code_so_a_cli_user_can_file(self):
        sup = self.srv.client("supervisor")
        r = sup.post("/api/v1/accounts", form(4, "wechat", "CLI 备案号", exception_reason="测试用例:同平台多账号"))
        aid = r.json["id"]
        for step in ("approve", "open"):
            self.assertEqual(sup.post(f"/api/v1/accounts/{aid}/{step}", BODIES[step]).status, 200)
        from acct_helpers import png_bytes, BAD_TEXT_AS_PNG
        png = os.path.join(self.srv.dir, "qr.png")
        with open(png, "wb") as f:
            f.write(BAD_TEXT_AS_PNG)
        p = gmtest.run("account", "qr", "--db", self.srv.db, "--id", str(aid), "--file", png)
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        with open(png, "wb") as f:
            f.write(png_bytes())
        p = gmtest.run("account", "qr", "--db", self.srv.db, "--id", str(aid), "--file", png)
        self.assertEqual(p.returncode, 0, p.stderr)
        p = gmtest.run("account", "file", "--db", self.srv.db, "--id", str(aid), "--input", "-",
                       stdin='{"date":"2026-10-01","created_on":"2026-09-29","followers":3,"introduction":"简介"}')
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(sup.get(f"/api/v1/accounts/{aid}").json["state"], "filed")


if __name__ == "__main__":
    unittest.main()
