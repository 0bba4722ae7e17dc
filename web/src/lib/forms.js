// forms.js - how a form shows the server's refusal: the Chinese message next
// to the field it names (el-form-item :error="errors['admin.mobile']"), the
// form keeps what was typed; a refusal naming no field of the form is shown
// as a message at the top of the page.
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
