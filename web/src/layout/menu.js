// menu.js - the sidebar menu, built from the routes' meta.menu and filtered
// by the user's permissions on the current unit (session.can): a role sees
// only the pages it may open.  Groups are the sidebar's sub-menus; a page
// names its group in meta.menu.group (none = a top-level entry).
import { consoleRoutes } from "@/router.js";
import { can } from "@/lib/session.js";
import { seenMeta } from "@/lib/routeMeta.js";

export const menuGroups = [
  { key: "accounts", title: "账号管理", icon: "Iphone", order: 20 },
  { key: "content", title: "信息发布", icon: "Document", order: 30 },
  { key: "interaction", title: "互动交流", icon: "ChatDotRound", order: 40 },
  { key: "monitoring", title: "监测与报表", icon: "DataLine", order: 50 },
  { key: "system", title: "系统管理", icon: "Setting", order: 90 },
];

// [{title, icon, order, path} | {title, icon, order, children: [...]}] for the current user.
export function buildMenu() {
  const visible = consoleRoutes.map(r => ({ ...r, meta: seenMeta(r.meta) }))
    .filter(r => r.meta.menu && (!r.meta.perm || can(r.meta.perm)));
  const item = r => ({ title: r.meta.title, icon: r.meta.menu.icon, order: r.meta.menu.order ?? 50, path: r.path });
  const top = visible.filter(r => !r.meta.menu.group).map(item);
  const groups = menuGroups.map(g => ({
    ...g, children: visible.filter(r => r.meta.menu.group === g.key).map(item).sort((a, b) => a.order - b.order),
  })).filter(g => g.children.length);
  return [...top, ...groups].sort((a, b) => a.order - b.order);
}
