// Holidays, walked at 1366x768 (screenshots looked at).
// §6 working calendar, as the system admin.  The page listed the loaded years only: nobody could see which
// days a year takes off, the file format was English keywords with no word
// of explanation, the importer read as a login, a file picker said "Choose
// File", and loading a year that exists replaced it without a word.
// §4 holiday duty roster, as the department head: a shift entered by mistake
// could not be taken off (the API could).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { startGovmedia, tableRows } from "./lib/gm.mjs";

const W = { width: 1366, height: 768 };
let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("§6.1 the admin reads a year's holidays and 调休 days, loads next year from a file (a bad line named, nothing stored), and replacing a year asks first", async () => {
  const ad = await gm.pageAs("admin", "/calendar", W);
  await ad.locator("[data-test=calendar-years] .el-table__row").first().waitFor();
  // the shipped 2026: 国庆节 and its working Sunday, as people read them
  await ad.locator("[data-test=view-2026]").click();
  const view = ad.locator("[data-test=calendar-view]");
  await view.locator("[data-test=calendar-days] .el-table__row").first().waitFor();
  const days = await tableRows(ad, "[data-test=calendar-days]");
  assert.ok(days.some(r => r[0] === "2026-10-01 至 2026-10-07(7 天)" && r[1] === "放假" && r[2] === "国庆节"), JSON.stringify(days));
  assert.ok(days.some(r => r[0] === "2026-09-20(周日)" && r[1] === "调休上班"), JSON.stringify(days));
  assert.match(await view.innerText(), /随软件提供/);
  await gm.shots(ad, "calendar-2026");
  await view.locator(".el-dialog__headerbtn").click();

  // A bad date: named by its line, next to the file; nothing stored.
  await ad.locator("[data-test=calendar-year] input, input[data-test=calendar-year]").first().fill("2027");
  await ad.locator("textarea[data-test=calendar-text]").fill("year 2027\n2027-13-01 off 元旦\n");
  await ad.locator("[data-test=calendar-load]").click();
  const fieldError = ad.locator(".el-form-item__error");
  await fieldError.waitFor();
  assert.match(await fieldError.innerText(), /第 ?2 ?行/);
  assert.equal(await ad.locator("[data-test=calendar-years] .el-table__row", { hasText: "2027" }).count(), 0);

  // Read from a file: the year comes from its header; once loaded it is shown.
  const file = path.join(gm.dir, "2027.txt");
  writeFileSync(file, "# 2027 年安排(测试)\nyear 2027\n2027-01-01 off 元旦\n2027-02-06 work 春节调休上班(周六)\n2027-02-09..2027-02-15 off 春节\n");
  await ad.locator(".el-input-number__increase").click();   // 2028 (the default is next year)
  await ad.locator("input[type=file]").setInputFiles(file);
  // the file is read asynchronously: the year follows its header once read
  await ad.waitForFunction(() => document.querySelector(".el-input-number input")?.value === "2027");
  await ad.locator("[data-test=calendar-load]").click();
  await view.locator(".el-dialog__title", { hasText: "2027 年节假日与调休安排" }).waitFor();
  assert.deepEqual(await tableRows(ad, "[data-test=calendar-days]"), [
    ["2027-01-01(周五)", "放假", "元旦"],
    ["2027-02-06(周六)", "调休上班", "春节调休上班(周六)"],
    ["2027-02-09 至 2027-02-15(7 天)", "放假", "春节"]]);
  await view.locator(".el-dialog__headerbtn").click();
  const row = await tableRows(ad, "[data-test=calendar-years]");
  const y2027 = row.find(r => r[0] === "2027");
  assert.deepEqual([y2027[1], y2027[3]], ["已导入", "系统管理员"]);
  assert.match(y2027[2], /^\d{4}-\d\d-\d\d \d\d:\d\d/);
  await gm.shots(ad, "calendar-2027-loaded");

  // Loading 2026 again would replace the shipped year: asked first; 取消 keeps it.
  await ad.locator("[data-test=calendar-year] input, input[data-test=calendar-year]").first().fill("2026");
  await ad.locator("textarea[data-test=calendar-text]").fill("year 2026\n2026-01-01 off 元旦\n");
  await ad.locator("[data-test=calendar-load]").click();
  const box = ad.locator(".el-message-box");
  await box.waitFor();
  assert.match(await box.innerText(), /替换 2026 年工作日历[\s\S]*随软件提供/);
  await gm.shots(ad, "calendar-replace-asked");
  await box.locator(".el-button", { hasText: "取消" }).click();
  await box.waitFor({ state: "hidden" });
  const after2026 = (await tableRows(ad, "[data-test=calendar-years]")).find(r => r[0] === "2026");
  assert.equal(after2026[1], "随软件提供");
  gm.assertClean(ad);
});

test("§4.4 holiday duty: a leader entered by mistake is taken off after a confirmation, and the day shows its gap (无带班领导) again", async () => {
  const api = await gm.apiAs("depthead");
  await api.post("/duty", { unit_id: 4, day: "2026-12-05", person: "刘洋", leader: false, phone: "13900139000" });
  await api.post("/duty", { unit_id: 4, day: "2026-12-05", person: "王错填", leader: true });
  const page = await gm.pageAs("depthead", "/duty", W);
  const inputs = page.locator(".el-date-editor input");
  await inputs.nth(0).fill("2026-12-05");
  await inputs.nth(1).fill("2026-12-06");
  await inputs.nth(1).press("Enter");
  await gm.settle(page);
  const day = page.locator("[data-test=roster] .el-table__row", { hasText: "2026-12-05" });
  const wrong = day.locator("[data-test=shift]", { hasText: "王错填" });
  await wrong.waitFor();
  assert.equal(await day.locator("[data-test=shift]", { hasText: "刘洋" }).innerText(), "刘洋(13900139000)");
  await wrong.locator(".el-tag__close").click();
  const box = page.locator(".el-message-box");
  await box.waitFor();
  assert.match(await box.innerText(), /取消 王错填 2026-12-05 的带班/);
  // 保留 keeps it
  await box.locator(".el-button", { hasText: "保留" }).click();
  await box.waitFor({ state: "hidden" });
  assert.equal(await wrong.count(), 1);
  await wrong.locator(".el-tag__close").click();
  await box.locator(".el-button--primary").click();
  await wrong.waitFor({ state: "detached" });
  await day.locator(".el-tag", { hasText: "无带班领导" }).waitFor();
  await gm.shots(page, "duty-shift-removed");
  const left = await api.get("/duty?unit_id=4&from=2026-12-05&to=2026-12-05");
  assert.deepEqual(left.days[0].shifts.map(s => s.person), ["刘洋"]);
  assert.equal(left.days[0].gap, "no_leader");
  // the observer reads the roster but takes nothing off
  const ob = await gm.pageAs("observer", "/duty", W);
  await ob.locator("[data-test=roster]").waitFor();
  assert.equal(await ob.locator("[data-test=shift] .el-tag__close").count(), 0);
  gm.assertClean(page);
});

test("§4.4 §6.1 holiday duty roster: each day off names its holiday (国庆节, 中秋节) from the working calendar; a plain weekend says 周末, a shift put on a working day 工作日; the Excel export names them too", async () => {
  const api = await gm.apiAs("leader");
  await api.post("/duty", { unit_id: 4, day: "2026-10-09", person: "错排到工作日", leader: false });
  const page = await gm.pageAs("leader", "/duty", W);
  const inputs = page.locator(".el-date-editor input");
  await inputs.nth(0).fill("2026-09-25");
  await inputs.nth(1).fill("2026-10-11");
  await inputs.nth(1).press("Enter");
  await gm.settle(page);
  await page.locator("[data-test=roster] .el-table__row", { hasText: "2026-10-01" }).waitFor();
  const rows = await tableRows(page, "[data-test=roster]");
  const byDate = Object.fromEntries(rows.map(r => [r[0], r[2]]));
  assert.equal(byDate["2026-09-25"], "中秋节");
  for (const d of ["2026-10-01", "2026-10-04", "2026-10-07"]) assert.equal(byDate[d], "国庆节", d);
  assert.equal(byDate["2026-10-11"], "周末");
  assert.ok(!("2026-10-10" in byDate), "the 调休 Saturday is a working day, no duty");
  assert.equal(byDate["2026-10-09"], "工作日(非节假日)", "a shift put on a working day is shown as such, not as a holiday");
  await gm.shots(page, "duty-holiday-names");
  const r = await api.get("/duty?unit_id=4&from=2026-10-03&to=2026-10-03");
  assert.equal(r.days[0].holiday, "国庆节");
  gm.assertClean(page);
});
