// §2 rules no browser test walked, at 1366x768 (screenshots looked at):
//  - a draft marked 重大、敏感 goes on to the principal (主要负责人) after the
//    leader, who then does the confidentiality review (保密审查);
//  - a WeChat mass send (群发) needs a preview / test send of the version
//    first, and at most one a day per account: both refusals are said next to
//    the 群发 switch, in Chinese, and nothing is published.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia } from "./lib/gm.mjs";

const W = { width: 1366, height: 768 };
let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

async function approveAs(login, path, secrecy) {
  const page = await gm.pageAs(login, path, W);
  await page.locator("[data-test=approve]").click();
  if (secrecy) await page.locator("[data-test=confidentiality]").click();
  await page.locator("[data-test=do-approve]").click();
  return page;
}

test("§2.1 §2.7 a 重大敏感 draft goes to the principal after the leader; the operator previews before a WeChat mass send, and a second mass send that day is refused by the 群发 switch", async () => {
  const ed = await gm.pageAs("contributor", "/posts/new", W);
  await ed.locator("[data-test=accounts] label", { hasText: "示范县教育发布" }).click();
  await ed.locator("[data-test=title]").fill("关于调整全县中小学寒假时间的通知");
  await ed.locator("[data-test=body]").fill("经研究,全县中小学寒假时间调整为1月20日至2月25日,请各校做好安排。");
  await ed.locator("[data-test=major]").click();
  await ed.locator("[data-test=check-summary]", { hasText: "未发现问题" }).waitFor();
  await ed.locator("[data-test=save-submit]").click();
  await ed.waitForURL(/\/posts\/\d+$/);
  const path = new URL(ed.url()).pathname;
  await ed.locator("[data-test=post-level]", { hasText: "第 1 级" }).waitFor();

  const head = await approveAs("depthead", path, false);
  await head.locator("[data-test=post-level]", { hasText: "第 2 级" }).waitFor();
  // the leader is not the last level of a major draft: no 保密审查 asked, it goes on to the principal
  const leader = await gm.pageAs("leader", path, W);
  await leader.locator("[data-test=approve]").click();
  assert.equal(await leader.locator("[data-test=confidentiality]").count(), 0);
  await leader.locator("[data-test=do-approve]").click();
  await leader.locator("[data-test=post-level]", { hasText: "第 3 级" }).waitFor();
  assert.match(await leader.locator("[data-test=post-level]").innerText(), /主要负责人/);

  // the principal finds it on the work bench, and confirms the confidentiality review
  const pr = await gm.pageAs("principal", "/", W);
  await pr.locator("[data-test=todo]", { hasText: "待我审核的稿件" }).click();
  await pr.locator(".el-table__row", { hasText: "关于调整全县中小学寒假时间的通知" }).locator("a").click();
  await pr.waitForURL(new RegExp(`${path}$`));
  await pr.locator("[data-test=approve]").click();
  await pr.locator("[data-test=do-approve]").click();
  await pr.locator(".el-form-item__error, .el-message--error").first().waitFor();
  assert.equal(await pr.locator("[data-test=post-state]").innerText(), "审核中");
  await pr.locator("[data-test=confidentiality]").click();
  await pr.locator("[data-test=do-approve]").click();
  await pr.locator("[data-test=post-state]", { hasText: "已审核待发布" }).waitFor();
  const history = await pr.locator("[data-test=history]").innerText();
  assert.match(history, /主要负责人/);
  await gm.shots(pr, "levels-principal-approved");

  // The operator: a mass send before any preview is refused next to the switch.
  const op = await gm.pageAs("operator", path, W);
  await op.locator("[data-test=publish]").click();
  await op.locator("input[data-test=publish-url]").fill("https://mp.weixin.qq.com/s/hanjia");
  await op.locator("[data-test=mass-send]").click();
  await op.locator("[data-test=do-publish]").click();
  const switchError = op.locator(".el-dialog .el-form-item__error");
  await switchError.waitFor();
  assert.match(await switchError.innerText(), /预览/);
  await gm.shots(op, "levels-mass-send-needs-preview");
  await op.locator(".el-dialog__headerbtn:visible").click();
  assert.equal(await op.locator("[data-test=post-state]").innerText(), "已审核待发布");
  // preview, then the mass send goes out
  await op.locator("[data-test=preview]").click();
  await op.locator("[data-test=do-publish]:visible").click();
  await op.locator(".el-message--success").first().waitFor();
  await op.locator("[data-test=publish]").click();
  await op.locator("input[data-test=publish-url]").fill("https://mp.weixin.qq.com/s/hanjia");
  await op.locator("[data-test=mass-send]").click();
  await op.locator("[data-test=do-publish]").click();
  await op.locator("[data-test=post-state]", { hasText: "已发布" }).waitFor();
  assert.deepEqual((await op.locator("[data-test=publications] .el-table__row").allInnerTexts()).length, 1);
  assert.match(await op.locator("[data-test=publications]").innerText(), /是/);

  // A second approved post the same day: previewed, but the account has had its mass send today.
  const con = await gm.apiAs("contributor"), dh = await gm.apiAs("depthead"), ld = await gm.apiAs("leader");
  const p2 = await con.post("/posts", { title: "寒假安全提示", body: "请各位家长做好寒假安全教育。", account_ids: [1], major: false, repost_source: null });
  await con.post(`/posts/${p2.id}/submit`);
  await dh.post(`/posts/${p2.id}/approve`, {});
  await ld.post(`/posts/${p2.id}/approve`, { confidentiality: true });
  await gm.open(op, `/posts/${p2.id}`);
  await op.locator("[data-test=preview]").click();
  await op.locator("[data-test=do-publish]:visible").click();
  await op.locator(".el-message--success").first().waitFor();
  await op.locator("[data-test=publish]").click();
  await op.locator("input[data-test=publish-url]").fill("https://mp.weixin.qq.com/s/anquan");
  await op.locator("[data-test=mass-send]").click();
  await op.locator("[data-test=do-publish]").click();
  await switchError.waitFor();
  assert.match(await switchError.innerText(), /每天|一次|今天/);
  await gm.shots(op, "levels-second-mass-send");
  assert.equal(await op.locator("[data-test=post-state]").innerText(), "已审核待发布");
  gm.assertClean(op);
});
