"""The scheduler inside `govmedia serve` and `govmedia jobs` (src/jobs/).

Real program, real SQLite file: a job whose slot passed while no server
ran is run once when a server starts (not once per missed slot); two
servers on one database never run a slot twice; SIGTERM stops the runner
cleanly; operators list, run and read the log from the CLI.
"""
import json
import os
import signal
import time
import unittest

import gmtest
from gmtest import run, sql, wait_until as wait_for


def runs(db, job="jobs.prune"):
    return sql(db, "SELECT owner, status, manual FROM job_runs WHERE job=? ORDER BY id", (job,))


class JobsTest(unittest.TestCase):
    def setUp(self):
        self.srv = gmtest.Server(demo=False)
        self.servers = [self.srv]

    def tearDown(self):
        for s in self.servers[1:]:
            s.stop()
        self.srv.cleanup()

    def test_jobs_list_shows_schedule_in_beijing_time(self):
        p = run("jobs", "list", "--db", self.srv.db, check=True)
        self.assertIn("jobs.prune", p.stdout)
        self.assertIn("每天 03:30(北京时间)", p.stdout)
        rows = json.loads(run("jobs", "list", "--db", self.srv.db, "--json", check=True).stdout)
        prune = [r for r in rows if r["name"] == "jobs.prune"][0]
        self.assertTrue(prune["next_run_at"].endswith("Z"))
        self.assertEqual(prune["title"], "清理 90 天前的任务运行记录")

    def test_jobs_run_logs_a_manual_run_and_unknown_name_exits_2(self):
        p = run("jobs", "run", "--db", self.srv.db, "jobs.prune")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("完成", p.stdout)
        self.assertEqual([r[1:] for r in runs(self.srv.db)], [("ok", 1)])
        log = json.loads(run("jobs", "log", "--db", self.srv.db, "--json", check=True).stdout)
        self.assertEqual(log[0]["job"], "jobs.prune")
        p = run("jobs", "run", "--db", self.srv.db, "no.such.job")
        self.assertEqual(p.returncode, 2)
        self.assertIn("no.such.job", p.stderr)
        self.assertEqual(run("jobs", "run", "--db", self.srv.db).returncode, 2)

    def test_jobs_run_refused_while_another_process_holds_the_lease(self):
        run("jobs", "list", "--db", self.srv.db, check=True)
        sql(self.srv.db, "UPDATE jobs SET lease_owner='other:1:ab', lease_until='2999-01-01T00:00:00Z' "
                         "WHERE name='jobs.prune'")
        p = run("jobs", "run", "--db", self.srv.db, "jobs.prune")
        self.assertEqual(p.returncode, 2)
        self.assertIn("正在由其他进程运行", p.stderr)
        self.assertEqual(runs(self.srv.db), [])

    def test_jobs_missed_run_runs_once_on_start(self):
        run("jobs", "list", "--db", self.srv.db, check=True)
        # The server was down for three weeks: 21 daily slots passed.
        sql(self.srv.db, "UPDATE jobs SET next_run_at='2020-01-01T00:00:00Z' WHERE name='jobs.prune'")
        self.srv.start(extra_args=("--job-tick", "1"))
        self.assertTrue(wait_for(lambda: len(runs(self.srv.db)) >= 1))
        time.sleep(2.5)   # a few more ticks: nothing else may run
        self.assertEqual([r[1:] for r in runs(self.srv.db)], [("ok", 0)])
        nxt = sql(self.srv.db, "SELECT next_run_at FROM jobs WHERE name='jobs.prune'")[0][0]
        self.assertGreater(nxt, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))

    def test_jobs_two_servers_sharing_a_database_never_run_one_slot_twice(self):
        run("jobs", "list", "--db", self.srv.db, check=True)
        self.srv.start(extra_args=("--job-tick", "1"))
        other = gmtest.Server.__new__(gmtest.Server)
        other.dir, other.db, other.proc = self.srv.dir, self.srv.db, None
        other.log = None
        self.servers.append(other)
        other.start(extra_args=("--job-tick", "1"))
        owners = set()
        for slot in range(1, 4):
            sql(self.srv.db, "UPDATE jobs SET next_run_at='2020-01-01T00:00:00Z' WHERE name='jobs.prune'")
            self.assertTrue(wait_for(lambda: len(runs(self.srv.db)) >= slot))
            time.sleep(1.5)
            got = runs(self.srv.db)
            self.assertEqual(len(got), slot, got)
            owners.update(r[0] for r in got)
        self.assertTrue(all(":" in o for o in owners))

    def test_jobs_runner_stops_cleanly_on_sigterm(self):
        self.srv.start(extra_args=("--job-tick", "3600"))
        time.sleep(0.5)
        t0 = time.time()
        self.assertEqual(self.srv.stop(signal.SIGTERM), 0)
        self.assertLess(time.time() - t0, 5)   # the sleeping runner was woken, not waited out
        self.srv.log.seek(0)
        self.assertIn("已停止", self.srv.log.read())

    def test_jobs_serve_rejects_bad_job_tick(self):
        p = run("serve", "--db", self.srv.db, "--job-tick", "0")
        self.assertEqual(p.returncode, 2)
        self.assertIn("--job-tick", p.stderr)


class JobsApiTest(unittest.TestCase):
    def setUp(self):
        self.srv = gmtest.Server()

    def tearDown(self):
        self.srv.cleanup()

    def test_jobs_api_lists_jobs_and_runs_for_audit_readers(self):
        run("jobs", "run", "--db", self.srv.db, "jobs.prune", check=True)
        self.srv.start(extra_args=("--no-jobs",))
        sup = self.srv.client("supervisor")
        r = sup.get("/api/v1/jobs?runs=5")
        self.assertEqual(r.status, 200)
        prune = next(j for j in r.json["jobs"] if j["name"] == "jobs.prune")
        self.assertEqual(prune["schedule_label"], "每天 03:30(北京时间)")
        self.assertEqual(prune["last_status"], "ok")
        self.assertEqual((r.json["runs"][0]["job"], r.json["runs"][0]["manual"]), ("jobs.prune", True))
        self.assertEqual(sup.get("/api/v1/jobs?runs=999").error_field(), "runs")
        self.assertEqual(self.srv.client("operator").get("/api/v1/jobs").status, 403)

    def test_jobs_run_now_by_the_system_admin_is_logged_and_audited(self):
        self.srv.start(extra_args=("--no-jobs",))
        admin = self.srv.client("admin")
        nxt = lambda: sql(self.srv.db, "SELECT next_run_at FROM jobs WHERE name='jobs.prune'")
        admin.get("/api/v1/jobs")
        r = admin.post("/api/v1/jobs/run", {"job": "jobs.prune"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["job"], r.json["ok"]), ("jobs.prune", True))
        self.assertEqual([x[1:] for x in runs(self.srv.db)], [("ok", 1)])      # a manual run
        before = nxt()
        self.assertEqual(admin.post("/api/v1/jobs/run", {"job": "jobs.prune"}).status, 200)
        self.assertEqual(nxt(), before)                                        # schedule unchanged
        audit = sql(self.srv.db, "SELECT login, action, object_type, object_id, after FROM audit "
                                 "WHERE action='job.run' ORDER BY id")
        self.assertEqual(len(audit), 2)
        self.assertEqual(audit[0][:4], ("admin", "job.run", "job", "jobs.prune"))
        self.assertTrue(json.loads(audit[0][4])["ok"])
        # refused: unknown job, no job, a job whose lease another process holds, other roles
        n_audit = len(sql(self.srv.db, "SELECT id FROM audit WHERE action='job.run'"))
        r = admin.post("/api/v1/jobs/run", {"job": "no.such.job"})
        self.assertEqual((r.status, r.error_field()), (404, "job"))
        self.assertEqual(admin.post("/api/v1/jobs/run", {}).error_field(), "job")
        sql(self.srv.db, "UPDATE jobs SET lease_owner='other:1:ab', lease_until='2999-01-01T00:00:00Z' "
                         "WHERE name='jobs.prune'")
        r = admin.post("/api/v1/jobs/run", {"job": "jobs.prune"})
        self.assertEqual((r.status, r.error_field()), (409, "job"))
        self.assertIn("正在由其他进程运行", r.json["error"]["message"])
        for login in ("supervisor", "observer", "operator"):
            self.assertEqual(self.srv.client(login).post("/api/v1/jobs/run", {"job": "jobs.prune"}).status,
                             403, login)
        self.assertEqual(len(sql(self.srv.db, "SELECT id FROM audit WHERE action='job.run'")), n_audit)
        self.assertEqual(len(runs(self.srv.db)), 2)

    def test_run_now_never_holds_the_request_a_long_job_goes_on_in_the_background(self):
        """立即运行 waits for the job a bounded time (GOVMEDIA_JOB_RUN_WAIT, 0 here:
        not at all): the reply is 202 at once, the run goes on under its lease
        and its result reaches the run log and the audit trail when it ends."""
        os.environ["GOVMEDIA_JOB_RUN_WAIT"] = "0"
        try:
            self.srv.start(extra_args=("--no-jobs",))
        finally:
            del os.environ["GOVMEDIA_JOB_RUN_WAIT"]
        admin = self.srv.client("admin")
        admin.get("/api/v1/jobs")
        r = admin.post("/api/v1/jobs/run", {"job": "jobs.prune"})
        self.assertEqual(r.status, 202, r)
        self.assertEqual((r.json["job"], r.json["running"]), ("jobs.prune", True))
        self.assertIn("后台", r.json["message"])
        self.assertTrue(wait_for(lambda: [x[1:] for x in runs(self.srv.db)] == [("ok", 1)]))
        self.assertTrue(wait_for(lambda: sql(self.srv.db, "SELECT login, object_id FROM audit "
                                                          "WHERE action='job.run'") == [("admin", "jobs.prune")]))
        after = json.loads(sql(self.srv.db, "SELECT after FROM audit WHERE action='job.run'")[0][0])
        self.assertTrue(after["ok"])
        prune = next(j for j in admin.get("/api/v1/jobs").json["jobs"] if j["name"] == "jobs.prune")
        self.assertEqual((prune["last_status"], prune["lease_owner"]), ("ok", None))


if __name__ == "__main__":
    unittest.main()
