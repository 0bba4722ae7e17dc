// §4 public-opinion incidents (舆情), walked at 1366x768 (screenshots looked
// at): every manager saw 确认收到 even on an incident that notified nobody
// (the click said "nothing to acknowledge"); an acknowledgement taken by
// phone could only be recorded through the API; the inspector had no way
// from an incident to its audit trail.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia } from "./lib/gm.mjs";

const W = { width: 1366, height: 768 };
let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("§4.3 a 较大 incident notifies its chain: 确认收到 only for those notified, the department head records the leader's phone acknowledgement after confirming, and the inspector opens the incident's audit trail", async () => {
  const api = await gm.apiAs("depthead");
  const calm = await api.post("/incidents", { unit_id: 4, title: "网传某校放假安排有变", level: "一般" });
  const inc = await api.post("/incidents", { unit_id: 4, title: "某校食堂饭菜变质视频在网上传播", level: "较大" });
  assert.deepEqual(inc.notices.map(n => n.step), [1, 2]);

  // a 一般 incident notified nobody: nothing to confirm
  const head = await gm.pageAs("depthead", `/incidents/${calm.id}`, W);
  await head.locator("[data-test=level-tag]").waitFor();
  assert.equal(await head.locator("[data-test=ack]").count(), 0);

  await gm.open(head, `/incidents/${inc.id}`);
  await head.locator("[data-test=ack]").click();
  await head.locator("[data-test=ack]").waitFor({ state: "detached" });
  const rows = head.locator("[data-test=notices] .el-table__row");
  await rows.nth(0).locator(".el-tag", { hasText: "待确认" }).waitFor({ state: "detached" });
  assert.match(await rows.nth(0).innerText(), /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s*$/);
  // step 2 (the leader) confirmed by phone, recorded by the head after saying so
  await head.locator("[data-test=ack-step-2]").click();
  const box = head.locator(".el-message-box");
  await box.waitFor();
  assert.ok((await box.innerText()).includes("登记 分管副局长 赵强(第 2 步)已确认收到"), await box.innerText());
  await box.locator(".el-button--primary").click();
  await head.locator("[data-test=ack-step-2]").waitFor({ state: "detached" });
  await rows.nth(1).locator(".el-tag", { hasText: "待确认" }).waitFor({ state: "detached" });
  await gm.shots(head, "incident-acknowledged");
  gm.assertClean(head);

  // the principal (not notified at 较大) has nothing to confirm either
  const pr = await gm.pageAs("principal", `/incidents/${inc.id}`, W);
  await pr.locator("[data-test=level-tag]").waitFor();
  assert.equal(await pr.locator("[data-test=ack]").count(), 0);

  // the inspector: from the incident to its trail
  const ob = await gm.pageAs("observer", `/incidents/${inc.id}`, W);
  await ob.locator("[data-test=audit-link]").click();
  await ob.waitForURL(/\/audit\?/);
  await ob.locator("[data-test=audit-table] .el-table__row").first().waitFor();
  const actions = await ob.locator("[data-test=audit-table] .el-table__row").allInnerTexts();
  assert.equal(actions.filter(t => /确认舆情/.test(t)).length, 2, actions.join("\n"));
  assert.equal(actions.filter(t => /登记舆情事件/.test(t)).length, 1);
  assert.ok(actions.every(t => t.includes("某校食堂饭菜变质")), actions.join("\n"));
});
