// confirm.js - the confirmation before an act that destroys or takes back
// something (删除, 收回, 取消值班, 结束年审): the box names what is affected,
// its confirm button is red (danger) and says the act, its cancel button
// keeps things as they are.  Answers true when the user confirmed.
//
//   if (!(await confirmDanger(`删除群机器人“${row.name}”?`, "删除群机器人", "删除"))) return;
import { ElMessageBox } from "element-plus";

export async function confirmDanger(message, title, confirmText, cancelText = "取消") {
  try {
    await ElMessageBox.confirm(message, title, {
      type: "warning", confirmButtonText: confirmText, cancelButtonText: cancelText,
      confirmButtonClass: "el-button--danger",
    });
    return true;
  } catch {
    return false;
  }
}
