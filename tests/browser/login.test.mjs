// Logging in and out of the console, the return to where the user was, and
// the login overlay when a session expires (tests/browser/lib/gm.mjs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia, DEMO } from "./lib/gm.mjs";

let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("wrong password: Chinese error next to the password field, no session cookie", async () => {
  const page = await gm.newPage();
  await gm.open(page, "/login");
  await gm.shots(page, "login");
  await gm.loginForm(page, "contributor", "not-the-password");
  const err = page.locator(".el-form-item.is-error", { has: page.locator("input[name=password]") });
  await err.locator(".el-form-item__error", { hasText: "登录名或密码错误" }).waitFor();
  assert.equal(await page.locator("input[name=login]").inputValue(), "contributor", "the login name stays typed");
  const cookies = await page.context().cookies(gm.base);
  assert.equal(cookies.find(c => c.name === "gm_session"), undefined);
  gm.assertClean(page);
});

test("a page asked for before login is shown after login; cookie HttpOnly; logout ends the session", async () => {
  const page = await gm.newPage();
  await gm.open(page, "/no-such-page?x=1");
  assert.match(page.url(), /\/login\?redirect=/);
  await gm.loginForm(page, "operator");
  await page.waitForURL(u => u.pathname === "/no-such-page");
  await page.locator(".el-result__title", { hasText: "页面不存在" }).waitFor();
  assert.match(page.url(), /x=1$/, "the query string comes back too");
  await page.locator("[data-test=user-menu]", { hasText: DEMO.operator }).waitFor();
  const c = (await page.context().cookies(gm.base)).find(k => k.name === "gm_session");
  assert.equal(c.httpOnly, true);
  assert.ok(!(await page.evaluate(() => document.cookie)).includes("gm_session"));

  await page.locator("[data-test=user-menu]").click();
  await page.getByText("退出登录").click();
  await page.waitForURL(u => u.pathname === "/login");
  await gm.open(page, "/");
  assert.match(page.url(), /\/login/, "after logout the console asks for a login again");
  const status = await page.evaluate(async () => (await fetch("/api/v1/session")).status);
  assert.equal(status, 401);
  gm.assertClean(page);
});

test("session expiry: the login form is laid over the page, which carries on after login", async () => {
  const page = await gm.pageAs("supervisor", "/");
  await page.locator("[data-test=todo]").first().waitFor();
  // End the session behind the page's back (as expiry would).
  await page.evaluate(async () => {
    const s = await (await fetch("/api/v1/session")).json();
    await fetch("/api/v1/session", { method: "DELETE", headers: { "X-CSRF-Token": s.csrf_token } });
  });
  await page.locator("[data-test=refresh]").click();
  await page.getByRole("dialog", { name: "会话已过期,请重新登录" }).waitFor();
  await gm.shots(page, "relogin-overlay");
  await gm.loginForm(page, "supervisor");
  await page.getByRole("dialog").waitFor({ state: "detached" });
  await page.locator("[data-test=todo]").first().waitFor();
  gm.assertClean(page);
});
