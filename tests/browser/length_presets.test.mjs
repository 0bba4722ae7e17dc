// 字数规则 (REQUIREMENTS §3.3) in the browser: the post editor counts the text
// with its title against the house rule (微信 680 含标题) by default; the admin
// switches the education bureau to the platform's own limits (平台规定) on the
// units page, and the editor then counts text, title and summary against 600,
// 64 and 120, marks the summary over its limit and the live check blocks it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia } from "./lib/gm.mjs";

let gm, api, unit;
before(async () => {
  gm = await startGovmedia();
  api = await gm.apiAs("admin");
  unit = (await api.get("/units")).units.find(u => u.name.endsWith("教育局"));
  assert.ok(unit, "the demo has the education bureau");
});
after(async () => { await gm.stop(); });

async function draft(page, summary) {
  await page.locator("[data-test=accounts] label", { hasText: "示范县教育发布" }).click();
  await page.locator("[data-test=title]").fill("关于秋季学期学生资助政策的解读");
  await page.locator("[data-test=summary]").fill(summary);
  await page.locator("[data-test=body]").fill("家庭经济困难学生可申请国家助学金,请各校做好宣传。");
}

test("§3.3 the editor counts the text with its title against the house rule by default", async () => {
  const page = await gm.pageAs("contributor", "/posts/new");
  await draft(page, "资助政策解读");
  const text = page.locator("[data-test=count-wechat-text]");
  await text.waitFor();
  const title = "关于秋季学期学生资助政策的解读", body = "家庭经济困难学生可申请国家助学金,请各校做好宣传。";
  assert.equal((await text.textContent()).trim(), `正文含标题 ${Array.from(title + body).length} / 680`);
  assert.equal(await page.locator("[data-test=count-wechat-summary]").count(), 0, "the house rule has no summary limit");
  await page.locator("[data-test=length-counts]", { hasText: "本单位规定" }).waitFor();
  gm.assertClean(page);
});

test("§3.3 the admin chooses the platform preset; the editor counts each field and blocks a long summary", async () => {
  const admin = await gm.pageAs("admin", "/units");
  await admin.locator("[data-test=unit-tree] .node").filter({ hasText: new RegExp(`^${unit.name}\\s`) }).first().click();
  await admin.locator("[data-test=policy-length]", { hasText: "本单位规定" }).waitFor();
  await admin.locator("[data-test=policy-length-preset] label", { hasText: "平台规定" }).click();
  await admin.locator("[data-test=policy-save]").click();
  await admin.locator("[data-test=policy-length]", { hasText: "平台规定" }).waitFor();
  assert.equal((await api.get(`/units/${unit.id}/review-policy`)).length_preset, "platform");
  gm.assertClean(admin);

  const page = await gm.pageAs("contributor", "/posts/new");
  await draft(page, "摘".repeat(121));
  const summary = page.locator("[data-test=count-wechat-summary]");
  await summary.waitFor();
  assert.equal((await summary.textContent()).trim(), "摘要 121 / 120");
  assert.match(await summary.getAttribute("class"), /over/);
  assert.equal((await page.locator("[data-test=count-wechat-title]").textContent()).trim(), "标题 15 / 64");
  await page.locator("[data-test=count-wechat-text]", { hasText: "/ 600" }).waitFor();
  await page.locator("[data-test=check-summary]", { hasText: "禁止发布" }).waitFor();
  assert.equal(await page.locator("[data-test=save-submit]").isDisabled(), true);
  await gm.shots(page, "post-editor-length-platform");
  gm.assertClean(page);
});
