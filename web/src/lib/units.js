// units.js - the units the user can see as a tree (el-tree, el-tree-select).
import { session } from "./session.js";

// [{id, value, label, kind, children}] from session.units (parents before children or not).
export function unitTree(units = session.units) {
  const byId = new Map(units.map(u => [u.id, { ...u, value: u.id, label: u.name, children: [] }]));
  const roots = [];
  for (const n of byId.values()) {
    const p = byId.get(n.parent_id);
    if (p) p.children.push(n);
    else roots.push(n);
  }
  const tidy = n => { if (!n.children.length) delete n.children; else n.children.forEach(tidy); return n; };
  return roots.map(tidy);
}
