// What a user sees of the console's frame and its names for things: at a
// phone's width the menu folds to its icons and no page is wider than the
// screen; a refused page names the page by its Chinese title, not its URL;
// the audit trail names every action and object type in Chinese (messages,
// incidents, duty and meetings included), never by its code.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { startGovmedia, SHOT_DIR } from "./lib/gm.mjs";

const PHONE = { width: 390, height: 844 };
let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("phone width: menu folded, header and pages no wider than the screen", async () => {
  const page = await gm.pageAs("supervisor", "/", PHONE);
  for (const p of ["/", "/accounts", "/posts", "/messages", "/reports/activity", "/audit", "/notifications"]) {
    await gm.open(page, p);
    assert.equal(await page.locator(".side-menu.el-menu--collapse").count(), 1, `menu folded on ${p}`);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(over <= 0, `${p} is ${over}px wider than a phone's screen`);
    const bell = await page.locator(".header-right").boundingBox();
    assert.ok(bell.x + bell.width <= PHONE.width, `${p}: header runs off the screen`);
    await page.screenshot({ path: path.join(SHOT_DIR, `phone${p === "/" ? "_home" : p.replace(/\//g, "_")}-390.png`), fullPage: true });
  }
  // The wide screen keeps the open menu.
  const wide = await gm.pageAs("supervisor", "/");
  assert.equal(await wide.locator(".side-menu.el-menu--collapse").count(), 0);
  gm.assertClean(page);
});

test("a refused page names the page by its title, not its URL", async () => {
  const page = await gm.pageAs("contributor", "/recheck");
  const msg = await page.locator("[data-test=forbidden]").textContent();
  assert.match(msg, /“回溯检查”/);
  assert.doesNotMatch(msg, /\/recheck/);
  await gm.open(page, "/accounts/1/file");
  assert.match(await page.locator("[data-test=forbidden]").textContent(), /“备案登记”/);
  gm.assertClean(page);
});

test("audit trail: every action of the interaction pages has a Chinese name", async () => {
  const contributor = await gm.apiAs("contributor");
  const msg = await contributor.post("/messages", { account_id: 1, kind: "consult", text: "审计标签测试留言", from: "网民",
    received_at: "2026-11-20T09:00:00+08:00" });
  const head = await gm.apiAs("depthead");
  await head.post(`/messages/${msg.id}/ack`, { text: "您好,已收到。" });
  await head.post("/incidents", { message_id: msg.id, level: "一般", text: "审计标签测试" });
  await head.post("/duty", { unit_id: 4, day: "2026-12-01", person: "刘洋" });
  await head.post("/meetings", { unit_id: 4, held_on: "2026-11-02", kind: "monthly", title: "十一月例会", attendees: ["张华"], minutes: "无" });
  const page = await gm.pageAs("supervisor", "/audit");
  const rows = page.locator(".el-table__body tr.el-table__row");
  await rows.first().waitFor();
  const actions = await rows.locator("td:nth-child(6)").allTextContents();
  const objects = await rows.locator("td:nth-child(7)").allTextContents();
  for (const want of ["登记留言", "受理留言", "登记舆情事件", "排班", "登记会议或培训"])
    assert.ok(actions.some(a => a.trim() === want), `${want} missing from ${actions.join(",")}`);
  for (const t of [...actions, ...objects])
    assert.doesNotMatch(t, /[a-z_]{3,}/, `a code shown in the audit trail: ${t}`);
  gm.assertClean(page);
});
