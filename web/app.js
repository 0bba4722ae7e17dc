// govmedia console: login, units, compliance check, audit verification.
// Talks only to /api/v1; the session cookie is HttpOnly, the CSRF token
// returned at login is kept in memory and sent as X-CSRF-Token on writes.
"use strict";

let csrf = null;

async function api(method, path, body) {
  const headers = { "Content-Type": "application/json" };
  if (csrf && method !== "GET") headers["X-CSRF-Token"] = csrf;
  const res = await fetch("/api/v1" + path, {
    method, headers, credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  return { status: res.status, data };
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => (k === "onclick" || k === "onsubmit") ? (e[k] = v) : e.setAttribute(k, v));
  children.flat().forEach(c => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return e;
}

function errorText(r) {
  const e = r.data && r.data.error;
  return e ? e.message + (e.field ? "（" + e.field + "）" : "") : "请求失败（" + r.status + "）";
}

const main = () => document.getElementById("main");

function showLogin(message) {
  document.getElementById("who").textContent = "";
  const msg = el("p", { class: "error", id: "login-error" }, message || "");
  const form = el("form", { id: "login-form" },
    el("label", {}, "登录名 ", el("input", { name: "login", id: "login", autocomplete: "username" })),
    el("label", {}, "密码 ", el("input", { name: "password", id: "password", type: "password", autocomplete: "current-password" })),
    el("button", { type: "submit" }, "登录"), msg);
  form.onsubmit = async ev => {
    ev.preventDefault();
    const r = await api("POST", "/session", { login: form.login.value, password: form.password.value });
    if (r.status === 201) { csrf = r.data.csrf_token; showHome(r.data.user); }
    else msg.textContent = errorText(r);
  };
  main().replaceChildren(el("section", {}, el("h2", {}, "登录"), form));
}

function roleText(user) {
  return user.roles.map(r => r.role_label + "@" + r.unit_id).join("、");
}

async function showHome(user) {
  document.getElementById("who").replaceChildren(
    user.display_name + "（" + roleText(user) + "） ",
    el("button", { id: "logout", onclick: async () => { await api("DELETE", "/session"); csrf = null; showLogin(); } }, "退出"));
  const area = el("div", { id: "area" });
  const nav = el("nav", {},
    el("button", { id: "nav-accounts", onclick: () => showAccounts(area, user) }, "账号"),
    el("button", { onclick: () => showUnits(area) }, "单位"),
    el("button", { id: "nav-check", onclick: () => showCheck(area) }, "合规检查"),
    el("button", { onclick: () => showAudit(area) }, "审计日志"));
  main().replaceChildren(nav, area);
  showCheck(area);
}

async function showUnits(area) {
  const r = await api("GET", "/units");
  if (r.status !== 200) return area.replaceChildren(el("p", { class: "error" }, errorText(r)));
  const rows = r.data.units.map(u => el("tr", {}, el("td", {}, u.id), el("td", {}, u.name), el("td", {}, u.kind_label), el("td", {}, u.path)));
  area.replaceChildren(el("section", {}, el("h2", {}, "单位"),
    el("table", {}, el("tr", {}, el("th", {}, "ID"), el("th", {}, "名称"), el("th", {}, "类型"), el("th", {}, "层级")), rows)));
}

function overdueText(a) {
  const o = a.overdue || {};
  if (o.filing) return "备案逾期（应于 " + a.filing_due + " 前）";
  if (o.refiling) return "重新备案逾期（应于 " + a.refiling_due + " 前）";
  if (a.state === "refiling_due") return "待重新备案（" + a.refiling_due + " 前）";
  return "";
}

const ACTION_LABELS = {
  "account.apply": "提交申请", "account.approve": "批准", "account.reject": "驳回",
  "account.open": "登记开通", "account.certify": "登记认证", "account.file": "备案",
  "account.change_people": "负责人/管理员变更", "account.close": "注销", "account.merge": "合并",
  "account.qr_upload": "上传二维码", "account.review_submit": "提交年审报告",
  "account.review_pass": "年审通过", "account.review_fail": "年审不通过",
};

function isSupervisor(user) {
  return user.roles.some(r => r.role === "supervisor");
}

// The account registry: state, overdue filings, and each account's record.
async function showAccounts(area, user, onlyOverdue) {
  const r = await api("GET", "/accounts" + (onlyOverdue ? "?overdue=any" : ""));
  if (r.status !== 200) return area.replaceChildren(el("p", { class: "error" }, errorText(r)));
  const detail = el("div", { id: "account-detail" });
  const rows = r.data.accounts.map(a => el("tr", { "data-account": a.id },
    el("td", {}, a.id), el("td", {}, el("a", { href: "#", onclick: ev => { ev.preventDefault(); showAccount(detail, user, a.id, area); } }, a.name)),
    el("td", {}, a.platform_label), el("td", {}, a.unit_name), el("td", { class: "state" }, a.state_label),
    el("td", { class: "error overdue" }, overdueText(a))));
  const toggle = el("button", { id: "accounts-overdue", onclick: () => showAccounts(area, user, !onlyOverdue) },
    onlyOverdue ? "显示全部账号" : "只看逾期未备案");
  area.replaceChildren(el("section", {}, el("h2", {}, "新媒体账号"), toggle,
    el("table", { id: "accounts-table" }, el("tr", {}, el("th", {}, "ID"), el("th", {}, "名称"), el("th", {}, "平台"),
      el("th", {}, "主办单位"), el("th", {}, "状态"), el("th", {}, "提醒")), rows)), detail);
}

async function showAccount(detail, user, id, area) {
  const [r, t] = await Promise.all([api("GET", "/accounts/" + id), api("GET", "/accounts/" + id + "/timeline")]);
  if (r.status !== 200) return detail.replaceChildren(el("p", { class: "error" }, errorText(r)));
  const a = r.data, rec = a.record || {};
  const resp = rec.responsible || {}, adm = rec.admin || {};
  const facts = [["名称", a.name], ["平台", a.platform_label], ["主办单位", a.unit_name], ["状态", a.state_label],
    ["负责人", [resp.name, resp.title, resp.mobile].filter(Boolean).join(" ")],
    ["管理员", [adm.name, adm.title, adm.mobile].filter(Boolean).join(" ")],
    ["用途", rec.purpose || ""], ["备案期限", a.filing_due || ""], ["提醒", overdueText(a)]];
  const msg = el("p", { id: "account-message" });
  const actions = el("div", {});
  if (a.state === "applied" && isSupervisor(user)) {
    const reason = el("input", { id: "reject-reason", placeholder: "驳回原因" });
    actions.append(
      el("button", { id: "account-approve", onclick: () => decide(id, "approve", {}) }, "批准"),
      reason, el("button", { id: "account-reject", onclick: () => decide(id, "reject", { reason: reason.value }) }, "驳回"));
  }
  async function decide(accountId, action, body) {
    const res = await api("POST", "/accounts/" + accountId + "/" + action, body);
    if (res.status >= 300) return (msg.textContent = errorText(res), msg.className = "error");
    await showAccounts(area, user);
    const fresh = document.getElementById("account-detail");
    await showAccount(fresh, user, accountId, area);
  }
  const events = (t.status === 200 && t.data.events) || [];
  detail.replaceChildren(el("section", { id: "account-" + id },
    el("h2", {}, "账号详情"),
    el("table", {}, facts.map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", { "data-field": k }, v || "")))),
    actions, msg,
    el("h3", {}, "时间线"),
    el("table", { id: "account-timeline" }, events.map(e => el("tr", {}, el("td", {}, e.at), el("td", {}, e.by), el("td", {}, ACTION_LABELS[e.action] || e.action))))));
}

const RULE_LABELS = { lexicon: "违禁词", length: "字数", privacy: "个人信息", source: "转载来源", media: "媒体文件" };
const CATEGORY_LABELS = {
  ads: "商业广告", gambling: "赌博", fraud: "诈骗", vulgar: "低俗", rumour: "谣言/未经核实", secret: "涉密",
  mobile: "手机号", id_card: "身份证号", bank_card: "银行卡号", email: "电子邮箱",
  missing: "未注明来源", unapproved: "来源未经核准", type: "文件类型", size: "文件大小",
};

// Renders text with each finding underlined at its code-point offsets.
function highlight(text, findings) {
  const cps = Array.from(text);
  const out = el("p", { id: "check-text" });
  const spans = findings.filter(f => f.field === undefined || f.field === "text")
    .filter(f => f.end > f.start).sort((a, b) => a.start - b.start);
  let pos = 0;
  for (const f of spans) {
    if (f.start < pos) continue;
    out.append(cps.slice(pos, f.start).join(""));
    out.append(el("mark", { class: f.severity, title: f.rule + " / " + f.category }, cps.slice(f.start, f.end).join("")));
    pos = f.end;
  }
  out.append(cps.slice(pos).join(""));
  return out;
}

function showCheck(area) {
  const text = el("textarea", { id: "check-input", placeholder: "粘贴待发布的内容" });
  const platform = el("select", { id: "check-platform" },
    ["", "weibo", "wechat", "toutiao", "douyin", "app"].map(p => el("option", { value: p }, p || "（不限平台）")));
  const result = el("div", { id: "check-result" });
  const run = async () => {
    const body = { text: text.value };
    if (platform.value) body.platform = platform.value;
    const r = await api("POST", "/check", body);
    if (r.status !== 200) return result.replaceChildren(el("p", { class: "error" }, errorText(r)));
    const d = r.data;
    result.replaceChildren(
      el("p", { class: d.ok ? "ok" : "error", id: "check-verdict" },
        d.ok ? "未发现阻断性问题" : "发现阻断性问题，不能发布", "（" + d.chars + " 字" + (d.limit ? " / 上限 " + d.limit : "") + "）"),
      highlight(text.value, d.findings),
      el("table", { id: "check-findings" },
        el("tr", {}, el("th", {}, "级别"), el("th", {}, "规则"), el("th", {}, "类别"), el("th", {}, "原文"), el("th", {}, "说明")),
        d.findings.map(f => el("tr", {}, el("td", {}, f.severity === "block" ? "阻断" : "提示"),
          el("td", {}, RULE_LABELS[f.rule] || f.rule), el("td", {}, CATEGORY_LABELS[f.category] || f.category || ""),
          el("td", {}, f.match || ""),
          el("td", {}, [f.rule === "lexicon" ? "命中词条：" + f.term : "", f.replacement ? "建议：" + f.replacement : "", f.message || ""].filter(Boolean).join(" "))))));
  };
  area.replaceChildren(el("section", {}, el("h2", {}, "合规检查"), text, platform,
    el("button", { id: "check-run", onclick: run }, "检查"), result));
}

async function showAudit(area) {
  const [v, list] = await Promise.all([api("GET", "/audit/verify"), api("GET", "/audit?limit=50")]);
  if (v.status !== 200) return area.replaceChildren(el("p", { class: "error" }, errorText(v)));
  const verdict = v.data.ok ? el("p", { class: "ok" }, "审计哈希链完整，共 " + v.data.rows + " 条")
                            : el("p", { class: "error" }, "审计链在第 " + v.data.bad_row + " 行断开：" + v.data.reason);
  const rows = list.data.rows.map(a => el("tr", {}, el("td", {}, a.id), el("td", {}, a.at), el("td", {}, a.login),
    el("td", {}, a.role), el("td", {}, a.action), el("td", {}, a.object_type + "/" + a.object_id), el("td", {}, a.client_addr)));
  area.replaceChildren(el("section", {}, el("h2", {}, "审计日志"), verdict, el("table", {}, rows)));
}

(async () => {
  const r = await api("GET", "/session");
  if (r.status === 200) { csrf = r.data.csrf_token; showHome(r.data.user); } else showLogin();
})();
