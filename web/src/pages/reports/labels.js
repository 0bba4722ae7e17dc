// labels.js - Chinese labels of the report pages' own codes.
import { defineLabels } from "@/lib/labels.js";

defineLabels("activityStatus", { ok: "正常", warning: "预警", violation: "未达标", veto: "单项否决" });
defineLabels("activityPolicy", {
  national: "国办检查标准(两周内须更新)",
  twice_weekly: "每周至少 2 篇",
  every_3_days: "每 1–3 天至少 1 篇",
  daily: "每天至少 1 篇(节假日除外)且每两周 1 篇原创",
  weekly: "每周至少 1 篇(省级规定)",
});
defineLabels("indicatorKind", { veto: "否决项", score: "计分项", bonus: "加分项" });

export const statusTag = { ok: "success", warning: "warning", violation: "danger", veto: "danger" };

// The assessment indicators the server knows (src/core/assessment.c), in its
// order: kind, and whether it is a "vanity" figure (likes, reads, …) that a
// government unit's scheme may not use (指尖上的形式主义, 2024).
export const INDICATORS = [
  { code: "veto_security", label: "安全问题:泄密、严重表述错误(单项否决)", kind: "veto" },
  { code: "veto_inactivity", label: "内容更新:两周未更新(单项否决)", kind: "veto" },
  { code: "veto_interaction", label: "互动回应差(单项否决)", kind: "veto" },
  { code: "timeliness", label: "更新及时", kind: "score" },
  { code: "originality", label: "原创比例(原创占比达 50% 得满分)", kind: "score" },
  { code: "replies", label: "留言按时回复", kind: "score" },
  { code: "consolidation", label: "整合集约(无僵尸、重复账号)", kind: "score" },
  { code: "originals_bonus", label: "原创数量加分", kind: "bonus" },
  { code: "reads", label: "阅读量", kind: "score", vanity: true },
  { code: "likes", label: "点赞量", kind: "score", vanity: true },
  { code: "follows", label: "关注数", kind: "score", vanity: true },
  { code: "forwards", label: "转发量", kind: "score", vanity: true },
  { code: "reading_time", label: "阅读时长", kind: "score", vanity: true },
];
