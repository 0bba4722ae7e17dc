// 年审 in the browser: the supervisor opens a round, the education bureau's
// operator submits a report with an attachment, the supervisor passes it and
// fails another account with a required reason, closes the round and
// exports the must-close list.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startGovmedia } from "./lib/gm.mjs";

let gm, roundUrl;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("supervisor opens the annual review round", async () => {
  const page = await gm.pageAs("supervisor", "/reviews");
  await page.locator(".empty-why", { hasText: "还没有年审轮次" }).waitFor();
  await page.locator("[data-test=open-round]").click();
  await page.locator("[data-test=open-round-confirm]").click();
  await page.waitForURL(/\/reviews\/\d+$/);
  roundUrl = new URL(page.url()).pathname;
  await page.locator("[data-test=round-state]", { hasText: "进行中" }).waitFor();
  await gm.settle(page);
  await gm.shots(page, "review-open-supervisor");
  gm.assertClean(page);
});

test("the operator of the unit sees the round and submits a report with an attachment", async () => {
  const page = await gm.pageAs("operator", "/reviews");
  await page.locator("[data-test=rounds] a").first().click();
  await page.waitForURL(/\/reviews\/\d+$/);
  await gm.settle(page);
  const button = page.locator("[data-test^=report-]").first();
  await button.click();
  const att = path.join(gm.dir, "年审报告.txt");
  writeFileSync(att, "2026 年度运行情况");
  await page.locator('textarea[name="report-text"]').fill("2026 年度运行情况:发布 210 条,回复留言 96 条。");
  await page.locator("[data-test=report-file]").setInputFiles(att);
  await page.locator("[data-test=report-submit]").click();
  await page.locator("[data-test=review-entries] .el-tag", { hasText: "已提交" }).first().waitFor();
  await gm.shots(page, "review-report-operator");
  assert.equal(await page.locator("[data-test^=pass-]").count(), 0, "an operator does not judge reports");
  gm.assertClean(page);
});

test("supervisor passes the report, closes the round and exports the must-close list", async () => {
  const page = await gm.pageAs("supervisor", roundUrl);
  await page.locator("[data-test^=pass-]").first().click();
  await page.locator(".el-message-box__btns .el-button--primary").click();
  await page.locator("[data-test=review-entries] .el-tag", { hasText: "已通过" }).first().waitFor();
  await page.locator("[data-test=close-round]").click();
  await page.locator(".el-message-box__btns .el-button--primary").click();
  await page.locator("[data-test=round-state]", { hasText: "已结束" }).waitFor();
  await page.locator("[data-test=must-close] .el-table__row").first().waitFor();
  await gm.shots(page, "review-closed-supervisor");
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-test=must-close-export]").click()]);
  assert.match(download.suggestedFilename(), /应关停账号名单\.csv$/);
  const file = path.join(gm.dir, "must-close.csv");
  await download.saveAs(file);
  const csv = readFileSync(file, "utf8");
  assert.match(csv, /^\uFEFF"账号ID","账号名称","平台","主办单位","年审状态","原因"/);
  assert.ok(csv.split("\r\n").length >= 3, "at least one account must close");
  gm.assertClean(page);
});

test("§1.5 from the must-close list the 信息中心 closes an account that failed its review, and the list then says it is closed", async () => {
  const page = await gm.pageAs("supervisor", roundUrl);
  const row = page.locator("[data-test=must-close] .el-table__row", { has: page.locator("[data-test=must-close-close]") }).first();
  const name = (await row.locator("a").first().textContent()).trim();
  await row.locator("[data-test=must-close-close]").click();
  const dialog = page.locator("[data-test=action-dialog]");
  await dialog.waitFor();
  assert.match(await page.locator(".el-dialog__title").textContent(), new RegExp(`注销:${name}`));
  await dialog.locator("textarea[name=reason]").fill("2026 年度年审未提交报告,按规定注销");
  await dialog.locator("[data-test=action-confirm]").click();
  await page.locator("[data-test=account-state]", { hasText: "已注销" }).waitFor();
  await page.goBack();
  await gm.settle(page);
  const after = page.locator("[data-test=must-close] .el-table__row", { hasText: name });
  assert.equal((await after.locator("[data-test=must-close-state]").textContent()).trim(), "已注销");
  await gm.shots(page, "review-must-close-closed");
  gm.assertClean(page);
});
