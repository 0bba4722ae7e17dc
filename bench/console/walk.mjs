// walk.mjs - every dialog of the console, as every demo role, at 1366x768
// and 1920x1080: too slow for `make test` (minutes), so a bench.  For each
// role it opens every entry of its sidebar, checks the view (lib/look.mjs:
// codes, English, UTC times, junk, tables too wide, empty tables without a
// hint), then clicks each button the page offers (toolbars, and the first
// row's buttons of each table; not exports, downloads or filters) and looks
// at what it does:
//   - a dialog, drawer or confirmation opens: its text is checked the same
//     way, it is screenshot (walk-<role>-<page>-<button>-<width>.png) and
//     closed without doing anything;
//   - a write goes out without asking (a destructive one is a finding);
//   - the API refuses what the console offered (403/409): a finding.
// Usage (from the worktree, after make build):
//   GOVMEDIA_WEB=$PWD/web/dist node bench/console/walk.mjs [role…]
// Prints the findings, one a line; GM_SHOT_DIR (default ./build) gets
// screenshots/.
import path from "node:path";
import { startGovmedia, DEMO, SHOT_DIR } from "../../tests/browser/lib/gm.mjs";
import { seedEveryState } from "../../tests/browser/lib/seed.mjs";
import { problems, visibleText } from "../../tests/browser/lib/look.mjs";

const SIZES = [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }];
const SKIP = /导出|下载|刷新|查询|搜索|重置|返回|取消|清空|上一|下一|展开|收起|模板|从文件|选择|添加配图/;
const DESTRUCTIVE = /\/(close|reject|withdraw|remove|delete|revoke|disable|cancel|merge)\b|^DELETE /;
const roles = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(DEMO);
const slug = s => s.replace(/[^\p{L}\p{N}]+/gu, "_").slice(0, 40);

async function overlayOpen(page) {
  return page.locator(".el-overlay:visible .el-dialog, .el-overlay:visible .el-message-box, .el-drawer:visible").count();
}
async function closeOverlays(page) {
  for (let i = 0; i < 3 && await overlayOpen(page); i++) {
    const cancel = page.locator(".el-overlay:visible .el-button", { hasText: /^(取消|关闭|保留|否)$/ });
    if (await cancel.count()) await cancel.last().click().catch(() => {});
    else await page.keyboard.press("Escape");
    await page.waitForTimeout(300);
  }
}
// The overlay's own tables: as wide as their dialog at most.
async function overlayTables(page, where) {
  const over = await page.evaluate(() => [...document.querySelectorAll(".el-overlay .el-table")].filter(t => t.offsetParent !== null)
    .map(t => { const w = t.querySelector(".el-table__body-wrapper .el-scrollbar__wrap"); return w ? w.scrollWidth - w.clientWidth : 0; }));
  return over.filter(o => o > 1).map(o => `${where}: a dialog's table scrolls sideways by ${o}px`);
}

async function walkButtons(gm, page, url, where, size, login, found) {
  const buttons = page.locator(".main .el-button:visible:not(.is-disabled), .main .el-table__row:first-child .el-button:visible:not(.is-disabled)");
  const texts = [...new Set((await buttons.allInnerTexts()).map(t => t.trim()).filter(t => t && !SKIP.test(t)))];
  for (const text of texts) {
    const writes = [];
    const onResponse = r => {
      const m = r.request().method();
      if (r.url().includes("/api/") && m !== "GET") writes.push({ call: `${m} ${new URL(r.url()).pathname}`, status: r.status() });
    };
    page.on("response", onResponse);
    const b = page.locator(".main .el-button:visible:not(.is-disabled)", { hasText: text }).first();
    if (!await b.count()) { page.off("response", onResponse); continue; }
    await b.click({ timeout: 3000 }).catch(() => {});
    await page.waitForTimeout(700);
    const w = `${where} › 「${text}」`;
    if (await overlayOpen(page)) {
      found.push(...(await problems(page, w)).filter(p => !p.includes("table")), ...await overlayTables(page, w));
      if (size.width === 1366) await page.screenshot({ path: path.join(SHOT_DIR, `walk-${login}-${slug(where)}-${slug(text)}-${size.width}.png`) });
      await closeOverlays(page);
    }
    for (const x of writes) {
      if (x.status === 403 || x.status === 409) found.push(`${w}: offered, then refused by the API: ${x.call} → ${x.status}`);
      else if (DESTRUCTIVE.test(x.call)) found.push(`${w}: a destructive call without asking: ${x.call} → ${x.status}`);
      else found.push(`${w}: (note) wrote without a dialog: ${x.call} → ${x.status}`);
    }
    page.off("response", onResponse);
    if (new URL(page.url()).pathname !== new URL(url).pathname || writes.length) await gm.open(page, new URL(url).pathname + new URL(url).search);
  }
}

const gm = await startGovmedia();
await seedEveryState(gm);
const found = [];
for (const login of roles) {
  for (const size of SIZES) {
    const page = await gm.pageAs(login, "/", size);
    const items = page.locator(".side-menu .el-menu-item");
    const n = await items.count();
    const pages = [];
    for (let i = 0; i < n; i++) pages.push((await items.nth(i).textContent()).trim());
    for (let i = 0; i < n; i++) {
      await page.locator(".side-menu .el-menu-item").nth(i).click();
      await gm.settleQuick(page);
      await page.waitForLoadState("networkidle");
      const where = `${login} ${size.width} › ${pages[i]}`;
      found.push(...await problems(page, where));
      if (size.width === 1920) await page.screenshot({ path: path.join(SHOT_DIR, `walk-${login}-${slug(pages[i])}-1920.png`), fullPage: true });
      else await walkButtons(gm, page, page.url(), where, size, login, found);
      for (const e of page.errors) found.push(`${where}: console error ${e}`);
      page.errors.length = 0;
    }
    await page.context().close();
  }
  console.log(`# ${login} done`);
}
for (const f of [...new Set(found)]) console.log(f);
await gm.stop();
void visibleText;
