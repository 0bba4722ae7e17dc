// urlQuery.js - a list page's filters kept in the URL's query string, so that
// browser back (from a detail page), refresh and a copied link show the list
// as the user left it.  A page reads its filters once on opening and writes
// them back on every change:
//
//   const f = reactive({ q: queryText(route, "q"), page: queryNumber(route, "page", 1) });
//   function reload() { keepInUrl(router, { q: f.q, page: f.page > 1 ? f.page : null }); ... }
//
// keepInUrl replaces the current history entry (no new one per keystroke) and
// leaves out empty values, so an unfiltered list keeps a clean URL.

export function keepInUrl(router, values) {
  const query = {};
  for (const [k, v] of Object.entries(values))
    if (v !== "" && v !== null && v !== undefined && v !== false) query[k] = String(v);
  return router.replace({ query });
}

// The query value k as text ("" when absent or repeated).
export function queryText(route, k) {
  const v = route.query[k];
  return typeof v === "string" ? v : "";
}

// The query value k as a positive whole number, else fallback.
export function queryNumber(route, k, fallback = null) {
  const n = Number(queryText(route, k));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

// A [from, to] pair of YYYY-MM-DD days from two query values, else null.
export function queryDays(route, fromKey = "from", toKey = "to") {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const a = queryText(route, fromKey), b = queryText(route, toKey);
  return day.test(a) && day.test(b) ? [a, b] : null;
}
