// Rules of REQUIREMENTS.md walked in the console, one test per rule:
// §2 personal data stays in a declared lawful disclosure (惩戒公示 /
// 强制性信息披露, seed 002): the editor declares it, the findings read
// "已声明…依法保留", the department head sees the declaration and approves
// without an override reason; §1 the information centre's overview of the
// national 全国政务新媒体信息报送系统 filings across accounts, counted in
// working days; §1 login rights delegated by approval (operator asks,
// 信息中心 approves, the operator may then look).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { startGovmedia } from "./lib/gm.mjs";

let gm;
before(async () => {
  // the credential vault's key, outside the database (the server inherits the environment)
  const key = path.join(mkdtempSync(path.join(tmpdir(), "gmvault-")), "vault.key");
  writeFileSync(key, randomBytes(32), { mode: 0o600 });
  process.env.GOVMEDIA_VAULT_KEY = key;
  gm = await startGovmedia();
});
after(async () => { await gm.stop(); });

const BODY = "行政处罚决定公示:当事人张某某,身份证号 11010519491231002X,联系电话 13812345678,因违规经营被处以罚款。";

test("§2.8 §3.7 personal data in a declared punishment disclosure is kept, shown and accepted", async () => {
  const page = await gm.pageAs("contributor", "/posts/new");
  await page.locator("[data-test=accounts] label", { hasText: "示范县教育发布" }).click();
  await page.locator("[data-test=title]").fill("行政处罚决定公示(第12号)");
  await page.locator("[data-test=body]").fill(BODY);
  await page.locator("[data-test=check-summary]", { hasText: "警示" }).waitFor();
  await page.locator("[data-test=disclosure]").click();
  await page.locator("[data-test=check-summary]", { hasText: "未发现问题" }).waitFor();
  await page.locator("[data-test=finding-accepted]", { hasText: "已声明惩戒公示" }).first().waitFor();
  // no legal basis: refused naming the field, nothing saved
  await page.locator("[data-test=save]").click();
  await page.locator(".el-form-item__error", { hasText: "法律依据" }).waitFor();
  assert.match(page.url(), /posts\/new/);
  await page.locator("[data-test=disclosure-basis]").fill("《中华人民共和国行政处罚法》第四十八条");
  await gm.shots(page, "post-disclosure-editor");
  await page.locator("[data-test=save-submit]").click();
  await page.locator("[data-test=post-state]", { hasText: "审核中" }).waitFor();
  const postId = Number(page.url().match(/posts\/(\d+)/)[1]);
  gm.assertClean(page);

  const head = await gm.pageAs("depthead", `/posts/${postId}`);
  const banner = await head.locator("[data-test=disclosure-banner]").innerText();
  assert.ok(banner.includes("惩戒公示") && banner.includes("行政处罚法》第四十八条"), banner);
  assert.ok(await head.locator("[data-test=finding-accepted]").count() >= 2);
  await gm.shots(head, "post-disclosure-review");
  await head.locator("[data-test=approve]").click();
  await head.locator("[data-test=do-approve]").click();
  await head.locator("[data-test=post-level]", { hasText: "第 2 级" }).waitFor();
  gm.assertClean(head);
});

test("§1.4 the information centre sees overdue national filings across accounts in working days", async () => {
  const page = await gm.pageAs("supervisor", "/");
  const menu = await gm.menu(page);
  assert.ok(JSON.stringify(menu).includes("全国报送总览"), JSON.stringify(menu));
  await gm.open(page, "/accounts/national-filings");
  const table = page.locator("[data-test=nf-overview]");
  await table.locator("tbody tr").first().waitFor();
  const text = await table.innerText();
  assert.match(text, /逾期 \d+ 个工作日/);
  assert.ok(text.includes("逾期未报送") && !text.includes("已报送"), text);
  assert.ok(!/overdue|pending|open\b/.test(text), text);
  await gm.shots(page, "national-filings-overview");
  // a row opens the account on its 全国报送 tab
  await table.locator("tbody tr").first().click();
  await page.locator("[data-test=national-filings]").waitFor();
  gm.assertClean(page);
  // the inspector reads the same overview (the national inspection checks these filings)
  const obs = await gm.pageAs("observer", "/");
  assert.ok(JSON.stringify(await gm.menu(obs)).includes("全国报送总览"));
  await gm.open(obs, "/accounts/national-filings");
  await obs.locator("[data-test=nf-overview] tbody tr").first().waitFor();
  gm.assertClean(obs);
  // contributors have no such page
  const c = await gm.pageAs("contributor", "/");
  assert.ok(!JSON.stringify(await gm.menu(c)).includes("全国报送总览"));
});

test("§1.8 login rights are delegated by approval: the operator asks, the 信息中心 approves, the operator may look", async () => {
  const sup = await gm.apiAs("supervisor");
  await sup.put("/accounts/1/credential", { login: "gh_live", password: "Live-直播-2026" });
  const op = await gm.pageAs("operator", "/accounts/1?tab=credential");
  await op.locator("[data-test=cred-stored]", { hasText: "已保管" }).waitFor();
  assert.equal(await op.locator("[data-test=cred-reveal]").count(), 0);
  await op.locator("[data-test=cred-ask]").click();
  // no time given: refused naming the field
  await op.locator("[data-test=cred-ask-reason]").fill("11月25日政策解读直播");
  await op.locator("[data-test=cred-ask-send]").click();
  await op.locator(".el-dialog .el-form-item__error", { hasText: "截止时间" }).waitFor();
  const until = new Date(Date.now() + 8 * 3600e3 + 3 * 3600e3).toISOString().slice(0, 19).replace("T", " ");
  await op.locator(".el-dialog .el-date-editor input").fill(until);
  await op.locator(".el-dialog .el-date-editor input").press("Enter");
  await op.locator("[data-test=cred-ask-send]").click();
  await op.locator("[data-test=cred-requests] .el-tag", { hasText: "待批准" }).waitFor();
  gm.assertClean(op);

  const page = await gm.pageAs("supervisor", "/accounts/1?tab=credential");
  const row = page.locator("[data-test=cred-requests] .el-table__row", { hasText: "政策解读直播" });
  await row.waitFor();
  await gm.shots(page, "credential-request-supervisor");
  await row.locator("button", { hasText: "批准" }).click();
  await page.locator(".el-message-box__btns .el-button--primary").click();
  await page.locator("[data-test=cred-requests] .el-tag", { hasText: "已批准" }).waitFor();
  await page.locator("[data-test=cred-grants] .el-table__row", { hasText: "政策解读直播" }).waitFor();
  gm.assertClean(page);

  await gm.open(op, "/accounts/1?tab=credential");
  await op.locator("[data-test=cred-reveal]").click();
  await op.locator(".el-message-box input").fill("直播前登录");
  await op.locator(".el-message-box__btns .el-button--primary").click();
  await op.locator("[data-test=cred-shown]", { hasText: "Live-直播-2026" }).waitFor();
  gm.assertClean(op);
});
