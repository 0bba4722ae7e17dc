// labels.js - the Chinese label of every code the API returns (platforms,
// account states, audit actions, roles, permissions, unit kinds, review
// states).  Pages never show a raw code: they call label(kind, code).
// A feature with codes of its own adds them with defineLabels() in its own
// page folder (see docs/ARCHITECTURE.md, "How to add a console page").
// Units are shown by name: unitName(id) in session.js.
const tables = {
  platform: {
    weibo: "微博", wechat: "微信公众号", toutiao: "头条号", douyin: "抖音", kuaishou: "快手",
    app: "移动客户端",
  },
  accountState: {
    none: "未申请", applied: "待审批", approved: "已批准", rejected: "已驳回", opened: "已开通",
    certified: "已认证", filed: "已备案", refiling_due: "待重新备案", closed: "已注销", merged: "已合并",
  },
  accountEvent: {
    apply: "申请", approve: "批准", reject: "驳回", open: "开通", certify: "认证", file: "备案",
    change_people: "变更负责人或管理员", submit_annual_report: "提交年审报告",
    pass_annual_review: "年审通过", fail_annual_review: "年审不通过", close: "注销", merge: "合并",
    qr_upload: "上传二维码",
  },
  role: {
    contributor: "信息员", department_head: "部门负责人", leader: "分管领导", principal: "主要负责人",
    operator: "运维管理员", supervisor: "信息中心(归口管理)", admin: "系统管理员", observer: "监督检查",
  },
  permission: {
    "unit.read": "查看单位", "unit.write": "管理单位", "user.read": "查看用户", "user.write": "管理用户",
    "audit.read": "查看审计日志", "check.run": "合规检查", "lexicon.admin": "词库管理",
    "account.read": "查看账号", "account.apply": "申请开设账号", "account.approve": "审批账号",
    "account.operate": "账号运维(开通、认证、备案、变更)", "account.report": "提交年审报告",
    "account.review": "年度审核", "account.close": "注销与合并账号", "calendar.admin": "工作日历管理",
    "post.recheck": "回溯检查", "job.run": "立即运行定时任务",
  },
  action: {
    "session.login": "登录", "session.logout": "退出登录", "session.login_failed": "登录失败",
    "session.locked": "账户锁定", "unit.add": "新增单位", "user.add": "新增用户", "user.grant": "授予角色",
    "user.passwd": "重置密码", "account.apply": "申请开设账号", "account.approve": "批准开设",
    "account.reject": "驳回申请", "account.open": "登记开通", "account.certify": "登记认证",
    "account.qr_upload": "上传二维码", "account.file": "备案登记", "account.change": "变更负责人或管理员", "account.change_people": "变更负责人或管理员",
    "account.close": "注销账号", "account.merge": "合并账号", "account.national_file": "登记全国系统报送", "national_filing.policy": "设置全国报送期限",
    "credential.set": "保管登录凭据", "credential.reveal": "查看登录凭据", "credential.grant": "授权登录", "credential.revoke": "收回登录授权", "credential.rekey": "更换凭据保管密钥",
    "credential.request": "申请登录授权", "credential.request_approve": "批准登录授权申请", "credential.request_reject": "驳回登录授权申请", "account.review_submit": "提交年审报告",
    "account.review_pass": "年审通过", "account.review_fail": "年审不通过", "review.open": "开启年审",
    "review.close": "结束年审", "calendar.load": "导入工作日历", "lexicon.reload": "重新加载词库",
    "list.edit": "修改词库或名单", "list.import": "导入词库或名单",
    "post.create": "起草稿件", "post.correct": "起草更正稿", "post.edit": "修改稿件", "post.check": "合规检查未通过",
    "post.submit": "提交审核", "post.approve": "审核通过", "post.reject": "退回稿件", "post.preview": "预览/测试发送",
    "post.schedule": "定时发布", "post.publish": "发布", "post.withdraw": "撤回稿件", "post.remind": "超时提醒",
    "post.cancel_schedule": "取消定时发布", "review_policy.set": "设置审核流程",
    "publish_grant.add": "授予发布权限", "publish_grant.remove": "收回发布权限",
    "job.run": "立即运行定时任务", "report.download": "下载报表或导出文件",
    "user.revoke": "收回角色", "user.disable": "停用用户", "user.enable": "启用用户", "user.sessions_end": "强制下线",
    "account.activity_policy": "设置更新频率要求", "publication.import": "导入发布记录",
    "activity.warnings": "活跃度预警", "assessment.scheme": "设置考核方案", "audit.anchor": "生成审计锚点",
    "message.log": "登记留言", "message.import": "导入留言", "message.assign": "分派留言", "message.ack": "受理留言",
    "message.answer": "答复留言", "message.extend": "留言延期", "message.hide": "屏蔽留言", "message.escalate": "留言超期督办",
    "message.import_file": "导入平台导出文件", "message.mapping_set": "设置导入列对应", "message.policy_set": "设置留言办理时限",
    "message.rule_add": "新增分派规则", "message.rule_update": "修改分派规则", "message.rule_delete": "删除分派规则",
    "incident.open": "登记舆情事件", "incident.action": "记录处置措施", "incident.statement": "发布回应口径",
    "incident.level": "调整舆情等级", "incident.ack": "确认舆情", "incident.escalate": "舆情升级", "incident.close": "结束舆情事件",
    "incident.chain_set": "设置舆情报告链", "duty.add": "排班", "duty.remove": "取消排班",
    "meeting.add": "登记会议或培训", "meeting.attach": "上传会议材料",
    "webhook.add": "新增群机器人", "webhook.update": "修改群机器人", "webhook.test": "测试群机器人", "webhook.delete": "删除群机器人",
    "notification.read": "阅读通知", "notification.read_all": "全部通知标为已读",
  },
  // what a report.download audit row names (object type report): http/download_audit.h
  report: { activity: "活跃度报表", zombies: "僵尸账号名单", weekly: "周统计", assessment: "年度考核",
    accounts: "账号备案登记表", reviews: "年审结果", closed_active: "注销后仍有发布的账号",
    duty_roster: "值班表", review_must_close: "年审应关停名单" },
  objectType: { unit: "单位", user: "用户", account: "账号", session: "会话", review: "年审", calendar: "工作日历", lexicon: "词库", managed_list: "词库或名单", post: "稿件", publish_grant: "发布权限", job: "定时任务",
    review_round: "年审轮次", message: "留言", message_mapping: "导入列对应", message_rule: "分派规则", incident: "舆情事件",
    duty_shift: "值班", meeting: "会议与培训", webhook: "群机器人", notification: "通知", report: "报表", audit: "审计日志", vault: "凭据保管" },
  unitKind: {
    province: "省级", city: "市级", county: "县级", township: "乡镇", department: "部门",
    internal: "内设机构", organisation: "其他组织",
  },
  reviewState: { none: "未提交", submitted: "已提交", passed: "已通过", failed: "未通过" },
  reviewOutcome: { keep: "保留", pending: "待审核", must_close: "应关停", exempt: "免审" },
  roundState: { open: "进行中", closed: "已结束" },
  overdue: { filing: "备案逾期", refiling: "重新备案逾期", any: "任一逾期" },
  checkRule: { lexicon: "违禁词", length: "字数", privacy: "个人信息", source: "转载来源", media: "媒体文件", expression: "规范表述" },
  checkCategory: {
    ads: "商业广告", gambling: "赌博", fraud: "诈骗", vulgar: "低俗", rumour: "谣言/未经核实", secret: "涉密",
    mobile: "手机号", id_card: "身份证号", bank_card: "银行卡号", email: "电子邮箱", missing: "未注明来源",
    unapproved: "来源未经核准", type: "文件类型", size: "文件大小", typo: "错别字", title: "标题", general: "一般",
  },
  // the expression rule's categories (a "title" there is an office-holder's 职务)
  expressionCategory: { name: "名称或姓名", formulation: "规范表述", title: "领导职务", typo: "错别字" },
  severity: { block: "禁止发布", warn: "提醒" },
  calendarSource: { store: "已导入", shipped: "随软件提供" },
  // the lists an admin maintains (the audit log names them; pages/lists/listDefs.js edits them)
  managedList: { lexicon: "违禁词库", allow: "白名单", context: "打击/警示语境词", register: "官方语体词",
    sources: "核准转载来源", names: "规范名称", formulations: "规范表述", outdated: "过时表述", officials: "领导职务" },
};

// Adds or extends a table: defineLabels("postState", {draft: "草稿", ...}).
// The platforms the compliance check knows: every account platform, and the
// portal website (门户网站, the seed-004 media rule: JPEG 1–5 MB), which has
// no accounts here.
defineLabels("checkPlatform", { ...tables.platform, website: "门户网站" });

export function defineLabels(kind, map) {
  tables[kind] = { ...(tables[kind] || {}), ...map };
}

// The Chinese label of code; an unknown code is shown as is rather than hidden.
export function label(kind, code) {
  if (code === null || code === undefined || code === "") return "";
  const t = tables[kind];
  return (t && t[code]) || String(code);
}

// Who did something, as people read it: the command line and the scheduler
// act under logins of their own ("cli:local", "scheduler"), shown in Chinese.
export function who(login, name) {
  if (name) return String(name);   // the API's actor_name: people know each other by name
  if (login === null || login === undefined || login === "") return "—";
  if (login === "scheduler" || String(login).startsWith("system:")) return "定时任务";
  if (String(login).startsWith("cli:")) return login === "cli:local" ? "命令行" : `命令行(${String(login).slice(4)})`;
  return String(login);
}

// A request's client address; "cli" marks the command line, "job" the scheduler.
export function clientAddr(addr) {
  return ({ cli: "命令行", job: "定时任务" })[addr] || addr || "—";
}

// [{value, label}] for a select of every code of kind.
export function options(kind) {
  return Object.entries(tables[kind] || {}).map(([value, text]) => ({ value, label: text }));
}

// Element Plus tag type for an account state.
export function stateTagType(state) {
  return ({ applied: "warning", approved: "primary", rejected: "info", opened: "primary",
    certified: "primary", filed: "success", refiling_due: "danger", closed: "info", merged: "info" })[state] || "info";
}
