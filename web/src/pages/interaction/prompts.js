// prompts.js - what the interaction detail pages share: the one text
// prompt (a textarea that must not be empty: reasons, replies, summaries;
// null when cancelled) and the loading of one object with its steps.
import { ref } from "vue";
import { ElMessageBox } from "element-plus";
import { api } from "@/lib/api.js";
import { notifyError, notifyOk } from "@/lib/forms.js";
import { useLoading } from "@/lib/load.js";

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

// One object loaded from `${base}/${id}` and its steps (POST `${base}/${id}/${path}`),
// for the detail pages: the reply of a step is the updated object.
export function useDetail(base, id) {
  const item = ref(null);
  const { loading, run } = useLoading(true);
  async function load() {
    await run(async () => { item.value = await api.get(`${base}/${id}`); });
  }
  async function step(path, body, ok) {
    try { item.value = await api.post(`${base}/${id}/${path}`, body); notifyOk(ok); }
    catch (e) { notifyError(e); }
  }
  return { item, loading, load, step };
}
