// The general sweep: every demo role opens every entry of its own sidebar
// (read from the console's menu, which is built from the router: nothing is
// hand-listed here) at a 1280 px laptop's width, and every tab of each page.
// On each view it fails on what a user must never see: a raw code
// (snake_case or a lower-case English enum value such as pending_review, a
// login where a name belongs), English error text, an ISO/UTC timestamp,
// "undefined" / "null" / "NaN" / "[object Object]", a console error, a
// failed API call, a table wider than the page, an empty table that does not
// say why it is empty.  It also checks that the menu offers no page the role
// is refused, and leaves a 1280 px screenshot of each menu page
// (screenshots/page-<role>-<path>-1280.png): look at them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { startGovmedia, DEMO, SHOT_DIR } from "./lib/gm.mjs";
import { problems } from "./lib/look.mjs";
import { seedEveryState } from "./lib/seed.mjs";

const NARROW = { width: 1280, height: 800 };

// The console paths a page's tables link to (detail pages), without query.
async function detailLinks(page) {
  return page.evaluate(() => [...document.querySelectorAll(".main .el-table a[href^='/']")]
    .map(a => a.getAttribute("href").split("?")[0]).filter(h => /\d/.test(h)));
}

// Records failed API calls and console errors of one page, view by view.
function watch(page) {
  page.failed = [];
  page.on("response", r => {
    if (r.status() >= 400 && r.url().includes("/api/")) page.failed.push(`${r.request().method()} ${new URL(r.url()).pathname} → ${r.status()}`);
  });
}

let gm;
before(async () => { gm = await startGovmedia(); await seedEveryState(gm); });
after(async () => { await gm.stop(); });

for (const login of Object.keys(DEMO)) {
  test(`sweep ${login}: every menu page and tab at 1280 px shows no code, no English, no UTC time, no junk, no failed call`, async t => {
    const page = await gm.pageAs(login, "/", NARROW);
    watch(page);
    const found = [], details = new Map();
    const items = page.locator(".side-menu .el-menu-item");
    const n = await items.count();
    assert.ok(n > 3, `${login} has a menu`);
    for (let i = 0; i < n; i++) {
      const item = items.nth(i);
      const title = (await item.textContent()).trim();
      page.errors.length = 0; page.failed.length = 0;
      await item.click();
      await gm.settleQuick(page);
      await page.waitForLoadState("networkidle");
      const where = `${login} › ${title}`;
      if (await page.locator("[data-test=forbidden]").count()) found.push(`${where}: the menu offers a page the role may not open`);
      found.push(...await problems(page, where));
      await page.screenshot({ path: path.join(SHOT_DIR, `page-${login}-${new URL(page.url()).pathname.replace(/\//g, "_")}-1280.png`), fullPage: true });
      const tabs = page.locator(".main .el-tabs__item:not(.is-disabled)");
      const tabCount = await tabs.count();
      for (let t = 1; t < tabCount; t++) {
        const tab = tabs.nth(t);
        const name = (await tab.textContent()).trim();
        await tab.click();
        await gm.settleQuick(page);
        await page.waitForLoadState("networkidle");
        found.push(...await problems(page, `${where} › ${name}`));
      }
      for (const e of page.errors) found.push(`${where}: console error ${e}`);
      for (const f of page.failed) found.push(`${where}: failed call ${f}`);
      for (const href of await detailLinks(page)) {
        const kind = href.replace(/\d+/g, ":id");
        if (!details.has(kind)) details.set(kind, href);
      }
    }
    // One detail page of each kind the tables link to (a post, an account, a message, …).
    t.diagnostic(`${n} menu pages, detail pages: ${[...details.keys()].join(" ")}`);
    for (const [kind, href] of details) {
      page.errors.length = 0; page.failed.length = 0;
      await gm.open(page, href);
      const where = `${login} › ${kind}`;
      found.push(...await problems(page, where));
      for (const e of page.errors) found.push(`${where}: console error ${e}`);
      for (const f of page.failed) found.push(`${where}: failed call ${f}`);
    }
    assert.deepEqual(found, []);
  });
}
