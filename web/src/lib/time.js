// time.js - every time shown to a person is Beijing time (UTC+8), whatever
// the browser's time zone; the API speaks UTC ISO-8601 ("2026-11-23T13:19:28Z").
const fmt = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit",
  hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
});

function parts(d) {
  const o = {};
  for (const p of fmt.formatToParts(d)) o[p.type] = p.value;
  return o;
}

// "2026-11-23T13:19:28Z" -> "2026-11-23 21:19:28"; "" for nothing.
export function beijingTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour === "24" ? "00" : p.hour}:${p.minute}:${p.second}`;
}

// The date part only: "2026-11-23".
export function beijingDate(iso) { return beijingTime(iso).slice(0, 10); }

// Today in China as "YYYY-MM-DD" (default for date fields).
export function todayBeijing() { return beijingDate(new Date().toISOString()); }

// A date the API already gives as YYYY-MM-DD (a day chosen by people) is shown as is.
export function plainDate(d) { return d || ""; }
