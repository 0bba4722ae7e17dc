// §5 the audit log is tamper-evident, and the inspector sees where: someone
// with the database file drops the append-only trigger and backdates the
// record of an account's closing; the 审计日志 page turns red naming the row
// and what is wrong with it, says what to do, and shows that row's content.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { startGovmedia } from "./lib/gm.mjs";

let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("§5.4 a rewritten audit row breaks the chain: the inspector is told which row and why, and can read that row", async () => {
  const sup = await gm.apiAs("supervisor");
  await sup.post("/accounts/2/close", { reason: "长期不更新,予以注销", date: "2026-11-20" });
  const { rows } = await sup.get("/audit?action=account.close&page=1");
  const id = rows[0].id;
  const page = await gm.pageAs("observer", "/audit");
  await page.locator("[data-test=chain]", { hasText: "审计哈希链完整" }).waitFor();
  assert.equal(await page.locator("[data-test=chain-locate]").count(), 0);

  execFileSync("sqlite3", [gm.db, `DROP TRIGGER audit_no_update;
    UPDATE audit SET at = '2026-10-08T02:00:00Z' WHERE id = ${id};`]);

  await gm.open(page, "/audit");
  const alert = page.locator("[data-test=chain]");
  await alert.locator("[data-test=chain-locate]").waitFor();
  const text = await alert.innerText();
  assert.match(text, new RegExp(`审计哈希链异常:第 ${id} 条 — \\S+`));
  assert.match(text, new RegExp(`第 ${id} 条之前的 ${id - 1} 条记录完整`));
  assert.match(text, /请保全数据库文件/);
  await gm.shots(page, "audit-chain-broken");
  await alert.locator("[data-test=chain-locate]").click();
  const dlg = page.locator("[data-test=chain-row]");
  await dlg.locator("[data-test=audit-fields]").waitFor();
  const row = await dlg.innerText();
  assert.match(row, /注销/);
  assert.match(row, /账号“示范县教育局”/);
  assert.match(row, /2026-10-08 10:00/);   // what the row says now: the backdated time, in Beijing time
  await gm.shots(page, "audit-chain-broken-row");
  gm.assertClean(page);
});
