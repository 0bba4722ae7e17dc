"""The API's contract, route by route, over the WHOLE route table
(`govmedia routes --query`: method, pattern and the query parameters each
route declares), so a new route is walked without editing this file:

- every route, as a role allowed to call it: an unknown query parameter is
  400 naming it; a declared parameter with a value of the wrong type is 400
  naming it;
- every write: its body's fields are found by asking the route itself (on a
  throw-away server: send {}, add the field the refusal names, again), then
  on the real server each field gets an over-long string, a wrong type and
  invalid UTF-8, and the whole body an unknown field: 4xx with a Chinese
  message naming the field;
- every write with a well-formed body: each role the RBAC table
  (test_rbac_matrix.EXPECTED) does not let in is refused 403;
- every route with a path id: an object that does not exist is 404;
- and after all of it NOTHING changed: the row count of every table (so no
  row, no audit row, no notification, no outbox row) and the audit chain.
"""
import json
import os
import re
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402
import test_rbac_matrix  # noqa: E402
from test_bad_input_sweep import fingerprint  # noqa: E402

CJK = re.compile(r"[\u4e00-\u9fff]")
LOGINS = ["admin", "supervisor", "operator", "depthead", "leader", "principal", "contributor",
          "observer"]
LONG = "长" * 300000          # over every field's limit (the longest: a checked text, 200,000), under the 1 MiB body limit
# An unknown field whose name the refusal cannot quote whole: the cut must not split a character.
ODD_NAME = "z" + "长" * 40
MISSING = "987654"
# Routes that end or replace the caller's own session.
SKIP = {("DELETE", "/api/v1/session"), ("POST", "/api/v1/session/password"),
        ("POST", "/api/v1/session")}
# What the refusal of a wrongly typed field says the type is, and a value of it.
TYPE_VALUES = [("整数", 1), ("布尔值", True), ("对象", {}), ("数组", []), ("字符串", "测试")]
WRONG = {int: "不是数字", bool: "不是布尔", dict: "不是对象", list: "不是数组", str: {"zz": 1}}


def plausible(field):
    """A value a user would send for a field of that name (so the probe gets
    past it to the next field the route asks for)."""
    name = field.split(".")[-1]
    if name == "expires_at":
        return gmtest.utc_iso(3600)
    if name.endswith("_at"):
        return gmtest.utc_iso(-3600)
    if name in ("date", "day") or name.endswith("_on"):
        return "2026-11-20"
    return {"unit_id": 4, "target_unit_id": 4, "account_id": 1, "user_id": 2, "year": 2026,
            "platform": "weibo", "version": 1}.get(name, "测试")


def table():
    out = []
    for line in gmtest.run("routes", "--query", check=True).stdout.splitlines():
        method, pattern, params = line.split(" ")
        if pattern.startswith("/api/") and (method, pattern) not in SKIP:
            spec = [] if params == "-" else [p.split(":") for p in params.split(",")]
            out.append((method, pattern, spec))
    return out


def make_fixtures(srv):
    """Object 1 of each kind the demo data lacks (a message, a draft, an
    incident, a group robot of unit 4, a review round), so the walk reaches
    the routes' field checks and not only their 404."""
    made = [
        ("contributor", "/api/v1/messages", {"account_id": 1, "kind": "consult", "text": "开学时间?",
                                             "from": "网民", "received_at": gmtest.utc_iso(-3600)}),
        ("contributor", "/api/v1/posts", {"title": "关于开展校园安全检查的通知", "body": "各学校:请做好检查。",
                                          "account_ids": [1], "major": False, "repost_source": None}),
        ("depthead", "/api/v1/incidents", {"unit_id": 4, "title": "一般性负面评论", "level": "一般"}),
        ("supervisor", "/api/v1/units/4/webhooks", {"kind": "wecom", "name": "教育局群",
                                                    "url": "http://127.0.0.1:9/hook"}),
        ("supervisor", "/api/v1/reviews", {"year": 2026}),
    ]
    for login, path, body in made:
        r = srv.client(login).post(path, body)
        assert r.status == 201, (path, r)


def with_ids(pattern, first="1"):
    """The path with existing objects (id 1; unit 4, within every demo
    role's reach; the calendar takes a year), the first id replaced by
    `first`."""
    path = pattern.replace("/calendar/{id}", "/calendar/2026")
    if first == "1" and path.startswith("/api/v1/units/{id}"):
        first = "4"
    path = path.replace("{id}", first, 1)
    return path.replace("{id}", "1")


def set_path(body, dotted, value):
    """body with body[a][b]… = value for a dotted path ("responsible.name")."""
    keys = dotted.split(".")
    node = body
    for k in keys[:-1]:
        if not isinstance(node.get(k), dict):
            node[k] = {}
        node = node[k]
    node[keys[-1]] = value


def leaves(body, prefix=""):
    for k, v in body.items():
        if isinstance(v, dict) and v:
            yield from leaves(v, prefix + k + ".")
        else:
            yield prefix + k, v


def refusal(r):
    return ((r.json or {}).get("error") or {})


class RouteContractTest(gmtest.ServerTest):
    @classmethod
    def setUpClass(cls):
        # no scheduler: a job falling due mid-test (messages.escalate runs every
        # 15 minutes) writes a job_runs row, which is no refused request's doing
        cls.srv = gmtest.Server().start(extra_args=("--no-jobs",))
        make_fixtures(cls.srv)
        cls.routes = table()
        cls.clients = {login: cls.srv.client(login) for login in LOGINS}
        cls.allowed = {}
        for method, pattern, _ in cls.routes:
            roles = test_rbac_matrix.EXPECTED.get((method, pattern), set())
            cls.allowed[(method, pattern)] = (set(LOGINS) if roles == test_rbac_matrix.PUBLIC
                                              else set(roles))
        cls.shapes = cls.probe_shapes()

    @classmethod
    def probe_shapes(cls):
        """Each write's body fields as the route itself names them, found on a
        server of its own (what the probing happens to do there is thrown away)."""
        scratch = gmtest.Server().start()
        try:
            make_fixtures(scratch)
            clients = {login: scratch.client(login) for login in LOGINS}
            shapes = {}
            for method, pattern, _ in cls.routes:
                if method == "GET":
                    continue
                who = cls.first_allowed(method, pattern)
                if not who:
                    continue
                # id 1, or the next ones while there is no such object
                for first in ("1", "2", "3"):
                    shape, status = cls.probe(clients[who], method, with_ids(pattern, first))
                    if status == 401:      # an earlier probe ended this user's sessions
                        clients[who] = scratch.client(who)
                        shape, status = cls.probe(clients[who], method, with_ids(pattern, first))
                    if status != 404 or "{id}" not in pattern:
                        break
                shapes[(method, pattern)] = shape
            return shapes
        finally:
            scratch.cleanup()

    @staticmethod
    def probe(client, method, path):
        body, seen, first = {}, set(), None
        for _ in range(16):
            r = client.request(method, path, body)
            first = first or r.status
            err = refusal(r)
            field, msg = err.get("field"), err.get("message", "")
            if r.status != 400 or not field or field == "body" or "[" in field:
                break
            if any(w in msg for w in ("缺少", "不能为空", "请填写", "请选择")):
                value = plausible(field)
            else:
                value = next((v for name, v in TYPE_VALUES if "应为" + name in msg), None)
                if isinstance(value, (int, str)) and not isinstance(value, bool):
                    value = plausible(field) if type(plausible(field)) is type(value) else value
            if value is None or (field, repr(value)) in seen:
                break
            seen.add((field, repr(value)))
            set_path(body, field, value)
        return body, first

    @classmethod
    def first_allowed(cls, method, pattern):
        return next((login for login in LOGINS if login in cls.allowed[(method, pattern)]), None)

    def setUp(self):
        self.before = fingerprint(self.srv.db)
        self.problems = []

    def tearDown(self):
        self.assertEqual(self.srv.client().get("/api/v1/health").status, 200, "server died")
        self.assertEqual(fingerprint(self.srv.db), self.before, "a refused request changed something")
        self.assertEqual(gmtest.run("audit", "verify", "--db", self.srv.db).returncode, 0)

    def expect(self, r, what, statuses, field=None):
        err = refusal(r)
        if r.status not in statuses:
            self.problems.append(f"{what}: expected {statuses}, got {r}")
        elif not CJK.search(err.get("message", "")):
            self.problems.append(f"{what}: no Chinese message: {r}")
        elif field is not None and err.get("field") != field and not (r.status == 413 and err.get("field") == "body"):
            self.problems.append(f"{what}: refusal names {err.get('field')!r}, not {field!r}: {r}")

    def report(self):
        self.assertEqual(self.problems, [], f"{len(self.problems)} problems:\n" + "\n".join(self.problems))

    def send(self, method, pattern, path, body=None, raw=None, login=None):
        login = login or self.first_allowed(method, pattern)
        if method != "GET" and body is None and raw is None:
            body = {}
        return self.clients[login].request(method, path, body, raw=raw)

    def test_every_route_refuses_an_unknown_query_parameter_naming_it(self):
        odd = urllib.parse.quote(ODD_NAME)
        for method, pattern, _ in self.routes:
            r = self.send(method, pattern, with_ids(pattern) + f"?{odd}=1")
            self.expect(r, f"{method} {pattern}?{ODD_NAME}", (400,))
            r = self.send(method, pattern, with_ids(pattern) + "?zz_unknown=1")
            self.expect(r, f"{method} {pattern}?zz_unknown", (400,), "zz_unknown")
            if r.status == 400 and "zz_unknown" not in refusal(r).get("message", ""):
                self.problems.append(f"{method} {pattern}: the message does not name zz_unknown: {r}")
        self.report()

    def test_every_declared_query_parameter_refuses_a_wrongly_typed_value(self):
        for method, pattern, spec in self.routes:
            for name, kind in spec:
                if kind == "text":
                    continue
                r = self.send(method, pattern, with_ids(pattern) + f"?{name}=zz%E9%94%99")
                self.expect(r, f"{method} {pattern}?{name}=zz错", (400,), name)
        self.report()

    def test_every_write_refuses_bad_fields_naming_them(self):
        for method, pattern, _ in self.routes:
            shape = self.shapes.get((method, pattern))
            if shape is None:
                continue
            path = with_ids(pattern)
            for field, value in leaves(shape):
                if isinstance(value, str):
                    body = json.loads(json.dumps(shape))
                    set_path(body, field, LONG)
                    self.expect(self.send(method, pattern, path, body),
                                f"{method} {pattern} over-long {field}", range(400, 500), field)
                    set_path(body, field, "\udcff")
                    raw = json.dumps(body).replace("\\udcff", "\udcff").encode("utf-8", "surrogateescape")
                    self.expect(self.send(method, pattern, path, raw=raw),
                                f"{method} {pattern} invalid UTF-8 in {field}", range(400, 500))
                body = json.loads(json.dumps(shape))
                set_path(body, field, WRONG[type(value)])
                self.expect(self.send(method, pattern, path, body),
                            f"{method} {pattern} wrong type of {field}", range(400, 500), field)
            body = dict(shape, zz_unknown_field="x")
            r = self.send(method, pattern, path, body)
            self.expect(r, f"{method} {pattern} unknown field", range(400, 500))
            r = self.send(method, pattern, path, dict(shape, **{ODD_NAME: "x"}))
            self.expect(r, f"{method} {pattern} unknown field with a long Chinese name", range(400, 500))
        self.report()

    def test_every_write_refuses_the_roles_it_does_not_let_in(self):
        for method, pattern, _ in self.routes:
            if method == "GET" or (method, pattern) not in self.shapes:
                continue
            for login in LOGINS:
                if login in self.allowed[(method, pattern)]:
                    continue
                r = self.send(method, pattern, with_ids(pattern), self.shapes[(method, pattern)],
                              login=login)
                self.expect(r, f"{method} {pattern} as {login}", (403,))
        self.report()

    def test_every_write_refuses_a_missing_or_wrong_csrf_token(self):
        """DESIGN.md security: CSRF on writes.  The well-formed body the
        route would take, from a role it lets in, without the session's
        X-CSRF-Token or with another one: 403 naming the header, nothing done."""
        for method, pattern, _ in self.routes:
            if method == "GET":
                continue
            login = self.first_allowed(method, pattern)
            if not login:
                continue
            body = self.shapes.get((method, pattern), {})
            client = self.clients[login]
            r = client.request(method, with_ids(pattern), body, csrf=False)
            self.expect(r, f"{method} {pattern} without X-CSRF-Token", (403,), "X-CSRF-Token")
            r = client.request(method, with_ids(pattern), body, csrf=False,
                               headers={"X-CSRF-Token": "0" * 64})
            self.expect(r, f"{method} {pattern} with a wrong X-CSRF-Token", (403,), "X-CSRF-Token")
        self.report()

    def test_every_route_answers_404_for_an_object_that_does_not_exist(self):
        for method, pattern, _ in self.routes:
            if "{id}" not in pattern or pattern.startswith("/api/v1/calendar/"):
                continue
            body = self.shapes.get((method, pattern))
            r = self.send(method, pattern, with_ids(pattern, MISSING), body)
            # A body the probe could not complete may be refused first (400
            # naming a field it lacks): the route checks its input, then looks.
            incomplete = r.status == 400 and refusal(r).get("field") not in (None, "body", *dict(leaves(body or {})))
            if not incomplete:
                self.expect(r, f"{method} {pattern} missing object", (404,))
        self.report()


if __name__ == "__main__":
    unittest.main(verbosity=2)
