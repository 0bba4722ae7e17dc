// prompt.js - a prompt for one required text (a reason, a reply, a summary)
// that does its work before it closes: promptAction(message, title, options,
// act) shows ElMessageBox.prompt; on 确定 it runs act(text) with the box still
// open (the button spinning); a refusal from the server is shown under the
// input and the typed text stays, so nothing is lost; the box closes only
// when act succeeded.  Answers true then, false when the user cancelled.
//
//   const ok = await promptAction("请填写退回原因", "退回稿件", { inputValidator: required("退回须填写原因") },
//                                 reason => api.post(`/posts/${id}/reject`, { reason }));
import { ElMessageBox } from "element-plus";

// An inputValidator: the text must not be blank.
export const required = (message = "必须填写") => v => (v && v.trim() ? true : message);

export function promptAction(message, title, options, act) {
  return new Promise(resolve => {
    ElMessageBox.prompt(message, title, {
      confirmButtonText: "确定", cancelButtonText: "取消", closeOnClickModal: false, ...options,
      beforeClose: async (action, state, done) => {
        if (action !== "confirm") { done(); return; }
        state.confirmButtonLoading = true;
        try {
          await act(state.inputValue || "");
          resolve(true);
          done();
        } catch (e) {
          state.editorErrorMessage = (e && e.message) || String(e);
          state.validateError = true;
        } finally {
          state.confirmButtonLoading = false;
        }
      },
    }).catch(() => resolve(false));
  });
}
