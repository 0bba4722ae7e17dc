// listDefs.js - the compliance and expression lists an admin maintains
// (GET/POST /api/v1/admin/lists/<name>): for each, its Chinese title, the
// key field, the columns of its table, the fields of its edit form and a
// one-line summary of an entry (for version diffs).  Labels for the codes
// they use are defined here too.
import { defineLabels, label } from "@/lib/labels.js";

defineLabels("listAction", { edit: "修改", import: "导入文件" });
defineLabels("listSource", { store: "已修改(以数据库为准)", shipped: "随软件提供(未修改)" });

const sev = e => label("severity", e.severity || "warn");
const wrongs = e => (e.wrong || []).join("、") || "—";
const posts = e => (e.posts || []).map(p => `${p.title}(${p.from || "?"}至${p.to || "今"})`).join(";");

const lexiconCategories = ["general", "ads", "gambling", "fraud", "vulgar", "rumour", "secret"];

// field kinds: text (required), optional (text that may be left empty), severity, category,
// wrongs (a list of strings), posts (office-holder's posts, dates by date picker)
export const LISTS = [
  { name: "lexicon", title: "违禁词库", key: "term", group: "词库",
    hint: "命中“禁止发布”的词语会阻止稿件提交;“提醒”只提示。",
    columns: [{ prop: "term", label: "词语" }, { label: "类别", value: e => label("checkCategory", e.category || "general") },
              { label: "处理", value: e => label("severity", e.severity || "block"), severity: e => e.severity || "block" }],
    fields: [{ prop: "term", label: "词语", kind: "text" }, { prop: "category", label: "类别", kind: "category", options: lexiconCategories },
             { prop: "severity", label: "处理", kind: "severity" }],
    blank: () => ({ term: "", category: "general", severity: "block" }),
    summary: e => `${e.term}(${label("checkCategory", e.category || "general")},${label("severity", e.severity || "block")})` },
  { name: "allow", title: "白名单", key: "term", group: "词库",
    hint: "白名单中的短语不会被任何规则报出(违禁词、规范表述、错别字),例如“严禁赌博”。",
    columns: [{ prop: "term", label: "短语" }],
    fields: [{ prop: "term", label: "短语", kind: "text" }],
    blank: () => ({ term: "" }), summary: e => e.term },
  { name: "context", title: "打击/警示语境词", key: "term", group: "词库",
    hint: "同一分句中位于违禁词之前(20 个字以内)的语境词,或“对…进行打击”等句式中其后的语境词,使该违禁词只作提醒,例如“严厉打击赌博”。",
    columns: [{ prop: "term", label: "语境词" }],
    fields: [{ prop: "term", label: "语境词", kind: "text" }],
    blank: () => ({ term: "" }), summary: e => e.term },
  { name: "register", title: "官方语体词", key: "term", group: "词库",
    hint: "公安机关、法院、全市等只在官方文稿中出现的词:句中有此类词且有打击、谴责、处罚或累计等用语时,句中的违禁词只作提醒;相邻句在打击时亦然(同段、无广告用语)。",
    columns: [{ prop: "term", label: "官方语体词" }],
    fields: [{ prop: "term", label: "官方语体词", kind: "text" }],
    blank: () => ({ term: "" }), summary: e => e.term },
  { name: "sources", title: "核准转载来源", key: "source", group: "词库",
    hint: "转载稿件的来源须在此列表中;含点的英文条目按域名匹配(如 gov.cn)。",
    columns: [{ prop: "source", label: "来源" }],
    fields: [{ prop: "source", label: "来源", kind: "text" }],
    blank: () => ({ source: "" }), summary: e => e.source },
  { name: "names", title: "规范名称", key: "correct", group: "表述",
    hint: "国家机关、党政机构等的规范名称及已知错误写法;3 个字以上的名称还会自动识别音近、形近的一字之差。",
    columns: [{ prop: "correct", label: "规范名称" }, { label: "错误写法", value: wrongs },
              { label: "处理", value: sev, severity: e => e.severity || "warn" }],
    fields: [{ prop: "correct", label: "规范名称", kind: "text" }, { prop: "wrong", label: "错误写法", kind: "wrongs" },
             { prop: "severity", label: "处理", kind: "severity" }],
    blank: () => ({ correct: "", wrong: [], severity: "warn" }),
    summary: e => `${e.correct}(错误写法:${wrongs(e)},${sev(e)})` },
  { name: "formulations", title: "规范表述", key: "correct", group: "表述",
    hint: "固定提法(如“扫黑除恶”)及已知错误写法;也自动识别一字之差。",
    columns: [{ prop: "correct", label: "规范表述" }, { label: "错误写法", value: wrongs },
              { label: "处理", value: sev, severity: e => e.severity || "warn" }],
    fields: [{ prop: "correct", label: "规范表述", kind: "text" }, { prop: "wrong", label: "错误写法", kind: "wrongs" },
             { prop: "severity", label: "处理", kind: "severity" }],
    blank: () => ({ correct: "", wrong: [], severity: "warn" }),
    summary: e => `${e.correct}(错误写法:${wrongs(e)},${sev(e)})` },
  { name: "outdated", title: "过时表述", key: "correct", group: "表述",
    hint: "已更名的机构或已被替换的提法:写出过时表述时提示改为现行表述。",
    columns: [{ prop: "correct", label: "现行表述" }, { label: "过时表述", value: wrongs },
              { label: "处理", value: sev, severity: e => e.severity || "warn" }],
    fields: [{ prop: "correct", label: "现行表述", kind: "text" }, { prop: "wrong", label: "过时表述", kind: "wrongs" },
             { prop: "severity", label: "处理", kind: "severity" }],
    blank: () => ({ correct: "", wrong: [], severity: "warn" }),
    summary: e => `${e.correct}(过时表述:${wrongs(e)},${sev(e)})` },
  { name: "officials", title: "领导职务", key: "id", group: "表述",
    hint: "领导姓名与任职记录(职务、单位、起止日期,任职中止日留空):姓名写错或姓名旁的职务不符时提示;稿件日期前担任过的职务视为正确。同名的两人各列一条,用“区分标识”区分。",
    columns: [{ prop: "name", label: "姓名" },
              { label: "区分标识", minWidth: 110, value: e => (e.id && e.id !== e.name ? e.id : "—") },
              { label: "现任职务", value: e => { const p = (e.posts || []).find(p => !p.to) || (e.posts || []).slice(-1)[0]; return p ? `${p.unit ? p.unit + " " : ""}${p.title}` : "—"; } },
              { label: "任职记录", value: posts }, { label: "处理", minWidth: 90, value: sev, severity: e => e.severity || "warn" }],
    fields: [{ prop: "name", label: "姓名", kind: "text" },
             { prop: "id", label: "区分标识", kind: "optional",
               placeholder: "默认同姓名;名单中已有同名的人时填写,如:张伟(示范县教育局)" },
             { prop: "severity", label: "处理", kind: "severity" },
             { prop: "posts", label: "任职记录", kind: "posts" }],
    blank: () => ({ id: "", name: "", severity: "block", posts: [{ title: "", unit: "", from: "", to: "" }] }),
    // an office-holder's id defaults to the name (the server does the same)
    complete: e => ({ ...e, id: (e.id || "").trim() || e.name }),
    summary: e => `${e.name}${e.id && e.id !== e.name ? `[${e.id}]` : ""}:${posts(e)}(${sev(e)})` },
];

export const listByName = Object.fromEntries(LISTS.map(l => [l.name, l]));

// "entries[3].posts[0].from" / "add[0].wrong" -> the form field it concerns ("posts", "wrong", …).
export function formFieldOf(field) {
  const m = /^(?:entries|add|set|replace)\[\d+\]\.([a-z_]+)/.exec(field || "");
  return m ? m[1] : null;
}
