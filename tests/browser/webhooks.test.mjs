// 群机器人 in the console (系统管理 › 群机器人): before, a unit's WeCom/DingTalk
// robots could be set up only through the API; now the 信息中心 adds one to
// its unit, a bad address is named next to its field, a test message is
// queued, and the delivery list shows each message's state and the
// Idempotency-Key all its attempts carry (at-least-once delivery: a relay
// keeping the keys drops a repeat).  A robot switched off sends no test.
// Outcomes read back from the API; screenshots at 1366x768.
import { test, before, after } from "node:test";
import http from "node:http";
import assert from "node:assert/strict";
import { startGovmedia, tableRows } from "./lib/gm.mjs";
import { problems } from "./lib/look.mjs";

const W = { width: 1366, height: 768 };
let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("群机器人: the 信息中心 adds a WeCom robot (a bad address named at its field), queues a test message and reads its delivery with its idempotency key; switched off, it sends no test", async () => {
  const api = await gm.apiAs("supervisor");
  const page = await gm.pageAs("supervisor", "/webhooks", W);
  const card = page.locator("[data-test=webhooks]");
  await card.locator(".empty-why", { hasText: "还没有群机器人" }).waitFor();
  await card.locator("[data-test=webhook-add]").click();
  const dlg = page.locator(".el-dialog", { has: page.locator("[data-test=webhook-form]") });
  await dlg.locator("[data-test=webhook-name]").fill("信息中心值班群");
  await dlg.locator("[data-test=webhook-url]").fill("qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc");
  await dlg.locator("[data-test=webhook-save]").click();
  await dlg.locator(".el-form-item__error", { hasText: "https://" }).waitFor();   // named at 地址
  await dlg.locator("[data-test=webhook-url]").fill("http://127.0.0.1:9/cgi-bin/webhook/send?key=0123456789abcdef");
  await dlg.locator("[data-test=webhook-save]").click();
  await dlg.waitFor({ state: "hidden" });
  const rows = await tableRows(page, "[data-test=webhook-rows]");
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0].slice(0, 2), ["信息中心值班群", "企业微信"]);
  assert.ok(!rows[0][2].includes("0123456789abcdef"), `the address is shown masked: ${rows[0][2]}`);
  assert.equal(rows[0][3], "启用");

  await card.locator("[data-test=webhook-test]").click();
  await page.locator(".el-message", { hasText: "已排队" }).first().waitFor();
  await card.locator("[data-test=webhook-deliveries]").click();
  const drawer = page.locator("[data-test=webhook-delivery-drawer]");
  await drawer.locator("[data-test=idempotency-key]").first().waitFor();
  const shown = await drawer.locator("[data-test=idempotency-key]").allInnerTexts();
  const hooks = [];
  for (const u of (await api.get("/units")).units) {
    const r = await api.get(`/units/${u.id}/webhooks`).catch(() => null);
    for (const h of r?.webhooks || []) hooks.push({ unit: u.id, ...h });
  }
  assert.equal(hooks.length, 1, "one robot, on one unit");
  const deliveries = (await api.get(`/units/${hooks[0].unit}/webhooks/${hooks[0].id}/deliveries`)).deliveries;
  assert.deepEqual(shown, deliveries.map(d => d.idempotency_key));
  assert.match(shown[0], /^govmedia-\d+-\d{8}T\d{6}Z$/);
  const state = (await tableRows(page, "[data-test=webhook-delivery-rows]"))[0][1];
  assert.ok(["待发送", "已送达", "已放弃"].includes(state), state);
  await gm.shots(page, "webhook-deliveries");
  gm.assertClean(page);
  await page.keyboard.press("Escape");
  await drawer.waitFor({ state: "hidden" });

  // switched off: the test button goes grey, and the API says it is off
  await card.locator("[data-test=webhook-edit]").click();
  await dlg.locator(".el-switch").click();
  await dlg.locator("[data-test=webhook-save]").click();
  await dlg.waitFor({ state: "hidden" });
  await card.locator(".el-tag", { hasText: "停用" }).waitFor();
  assert.equal(await card.locator("[data-test=webhook-test]").isDisabled(), true);
  const after = (await api.get(`/units/${hooks[0].unit}/webhooks`)).webhooks;
  assert.deepEqual(after.map(h => [h.name, h.enabled]), [["信息中心值班群", false]]);
  await gm.shots(page, "webhooks");
  gm.assertClean(page);
});

test("群机器人: a robot nobody answers shows its 最近错误 in Chinese (by curl's error code, no English), and the 信息中心 deletes it after a confirmation naming the waiting message; the API and the audit agree", async () => {
  const api = await gm.apiAs("supervisor");
  const page = await gm.pageAs("supervisor", "/webhooks", W);
  const card = page.locator("[data-test=webhooks]");
  await card.locator("[data-test=webhook-rows]").waitFor();
  // the robot of the first test is on the supervisor's first unit; add a second there
  let unitId = null;
  for (const u of (await api.get("/units")).units) {
    const r = await api.get(`/units/${u.id}/webhooks`).catch(() => null);
    if (r && r.webhooks.length) { unitId = u.id; break; }
  }
  assert.ok(unitId, "the first test's robot is found");
  const added = (await api.post(`/units/${unitId}/webhooks`, { kind: "dingtalk", name: "无人应答的群",
    url: "http://127.0.0.1:9/robot/send?access_token=0123456789abcdef" })).webhooks;
  const hook = added.find(h => h.name === "无人应答的群");
  await api.post(`/units/${unitId}/webhooks/${hook.id}/test`);
  let listed;
  for (let i = 0; i < 100; i++) {
    listed = (await api.get(`/units/${unitId}/webhooks`)).webhooks.find(h => h.id === hook.id);
    if (listed.last_error) break;
    await page.waitForTimeout(200);
  }
  assert.match(listed.last_error || "", /^发送失败:无法连接机器人服务器.*错误码 7/, "curl's code 7 read in Chinese");
  assert.doesNotMatch(listed.last_error, /[A-Za-z]{3,}/, `no English words: ${listed.last_error}`);

  await page.reload();
  const row = card.locator("[data-test=webhook-rows] .el-table__body tr", { hasText: "无人应答的群" });
  await row.locator("[data-test=webhook-deliveries]").click();
  const drawer = page.locator("[data-test=webhook-delivery-drawer]");
  await drawer.locator("[data-test=delivery-error]", { hasText: "无法连接" }).first().waitFor();
  await page.waitForFunction(() => {   // the drawer has slid in
    const d = document.querySelector(".el-drawer");
    return d && d.getBoundingClientRect().right <= window.innerWidth + 1;
  });
  const shownError = (await drawer.locator("[data-test=delivery-error]").first().innerText()).trim();
  assert.equal(shownError, listed.last_error, "the whole error is shown, not cut off");
  assert.deepEqual(await problems(page, "投递记录"), []);
  await gm.shots(page, "webhook-delivery-error");
  await page.keyboard.press("Escape");
  await drawer.waitFor({ state: "hidden" });

  // delete: the confirmation names the waiting message; 取消 keeps the robot
  await row.locator("[data-test=webhook-delete]").click();
  const box = page.locator(".el-message-box", { hasText: "删除群机器人" });
  await box.locator(".el-message-box__message", { hasText: "1 条消息待发送" }).waitFor();
  assert.match(await box.locator(".el-message-box__message").innerText(), /“无人应答的群”/, "the confirmation names the robot");
  const confirmBtn = box.locator("button", { hasText: "删除" });
  assert.match(await confirmBtn.getAttribute("class"), /el-button--danger/, "删除 reads as danger (red), not primary blue");
  await gm.shots(page, "webhook-delete-confirm");
  await box.locator("button", { hasText: "取消" }).click();
  await box.waitFor({ state: "hidden" });
  assert.ok((await api.get(`/units/${unitId}/webhooks`)).webhooks.some(h => h.id === hook.id), "取消 keeps it");
  await row.locator("[data-test=webhook-delete]").click();
  await box.locator("button", { hasText: "删除" }).click();
  await page.locator(".el-message", { hasText: "已删除" }).first().waitFor();
  await row.waitFor({ state: "detached" });
  const left = (await api.get(`/units/${unitId}/webhooks`)).webhooks;
  assert.deepEqual(left.map(h => h.name), ["信息中心值班群"], "only the other robot is left");
  const audit = (await api.get("/audit?action=webhook.delete")).rows;
  assert.equal(audit.length, 1);
  assert.equal(audit[0].object_id, String(hook.id));
  assert.equal(JSON.parse(audit[0].before).pending_dropped, 1, audit[0].before);
  gm.assertClean(page);
});

test("群机器人: a robot that refuses a message (钉钉 310000, sign not match) - its code said in Chinese, its own words shown as 机器人返回 (verbatim), never as ours", async () => {
  const robot = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ errcode: 310000, errmsg: "sign not match" }));
    });
  });
  await new Promise(r => robot.listen(0, "127.0.0.1", r));
  try {
    const api = await gm.apiAs("supervisor");
    const unitId = (await api.get("/units")).units[0].id;
    const added = (await api.post(`/units/${unitId}/webhooks`, { kind: "dingtalk", name: "加签不符的群",
      url: `http://127.0.0.1:${robot.address().port}/robot/send?access_token=abcdef0123456789`, secret: "SECwrong-secret" })).webhooks;
    const hook = added.find(h => h.name === "加签不符的群");
    await api.post(`/units/${unitId}/webhooks/${hook.id}/test`);
    let listed;
    for (let i = 0; i < 100; i++) {
      listed = (await api.get(`/units/${unitId}/webhooks`)).webhooks.find(h => h.id === hook.id);
      if (listed.last_error) break;
      await new Promise(r => setTimeout(r, 200));
    }
    assert.equal(listed.last_error, "机器人拒收(错误码 310000):消息未通过机器人的安全设置(自定义关键词、加签密钥或 IP 地址段),请核对机器人的安全设置。机器人返回:sign not match");
    const page = await gm.pageAs("supervisor", "/webhooks", W);
    const row = page.locator("[data-test=webhook-rows] .el-table__body tr", { hasText: "加签不符的群" });
    await row.locator("[data-test=webhook-deliveries]").click();
    const err = page.locator("[data-test=webhook-delivery-drawer] [data-test=delivery-error]").first();
    await err.waitFor();
    await page.waitForFunction(() => {   // the drawer has slid in
      const d = document.querySelector(".el-drawer");
      return d && d.getBoundingClientRect().right <= window.innerWidth + 1;
    });
    assert.equal((await err.innerText()).trim(), listed.last_error);
    assert.equal(await err.locator("[data-verbatim]").innerText(), "sign not match", "the robot's words marked as its own");
    assert.deepEqual(await problems(page, "机器人拒收"), []);
    await gm.shots(page, "webhook-robot-refusal");
    await api.del(`/units/${unitId}/webhooks/${hook.id}`);
    gm.assertClean(page);
  } finally {
    robot.close();
  }
});
