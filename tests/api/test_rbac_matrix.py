"""RBAC matrix: every route of `govmedia routes` with every role.

The expectations below are written out by hand from REQUIREMENTS.md's role
table, independently of src/core/rbac.c, so a change to the permission
table that lets a role in (or locks one out) fails here.  A route missing
from EXPECTED fails too: adding a route means deciding who may use it.
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402

ALL = {"admin", "supervisor", "contributor", "depthead", "leader", "principal", "operator", "observer"}
PUBLIC = "public"
WRITERS_OF_DRAFTS = ALL - {"observer"}
APPLICANTS = {"supervisor", "contributor", "depthead", "leader", "principal", "operator"}
READERS = {"admin", "supervisor", "observer"}

# (method, pattern) -> roles that are NOT refused (or PUBLIC: no login needed).
EXPECTED = {
    ("GET", "/api/v1/health"): PUBLIC,
    ("POST", "/api/v1/session"): PUBLIC,
    ("GET", "/api/v1/session"): ALL,
    ("DELETE", "/api/v1/session"): ALL,
    ("GET", "/api/v1/units"): ALL,
    ("POST", "/api/v1/units"): {"admin"},
    ("GET", "/api/v1/units/{id}"): ALL,
    ("GET", "/api/v1/users"): READERS,
    ("POST", "/api/v1/users"): {"admin"},
    ("POST", "/api/v1/users/{id}/roles"): {"admin"},
    ("POST", "/api/v1/users/{id}/roles/revoke"): {"admin"},
    ("POST", "/api/v1/users/{id}/disable"): {"admin"},
    ("POST", "/api/v1/users/{id}/enable"): {"admin"},
    ("DELETE", "/api/v1/users/{id}/sessions"): {"admin"},
    ("PUT", "/api/v1/users/{id}/password"): {"admin"},
    ("GET", "/api/v1/audit"): READERS,
    ("GET", "/api/v1/audit/verify"): READERS,
    ("POST", "/api/v1/check"): WRITERS_OF_DRAFTS,
    ("POST", "/api/v1/check/media"): WRITERS_OF_DRAFTS,
    ("GET", "/api/v1/check/limits"): WRITERS_OF_DRAFTS,
    ("POST", "/api/v1/admin/lexicons/reload"): {"admin"},
}
EXTRA_EXPECTED_FILE = os.path.join(os.path.dirname(__file__), "rbac_expected_extra.py")
if os.path.exists(EXTRA_EXPECTED_FILE):
    # Modules that add routes (accounts, posts, ...) state their expectations there.
    _ns = {"ALL": ALL, "PUBLIC": PUBLIC, "READERS": READERS, "APPLICANTS": APPLICANTS}
    exec(open(EXTRA_EXPECTED_FILE, encoding="utf-8").read(), _ns)
    EXPECTED.update(_ns["EXPECTED_EXTRA"])

# Path ids: unit 4 (示范县教育局) lies within every role's reach; accounts,
# review rounds and users use an id that does not exist, so a role the
# route lets in gets 404 and the route-level refusal (403) stands out (and
# no demo user is disabled or logged out half-way through the walk).
PATH_IDS = [("/api/v1/accounts", "999999"), ("/api/v1/reviews", "999999"),
            ("/api/v1/messages", "999999"), ("/api/v1/incidents", "999999"),
            ("/api/v1/duty", "999999"), ("/api/v1/meetings", "999999"),
            ("/api/v1/posts", "999999"),
            ("/api/v1/users", "999999"),
            ("/api/v1/calendar", "2031"), ("", "4")]


def path_id(pattern):
    return next(i for prefix, i in PATH_IDS if pattern.startswith(prefix))


def routes():
    out = gmtest.run("routes", check=True).stdout.splitlines()
    return [tuple(line.split(" ")[:2]) for line in out if line.strip()]


class RbacMatrixTest(gmtest.ServerTest):
    def call(self, client, method, pattern):
        path = pattern.replace("{id}", path_id(pattern))
        # An empty object: allowed roles get 2xx/4xx validation errors, never 401/403.
        body = {} if method in ("POST", "PUT", "PATCH", "DELETE") else None
        return client.request(method, path, body)

    def test_every_route_has_an_expectation(self):
        missing = [r for r in routes() if r not in EXPECTED]
        self.assertEqual(missing, [], "routes without an RBAC expectation")
        stale = [r for r in EXPECTED if r not in routes()]
        self.assertEqual(stale, [], "expectations for routes that no longer exist")

    def test_anonymous_is_refused_401_on_every_non_public_route(self):
        anon = self.srv.client()
        for method, pattern in routes():
            r = self.call(anon, method, pattern)
            if EXPECTED[(method, pattern)] == PUBLIC:
                self.assertNotIn(r.status, (401, 403), f"{method} {pattern}: {r}")
            else:
                self.assertEqual(r.status, 401, f"{method} {pattern} anonymous: {r}")

    def test_each_role_is_refused_exactly_where_expected(self):
        clients = {login: self.srv.client(login) for login in sorted(ALL)}
        for method, pattern in routes():
            allowed = EXPECTED[(method, pattern)]
            if allowed == PUBLIC or (method, pattern) == ("DELETE", "/api/v1/session"):
                continue
            for login, c in clients.items():
                r = self.call(c, method, pattern)
                with self.subTest(route=f"{method} {pattern}", role=login):
                    if login in allowed:
                        self.assertNotIn(r.status, (401, 403), r)
                    else:
                        self.assertEqual(r.status, 403, r)

    def test_logout_allowed_for_every_role(self):
        for login in sorted(ALL):
            c = self.srv.client(login)
            self.assertEqual(c.delete("/api/v1/session").status, 200, login)


if __name__ == "__main__":
    unittest.main(verbosity=2)
