// session.js - who is logged in, what they may do, and the unit they work on.
//
// Loaded from GET /api/v1/session: the user, and per grant its role, unit,
// whether it reaches the unit's subtree, and the permissions it carries.
// can(perm) answers for the unit chosen in the unit switcher (users with
// grants on several units); canOnUnit(perm, unitId) answers for an object's
// unit (an account's action buttons).  The menu and every action button ask
// these, so no page shows what the role cannot do.
import { reactive } from "vue";
import { api, setCsrfToken } from "./api.js";

const UNIT_KEY = "govmedia.unit";

export const session = reactive({
  user: null,        // {id, login, display_name}
  grants: [],        // [{role, role_label, unit_id, subtree, permissions: []}]
  unitId: null,      // the unit the user works on now
  units: [],         // every unit the user can see [{id, parent_id, name, kind, path}]
  unitsById: {},
  // Set while the session has expired and the login overlay is shown.
  expired: false,
});

function applySession(s) {
  session.user = s.user ? { id: s.user.id, login: s.user.login, display_name: s.user.display_name } : null;
  session.grants = (s.user && s.user.roles) || [];
  setCsrfToken(s.csrf_token);
  const ids = grantUnitIds();
  const saved = Number(localStorage.getItem(UNIT_KEY));
  session.unitId = ids.includes(saved) ? saved : ids[0] ?? null;
}

async function loadUnits() {
  const { units } = await api.get("/units");
  session.units = units;
  session.unitsById = Object.fromEntries(units.map(u => [u.id, u]));
}

// Asks the server whether a session exists; false when not logged in.
export async function loadSession() {
  try {
    applySession(await api.get("/session", null, { noReauth: true }));
  } catch (e) {
    if (e.status === 401) { clearSession(); return false; }
    throw e;
  }
  await loadUnits();
  return true;
}

export async function login(loginName, password) {
  const s = await api.post("/session", { login: loginName, password }, { noReauth: true });
  const sameUser = !session.user || session.user.id === s.user.id;
  const unitBefore = session.unitId;
  applySession(s);
  if (sameUser && unitBefore && grantUnitIds().includes(unitBefore)) session.unitId = unitBefore;
  await loadUnits();
  return sameUser;
}

export async function logout() {
  try { await api.del("/session", { noReauth: true }); } catch { /* already gone */ }
  clearSession();
}

export function clearSession() {
  session.user = null;
  session.grants = [];
  session.units = [];
  session.unitsById = {};
  setCsrfToken("");
}

// The distinct units the user holds grants on, in grant order.
export function grantUnitIds() {
  return [...new Set(session.grants.map(g => g.unit_id))];
}

export function setUnit(id) {
  session.unitId = id;
  localStorage.setItem(UNIT_KEY, String(id));
}

export function unitName(id) {
  const u = session.unitsById[id];
  return u ? u.name : id ? `单位 ${id}` : "";
}

// Grants held on the current unit.
export function currentGrants() {
  return session.grants.filter(g => g.unit_id === session.unitId);
}

// Role labels on the current unit, e.g. "运维管理员".
export function currentRoleLabel() {
  return currentGrants().map(g => g.role_label).join("、");
}

export function hasRole(role) {
  return currentGrants().some(g => g.role === role);
}

// May the user use perm on the current unit?  perm may be an array: any of them.
export function can(perm) {
  const perms = Array.isArray(perm) ? perm : [perm];
  return currentGrants().some(g => perms.some(p => g.permissions.includes(p)));
}

function covers(grant, unit) {
  const own = session.unitsById[grant.unit_id];
  if (!own || !unit) return grant.unit_id === (unit && unit.id);
  return grant.subtree ? unit.path.startsWith(own.path) : unit.id === own.id;
}

// May the user use perm on the unit with this id (any of their grants)?
export function canOnUnit(perm, unitId) {
  const unit = session.unitsById[unitId];
  return session.grants.some(g => g.permissions.includes(perm) && covers(g, unit));
}

// The units below (and including) the current unit the user can see, for
// unit pickers; a subtree role sees its whole subtree.
export function unitsInReach() {
  const own = session.unitsById[session.unitId];
  if (!own) return session.units;
  return session.units.filter(u => u.path.startsWith(own.path));
}
