#!/usr/bin/env bash
# CTest entry for the browser tests of the console (one CTest test per
# tests/browser/*.test.mjs, see CMakeLists.txt; with no argument, all of
# them).  Makes sure playwright-core is installed (npm ci from the committed
# package-lock.json, only when node_modules is missing or older than the
# lock) and runs the file(s) with node's built-in test runner.  Chromium
# comes from Debian (scripts/install-deps.sh), never from `npx playwright
# install`.  Screenshots land in ./screenshots of the directory this is
# started from (under CTest, the build directory) unless GM_SHOT_DIR says
# otherwise.
set -eu
export GM_SHOT_DIR="${GM_SHOT_DIR:-$PWD}"
case "${GM_BIN:-}" in ""|/*) ;; *) export GM_BIN="$PWD/$GM_BIN" ;; esac
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
command -v node >/dev/null || { echo "browser test: node not found (scripts/install-deps.sh installs nodejs npm)" >&2; exit 1; }
[ -f ../../web/dist/index.html ] || { echo "browser test: web/dist missing: run make build (scripts/build-console.sh)" >&2; exit 1; }
needs_install() {
  [ ! -f node_modules/playwright-core/package.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]
}
if needs_install; then
  # Build trees share this source tree: one installer at a time.
  exec 9>"${TMPDIR:-/tmp}/govmedia-browser-npm.lock"
  flock 9
  needs_install && npm ci --no-audit --no-fund --loglevel=error
  flock -u 9
fi
if [ $# -eq 0 ]; then set -- *.test.mjs; fi
exec node --test --test-concurrency=1 --test-reporter=spec "$@"
