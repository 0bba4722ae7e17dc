// api.js - the console's one client of the govmedia HTTP API (/api/v1).
//
// Every page talks to the server through this module, never through fetch():
//  - writes (every method but GET) carry the session's CSRF token as X-CSRF-Token;
//  - a refusal becomes an ApiError with the server's Chinese message and the
//    field it names ({"error":{"code","message","field"}}), so a form can show
//    it next to that field;
//  - 401 (the session expired) calls the re-login hook the session module
//    installs: the login form is shown over the page, the page (and any form
//    being typed) stays mounted, and the request is sent again once the user
//    has logged in.
export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field || null;
  }
}

let csrfToken = "";
let reauthenticate = null;

export function setCsrfToken(token) { csrfToken = token || ""; }
// fn() returns a promise that settles once the user has logged in again.
export function onUnauthenticated(fn) { reauthenticate = fn; }

function queryString(query) {
  if (!query) return "";
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== "") p.append(k, String(v));
  const s = p.toString();
  return s ? "?" + s : "";
}

async function errorOf(res) {
  let code = "http_" + res.status, message = `服务器返回错误(HTTP ${res.status})`, field = null;
  try {
    const j = await res.json();
    if (j && j.error) ({ code, message, field } = j.error);
  } catch { /* not JSON: keep the generic message */ }
  return new ApiError(res.status, code, message, field);
}

// fetch() through XMLHttpRequest, for an upload whose progress is shown
// (fetch tells nothing while a body goes out): onProgress(0..1) as it goes,
// the answer as a Response, so the caller reads it like fetch's.
function fetchWithProgress(url, { method, headers, body }, onProgress) {
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open(method, url);
    for (const [k, v] of Object.entries(headers)) x.setRequestHeader(k, v);
    x.responseType = "blob";
    x.upload.onprogress = e => { if (e.lengthComputable && e.total) onProgress(e.loaded / e.total); };
    x.onload = () => resolve(new Response([204, 304].includes(x.status) ? null : x.response,
      { status: x.status, headers: { "Content-Type": x.getResponseHeader("Content-Type") || "" } }));
    x.onerror = x.onabort = () => reject(new TypeError("network"));
    x.send(body);
  });
}

// opts: query, body (JSON), raw (Blob/ArrayBuffer/string sent as is) with
// contentType, onProgress (raw uploads: called with 0..1 as the body goes),
// as ("json" | "blob" | "text"), noReauth (the login calls).
export async function request(method, path, opts = {}) {
  const headers = {};
  let body;
  if (method !== "GET") headers["X-CSRF-Token"] = csrfToken;
  if (opts.raw !== undefined) {
    body = opts.raw;
    headers["Content-Type"] = opts.contentType || "application/octet-stream";
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["Content-Type"] = "application/json";
  }
  let res;
  try {
    const url = "/api/v1" + path + queryString(opts.query);
    res = opts.onProgress && body !== undefined
      ? await fetchWithProgress(url, { method, headers, body }, opts.onProgress)
      : await fetch(url, { method, headers, body, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "network", "无法连接服务器,请检查网络后重试", null);
  }
  if (res.status === 401 && !opts.noReauth && reauthenticate) {
    await reauthenticate();
    return request(method, path, { ...opts, noReauth: true });
  }
  if (!res.ok) throw await errorOf(res);
  if (opts.as === "blob") return res.blob();
  if (opts.as === "text") return res.text();
  const type = res.headers.get("Content-Type") || "";
  return type.includes("json") ? res.json() : res.text();
}

export const api = {
  get: (path, query, opts) => request("GET", path, { ...opts, query }),
  post: (path, body = {}, opts) => request("POST", path, { ...opts, body }),
  put: (path, body = {}, opts) => request("PUT", path, { ...opts, body }),
  del: (path, opts) => request("DELETE", path, opts),
  // A file or raw text as the request body (QR images, calendar files).
  upload: (method, path, data, contentType, opts) =>
    request(method, path, { ...opts, raw: data, contentType }),
  // GET a file (CSV, XLSX) and hand it to the browser as a download.
  async download(path, query, filename) {
    const blob = await request("GET", path, { query, as: "blob" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  },
};
