"""Journeys of REQUIREMENTS.md rules the other tests walk least (session 23,
helper "api": counted by test name per section), each across roles and,
where the rule has one, its command-line equivalent.  Each test names the
rule it walks."""
import csv
import datetime
import io
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402
from gmtest import count  # noqa: E402
from test_time_journeys import CLOCK_ARGS, ClockHelpers, ClockServerTest, notices  # noqa: E402

WECHAT = 1


class WeeklyStatisticsJourneyTest(gmtest.ServerTest):
    """§5.1 "Weekly statistics per account: posts, originals, reads, likes,
    comments, reply times": the operator imports the platform's export of the
    week (with its reads, likes and comments; again a few days later with the
    grown counts), answers the public's message; the 信息中心 reads the week
    per account and per unit, and the command line prints the same figures."""

    WEEK = "2026-11-20"                      # a Friday: the week 2026-11-16 .. 11-22
    CSV = ("published_at,title,url,kind,reads,likes,comments\n"
           "2026-11-16 09:00,关于开展冬季安全教育的通知,https://mp.weixin.qq.com/s/w1,原创,1200,30,4\n"
           "2026-11-18 10:30,示范县中小学寒假时间公布,https://mp.weixin.qq.com/s/w2,原创,5300,120,18\n"
           "2026-11-19,转发:省教育厅关于做好冬季学校安全工作的通知,https://mp.weixin.qq.com/s/w3,转载,800,,\n")

    def test_rule_5_weekly_statistics_count_posts_figures_and_reply_times_api_and_cli_agree(self):
        op, sup = self.srv.client("operator"), self.srv.client("supervisor")
        r = op.request("POST", f"/api/v1/accounts/{WECHAT}/publications", raw=self.CSV.encode(),
                       headers={"Content-Type": "text/csv"})
        r.json.pop("rows", None)
        self.assertEqual((r.status, r.json), (200, {"imported": 3, "updated": 0, "skipped": 0}), r)
        # three days on, the platform's counts have grown: the same export again
        grown = self.CSV.replace(",1200,30,4", ",1500,41,6").replace(",800,,", ",950,7,1")
        r = op.request("POST", f"/api/v1/accounts/{WECHAT}/publications", raw=grown.encode(),
                       headers={"Content-Type": "text/csv"})
        self.assertEqual([x["outcome"] for x in r.json.pop("rows")], ["updated"] * 3)
        self.assertEqual((r.status, r.json), (200, {"imported": 0, "updated": 3, "skipped": 0}), r)
        r = op.post("/api/v1/messages", {"account_id": WECHAT, "kind": "consult", "from": "家长张先生",
                                         "text": "寒假从哪天开始?", "received_at": "2026-11-17T10:00:00+08:00"})
        self.assertEqual(r.status, 201, r)
        r = op.post(f"/api/v1/messages/{r.json['id']}/answer",
                    {"text": "1 月 20 日起放寒假。", "result": "resolved", "at": "2026-11-17T15:00:00+08:00"})
        self.assertEqual(r.status, 200, r)

        week = sup.get(f"/api/v1/reports/weekly?as_of={self.WEEK}&unit_id=4").json
        self.assertEqual((week["week_start"], week["week_end"]), ("2026-11-16", "2026-11-22"))
        row = next(a for a in week["accounts"] if a["account_id"] == WECHAT)
        self.assertEqual({k: row[k] for k in ("posts", "originals", "reposts", "reads", "likes", "comments",
                                              "messages_received", "messages_answered",
                                              "messages_answered_in_time")},
                         {"posts": 3, "originals": 2, "reposts": 1, "reads": 1500 + 5300 + 950,
                          "likes": 41 + 120 + 7, "comments": 6 + 18 + 1, "messages_received": 1,
                          "messages_answered": 1, "messages_answered_in_time": 1}, row)
        self.assertEqual(row["reply_median_hours"], 3.5)   # 10:00 to 15:00 in working hours: lunch 12:00-13:30 off
        unit = next(u for u in week["units"] if u["unit_id"] == 4)
        self.assertEqual((unit["posts"], unit["reads"]), (3, 7750))
        # the command line: the same week, the same figures
        p = gmtest.run("report", "weekly", "--db", self.srv.db, "--as-of", self.WEEK, "--unit", "4", "--json")
        self.assertEqual(p.returncode, 0, p.stderr)
        cli_row = next(a for a in json.loads(p.stdout)["accounts"] if a["account_id"] == WECHAT)
        self.assertEqual(cli_row, row)
        # the export an office files away: Chinese headers, the same numbers
        r = sup.get(f"/api/v1/reports/weekly.csv?as_of={self.WEEK}&unit_id=4")
        self.assertEqual(r.status, 200, r)
        rows = list(csv.reader(io.StringIO(r.raw.decode("utf-8-sig"))))
        self.assertTrue(any("阅读" in h for h in rows[0]), rows[0])
        self.assertTrue(any("7750" in cell or "1500" in cell for line in rows[1:] for cell in line), rows)

    def test_rule_5_bad_figure_in_an_import_names_its_line_and_imports_nothing(self):
        op = self.srv.client("operator")
        before = count(self.srv.db, "publications")
        bad = ("published_at,title,url,kind,reads\n"
               "2026-11-10,通知一,https://mp.weixin.qq.com/s/b1,原创,100\n"
               "2026-11-11,通知二,https://mp.weixin.qq.com/s/b2,原创,很多\n")
        r = op.request("POST", f"/api/v1/accounts/{WECHAT}/publications", raw=bad.encode(),
                       headers={"Content-Type": "text/csv"})
        self.assertEqual((r.status, r.error_field()), (400, "line 3"), r)
        self.assertIn("reads", r.json["error"]["message"])
        for header in ("published_at,title,url,kind,likes", "published_at,title,url,kind,reads,likes,comments,shares"):
            r = op.request("POST", f"/api/v1/accounts/{WECHAT}/publications",
                           raw=(header + "\n").encode(), headers={"Content-Type": "text/csv"})
            self.assertEqual((r.status, r.error_field()), (400, "line 1"), (header, r))
            self.assertIn("reads,likes,comments", r.json["error"]["message"])
        self.assertEqual(count(self.srv.db, "publications"), before)


class HolidayDutyJourneyTest(ClockServerTest):
    """§4.4 "Holiday duty roster (值班) with a leader on duty": the leader fills a
    weekend with a duty officer and a leading cadre (带班领导); the next
    morning's run tells the department heads of the days still uncovered,
    that day no longer among them; the observer reads the roster, never
    writes it; the roster goes out as a workbook."""

    def test_rule_4_duty_roster_gaps_are_told_until_a_leader_is_on_duty(self):
        leader, observer = self.srv.client("leader"), self.srv.client("observer")
        tomorrow = self.today() + datetime.timedelta(days=1)
        gaps = leader.get(f"/api/v1/duty/gaps?unit_id=4&as_of={tomorrow}&days=14").json["gaps"]
        self.assertTrue(gaps, "the demo roster leaves days uncovered")
        day = next(g["date"] for g in gaps if g["gap"] == "nobody")
        r = leader.post("/api/v1/duty", {"unit_id": 4, "day": day, "person": "刘洋", "leader": False,
                                         "phone": "13900139000"})
        self.assertEqual(r.status, 201, r)
        after = leader.get(f"/api/v1/duty/gaps?unit_id=4&as_of={tomorrow}&days=14").json["gaps"]
        self.assertIn({"date": day, "gap": "no_leader", "gap_label": "无带班领导"},
                      [{k: g[k] for k in ("date", "gap", "gap_label")} for g in after])
        self.assertEqual(leader.post("/api/v1/duty", {"unit_id": 4, "day": day, "person": "赵强",
                                                      "leader": True}).status, 201)
        self.assertEqual(leader.post("/api/v1/duty", {"unit_id": 4, "day": day, "person": "赵强",
                                                      "leader": True}).status, 409)
        r = observer.post("/api/v1/duty", {"unit_id": 4, "day": day, "person": "王五", "leader": False})
        self.assertEqual(r.status, 403, r)
        left = [g["date"] for g in leader.get(f"/api/v1/duty/gaps?unit_id=4&as_of={tomorrow}&days=14").json["gaps"]]
        self.assertNotIn(day, left)

        self.move_to(tomorrow)
        def told():
            return notices(self.srv.client("depthead"), "duty.gap")
        got = self.wait_for(told)
        self.assertTrue(got, "the department head was not told of the gaps by the 09:00 run")
        body = got[0]["body"]
        for d in left:
            self.assertIn(d, body)
        self.assertNotIn(day, body)
        self.assertEqual(notices(self.srv.client("contributor"), "duty.gap"), [])
        r = self.srv.client("observer").get(f"/api/v1/duty.xlsx?unit_id=4&from={tomorrow}&to={tomorrow + datetime.timedelta(days=13)}")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.raw[:2], b"PK")


class NextYearCalendarJourneyTest(ClockServerTest):
    """§6.1 "Deadlines in working days use a holiday calendar … that admins can
    load for each year": the software never guesses a year's holidays, so
    without next year's calendar the deadlines reaching into it cannot be
    computed.  From November the 09:00 run tells the system admins (Mondays,
    then daily from 15 December); in late December a message whose answer
    limit reaches into the new year is refused naming the calendar, and so is
    a draft's review limit (never counted in calendar days instead); once the
    admin loads the year both go through and the reminders stop."""

    def test_rule_6_next_years_calendar_is_asked_for_before_deadlines_need_it(self):
        today = self.today()
        monday = today + datetime.timedelta(days=1)
        while monday.month < 11 or monday.weekday() != 0:
            monday += datetime.timedelta(days=1)
        year = monday.year + 1
        if year in [y["year"] for y in self.srv.client("admin").get("/api/v1/calendar").json["years"]]:
            self.skipTest(f"{year} ships with the product")
        self.move_to(monday)
        told = lambda: notices(self.srv.client("admin"), "calendar.missing")
        got = self.wait_for(told)
        self.assertTrue(got, "the 09:00 run did not ask the admin for next year's calendar")
        self.assertIn(f"{year} 年工作日历", got[0]["title"])
        self.assertEqual(got[0]["link"], "/calendar")
        self.assertEqual(notices(self.srv.client("supervisor"), "calendar.missing"), [])
        # a draft written before the end of the year, submitted in its last days
        con = self.srv.client("contributor")
        r = con.post("/api/v1/posts", {"title": "元旦假期安全提示", "body": "请师生注意假期出行安全。",
                                        "account_ids": [WECHAT]})
        self.assertEqual(r.status, 201, r)
        draft = r.json["id"]
        # 30 December: a message whose 10-working-day limit reaches into the new year, and
        # the draft's 2-working-day review limit too
        late = max(datetime.date(monday.year, 12, 30), monday + datetime.timedelta(days=1))
        self.move_to(late, "10:00")
        body = {"account_id": WECHAT, "kind": "consult", "text": "元旦后哪天开学?", "from": "家长",
                "received_at": f"{late.isoformat()}T09:30:00+08:00"}
        before = count(self.srv.db, "messages")
        r = self.srv.client("contributor").post("/api/v1/messages", body)
        self.assertEqual((r.status, r.error_field()), (400, "calendar"), r)
        self.assertIn(f"{year}年的工作日历", r.json["error"]["message"])
        self.assertEqual(count(self.srv.db, "messages"), before)
        # the review limit is refused the same way (never counted in calendar days), the
        # draft stays a draft with nothing recorded
        con = self.srv.client("contributor")        # a new session: the clock moved a month
        audit = count(self.srv.db, "audit")
        r = con.post(f"/api/v1/posts/{draft}/submit")
        self.assertEqual((r.status, r.error_field()), (400, "calendar"), r)
        self.assertIn(f"{year}年的工作日历", r.json["error"]["message"])
        self.assertEqual(con.get(f"/api/v1/posts/{draft}").json["state"], "draft")
        self.assertEqual(count(self.srv.db, "audit"), audit)
        self.assertIn("稿件无法提交审核", got[-1]["body"])
        # the admin loads the year (the first day of the year is always a holiday)
        text = f"year {year}\n{year}-01-01 off 元旦\n".encode()
        r = self.srv.client("admin").post(f"/api/v1/calendar/{year}", raw=text,
                                          headers={"Content-Type": "text/plain"})
        self.assertEqual(r.status, 200, r)
        r = self.srv.client("contributor").post("/api/v1/messages", body)
        self.assertEqual(r.status, 201, r)
        self.assertTrue(r.json["answer_max"].startswith(f"{year}-01-"), r.json["answer_max"])
        self.assertNotEqual(r.json["answer_max"][:10], f"{year}-01-01")
        r = con.post(f"/api/v1/posts/{draft}/submit")
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.json["level_due"].startswith(f"{year}-01-"), r.json["level_due"])
        self.assertNotEqual(r.json["level_due"], f"{year}-01-01")
        p = gmtest.run("calendar", "list", "--db", self.srv.db)
        self.assertIn(str(year), p.stdout)
        # the next morning's run finds the year loaded and tells nobody
        n = len(told())
        self.move_to(late + datetime.timedelta(days=1))
        def logged():
            p = gmtest.run("jobs", "log", "--db", self.srv.db, "calendar.next_year")
            return p.stdout if f"{year} 年工作日历已加载" in p.stdout else None
        self.assertTrue(self.wait_for(logged), "the run after loading did not report the year loaded")
        self.assertEqual(len(told()), n)


class StepDatesWithinTheAccountsLifeTest(gmtest.ServerTest):
    """§1.3 the register records when each step of an account's life happened
    (opening, certification, filing, change, closing, merging): a date
    before the account was opened (before it applied, for the opening)
    describes something that cannot have happened and is refused naming
    the field, through the API and the command line, with nothing changed.
    Demo: account 1 applied 2026-02-16, opened 2026-03-02; account 2
    opened 2026-01-12."""

    def test_rule_1_step_dates_cannot_precede_the_accounts_opening_or_application(self):
        sup, op = self.srv.client("supervisor"), self.srv.client("operator")
        audit = count(self.srv.db, "audit")
        version = lambda aid: gmtest.sql(self.srv.db, "SELECT version FROM accounts WHERE id=?", (aid,))[0][0]
        v1, v2 = version(1), version(2)
        for client, aid, step, body in (
                (sup, 2, "merge", {"into": 1, "date": "2020-03-01", "moved": "全部内容", "reason": "清理整合"}),
                (sup, 1, "close", {"date": "2026-03-01", "reason": "长期不更新"}),
                (op, 1, "certify", {"date": "2025-12-31", "status": "certified"})):
            r = client.post(f"/api/v1/accounts/{aid}/{step}", body)
            self.assertEqual((r.status, r.error_field()), (400, "date"), (step, r))
            self.assertIn("早于该账号的开通日期", r.json["error"]["message"])
        self.assertEqual((version(1), version(2), count(self.srv.db, "audit")), (v1, v2, audit))
        # the opening itself cannot precede the application
        import acct_helpers
        aid = self.srv.client("contributor").post("/api/v1/accounts", acct_helpers.form(
            platform="toutiao", name="示范县教育头条", date="2026-09-01")).json["id"]
        self.assertEqual(sup.post(f"/api/v1/accounts/{aid}/approve", {}).status, 200)
        r = sup.post(f"/api/v1/accounts/{aid}/open", {"platform_account_id": "sfx-tt", "date": "2026-08-31"})
        self.assertEqual((r.status, r.error_field()), (400, "date"), r)
        self.assertIn("早于该账号的申请日期(2026-09-01)", r.json["error"]["message"])
        r = sup.post(f"/api/v1/accounts/{aid}/open", {"platform_account_id": "sfx-tt", "date": "2026-09-01"})
        self.assertEqual(r.status, 200, r)
        # the same from the command line: exit 2, the reason in Chinese, nothing changed
        p = gmtest.run("account", "close", "--db", self.srv.db, "--id", "1", "--date", "2026-01-01",
                       "--reason", "长期不更新")
        self.assertEqual(p.returncode, 2, (p.stdout, p.stderr))
        self.assertIn("早于该账号的开通日期", p.stderr)
        self.assertEqual(version(1), v1)
        p = gmtest.run("account", "close", "--db", self.srv.db, "--id", "1", "--date", "2026-03-02",
                       "--reason", "长期不更新")
        self.assertEqual(p.returncode, 0, p.stderr)


class MeetingsAndBlankTextTest(gmtest.ServerTest):
    """§5.3 "Monthly meetings and training are recorded" and the bad input a
    person types: a meeting dated in the future is a plan, not a record
    (it would hide a missing monthly meeting from the inspector); a title,
    text or reason of nothing but spaces (ASCII, ideographic, no-break) is
    as empty as no text at all, wherever the field is required."""

    def test_rule_5_meeting_records_are_of_meetings_held_and_blank_required_text_is_empty(self):
        sup, con, head = (self.srv.client(x) for x in ("supervisor", "contributor", "depthead"))
        today = datetime.date.fromisoformat(self.srv.client("admin").get("/api/v1/system/clock").json["now_china"][:10])
        future = (today + datetime.timedelta(days=7)).isoformat()
        rows = lambda: count(self.srv.db, "meetings")
        n, audit = rows(), count(self.srv.db, "audit")
        meeting = {"unit_id": 5, "kind": "monthly", "title": "下月例会", "attendees": ["张华"]}
        r = sup.post("/api/v1/meetings", dict(meeting, held_on=future))
        self.assertEqual((r.status, r.error_field()), (400, "held_on"), r)
        self.assertIn("只能登记已经召开的会议或培训", r.json["error"]["message"])
        for title in ("   ", "\u3000\u3000", "\u00a0"):
            r = sup.post("/api/v1/meetings", dict(meeting, held_on=today.isoformat(), title=title))
            self.assertEqual((r.status, r.error_field()), (400, "title"), (title, r))
            self.assertIn("不能为空", r.json["error"]["message"])
        self.assertEqual((rows(), count(self.srv.db, "audit")), (n, audit))
        # held today and recorded: this month's monthly meeting is no longer missing
        month = today.strftime("%Y-%m")
        r = sup.post("/api/v1/meetings", dict(meeting, held_on=today.isoformat(), kind="training",
                                              title="舆情应对培训"))
        self.assertEqual(r.status, 201, r)
        r = sup.post("/api/v1/meetings", dict(meeting, held_on=today.isoformat(), title=f"{today.month} 月例会"))
        self.assertEqual(r.status, 201, r)
        got = self.srv.client("observer").get(f"/api/v1/meetings?unit_id=5&from={month}&to={month}").json
        self.assertEqual((got["missing_monthly"], len(got["meetings"])), ([], 2))
        # blank required text elsewhere: a message, an incident, a post, a summary
        inc = head.post("/api/v1/incidents", {"unit_id": 4, "title": "一般性负面评论", "level": "一般"}).json["id"]
        for client, path, body, field in (
                (con, "/api/v1/messages", {"account_id": WECHAT, "text": "  \n ", "received_at": gmtest.utc_iso(-60)}, "text"),
                (head, "/api/v1/incidents", {"unit_id": 4, "title": "\u3000", "level": "一般"}, "title"),
                (con, "/api/v1/posts", {"title": " ", "body": "正文", "account_ids": [WECHAT]}, "title"),
                (head, f"/api/v1/incidents/{inc}/close", {"summary": "   "}, "summary")):
            before = count(self.srv.db, "audit")
            r = client.post(path, body)
            self.assertEqual((r.status, r.error_field()), (400, field), (path, r))
            self.assertEqual(count(self.srv.db, "audit"), before)


class MassSendOncePerDayJourneyTest(ClockServerTest):
    """§2.7 "WeChat mass-sends (群发) at most once a day, and only after a
    preview/test send": the operator mass-sends one approved post, is
    refused a second the same day and one without a preview, and sends the
    second the next morning; the command line refuses the same way."""

    def approved(self, title):
        author, head, leader = (self.srv.client(x) for x in ("contributor", "depthead", "leader"))
        pid = author.post("/api/v1/posts", {"title": title, "body": "请各校按要求做好相关工作。",
                                            "account_ids": [WECHAT]}).json["id"]
        self.assertEqual(author.post(f"/api/v1/posts/{pid}/submit").status, 200)
        self.assertEqual(head.post(f"/api/v1/posts/{pid}/approve", {"note": "同意"}).status, 200)
        r = leader.post(f"/api/v1/posts/{pid}/approve", {"confidentiality": True})
        self.assertEqual((r.status, r.json["state"]), (200, "approved"), r)
        return pid

    def test_rule_2_wechat_mass_send_once_a_day_after_a_preview(self):
        op = self.srv.client("operator")
        first, second = self.approved("关于冬季校园安全的通知"), self.approved("关于寒假作业的提醒")
        r = op.post(f"/api/v1/posts/{first}/publish", {"account_id": WECHAT, "mass_send": True,
                                                        "url": "https://mp.weixin.qq.com/s/m1"})
        self.assertEqual((r.status, r.error_field()), (409, "mass_send"), r)   # no preview yet
        self.assertEqual(op.post(f"/api/v1/posts/{first}/preview", {"account_id": WECHAT}).status, 200)
        r = op.post(f"/api/v1/posts/{first}/publish", {"account_id": WECHAT, "mass_send": True,
                                                        "url": "https://mp.weixin.qq.com/s/m1"})
        self.assertEqual((r.status, r.json["state"]), (201, "published"), r)
        self.assertEqual(op.post(f"/api/v1/posts/{second}/preview", {"account_id": WECHAT}).status, 200)
        before = gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM publications")[0][0]
        r = op.post(f"/api/v1/posts/{second}/publish", {"account_id": WECHAT, "mass_send": True,
                                                         "url": "https://mp.weixin.qq.com/s/m2"})
        self.assertEqual((r.status, r.error_field()), (409, "mass_send"), r)
        self.assertIn("群发", r.json["error"]["message"])
        p = gmtest.run("post", "publish", "--db", self.srv.db, "--as", "operator", "--id", str(second),
                       "--account", str(WECHAT), "--mass-send", "--url", "https://mp.weixin.qq.com/s/m2")
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertIn("群发", p.stderr)
        self.assertEqual(gmtest.sql(self.srv.db, "SELECT COUNT(*) FROM publications")[0][0], before)
        self.move_to(self.today() + datetime.timedelta(days=1), "08:30")
        op = self.srv.client("operator")
        r = op.post(f"/api/v1/posts/{second}/publish", {"account_id": WECHAT, "mass_send": True,
                                                         "url": "https://mp.weixin.qq.com/s/m2"})
        self.assertEqual((r.status, r.json["state"]), (201, "published"), r)


class LiveEventDelegationExpiresTest(ClockHelpers, gmtest.VaultServerTest):
    """§1.8 "Platform passwords are held by one office and never leaked; login
    rights for a live event are delegated by approval and expire": the
    operator asks for the account's login for a live broadcast this
    afternoon, the 信息中心 approves, the operator reads it (logged); three
    hours later the delegation has run out and the same request is refused."""

    PASSWORD = "Live#2026-winter"
    server_args = CLOCK_ARGS

    def test_rule_1_live_event_delegation_expires_on_the_clock(self):
        sup, op = self.srv.client("supervisor"), self.srv.client("operator")
        base = f"/api/v1/accounts/{WECHAT}/credential"
        self.assertEqual(sup.put(base, {"login": "gh_live", "password": self.PASSWORD}).status, 200)
        now = datetime.datetime.fromisoformat(self.clock()["now"].replace("Z", "+00:00"))
        until = (now + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
        r = op.post(base + "/requests", {"expires_at": until, "reason": "冬季招生政策解读直播"})
        self.assertEqual(r.status, 201, r)
        req = next(x for x in r.json["requests"] if x["state"] == "pending")
        self.assertEqual(op.post(base + "/reveal", {"reason": "直播登录"}).status, 403)
        self.assertEqual(sup.post(base + f"/requests/{req['id']}/approve", {}).status, 200)
        r = op.post(base + "/reveal", {"reason": "直播登录"})
        self.assertEqual((r.status, r.json.get("password")), (200, self.PASSWORD), r)

        self.srv.client("admin").put("/api/v1/system/clock", {"advance_minutes": 180})
        op = self.srv.client("operator")
        r = op.post(base + "/reveal", {"reason": "直播结束后再登录"})
        self.assertEqual(r.status, 403, r)
        self.assertNotIn(self.PASSWORD, r.raw.decode())
        status = self.srv.client("supervisor").get(base).json
        self.assertFalse([g for g in status.get("grants", []) if g["user_login"] == "operator"], status)
        log = self.srv.client("supervisor").get(base + "/access").json
        reveals = [x for x in json.dumps(log, ensure_ascii=False).split("直播登录")]
        self.assertEqual(len(reveals) - 1, 1, log)      # one reveal logged, the refused one is not a reveal


if __name__ == "__main__":
    unittest.main()
