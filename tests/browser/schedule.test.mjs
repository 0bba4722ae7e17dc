// 取消定时发布 in the browser: an approved post is scheduled for tomorrow on
// an account; the authorised operator cancels it from the post page with a
// required reason; the schedule reads back cancelled from the API and the
// history shows the step with its reason; a reviewer sees no cancel button.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia } from "./lib/gm.mjs";

let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("operator cancels a scheduled publication with a reason (取消定时发布)", async () => {
  const logins = [];   // one after another: the server brakes parallel password checks
  for (const l of ["contributor", "depthead", "leader", "operator"]) logins.push(await gm.apiAs(l));
  const [author, head, leader, op] = logins;
  const p = await author.post("/posts", { title: "关于寒假安全教育的提示", account_ids: [1], major: false,
                                          body: "各学校:请在放假前开展一次寒假安全教育。" });
  await author.post(`/posts/${p.id}/submit`);
  await head.post(`/posts/${p.id}/approve`, { note: "同意" });
  await leader.post(`/posts/${p.id}/approve`, { confidentiality: true });
  const at = new Date(Date.now() + 86400000).toISOString().replace(/\.\d+Z$/, "Z");
  const { schedule } = await op.post(`/posts/${p.id}/publish`, { account_id: 1, at });

  const view = await gm.pageAs("leader", `/posts/${p.id}`);
  await view.locator("[data-test=schedules] .el-table__row", { hasText: "待发布" }).waitFor();
  assert.equal(await view.locator("[data-test^=cancel-schedule-]").count(), 0, "a reviewer does not cancel");
  gm.assertClean(view);

  const page = await gm.pageAs("operator", `/posts/${p.id}`);
  await page.locator(`[data-test=cancel-schedule-${schedule.id}]`).click();
  await page.locator(".el-message-box__btns .el-button--primary").click();
  await page.locator(".el-message-box__errormsg", { hasText: "取消须填写原因" }).waitFor();
  await page.locator(".el-message-box__input input").fill("活动延期,另行通知");
  await page.locator(".el-message-box__btns .el-button--primary").click();
  await page.locator("[data-test=schedules] .el-table__row", { hasText: "已取消" }).waitFor();
  await page.locator("[data-test=history]", { hasText: "取消原因:活动延期,另行通知" }).waitFor();
  assert.equal(await page.locator("[data-test^=cancel-schedule-]").count(), 0, "nothing left to cancel");
  await gm.settle(page);
  await gm.shots(page, "post-schedule-cancelled-operator");
  const back = await op.get(`/posts/${p.id}`);
  assert.equal(back.schedules.find(s => s.id === schedule.id).state, "cancelled");
  assert.equal(back.state, "approved");
  gm.assertClean(page);
});
