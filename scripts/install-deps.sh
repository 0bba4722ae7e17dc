#!/usr/bin/env bash
# Installs the Debian packages govmedia needs to build, test and run.
# Idempotent: does nothing when every package is already present, so
# `make run` and `make test` can call it every time.
set -eu
PKGS="build-essential cmake pkg-config libcmocka-dev libmicrohttpd-dev
libjansson-dev libsqlite3-dev sqlite3 libsodium-dev libutf8proc-dev
libopencc-dev opencc libmagic-dev libcurl4-openssl-dev libxlsxwriter-dev
libzip-dev libexpat1-dev
clang libclang-rt-14-dev curl python3 unicode-data rime-essay chromium fonts-noto-cjk
python3-jieba rime-data-pinyin-simp rime-data-wubi rime-data-stroke sunpinyin-data sunpinyin-utils
libicu-dev unicode-cldr-core rime-data-bopomofo shared-mime-info ${GM_EXTRA_PKGS:-}"
# The browser test (tests/browser) needs node and npm.  Debian's nodejs/npm
# only when no node is present: a NodeSource nodejs (which bundles npm) must
# not be replaced by, or conflict with, Debian's npm package.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "govmedia: installing missing packages:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
