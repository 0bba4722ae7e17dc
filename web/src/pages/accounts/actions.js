// actions.js - the lifecycle steps of an account the detail page offers:
// the states each applies to (src/core/account.c's table), the permission
// it needs on the account's unit (src/http/routes_accounts.c), and the
// fields its confirmation dialog asks for (required ones are refused by the
// server too, with the field named).
const LIVE = ["opened", "certified", "filed", "refiling_due"];

export const ACCOUNT_ACTIONS = [
  { key: "approve", label: "批准", perm: "account.approve", states: ["applied"], type: "success",
    confirm: "批准后申请单位即可开通账号。", fields: [{ key: "note", label: "审批意见", type: "textarea" }] },
  { key: "reject", label: "驳回", perm: "account.approve", states: ["applied"], type: "danger",
    confirm: "驳回后该平台的名额释放,申请单位可重新申请。", fields: [{ key: "reason", label: "驳回理由", type: "textarea", required: true }] },
  { key: "open", label: "登记开通", perm: "account.operate", states: ["approved"], type: "primary",
    confirm: "开通后 3 日内须完成备案。",
    fields: [{ key: "platform_account_id", label: "平台账号ID", required: true }, { key: "date", label: "开通日期", type: "date", required: true }] },
  // Certification (认证) is an attribute of its own, recorded before or after filing, passed
  // or failed; it never gates the filing (due 3 days after opening, certification may take longer).
  { key: "certify", label: "登记认证", perm: "account.operate", states: LIVE,
    confirm: "平台认证与备案互不影响:未认证也可先备案,认证结果出来后再登记。",
    fields: [{ key: "status", label: "认证结果", type: "choice", default: "certified",
               options: [{ value: "certified", label: "已认证" }, { value: "failed", label: "认证未通过" }] },
             { key: "date", label: "认证日期", type: "date", required: true }, { key: "note", label: "说明", type: "textarea" }] },
  { key: "file", label: "备案登记", perm: "account.operate", states: ["opened", "certified", "refiling_due"], type: "primary", page: "file" },
  { key: "changes", label: "变更负责人/管理员", perm: "account.operate", states: LIVE,
    confirm: "已备案账号变更人员后须在 5 个工作日内重新备案。",
    fields: [{ key: "date", label: "变更日期", type: "date", required: true }, { key: "responsible", label: "新负责人", type: "person" },
      { key: "admin", label: "新管理员", type: "person" }, { key: "note", label: "变更说明", type: "textarea" }] },
  { key: "close", label: "注销", perm: "account.close", states: LIVE, type: "danger",
    confirm: "注销后账号不能再发布信息,记录永久保留。",
    fields: [{ key: "reason", label: "注销原因", type: "textarea", required: true }, { key: "date", label: "注销日期", type: "date", required: true }] },
  { key: "merge", label: "合并", perm: "account.close", states: LIVE, type: "warning",
    confirm: "合并后本账号停止运行,内容迁入目标账号。",
    fields: [{ key: "into", label: "并入账号", type: "account", required: true }, { key: "date", label: "合并日期", type: "date", required: true },
      { key: "moved", label: "迁移内容", required: true, placeholder: "如:3200 名粉丝、历史文章 412 篇" },
      { key: "reason", label: "合并原因", type: "textarea", required: true }] },
];
