// Real tasks walked end to end in the console, outcomes read back from the
// API (screenshots at 1366x768 looked at):
//  - §2.2 the leader, at the second level, returns a post with a reason; its
//    author finds why on the post, revises it, submits again; the post goes
//    through both levels again and the leader approves the new version;
//  - §2.2 §2.5 修改对比: a reviewer of the resubmission sees title, body and
//    files changed against the returned version;
//  - §2.4 an operator publishes only to the accounts they are authorised for:
//    the publish dialog offers only those, and the server refuses the others.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia, JPEG_HEAD } from "./lib/gm.mjs";
import { problems } from "./lib/look.mjs";

const W = { width: 1366, height: 768 };
let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("§2.2 §2.5 the leader returns a post at the second level; its author reads why, revises and resubmits; it is approved as version 2 with the return kept in its history", async () => {
  const con = await gm.apiAs("contributor"), dh = await gm.apiAs("depthead");
  const p = await con.post("/posts", { title: "关于做好冬季学生交通安全工作的通知", body: "各学校:入冬以来道路结冰,请加强学生上下学交通安全教育。",
    account_ids: [1], major: false, repost_source: null });
  await con.post(`/posts/${p.id}/submit`);
  await dh.post(`/posts/${p.id}/approve`, {});

  // the leader (level 2) returns it with a reason, in the console
  const leader = await gm.pageAs("leader", `/posts/${p.id}`, W);
  await leader.locator("[data-test=post-level]", { hasText: "第 2 级" }).waitFor();
  await leader.locator("[data-test=reject]").click();
  const box = leader.locator(".el-message-box", { hasText: "退回稿件" });
  await box.locator("button", { hasText: "退回" }).click();
  await box.locator(".el-message-box__errormsg", { hasText: "退回须填写原因" }).waitFor();   // no reason: stays open
  await box.locator("textarea").fill("请写明校车安全和家长接送的具体要求");
  await box.locator("button", { hasText: "退回" }).click();
  await box.waitFor({ state: "hidden" });
  await leader.locator("[data-test=post-state]", { hasText: "已退回" }).waitFor();
  let post = await con.get(`/posts/${p.id}`);
  assert.equal(post.state, "returned");

  // the author sees who returned it and why, revises the text and submits again
  const ed = await gm.pageAs("contributor", `/posts/${p.id}`, W);
  const banner = ed.locator("[data-test=returned-reason]");
  await banner.waitFor();
  assert.match(await banner.innerText(), /请写明校车安全和家长接送的具体要求/);
  assert.match(await banner.innerText(), /分管领导|领导/);
  assert.deepEqual(await problems(ed, "退回的稿件"), []);
  await gm.shots(ed, "scenario-post-returned");
  await ed.locator("[data-test=edit]").click();
  await ed.waitForURL(/\/edit$/);
  const body = ed.locator("[data-test=body]");
  await body.fill("各学校:入冬以来道路结冰,请加强学生上下学交通安全教育。校车每日出车前检查防滑设施,家长接送车辆在校门外指定区域停靠。");
  await ed.locator("[data-test=check-summary]", { hasText: "未发现问题" }).waitFor();
  await ed.locator("[data-test=save-submit]").click();
  await ed.waitForURL(new RegExp(`/posts/${p.id}$`));
  await ed.locator("[data-test=post-level]", { hasText: "第 1 级" }).waitFor();
  post = await con.get(`/posts/${p.id}`);
  assert.equal(post.state, "in_review");
  assert.equal(post.version, 2);
  assert.match(post.body, /校车每日出车前检查/);

  // both levels again: the head, then the leader approves version 2 after the confidentiality review
  await dh.post(`/posts/${p.id}/approve`, {});
  await gm.open(leader, `/posts/${p.id}`);
  await leader.locator("[data-test=post-level]", { hasText: "第 2 级" }).waitFor();
  await leader.locator("[data-test=approve]").click();
  await leader.locator("[data-test=confidentiality]").click();
  await leader.locator("[data-test=do-approve]").click();
  await leader.locator("[data-test=post-state]", { hasText: "已审核待发布" }).waitFor();
  post = await con.get(`/posts/${p.id}`);
  assert.equal(post.state, "approved");
  const history = await leader.locator("[data-test=history]").innerText();
  assert.match(history, /请写明校车安全和家长接送的具体要求/, "the return and its reason stay in the history");
  assert.deepEqual(await problems(leader, "通过的稿件"), []);
  await gm.shots(leader, "scenario-post-approved-v2");
  gm.assertClean(leader);
  gm.assertClean(ed);
});

test("§2.4 授权发布: the operator is offered only the accounts they may publish on (the other greyed, saying why), publishes there, and the server refuses the other", async () => {
  const sup = await gm.apiAs("supervisor"), op = await gm.apiAs("operator");
  const opId = (await op.get("/session")).user.id;
  const mine = [];
  for (const a of (await sup.get("/accounts")).accounts || []) {
    const pubs = (await sup.get(`/accounts/${a.id}/publishers`)).publishers;
    if (pubs.some(x => x.user_id === opId)) mine.push(a);
  }
  assert.ok(mine.length >= 2, `the demo operator publishes on two accounts at least (${mine.length})`);
  const [yes, no] = mine;
  await sup.del(`/accounts/${no.id}/publishers/${opId}`);   // the 信息中心 withdraws one grant

  const con = await gm.apiAs("contributor"), dh = await gm.apiAs("depthead"), ld = await gm.apiAs("leader");
  const p = await con.post("/posts", { title: "寒假图书馆开放时间", body: "寒假期间县图书馆每日九时至十七时开放。",
    account_ids: [yes.id, no.id], major: false, repost_source: null });
  await con.post(`/posts/${p.id}/submit`);
  await dh.post(`/posts/${p.id}/approve`, {});
  await ld.post(`/posts/${p.id}/approve`, { confidentiality: true });

  const page = await gm.pageAs("operator", `/posts/${p.id}`, W);
  await page.locator("[data-test=publish]").click();
  const dlg = page.locator(".el-dialog", { has: page.locator("[data-test=publish-account]") });
  await dlg.waitFor();
  assert.match(await dlg.locator("[data-test=publish-account]").innerText(), new RegExp(yes.name), "the granted account is chosen");
  await dlg.locator("[data-test=publish-account]").click();
  const offered = page.locator(".el-select-dropdown__item:visible");
  await offered.first().waitFor();
  const items = await offered.evaluateAll(els => els.map(e => ({ text: e.innerText.trim(), off: e.classList.contains("is-disabled") })));
  assert.deepEqual(items.map(i => i.off), [false, true], JSON.stringify(items));
  assert.match(items[1].text, /未获发布授权/);
  await gm.shots(page, "scenario-publish-granted-only");
  await page.keyboard.press("Escape");
  if (yes.platform === "wechat") assert.equal(await dlg.locator("[data-test=mass-send]").count(), 1);
  await dlg.locator("input[data-test=publish-url]").fill("https://example.gov.cn/tushuguan");
  await dlg.locator("[data-test=do-publish]").click();
  await page.locator(".el-message--success", { hasText: "已发布" }).first().waitFor();
  const post = await op.get(`/posts/${p.id}`);
  assert.deepEqual(post.publications.map(x => x.account_id), [yes.id]);
  // the other account: refused by the server too, naming the account field
  await assert.rejects(op.post(`/posts/${p.id}/publish`, { account_id: no.id, url: "https://example.gov.cn/x" }),
    /403.*发布授权.*"field":"account_id"/);
  assert.equal((await op.get(`/posts/${p.id}`)).publications.length, 1);
  gm.assertClean(page);
});

test("§2.2 §2.5 修改对比: the reviewer of a resubmitted post sees what changed against the returned version (title, body, files), and the history says which version each 修改 made", async () => {
  const con = await gm.apiAs("contributor"), dh = await gm.apiAs("depthead");
  const jpeg = (n) => { const b = Buffer.alloc(8192 + n); JPEG_HEAD.copy(b); for (let i = JPEG_HEAD.length; i < b.length; i += 97) b[i] = (i + n) & 0xff; return b; };
  const p = await con.post("/posts", { title: "关于开展秋季消防演练的通知", body: "各学校:定于本周五下午开展消防疏散演练。\n请各班主任提前熟悉疏散路线。",
    account_ids: [1], major: false, repost_source: null });
  const old = await con.post(`/posts/${p.id}/attachments?name=${encodeURIComponent("旧海报.jpg")}`, jpeg(1));
  await con.post(`/posts/${p.id}/attachments?name=${encodeURIComponent("疏散路线图.jpg")}`, jpeg(2));
  await con.post(`/posts/${p.id}/submit`);
  await dh.post(`/posts/${p.id}/reject`, { reason: "时间写具体,换一张海报" });
  // the author revises: title and body, the poster swapped
  await con.put(`/posts/${p.id}`, { title: "关于开展冬季消防演练的通知", summary: "演练时间定为11月27日下午三时", body: "各学校:定于11月27日(星期五)下午三时开展消防疏散演练。\n请各班主任提前熟悉疏散路线。" });
  await con.del(`/posts/${p.id}/attachments/${old.id}`);
  await con.post(`/posts/${p.id}/attachments?name=${encodeURIComponent("新海报.jpg")}`, jpeg(3));
  await con.post(`/posts/${p.id}/submit`);

  const page = await gm.pageAs("depthead", `/posts/${p.id}`, W);
  const box = page.locator("[data-test=post-changes]");
  await box.waitFor();
  // by default: the returned submission (version 1) against the new one (version 2)
  assert.match(await box.locator("[data-test=changes-from]").innerText(), /第 1 版.*被退回/);
  assert.match(await box.locator("[data-test=changes-to]").innerText(), /第 2 版/);
  const title = box.locator("[data-test=changes-title]");
  assert.deepEqual(await title.locator("del").allInnerTexts(), ["秋"]);
  assert.deepEqual(await title.locator("ins").allInnerTexts(), ["冬"]);
  assert.equal(await box.locator("[data-test=changes-summary] ins").innerText(), "演练时间定为11月27日下午三时", "a summary added is shown as added");
  const body = box.locator("[data-test=changes-body]");
  const ins = (await body.locator("ins").allInnerTexts()).join(""), del = (await body.locator("del").allInnerTexts()).join("");
  assert.match(ins, /11月27日/);
  assert.match(ins, /三时/);
  assert.match(del, /本周/);
  assert.doesNotMatch(ins + del, /各学校|疏散路线/, "unchanged text is not marked");
  assert.match(await body.innerText(), /请各班主任提前熟悉疏散路线。/);
  assert.deepEqual(await box.locator("[data-test=changes-file-added]").allInnerTexts().then(t => t.map(x => x.match(/新增\s*(\S+)/)[1])), ["新海报.jpg"]);
  assert.deepEqual(await box.locator("[data-test=changes-file-removed]").allInnerTexts().then(t => t.map(x => x.match(/删除\s*(\S+)/)[1])), ["旧海报.jpg"]);
  assert.match(await box.innerText(), /未变动 1 个:疏散路线图\.jpg/);
  // the history: the 修改 made version 2; submit/return name their version
  const history = await page.locator("[data-test=history]").innerText();
  assert.match(history, /修改 · 生成第 2 版/);
  assert.match(history, /退回 · 第 1 版/);
  assert.deepEqual(await problems(page, "修改对比"), []);
  await box.scrollIntoViewIfNeeded();
  await gm.shots(page, "scenario-post-changes");
  // comparing a version with itself says nothing changed
  await box.locator("[data-test=changes-to]").click();
  await page.locator(".el-select-dropdown__item:visible", { hasText: "被退回" }).click();
  await box.locator("[data-test=changes-title-same]").waitFor();
  assert.equal(await box.locator("[data-test=changes-body-same]").count(), 1);
  assert.equal(await box.locator("[data-test=changes-files-same]").count(), 1);
  gm.assertClean(page);
});
