"""gmtest - shared helpers for govmedia's API and CLI scenario tests.

Starts the real program: a fresh SQLite file with the demo organisation,
`govmedia serve` on a free loopback port, and HTTP clients that log in as
the demo users.  Standard library only.
"""
import datetime
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.request

BIN = os.environ.get("GM_BIN", "build/govmedia")
SRC = os.environ.get("GM_SOURCE_DIR", ".")
DEMO_PASSWORD = "govmedia-demo-2026"
DEMO_LOGINS = ["admin", "supervisor", "contributor", "depthead", "leader",
               "principal", "operator", "observer"]


def run(*args, stdin=None, check=False):
    """Runs `govmedia ARGS`; returns CompletedProcess with text output."""
    p = subprocess.run([BIN, *args], input=stdin, capture_output=True, text=True, timeout=120)
    if check and p.returncode != 0:
        raise AssertionError(f"govmedia {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p


class Reply:
    def __init__(self, status, body, headers):
        self.status = status
        self.raw = body
        self.headers = headers
        try:
            self.json = json.loads(body.decode("utf-8")) if body else None
        except ValueError:
            self.json = None

    def error_field(self):
        return (self.json or {}).get("error", {}).get("field")

    def __repr__(self):
        return f"<Reply {self.status} {self.raw[:300]!r}>"


class Client:
    """One browser-like session: cookie jar + CSRF token."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.csrf = None

    def request(self, method, path, body=None, raw=None, headers=None, csrf=True):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        h = {"Content-Type": "application/json"}
        if csrf and self.csrf:
            h["X-CSRF-Token"] = self.csrf
        h.update(headers or {})
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=h)
        try:
            with self.opener.open(req, timeout=60) as r:
                return Reply(r.status, r.read(), dict(r.headers))
        except urllib.error.HTTPError as e:
            return Reply(e.code, e.read(), dict(e.headers))

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body, **kw)

    def put(self, path, body=None, **kw):
        return self.request("PUT", path, body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def login(self, login, password=DEMO_PASSWORD):
        r = self.post("/api/v1/session", {"login": login, "password": password}, csrf=False)
        if r.status == 201:
            self.csrf = r.json["csrf_token"]
        return r


class Server:
    """A temporary database with demo data and a running `govmedia serve`."""

    def __init__(self, demo=True):
        self.dir = tempfile.mkdtemp(prefix="gmtest-")
        self.db = os.path.join(self.dir, "govmedia.db")
        self.proc = None
        args = ["init", "--db", self.db] + (["--demo"] if demo else [])
        run(*args, check=True)

    def start(self, threads=4, extra_args=()):
        self.log = open(os.path.join(self.dir, "serve.log"), "w+")
        self.proc = subprocess.Popen([BIN, "serve", "--db", self.db, "--listen", "127.0.0.1:0",
                                      "--threads", str(threads), *extra_args],
                                     stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            raise AssertionError(f"server did not start: {line!r}")
        self.port = int(m.group(1))
        self.base = f"http://127.0.0.1:{self.port}"
        return self

    def client(self, login=None, password=DEMO_PASSWORD):
        c = Client(self.base)
        if login:
            r = c.login(login, password)
            if r.status != 201:
                raise AssertionError(f"login {login} failed: {r}")
        return c

    def session(self, login):
        """A logged-in client of login kept for this server's life: each login costs the
        server an Argon2id hash (tens of milliseconds of CPU), so a test file that acts as
        the same user many times asks for it once.  client() for a session of its own."""
        kept = self.__dict__.setdefault("sessions", {})
        if login not in kept:
            kept[login] = self.client(login)
        return kept[login]

    def stop(self, sig=None):
        if self.proc and self.proc.poll() is None:
            if sig is None:
                self.proc.terminate()
            else:
                self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode if self.proc else None

    def cleanup(self):
        self.stop()
        if self.proc:
            self.proc.stdout.close()
            self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def publish_post(srv, title, body, account_id=1):
    """A post of the demo's unit 4 written, reviewed on both levels (a
    warning overridden with a reason) and published on account_id; its id."""
    con, head, leader, op = (srv.client(x) for x in ("contributor", "depthead", "leader", "operator"))
    r = con.post("/api/v1/posts", {"title": title, "body": body, "account_ids": [account_id]})
    assert r.status == 201, r
    pid = r.json["id"]
    s = con.post(f"/api/v1/posts/{pid}/submit")
    assert s.status == 200, s
    why = {"override_reason": "已核对"} if any(f["severity"] == "warn" for f in s.json["findings"]) else {}
    r = head.post(f"/api/v1/posts/{pid}/approve", why)
    assert r.status == 200, r
    r = leader.post(f"/api/v1/posts/{pid}/approve", dict(why, confidentiality=True))
    assert r.status == 200, r
    r = op.post(f"/api/v1/posts/{pid}/publish", {"account_id": account_id,
                                                  "url": f"https://mp.weixin.qq.com/s/p{pid}"})
    assert r.status == 201, r
    return pid


def utc_iso(seconds_from_now=0):
    """The API's UTC ISO-8601 form of a moment relative to now."""
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=seconds_from_now)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def sql(db_path, query, params=()):
    """Runs SQL directly on the database file (as an attacker or inspector could)."""
    import sqlite3
    con = sqlite3.connect(db_path)
    try:
        cur = con.execute(query, params)
        rows = cur.fetchall()
        con.commit()
        return rows
    finally:
        con.close()


def count(db, table, where="1=1", params=()):
    """Rows of `table` matching `where`, read straight from the database file."""
    return sql(db, f"SELECT COUNT(*) FROM {table} WHERE {where}", params)[0][0]


def spool_sizes(pid):
    """The sizes of the server's open upload spools (unlinked temporary files)."""
    found = []
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            if "govmedia-upload-" in os.readlink(f"/proc/{pid}/fd/{fd}"):
                found.append(os.stat(f"/proc/{pid}/fd/{fd}").st_size)
        except OSError:
            continue
    return found


def wait_until(cond, seconds=20):
    """True once cond() is, polled every 0.1 s for up to `seconds`."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if cond():
            return True
        time.sleep(0.1)
    return cond()


def notices(client, kind):
    """The caller's in-app notifications of one kind (latest 100)."""
    rows = client.get("/api/v1/notifications?limit=100").json["notifications"]
    return [n for n in rows if n["kind"] == kind]


class ServerTest(unittest.TestCase):
    """Base for test classes that share one server with the demo data
    (started with the class's server_args, e.g. ("--test-clock",))."""

    server_args = ()

    @classmethod
    def setUpClass(cls):
        cls.srv = Server().start(extra_args=cls.server_args)

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()


class CliDbTest(unittest.TestCase):
    """Base for CLI test classes: one database with the demo data, no server."""

    @classmethod
    def setUpClass(cls):
        cls.srv = Server()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()


class VaultServerTest(ServerTest):
    """Base for the credential-vault tests: one server started with a fresh
    vault key file (GOVMEDIA_VAULT_KEY) that is removed afterwards."""

    @classmethod
    def setUpClass(cls):
        cls.keydir = tempfile.TemporaryDirectory()
        key = os.path.join(cls.keydir.name, "vault.key")
        with open(key, "wb") as f:
            f.write(os.urandom(32))
        os.environ["GOVMEDIA_VAULT_KEY"] = key
        try:
            super().setUpClass()
        finally:
            del os.environ["GOVMEDIA_VAULT_KEY"]

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.keydir.cleanup()


class ManagedListsTest(ServerTest):
    """Base for the tests of the engine's managed lists: an admin client, a
    contributor's check of a text, and one list as the admin reads it."""

    def setUp(self):
        self.admin = self.srv.client("admin")

    def check(self, text):
        r = self.srv.client("contributor").post("/api/v1/check", {"text": text})
        self.assertEqual(r.status, 200, r)
        return r.json

    def entries(self, name):
        r = self.admin.get("/api/v1/admin/lists/" + name)
        self.assertEqual(r.status, 200, r)
        return r.json
