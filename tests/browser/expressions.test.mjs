// Expression findings in the console (issue 15 point 3): on the 合规检查 page
// and in the post editor, every expression finding of a text holding each
// category (a wrong official name, a broken formulation, an office-holder's
// wrong title, a 错别字) is underlined whole and, where it has a
// replacement, offers "apply the fix"; applying one changes exactly that
// span and checks again.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia } from "./lib/gm.mjs";

let gm, expected;
const TEXT = "中华人民共合国成立以来,各地深入开展扫黑险恶专项斗争。钱守正副市长出席会议,要求做好各项准备工座。";

before(async () => {
  gm = await startGovmedia();
  const admin = await gm.apiAs("admin");
  await admin.post("/admin/lists/officials", { add: [{ name: "钱守正", severity: "block", posts: [
    { title: "市长", unit: "示范市人民政府", from: "2021-06-01", to: "" }] }] });
  const rep = await (await gm.apiAs("contributor")).post("/check", { text: TEXT });
  expected = rep.findings.filter(f => f.rule === "expression");
  const cats = new Set(expected.map(f => f.category));
  for (const c of ["name", "formulation", "title", "typo"])
    assert.ok(cats.has(c), `the text has a ${c} finding: ${JSON.stringify(expected)}`);
});
after(async () => { await gm.stop(); });

// Every expected finding lies inside one underlined mark of the field, and
// every one with a replacement has its "apply the fix" button.
async function assertMarkedAndFixable(page, scope) {
  const marks = scope.locator("[data-test=finding-mark][data-rule~=expression]");
  await marks.first().waitFor();
  const marked = await marks.evaluateAll(ms => ms.map(m => ({ text: m.textContent,
    underline: getComputedStyle(m).textDecorationLine })));
  for (const m of marked) assert.match(m.underline, /underline/, JSON.stringify(m));
  const joined = marked.map(m => m.text).join("|");
  for (const f of expected) assert.ok(joined.includes(f.match), `「${f.match}」(${f.category}) is underlined: ${joined}`);
  const buttons = await page.locator("[data-test=apply-fix]").allTextContents();
  for (const f of expected.filter(f => f.replacement))
    assert.ok(buttons.some(b => b.includes(`改为「${f.replacement}」`)), `fix for ${f.category}: ${buttons}`);
  assert.equal(buttons.length, expected.filter(f => f.replacement).length);
}

test("合规检查 page: each expression finding is underlined and offers the fix", async () => {
  const page = await gm.pageAs("contributor", "/check");
  await page.locator("[data-test=check-text]").fill(TEXT);
  await page.locator("[data-test=check-run]").click();
  await page.locator("[data-test=check-verdict]").waitFor();
  await assertMarkedAndFixable(page, page.locator("[data-test=marked-text]"));
  await gm.shots(page, "check-expressions-contributor");
  await page.locator("[data-test=apply-fix]", { hasText: "改为「扫黑除恶」" }).click();
  await page.locator("[data-test=apply-fix]", { hasText: "改为「扫黑除恶」" }).waitFor({ state: "detached" });
  assert.equal(await page.locator("[data-test=check-text]").inputValue(), TEXT.replace("扫黑险恶", "扫黑除恶"));
  assert.equal(await page.locator("[data-test=apply-fix]").count(), expected.filter(f => f.replacement).length - 1);
  gm.assertClean(page);
});

test("post editor: each expression finding is underlined and offers the fix", async () => {
  const page = await gm.pageAs("contributor", "/posts/new");
  await page.locator("[data-test=accounts] label", { hasText: "示范县教育发布" }).click();
  await page.locator("[data-test=body]").fill(TEXT);
  await page.locator("[data-test=apply-fix]").first().waitFor();
  await assertMarkedAndFixable(page, page.locator("[data-test=finding-text]").last());
  await gm.shots(page, "post-edit-expressions-contributor");
  await page.locator("[data-test=apply-fix]", { hasText: "改为「市长」" }).click();
  await page.locator("[data-test=apply-fix]", { hasText: "改为「市长」" }).waitFor({ state: "detached" });
  assert.equal(await page.locator("[data-test=body]").inputValue(), TEXT.replace("副市长", "市长"));
  gm.assertClean(page);
});
