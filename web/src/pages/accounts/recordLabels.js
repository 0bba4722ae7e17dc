// recordLabels.js - Chinese names of the fields of an account's record
// (the versions' before/after and the detail page), by dotted path.
const SECTIONS = {
  approval: "审批", rejection: "驳回", opening: "开通", certification: "认证", filing: "备案",
  qr_code: "二维码", last_change: "最近变更", closing: "注销", merge: "合并", annual_review: "年审",
};
const PEOPLE = { responsible: "负责人", admin: "管理员" };
const FIELDS = {
  name: "名称", platform: "平台类型", host_unit: "主办单位", date: "日期", purpose: "申请说明",
  title: "职务", office_phone: "办公电话", mobile: "手机号码", qq: "QQ号码", wechat: "微信号",
  note: "说明", reason: "原因", at: "办理时间", by: "办理人", platform_account_id: "平台账号ID",
  filing_due: "备案期限", created_on: "创建时间", followers: "关注人数", introduction: "新媒体平台简介",
  mime: "图片类型", bytes: "字节数", sha256: "SHA-256", into: "并入账号", into_name: "并入账号名称",
  moved: "迁移内容", refiling_due: "重新备案期限", due: "期限", filed_late: "逾期备案", days_late: "逾期天数",
  changed: "变更项", status: "结果",
};

export function fieldLabel(path) {
  const parts = path.split(".");
  return parts.map((p, i) => {
    if (i === 0 && parts.length === 1 && p === "date") return "申请时间";
    if (PEOPLE[p]) return PEOPLE[p];
    if (SECTIONS[p]) return SECTIONS[p];
    if (p === "name" && i > 0 && PEOPLE[parts[i - 1]]) return "姓名";
    return FIELDS[p] || p;
  }).join(" · ");
}

// {"admin.name": "刘洋", ...} for a nested record.
export function flatten(obj, prefix = "", out = {}) {
  for (const [k, v] of Object.entries(obj || {})) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object" && !Array.isArray(v)) flatten(v, key, out);
    else out[key] = v;
  }
  return out;
}
