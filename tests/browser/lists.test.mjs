// 词库与名单 and 回溯检查 in the browser (issues 14 and 15): an admin adds and
// edits an entry of an expression list, is refused a bad office-holder date
// next to the field, imports a file, reads the version history with its diff;
// an inspector re-checks the published archive after a list change and opens
// a post that now has a finding.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia } from "./lib/gm.mjs";

let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

async function checkText(text) {
  const api = await gm.apiAs("contributor");
  return api.post("/check", { text });
}

async function confirmBox(page) {
  await page.locator(".el-message-box__btns .el-button--primary").click();
}

test("admin adds, edits and reads the history of a 规范名称 entry; the check uses it at once", async () => {
  const page = await gm.pageAs("admin", "/lexicons?list=names");
  const list = page.locator("[data-test=list-names]");
  await list.locator("[data-test=list-table] .el-table__row").first().waitFor();
  assert.match(await list.locator("[data-test=list-meta]").textContent(), /随软件提供/);
  await gm.shots(page, "lists-names");
  await list.locator("[data-test=list-add]").click();
  const dlg = page.locator("[data-test=list-dialog]");
  await dlg.locator("input[name=correct]").fill("示范县教育局");
  await dlg.locator("input[name=wrong]").fill("示范县教育居、示范县教肓局");
  await dlg.locator("[data-test=list-severity] .el-radio", { hasText: "禁止发布" }).click();
  await dlg.locator("input[name=note]").fill("本县单位名称");
  await gm.shots(page, "lists-names-add");
  await dlg.locator("[data-test=list-save]").click();
  await page.locator(".el-message--success").first().waitFor();
  await list.locator("[data-test=list-meta]", { hasText: "版本 1" }).waitFor();
  const rep = await checkText("示范县教育居发布通知");
  assert.equal(rep.ok, false);
  assert.ok(rep.findings.some(f => f.rule === "expression" && f.replacement === "示范县教育局"));
  // edit: warn instead of block
  await list.locator("input[name=list-search]").fill("示范县教育局");
  const row = list.locator("[data-test=list-table] .el-table__row", { hasText: "示范县教育局" });
  await row.locator("[data-test=list-edit]").click();
  assert.equal(await dlg.locator("input[name=correct]").isDisabled(), true);
  await dlg.locator("[data-test=list-severity] .el-radio", { hasText: "提醒" }).click();
  await dlg.locator("[data-test=list-save]").click();
  await list.locator("[data-test=list-meta]", { hasText: "版本 2" }).waitFor();
  assert.equal((await checkText("示范县教育居发布通知")).ok, true);
  // history: who, what, the diff
  await list.locator("[data-test=list-versions]").click();
  const drawer = page.locator("[data-test=list-history]");
  await drawer.locator("[data-test=list-version]").nth(1).waitFor();
  const text = await drawer.textContent();
  assert.match(text, /版本 2 · 修改 · 系统管理员/);
  assert.match(text, /本县单位名称/);
  assert.match(text, /\+ 新增 示范县教育局\(错误写法:示范县教育居、示范县教肓局,禁止发布\)/);
  assert.match(text, /~ 修改 示范县教育局.*禁止发布.*→ 示范县教育局.*提醒/);
  await gm.shots(page, "lists-names-history");
  gm.assertClean(page);
});

// Types a day into an Element Plus date picker's input (as a user may) and confirms it.
async function typeDay(input, day) {
  await input.click();
  await input.fill(day);
  await input.press("Enter");
}

test("admin keeps office-holders with dated posts by date picker; namesakes are told apart", async () => {
  const page = await gm.pageAs("admin", "/lexicons?list=officials");
  const list = page.locator("[data-test=list-officials]");
  await list.locator("[data-test=list-table]").waitFor();
  await list.locator("[data-test=list-add]").click();
  const dlg = page.locator("[data-test=list-dialog]");
  await dlg.locator("input[name=name]").fill("赵振邦");
  await dlg.locator("input[name=post-title]").nth(0).fill("副市长");
  await dlg.locator("input[name=post-unit]").nth(0).fill("示范市人民政府");
  await typeDay(dlg.locator("input[name=post-from]").nth(0), "2018-03-01");
  await typeDay(dlg.locator("input[name=post-to]").nth(0), "2017-12-31");   // before the start
  await dlg.locator("[data-test=list-add-post]").click();
  await dlg.locator("input[name=post-title]").nth(1).fill("市长");
  await dlg.locator("input[name=post-unit]").nth(1).fill("示范市人民政府");
  // the second post's start is picked in the calendar panel: the 1st of the month shown
  await dlg.locator("input[name=post-from]").nth(1).click();
  const panel = page.locator(".el-picker-panel.el-date-picker:visible");
  await panel.locator("td.available:not(.prev-month):not(.next-month)", { hasText: /^\s*1\s*$/ }).first().click();
  const picked = await dlg.locator("input[name=post-from]").nth(1).inputValue();
  assert.match(picked, /^\d{4}-\d{2}-01$/);
  await dlg.locator("[data-test=list-save]").click();
  await dlg.locator("[data-test=list-posts-error]", { hasText: "第 1 条任职记录的任职止" }).waitFor();
  await gm.shots(page, "lists-officials-refused");
  const api = await gm.apiAs("admin");
  assert.equal((await api.get("/admin/lists/officials")).version, 0);   // nothing changed
  await dlg.locator("input[name=post-to]").nth(0).fill("");
  await typeDay(dlg.locator("input[name=post-to]").nth(0), "2021-05-31");
  await dlg.locator("[data-test=list-save]").click();
  await list.locator("[data-test=list-table] .el-table__row", { hasText: "赵振邦" }).waitFor();
  assert.match(await list.locator("[data-test=list-table]").textContent(), /示范市人民政府 市长/);
  const stored = (await api.get("/admin/lists/officials")).entries.find(e => e.name === "赵振邦");
  assert.deepEqual(stored.posts.map(p => [p.from, p.to]), [["2018-03-01", "2021-05-31"], [picked, ""]]);
  assert.equal(stored.id, "赵振邦");
  const rep = await checkText("赵振邦副书记出席会议");
  assert.ok(rep.findings.some(f => f.category === "title" && f.replacement === "市长"));
  // a second 赵振邦: refused until told apart, then both are listed
  await list.locator("[data-test=list-add]").click();
  await dlg.locator("input[name=name]").fill("赵振邦");
  await dlg.locator("input[name=post-title]").nth(0).fill("局长");
  await dlg.locator("input[name=post-unit]").nth(0).fill("示范县教育局");
  await typeDay(dlg.locator("input[name=post-from]").nth(0), "2022-01-10");
  await dlg.locator("[data-test=list-save]").click();
  await dlg.locator("[data-test=list-field-id] .el-form-item__error", { hasText: "区分标识" }).waitFor();
  await dlg.locator("input[name=id]").fill("赵振邦(示范县教育局)");
  await dlg.locator("[data-test=list-save]").click();
  await list.locator("[data-test=list-table] .el-table__row", { hasText: "赵振邦(示范县教育局)" }).waitFor();
  assert.equal(await list.locator("[data-test=list-table] .el-table__row", { hasText: "赵振邦" }).count(), 2);
  const both = await checkText("赵振邦局长出席会议");
  assert.ok(!both.findings.some(f => f.category === "title"), JSON.stringify(both.findings));
  await gm.shots(page, "lists-officials");
  gm.assertClean(page);
});

test("admin imports a 过时表述 file, which replaces the list as one version", async () => {
  const page = await gm.pageAs("admin", "/lexicons?list=outdated");
  const list = page.locator("[data-test=list-outdated]");
  await list.locator("[data-test=list-table] .el-table__row").first().waitFor();
  const api = await gm.apiAs("admin");
  const text = await (await page.context().request.get(gm.base + "/api/v1/admin/lists/outdated/export")).text();
  await list.locator("[data-test=list-import-file]").setInputFiles({
    name: "outdated.txt", mimeType: "text/plain",
    buffer: Buffer.from(text + "示范县融媒体中心\t县广播电视台\twarn\n"),
  });
  await page.locator(".el-message-box").waitFor();
  await confirmBox(page);
  await page.locator(".el-message--success", { hasText: "新增 1 条" }).waitFor();
  await list.locator("[data-test=list-meta]", { hasText: "版本 1" }).waitFor();
  const j = await api.get("/admin/lists/outdated");
  assert.ok(j.entries.some(e => e.correct === "示范县融媒体中心"));
  const rep = await checkText("县广播电视台今日播出");
  assert.ok(rep.findings.some(f => f.replacement === "示范县融媒体中心"));
  // the tabs of every list open
  for (const tab of ["违禁词库", "白名单", "打击/警示语境词", "官方语体词", "核准转载来源", "规范表述"]) {
    await page.locator(".el-tabs__item", { hasText: tab }).click();
    await gm.settleQuick(page);
    await page.locator("[data-test=list-table]").first().waitFor();
  }
  await gm.shots(page, "lists-formulations");
  gm.assertClean(page);
});

test("inspector re-checks the published archive after a list change and opens the post", async () => {
  const logins = [];   // one after another: the server brakes parallel password checks
  for (const l of ["contributor", "depthead", "leader", "operator", "admin"]) logins.push(await gm.apiAs(l));
  const [author, head, leader, op, admin] = logins;
  const p = await author.post("/posts", { title: "回溯检查演示稿", account_ids: [1], major: false,
                                          body: "各学校:请做好冬季校园安全工作,附回溯演示违规词说明。" });
  await author.post(`/posts/${p.id}/submit`);
  await head.post(`/posts/${p.id}/approve`, { note: "同意" });
  await leader.post(`/posts/${p.id}/approve`, { confidentiality: true });
  await op.post(`/posts/${p.id}/publish`, { account_id: 1, platform_post_id: "demo-1" });
  await admin.post("/admin/lists/lexicon", { add: [{ term: "回溯演示违规词", category: "rumour", severity: "block" }] });
  const page = await gm.pageAs("observer", "/recheck");
  await page.locator("[data-test=recheck-run]").click();
  const row = page.locator("[data-test=recheck-table] .el-table__row", { hasText: "回溯检查演示稿" });
  await row.waitFor();
  assert.match(await page.locator("[data-test=recheck-progress]").textContent(), /已检查 \d+ \/ \d+ 篇发布,1 篇现有问题/);
  assert.match(await row.textContent(), /禁止发布.*违禁词.*回溯演示违规词/);
  await gm.shots(page, "recheck-observer");
  await row.locator("[data-test=recheck-open]").click();
  await page.waitForURL(new RegExp(`/posts/${p.id}$`));
  await gm.settle(page);
  await page.getByText("回溯检查演示稿").first().waitFor();
  gm.assertClean(page);
});
