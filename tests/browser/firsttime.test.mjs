// What a first-time user tripped on in the complete journeys (walked through
// the console at 1366x768, every step looked at), rule by rule:
//  §2 先审后发 end to end: two findings of the same wrong formulation (title and
//     body) read alike, so "apply the fix" seemed to fix the wrong one; an
//     inspector had no way from a post to its audit trail (the log filters by
//     an object number no page showed);
//  §2 the editor's work bench had no way to write and no count of drafts;
//  §2 every unit role had 系统管理 › 单位管理 though it may only read its unit,
//     and the unit's parent read "单位 3";
//  §3 the lexicon (47+ terms) could not be sorted;
//  §1 an opened account offered 登记认证 but not 备案登记: certification, which
//     may take longer than the 3 days of the filing, gated it; a failed
//     certification could not be recorded, nor one after filing; the 办理记录
//     of a change of people read "account.change".
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { startGovmedia, tableRows } from "./lib/gm.mjs";
import { qrLikePng } from "./lib/png.mjs";

const W = { width: 1366, height: 768 };
let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("§2.1 §2.2 §2.4 §2.5 先审后发 end to end: findings say where they are, the fix lands there, a return and its revision, two levels, publishing, and the inspector opens the post's whole audit trail from the post", async () => {
  // The editor writes, with the wrong formulation in the title and in the body.
  const ed = await gm.pageAs("contributor", "/", W);
  await ed.locator("[data-test=write]").click();
  await ed.waitForURL(/\/posts\/new$/);
  await ed.locator("[data-test=accounts] label", { hasText: "示范县教育发布" }).click();
  await ed.locator("[data-test=title]").fill("关于开展扫黑险恶专项宣传的通知");
  await ed.locator("[data-test=body]").fill("各学校:为深入推进扫黑险恶专项斗争,请于本周内开展宣传。");
  await ed.locator("[data-test=check-summary]", { hasText: "2 处警示" }).waitFor();
  assert.deepEqual(await ed.locator("[data-test=finding-place]").allTextContents(), ["标题", "正文第 10 字"]);
  await gm.shots(ed, "firsttime-editor-findings");
  // The fix offered on the title's row fixes the title, not the body.
  await ed.locator("[data-test=findings] .el-table__row", { hasText: "标题" }).locator("[data-test=apply-fix]").click();
  await ed.locator("[data-test=check-summary]", { hasText: "1 处警示" }).waitFor();
  assert.equal(await ed.locator("[data-test=title]").inputValue(), "关于开展扫黑除恶专项宣传的通知");
  assert.match(await ed.locator("[data-test=body]").inputValue(), /扫黑险恶/);
  assert.deepEqual(await ed.locator("[data-test=finding-place]").allTextContents(), ["正文第 10 字"]);
  await ed.locator("[data-test=apply-fix]").click();
  await ed.locator("[data-test=check-summary]", { hasText: "未发现问题" }).waitFor();
  await ed.locator("[data-test=save-submit]").click();
  await ed.waitForURL(/\/posts\/\d+$/);
  const path = new URL(ed.url()).pathname;
  await ed.locator("[data-test=post-state]", { hasText: "审核中" }).waitFor();

  // The department head finds it on the work bench and returns it with a comment.
  const head = await gm.pageAs("depthead", "/", W);
  await head.locator("[data-test=todo]", { hasText: "待我审核的稿件" }).click();
  await head.locator(".el-table__row", { hasText: "关于开展扫黑除恶专项宣传的通知" }).locator("a").click();
  await head.waitForURL(new RegExp(`${path}$`));
  await head.locator("[data-test=reject]").click();
  await head.locator(".el-message-box textarea").fill("请写明宣传的时间和形式");
  await head.locator(".el-message-box .el-button--primary").click();
  await head.locator("[data-test=post-state]", { hasText: "已退回" }).waitFor();

  // The editor revises from the work bench's returned card.
  await gm.open(ed, "/");
  await ed.locator("[data-test=todo]", { hasText: "退回待修改的稿件" }).click();
  await ed.locator(".el-table__row", { hasText: "关于开展扫黑除恶专项宣传的通知" }).locator("a").click();
  assert.match(await ed.locator("[data-test=returned-reason]").innerText(), /请写明宣传的时间和形式/);
  await ed.locator("[data-test=edit]").click();
  await ed.locator("[data-test=body]").fill("各学校:为深入推进扫黑除恶专项斗争,请于11月30日前在校园网和宣传栏开展宣传。");
  await ed.locator("[data-test=check-summary]", { hasText: "未发现问题" }).waitFor();
  await ed.locator("[data-test=save-submit]").click();
  await ed.waitForURL(new RegExp(`${path}$`));
  await ed.locator("[data-test=post-state]", { hasText: "审核中" }).waitFor();

  // Level 1 approves, level 2 approves with the confidentiality review.
  await gm.open(head, path);
  await head.locator("[data-test=approve]").click();
  await head.locator("[data-test=approve-note]").fill("同意");
  await head.locator("[data-test=do-approve]").click();
  await head.locator("[data-test=post-level]", { hasText: "第 2 级" }).waitFor();
  const lead = await gm.pageAs("leader", path, W);
  await lead.locator("[data-test=approve]").click();
  await lead.locator("[data-test=confidentiality]").click();
  await lead.locator("[data-test=do-approve]").click();
  await lead.locator("[data-test=post-state]", { hasText: "已审核待发布" }).waitFor();

  // The operator publishes.
  const op = await gm.pageAs("operator", path, W);
  await op.locator("[data-test=publish]").click();
  await op.locator("[data-test=publish-url]").fill("https://mp.weixin.qq.com/s/firsttime");
  await op.locator("[data-test=do-publish]").click();
  await op.locator("[data-test=post-state]", { hasText: "已发布" }).waitFor();
  await op.locator("[data-test=publications] .el-table__row", { hasText: "https://mp.weixin.qq.com/s/firsttime" }).waitFor();
  assert.equal(await op.locator("[data-test=audit-link]").count(), 0, "an operator does not read the audit log");

  // The inspector opens the post and from it the whole trail, oldest last.
  const insp = await gm.pageAs("observer", path, W);
  await insp.locator("[data-test=audit-link]").click();
  await insp.waitForURL(/\/audit\?/);
  await gm.settle(insp);
  const actions = (await insp.locator("[data-test=audit-table] .el-table__row td:nth-child(6)").allTextContents()).map(s => s.trim());
  assert.deepEqual(actions, ["发布", "审核通过", "审核通过", "提交审核", "修改稿件", "退回稿件", "提交审核", "起草稿件"]);
  const objects = await insp.locator("[data-test=audit-object]").allTextContents();
  assert.ok(objects.every(o => o.trim() === "稿件“关于开展扫黑除恶专项宣传的通知”"), objects.join(","));
  await gm.shots(insp, "firsttime-audit-trail");
  for (const p of [ed, head, lead, op, insp]) gm.assertClean(p);
});

test("§2.1 the editor's work bench leads to writing and to the drafts not yet submitted (我的草稿)", async () => {
  const con = await gm.apiAs("contributor");
  await con.post("/posts", { title: "草稿:寒假安全提示", body: "请各校做好寒假安全教育。", account_ids: [1], major: false, repost_source: null });
  const page = await gm.pageAs("contributor", "/", W);
  const card = page.locator("[data-test=todo]", { hasText: "我的草稿" });
  await card.locator(".todo-count", { hasText: /^[1-9]/ }).waitFor();
  await card.click();
  await page.waitForURL(/\/posts\?.*state=draft/);
  await gm.settle(page);
  const rows = await tableRows(page, ".el-table");
  assert.ok(rows.length >= 1 && rows.every(r => r.some(c => c.includes("草稿"))), JSON.stringify(rows));
  assert.ok(rows.some(r => r[0] === "草稿:寒假安全提示"), JSON.stringify(rows));
  // A reviewer who may not write sees neither (the observer has no 写稿).
  const obs = await gm.pageAs("observer", "/", W);
  await obs.locator("[data-test=todo]").first().waitFor();
  assert.equal(await obs.locator("[data-test=write]").count(), 0);
  assert.equal(await obs.locator("[data-test=todo]", { hasText: "我的草稿" }).count(), 0);
  gm.assertClean(page);
});

test("§2.1 审核流程: a unit's staff find their unit's review chain under 信息发布, their unit chosen and its parent named; only the admin has 单位管理", async () => {
  const page = await gm.pageAs("contributor", "/", W);
  const menu = await gm.menu(page);
  assert.ok(menu.includes("审核流程"), menu.join(","));
  assert.ok(!menu.includes("单位管理") && !menu.includes("系统管理"), menu.join(","));
  await page.locator(".side-menu .el-menu-item", { hasText: "审核流程" }).click();
  await page.waitForURL(/\/units$/);
  await page.locator("[data-test=policy-levels]", { hasText: "部门负责人 → 分管领导" }).waitFor();
  const text = await page.locator(".el-main").innerText();
  assert.match(text, /上级单位\s*示范县/);
  assert.doesNotMatch(text, /单位 \d/);
  assert.match(await page.locator("[data-test=policy-who]").innerText(), /由系统管理员设置/);
  assert.match(await page.locator(".el-breadcrumb").innerText(), /审核流程/);
  assert.equal(await page.title(), "审核流程 - 政务新媒体管理平台");
  await gm.shots(page, "firsttime-review-chain-contributor");
  const admin = await gm.pageAs("admin", "/units", W);
  const am = await gm.menu(admin);
  assert.ok(am.includes("单位管理") && !am.includes("审核流程"), am.join(","));
  assert.equal(await admin.locator("[data-test=policy-who]").count(), 0);
  gm.assertClean(page);
  gm.assertClean(admin);
});

test("§3.1 the lexicon sorts by 词语 in pinyin order, by 类别 and by 处理, over the whole list before paging", async () => {
  const page = await gm.pageAs("admin", "/lexicons", W);
  const table = "[data-test=list-lexicon] [data-test=list-table]";
  await page.locator(`${table} .el-table__row`).first().waitFor();
  const header = name => page.locator(`${table} th`, { hasText: name });
  const col = async i => (await tableRows(page, table)).map(r => r[i]);
  const collator = new Intl.Collator("zh-CN");
  await header("词语").click();
  const terms = await col(0);
  assert.ok(terms.length > 20);
  assert.deepEqual(terms, [...terms].sort(collator.compare));
  assert.notDeepEqual(terms, (await gm.apiAs("admin").then(a => a.get("/admin/lists/lexicon"))).entries.map(e => e.term).slice(0, terms.length));
  await header("词语").click();   // descending
  const down = await col(0);
  assert.deepEqual(down, [...down].sort(collator.compare).reverse());
  await header("处理").click();
  const sev = await col(2);
  const firstWarn = sev.indexOf("提醒");
  assert.ok(firstWarn > 0 && sev.slice(firstWarn).every(s => s === "提醒"), sev.join(","));
  // sorting and search together: only 商业广告, still in order
  await header("词语").click();
  await page.locator("[name=list-search]").fill("商业广告");
  await page.waitForTimeout(200);
  const ads = await tableRows(page, table);
  assert.ok(ads.length >= 5 && ads.every(r => r[1] === "商业广告"), JSON.stringify(ads));
  assert.deepEqual(ads.map(r => r[0]), ads.map(r => r[0]).sort(collator.compare));
  await gm.shots(page, "firsttime-lexicon-sorted");
  gm.assertClean(page);
});

test("§1.3 §1.4 §1.7 an account from opening to closure: filed before its certification, a failed certification recorded after filing, a new 负责人 makes it due for re-filing, re-filed, then closed after a confirmation", async () => {
  const con = await gm.apiAs("contributor"), sup = await gm.apiAs("supervisor"), ops = await gm.apiAs("operator");
  const acc = await con.post("/accounts", { unit_id: 4, name: "示范县教育头条", platform: "toutiao", host_unit: "示范县教育局", date: "2026-11-20",
    responsible: { name: "陈刚", title: "局长", office_phone: "0571-87654321", mobile: "13800138000" },
    admin: { name: "刘洋", title: "科员", office_phone: "0571-87654322", mobile: "13900139000" }, purpose: "发布教育政务信息" });
  await sup.post(`/accounts/${acc.id}/approve`, { note: "同意" });
  await ops.post(`/accounts/${acc.id}/open`, { platform_account_id: "sfxjy_toutiao", date: "2026-11-23" });
  const page = await gm.pageAs("operator", `/accounts/${acc.id}`, W);
  await page.locator("[data-test=account-state]", { hasText: "已开通" }).waitFor();
  assert.equal((await page.locator("[data-test=certification]").innerText()).trim(), "未认证");
  // Not certified yet: the filing is offered all the same.
  await page.locator("[data-test=action-file]").click();
  await page.waitForURL(/\/file$/);
  await gm.settle(page);
  await page.locator("[data-test=file-form] textarea[name=introduction]").fill("示范县教育局官方头条号,发布教育政策与招生信息。");
  await page.locator("[data-test=file-form] input[name=followers]").first().fill("120");
  const png = path.join(gm.dir, "qr-first.png");
  writeFileSync(png, qrLikePng(5));
  await page.locator(".qr-upload input[type=file]").setInputFiles(png);
  await page.locator("[data-test=qr-preview]").waitFor();
  await page.locator("[data-test=file-submit]").click();
  await page.waitForURL(/\/accounts\/\d+$/);
  await page.locator("[data-test=account-state]", { hasText: "已备案" }).waitFor();
  // Certification decided afterwards, and failed: recorded, the account stays filed.
  await page.locator("[data-test=action-certify]").click();
  await page.locator("[data-test=choice-status] label", { hasText: "认证未通过" }).click();
  await page.locator("[data-test=action-dialog] [name=note]").fill("主体材料不全,补充后再申请");
  await page.locator("[data-test=action-confirm]").click();
  await page.locator("[data-test=certification]", { hasText: "认证未通过" }).waitFor();
  assert.match(await page.locator("[data-test=account-state]").innerText(), /已备案/);
  // A new 负责人: due for re-filing within 5 working days; re-filed.
  await page.locator("[data-test=action-changes]").click();
  await page.locator("[data-test=action-dialog] [name=with-responsible]").locator("..").click();
  const dialog = page.locator("[data-test=action-dialog]");
  await dialog.locator('[name="responsible.name"]').fill("王磊");
  await dialog.locator('[name="responsible.title"]').fill("副局长");
  await dialog.locator('[name="responsible.office_phone"]').fill("0571-87654329");
  await dialog.locator('[name="responsible.mobile"]').fill("13900139008");
  await dialog.locator("[name=note]").fill("分管领导调整");
  await page.locator("[data-test=action-confirm]").click();
  await page.locator("[data-test=account-state]", { hasText: "待重新备案" }).waitFor();
  await page.locator("[data-test=action-file]").click();
  await page.waitForURL(/\/file$/);
  await gm.settle(page);
  await page.locator("[data-test=file-submit]").click();
  await page.waitForURL(/\/accounts\/\d+$/);
  await page.locator("[data-test=account-state]", { hasText: "已备案" }).waitFor();
  assert.match(await page.locator(".el-main").innerText(), /王磊/);
  // The 信息中心 closes it: the dialog says it is final and wants a reason.
  const sp = await gm.pageAs("supervisor", `/accounts/${acc.id}`, W);
  await sp.locator("[data-test=action-close]").click();
  await sp.locator("[data-test=action-dialog] .el-alert", { hasText: "注销后账号不能再发布信息" }).waitFor();
  await sp.locator("[data-test=action-confirm]").click();
  await sp.locator("[data-test=action-dialog] .el-form-item__error").first().waitFor();
  await sp.locator("[data-test=action-dialog] [name=reason]").fill("与示范县教育发布内容重复,整合关停");
  await sp.locator("[data-test=action-confirm]").click();
  await sp.locator("[data-test=account-state]", { hasText: "已注销" }).waitFor();
  await sp.getByRole("tab", { name: "办理记录" }).click();
  const steps = await sp.locator("[data-test=timeline] strong").allTextContents();
  assert.deepEqual(steps, ["申请开设账号", "批准开设", "登记开通", "上传二维码", "备案登记", "登记认证",
    "变更负责人或管理员", "备案登记", "注销账号"]);
  assert.match(await sp.locator("[data-test=timeline-certification]").innerText(), /^\s*·\s*认证未通过$/);
  await gm.shots(sp, "firsttime-account-closed");
  gm.assertClean(page);
  gm.assertClean(sp);
});

test("§5.2 the 考核方案 dialog shows a unit's own 满分目标 and a save from it keeps the target", async () => {
  const sup = await gm.apiAs("supervisor");
  await sup.put("/units/4/assessment-scheme", { year: 2026, indicators: [
    { code: "veto_inactivity", weight: 0 }, { code: "timeliness", weight: 60 }, { code: "originality", weight: 40 },
    { code: "originals_bonus", weight: 10, target: 120 }] });
  const page = await gm.pageAs("supervisor", "/reports/assessment?year=2026", W);
  const unit = page.locator("[data-test=assessment-unit]", { hasText: "示范县教育局" }).first();
  await unit.locator("[data-test=edit-scheme]").click();
  const dlg = page.locator("[data-test=scheme-dialog]");
  const target = dlg.locator("[data-test=scheme-target-originals_bonus] input");
  await target.waitFor();
  await page.waitForFunction(sel => document.querySelector(sel) && document.querySelector(sel).value === "120",
    "[data-test=scheme-target-originals_bonus] input");
  // change something else and save: the target stays
  await dlg.locator("[data-test=scheme-weight-timeliness] input").fill("70");
  await dlg.locator("[data-test=scheme-weight-timeliness] input").blur();
  await dlg.locator("[data-test=scheme-weight-originality] input").fill("30");
  await dlg.locator("[data-test=scheme-weight-originality] input").blur();
  await gm.shots(page, "firsttime-scheme-target");
  await dlg.locator("[data-test=scheme-save]").click();
  await page.locator(".el-message--success", { hasText: "已保存考核方案" }).waitFor();
  const s = await sup.get("/units/4/assessment-scheme?year=2026");
  const by = Object.fromEntries(s.indicators.map(i => [i.code, i]));
  assert.equal(by.timeliness.weight, 70);
  assert.equal(by.originals_bonus.target, 120);
  assert.equal(by.originals_bonus.target_in_force, 120);
  // a new target typed in the dialog is saved too
  await unit.locator("[data-test=edit-scheme]").click();
  await page.waitForFunction(sel => document.querySelector(sel) && document.querySelector(sel).value === "120",
    "[data-test=scheme-target-originals_bonus] input");
  await target.fill("150");
  await target.blur();
  await dlg.locator("[data-test=scheme-save]").click();
  let saved;
  for (let i = 0; i < 50 && saved !== 150; i++) {   // the save's answer, read back from the API
    await page.waitForTimeout(200);
    saved = (await sup.get("/units/4/assessment-scheme?year=2026")).indicators.find(x => x.code === "originals_bonus").target;
  }
  assert.equal(saved, 150);
  gm.assertClean(page);
});

test("§4.2 a message assigned, then transferred, says where it went in its 办理记录; answered after its deadline it stays marked", async () => {
  const con = await gm.apiAs("contributor"), sup = await gm.apiAs("supervisor");
  const m = await con.post("/messages", { account_id: 1, kind: "complaint", text: "某小学门口早高峰拥堵,希望协助疏导", from: "网民丙",
                                          received_at: "2026-11-02T09:00:00+08:00" });
  await sup.post(`/messages/${m.id}/assign`, { unit_id: 3 });
  await sup.post(`/messages/${m.id}/assign`, { unit_id: 4 });   // transferred back to the education bureau
  const page = await gm.pageAs("supervisor", `/messages/${m.id}`, W);
  await page.locator("[data-test=assigned-to]", { hasText: "由示范县转至示范县教育局" }).waitFor();
  const assigned = await page.locator("[data-test=assigned-to]").allTextContents();
  assert.deepEqual(assigned.map(s => s.replace(/^:/, "")), ["由示范县教育局转至示范县", "由示范县转至示范县教育局"]);
  const head = await gm.pageAs("depthead", `/messages/${m.id}`, W);
  await head.locator("[data-test=answer]").click();
  await head.locator("[data-test=step-text]").fill("已联系交警大队,自下周一起早高峰派员疏导。");
  await head.locator("[data-test=step-confirm]").click();
  await head.locator("[data-test=answered-late]", { hasText: "逾期答复" }).waitFor();
  assert.doesNotMatch(await head.locator("[data-test=assigned-to]").first().innerText(), /单位 \d/);
  await gm.shots(head, "firsttime-message-transferred-late");
  gm.assertClean(page);
  gm.assertClean(head);
});
