// router.js - one URL per page (HTML5 history: govmedia answers every page
// URL with index.html).  Routes are not listed here: every folder
// src/pages/<feature>/ has a routes.js whose default export is an array of
// routes, collected below, so a new page group touches no shared file.
//
// Route meta: title (menu, breadcrumb, tab title), perm (a permission name or
// an array of them, any suffices; omitted = any logged-in user), menu
// ({group, order, icon}; omitted = not in the menu, e.g. a detail page),
// parent (the route name shown before this one in the breadcrumb), readOnly
// (another title and menu place for users without a permission, lib/routeMeta.js),
// public (no login needed).
import { createRouter, createWebHistory } from "vue-router";
import { session, loadSession, can } from "@/lib/session.js";
import { seenMeta } from "@/lib/routeMeta.js";
import AppLayout from "@/layout/AppLayout.vue";

const modules = import.meta.glob("./pages/*/routes.js", { eager: true });
const pageRoutes = Object.values(modules).flatMap(m => m.default);
export const publicRoutes = pageRoutes.filter(r => r.meta && r.meta.public);
export const consoleRoutes = pageRoutes.filter(r => !(r.meta && r.meta.public));

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    ...publicRoutes,
    { path: "/", component: AppLayout, children: consoleRoutes.map(r => ({ ...r, path: r.path.replace(/^\//, "") })) },
  ],
  scrollBehavior: () => ({ top: 0 }),
});

let checked = false;

router.beforeEach(async to => {
  if (to.meta.public) return true;
  if (!checked) {
    checked = true;
    await loadSession().catch(() => false);
  }
  if (!session.user) return { name: "login", query: { redirect: to.fullPath } };
  if (to.meta.perm && !can(to.meta.perm))
    return { name: "forbidden", query: { from: to.fullPath } };
  return true;
});

router.afterEach(to => {
  const title = seenMeta(to.meta).title;
  document.title = (title ? title + " - " : "") + "政务新媒体管理平台";
});

// After a login the guard must look at the new session.
export function sessionChecked() { checked = true; }
