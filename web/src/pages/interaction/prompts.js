// prompts.js - the one text prompt of the interaction pages: a textarea
// that must not be empty (reasons, replies, summaries); null when cancelled.
import { ElMessageBox } from "element-plus";

const required = v => (v && v.trim() ? true : "必须填写");

export async function promptRequired(title, text, value = "") {
  try {
    const r = await ElMessageBox.prompt(text, title, {
      inputType: "textarea", inputValue: value, inputValidator: required,
      confirmButtonText: "确定", cancelButtonText: "取消",
    });
    return r.value;
  } catch { return null; }
}
