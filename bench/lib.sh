# lib.sh - shared by the bench/*/run.sh scripts (sourced, not run).

# Installs the Debian packages named as arguments that are not installed yet
# (bench-only packages; the build's own are in scripts/install-deps.sh).
bench_install_packages() {
  local missing="" p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}
