// nav.js - 返回/取消 buttons: back to the page the user came from, or to the
// given list when the page was opened directly (a link in a notification or
// a robot message), where history.back() would leave the console.
export function goBack(router, fallback) {
  if (window.history.state && window.history.state.back) router.back();
  else router.push(fallback);
}
