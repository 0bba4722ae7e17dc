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
import { seedEveryState } from "./lib/seed.mjs";

const NARROW = { width: 1280, height: 800 };
// Lower-case ASCII words a user may legitimately read (file types, units of
// measure, host names in addresses).  Anything else lower-case is a code.
const WORDS = new Set(["px", "kb", "mb", "gb", "jpg", "jpeg", "png", "gif", "mp4", "avi", "wma", "mov",
  "rm", "rmvb", "3gp", "xlsx", "csv", "json", "pdf", "http", "https", "www", "com", "cn", "gov", "org",
  "net", "weibo", "weixin", "qq", "mp", "v", "douyin", "toutiao", "kuaishou", "x", "h", "min", "ms", "s"]);
const ENGLISH_ERROR = /\b(error|failed|failure|invalid|not found|forbidden|unauthori[sz]ed|bad request|request|exception|timeout|cannot|unable|denied|missing|required)\b/i;
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z\b/;
const JS_JUNK = /\b(undefined|null|NaN)\b|\[object Object\]|Invalid Date/;
const LOGIN = /\b(contributor|depthead|leader|principal|operator|supervisor|admin|observer|cli:local)\b/;

// What the user sees of the page: the text of the main area, the header, the
// open dialogs and drawers, and the values shown in its text inputs.  What a
// page marks data-verbatim is shown as people typed it (a login on the users
// page, a web address) and is left out.
async function visibleText(page) {
  return page.evaluate(() => {
    const parts = [];
    for (const el of document.querySelectorAll(".header, .main, .el-overlay:not([style*='display: none'])"))
      parts.push(el.innerText);
    for (const i of document.querySelectorAll(".main input:not([type=hidden]):not([type=radio]):not([type=checkbox]), .main textarea"))
      if (i.offsetParent !== null && i.value) parts.push(i.value);
    let text = parts.join("\n");
    for (const v of document.querySelectorAll("[data-verbatim]")) {
      const t = v.innerText.trim();
      if (t) text = text.split(t).join(" ");
    }
    return text;
  });
}

// Everything wrong with one view, as sentences naming it.
async function problems(page, where) {
  const out = [];
  const text = await visibleText(page);
  // An e-mail or web address is what a user typed or reads; its parts are not codes.
  const plain = text.replace(/\b[\w.+-]+@[\w.-]+\b/g, " ").replace(/\bhttps?:\/\/\S+/g, " ").replace(/\b[\w-]+(\.[\w-]+)+\/?\S*/g, " ");
  for (const m of plain.matchAll(/\b[a-z][a-z0-9]*(?:[_:][a-z0-9]+)+\b/g)) out.push(`${where}: raw code “${m[0]}”`);
  for (const m of plain.matchAll(/(?<![A-Za-z0-9_])[a-z][a-z]+(?![A-Za-z0-9_])/g))
    if (!WORDS.has(m[0])) out.push(`${where}: lower-case English “${m[0]}” in “${context(plain, m.index)}”`);
  const checks = [[ENGLISH_ERROR, "English error text"], [ISO_TIME, "ISO/UTC time"], [JS_JUNK, "script junk"], [LOGIN, "login where a name belongs"]];
  for (const [re, what] of checks) {
    const m = re.exec(plain);
    if (m) out.push(`${where}: ${what} “${m[0]}” in “${context(plain, m.index)}”`);
  }
  const tables = await page.evaluate(() => [...document.querySelectorAll(".main .el-table")].filter(t => t.offsetParent !== null).map(t => {
    const wrap = t.querySelector(".el-table__body-wrapper .el-scrollbar__wrap");
    const empty = t.querySelector(".el-table__empty-text");
    const rows = t.querySelectorAll(".el-table__body tr.el-table__row").length;
    return { over: wrap ? wrap.scrollWidth - wrap.clientWidth : 0, rows,
             empty: empty ? empty.innerText.trim() : null, right: t.getBoundingClientRect().right };
  }));
  for (const t of tables) {
    if (t.over > 1) out.push(`${where}: a table scrolls sideways by ${t.over}px`);
    if (t.right > window_width(page) + 1) out.push(`${where}: a table ends at ${Math.round(t.right)}px, past the window`);
    if (t.rows === 0 && (!t.empty || /^(暂无数据|No Data)$/i.test(t.empty)))
      out.push(`${where}: an empty table says only “${t.empty || ""}”, not why`);
  }
  const pageOver = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (pageOver > 1) out.push(`${where}: the page scrolls sideways by ${pageOver}px`);
  return out;
}

function window_width(page) { return page.viewportSize().width; }
function context(text, at) { return text.slice(Math.max(0, at - 20), at + 30).replace(/\s+/g, " "); }

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
