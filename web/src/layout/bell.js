// bell.js - the unread-notification count shown by the header's bell, polled
// every minute and refreshed at once when a page marks notifications read.
import { ref } from "vue";
import { api } from "@/lib/api.js";

export const unreadCount = ref(0);

export async function refreshBell() {
  try { unreadCount.value = (await api.get("/notifications", { unread: "true", limit: 1 })).unread; }
  catch (e) { /* the bell is not worth an error message */ }
}

let timer = null;
export function startBell() {
  refreshBell();
  if (!timer) timer = setInterval(refreshBell, 60000);
}
