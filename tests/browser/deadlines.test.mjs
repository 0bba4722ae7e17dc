// §6 working calendar, seen where deadlines are read (1366x768, screenshots
// looked at): deadlines in working days skip the National Day holiday
// (2026-10-01..07) and count its adjusted working Saturday (10-10), as the
// 2026 schedule shipped with the product says, and the console shows them in
// China time with what they are counted in.
//  - §1 a change of administrator on Tuesday 2026-09-29 is re-filed within
//    5 working days: 09-30, 10-08, 10-09, 10-10 (调休), 10-12;
//  - §4 a message received on 2026-09-30 16:00 is first answered within 4
//    working hours (the afternoon's last 1.5 h, then 10-08 from 09:00) and
//    answered within 5 working days (10-13).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia } from "./lib/gm.mjs";

const W = { width: 1366, height: 768 };
let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("§6.1 §1.4 re-filing after a change of administrator on 2026-09-29 is due 2026-10-12: the National Day holiday does not count, the 调休 Saturday does", async () => {
  const op = await gm.pageAs("operator", "/accounts/1", W);
  await op.locator("[data-test=action-changes]").click();
  const dlg = op.locator("[data-test=action-dialog]");
  await dlg.waitFor();
  const date = dlg.locator("input[name=date]");
  await date.fill("2026-09-29");
  await date.press("Enter");
  await dlg.locator("[data-test=person-admin] .el-switch").click();
  await dlg.locator("input[name='admin.name']").fill("王五");
  await dlg.locator("input[name='admin.title']").fill("科员");
  await dlg.locator("input[name='admin.office_phone']").fill("0571-87654323");
  await dlg.locator("input[name='admin.mobile']").fill("13700137000");
  await dlg.locator("[data-test=action-confirm]").click();
  await dlg.waitFor({ state: "hidden" });
  await gm.settle(op);
  const due = op.locator("[data-test=refiling-due]");
  assert.match(await due.innerText(), /^2026-10-12/);
  assert.match(await due.innerText(), /按工作日计算:节假日不计,调休上班日计入/, "the page says what the deadline is counted in");
  await gm.shots(op, "deadline-refiling-national-day");
  gm.assertClean(op);
});

test("§6.1 §4.2 a message received on 2026-09-30 16:00 (China time) is first answered by 10-08 11:30 and answered by 10-13 17:30: holidays are not working hours", async () => {
  const api = await gm.apiAs("contributor");
  const m = await api.post("/messages", { account_id: 1, kind: "consult", text: "国庆后开学时间是哪天?", from: "家长王女士", received_at: "2026-09-30T16:00:00" });
  const page = await gm.pageAs("contributor", `/messages/${m.id}`, W);
  const facts = page.locator(".el-descriptions");
  await facts.first().waitFor();
  const text = await page.locator(".main").innerText();
  assert.match(text, /收到时间\s*2026-09-30 16:00/);
  assert.match(text, /首次回应期限\s*2026-10-08 11:30/);
  assert.match(text, /答复期限\s*2026-10-13 17:30/);
  await gm.shots(page, "deadline-message-national-day");
  gm.assertClean(page);
});

// Found by bench/console/walk.mjs: an empty application asked “确认向信息中心提交
// “(未填名称)”的开设申请?” and only then was refused.
test("§1.1 an application with no account named is not confirmed but refused at once, naming what is missing; nothing is created", async () => {
  const api = await gm.apiAs("contributor");
  const before = (await api.get("/accounts")).accounts.length;
  const page = await gm.pageAs("contributor", "/accounts/apply", W);
  await page.locator("[data-test=apply-submit]").click();
  await page.locator(".el-form-item__error").first().waitFor();
  assert.equal(await page.locator(".el-message-box").count(), 0, "no question about an application that names nothing");
  assert.equal((await api.get("/accounts")).accounts.length, before);
  gm.assertClean(page);
});
