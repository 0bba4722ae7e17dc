// Every demo role: logs in, sees its name and role in the header, gets the
// menu its permissions allow (no more, no less), and is refused a page it
// may not open.  When a page group adds menu entries, it adds them to MENUS.
// Opening every page of the menu (and what each shows) is browser.sweep's.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia, DEMO } from "./lib/gm.mjs";

// The 互动交流 group (issue 11): every role may read messages, incidents, duty, meetings.
const INTERACTION = ["互动交流", "网民留言", "舆情事件", "节假日值班", "例会与培训"];
// role -> the sidebar entries (sub-menu titles and their items, in order).
// The 信息发布 group (issue 10): everyone reads posts; all but admin and observer write.
const POSTS_ALL = ["信息发布", "稿件管理", "写稿"];
const POSTS_READ = ["信息发布", "稿件管理"];
const MONITORING = ["监测与报表", "活跃度监测", "年度考核", "报表下载"];
// Who operates accounts (account.operate) also imports what they published elsewhere.
const MONITORING_OPERATE = [...MONITORING, "发布数据导入"];
const ACC = ["账号管理", "账号台账", "申请开设", "年度审核"];
// Inspectors (and the admin, who sets the filing deadline) read the national filings too.
const ACC_INSPECT = ["账号管理", "账号台账", "全国报送总览", "年度审核"];
// Who may not manage units finds the same page as 信息发布 › 审核流程 (their units' review chains);
// unit roles then have no 系统管理 group at all.
const UNIT_ROLE = ["工作台", ...ACC, ...POSTS_ALL, "合规检查", "审核流程", ...INTERACTION, ...MONITORING];
const OPERATOR = ["工作台", ...ACC, ...POSTS_ALL, "合规检查", "审核流程", ...INTERACTION, ...MONITORING_OPERATE];
export const MENUS = {
  admin: ["工作台", ...ACC_INSPECT, ...POSTS_READ, "合规检查", "回溯检查", ...INTERACTION, ...MONITORING, "系统管理", "单位管理", "用户管理", "工作日历", "群机器人", "词库与名单", "定时任务", "审计日志"],
  supervisor: ["工作台", "账号管理", "账号台账", "申请开设", "全国报送总览", "年度审核", ...POSTS_ALL, "合规检查", "回溯检查", "审核流程", ...INTERACTION, ...MONITORING_OPERATE, "系统管理", "用户管理", "群机器人", "定时任务", "审计日志"],
  contributor: UNIT_ROLE,
  depthead: UNIT_ROLE,
  leader: UNIT_ROLE,
  principal: UNIT_ROLE,
  operator: OPERATOR,
  observer: ["工作台", ...ACC_INSPECT, ...POSTS_READ, "回溯检查", "审核流程", ...INTERACTION, ...MONITORING, "系统管理", "用户管理", "定时任务", "审计日志"],
};
// role -> console URLs the role may not open.
export const FORBIDDEN = {
  admin: ["/accounts/apply"],
  supervisor: ["/calendar", "/lexicons"],
  contributor: ["/audit", "/jobs", "/users", "/accounts/1/file", "/recheck", "/lexicons", "/reports/publications"],
  depthead: ["/users"],
  leader: ["/audit"],
  principal: ["/calendar"],
  operator: ["/users", "/lexicons"],
  observer: ["/check", "/accounts/apply"],
};

let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

for (const [login, menu] of Object.entries(MENUS)) {
  test(`${login}: header, menu, refused pages`, async () => {
    const page = await gm.pageAs(login, "/");
    await page.locator("[data-test=user-menu]", { hasText: DEMO[login] }).waitFor();
    assert.deepEqual(await gm.menu(page), menu);
    for (const url of FORBIDDEN[login] || []) {
      await gm.open(page, url);
      await page.locator("[data-test=forbidden]").waitFor();
    }
    gm.assertClean(page);
  });
}
