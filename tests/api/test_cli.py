"""The govmedia command line: init/migrate, user, unit, audit, backup,
--help everywhere, usage errors exit 2 and change nothing."""
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402

SUBCOMMANDS = ["init", "serve", "user", "unit", "audit", "backup", "check", "routes",
               "account", "calendar", "jobs", "message", "publication", "report", "post", "vault"]


class CliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="gmcli-")
        self.db = os.path.join(self.dir, "t.db")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def init(self, demo=True):
        return gmtest.run("init", "--db", self.db, *(["--demo"] if demo else []), check=True)

    def counts(self):
        return tuple(gmtest.sql(self.db, f"SELECT COUNT(*) FROM {t}")[0][0]
                     for t in ("units", "users", "user_roles", "audit"))

    def test_help_on_every_subcommand(self):
        listed = [line.split()[0] for line in gmtest.run("--help", check=True).stdout.splitlines()
                  if line.startswith("  ")]
        self.assertEqual(sorted(listed), sorted(SUBCOMMANDS))
        for sub in SUBCOMMANDS:
            p = gmtest.run(sub, "--help")
            self.assertEqual(p.returncode, 0, sub)
            self.assertIn("用法", p.stdout, sub)

    def test_unknown_subcommand_exits_2(self):
        p = gmtest.run("frobnicate")
        self.assertEqual(p.returncode, 2)
        self.assertIn("未知的子命令", p.stderr)

    def test_init_creates_demo_and_prints_logins(self):
        p = self.init()
        self.assertIn("admin", p.stdout)
        self.assertIn(gmtest.DEMO_PASSWORD, p.stdout)
        self.assertGreater(self.counts()[0], 3)

    def test_init_again_migrates_forward_and_keeps_data(self):
        self.init()
        before = self.counts()
        gmtest.run("unit", "add", "--db", self.db, "--name", "保留单位", "--kind", "department",
                   "--parent", "3", check=True)
        p = gmtest.run("init", "--db", self.db, "--demo")
        self.assertEqual(p.returncode, 0)
        self.assertIn("未写入演示数据", p.stdout)
        after = self.counts()
        self.assertEqual(after[0], before[0] + 1)
        self.assertEqual(gmtest.sql(self.db, "SELECT COUNT(*) FROM units WHERE name='保留单位'")[0][0], 1)

    def test_init_migrates_an_old_version_forward_keeping_rows(self):
        # Build a database at schema version 1 by hand, as an older release left it.
        import sqlite3
        mig = os.path.join(gmtest.SRC, "src", "store", "migrations")
        first = sorted(f for f in os.listdir(mig) if f.endswith(".sql"))[0]
        con = sqlite3.connect(self.db)
        con.executescript(open(os.path.join(mig, first), encoding="utf-8").read())
        con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                    "applied_at TEXT NOT NULL)")
        con.execute("INSERT INTO schema_version VALUES (1, ?, '2025-01-01T00:00:00Z')", (first[:-4],))
        con.execute("INSERT INTO units(id,name,kind,path,created_at) VALUES (1,'旧省','province','/1/','2025-01-01T00:00:00Z')")
        con.commit()
        con.close()
        latest = max(int(f.split("_")[0]) for f in os.listdir(mig) if f.endswith(".sql"))
        p = gmtest.run("serve", "--db", self.db, "--listen", "127.0.0.1:0")
        if latest > 1:
            self.assertEqual(p.returncode, 2)       # serve refuses an old schema...
            self.assertIn("govmedia init", p.stderr)
        p = gmtest.run("init", "--db", self.db)     # ...init migrates it forward
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(gmtest.sql(self.db, "SELECT MAX(version) FROM schema_version")[0][0], latest)
        self.assertEqual(gmtest.sql(self.db, "SELECT name FROM units WHERE id=1")[0][0], "旧省")

    def test_init_refuses_missing_db_option(self):
        p = gmtest.run("init")
        self.assertEqual(p.returncode, 2)
        self.assertIn("--db", p.stderr)

    def test_schema_version_recorded(self):
        self.init(demo=False)
        v = gmtest.sql(self.db, "SELECT MAX(version) FROM schema_version")[0][0]
        self.assertGreaterEqual(v, 1)
        self.assertEqual(gmtest.sql(self.db, "PRAGMA journal_mode")[0][0], "wal")

    def test_commands_on_missing_db_exit_2(self):
        for args in (["audit", "verify"], ["user", "list"], ["unit", "list"]):
            p = gmtest.run(*args, "--db", os.path.join(self.dir, "nope.db"))
            self.assertEqual(p.returncode, 2, args)
            self.assertIn("不存在", p.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "nope.db")))

    def test_commands_on_a_file_that_is_not_a_database_exit_2_without_crashing(self):
        """A wrong --db (a text file, a damaged copy) is named in Chinese, exit 2,
        on every subcommand that opens the database (it crashed message list,
        calendar list and unit list: the handle was closed before it was set)."""
        with open(self.db, "w") as f:
            f.write("这不是数据库\n" * 50)
        for args in (("message", "list"), ("calendar", "list"), ("unit", "list"), ("account", "list"),
                     ("user", "list"), ("jobs", "list"), ("audit", "verify"), ("init",),
                     ("report", "weekly")):
            p = gmtest.run(*args, "--db", self.db)
            self.assertEqual(p.returncode, 2, (args, p.returncode, p.stderr))
            self.assertIn("不是 govmedia 数据库", p.stderr, args)
        with open(self.db) as f:
            self.assertTrue(f.read().startswith("这不是数据库"))

    def test_user_add_list_passwd(self):
        self.init()
        p = gmtest.run("user", "add", "--db", self.db, "--login", "wangwu", "--name", "王五",
                       "--role", "operator:4", "--role", "contributor:5", stdin="a-good-password\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        p = gmtest.run("user", "list", "--db", self.db, check=True)
        self.assertIn("wangwu", p.stdout)
        self.assertIn("operator@4", p.stdout)
        self.assertIn("contributor@5", p.stdout)
        old = gmtest.sql(self.db, "SELECT pw_hash FROM users WHERE login='wangwu'")[0][0]
        p = gmtest.run("user", "passwd", "--db", self.db, "--login", "wangwu", stdin="another-password\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        new = gmtest.sql(self.db, "SELECT pw_hash FROM users WHERE login='wangwu'")[0][0]
        self.assertNotEqual(old, new)
        self.assertTrue(new.startswith("$argon2id$"))
        actions = [a for (a,) in gmtest.sql(self.db, "SELECT action FROM audit WHERE login LIKE 'cli:%'")]
        self.assertIn("user.passwd", actions)

    def test_user_add_bad_input_exits_2_and_changes_nothing(self):
        self.init()
        before = self.counts()
        cases = [
            (["--login", "Bad Login", "--name", "x", "--role", "operator:4"], "good-password-1"),
            (["--login", "okname", "--name", "x", "--role", "wizard:4"], "good-password-1"),
            (["--login", "okname", "--name", "x", "--role", "operator:999"], "good-password-1"),
            (["--login", "okname", "--name", "x", "--role", "operator"], "good-password-1"),
            (["--login", "okname", "--name", "x", "--role", "operator:4"], "short"),
            (["--login", "admin", "--name", "x", "--role", "operator:4"], "good-password-1"),
        ]
        for args, pw in cases:
            p = gmtest.run("user", "add", "--db", self.db, *args, stdin=pw + "\n")
            self.assertEqual(p.returncode, 2, (args, p.stderr))
            self.assertTrue(p.stderr.strip(), args)
        self.assertEqual(self.counts(), before)

    def test_unit_add_and_list_tree(self):
        self.init()
        p = gmtest.run("unit", "add", "--db", self.db, "--name", "示范县文旅局", "--kind", "department",
                       "--parent", "3")
        self.assertEqual(p.returncode, 0, p.stderr)
        p = gmtest.run("unit", "list", "--db", self.db, check=True)
        self.assertIn("示范县文旅局", p.stdout)
        self.assertIn("示范省", p.stdout)

    def test_unit_add_bad_input_exits_2(self):
        self.init()
        before = self.counts()
        for args in (["--name", "x", "--kind", "planet"], ["--name", "x", "--kind", "city", "--parent", "999"],
                     ["--name", "", "--kind", "city"], ["--name", "x", "--kind", "city", "--parent", "abc"],
                     ["--name", "\x01bad", "--kind", "city"]):
            p = gmtest.run("unit", "add", "--db", self.db, *args)
            self.assertEqual(p.returncode, 2, (args, p.stderr))
        self.assertEqual(self.counts(), before)

    def test_audit_verify_prints_ok(self):
        self.init()
        p = gmtest.run("audit", "verify", "--db", self.db)
        self.assertEqual(p.returncode, 0)
        self.assertRegex(p.stdout, r"^OK")
        p = gmtest.run("audit", "list", "--db", self.db, "--limit", "3", check=True)
        self.assertEqual(len(p.stdout.strip().splitlines()), 3)

    def test_audit_bad_action_exits_2(self):
        self.init()
        self.assertEqual(gmtest.run("audit", "shred", "--db", self.db).returncode, 2)
        self.assertEqual(gmtest.run("audit", "list", "--db", self.db, "--limit", "-4").returncode, 2)

    def test_backup_opens_and_verifies_and_refuses_overwrite(self):
        self.init()
        out = os.path.join(self.dir, "b.db")
        p = gmtest.run("backup", "--db", self.db, "--out", out)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(gmtest.sql(out, "SELECT COUNT(*) FROM users")[0][0], self.counts()[1])
        self.assertEqual(gmtest.run("audit", "verify", "--db", out).returncode, 0)
        p = gmtest.run("backup", "--db", self.db, "--out", out)
        self.assertEqual(p.returncode, 2)
        self.assertEqual(gmtest.run("backup", "--db", self.db).returncode, 2)

    def test_backup_while_server_writes(self):
        srv = gmtest.Server().start()
        try:
            c = srv.client("admin")
            for i in range(5):
                c.post("/api/v1/units", {"name": f"备份中单位{i}", "kind": "department", "parent_id": 3})
            out = os.path.join(self.dir, "live.db")
            p = gmtest.run("backup", "--db", srv.db, "--out", out)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(gmtest.sql(out, "SELECT COUNT(*) FROM units WHERE name LIKE '备份中单位%'")[0][0], 5)
        finally:
            srv.cleanup()

    def test_serve_bad_listen_exits_2(self):
        self.init()
        p = gmtest.run("serve", "--db", self.db, "--listen", "nonsense")
        self.assertEqual(p.returncode, 2)
        self.assertIn("监听地址", p.stderr)

    def test_routes_lists_method_path_permission(self):
        p = gmtest.run("routes", check=True)
        self.assertIn("POST /api/v1/session public", p.stdout)
        self.assertIn("GET /api/v1/audit audit.read", p.stdout)

    def test_api_doc_lists_every_route(self):
        import re
        doc = open(os.path.join(gmtest.SRC, "docs", "API.md"), encoding="utf-8").read()
        doc = re.sub(r"\{[a-z_]+\}", "{}", doc)
        for line in gmtest.run("routes", check=True).stdout.splitlines():
            method, pattern = line.split(" ")[:2]
            self.assertTrue(pattern.replace("{id}", "{}") in doc, f"docs/API.md misses {method} {pattern}")


if __name__ == "__main__":
    unittest.main(verbosity=2)
