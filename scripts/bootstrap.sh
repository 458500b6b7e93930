#!/usr/bin/env bash
# Makes, or brings up to date, a Debian root (.cache/root-<suite>, git-ignored). Every root holds
# HTCondor with its Python bindings (the test pool and the benchmark peer); the trixie root also
# holds the toolchain (emscripten, clang for the native and fuzz builds, cmake) and the Debian
# sources of the libraries the core compiles in. ROOT_SUITE picks the root (default trixie).
# Idempotent: a second run with nothing to do returns at once.
set -euo pipefail
source "$(dirname "$0")/lib/root.sh"

packages=(condor minicondor python3 ca-certificates)
toolchain=(emscripten node-typescript cmake make dpkg-dev clang-19 libclang-rt-19-dev doctest-dev)
[ "$ROOT_SUITE" = trixie ] && packages+=("${toolchain[@]}")
stamp="$ROOT_DIR/.htcondor-wasm-root"
want="v3 $ROOT_SUITE ${packages[*]}"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "bootstrap: Debian root ($ROOT_SUITE) is ready"
  exit 0
fi
[ "$(id -u)" = 0 ] || { echo "bootstrap: needs root (debootstrap, chroot, mounts)" >&2; exit 1; }

if ! command -v debootstrap >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

if [ ! -f "$ROOT_DIR/.debootstrap-done" ]; then
  echo "bootstrap: debootstrap $ROOT_SUITE into .cache/root-$ROOT_SUITE"
  rm -rf "$ROOT_DIR"
  mkdir -p "$ROOT_DIR"
  debootstrap --variant=minbase "$ROOT_SUITE" "$ROOT_DIR" "$DEBIAN_MIRROR" > "$ROOT_DIR.debootstrap.log" 2>&1 \
    || { tail -20 "$ROOT_DIR.debootstrap.log" >&2; exit 1; }
  touch "$ROOT_DIR/.debootstrap-done"
fi

printf 'deb %s %s main\ndeb-src %s %s main\n' "$DEBIAN_MIRROR" "$ROOT_SUITE" "$DEBIAN_MIRROR" "$ROOT_SUITE" \
  > "$ROOT_DIR/etc/apt/sources.list"
# Packages must not start services inside the root: the test pool is started by scripts/pool.sh.
printf '#!/bin/sh\nexit 101\n' > "$ROOT_DIR/usr/sbin/policy-rc.d"
chmod +x "$ROOT_DIR/usr/sbin/policy-rc.d"

in_root() { "$PROJECT_DIR/scripts/in-root.sh" "$@"; }
echo "bootstrap: installing ${packages[*]}"
# The mirror may serve a frozen suite whose Release file is past its Valid-Until date.
in_root apt-get -o Acquire::Check-Valid-Until=false update -qq
if ! in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" \
     > "$ROOT_DIR.apt.log" 2>&1; then
  # In sid, cryptsetup-bin's post-install fails under chroot and leaves condor unconfigured.
  postinst="$ROOT_DIR/var/lib/dpkg/info/cryptsetup-bin.postinst"
  [ -f "$postinst" ] && printf '#!/bin/sh\nexit 0\n' > "$postinst"
  in_root env DEBIAN_FRONTEND=noninteractive dpkg --configure -a >> "$ROOT_DIR.apt.log" 2>&1 \
    || { tail -30 "$ROOT_DIR.apt.log" >&2; exit 1; }
fi

# Libraries the core compiles in, from Debian's source packages (built by the project's own
# CMake for both builds): mbedTLS for crypto, PCRE2 for the regexp functions (HTCondor's engine).
fetch_source() {  # fetch_source PACKAGE: unpacks its Debian sources into /opt/PACKAGE in the root
  [ -d "$ROOT_DIR/opt/$1" ] && return 0
  echo "bootstrap: fetching $1 sources"
  in_root sh -c "set -e; rm -rf /tmp/src-$1; mkdir -p /tmp/src-$1; cd /tmp/src-$1
    apt-get source --download-only -qq $1 >/dev/null 2>&1
    dpkg-source -x --no-check $1_*.dsc /opt/$1 >/dev/null
    rm -rf /tmp/src-$1"
}
if [ "$ROOT_SUITE" = trixie ]; then
  fetch_source mbedtls
  fetch_source pcre2
fi

echo "$want" > "$stamp"
echo "bootstrap: Debian root ($ROOT_SUITE) is ready"
