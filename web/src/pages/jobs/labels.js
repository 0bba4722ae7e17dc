// labels.js - the scheduler's codes in Chinese (run status).
import { defineLabels } from "@/lib/labels.js";

defineLabels("jobStatus", { ok: "成功", failed: "失败", running: "运行中" });

export const statusTagType = s => ({ ok: "success", failed: "danger", running: "warning" })[s] || "info";
