// routeMeta.js - a route's meta as the current user sees it.  A page that
// most roles may only read can name itself differently for them:
//   meta: { title: "单位管理", menu: {…},
//           readOnly: { unless: "unit.write", title: "审核流程", menu: {…} } }
// A user without `unless` on the current unit gets readOnly's title and menu
// place (the menu, the breadcrumb and the tab title all use seenMeta).
import { can } from "./session.js";

export function seenMeta(meta) {
  if (!meta || !meta.readOnly || can(meta.readOnly.unless)) return meta || {};
  const { unless: _unless, ...over } = meta.readOnly;
  return { ...meta, ...over };
}
