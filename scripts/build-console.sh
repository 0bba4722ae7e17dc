#!/usr/bin/env bash
# Builds the web console (web/: Vue 3 + Element Plus, see docs/ARCHITECTURE.md)
# into web/dist, which `govmedia serve` serves.  Called by `make build` (so by
# `make run` and `make test`); does nothing when nothing changed:
#  - `npm ci` from web/package-lock.json only when web/node_modules is missing
#    or older than the lock file;
#  - `vite build` only when a source (src/, public/, index.html, the Vite
#    config, the lock file) is newer than the last build.
set -eu
cd "$(dirname "$0")/../web"
command -v node >/dev/null || { echo "console: node not found (scripts/install-deps.sh installs nodejs npm)" >&2; exit 1; }
stamp=dist/.built
needs_install() {
  [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]
}
needs_build() {
  [ ! -f "$stamp" ] || [ ! -f dist/index.html ] ||
    [ -n "$(find src public index.html vite.config.js package.json package-lock.json -newer "$stamp" -print -quit)" ]
}
# Build trees of one source tree may run this at once: one at a time.
exec 9>"${TMPDIR:-/tmp}/govmedia-console-build.$(id -u).$(pwd | md5sum | cut -c1-8).lock"
flock 9
if needs_install; then
  echo "console: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
if needs_build; then
  echo "console: vite build -> web/dist"
  node node_modules/vite/bin/vite.js build --logLevel warn
  touch "$stamp"
fi
