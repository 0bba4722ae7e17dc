// Reports pages (issue 12): the activity page with its cards, chart and
// National-Day-style veto after imported publications stop; the zombie
// filter; the assessment page with an indicator's facts linked to the
// account; the downloads page; the dashboard's activity cards.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { startGovmedia, BIN } from "./lib/gm.mjs";

let gm;
before(async () => {
  gm = await startGovmedia();
  // September 2026 updated daily, then silence: vetoed by 15 October.
  const rows = ["published_at,title,url,kind"];
  for (let d = 1; d <= 30; d++)
    rows.push(`2026-09-${String(d).padStart(2, "0")} 10:00,九月第${d}篇,https://mp.weixin.qq.com/s/b${d},${d % 5 ? "转载" : "原创"}`);
  const file = path.join(gm.dir || "/tmp", `pubs-${process.pid}.csv`);
  writeFileSync(file, rows.join("\n") + "\n");
  execFileSync(BIN, ["publication", "import", "--db", gm.db, "--account", "1", file]);
});
after(async () => { await gm.stop(); });

test("supervisor sees the veto and the zombie list on the activity page", async () => {
  // 15 October 2026 as the check date (the page takes it from the URL).
  const page = await gm.pageAs("supervisor", "/reports/activity?as_of=2026-10-15");
  await page.locator("[data-test=activity-table]").waitFor();
  const row = page.locator("[data-test=activity-table] .el-table__row", { hasText: "示范县教育发布" });
  await row.locator("[data-test=status]", { hasText: "单项否决" }).waitFor();
  assert.match(await row.textContent(), /已 15 天未更新/);
  assert.equal(await page.locator("[data-test=activity-veto] .act-count").textContent().then(s => Number(s) >= 1), true);
  await gm.shots(page, "reports-activity-supervisor");
  // The zombie filter: the account that never published is on it with a suggestion.
  await page.locator("[data-test=status-filter] label", { hasText: "僵尸账号" }).click();
  await page.locator("[data-test=activity-table] .el-table__row", { hasText: "建议" }).first().waitFor();
  gm.assertClean(page);
});

test("assessment shows a veto with the facts linked to the account", async () => {
  const page = await gm.pageAs("supervisor", "/reports/assessment");
  const unit = page.locator("[data-test=assessment-unit]", { hasText: "示范县教育局" }).first();
  await unit.locator("[data-test=grade]").waitFor();
  assert.match(await unit.locator("[data-test=grade]").textContent(), /不合格|合格|良好|优秀/);
  const vetoRow = unit.locator(".el-table__row", { hasText: "两周未更新" }).first();
  await vetoRow.locator(".el-table__expand-icon").click();
  const facts = unit.locator("[data-test=facts]").first();
  await facts.waitFor();
  assert.ok(await facts.locator("a[href^='/accounts/']").count() >= 1);
  await gm.shots(page, "reports-assessment-supervisor");
  gm.assertClean(page);
});

test("operator downloads the activity report and sees the cards on the dashboard", async () => {
  const page = await gm.pageAs("operator", "/reports");
  await page.locator("[data-test=reports-table]").waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-test=xlsx-activity]").click()]);
  assert.match(download.suggestedFilename(), /活跃度.*\.xlsx$/);
  await gm.shots(page, "reports-downloads-operator");
  await gm.open(page, "/");
  await page.locator("[data-test=activity-cards]").waitFor();
  gm.assertClean(page);
});
