// Every demo role: logs in, sees its name and role in the header, gets the
// menu its permissions allow (no more, no less), and is refused a page it
// may not open.  When a page group adds menu entries, it adds them to MENUS.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia, DEMO } from "./lib/gm.mjs";

// The 互动交流 group (issue 11): every role may read messages, incidents, duty, meetings.
const INTERACTION = ["互动交流", "网民留言", "舆情事件", "节假日值班", "例会与培训"];
// role -> the sidebar entries (sub-menu titles and their items, in order).
const ACCOUNTS_ALL = ["账号管理", "账号台账", "申请开设"];
// The 信息发布 group (issue 10): everyone reads posts; all but admin and observer write.
const POSTS_ALL = ["信息发布", "稿件管理", "写稿"];
const POSTS_READ = ["信息发布", "稿件管理"];
const MONITORING = ["监测与报表", "活跃度监测", "年度考核", "报表下载"];
export const MENUS = {
  admin: ["工作台", "账号管理", "账号台账", ...POSTS_READ, ...INTERACTION, ...MONITORING],
  supervisor: ["工作台", ...ACCOUNTS_ALL, ...POSTS_ALL, ...INTERACTION, ...MONITORING],
  contributor: ["工作台", ...ACCOUNTS_ALL, ...POSTS_ALL, ...INTERACTION, ...MONITORING],
  depthead: ["工作台", ...ACCOUNTS_ALL, ...POSTS_ALL, ...INTERACTION, ...MONITORING],
  leader: ["工作台", ...ACCOUNTS_ALL, ...POSTS_ALL, ...INTERACTION, ...MONITORING],
  principal: ["工作台", ...ACCOUNTS_ALL, ...POSTS_ALL, ...INTERACTION, ...MONITORING],
  operator: ["工作台", ...ACCOUNTS_ALL, ...POSTS_ALL, ...INTERACTION, ...MONITORING],
  observer: ["工作台", "账号管理", "账号台账", ...POSTS_READ, ...INTERACTION, ...MONITORING],
};
// role -> a console URL the role may not open.
export const FORBIDDEN = {
  admin: "/accounts/apply",
  observer: "/accounts/apply",
  contributor: "/accounts/1/file",
  // observer: read only, no editor (admin covered above by /accounts/apply)
};

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
