// End-to-end test of the govmedia web console (web/*) in a real browser.
//
// Starts the real program as tests/api/gmtest.py does (a temporary database
// with the demo organisation, `govmedia serve` on a free loopback port) and
// drives Debian's headless Chromium through playwright-core: no browser is
// downloaded, /usr/bin/chromium is used as is.  Run by tests/browser/run.sh
// (CTest: browser.console).
//
// Environment: GM_BIN (the govmedia binary), GM_CHROMIUM (default
// /usr/bin/chromium), GM_SHOT_DIR (where check-result.png goes; default the
// current directory, which under CTest is the build directory).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { createInterface } from "node:readline";
import { existsSync, mkdtempSync, rmSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const BIN = process.env.GM_BIN ||
  path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../build/govmedia");
const CHROMIUM = process.env.GM_CHROMIUM || "/usr/bin/chromium";
const SHOT_DIR = process.env.GM_SHOT_DIR || process.cwd();
const PASSWORD = "govmedia-demo-2026";
// The flags that work on these machines (see the machines notes): without the
// background-networking ones Chromium keeps dialling Google's hosts.
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
  "--no-first-run", "--disable-background-networking", "--disable-component-update",
  "--disable-sync"];

let dir, server, base, ctx;

async function startServer() {
  dir = mkdtempSync(path.join(tmpdir(), "gmbrowser-"));
  const db = path.join(dir, "govmedia.db");
  execFileSync(BIN, ["init", "--db", db, "--demo"], { stdio: ["ignore", "ignore", "pipe"] });
  const log = openSync(path.join(dir, "serve.log"), "w");
  server = spawn(BIN, ["serve", "--db", db, "--listen", "127.0.0.1:0", "--threads", "4"],
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
  return `http://127.0.0.1:${m[1]}`;
}

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing: run scripts/install-deps.sh (Debian package chromium)`);
  base = await startServer();
  // A fresh, empty profile for every run.
  ctx = await chromium.launchPersistentContext(path.join(dir, "profile"), {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1100, height: 800 }, locale: "zh-CN",
  });
});

after(async () => {
  if (ctx) await ctx.close().catch(() => {});
  if (server && server.exitCode === null) server.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Every test starts logged out: cookies of the shared profile are cleared.
async function freshPage() {
  await ctx.clearCookies();
  for (const p of ctx.pages()) await p.close();
  const page = await ctx.newPage();
  page.setDefaultTimeout(15000);
  const errors = [];
  page.on("pageerror", e => errors.push(String(e)));
  page.errors = errors;
  await page.goto(base + "/");
  await page.locator("#login-form").waitFor();
  return page;
}

async function login(page, who, password = PASSWORD) {
  await page.fill("#login", who);
  await page.fill("#password", password);
  await page.click("#login-form button[type=submit]");
}

async function sessionCookie() {
  return (await ctx.cookies(base)).find(c => c.name === "gm_session");
}

test("wrong password: Chinese error, still on the login form, no session", async () => {
  const page = await freshPage();
  await login(page, "contributor", "not-the-password");
  await assert.doesNotReject(page.locator("#login-error", { hasText: "登录名或密码错误" }).waitFor());
  assert.equal(await page.locator("#login-form").count(), 1);
  assert.equal(await page.textContent("#who"), "");
  assert.equal(await sessionCookie(), undefined, "a failed login must not set gm_session");
  const status = await page.evaluate(async () => (await fetch("/api/v1/session")).status);
  assert.notEqual(status, 200, "GET /api/v1/session must not succeed after a failed login");
  assert.deepEqual(page.errors, []);
});

test("contributor: name shown, check page finds an evasion, clean text passes, cookie HttpOnly, logout", async () => {
  const page = await freshPage();
  await login(page, "contributor");
  await page.locator("#who", { hasText: "教育局信息员 李明" }).waitFor();
  await page.locator("section h2", { hasText: "合规检查" }).waitFor();
  assert.ok(await page.locator("#check-input").isVisible());

  // (d) the session cookie exists but scripts cannot read it.
  const c = await sessionCookie();
  assert.ok(c, "login must set gm_session");
  assert.equal(c.httpOnly, true);
  const docCookie = await page.evaluate(() => document.cookie);
  assert.ok(!docCookie.includes("gm_session"), `document.cookie exposes the session: ${docCookie}`);

  // (c) a prohibited term written with spaces in between is still caught,
  // and exactly the spaced-out span is marked.
  await page.fill("#check-input", "本店全 网 最 低 价");
  await page.click("#check-run");
  const verdict = page.locator("#check-verdict");
  await verdict.waitFor();
  const vtext = await verdict.textContent();
  assert.ok(vtext.startsWith("发现阻断性问题"), `verdict: ${vtext}`);
  assert.equal(await verdict.getAttribute("class"), "error");
  const marks = page.locator("#check-text mark.block");
  assert.equal(await marks.count(), 1);
  assert.equal(await marks.first().textContent(), "全 网 最 低 价");
  assert.equal(await page.textContent("#check-text"), "本店全 网 最 低 价");
  const finding = page.locator("#check-findings tr", { hasText: "违禁词" });
  assert.match(await finding.textContent(), /阻断.*违禁词.*商业广告.*命中词条：全网最低价/);
  const shot = path.join(SHOT_DIR, "browser-check-result.png");
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`# screenshot: ${shot}`);

  // A clean official notice.
  await page.fill("#check-input", "关于做好2026年春季森林防火工作的通知:请各单位加强值班值守,及时报送火情信息。");
  await page.click("#check-run");
  await page.locator("#check-verdict", { hasText: "未发现阻断性问题" }).waitFor();
  assert.equal(await page.locator("#check-verdict").getAttribute("class"), "ok");
  assert.equal(await page.locator("#check-text mark.block").count(), 0);

  // (e) logout returns to the login form and really ends the session.
  await page.click("#logout");
  await page.locator("#login-form").waitFor();
  assert.equal(await page.textContent("#who"), "");
  await page.reload();
  await page.locator("#login-form").waitFor();
  assert.equal(await page.locator("#check-input").count(), 0);
  assert.deepEqual(page.errors, []);
});

test("observer: audit page reports an intact hash chain", async () => {
  const page = await freshPage();
  await login(page, "observer");
  await page.locator("#who", { hasText: "省督查室 周敏" }).waitFor();
  await page.click("nav button:has-text('审计日志')");
  const ok = page.locator("p.ok", { hasText: "审计哈希链完整" });
  await ok.waitFor();
  const n = Number(/共\s*(\d+)\s*条/.exec(await ok.textContent())?.[1]);
  assert.ok(n > 0, `audit chain should have rows: ${await ok.textContent()}`);
  assert.ok(await page.locator("section table tr").count() > 0, "audit rows listed");
  assert.deepEqual(page.errors, []);
});

test("supervisor: account list flags the overdue filing, approving an application changes its state", async () => {
  const page = await freshPage();
  await login(page, "supervisor");
  await page.locator("#who", { hasText: "市信息中心" }).waitFor();
  await page.click("#nav-accounts");
  await page.locator("#accounts-table").waitFor();
  // The demo Douyin account opened in January has no filing: flagged.
  const douyin = page.locator("#accounts-table tr", { hasText: "抖音" });
  assert.match(await douyin.locator("td.overdue").textContent(), /备案逾期/);
  const wechat = page.locator("#accounts-table tr", { hasText: "微信公众号" });
  assert.equal(await wechat.locator("td.overdue").textContent(), "");
  // Only overdue accounts when asked.
  await page.click("#accounts-overdue");
  await page.locator("#accounts-overdue", { hasText: "显示全部账号" }).waitFor();
  assert.equal(await page.locator("#accounts-table tr", { hasText: "微信公众号" }).count(), 0);
  assert.equal(await page.locator("#accounts-table tr", { hasText: "抖音" }).count(), 1);
  await page.click("#accounts-overdue");
  await page.locator("#accounts-overdue", { hasText: "只看逾期未备案" }).waitFor();

  // The pending Weibo application: rejecting without a reason is refused, approving works.
  await page.locator("#accounts-table tr", { hasText: "微博" }).locator("a").click();
  await page.locator("#account-approve").waitFor();
  await page.click("#account-reject");
  await page.locator("#account-message.error").waitFor();
  assert.match(await page.textContent("#account-message"), /reason/);
  await page.click("#account-approve");
  await page.locator("#account-detail td[data-field='状态']", { hasText: "已批准" }).waitFor();
  assert.equal(await page.locator("#account-approve").count(), 0);
  const row = page.locator("#accounts-table tr", { hasText: "微博" });
  assert.equal(await row.locator("td.state").textContent(), "已批准");
  assert.ok(await page.locator("#account-timeline tr").count() >= 2, "timeline lists apply and approve");
  await page.screenshot({ path: path.join(SHOT_DIR, "browser-accounts.png"), fullPage: true });
  assert.deepEqual(page.errors, []);
});

test("contributor: sees only its own unit's accounts and no approve button", async () => {
  const page = await freshPage();
  await login(page, "contributor");
  await page.locator("#who", { hasText: "李明" }).waitFor();
  await page.click("#nav-accounts");
  await page.locator("#accounts-table").waitFor();
  assert.equal(await page.locator("#accounts-table tr", { hasText: "示范县卫生健康局" }).count(), 0);
  await page.locator("#accounts-table tr", { hasText: "微信公众号" }).locator("a").click();
  await page.locator("#account-detail h2").waitFor();
  assert.equal(await page.locator("#account-approve").count(), 0);
  assert.deepEqual(page.errors, []);
});
