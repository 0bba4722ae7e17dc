#!/usr/bin/env bash
# Installs the Debian packages govmedia needs to build, test and run.
# Idempotent: does nothing when every package is already present, so
# `make run` and `make test` can call it every time.
set -eu
PKGS="build-essential cmake pkg-config libcmocka-dev libmicrohttpd-dev
libjansson-dev libsqlite3-dev sqlite3 libsodium-dev libutf8proc-dev
libopencc-dev opencc libmagic-dev libcurl4-openssl-dev libxlsxwriter-dev
clang libclang-rt-14-dev curl python3 ${GM_EXTRA_PKGS:-}"
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
