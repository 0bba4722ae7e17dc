// Users' journeys as people read them: histories name people by their
// display name, never by login (a post's review steps and the banner of a
// returned post, an account's 办理记录 and 历史版本, a message's 办理记录),
// and the inspector's audit page says who acted, what the object is (an
// account's name, a post's title) and its unit.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { startGovmedia, SIZES } from "./lib/gm.mjs";

let gm, names;
before(async () => {
  // the credential vault's key, outside the database (the server inherits the environment)
  const key = path.join(mkdtempSync(path.join(tmpdir(), "gmvault-")), "vault.key");
  writeFileSync(key, randomBytes(32), { mode: 0o600 });
  process.env.GOVMEDIA_VAULT_KEY = key;
  gm = await startGovmedia();
  names = {};
  for (const login of ["contributor", "depthead", "supervisor", "operator"])
    names[login] = (await (await gm.apiAs(login)).get("/session")).user.display_name;
});
after(async () => { await gm.stop(); });

const LOGIN = /\b(contributor|depthead|leader|principal|operator|supervisor|admin|observer|cli:local)\b/;

test("a returned post and its history name the reviewer, not their login", async () => {
  const con = await gm.apiAs("contributor"), head = await gm.apiAs("depthead");
  const p = await con.post("/posts", { title: "关于开展冬季校园安全检查的通知", body: "各学校:定于下周开展校园安全专项检查。",
    account_ids: [1], major: false, repost_source: null });
  await con.post(`/posts/${p.id}/submit`);
  await head.post(`/posts/${p.id}/reject`, { reason: "请补充检查时间安排" });
  const page = await gm.pageAs("contributor", `/posts/${p.id}`);
  const banner = await page.locator("[data-test=returned-reason]").textContent();
  assert.match(banner, new RegExp(names.depthead));
  assert.doesNotMatch(banner, LOGIN);
  const actors = await page.locator("[data-test=step-actor]").allTextContents();
  assert.deepEqual(actors, [names.contributor, names.contributor, names.depthead]);
  await gm.shots(page, "journey-post-returned");
  gm.assertClean(page);
});

test("an account's 办理记录 and 历史版本 show names, the demo's own steps as 命令行", async () => {
  const page = await gm.pageAs("operator", "/accounts/1");
  await page.getByRole("tab", { name: "历史版本" }).click();
  const who = await page.locator("[data-test=versions] .el-table__body tr td:nth-child(4)").allTextContents();
  assert.ok(who.length > 0);
  for (const w of who) assert.doesNotMatch(w, LOGIN, `办理人 ${w}`);
  assert.ok(who.includes("命令行"), who.join(","));
  await page.getByRole("tab", { name: "办理记录" }).click();
  assert.doesNotMatch(await page.locator("[data-test=timeline]").textContent(), LOGIN);
  gm.assertClean(page);
});

test("the audit page: who by name, what object by name, its unit", async () => {
  const con = await gm.apiAs("contributor");
  const p = await con.post("/posts", { title: "关于期末考试安排的通知", body: "各学校:期末考试安排如下。",
    account_ids: [1], major: false, repost_source: null });
  const page = await gm.pageAs("supervisor", "/audit");
  const row = page.locator("[data-test=audit-table] .el-table__row", { hasText: "关于期末考试安排的通知" }).first();
  await row.waitFor();
  assert.equal((await row.locator("[data-test=audit-actor]").textContent()).trim(), names.contributor);
  assert.equal((await row.locator("[data-test=audit-object]").textContent()).trim(), "稿件“关于期末考试安排的通知”");
  assert.equal((await row.locator("[data-test=audit-unit]").textContent()).trim(), "示范县教育局");
  // the demo's command-line rows: 命令行, and the account they act on by name and unit
  await page.locator("[data-test=audit-who]").fill("cli:local");
  await page.locator("[data-test=audit-who]").press("Enter");
  await gm.settle(page);
  const cli = page.locator("[data-test=audit-table] .el-table__row", { hasText: "账号“" }).first();
  await cli.waitFor();
  assert.equal((await cli.locator("[data-test=audit-actor]").textContent()).trim(), "命令行");
  assert.notEqual((await cli.locator("[data-test=audit-unit]").textContent()).trim(), "全系统");
  const objects = await page.locator("[data-test=audit-object]").allTextContents();
  assert.ok(objects.every(o => !/^账号 \d+$/.test(o.trim())), objects.join(","));
  await gm.shots(page, "journey-audit-supervisor");
  gm.assertClean(page);
  assert.ok(p.id > 0);
});

test("monitoring: a closed account that publishes again is flagged on the activity page", async () => {
  const sup = await gm.apiAs("supervisor");
  await sup.post("/accounts/2/close", { reason: "长期不更新,予以注销", date: "2026-11-20" });
  const page = await gm.pageAs("operator", "/reports/activity");
  const r = await page.context().request.post(gm.base + "/api/v1/accounts/2/publications", {
    data: "published_at,title,url,kind\n2026-11-21 09:00,注销后又发布的视频,https://v.douyin.com/x1,原创\n",
    headers: { "Content-Type": "text/csv", "X-CSRF-Token": await page.evaluate(() => fetch("/api/v1/session").then(r => r.json()).then(j => j.csrf_token)) } });
  assert.equal(r.status(), 200, await r.text());
  await gm.open(page, "/reports/activity");
  const alert = page.locator("[data-test=closed-active]");
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /1 个已注销或合并的账号此后仍有发布/);
  assert.match(text, /已注销于 2026-11-20,此后发布 1 条,最近 2026-11-21 09:00/);
  await gm.shots(page, "journey-closed-active");
  gm.assertClean(page);
});

test("at 1366 and at a narrow laptop's 1280 px the main tables fit: no sideways scrolling, no clipped column", async () => {
  const pages = { supervisor: ["/accounts", "/accounts/national-filings", "/posts", "/messages", "/reports/activity", "/audit"],
                  admin: ["/jobs", "/users"] };
  const wide = [];
  for (const size of SIZES) {
    for (const [login, paths] of Object.entries(pages)) {
      const page = await gm.pageAs(login, "/", size);
      for (const p of paths) {
        await gm.open(page, p);
        const over = await page.evaluate(() => [...document.querySelectorAll(".el-table .el-table__body-wrapper .el-scrollbar__wrap")]
          .map(w => w.scrollWidth - w.clientWidth).filter(d => d > 1));
        if (over.length) wide.push(`${p} at ${size.width}px: ${over.join(",")}px`);
      }
      gm.assertClean(page);
    }
  }
  assert.deepEqual(wide, []);
});

test("credential vault: the 信息中心 stores a login, reveals it with a reason, and the look is logged", async () => {
  const page = await gm.pageAs("supervisor", "/accounts/1");
  await page.getByRole("tab", { name: "登录凭据" }).click();
  await page.locator("[data-test=cred-store]").click();
  await page.locator("[data-test=cred-login]").fill("gh_sfxjy2026");
  await page.locator("[data-test=cred-password]").fill("Pw-直播-2026");
  await page.locator("[data-test=cred-save]").click();
  await page.locator("[data-test=cred-stored]", { hasText: "已保管" }).waitFor();
  await page.locator("[data-test=cred-reveal]").click();
  await page.locator(".el-message-box input").fill("核对账号信息");
  await page.locator(".el-message-box__btns .el-button--primary").click();
  await page.locator("[data-test=cred-shown]", { hasText: "Pw-直播-2026" }).waitFor();
  await page.locator("[data-test=cred-access] .el-table__row", { hasText: names.supervisor }).waitFor();
  await gm.shots(page, "journey-credential-supervisor");
  gm.assertClean(page);
  // an operator without a delegation sees that a login is held, and no button to reveal it
  const op = await gm.pageAs("operator", "/accounts/1");
  await op.getByRole("tab", { name: "登录凭据" }).click();
  await op.locator("[data-test=cred-stored]", { hasText: "已保管" }).waitFor();
  assert.equal(await op.locator("[data-test=cred-reveal]").count(), 0);
  assert.doesNotMatch(await op.locator("body").innerText(), /Pw-直播-2026/);
  gm.assertClean(op);
});
