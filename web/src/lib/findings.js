// findings.js - the compliance check's findings on the text they were found
// in (start/end: code points of the field, as Array.from splits a string),
// shared by the 合规检查 page and the post editor.
//
// findingPieces(text, findings, field): the text cut at every finding's
// start and end, each piece with the findings covering it ({text, fs}), so
// every finding is underlined whole even where findings overlap.
// findingCategory(f) / findingReason(f): a finding's category and meaning in Chinese
// (for a lexicon hit also how a disguised term was read and an enforcement context);
// findingPlace(f): where it is (标题, 正文第 N 字).
// withFix(text, f): the text with f's replacement applied, or null when the
// text no longer holds f.match there (it changed since the check).

import { label } from "./labels.js";

export function findingPieces(text, findings, field = "text") {
  const cps = Array.from(text || "");
  const mine = findings.filter(f => (f.field || "text") === field && f.end > f.start && f.start < cps.length);
  const cuts = new Set([0, cps.length]);
  for (const f of mine) { cuts.add(f.start); cuts.add(Math.min(f.end, cps.length)); }
  const at = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < at.length; i++) {
    const fs = mine.filter(f => f.start <= at[i] && f.end >= at[i + 1]);
    const piece = cps.slice(at[i], at[i + 1]).join("");
    const last = out[out.length - 1];
    if (!fs.length && last && !last.fs.length) last.text += piece;   // plain runs stay one piece
    else out.push({ text: piece, fs });
  }
  return out;
}

// The strongest severity among fs ("block" over "warn").
export const severityOf = fs => (fs.some(f => f.severity === "block") ? "block" : "warn");

export function withFix(text, f) {
  const cps = Array.from(text || "");
  if (f.replacement == null || cps.slice(f.start, f.end).join("") !== f.match) return null;
  return cps.slice(0, f.start).join("") + f.replacement + cps.slice(f.end).join("");
}

// The Chinese name of a finding's category (an expression's "title" is an
// office-holder's 职务, a lexicon's is its list category).
export const findingCategory = f =>
  label(f.rule === "expression" ? "expressionCategory" : "checkCategory", f.category);

// What a finding means, in a sentence: the checker's own message, else the
// category it belongs to ("违禁词“全网最低价”(商业广告)").
export function findingReason(f) {
  if (f.message) return f.message;
  if (f.rule === "lexicon")
    return `命中违禁词“${f.term || f.match}”${f.category ? `(${findingCategory(f)})` : ""}${howRead(f)}`;
  return findingCategory(f) || f.term || "";
}

// How the check read a disguised term (the finding's "via") and why a term
// only warns (an enforcement context), so a writer sees what gave it away.
const VIA = {
  pinyin: "按拼音识别", homophone: "按同音字识别", near: "按近音字识别", shape: "按形近字识别",
  initials: "按拼音首字母识别", digit: "按数字谐音识别", emoji: "按表情符号识别",
  inserted: "按插入字识别", mask: "按遮挡字识别", reversed: "按倒序识别",
  acrostic: "按藏头藏尾识别",
};
function howRead(f) {
  const notes = [];
  if (VIA[f.via]) notes.push(VIA[f.via]);
  if (f.context === "enforcement") notes.push("处于打击或警示语境,仅作提示");
  return notes.length ? `,${notes.join(",")}` : "";
}

// Where a finding is, for people: 标题, 转载来源, 正文第 N 字 (N counted from 1
// in characters, as the editor shows them), 正文 for a finding on the whole text,
// 附件“name” for a post's image or video.
export function findingPlace(f) {
  if (f.field === "title") return "标题";
  if (f.field === "summary") return "摘要";
  if (f.field === "attachment") return `附件“${f.attachment}”`;
  if (f.field === "repost_source") return "转载来源";
  return f.end > f.start ? `正文第 ${f.start + 1} 字` : "正文";
}

// What a finding hit, for people: the words of the text; for a media file
// what is wrong with it (its term is a MIME type or a byte range, a code).
export function findingHit(f) {
  if (f.rule === "media") return f.category === "size" ? "文件大小" : "文件格式";
  return f.match || f.term;
}

// Whether the console offers "apply the fix" for a finding.
export const fixable = f => f.rule === "expression" && !!f.replacement;
