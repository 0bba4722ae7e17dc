// 合规检查 and 审计日志 in the browser: findings underlined in the text, the
// masked text, the character counter; the audit log's chain verdict, filters
// and server paging.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia } from "./lib/gm.mjs";

let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("contributor: a spaced-out prohibited term is underlined; personal data is masked", async () => {
  const page = await gm.pageAs("contributor", "/check");
  await page.locator("[data-test=check-platform]").click();
  await page.locator(".el-select-dropdown__item", { hasText: "微博" }).click();
  await page.locator('textarea[name="text"]').fill("本店全 网 最 低 价,联系人电话13812345678");
  await page.locator("[data-test=check-run]").click();
  await page.locator("[data-test=check-verdict]", { hasText: "发现禁止发布的问题" }).waitFor();
  assert.equal(await page.locator("[data-test=marked-text] mark.block").first().textContent(), "全 网 最 低 价");
  assert.equal(await page.locator("[data-test=marked-text]").textContent(), "本店全 网 最 低 价,联系人电话13812345678");
  assert.match(await page.locator("[data-test=masked]").textContent(), /138\*\*\*\*5678/);
  assert.match(await page.locator("[data-test=counter]").textContent(), /28 字 \/ 上限 140 字/);
  await gm.shots(page, "check-contributor");
  gm.assertClean(page);
});

test("observer: intact audit chain, filters and paging on the server", async () => {
  const page = await gm.pageAs("observer", "/audit");
  await page.locator("[data-test=chain]", { hasText: "审计哈希链完整" }).waitFor();
  await page.locator("[data-test=audit-table] .el-table__row").first().waitFor();
  await gm.shots(page, "audit-observer");
  const total = Number(/共 (\d+) 条/.exec(await page.locator(".el-pagination__total").textContent())[1]);
  // The demo writes more than one page of rows, all within the province-level observer's reach.
  assert.ok(total > 20, `the observer sees every audit row of the demo, not one page (共 ${total} 条)`);
  // Paging on the server: page 1 is full, page 2 holds the rest.
  const rows = page.locator("[data-test=audit-table] .el-table__body-wrapper .el-table__row");
  assert.equal(await rows.count(), 20);
  await page.locator(".el-pagination .number", { hasText: "2" }).click();
  await gm.settle(page);
  assert.equal(await rows.count(), Math.min(20, total - 20), "page 2 shows the rows after the first 20");
  await page.locator("[data-test=audit-table] .el-table__expand-icon").first().click();
  await page.getByText("变更后").first().waitFor();
  await gm.shots(page, "audit-row-expanded");
  gm.assertClean(page);
});
