// 监测与考核 as the information centre works them: the activity page keeps
// its check date and status filter in the URL and leads from a zombie account
// to its 注销 dialog; the yearly assessment's indicators and weights are set
// per unit in the console, with likes and reads barred for a government
// unit, and the score follows the new scheme.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia } from "./lib/gm.mjs";

let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("§4.1 monitoring: date and filter stay in the URL; a zombie account leads the 信息中心 to its 注销 dialog, and back shows the list as left", async () => {
  const page = await gm.pageAs("supervisor", "/reports/activity?as_of=2026-10-15&status=veto");
  assert.equal((await page.locator("[data-test=status-filter] .is-active").textContent()).trim(), "单项否决");
  assert.equal(await page.locator("[data-test=as-of] input").inputValue(), "2026-10-15");
  await page.locator("[data-test=status-filter] label", { hasText: "僵尸账号" }).click();
  await page.waitForURL(/status=zombie/);
  assert.match(page.url(), /as_of=2026-10-15/);
  const row = page.locator("[data-test=activity-table] .el-table__row", { has: page.locator("[data-test=zombie-actions]") }).first();
  await row.waitFor();
  const name = (await row.locator("a").first().textContent()).trim();
  await gm.shots(page, "monitoring-zombie-supervisor");
  await row.locator("[data-test=zombie-actions] a", { hasText: "注销" }).click();
  const dialog = page.locator("[data-test=action-dialog]");
  await dialog.waitFor();
  assert.match(await page.locator(".el-dialog__title").textContent(), new RegExp(`注销:${name}`));
  assert.match(await dialog.textContent(), /注销后账号不能再发布信息/);
  assert.doesNotMatch(page.url(), /action=/);
  await gm.shots(page, "monitoring-zombie-close-dialog");
  // a missing reason is named in the dialog, which stays open
  await dialog.locator("[data-test=action-confirm]").click();
  await dialog.locator(".el-form-item__error").first().waitFor();
  await dialog.locator("textarea[name=reason]").fill("超过 3 个月未更新,按清理整合要求注销");
  await dialog.locator("input[name=date]").fill("2026-11-24");
  await dialog.locator("input[name=date]").press("Enter");
  await dialog.locator("[data-test=action-confirm]").click();
  await page.locator("[data-test=account-state]", { hasText: "已注销" }).waitFor();
  await page.goBack();
  await gm.settle(page);
  assert.equal((await page.locator("[data-test=status-filter] .is-active").textContent()).trim(), "僵尸账号");
  assert.equal(await page.locator("[data-test=activity-table] .el-table__row", { hasText: name }).count(), 0);
  gm.assertClean(page);
  // someone who may not close accounts gets no such link
  const op = await gm.pageAs("operator", "/reports/activity?status=zombie");
  assert.equal(await op.locator("[data-test=zombie-actions]").count(), 0);
  gm.assertClean(op);
});

test("§5.2 the 信息中心 sets a unit's assessment indicators and weights; likes are barred for a government unit; the score follows", async () => {
  const page = await gm.pageAs("supervisor", "/reports/assessment");
  const unit = page.locator("[data-test=assessment-unit]", { hasText: "示范县教育局" }).first();
  await unit.locator("[data-test=grade]").waitFor();
  assert.match(await unit.locator("[data-test=scheme-source]").textContent(), /国家标准方案/);
  const before = await unit.locator(".el-table__body .el-table__row").count();
  await unit.locator("[data-test=edit-scheme]").click();
  const dlg = page.locator("[data-test=scheme-dialog]");
  await dlg.locator("[data-test=scheme-table] .el-table__row").first().waitFor();
  // 点赞量 and 阅读量 cannot be picked for a government unit, and the dialog says why
  assert.equal(await dlg.locator("[data-test=scheme-on-likes]").count(), 0);
  assert.match(await dlg.locator("[data-test=scheme-barred]").textContent(), /阅读量、点赞量、关注数、转发量、阅读时长:政府机关不得作为考核依据/);
  assert.match(await dlg.locator("[data-test=scheme-sum]").textContent(), /计分项合计 100 分/);
  await gm.shots(page, "assessment-scheme-dialog");
  // nothing chosen: said in the dialog, nothing saved
  for (const code of ["veto_security", "veto_inactivity", "veto_interaction", "timeliness", "originality", "replies", "consolidation", "originals_bonus"])
    await dlg.locator(`[data-test=scheme-on-${code}]`).click();
  await dlg.locator("[data-test=scheme-save]").click();
  assert.match(await dlg.locator("[data-test=scheme-form-error]").textContent(), /至少选择一项指标/);
  // the unit's own scheme: the 2-week veto, timeliness 60, originality 40
  for (const code of ["veto_inactivity", "timeliness", "originality"]) await dlg.locator(`[data-test=scheme-on-${code}]`).click();
  await dlg.locator("[data-test=scheme-weight-timeliness] input").fill("60");
  await dlg.locator("[data-test=scheme-weight-originality] input").fill("40");
  await dlg.locator("[data-test=scheme-weight-originality] input").blur();
  assert.match(await dlg.locator("[data-test=scheme-sum]").textContent(), /计分项合计 100 分,加分项 0 分/);
  await dlg.locator("[data-test=scheme-save]").click();
  await page.locator(".el-message--success", { hasText: "已保存考核方案" }).waitFor();
  await gm.settle(page);
  assert.match(await unit.locator("[data-test=scheme-source]").textContent(), /本单位方案/);
  const labels = await unit.locator(".el-table__body .el-table__row td:nth-child(2)").allTextContents();
  assert.deepEqual(labels.map(s => s.trim()), ["内容更新:两周未更新(单项否决)", "更新及时", "原创比例(原创占比达 50% 得满分)"]);
  assert.notEqual(before, labels.length);
  await gm.shots(page, "assessment-scheme-saved");
  // the year is kept in the URL: a refresh shows the year picked
  await page.locator("[data-test=year]").click();
  await page.locator(".el-select-dropdown__item", { hasText: "2025 年" }).click();
  await page.waitForURL(/year=2025/);
  await page.reload();
  await gm.settle(page);
  assert.match(await page.locator("[data-test=year]").innerText(), /2025 年/);
  assert.match(await page.locator("[data-test=assessment-unit]").first().innerText(), /国家标准方案/); // 2025 keeps the preset
  gm.assertClean(page);
});
