// look.mjs - what a user must never see on a view of the console, as
// sentences naming the view: a raw code (snake_case or a lower-case English
// enum value, a login where a name belongs), English error text, an ISO/UTC
// timestamp, script junk ("undefined", "[object Object]"), a table wider than
// the page or than its box, an empty table that does not say why.  Used by
// the sweep test (every role, every menu page) and bench/console's walk
// (every dialog).

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
export async function visibleText(page) {
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
export async function problems(page, where) {
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

