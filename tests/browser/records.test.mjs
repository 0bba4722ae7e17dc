// Records a person reads after the fact, walked at 1366x768 (screenshots
// looked at), rule by rule:
//  §5 accountability: an account step's audit row holds parts with fields of
//     their own (closing: {reason, date, by, at}); the log showed each part
//     as one JSON cell.  Now one labelled line per field (注销 · 原因), times
//     in China time, the person by name; the date range no longer stretches
//     across the filter row.
//  §1 a closed account's page still showed 备案期限 / 重新备案期限.
//  §5 weekly statistics: reads / likes / comments come from the platforms'
//     exports, which only the API could import.  Now 监测与报表 › 发布数据导入
//     (and 导入发布数据 on the account): upload, every row with its outcome,
//     a refusal naming its line with nothing imported, a re-import updating
//     the counts, and the weekly statistics summing them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { startGovmedia, tableRows } from "./lib/gm.mjs";

const W = { width: 1366, height: 768 };
let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("§5.4 accountability: a closing's audit row reads field by field (注销 · 原因, 注销 · 日期, who by name, China time); §1.7 the closed account shows its closing day instead of filing deadlines", async () => {
  const sup = await gm.apiAs("supervisor");
  await sup.post("/accounts/2/close", { reason: "长期不更新,予以注销", date: "2026-11-20" });

  const ob = await gm.pageAs("observer", "/audit?action=account.close", W);
  await ob.locator("[data-test=audit-table] .el-table__row").first().waitFor();
  // the date range keeps to its two dates on a 1366 screen
  const box = await ob.locator(".toolbar .el-date-editor").boundingBox();
  assert.ok(box.width < 300, `date range ${box.width}px wide`);
  await ob.locator("[data-test=audit-table] .el-table__expand-icon").first().click();
  const fields = ob.locator("[data-test=audit-fields]").first();
  await fields.waitFor();
  const rows = await tableRows(ob, "[data-test=audit-fields]");
  const byField = Object.fromEntries(rows.map(r => [r[0], r.slice(1)]));
  assert.deepEqual(byField["注销 · 原因"], ["", "长期不更新,予以注销"]);
  assert.deepEqual(byField["注销 · 日期"], ["", "2026-11-20"]);
  assert.deepEqual(byField["注销 · 办理人"], ["", "市信息中心 王主任"]);
  assert.match(byField["注销 · 办理时间"][1], /^\d{4}-\d\d-\d\d \d\d:\d\d/);
  assert.equal(byField["状态"][1], "已注销");
  const text = await fields.innerText();
  assert.doesNotMatch(text, /[{}"]|\d\dT\d\d|Z\b/, "no JSON, no UTC time in the fields");
  await gm.shots(ob, "records-audit-closing");
  gm.assertClean(ob);

  // The closed account: its closing day, no filing deadlines.
  const sp = await gm.pageAs("supervisor", "/accounts/2", W);
  await sp.locator("[data-test=account-state]", { hasText: "已注销" }).waitFor();
  const head = await sp.locator(".page-card .el-descriptions").first().innerText();
  assert.doesNotMatch(head, /备案期限/);
  assert.equal(await sp.locator("[data-test=ended-on]").innerText(), "2026-11-20");
  await gm.shots(sp, "records-account-closed");
  gm.assertClean(sp);
});

test("§5.1 weekly statistics: the operator imports the platform's export (reads, likes, comments), sees every row's outcome, a bad row is refused by its line with nothing imported, a re-import updates the counts", async () => {
  const op = await gm.pageAs("operator", "/accounts/1", W);
  await op.locator("[data-test=more]").click();
  await op.locator("[data-test=import-publications]").click();
  await op.waitForURL(/\/reports\/publications\?account=1$/);
  await op.locator("[data-test=import-account]", { hasText: "示范县教育发布" }).waitFor();
  assert.match(await op.locator(".side-menu .el-menu-item.is-active").innerText(), /发布数据导入/);

  const file = (name, text) => { const p = path.join(gm.dir, name); writeFileSync(p, text); return p; };
  const first = "published_at,title,url,kind,reads,likes,comments\n" +
    "2026-11-17 09:00,关于开展冬季校园安全检查的通知,https://mp.weixin.qq.com/s/rec-a,原创,1500,41,6\n" +
    "2026-11-18,转发:省教育厅关于寒假安排的通知,https://mp.weixin.qq.com/s/rec-b,转载,950,,\n";
  await op.locator("[data-test=import-file]").setInputFiles(file("第一周.csv", first));
  assert.equal(await op.locator("[data-test=file-name]").innerText(), "第一周.csv");
  await op.locator("[data-test=do-import]").click();
  await op.locator("[data-test=import-summary]", { hasText: "新导入 2 条" }).waitFor();
  let rows = await tableRows(op, "[data-test=import-rows]");
  assert.equal(rows.length, 2);
  assert.deepEqual(rows[0].slice(0, 2), ["2", "2026-11-17 09:00:00"]);
  assert.deepEqual(rows[0].slice(3), ["原创", "1500", "41", "6", "新导入"]);
  assert.deepEqual(rows[1].slice(3), ["转载", "950", "—", "—", "新导入"]);
  await gm.shots(op, "records-import-done");

  // A bad count on line 3: refused by its line, nothing imported.
  const bad = "published_at,title,url,kind,reads\n" +
    "2026-11-19,关于表彰优秀教师的决定,https://mp.weixin.qq.com/s/rec-c,原创,300\n" +
    "2026-11-20,关于召开家长会的通知,https://mp.weixin.qq.com/s/rec-d,原创,很多\n";
  await op.locator("[data-test=import-file]").setInputFiles(file("有误.csv", bad));
  await op.locator("[data-test=do-import]").click();
  const refused = op.locator("[data-test=import-refused]");
  await refused.waitFor();
  assert.match(await refused.innerText(), /“有误\.csv”未导入:第 3 行[\s\S]*没有任何一行被导入/);
  assert.equal(await op.locator("[data-test=import-result]").count(), 0);
  // seen without scrolling, and the corrected file can be picked again
  const seen = await refused.boundingBox();
  assert.ok(seen.y >= 0 && seen.y + seen.height <= W.height, `refusal at y=${seen.y}`);
  assert.equal(await op.locator("[data-test=file-name]").innerText(), "未选择文件");
  await gm.shots(op, "records-import-refused");

  // The next week's export again, with grown counts: updated, not added.
  const again = "published_at,title,url,kind,reads,likes,comments\n" +
    "2026-11-17 09:00,关于开展冬季校园安全检查的通知,https://mp.weixin.qq.com/s/rec-a,原创,2100,60,9\n" +
    "2026-11-18,转发:省教育厅关于寒假安排的通知,https://mp.weixin.qq.com/s/rec-b,转载,,,\n";
  await op.locator("[data-test=import-file]").setInputFiles(file("第二周.csv", again));
  await op.locator("[data-test=do-import]").click();
  await op.locator("[data-test=import-summary]", { hasText: "新导入 0 条,更新阅读等数据 1 条,已有未变跳过 1 条" }).waitFor();
  rows = await tableRows(op, "[data-test=import-rows]");
  assert.deepEqual(rows.map(r => r.at(-1)), ["已有,更新了数据", "已有,跳过"]);
  gm.assertClean(op);

  // The weekly statistics sum what was imported (rec-c never was).
  const api = await gm.apiAs("supervisor");
  const week = await api.get("/reports/weekly?as_of=2026-11-18");
  const acc = week.accounts.find(a => a.account_id === 1);
  assert.ok(acc.reads >= 2100 + 950, `reads ${acc.reads}`);
  const pubs = await api.get("/audit?action=publication.import&page=1");
  assert.equal(pubs.rows.length, 2, "two imports recorded, the refused one not");
});
