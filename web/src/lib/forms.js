// forms.js - how a form shows the server's refusal: the Chinese message next
// to the field it names (el-form-item :error="errors['admin.mobile']"), the
// form keeps what was typed; a refusal naming no field of the form is shown
// as a message at the top of the page.  enterSubmits(fn): Enter in a
// dialog's one-line field submits it, as in any form people know.
import { reactive } from "vue";
import { ElMessage } from "element-plus";

export function useFormErrors() {
  const errors = reactive({});
  function clear() { for (const k of Object.keys(errors)) delete errors[k]; }
  // fields: the field names this form shows (null: any field).
  function take(e, fields = null) {
    clear();
    if (e && e.field && (!fields || fields.includes(e.field))) errors[e.field] = e.message;
    else notifyError(e);
  }
  return { errors, clear, take };
}

export function notifyError(e) {
  ElMessage({ type: "error", message: (e && e.message) || String(e), duration: 5000, showClose: true });
}

export function notifyOk(message) {
  ElMessage({ type: "success", message, duration: 2500 });
}

// A keydown handler for an el-form (@keydown="onEnter"): Enter in a one-line
// field calls submit().  Left alone: a textarea (Enter is a new line), an
// input method still composing (Enter picks the characters), and the pickers
// that take Enter themselves (select, date, cascader, tree select).
export function enterSubmits(submit) {
  return e => {
    if (e.key !== "Enter" || e.isComposing || e.keyCode === 229 || e.shiftKey || e.ctrlKey || e.altKey) return;
    const t = e.target;
    if (!t || t.tagName !== "INPUT") return;
    if (t.closest(".el-select, .el-date-editor, .el-cascader, .el-tree-select, .el-autocomplete")) return;
    e.preventDefault();
    submit();
  };
}
