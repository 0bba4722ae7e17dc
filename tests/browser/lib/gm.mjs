// gm.mjs - what every browser test of the console shares (tests/browser/*.test.mjs).
//
//   const gm = await startGovmedia();          // temp DB with the demo organisation,
//                                              // `govmedia serve` on a free loopback port
//   const page = await gm.pageAs("supervisor"); // a fresh browser context, logged in
//   await gm.open(page, "/accounts");           // navigate and wait for the page to settle
//   await gm.shots(page, "accounts-list");      // full-page PNGs at 1366x768 and 1280x800
//   gm.assertClean(page);                       // no script error, no CSP violation
//   await gm.stop();
//
// Real parts only: the real govmedia binary (GM_BIN), Debian's Chromium
// (GM_CHROMIUM, default /usr/bin/chromium) driven by playwright-core, no
// browser download.  Screenshots go to $GM_SHOT_DIR/screenshots (CTest: the
// build directory).
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { createInterface } from "node:readline";
import { existsSync, mkdirSync, mkdtempSync, rmSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const here = path.dirname(new URL(import.meta.url).pathname);
export const BIN = process.env.GM_BIN || path.resolve(here, "../../../build/govmedia");
export const CHROMIUM = process.env.GM_CHROMIUM || "/usr/bin/chromium";
export const SHOT_DIR = path.join(process.env.GM_SHOT_DIR || process.cwd(), "screenshots");
export const PASSWORD = "govmedia-demo-2026";
// Every demo login (src/cli/demo.c) with the display name the header shows.
export const DEMO = {
  admin: "系统管理员", supervisor: "市信息中心 王主任", contributor: "教育局信息员 李明",
  depthead: "教育局办公室主任 张华", leader: "教育局分管副局长 赵强", principal: "教育局局长 陈刚",
  operator: "教育局新媒体运维 刘洋", observer: "省督查室 周敏",
};
export const SIZES = [{ width: 1366, height: 768 }, { width: 1280, height: 800 }];
// Signatures of the formats the media tests pick (the start of a JFIF JPEG), for fileOf.
export const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
// The start of an MP4 (ftyp box, brand mp42): libmagic types it video/mp4.
export const MP4_HEAD = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypmp42\0\0\0\0mp42isom", "latin1")]);
export const MB = 1024 * 1024;
// The flags that work on these machines: without the background-networking
// ones Chromium keeps dialling Google's hosts.
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-dev-shm-usage", "--font-render-hinting=none"];

async function serve(bin, db, dir) {
  const log = openSync(path.join(dir, "serve.log"), "w");
  const server = spawn(bin, ["serve", "--db", db, "--listen", "127.0.0.1:0", "--threads", "4"],
    { stdio: ["ignore", "pipe", log] });
  const first = await new Promise((resolve, reject) => {
    const rl = createInterface({ input: server.stdout });
    rl.once("line", resolve);
    server.once("exit", code => reject(new Error(`govmedia serve exited ${code} before listening`)));
    setTimeout(() => reject(new Error("govmedia serve printed nothing in 20 s")), 20000).unref();
  });
  const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(first);
  assert.ok(m, `server did not start: ${JSON.stringify(first)}`);
  server.stdout.resume(); // keep draining so the server never blocks on a full pipe
  return { server, base: `http://127.0.0.1:${m[1]}` };
}

export async function startGovmedia() {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing: run scripts/install-deps.sh (Debian package chromium)`);
  const dir = mkdtempSync(path.join(tmpdir(), "gmbrowser-"));
  const db = path.join(dir, "govmedia.db");
  execFileSync(BIN, ["init", "--db", db, "--demo"], { stdio: ["ignore", "ignore", "pipe"] });
  const { server, base } = await serve(BIN, db, dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  mkdirSync(SHOT_DIR, { recursive: true });
  return new Govmedia({ dir, db, server, base, browser });
}

class Govmedia {
  constructor(o) { Object.assign(this, o); this.contexts = []; }

  // A fresh browser context (own cookies) with one page, not logged in.
  async newPage(size = SIZES[0]) {
    const ctx = await this.browser.newContext({ viewport: size, locale: "zh-CN", timezoneId: "UTC" });
    this.contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(15000);
    page.errors = [];
    page.on("pageerror", e => page.errors.push(String(e)));
    page.on("console", m => {
      const t = m.text();
      if (m.type() === "error" && !/Failed to load resource: the server responded with a status of 4\d\d/.test(t))
        page.errors.push(t);
    });
    return page;
  }

  // Logs in through the API (cookie shared with the context), then opens path.
  async pageAs(login, path_ = "/", size) {
    const page = await this.newPage(size);
    const r = await page.context().request.post(this.base + "/api/v1/session",
      { data: { login, password: PASSWORD } });
    assert.equal(r.status(), 201, `login ${login}: ${await r.text()}`);
    await this.open(page, path_);
    return page;
  }

  // Logs in through the login form of the page (which must show it).
  async loginForm(page, login, password = PASSWORD) {
    await page.locator("input[name=login]").fill(login);
    await page.locator("input[name=password]").fill(password);
    await page.locator("button[type=submit]").click();
  }

  // Navigates within the console and waits until the page has loaded its data.
  async open(page, p) {
    await page.goto(this.base + p);
    await this.settle(page);
  }

  // Waits for network quiet and for no Element Plus loading mask.
  async settle(page) {
    await page.waitForLoadState("networkidle");
    await page.locator(".el-loading-mask").first().waitFor({ state: "hidden", timeout: 15000 }).catch(() => {});
  }

  // After an in-console navigation: the page's loading masks have come and gone
  // (cheaper than network quiet, for tests that visit many pages).
  async settleQuick(page) {
    await page.waitForTimeout(250);
    await page.locator(".el-loading-mask").first().waitFor({ state: "hidden", timeout: 15000 }).catch(() => {});
  }

  // The texts of the sidebar's menu entries, in order (sub-menus opened).
  async menu(page) {
    await page.locator(".side-menu").waitFor();
    return (await page.locator(".side-menu .el-menu-item, .side-menu .el-sub-menu__title").allTextContents())
      .map(s => s.trim()).filter(Boolean);
  }

  // Full-page screenshots of the page as it is at both sizes: name-1366.png, name-1280.png
  // (the common office laptop and a narrow one, where tables and forms break first).
  async shots(page, name) {
    const before = page.viewportSize();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(150); // charts resize on a ResizeObserver tick
      await page.screenshot({ path: path.join(SHOT_DIR, `${name}-${size.width}.png`), fullPage: true });
    }
    await page.setViewportSize(before);
  }

  // No uncaught script error and no console error (CSP violations are console errors).
  assertClean(page) {
    assert.deepEqual(page.errors, [], `errors on ${page.url()}`);
  }

  // Calls the API as the given login (for setting up a scene quickly).
  async apiAs(login) {
    const ctx = await this.browser.newContext();
    this.contexts.push(ctx);
    const r = await ctx.request.post(this.base + "/api/v1/session", { data: { login, password: PASSWORD } });
    const { csrf_token } = await r.json();
    const call = async (method, p, data) => {
      const res = await ctx.request.fetch(this.base + "/api/v1" + p,
        { method, data, headers: { "X-CSRF-Token": csrf_token } });
      const text = await res.text();
      if (!res.ok()) throw new Error(`${method} ${p}: ${res.status()} ${text}`);
      return text ? JSON.parse(text) : null;
    };
    return { get: p => call("GET", p), post: (p, d = {}) => call("POST", p, d), put: (p, d) => call("PUT", p, d),
             del: p => call("DELETE", p) };
  }

  // A file of `size` bytes in the test's folder starting with `head` (a
  // format's signature: the rest zeros but one byte in 4096), for pickers.
  fileOf(name, head, size) {
    const b = Buffer.alloc(size);
    head.copy(b);
    for (let i = head.length; i < size; i += 4096) b[i] = i & 0xff;
    const p = path.join(this.dir, name);
    writeFileSync(p, b);
    return p;
  }

  async stop() {
    for (const c of this.contexts) await c.close().catch(() => {});
    await this.browser.close().catch(() => {});
    if (this.server.exitCode === null) this.server.kill("SIGTERM");
    rmSync(this.dir, { recursive: true, force: true });
  }
}

// The rows of an Element Plus table (a selector of its wrapper) as trimmed
// cell texts, one array per row.
export async function tableRows(page, sel) {
  return page.locator(`${sel} .el-table__body tr`).evaluateAll(trs =>
    trs.map(tr => [...tr.querySelectorAll("td")].map(td => td.innerText.trim())));
}
