// §5.2 §5.4 the inspector (省督查室, observer: reads everything, writes nothing)
// exports the year's assessment and checks the audit chain, in the console.
// The downloaded CSV agrees with the assessment the API computes (each
// unit's total and grade), the 审计日志 says the chain is intact and the
// verification counts every row; the inspector is offered no write action.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startGovmedia } from "./lib/gm.mjs";
import { problems } from "./lib/look.mjs";

const W = { width: 1366, height: 768 };
let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("§5.2 §5.4 the inspector downloads the year's assessment (its figures those the API computes) and finds the audit chain intact", async () => {
  const obs = await gm.apiAs("observer");
  const page = await gm.pageAs("observer", "/reports", W);
  await page.locator("[data-test=reports-table]").waitFor();
  const year = Number(await page.locator(".el-input-number input").inputValue());
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-test=csv-assessment]").click()]);
  assert.match(download.suggestedFilename(), new RegExp(`年度考核-${year}\\.csv$`));
  const csv = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
  const report = await obs.get(`/reports/assessment?year=${year}`);
  assert.ok(report.units.length >= 1, "the assessment covers at least one unit");
  for (const u of report.units) {
    const lines = csv.split(/\r?\n/).filter(l => l.includes(u.unit_name));
    assert.ok(lines.length >= 1, `${u.unit_name} is in the file`);
    const total = lines.find(l => l.includes("合计"));
    assert.ok(total, `${u.unit_name} has its 合计 row`);
    assert.ok(total.includes(String(u.total)) || total.includes(u.total.toFixed(2)), `${u.unit_name}: ${total} vs ${u.total}`);
    assert.ok(total.includes(u.grade), `${u.unit_name}: ${total} vs ${u.grade}`);
  }
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.locator("[data-test=xlsx-assessment]").click()]);
  assert.equal(readFileSync(await xlsx.path()).subarray(0, 2).toString("latin1"), "PK", "an Excel (zip) file");

  // the audit log: chain intact, and the verification covers every row the API counts
  await gm.open(page, "/audit");
  await page.locator("[data-test=chain]", { hasText: "审计哈希链完整" }).waitFor();
  const verify = await obs.get("/audit/verify");
  assert.equal(verify.ok, true);
  const shown = (await page.locator("[data-test=chain]").innerText()).match(/共 (\d+) 条/);
  assert.ok(shown, "the page says how many rows it verified");
  assert.equal(Number(shown[1]), verify.rows);
  assert.deepEqual(await problems(page, "审计日志(督查)"), []);
  await gm.shots(page, "inspector-audit-chain");
  // reading only: no button that writes on the audit page
  assert.equal(await page.locator(".main button", { hasText: /删除|修改|新增|保存/ }).count(), 0);
  gm.assertClean(page);
});
