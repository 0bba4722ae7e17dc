// 账号: an application typed in the browser (a refusal keeps the form and
// names the field), approved by the supervisor, then opened, certified,
// given its QR code and filed by the operator, entirely in the console; the
// list's filters, paging and export; the detail's timeline and versions.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { startGovmedia } from "./lib/gm.mjs";
import { qrLikePng } from "./lib/png.mjs";

let gm, accountId;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

async function fill(page, name, value) {
  await page.locator(`[data-test=apply-form] [name="${name}"]`).fill(value);
}

async function confirmBox(page) {
  await page.locator(".el-message-box__btns .el-button--primary").click();
}

test("contributor applies with 《新媒体建设申请表》; a bad mobile number is named next to its field", async () => {
  const page = await gm.pageAs("contributor", "/accounts/apply");
  await fill(page, "name", "示范县教育头条");
  await page.locator("[data-test=platform]").click();
  await page.locator(".el-select-dropdown__item", { hasText: "头条号" }).click();
  await fill(page, "responsible.name", "陈刚");
  await fill(page, "responsible.title", "局长");
  await fill(page, "responsible.office_phone", "0571-87654321");
  await fill(page, "responsible.mobile", "13800138000");
  await fill(page, "admin.name", "刘洋");
  await fill(page, "admin.title", "科员");
  await fill(page, "admin.office_phone", "0571-87654322");
  await fill(page, "admin.mobile", "1390013");
  await fill(page, "purpose", "发布教育政务信息、招生政策解读");
  await gm.shots(page, "account-apply-contributor");
  await page.locator("[data-test=apply-submit]").click();
  await confirmBox(page);
  const err = page.locator(".el-form-item.is-error", { has: page.locator('[name="admin.mobile"]') });
  await err.locator(".el-form-item__error", { hasText: "手机号码" }).waitFor();
  assert.equal(await page.locator('[name="purpose"]').inputValue(), "发布教育政务信息、招生政策解读", "the form keeps what was typed");
  await gm.shots(page, "account-apply-refused");
  await fill(page, "admin.mobile", "13900139000");
  await page.locator("[data-test=apply-submit]").click();
  await confirmBox(page);
  await page.waitForURL(/\/accounts\/\d+$/);
  accountId = Number(/\/accounts\/(\d+)$/.exec(page.url())[1]);
  await page.locator("[data-test=account-state]", { hasText: "待审批" }).waitFor();
  assert.equal(await page.locator("[data-test=action-approve]").count(), 0, "a contributor is not offered approval");
  gm.assertClean(page);
});

test("supervisor approves the application from the list", async () => {
  const page = await gm.pageAs("supervisor", "/accounts?state=applied");
  await gm.shots(page, "accounts-list-supervisor-applied");
  await page.locator("[data-test=accounts-table] a", { hasText: "示范县教育头条" }).click();
  await page.locator("[data-test=action-approve]").click();
  await page.locator("[data-test=action-dialog] [name=note]").fill("同意开设");
  await page.locator("[data-test=action-confirm]").click();
  await page.locator("[data-test=account-state]", { hasText: "已批准" }).waitFor();
  assert.equal(await page.locator("[data-test=action-approve]").count(), 0);
  gm.assertClean(page);
});

test("operator opens, certifies, uploads the QR code and files the account", async () => {
  const page = await gm.pageAs("operator", `/accounts/${accountId}`);
  await page.locator("[data-test=action-open]").click();
  await page.locator("[data-test=action-dialog] [name=platform_account_id]").fill("sfxjy_toutiao");
  await page.locator("[data-test=action-confirm]").click();
  await page.locator("[data-test=account-state]", { hasText: "已开通" }).waitFor();
  await page.locator("[data-test=action-certify]").click();
  await page.locator("[data-test=action-confirm]").click();
  await page.locator("[data-test=account-state]", { hasText: "已认证" }).waitFor();
  await page.locator("[data-test=action-file]").click();
  await page.waitForURL(/\/file$/);
  await gm.settle(page);
  await page.locator("[data-test=file-form] textarea[name=introduction]").fill("示范县教育局官方头条号,发布教育政策与招生信息。");
  await page.locator("[data-test=file-form] [name=followers] input, [data-test=file-form] input[name=followers]").first().fill("320");
  // Filing without a QR code is refused and says so next to the QR cell.
  await page.locator("[data-test=file-submit]").click();
  await page.locator(".qr-cell .el-form-item__error", { hasText: "二维码" }).waitFor();
  const png = path.join(gm.dir, "qr.png");
  writeFileSync(png, qrLikePng(11));
  await page.locator(".qr-upload input[type=file]").setInputFiles(png);
  await page.locator("[data-test=qr-preview]").waitFor();
  await gm.shots(page, "account-file-operator");
  await page.locator("[data-test=file-submit]").click();
  await page.waitForURL(/\/accounts\/\d+$/);
  await page.locator("[data-test=account-state]", { hasText: "已备案" }).waitFor();
  const natural = await page.locator("[data-test=qr-image]").evaluate(img => img.complete && img.naturalWidth);
  assert.equal(natural, 84, "the stored QR image is shown");
  await gm.shots(page, "account-detail-operator");
  await page.getByRole("tab", { name: "办理记录" }).click();
  const steps = await page.locator("[data-test=timeline] strong").allTextContents();
  assert.deepEqual(steps, ["申请开设账号", "批准开设", "登记开通", "登记认证", "上传二维码", "备案登记"]);
  await gm.shots(page, "account-timeline");
  await page.getByRole("tab", { name: "历史版本" }).click();
  await page.locator("[data-test=versions] .el-button", { hasText: "查看前后对比" }).last().click();
  await page.locator(".el-dialog", { hasText: "关注人数" }).waitFor();
  await gm.shots(page, "account-version-diff");
  gm.assertClean(page);
});

test("account list: search, paging on the server, sort, forbidden actions hidden, export", async () => {
  const page = await gm.pageAs("observer", "/accounts");
  await page.locator("[data-test=accounts-table] .el-table__row").first().waitFor();
  await gm.shots(page, "accounts-list-observer");
  assert.equal(await page.getByRole("button", { name: "申请开设" }).count(), 0, "an observer cannot apply");
  await page.getByPlaceholder("搜索名称、单位").fill("不存在的账号名");
  await page.getByPlaceholder("搜索名称、单位").press("Enter");
  await page.locator(".empty-why", { hasText: "没有符合筛选条件的账号" }).waitFor();
  await page.getByPlaceholder("搜索名称、单位").fill("教育");
  await page.getByPlaceholder("搜索名称、单位").press("Enter");
  await page.waitForURL(/q=/);
  await gm.settle(page);
  const names = await page.locator("[data-test=accounts-table] .el-table__row td:nth-child(2)").allTextContents();
  assert.ok(names.length >= 2 && names.every(n => n.includes("教育")), `search result: ${names}`);
  // The filter lives in the URL: a reload keeps it.
  await page.reload();
  await gm.settle(page);
  assert.equal(await page.getByPlaceholder("搜索名称、单位").inputValue(), "教育");
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-test=export]").click()]);
  assert.match(download.suggestedFilename(), /^账号台账-\d{4}-\d\d-\d\d\.xlsx$/);
  const file = path.join(gm.dir, "export.xlsx");
  await download.saveAs(file);
  const head = (await import("node:fs")).readFileSync(file).subarray(0, 2).toString();
  assert.equal(head, "PK", "an xlsx file is a zip archive");
  const observer = await page.request.get(gm.base + `/api/v1/accounts/${accountId}`);
  assert.equal(observer.status(), 200);
  await gm.open(page, `/accounts/${accountId}`);
  assert.equal(await page.locator(".actions [data-test^=action-]").count(), 0, "an observer is offered no step");
  gm.assertClean(page);
});
