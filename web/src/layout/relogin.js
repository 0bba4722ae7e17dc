// relogin.js - what happens on a 401: the API client waits on
// waitForRelogin() while the overlay (ReloginOverlay.vue) asks the user to
// log in again; finishRelogin() lets every waiting request go on.
import { onUnauthenticated } from "@/lib/api.js";
import { session } from "@/lib/session.js";

let waiting = null;
let release = null;

export function waitForRelogin() {
  if (!waiting) {
    waiting = new Promise(resolve => { release = resolve; });
    session.expired = true;
  }
  return waiting;
}

export function finishRelogin() {
  session.expired = false;
  const r = release;
  waiting = null;
  release = null;
  if (r) r();
}

onUnauthenticated(waitForRelogin);
