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
