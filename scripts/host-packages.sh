#!/usr/bin/env bash
# Debian packages the host itself needs: debootstrap (for the toolchain root) and, for the
# tests, Debian's chromium and openssl (a throwaway certificate for the proxy's TLS test).
# Installs only what is missing.
#   scripts/host-packages.sh [--tests]
set -euo pipefail
want=(debootstrap)
[ "${1:-}" = --tests ] && want+=(chromium openssl)
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
[ "$(id -u)" = 0 ] || { echo "host-packages: run as root, or install: ${missing[*]}" >&2; exit 1; }
echo "host-packages: installing ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
