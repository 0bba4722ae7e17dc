"""Expression lists managed in the product (issue 15 §1): official names,
formulations, outdated formulations and office-holders (name, title, unit,
from/to dates, severity) are maintained by admins through the API exactly as
the lexicons are -- add, remove, change, import a file, export, versions with
who/when/diff, audited -- and a change takes effect in the running server at
once.  Bad input is refused naming the field or line, and changes nothing.
Also: the allow list suppresses expression and 错别字 findings (issue 15)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402

BASE = "/api/v1/admin/lists/"
TEXT = {"Content-Type": "text/plain"}


class ExpressionListsTest(gmtest.ManagedListsTest):
    def expr(self, text, category=None):
        return [f for f in self.check(text)["findings"] if f["rule"] == "expression"
                and (category is None or f["category"] == category)]

    def test_expression_defaults_are_the_shipped_files(self):
        j = self.entries("names")
        self.assertEqual(j["source"], "shipped")
        prc = [e for e in j["entries"] if e["correct"] == "中华人民共和国"][0]
        self.assertIn("中华人民共合国", prc["wrong"])
        self.assertEqual(prc["severity"], "block")
        self.assertTrue(any(e["correct"] == "扫黑除恶" for e in self.entries("formulations")["entries"]))
        out = self.entries("outdated")["entries"]
        self.assertIn("打黑除恶", [w for e in out if e["correct"] == "扫黑除恶" for w in e["wrong"]])
        self.assertEqual(self.entries("officials")["entries"], [])   # shipped empty

    def test_expression_name_added_takes_effect_at_once_with_version_and_audit(self):
        """§3.4 a wrong official name added by the admin is flagged at once with its fix."""
        self.assertEqual(self.expr("示范县教育居发布通知", "name"), [])
        before = self.entries("names")["version"]
        r = self.admin.post(BASE + "names", {"add": [{"correct": "示范县教育局",
                                                     "wrong": ["示范县教育居"]}],
                                             "note": "本县单位名称"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["version"], before + 1)
        self.assertEqual(r.json["diff"]["added"][0]["correct"], "示范县教育局")
        f = self.expr("示范县教育居发布通知", "name")            # at once, no reload
        self.assertEqual((f[0]["match"], f[0]["replacement"], f[0]["severity"]),
                         ("示范县教育居", "示范县教育局", "warn"))
        # a near miss of its last character by shape (君 SKR for 局 SSR)
        f = self.expr("示范县教育君发布通知", "name")
        self.assertEqual([(x["match"], x["replacement"]) for x in f], [("示范县教育君", "示范县教育局")])
        vs = self.admin.get(BASE + "names/versions").json["versions"]
        self.assertEqual((vs[0]["version"], vs[0]["note"], vs[0]["login"]),
                         (before + 1, "本县单位名称", "admin"))
        rows = gmtest.sql(self.srv.db, "SELECT action, object_id FROM audit WHERE "
                                       "object_type='managed_list'")
        self.assertIn(("list.edit", "names"), rows)
        # change severity, then remove
        r = self.admin.post(BASE + "names", {"set": [{"correct": "示范县教育局",
                                                     "wrong": ["示范县教育居"], "severity": "block"}]})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["diff"]["changed"][0]["after"]["severity"], "block")
        self.assertFalse(self.check("示范县教育居发布通知")["ok"])
        r = self.admin.post(BASE + "names", {"remove": ["示范县教育局"]})
        self.assertEqual(r.status, 200, r)
        self.assertEqual([f for f in self.expr("示范县教育居发布通知", "name")
                          if f["replacement"] == "示范县教育局"], [])

    def test_expression_officials_with_dates_check_titles(self):
        """§3.4 office-holders' titles are checked by date."""
        holder = {"name": "赵振邦", "severity": "block", "posts": [
            {"title": "副市长", "unit": "示范市人民政府", "from": "2018-03-01", "to": "2021-05-31"},
            {"title": "市长", "unit": "示范市人民政府", "from": "2021-06-01", "to": ""}]}
        r = self.admin.post(BASE + "officials", {"add": [holder]})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.expr("赵振邦市长出席会议", "title"), [])
        self.assertEqual(self.expr("2019年,赵振邦副市长调研", "title"), [])   # a past title
        # a near miss of the name by shape (越 for 赵: the radical 走 first,
        # Cangjie GOIV / GOK) is a finding; in a text dated before the
        # person became 市长, 市长 is a wrong title
        f = self.expr("越振邦市长出席会议", "name")
        self.assertEqual([(x["match"], x["replacement"]) for x in f], [("越振邦", "赵振邦")])
        f = self.check_on("赵振邦市长出席会议", "2020-01-01")
        self.assertEqual([(x["match"], x["replacement"]) for x in f], [("市长", "副市长")])
        f = self.expr("赵振邦副书记出席会议", "title")
        self.assertEqual(f[0]["replacement"], "市长")
        export = self.admin.get(BASE + "officials/export").raw.decode()
        self.assertIn("赵振邦\t市长\t示范市人民政府\t2021-06-01\t\tblock", export)
        self.assertIn(dict(holder, id="赵振邦"), self.entries("officials")["entries"])  # id: the name

    def test_expression_officials_in_title_phrases_as_a_user_expects(self):
        """Issue 15 §1 as a writer meets it: a dated report may name a past
        title, the listed name and its title are never read as 错别字, a
        wrong title gets the right one as its fix, and a name written wrong
        in a title phrase is flagged even where the slip reads as words."""
        holders = [{"name": "赵振邦", "severity": "block", "posts": [
            {"title": "副市长", "unit": "示范市人民政府", "from": "2018-03-01", "to": "2021-05-31"},
            {"title": "市长", "unit": "示范市人民政府", "from": "2021-06-01", "to": ""}]},
            {"name": "杨光明", "posts": [
                {"title": "区长", "unit": "示范市东城区人民政府", "from": "2022-01-01", "to": ""}]}]
        r = self.admin.post(BASE + "officials", {"add": holders})
        self.assertEqual(r.status, 200, r)
        self.addCleanup(self.admin.post, BASE + "officials", {"remove": ["赵振邦", "杨光明"]})
        report = "2019年，赵振邦副市长调研了这项工作。"
        self.assertEqual(self.expr_on(report, "2019-06-01"), [])
        # 市长调研 reads as 市场调研 to the bigram model: not next to a listed name
        self.assertEqual(self.expr("2019年，赵振邦市长调研了这项工作。"), [])
        f = self.expr_on("2019年，赵振邦市长调研了这项工作。", "2019-06-01")
        self.assertEqual([(x["category"], x["match"], x["replacement"]) for x in f],
                         [("title", "市长", "副市长")])
        f = self.expr("市长越振邦出席会议")
        self.assertEqual([(x["category"], x["match"], x["replacement"]) for x in f],
                         [("name", "越振邦", "赵振邦")])
        self.assertEqual(f[0]["severity"], "block")
        # 阳光 is a word: next to a title 杨光明 holds it is his name written wrong
        f = self.expr("区长阳光明到社区走访")
        self.assertEqual([(x["category"], x["match"], x["replacement"]) for x in f],
                         [("name", "阳光明", "杨光明")])
        self.assertEqual(self.expr("今天阳光明媚，区长杨光明到社区走访"), [])

    def test_expression_every_category_found_at_submit_with_its_fix(self):
        """§3.4 wrong expressions as an author meets them (issue 15): a draft (sentences
        written for this test, not in odw.train) with an office-holder's
        name written wrong, a title the person never held, a broken
        formulation and a 错别字 is submitted; the workflow's check returns
        one finding of each category, each with its span and fix, all
        warnings, so the draft goes to review; the fixed text is clean."""
        holder = {"name": "赵振邦", "posts": [
            {"title": "市长", "unit": "示范市人民政府", "from": "2021-06-01", "to": ""}]}
        r = self.admin.post(BASE + "officials", {"add": [holder]})
        self.assertEqual(r.status, 200, r)
        self.addCleanup(self.admin.post, BASE + "officials", {"remove": ["赵振邦"]})
        body = ("市长越振邦主持召开常务会议。会议要求深入开展扫黑险恶专项斗争，"
                "赵振邦副书记强调，要做好防汛抗旱各项准备工座。")
        author = self.srv.client("contributor")
        r = author.post("/api/v1/posts", {"title": "市政府召开常务会议", "body": body,
                                          "account_ids": [1], "major": False,
                                          "repost_source": None})
        self.assertEqual(r.status, 201, r)
        r = author.post(f"/api/v1/posts/{r.json['id']}/submit")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["state"], "in_review")
        got = sorted((f["category"], f["match"], f["replacement"], f["severity"])
                     for f in r.json["findings"] if f["rule"] == "expression")
        self.assertEqual(got, [("formulation", "扫黑险恶", "扫黑除恶", "warn"),
                               ("name", "越振邦", "赵振邦", "warn"),
                               ("title", "副书记", "市长", "warn"),
                               ("typo", "座", "作", "warn")])
        for f in r.json["findings"]:
            if f["rule"] == "expression" and f["field"] == "body":
                self.assertEqual(body[f["start"]:f["end"]], f["match"])
        fixed = body
        for old, new in (("越振邦", "赵振邦"), ("扫黑险恶", "扫黑除恶"), ("副书记", "市长"),
                         ("工座", "工作")):
            fixed = fixed.replace(old, new)
        self.assertEqual(self.expr(fixed), [])

    def expr_on(self, text, date):
        r = self.srv.client("contributor").post("/api/v1/check", {"text": text, "date": date})
        self.assertEqual(r.status, 200, r)
        return [f for f in r.json["findings"] if f["rule"] == "expression"]

    def check_on(self, text, date):
        r = self.srv.client("contributor").post("/api/v1/check", {"text": text, "date": date})
        self.assertEqual(r.status, 200, r)
        return [f for f in r.json["findings"] if f["category"] == "title"]

    def test_expression_officials_namesakes_are_two_people(self):
        first = {"name": "周明远", "severity": "block", "posts": [
            {"title": "局长", "unit": "示范县教育局", "from": "2020-01-01", "to": ""}]}
        second = {"name": "周明远", "posts": [
            {"title": "副局长", "unit": "示范市财政局", "from": "2019-05-01", "to": ""}]}
        self.assertEqual(self.admin.post(BASE + "officials", {"add": [first]}).status, 200)
        r = self.admin.post(BASE + "officials", {"add": [second]})   # same name, no id: refused
        self.assertEqual((r.status, r.error_field()), (409, "add[0].id"), r)
        second["id"] = "周明远（示范市财政局）"
        r = self.admin.post(BASE + "officials", {"add": [second], "note": "同名的两位领导"})
        self.assertEqual(r.status, 200, r)
        people = [e for e in self.entries("officials")["entries"] if e["name"] == "周明远"]
        self.assertEqual([e["id"] for e in people], ["周明远", "周明远（示范市财政局）"])
        # a title is right if either of them held it by the text's day
        self.assertEqual(self.expr("周明远局长出席会议", "title"), [])
        self.assertEqual(self.expr("周明远副局长出席会议", "title"), [])
        f = self.expr("周明远书记出席会议", "title")
        self.assertEqual(len(f), 1, f)
        self.assertIn("示范县教育局", f[0]["message"])
        self.assertIn("示范市财政局", f[0]["message"])
        self.assertNotIn("replacement", f[0])        # two people, two titles: no one fix
        self.assertEqual(f[0]["severity"], "block")
        # as of a day before the first took office, only the second's post counts
        self.assertEqual(self.check_on("周明远副局长出席会议", "2019-06-01"), [])
        f = self.check_on("周明远局长出席会议", "2019-06-01")
        self.assertEqual((f[0]["match"], f[0]["replacement"]), ("局长", "副局长"))
        self.assertTrue(self.check_on("周明远副局长出席会议", "2019-01-01"))   # nobody yet
        r = self.srv.client("contributor").post("/api/v1/check", {"text": "x", "date": "2019-02-30"})
        self.assertEqual((r.status, r.error_field()), (400, "date"), r)
        # a near miss of the name is still a finding
        f = self.expr("周明圆局长出席会议", "name") or self.expr("周朋远局长出席会议", "name")
        self.assertTrue(f and f[0]["replacement"] == "周明远", f)
        # the file keeps the two apart (7th column) and reads back the same
        export = self.admin.get(BASE + "officials/export").raw.decode()
        self.assertIn("周明远\t副局长\t示范市财政局\t2019-05-01\t\twarn\t周明远（示范市财政局）\n",
                      export)
        self.assertIn("周明远\t局长\t示范县教育局\t2020-01-01\t\tblock\n", export)
        before = [dict({"severity": "warn"}, **e) for e in self.entries("officials")["entries"]]
        r = self.admin.request("POST", BASE + "officials/import", headers=TEXT,
                               raw=(export + "吴某\t县长\t示范县人民政府\t2020-01-01\t\twarn\n").encode())
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.entries("officials")["entries"][:len(before)], before)
        # one id for two different names is refused, naming the line
        r = self.admin.request("POST", BASE + "officials/import", headers=TEXT,
                               raw="甲某\t县长\t示范县\t2020-01-01\t\twarn\tX\n"
                                   "乙某\t副县长\t示范县\t2020-01-01\t\twarn\tX\n".encode())
        self.assertEqual(r.status, 400, r)
        self.assertIn("第 2 行", r.json["error"]["message"])
        # edited and removed by id
        second["posts"][0]["title"] = "局长"
        r = self.admin.post(BASE + "officials", {"set": [second]})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.expr("周明远副局长出席会议", "title")[0]["replacement"], "局长")
        r = self.admin.post(BASE + "officials", {"remove": ["周明远（示范市财政局）", "周明远", "吴某"]})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.expr("周明远书记出席会议", "title"), [])

    def test_expression_list_bad_input_names_the_field_and_changes_nothing(self):
        self.admin.post(BASE + "officials", {"add": [{"name": "钱守一", "posts": [
            {"title": "县长", "unit": "示范县人民政府", "from": "2020-01-01", "to": ""}]}]})
        names, officials = self.entries("names"), self.entries("officials")
        n_versions = len(self.admin.get(BASE + "names/versions").json["versions"])
        post = {"title": "局长", "unit": "示范县教育局", "from": "2020-01-01", "to": ""}
        cases = [
            ("names", {"add": [{"correct": "甲乙丙丁", "wrong": ["甲乙|丙丁"]}]}, ".wrong[0]"),
            ("names", {"add": [{"correct": "甲乙丙丁", "wrong": "甲乙丙"}]}, "add[0].wrong"),
            ("names", {"add": [{"correct": "甲乙丙丁", "severity": "kill"}]}, ".severity"),
            ("names", {"add": [{"correct": "#甲乙丙丁"}]}, ".correct"),
            ("names", {"add": [{"correct": "甲乙丙丁", "colour": "red"}]}, "add[0].colour"),
            ("names", {"add": [{"correct": "中华人民共和国"}]}, "add[0].correct"),
            ("names", {"remove": ["不存在的名称"]}, "remove[0]"),
            ("officials", {"add": [{"name": "孙某", "posts": [dict(post, **{"from": "2021-02-30"})]}]},
             ".posts[0].from"),
            ("officials", {"add": [{"name": "孙某", "posts": [dict(post, to="2019-12-31")]}]},
             ".posts[0].to"),
            ("officials", {"add": [{"name": "孙某", "posts": [dict(post, title="")]}]},
             ".posts[0].title"),
            ("officials", {"add": [{"name": "孙某", "posts": []}]}, ".posts"),
            ("officials", {"add": [{"name": "孙某", "posts": [dict(post, rank="正处")]}]},
             ".posts[0].rank"),
            ("officials", {"add": [{"name": "孙某"}]}, "add[0].posts"),
        ]
        for name, body, field in cases:
            r = self.admin.post(BASE + name, body)
            self.assertIn(r.status, (400, 404, 409), (body, r))
            self.assertTrue(r.error_field().endswith(field), (body, r.error_field()))
        # a bad file: 400 naming the line, nothing imported
        r = self.admin.request("POST", BASE + "officials/import", headers=TEXT,
                               raw="# 领导\n钱守一\t县长\t示范县人民政府\t2020-01-01\t\tblock\n"
                                   "李某\t\t示范县\t2020-01-01\t\twarn\n".encode())
        self.assertEqual(r.status, 400, r)
        self.assertIn("第 3 行", r.json["error"]["message"])
        self.assertEqual(self.entries("names"), names)
        self.assertEqual(self.entries("officials"), officials)
        self.assertEqual(len(self.admin.get(BASE + "names/versions").json["versions"]), n_versions)

    def test_expression_list_export_import_round_trip(self):
        r = self.admin.get(BASE + "outdated/export")
        self.assertEqual(r.status, 200)
        text = r.raw.decode("utf-8")
        self.assertIn("扫黑除恶\t打黑除恶\twarn", text)
        text += "示范县融媒体中心\t示范县广播电视台|县广播电视台\twarn\n"
        r = self.admin.request("POST", BASE + "outdated/import", raw=text.encode(), headers=TEXT)
        self.assertEqual(r.status, 200, r)
        self.assertEqual([e["correct"] for e in r.json["diff"]["added"]], ["示范县融媒体中心"])
        f = self.expr("县广播电视台今日播出", "formulation")
        self.assertEqual(f[0]["replacement"], "示范县融媒体中心")
        self.assertEqual(self.admin.request("POST", BASE + "outdated/import", raw=text.encode(),
                                            headers=TEXT).status, 400)   # changes nothing
        self.assertEqual(self.admin.get(BASE + "outdated/export").raw.decode().count("示范县融媒体中心"), 1)

    def test_allow_list_suppresses_expression_and_typo_findings(self):
        text = "国家医保句印发通知,要求做好各项准备工座。"
        cats = {f["category"] for f in self.expr(text)}
        self.assertTrue({"name", "typo"} <= cats, cats)
        r = self.admin.post(BASE + "allow", {"add": [{"term": "国家医保句"}, {"term": "准备工座"}]})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.expr(text), [])
        self.assertTrue(self.expr(text + "扫黑险恶"))   # only the allowed phrases are quiet
        self.admin.post(BASE + "allow", {"remove": ["国家医保句", "准备工座"]})
        self.assertTrue({"name", "typo"} <= {f["category"] for f in self.expr(text)})

    def test_expression_lists_are_system_admin_only(self):
        for login in ("contributor", "supervisor", "observer"):
            c = self.srv.client(login)
            self.assertEqual(c.get(BASE + "names").status, 403)
            self.assertEqual(c.post(BASE + "officials", {"add": [{"name": "x", "posts": []}]}).status, 403)
        r = self.admin.post("/api/v1/users", {"login": "wsjadmin", "display_name": "卫健局管理员",
                                              "password": "Valid-pass-2026!",
                                              "roles": [{"role": "admin", "unit_id": 5}]})
        self.assertEqual(r.status, 201, r)
        sub = self.srv.client("wsjadmin", "Valid-pass-2026!")
        self.assertEqual(sub.get(BASE + "names").status, 403)   # an admin of a sub-unit
        self.assertEqual(sub.post(BASE + "names", {"add": [{"correct": "某某某"}]}).status, 403)


if __name__ == "__main__":
    unittest.main()
