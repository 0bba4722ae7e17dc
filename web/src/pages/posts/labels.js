// labels.js - Chinese labels of the posts pages' codes.
import { defineLabels } from "@/lib/labels.js";

defineLabels("postState", {
  draft: "草稿", in_review: "审核中", returned: "已退回", approved: "已审核待发布",
  published: "已发布", withdrawn: "已撤回",
});
defineLabels("findingSeverity", { block: "禁止", warn: "警示", info: "提示" });
defineLabels("disclosureType", { punishment: "惩戒公示", mandatory: "强制性信息披露" });
defineLabels("findingRule", {
  lexicon: "违禁词", length: "字数", privacy: "个人信息", source: "转载来源", media: "媒体文件",
  expression: "表述错误",
});

export function postStateTag(s) {
  return { draft: "info", in_review: "warning", returned: "danger", approved: "success", published: "" }[s] ?? "info";
}
