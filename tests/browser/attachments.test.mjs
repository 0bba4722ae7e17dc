// §3 media rules on a post's own images and videos, walked at 1366x768
// (screenshots looked at).  Before: the editor could not attach anything;
// the media check was a separate tool and nothing tied a file to the draft
// it belonged to.  Now the files go with the draft: each is typed from its
// bytes and judged for every chosen platform while writing, a file the
// platform does not take blocks the submission (and is named in the
// findings as 附件“name”), reviewers download exactly what was submitted,
// and taking a stored file off asks first.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startGovmedia, tableRows, JPEG_HEAD, MP4_HEAD, MB } from "./lib/gm.mjs";

const W = { width: 1366, height: 768 };
let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

const JPEG = JPEG_HEAD;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

async function writeDraft(page, title) {
  await page.locator("[data-test=accounts] label", { hasText: "示范县教育发布" }).click();
  await page.locator("[data-test=title]").fill(title);
  await page.locator("[data-test=body]").fill("本周五下午在学校操场开展消防疏散演练,请各班主任提前组织学生熟悉疏散路线。");
  await page.locator("[data-test=check-summary]", { hasText: "未发现问题" }).waitFor();
}

test("§3.6 media rules: files picked while writing are judged per platform before the draft exists; a PDF named .jpg blocks submitting; the JPEG goes with the draft and the reviewer downloads it byte for byte", async () => {
  const ed = await gm.pageAs("contributor", "/posts/new", W);
  await writeDraft(ed, "消防疏散演练通知");
  const photo = gm.fileOf("演练现场.jpg", JPEG, 2 * MB), poster = gm.fileOf("海报.jpg", PDF, 200 * 1024);
  await ed.locator("[data-test=attachment-file]").setInputFiles([photo, poster]);
  const box = ed.locator("[data-test=attachments]");
  await box.locator("[data-test=attachment-bad]").waitFor();
  await box.locator("[data-test=attachment-ok]").waitFor();
  const rows = await tableRows(ed, "[data-test=attachment-rows]");
  assert.deepEqual(rows[0].slice(0, 4).map(c => c.replace(/\s+/g, " ")), ["演练现场.jpg 待上传", "JPEG 图像", "2.00 MB", "符合要求(微信公众号)"]);
  assert.equal(rows[1][1], "PDF 文档");
  assert.match(rows[1][3], /^微信公众号:文件实际类型为 PDF 文档\(application\/pdf\),不是该平台允许的图片或视频格式/);
  assert.equal(await ed.locator("[data-test=save-submit]").isDisabled(), true, "a file the platform refuses blocks submitting");
  await ed.locator("[data-test=attachments-blocked]").waitFor();   // and the summary says why
  // the green tag beside it speaks of the text only, and says so
  assert.equal(await ed.locator("[data-test=text-verdict]").innerText(), "文字未发现问题");
  await ed.locator("[data-test=attachments-ok]").waitFor({ state: "detached" });   // shown while only the JPEG was judged
  await gm.shots(ed, "attachments-editor-blocked");
  // the wrong file taken off (not stored yet: no question), the draft goes to review with the photo
  await box.locator("[data-test=attachment-rows] .el-table__row", { hasText: "海报.jpg" }).locator("[data-test=attachment-remove]").click();
  await ed.locator("[data-test=attachments-ok]", { hasText: "配图与视频符合平台要求" }).waitFor();
  assert.equal(await ed.locator("[data-test=attachments-blocked]").count(), 0);
  await ed.locator("[data-test=save-submit]:not([disabled])").click();
  await ed.locator("[data-test=post-state]", { hasText: "审核中" }).waitFor();
  const postId = Number(ed.url().match(/posts\/(\d+)/)[1]);
  await ed.locator("[data-test=attachment-rows] .el-table__row").first().waitFor();
  const shown = await tableRows(ed, "[data-test=attachment-rows]");
  assert.deepEqual(shown.map(r => r.slice(0, 4)), [["演练现场.jpg", "JPEG 图像", "2.00 MB", "符合要求(微信公众号)"]]);
  assert.equal(await ed.locator("[data-test=attachment-remove]").count(), 0, "nothing is taken off a post in review");
  assert.match(await ed.locator("[data-test=history]").innerText(), /添加附件/);
  gm.assertClean(ed);

  // the department head reviews: the file downloads as it was submitted
  const head = await gm.pageAs("depthead", `/posts/${postId}`, W);
  await head.locator("[data-test=attachment-download]").first().waitFor();
  const [dl] = await Promise.all([head.waitForEvent("download"), head.locator("[data-test=attachment-download]").first().click()]);
  assert.equal(dl.suggestedFilename(), "演练现场.jpg");
  assert.ok(readFileSync(await dl.path()).equals(readFileSync(photo)), "the downloaded file is the one submitted");
  await gm.shots(head, "attachments-review");
  gm.assertClean(head);
});

test("§3.6 media rules: a stored file a platform refuses stops the submission and is named in the findings (附件“name”); taking it off asks first and 保留 keeps it", async () => {
  const api = await gm.apiAs("contributor");
  const post = await api.post("/posts", { title: "校园开放日图片", body: "欢迎家长参加校园开放日活动。", account_ids: [1] });
  const ed = await gm.pageAs("contributor", `/posts/${post.id}/edit`, W);
  await ed.locator("[data-test=attachment-file]").setInputFiles([gm.fileOf("开放日海报.jpg", PDF, 100 * 1024)]);
  await ed.locator("[data-test=attachment-rows] [data-test=attachment-bad]").waitFor();
  assert.equal(await ed.locator("[data-test=attachment-rows] .el-tag", { hasText: "待上传" }).count(), 0, "a saved draft stores the file at once");
  // ticking another account re-judges the stored file for it before the draft is saved with it
  const douyin = ed.locator("[data-test=accounts] label", { hasText: "抖音" });
  await douyin.click();
  await ed.locator("[data-test=attachment-bad]", { hasText: /^抖音:文件实际类型为 PDF 文档/ }).waitFor();
  assert.equal(await ed.locator("[data-test=attachment-bad]").count(), 2);
  await gm.shots(ed, "attachments-rejudged");
  await douyin.click();   // back as saved
  await ed.locator("[data-test=attachment-bad]", { hasText: "抖音" }).waitFor({ state: "detached" });
  // submitted from the post's page anyway: refused, and the finding names the file
  await gm.open(ed, `/posts/${post.id}`);
  await ed.locator("[data-test=submit]").click();
  await ed.locator(".el-message--error, .el-notification", { hasText: /禁止发布/ }).first().waitFor();
  await gm.open(ed, `/posts/${post.id}`);
  assert.equal(await ed.locator("[data-test=post-state]").innerText(), "草稿");
  const places = await ed.locator("[data-test=findings] [data-test=finding-place]").allInnerTexts();
  assert.ok(places.includes("附件“开放日海报.jpg”"), JSON.stringify(places));
  const media = (await tableRows(ed, "[data-test=findings]")).find(r => r[1] === "媒体文件");
  assert.equal(media[3], "文件格式", "what is wrong, not a MIME code");
  assert.match(media[4], /PDF 文档/);
  await gm.shots(ed, "attachments-blocked-finding");
  // taken off in the editor: asked first, 保留 keeps it, 删除 takes it off
  await gm.open(ed, `/posts/${post.id}/edit`);
  const remove = ed.locator("[data-test=attachment-remove]");
  await remove.click();
  const boxMsg = ed.locator(".el-message-box");
  await boxMsg.waitFor();
  assert.match(await boxMsg.innerText(), /删除附件“开放日海报\.jpg”/);
  await boxMsg.locator(".el-button", { hasText: "保留" }).click();
  await boxMsg.waitFor({ state: "hidden" });
  assert.equal(await remove.count(), 1);
  await remove.click();
  await boxMsg.locator(".el-button--primary").click();
  await ed.locator("[data-test=attachments]", { hasText: "还没有配图或视频" }).waitFor();
  const left = await api.get(`/posts/${post.id}/attachments`);
  assert.deepEqual(left.attachments, []);
  gm.assertClean(ed);
});

test("§3.6 media rules: a 70 MB video goes up from the editor of a saved draft (the 64 MB cap is gone), is typed and judged and stored whole; one over 500 MB is refused in the browser naming the limit, nothing sent", async () => {
  const api = await gm.apiAs("contributor");
  const post = await api.post("/posts", { title: "消防演练录像", body: "本周五下午在学校操场开展消防疏散演练,现场录像见附件。", account_ids: [1] });
  const ed = await gm.pageAs("contributor", `/posts/${post.id}/edit`, W);
  const sent = [];
  ed.on("request", r => { if (r.method() === "POST" && r.url().includes("/attachments?")) sent.push(r.url()); });
  // over the limit: refused before a byte goes (a sparse file: nothing read)
  const huge = path.join(gm.dir, "全程录像.mp4");
  writeFileSync(huge, MP4_HEAD);
  truncateSync(huge, 501 * MB);
  await ed.locator("[data-test=attachment-file]").setInputFiles([huge]);
  await ed.locator(".el-message--error, .el-notification", { hasText: "全程录像.mp4 超过 500 MB" }).first().waitFor();
  assert.equal(sent.length, 0, "nothing sent");
  // 70 MB: up it goes, typed from its bytes and judged for WeChat
  await ed.locator("[data-test=attachment-file]").setInputFiles([gm.fileOf("演练录像.mp4", MP4_HEAD, 70 * MB)]);
  await ed.locator("[data-test=attachment-ok]").waitFor({ timeout: 120000 });
  const rows = await tableRows(ed, "[data-test=attachment-rows]");
  assert.deepEqual(rows.map(r => r.slice(0, 4)), [["演练录像.mp4", "MPEG-4 视频", "70.00 MB", "符合要求(微信公众号)"]]);
  assert.equal(sent.length, 1);
  assert.equal(await ed.locator("[data-test=attachment-progress]").count(), 0, "the progress line goes once the file is up");
  await gm.shots(ed, "attachments-video");
  gm.assertClean(ed);
  const stored = (await api.get(`/posts/${post.id}/attachments`)).attachments;
  assert.deepEqual(stored.map(a => [a.name, a.mime, a.bytes]), [["演练录像.mp4", "video/mp4", 70 * MB]]);
});
