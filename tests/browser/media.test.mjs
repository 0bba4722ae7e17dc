// §3 media rules, walked as an editor at 1366x768 (screenshots looked at):
// the rule (images JPEG 1–5 MB, video ≤ 500 MB in listed formats, checked
// from the file itself) had no place in the console at all; only the command
// line checked a file.  Now 合规检查 › 图片与视频检查: pick files, each is
// judged from its bytes for the chosen platform; a renamed PNG stays a PNG.
// Also: 快手, a platform accounts are opened on, made the text check fail
// (no preset).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia, tableRows, JPEG_HEAD, MP4_HEAD, MB } from "./lib/gm.mjs";

const W = { width: 1366, height: 768 };
let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

const JPEG = JPEG_HEAD;
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");

test("§3.6 media rules: the editor checks images for the portal website (门户网站): a 2 MB JPEG passes, a 6 MB one and a PNG renamed .jpg are refused with the reason", async () => {
  const ed = await gm.pageAs("contributor", "/check", W);
  await ed.locator("[data-test=check-platform]").click();
  await ed.locator(".el-select-dropdown__item:visible", { hasText: "门户网站" }).click();
  const card = ed.locator("[data-test=media-check]");
  assert.match(await card.innerText(), /按“门户网站”的规定检查格式和大小/);
  await ed.locator("[data-test=media-file]").setInputFiles([
    gm.fileOf("校园开放日.jpg", JPEG, 2 * MB), gm.fileOf("航拍大图.jpg", JPEG, 6 * MB), gm.fileOf("改了扩展名.jpg", PNG, 2 * MB)]);
  await card.locator("[data-test=media-rows] .el-table__row").nth(2).waitFor();
  const rows = await tableRows(ed, "[data-test=media-rows]");
  assert.deepEqual(rows[0].slice(0, 4), ["校园开放日.jpg", "JPEG 图像", "图片", "2.00 MB"]);
  assert.equal(rows[0][4], "符合要求");
  assert.deepEqual(rows[1].slice(0, 4), ["航拍大图.jpg", "JPEG 图像", "图片", "6.00 MB"]);
  assert.match(rows[1][4], /文件大小 6\.00 MB 不在允许范围 1\.00–5\.00 MB 内/);
  assert.deepEqual(rows[2].slice(0, 4), ["改了扩展名.jpg", "PNG 图像", "其他", "2.00 MB"]);
  assert.match(rows[2][4], /实际类型为 PNG 图像\(image\/png\)/);
  await gm.shots(ed, "media-website");
  gm.assertClean(ed);
});

test("§3.6 media rules: a 600 MB video is judged from its first bytes and its size, without uploading it; 快手 is a platform the check knows", async () => {
  const ed = await gm.pageAs("operator", "/check", W);
  await ed.locator("[data-test=check-platform]").click();
  await ed.locator(".el-select-dropdown__item:visible", { hasText: "快手" }).click();
  await ed.locator("textarea[data-test=check-text]").fill("本周校园开放日活动预告");
  await ed.locator("[data-test=check-run]").click();
  await ed.locator("[data-test=check-verdict]", { hasText: "未发现问题" }).waitFor();
  // a sparse 600 MB mp4 and a 20 MB one
  const mp4 = MP4_HEAD;
  const uploads = [];
  ed.on("request", r => { if (r.url().includes("/check/media")) uploads.push(r.postDataBuffer()?.length || 0); });
  await ed.locator("[data-test=media-file]").setInputFiles([gm.fileOf("宣传片.mp4", mp4, 600 * MB), gm.fileOf("短片.mp4", mp4, 20 * MB)]);
  const card = ed.locator("[data-test=media-check]");
  await card.locator("[data-test=media-rows] .el-table__row").nth(1).waitFor();
  const rows = await tableRows(ed, "[data-test=media-rows]");
  assert.deepEqual(rows[0].slice(0, 4), ["宣传片.mp4", "MPEG-4 视频", "视频", "600.00 MB"]);
  assert.match(rows[0][4], /不在允许范围/);
  assert.deepEqual(rows[1].slice(1, 5), ["MPEG-4 视频", "视频", "20.00 MB", "符合要求"]);
  assert.ok(uploads.every(n => n <= MB), `sent ${uploads}`);
  await gm.shots(ed, "media-video");
  gm.assertClean(ed);
});
