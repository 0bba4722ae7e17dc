// auditRecord.js - an audit row's before/after as an inspector reads them:
// one line per field with its Chinese name, the value before and after, and
// whether it changed; codes shown by their label (states, roles, platforms),
// unit ids by the unit's name, times in Beijing time, true/false as 是/否.
// A field without a known name keeps its own (the raw JSON stays one click
// away on the audit page, for the exact record).  A part holding fields of
// its own (an account's closing: {reason, date, by, at}) gives one line per
// field, named by both ("注销 · 原因"), so a change inside it is seen at once.
//
//   auditRows(row.before, row.after, row.object_type, row)
//     -> [{ key, field, before, after, changed }]  (null when not one object each)
//   (the last argument, the audit row, names its own login: "by" of the part
//   the step wrote reads as the actor's name)
import { label } from "./labels.js";
import { fieldLabel } from "@/pages/accounts/recordLabels.js";
import { unitName } from "./session.js";
import { beijingTime } from "./time.js";

const FIELDS = {
  id: "编号", state: "状态", version: "版本", login: "登录名", display_name: "姓名", unit_id: "单位",
  role: "角色", roles: "角色", name: "名称", parent_id: "上级单位", kind: "类型", path: "单位路径",
  platform: "平台", title: "标题", body: "正文", text: "内容", reason: "原因", note: "说明", level: "等级",
  user_id: "用户", account_id: "账号", account_ids: "发布账号", day: "日期", person: "人员", leader: "带班领导",
  phone: "电话", held_on: "日期", attendees: "参会人员", minutes: "纪要", priority: "优先级", keyword: "关键词",
  scope_unit_id: "适用单位", target_unit_id: "分派到", major: "重大敏感", repost_source: "转载来源",
  disclosure: "依法公开", confidentiality: "保密审查", override_reason: "放行理由", url: "链接",
  mass_send: "群发", at: "时间", expires_at: "截止时间", until: "延期至", result: "办理结果",
  summary: "总结", year: "年度", month: "月份", entries: "条目数", disabled: "停用", preset: "预设方案",
  levels: "审核级次", overdue_days: "审核时限(工作日)", term: "词语", category: "类别", severity: "处理",
  // the parts of an account's record an account step changed (its audit row holds them)
  approval: "批准", rejection: "驳回", opening: "开通", certification: "认证", filing: "备案",
  last_change: "人员变更", closing: "注销", merge: "合并", qr_code: "二维码", responsible: "负责人",
  admin: "管理员", exception_reason: "例外理由", merged_into: "并入账号",
  // annual review, posts, policies
  round_id: "年审轮次", review_state: "年审报告", must_close: "应关停数", must_close_ids: "应关停账号",
  kept: "保留数", confidentiality_confirmed: "保密审查确认", indicators: "考核指标", source: "方案来源",
  // the fields inside a part, and the publication import
  date: "日期", by: "办理人", status: "结果", weight: "权重", target: "满分目标", code: "指标",
  imported: "新导入", updated: "更新数据", skipped: "跳过", encoding: "文件编码",
  // incidents (舆情事件) and messages
  step: "通知步骤", steps: "通知步骤", notified: "已通知", acked_at: "确认时间", acked_by: "确认人",
  escalated_at: "督办时间", escalated_to: "督办至", closed_at: "结束时间", message_id: "来源留言",
  // a download (report.download): the file and the filters it was made with
  format: "文件格式", bytes: "文件大小(字节)", as_of: "统计日期", from: "起始日期", to: "截止日期",
};
const CERTIFICATION = { certified: "已认证", failed: "认证未通过", pending: "未认证" };
// The label table of a field's codes, by the audited object's type.
const CODES = { platform: () => "platform", role: () => "role", state: t => (t === "account" ? "accountState" : null) };

// "closing.reason" -> "注销 · 原因" (an account's parts by the names of its record page).
function fieldName(key, type) {
  if (!key.includes(".")) return FIELDS[key] || key;
  if (type === "account") return fieldLabel(key);
  return key.split(".").map(p => FIELDS[p] || p).join(" · ");
}

// {"closing": {"reason": "…"}} -> {"closing.reason": "…"}; arrays stay whole.
function flatten(obj, prefix = "", out = {}) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isRecord(v) && Object.keys(v).length) flatten(v, key, out);
    else out[key] = v;
  }
  return out;
}

const isTime = v => typeof v === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(v);

// An object inside a list (a scheme's indicators): its fields named, on one line.
const inline = o => Object.entries(o).map(([k, x]) => `${FIELDS[k] || k}:${x === null ? "—" : typeof x === "object" ? JSON.stringify(x) : x}`).join(",");

function show(key, v, row, type, ctx) {
  if (v === undefined) return "";
  const last = key.slice(key.lastIndexOf(".") + 1);
  if (last === "by" && typeof v === "string" && ctx && v === ctx.login && ctx.actor_name) return ctx.actor_name;
  if (last === "status" && key !== last && CERTIFICATION[v]) return CERTIFICATION[v];
  if (last === "changed" && Array.isArray(v)) return v.map(x => FIELDS[x] || x).join("、");
  if (key !== last) return show(last, v, null, type, ctx);
  if (v === null || v === "") return "—";
  if (typeof v === "boolean") return v ? "是" : "否";
  if (row && typeof row[`${key}_label`] === "string") return row[`${key}_label`];
  const named = row && row[key.replace(/_id$/, "_name")];
  if (key.endsWith("_id") && typeof named === "string") return named;
  if (/(^|_)unit_id$/.test(key) || key === "parent_id") return unitName(v) || String(v);
  const table = CODES[key] && CODES[key](type);
  if (table && typeof v === "string") return label(table, v);
  if (isTime(v)) return beijingTime(v);
  if (Array.isArray(v)) return v.map(x => (isRecord(x) ? inline(x) : x && typeof x === "object" ? JSON.stringify(x) : String(x))).join("、");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

const parse = s => {
  if (s === null || s === undefined || s === "") return {};
  if (typeof s !== "string") return s;
  try { return JSON.parse(s); } catch { return undefined; }
};
const isRecord = o => o && typeof o === "object" && !Array.isArray(o);

export function auditRows(before, after, objectType, ctx = null) {
  const pb = parse(before), pa = parse(after);
  if (!isRecord(pb) || !isRecord(pa)) return null;
  const b = flatten(pb), a = flatten(pa);
  const all = { ...b, ...a };
  // "kind_label" is shown as the value of "kind", "target_unit_name" as that of "target_unit_id"
  const shownElsewhere = k => (k.endsWith("_label") && k.slice(0, -6) in all) || (k.endsWith("_name") && `${k.slice(0, -5)}_id` in all);
  const keys = Object.keys(all).filter(k => !shownElsewhere(k));
  return keys.map(k => {
    const was = k in b ? show(k, b[k], b, objectType, ctx) : "", now = k in a ? show(k, a[k], a, objectType, ctx) : "";
    return { key: k, field: fieldName(k, objectType), before: was, after: now, changed: was !== now };
  });
}
