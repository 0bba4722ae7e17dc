// 定时任务 in the browser: a job is run by hand on the server (govmedia jobs
// run, as an operator of the machine would), the supervisor's page shows
// every job with its Beijing-time schedule and that run in the job's
// recent runs; the system admin runs a job now from the page (立即运行,
// audited); a contributor may not open the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { startGovmedia, BIN } from "./lib/gm.mjs";

let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("supervisor sees every job with its schedule and a run done by hand (定时任务)", async () => {
  const api = await gm.apiAs("supervisor");
  const before = await api.get("/jobs?runs=20");
  assert.ok(before.jobs.length > 0, "the scheduler knows jobs");
  const name = "posts.publish_scheduled";
  execFileSync(BIN, ["jobs", "run", name, "--db", path.join(gm.dir, "govmedia.db")], { stdio: "ignore" });
  const after_ = await api.get("/jobs?runs=20");
  const run = after_.runs.find(r => r.job === name && r.manual);
  assert.ok(run, "the manual run is recorded");

  const page = await gm.pageAs("supervisor", "/jobs");
  const job = after_.jobs.find(j => j.name === name);
  const row = page.locator("[data-test=jobs] .el-table__row", { hasText: job.title });
  await row.locator("td", { hasText: job.schedule_label }).first().waitFor();
  assert.ok(after_.jobs.some(j => j.schedule_label.includes("北京时间")), "schedules are labelled in Beijing time");
  assert.equal(await page.locator("[data-test=jobs] > .el-table__inner-wrapper .el-table__body > tbody > .el-table__row").count(), after_.jobs.length);
  await page.locator(`[data-test=job-status-${name.replace(".", "\\.")}]`, { hasText: run.status === "ok" ? "成功" : "失败" }).waitFor();
  await row.locator(".el-table__expand-icon").click();
  await page.locator("[data-test=jobs] .el-table__expanded-cell", { hasText: "手动" }).waitFor();
  await page.locator("[data-test=runs-job]").click();
  await page.locator(".el-select-dropdown__item:visible", { hasText: job.title }).first().click();
  await page.locator("[data-test=runs] .el-table__row", { hasText: "手动" }).first().waitFor();
  await gm.settle(page);
  await gm.shots(page, "jobs-supervisor");
  gm.assertClean(page);
});

test("the system admin runs a job now (立即运行); the supervisor has no such button", async () => {
  const page = await gm.pageAs("admin", "/jobs");
  const api = await gm.apiAs("admin");
  const job = (await api.get("/jobs")).jobs.find(j => j.name === "jobs.prune");
  const sel = job.name.replace(/\./g, "\\.");
  await page.locator(`[data-test=job-run-${sel}]`).click();
  await page.locator(".el-message-box", { hasText: job.title }).waitFor();
  await page.locator(".el-message-box__btns .el-button--primary").click();
  await page.locator(".el-message", { hasText: `“${job.title}”` }).first().waitFor();
  const after_ = await api.get("/jobs?runs=20");
  assert.ok(after_.runs.some(r => r.job === job.name && r.manual), "a manual run is logged");
  await page.locator(`[data-test=job-status-${sel}]`).waitFor();
  await gm.settle(page);
  // At 1366 px the last result is whole: its column is wide and not under the fixed 操作 column.
  const cell = await page.locator(".el-table__header th.last-result").first().boundingBox();
  const ops = await page.locator(".el-table__header th.el-table-fixed-column--right").first().boundingBox();
  assert.ok(cell.width >= 240, `上次结果 is ${cell.width}px wide`);
  assert.ok(cell.x + cell.width <= ops.x + 1, `上次结果 runs under 操作 (${cell.x + cell.width} > ${ops.x})`);
  assert.equal(await page.evaluate(() => {
    const w = document.querySelector("[data-test=jobs] .el-table__body-wrapper .el-scrollbar__wrap");
    return w ? w.scrollWidth > w.clientWidth : false;
  }), false, "the job table scrolls sideways at 1366 px");
  await gm.shots(page, "jobs-run-now-admin");
  await gm.open(page, "/audit");
  await page.locator("[data-test=audit-table] .el-table__row", { hasText: "立即运行定时任务" }).first().waitFor();
  gm.assertClean(page);
  const sup = await gm.pageAs("supervisor", "/jobs");
  await sup.locator("[data-test=jobs] .el-table__row").first().waitFor();
  assert.equal(await sup.locator("[data-test^=job-run-]").count(), 0);
  gm.assertClean(sup);
});

test("a contributor may not open the scheduler page", async () => {
  const page = await gm.pageAs("contributor", "/jobs");
  await page.locator("[data-test=forbidden]").waitFor();
  gm.assertClean(page);
});
