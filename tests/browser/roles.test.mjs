// Every demo role: logs in, sees its name and role in the header, gets the
// menu its permissions allow (no more, no less), and is refused a page it
// may not open.  When a page group adds menu entries, it adds them to MENUS.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia, DEMO } from "./lib/gm.mjs";

// role -> the sidebar entries (sub-menu titles and their items, in order).
export const MENUS = {
  admin: ["工作台"],
  supervisor: ["工作台"],
  contributor: ["工作台"],
  depthead: ["工作台"],
  leader: ["工作台"],
  principal: ["工作台"],
  operator: ["工作台"],
  observer: ["工作台"],
};
// role -> a console URL the role may not open (none yet for roles that may open every page).
export const FORBIDDEN = {};

let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

for (const [login, menu] of Object.entries(MENUS)) {
  test(`${login}: header, menu and dashboard`, async () => {
    const page = await gm.pageAs(login, "/");
    await page.locator("[data-test=user-menu]", { hasText: DEMO[login] }).waitFor();
    assert.deepEqual(await gm.menu(page), menu);
    await gm.shots(page, `dashboard-${login}`);
    if (FORBIDDEN[login]) {
      await gm.open(page, FORBIDDEN[login]);
      await page.locator("[data-test=forbidden]").waitFor();
    }
    gm.assertClean(page);
  });
}
