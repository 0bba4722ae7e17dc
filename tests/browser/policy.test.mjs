// 审核流程 and 发布权限 in the browser: the admin changes the education
// bureau's review chain on the units page, the 信息中心 withdraws an
// operator's right to publish on an account and grants it again; each
// outcome is read back from the API.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia } from "./lib/gm.mjs";

let gm, api, unit, account;
before(async () => {
  gm = await startGovmedia();
  api = await gm.apiAs("supervisor");
  unit = (await api.get("/units")).units.find(u => u.name.endsWith("教育局"));
  account = (await api.get(`/accounts?unit_id=${unit.id}`)).accounts.find(a => a.unit_id === unit.id && a.state !== "closed");
  assert.ok(unit && account, "the demo has the education bureau with an account");
});
after(async () => { await gm.stop(); });

async function pick(page, select, option) {
  await page.locator(`[data-test=${select}]`).click();
  await page.locator(".el-select-dropdown__item:visible", { hasText: option }).first().click();
}

test("admin sets the unit's review policy to three levels with 3 working days (审核流程)", async () => {
  const page = await gm.pageAs("admin", "/units");
  await page.locator("[data-test=unit-tree] .node").filter({ hasText: new RegExp(`^${unit.name}\\s`) }).first().click();
  await page.locator("[data-test=policy-levels]", { hasText: "部门负责人 → 分管领导" }).waitFor();
  await pick(page, "policy-preset", "三级审核");
  await page.locator("[data-test=policy-overdue] input").fill("3");
  await page.locator("[data-test=policy-save]").click();
  await page.locator("[data-test=policy-levels]", { hasText: "部门负责人 → 分管领导 → 主要负责人" }).waitFor();
  await page.locator("[data-test=policy-days]", { hasText: "3 个工作日" }).waitFor();
  await gm.shots(page, "units-review-policy-admin");
  const p = await api.get(`/units/${unit.id}/review-policy`);
  assert.equal(p.preset, "three_level");
  assert.deepEqual(p.levels, ["department_head", "leader", "principal"]);
  assert.equal(p.overdue_days, 3);
  gm.assertClean(page);
});

test("a unit's reviewer sees the policy without the editor", async () => {
  const page = await gm.pageAs("leader", "/units");
  await page.locator("[data-test=unit-tree] .node").filter({ hasText: new RegExp(`^${unit.name}\\s`) }).first().click();
  await page.locator("[data-test=policy-levels]", { hasText: "主要负责人" }).waitFor();
  assert.equal(await page.locator("[data-test=policy-save]").count(), 0, "only an admin edits the review policy");
  gm.assertClean(page);
});

test("supervisor withdraws and grants again an operator's right to publish (发布权限)", async () => {
  const page = await gm.pageAs("supervisor", `/accounts/${account.id}`);
  await page.locator(".el-tabs__item", { hasText: "发布权限" }).click();
  await page.locator("[data-test=publisher-remove-operator]").click();
  await page.locator(".el-message-box__btns .el-button--primary").click();
  await page.locator("[data-test=publishers] .empty-why").waitFor();
  let list = (await api.get(`/accounts/${account.id}/publishers`)).publishers;
  assert.equal(list.some(p => p.login === "operator"), false, "the grant is withdrawn");
  await pick(page, "publisher-user", "operator");
  await page.locator("[data-test=publisher-add]").click();
  await page.locator("[data-test=publisher-remove-operator]").waitFor();
  await gm.settle(page);
  await gm.shots(page, "account-publishers-supervisor");
  list = (await api.get(`/accounts/${account.id}/publishers`)).publishers;
  const mine = list.find(p => p.login === "operator");
  assert.ok(mine, "the grant is back");
  assert.equal(mine.granted_by, "supervisor");
  // 授权人 is shown by the name people know, not the login
  const row = page.locator("[data-test=publishers] .el-table__row", { hasText: mine.display_name });
  assert.match(await row.textContent(), /市信息中心 王主任/);
  // The audit log names both steps in Chinese.
  await gm.open(page, "/audit");
  await page.locator("[data-test=audit-table] .el-table__row", { hasText: "授予发布权限" }).first().waitFor();
  await page.locator("[data-test=audit-table] .el-table__row", { hasText: "收回发布权限" }).first().waitFor();
  gm.assertClean(page);
});

test("the operator sees the grants but may not change them", async () => {
  const page = await gm.pageAs("operator", `/accounts/${account.id}`);
  await page.locator(".el-tabs__item", { hasText: "发布权限" }).click();
  await page.locator("[data-test=publishers] .el-table__row", { hasText: "operator" }).waitFor();
  assert.equal(await page.locator("[data-test=publisher-add]").count(), 0);
  assert.equal(await page.locator("[data-test^=publisher-remove-]").count(), 0);
  gm.assertClean(page);
});
