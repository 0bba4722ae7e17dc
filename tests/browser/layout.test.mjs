// The console's frame as a user on a phone or a refused page sees it: at a
// phone's width the menu folds to its icons and no page is wider than the
// screen; a refused page names the page by its Chinese title, not its URL.
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
