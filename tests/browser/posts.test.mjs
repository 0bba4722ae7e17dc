// 信息发布: a draft typed in the editor is checked live (a repost without a
// source is underlined and blocks submission), saved and submitted; the
// department head finds it in 待我审核 through the bell and approves, the
// leader approves with the confidentiality review, the operator publishes;
// the archive finds it by Chinese full text and the history shows each step;
// an expression finding (扫黑险恶) is fixed in the editor with one click.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia } from "./lib/gm.mjs";

let gm, postId;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

async function pickAccount(page) {
  await page.locator("[data-test=accounts] label", { hasText: "示范县教育发布" }).click();
}

test("contributor writes a draft; the live check blocks a repost without its source", async () => {
  const page = await gm.pageAs("contributor", "/posts/new");
  await pickAccount(page);
  await page.locator("[data-test=title]").fill("关于秋季学期学生资助政策的解读");
  await page.locator("[data-test=body]").fill("家庭经济困难学生可申请国家助学金,请各校做好宣传。");
  await page.locator("[data-test=kind-repost]").click();
  await page.locator("[data-test=check-summary]", { hasText: "禁止发布" }).waitFor();
  assert.equal(await page.locator("[data-test=save-submit]").isDisabled(), true);
  await gm.shots(page, "post-editor-blocked");
  await page.locator("label", { hasText: "原创" }).click();
  await page.locator("[data-test=check-summary]", { hasText: "未发现问题" }).waitFor();
  await page.locator("[data-test=save-submit]").click();
  await page.locator("[data-test=post-state]", { hasText: "审核中" }).waitFor();
  postId = Number(page.url().match(/posts\/(\d+)/)[1]);
  await gm.shots(page, "post-submitted");
  gm.assertClean(page);
});

test("department head sees the bell, finds it in 待我审核 and approves", async () => {
  const page = await gm.pageAs("depthead", "/");
  await page.locator("[data-test=bell] .el-badge__content", { hasText: /\d/ }).waitFor();
  await gm.open(page, "/posts?tab=queue");
  await page.locator("[data-test=posts] [data-test=post-title]", { hasText: "学生资助" }).click();
  await page.locator("[data-test=approve]").click();
  await page.locator("[data-test=approve-note]").fill("同意发布");
  await page.locator("[data-test=do-approve]").click();
  await page.locator("[data-test=post-level]", { hasText: "第 2 级" }).waitFor();
  gm.assertClean(page);
});

test("leader must confirm the confidentiality review, then the operator publishes", async () => {
  const page = await gm.pageAs("leader", `/posts/${postId}`);
  await page.locator("[data-test=approve]").click();
  await page.locator("[data-test=do-approve]").click();
  await page.locator(".el-form-item__error", { hasText: "保密" }).waitFor();
  await page.locator("[data-test=confidentiality]").click();
  await page.locator("[data-test=do-approve]").click();
  await page.locator("[data-test=post-state]", { hasText: "已审核待发布" }).waitFor();
  const op = await gm.pageAs("operator", `/posts/${postId}`);
  await op.locator("[data-test=publish]").click();
  await op.locator("[data-test=publish-url]").fill("https://mp.weixin.qq.com/s/browser-test");
  await op.locator("[data-test=do-publish]").click();
  await op.locator("[data-test=post-state]", { hasText: "已发布" }).waitFor();
  await op.locator("[data-test=publications]").waitFor();
  const history = await op.locator("[data-test=history]").innerText();
  for (const step of ["起草", "提交审核", "审核通过", "发布", "已确认保密审查"])
    assert.ok(history.includes(step), `history lacks ${step}`);
  await gm.shots(op, "post-published");
  gm.assertClean(op);
});

test("the archive finds the post by Chinese full text; observers read but do not write", async () => {
  const page = await gm.pageAs("observer", "/posts");
  await page.locator("[data-test=search]").fill("国家助学金");
  await page.locator("[data-test=search]").press("Enter");
  await page.locator("[data-test=posts] [data-test=post-title]", { hasText: "学生资助" }).waitFor();
  assert.equal(await page.locator("[data-test=new-post]").count(), 0);
  await page.locator("[data-test=search]").fill("没有这样的文字");
  await page.locator("[data-test=search]").press("Enter");
  await page.locator(".empty-why", { hasText: "没有标题或正文包含" }).waitFor();
  await gm.shots(page, "post-archive-observer");
  gm.assertClean(page);
});

test("expression findings offer the fix: 扫黑险恶 becomes 扫黑除恶 in the editor", async () => {
  const page = await gm.pageAs("contributor", "/posts/new");
  await pickAccount(page);
  await page.locator("[data-test=body]").fill("我县深入推进扫黑险恶常态化工作。");
  await page.locator("[data-test=apply-fix]", { hasText: "扫黑除恶" }).click();
  assert.equal(await page.locator("[data-test=body]").inputValue(), "我县深入推进扫黑除恶常态化工作。");
  await page.locator("[data-test=check-summary]", { hasText: "未发现问题" }).waitFor();
  gm.assertClean(page);
});
