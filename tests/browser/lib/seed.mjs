// seed.mjs - a demo organisation with something in every state, for tests
// that look at every page (browser.sweep) and for exploring journeys.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { BIN } from "./gm.mjs";

// Something in every state, so the tables have rows whose codes must be labels:
// posts drafted, waiting, returned, published; messages logged, acknowledged,
// turned into an incident; a meeting, a duty day; an application waiting; a
// closed account; an annual review round with a report passed; publications.
export async function seedEveryState(gm) {
  const con = await gm.apiAs("contributor"), head = await gm.apiAs("depthead"), lead = await gm.apiAs("leader");
  const op = await gm.apiAs("operator"), sup = await gm.apiAs("supervisor"), admin = await gm.apiAs("admin");
  const post = (title, body) => con.post("/posts", { title, body, account_ids: [1], major: false, repost_source: null });
  await post("草稿:冬季取暖安全提示", "请各校检查取暖设施,咨询电话13812345678。");
  const waiting = await post("关于期末考试安排的通知", "各学校:期末考试安排在1月中旬。");
  await con.post(`/posts/${waiting.id}/submit`);
  const returned = await post("关于寒假放假时间的通知", "寒假自1月24日起。");
  await con.post(`/posts/${returned.id}/submit`);
  await head.post(`/posts/${returned.id}/reject`, { reason: "请写明返校时间" });
  const done = await post("十一月工作动态", "本月完成校园安全自查。");
  await con.post(`/posts/${done.id}/submit`);
  await head.post(`/posts/${done.id}/approve`, { note: "同意" });
  await lead.post(`/posts/${done.id}/approve`, { note: "同意", confidentiality: true });
  await op.post(`/posts/${done.id}/publish`, { account_id: 1, platform_post_id: "demo-1" });
  // an old consultation nobody answered: overdue
  await con.post("/messages", { account_id: 1, kind: "consult", text: "学校食堂的收费标准在哪里公布?", from: "网民甲", received_at: "2026-11-02T09:00:00" });
  const complaint = await con.post("/messages", { account_id: 1, kind: "complaint", text: "某校食堂饭菜变质,已有多人转发", from: "网民乙", received_at: "2026-11-23T10:00:00" });
  await head.post(`/messages/${complaint.id}/ack`, { text: "您好,已收到,正在核实。" });
  await head.post("/incidents", { message_id: complaint.id, level: "一般", text: "食堂食品安全舆情" });
  await head.post("/meetings", { unit_id: 4, held_on: "2026-11-02", kind: "monthly", title: "十一月例会", attendees: ["张华"], minutes: "部署年审" });
  await head.post("/duty", { unit_id: 4, day: "2026-12-01", person: "刘洋" });
  await con.post("/accounts", { unit_id: 4, name: "示范县教育头条", platform: "toutiao", host_unit: "示范县教育局", date: "2026-11-01",
    responsible: { name: "陈刚", title: "局长", office_phone: "0571-87654321", mobile: "13800138000" },
    admin: { name: "刘洋", title: "科员", office_phone: "0571-87654322", mobile: "13900139000" }, purpose: "发布教育政务信息" });
  await sup.post("/accounts/2/close", { reason: "长期不更新,予以注销", date: "2026-11-20" });
  const round = await sup.post("/reviews", { year: 2026 });
  await op.post(`/reviews/${round.id}/accounts/1/report`, { text: "2026 年度运行情况:发布 210 条。" });
  await sup.post(`/reviews/${round.id}/accounts/1/pass`, { reason: "运行规范" });
  await admin.post("/admin/lists/lexicon", { add: [{ term: "巡检演示违规词", category: "rumour", severity: "block" }] });
  const rows = ["published_at,title,url,kind"];
  for (let d = 1; d <= 20; d++) rows.push(`2026-10-${String(d).padStart(2, "0")} 10:00,十月第${d}篇,https://mp.weixin.qq.com/s/c${d},${d % 5 ? "转载" : "原创"}`);
  const file = path.join(gm.dir, "pubs.csv");
  writeFileSync(file, rows.join("\n") + "\n");
  execFileSync(BIN, ["publication", "import", "--db", gm.db, "--account", "1", file]);
}

