// What users see of the console in their journeys, beyond each page's own
// tests: at a phone's width the menu folds to its icons, no page and no
// review dialog is wider than the screen; a refused page names the page by
// its Chinese title, not its URL; the audit trail names every action and
// object type in Chinese (messages, incidents, duty, meetings included) and
// the command line as 命令行, never by a code; a returned post tells its
// author why, at the top of the page, and a final approval without the
// secrecy check is refused in plain Chinese; 返回 never leaves the console.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { startGovmedia, SHOT_DIR } from "./lib/gm.mjs";

const PHONE = { width: 390, height: 844 };
let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

// First in the file: the demo data has no posts and no messages yet.
test("an empty post or message list says what to do, not that filters match nothing", async () => {
  const page = await gm.pageAs("contributor", "/posts");
  await page.locator(".el-table__empty-block", { hasText: "本单位还没有稿件。点右上角“写稿”起草第一篇" }).waitFor();
  await page.locator("input[placeholder*=标题]").fill("不存在的标题词");
  await page.locator("input[placeholder*=标题]").press("Enter");
  await page.locator(".el-table__empty-block", { hasText: "没有标题或正文包含“不存在的标题词”的稿件" }).waitFor();
  await gm.open(page, "/messages");
  await page.locator(".el-table__empty-block", { hasText: "还没有网民留言。收到留言后点右上角“登记留言”录入" }).waitFor();
  const observer = await gm.pageAs("observer", "/messages");
  await observer.locator(".el-table__empty-block", { hasText: "还没有网民留言。" }).waitFor();
  assert.doesNotMatch(await observer.locator(".el-table__empty-block").textContent(), /登记留言/);
  gm.assertClean(page);
});

test("phone width: menu folded, header and pages no wider than the screen", async () => {
  const page = await gm.pageAs("supervisor", "/", PHONE);
  for (const p of ["/", "/accounts", "/posts", "/messages", "/reports/activity", "/audit", "/notifications"]) {
    await gm.open(page, p);
    assert.equal(await page.locator(".side-menu.el-menu--collapse").count(), 1, `menu folded on ${p}`);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(over <= 0, `${p} is ${over}px wider than a phone's screen`);
    const bell = await page.locator(".header-right").boundingBox();
    assert.ok(bell.x + bell.width <= PHONE.width, `${p}: header runs off the screen`);
    await page.screenshot({ path: path.join(SHOT_DIR, `phone${p === "/" ? "_home" : p.replace(/\//g, "_")}-390.png`), fullPage: true });
  }
  // The wide screen keeps the open menu.
  const wide = await gm.pageAs("supervisor", "/");
  assert.equal(await wide.locator(".side-menu.el-menu--collapse").count(), 0);
  gm.assertClean(page);
});

test("a refused page names the page by its title, not its URL", async () => {
  const page = await gm.pageAs("contributor", "/recheck");
  const msg = await page.locator("[data-test=forbidden]").textContent();
  assert.match(msg, /“回溯检查”/);
  assert.doesNotMatch(msg, /\/recheck/);
  await gm.open(page, "/accounts/1/file");
  assert.match(await page.locator("[data-test=forbidden]").textContent(), /“备案登记”/);
  gm.assertClean(page);
});

test("audit trail: every action of the interaction pages has a Chinese name", async () => {
  const contributor = await gm.apiAs("contributor");
  const msg = await contributor.post("/messages", { account_id: 1, kind: "consult", text: "审计标签测试留言", from: "网民",
    received_at: "2026-11-20T09:00:00+08:00" });
  const head = await gm.apiAs("depthead");
  await head.post(`/messages/${msg.id}/ack`, { text: "您好,已收到。" });
  await head.post("/incidents", { message_id: msg.id, level: "一般", text: "审计标签测试" });
  await head.post("/duty", { unit_id: 4, day: "2026-12-01", person: "刘洋" });
  await head.post("/meetings", { unit_id: 4, held_on: "2026-11-02", kind: "monthly", title: "十一月例会", attendees: ["张华"], minutes: "无" });
  const page = await gm.pageAs("supervisor", "/audit");
  const rows = page.locator(".el-table__body tr.el-table__row");
  await rows.first().waitFor();
  const actions = await rows.locator("td:nth-child(6)").allTextContents();
  const objects = await rows.locator("td:nth-child(7)").allTextContents();
  for (const want of ["登记留言", "受理留言", "登记舆情事件", "排班", "登记会议或培训"])
    assert.ok(actions.some(a => a.trim() === want), `${want} missing from ${actions.join(",")}`);
  for (const t of [...actions, ...objects])
    assert.doesNotMatch(t, /[a-z_]{3,}/, `a code shown in the audit trail: ${t}`);
  gm.assertClean(page);
});

test("work done on the command line shows as 命令行, not as its login cli:local", async () => {
  const page = await gm.pageAs("supervisor", "/accounts/1");   // the demo data is loaded by the CLI
  const text = await page.locator(".el-main").innerText();
  assert.match(text, /办理人\s*命令行/);
  assert.doesNotMatch(text, /cli:local/);
  await gm.open(page, "/audit");
  await page.locator("[data-test=audit-who]").fill("cli:local");
  await page.getByRole("button", { name: "查询" }).click();
  await gm.settle(page);
  const rows = page.locator(".el-table__body tr.el-table__row");
  await rows.first().waitFor();
  assert.match(await rows.first().locator("td:nth-child(4)").textContent(), /^命令行/);
  assert.equal((await rows.first().locator("td:nth-child(8)").textContent()).trim(), "命令行");
  assert.doesNotMatch(await page.locator(".el-table__body").innerText(), /cli:local/);
  gm.assertClean(page);
});

test("a returned post says why at the top; the review dialog fits a phone", async () => {
  const c = await gm.apiAs("contributor");
  const p = await c.post("/posts", { title: "关于开展校园安全检查的通知", body: "各学校:请于本周五前完成校园安全自查。", account_ids: [1], repost_source: null });
  await c.post(`/posts/${p.id}/submit`);
  const head = await gm.pageAs("depthead", `/posts/${p.id}`, PHONE);
  await head.locator("[data-test=approve]").click();
  const dialog = head.locator(".el-dialog").filter({ hasText: "审核意见" });
  await dialog.waitFor();
  const box = await dialog.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the approve dialog runs off a phone's screen: ${JSON.stringify(box)}`);
  await head.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await head.locator("[data-test=reject]").click();
  await head.locator(".el-message-box textarea, .el-message-box input").first().fill("数据需核实");
  await head.locator(".el-message-box .el-button--primary").click();
  await head.locator("[data-test=post-state]", { hasText: "已退回" }).waitFor();
  gm.assertClean(head);

  const page = await gm.pageAs("contributor", `/posts/${p.id}`);
  const alert = page.locator("[data-test=returned-reason]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /已被部门负责人退回:数据需核实/);
  await gm.shots(page, "post-returned-contributor");
  gm.assertClean(page);
});

test("the last level's approval without the secrecy check is refused in plain Chinese", async () => {
  const c = await gm.apiAs("contributor");
  const p = await c.post("/posts", { title: "十一月工作动态", body: "本月完成校园安全自查。", account_ids: [1], repost_source: null });
  await c.post(`/posts/${p.id}/submit`);
  await (await gm.apiAs("depthead")).post(`/posts/${p.id}/approve`, { note: "同意" });
  const page = await gm.pageAs("leader", `/posts/${p.id}`);
  await page.locator("[data-test=approve]").click();
  await page.locator("[data-test=do-approve]").click();
  const err = page.locator(".el-dialog .el-form-item__error");
  await err.waitFor();
  assert.equal((await err.textContent()).trim(), "终审须确认保密审查(不含国家秘密和工作秘密)");
  await page.locator("[data-test=confidentiality]").click();
  await page.locator("[data-test=do-approve]").click();
  await page.locator("[data-test=post-state]", { hasText: "已审核待发布" }).waitFor();
  gm.assertClean(page);
});

test("返回 on a page opened directly goes to its list, not out of the console", async () => {
  const page = await gm.pageAs("contributor", "/accounts/apply");
  await page.locator("[data-test=back]").click();
  await page.waitForURL(/\/accounts$/);
  await gm.open(page, "/posts/new");
  await page.locator("[data-test=cancel]").click();
  await page.waitForURL(/\/posts$/);
  // Came from a list: back to it.
  await gm.open(page, "/posts");
  await page.getByRole("button", { name: "写稿" }).click();
  await page.waitForURL(/\/posts\/new$/);
  await page.locator("[data-test=cancel]").click();
  await page.waitForURL(/\/posts$/);
  gm.assertClean(page);
});

