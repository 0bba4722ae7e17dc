"""Bad input over EVERY route of `govmedia routes` (the router's table): a
malformed JSON body (on an object that exists and on one that does not), a
body that is not an object, invalid UTF-8, a body of
2 MiB, unknown fields and wrongly typed values, a path id that does not
exist, an extra path segment, invalid UTF-8 in the query, a wrong method.
Each is refused with a 4xx whose message is Chinese (never a 500, never a
crash), and nothing changes: every table's rows (count and content) are the
same before and after the whole sweep, the audit chain still verifies.
"""
import hashlib
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402

CJK = re.compile(r"[\u4e00-\u9fff]")
# who tries a route: the first of these whose grants reach it (403 otherwise)
LOGINS = ["admin", "supervisor", "operator", "depthead", "leader", "principal", "contributor",
          "observer"]
MISSING_ID = "987654"
BAD_BODIES = {
    "malformed JSON": b'{"name": ',
    "not an object": b'[1, 2, 3]',
    "invalid UTF-8": b'{"name": "\xff\xfe"}',
    "unknown field": b'{"zz_unknown_field": 1}',
    "wrong types": b'{"name": 7, "title": [], "text": {}, "date": true, "unit_id": "x", '
                   b'"account_ids": "1", "reason": 3}',
    "huge body": b'{"text": "' + b"a" * (2 * 1024 * 1024) + b'"}',
}
# Routes whose job is to end or replace the caller's own session: the sweep
# would log itself out.
SKIP = {("DELETE", "/api/v1/session"), ("POST", "/api/v1/session/password")}


def routes():
    out = []
    for line in gmtest.run("routes", check=True).stdout.splitlines():
        method, pattern = line.split()[:2]
        if pattern.startswith("/api/") and (method, pattern) not in SKIP:
            out.append((method, pattern))
    return out


def fingerprint(db):
    """Every table's row count and a digest of its whole content (a refused
    request must not add, delete or UPDATE a row; sessions and login
    failures are the callers' own)."""
    tables = [r[0] for r in gmtest.sql(db, "SELECT name FROM sqlite_master WHERE type='table' AND "
                                           "name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' "
                                           "AND name NOT IN ('sessions','login_failures')")]
    out = {}
    for t in tables:
        rows = sorted(repr(r) for r in gmtest.sql(db, f'SELECT * FROM "{t}"'))
        out[t] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16])
    return out


class BadInputSweepTest(gmtest.ServerTest):
    @classmethod
    def setUpClass(cls):
        # no scheduler: a job falling due mid-test (messages.escalate runs every
        # 15 minutes) writes a job_runs row, which is no refused request's doing
        cls.srv = gmtest.Server().start(extra_args=("--no-jobs",))
        cls.clients = {login: cls.srv.client(login) for login in LOGINS}

    def assert_refused(self, r, what, allowed=range(400, 500), named=False):
        if r.status not in allowed:
            self.failures.append(f"{what}: {r}")
            return
        if r.status != 404 or r.json:
            err = (r.json or {}).get("error") or {}
            if not CJK.search(err.get("message", "")):
                self.failures.append(f"{what}: no Chinese message: {r}")
            # a refused body names what is wrong in it (the body, or its field)
            elif named and r.status in (400, 413, 415, 422) and not err.get("field"):
                self.failures.append(f"{what}: the refusal names no field: {r}")

    def call(self, method, path, raw=None, qs=""):
        """The reply of the first demo user who may use the route (403: nobody)."""
        last = None
        for login in LOGINS:
            last = self.clients[login].request(method, path + qs, raw=raw)
            if last.status != 403:
                return last
        return last

    def test_every_route_refuses_bad_input_clearly_and_changes_nothing(self):
        before = fingerprint(self.srv.db)
        self.failures = []
        seen = {}
        for method, pattern in routes():
            path = pattern.replace("{id}", MISSING_ID)
            if method in ("POST", "PUT", "PATCH", "DELETE"):
                # on objects that exist (id 1: the demo's first unit, account, user, …) and not
                for where in {pattern.replace("{id}", "1"), path}:
                    for name, raw in BAD_BODIES.items():
                        r = self.call(method, where, raw=raw)
                        self.assert_refused(r, f"{method} {where} {name}", named=True)
                        seen[r.status] = seen.get(r.status, 0) + 1
            # a path id that does not exist
            if "{id}" in pattern:
                r = self.call(method, path, raw=b"{}" if method != "GET" else None)
                self.assert_refused(r, f"{method} {pattern} missing id", (400, 403, 404, 409))
            # an id that is not an id, an extra path segment
            bad_id = pattern.replace("{id}", "0") if "{id}" in pattern else pattern + "/1x"
            r = self.call(method, bad_id, raw=b"{}" if method != "GET" else None)
            self.assert_refused(r, f"{method} {bad_id}", (404, 405))
            # invalid UTF-8 in the query string
            r = self.call(method, path, raw=b"{}" if method != "GET" else None, qs="?q=%FF%FE")
            self.assert_refused(r, f"{method} {pattern} invalid UTF-8 query")
            # a method the path does not take
            r = self.call("PATCH", path, raw=b"{}")
            self.assert_refused(r, f"PATCH {pattern}", (404, 405))
            if r.status == 405 and not r.headers.get("Allow"):
                self.failures.append(f"PATCH {pattern}: 405 without Allow")
        self.assertEqual(self.failures, [], "\n".join(self.failures))
        self.assertEqual(self.srv.client().get("/api/v1/health").status, 200, "server died")
        self.assertEqual(fingerprint(self.srv.db), before, "bad input changed something")
        self.assertEqual(gmtest.run("audit", "verify", "--db", self.srv.db).returncode, 0)
        print("statuses:", seen, file=sys.stderr)


if __name__ == "__main__":
    unittest.main()
