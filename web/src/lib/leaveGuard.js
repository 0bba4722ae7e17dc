// leaveGuard.js - a page where people type a long text (a draft, the
// 《新媒体建设申请表》) asks before it is left with unsaved changes: by the
// menu, a button, browser back (a route change) or closing the tab.
//
//   const guard = useLeaveGuard(() => JSON.stringify(form), "申请表还没有提交");
//   guard.saved();   // after loading and after a successful save: the current state is kept
//
// snapshot() is compared with the state at the last saved().
import { onBeforeUnmount } from "vue";
import { onBeforeRouteLeave } from "vue-router";
import { ElMessageBox } from "element-plus";

export function useLeaveGuard(snapshot, what, title = "离开页面") {
  let kept = snapshot();
  const dirty = () => snapshot() !== kept;
  onBeforeRouteLeave(() => {
    if (!dirty()) return true;
    return ElMessageBox.confirm(`${what},离开后将丢失。确定离开吗?`, title, {
      confirmButtonText: "离开,不保存", cancelButtonText: "留下继续编辑", type: "warning" }).then(() => true, () => false);
  });
  const onUnload = e => { if (dirty()) { e.preventDefault(); e.returnValue = ""; } };
  window.addEventListener("beforeunload", onUnload);
  onBeforeUnmount(() => window.removeEventListener("beforeunload", onUnload));
  return { saved: () => { kept = snapshot(); }, dirty };
}
