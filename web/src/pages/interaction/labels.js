// labels.js - Chinese labels of the interaction codes (messages, incidents,
// duty, meetings) and of the permissions issue 11 added.
import { defineLabels } from "@/lib/labels.js";

defineLabels("messageState", { received: "待分派", assigned: "已分派", acknowledged: "已受理", answered: "已答复", hidden: "已屏蔽" });
defineLabels("messageKind", { consult: "咨询", suggestion: "建议", complaint: "投诉", report: "举报", other: "其他" });
defineLabels("messageChannel", { message: "留言", comment: "评论", private: "私信" });
defineLabels("messageResult", { resolved: "已解决", explained: "已解释说明", referred: "已转有关部门", declined: "不予受理" });
defineLabels("messageEvent", { log: "登记", import: "导入", assign: "分派", ack: "受理", answer: "答复", extend: "延期", extend_void: "延期不计", hide: "屏蔽", escalate: "超期督办" });
defineLabels("incidentLevel", { general: "一般", serious: "较大", major: "重大", grave: "特别重大" });
defineLabels("incidentEvent", { open: "登记", action: "处置措施", statement: "回应口径", level: "调整等级", ack: "确认", escalate: "升级", close: "结束" });
defineLabels("meetingKind", { monthly: "月度例会", training: "培训", special: "专题会议" });
defineLabels("permission", {
  "message.read": "查看留言、舆情、值班与会议", "message.handle": "登记与答复留言",
  "message.moderate": "延期与屏蔽留言", "message.admin": "留言分派规则与时限设置",
  "incident.manage": "处置舆情事件", "duty.write": "排班", "meeting.write": "登记会议与培训",
});

export function messageStateTag(s) {
  return ({ received: "warning", assigned: "primary", acknowledged: "primary", answered: "success", hidden: "info" })[s] || "info";
}

// Was the first response (受理, or the answer when nothing was 受理'd first)
// or the answer given after its deadline? Late replies count against 互动回应
// (a national veto item), so the pages say so even once the message is done.
// The API judges both (first_response_late, answer_late); the times are the
// fallback of an older server.
const after = (done, due) => !!(done && due && Date.parse(done) > Date.parse(due));
const firstResponse = m => m.first_responded_at || m.acknowledged_at || m.answered_at;
export const ackedLate = m => (typeof m.first_response_late === "boolean" ? m.first_response_late : after(firstResponse(m), m.first_response_due));
export const answeredLate = m => (typeof m.answer_late === "boolean" ? m.answer_late : after(m.answered_at, m.extended_until || m.answer_due));
