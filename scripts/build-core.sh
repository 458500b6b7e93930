#!/usr/bin/env bash
# Builds the C++ core inside the Debian root with a CMake preset:
#   scripts/build-core.sh wasm     the ES module + .wasm, copied to dist/core/
#   scripts/build-core.sh native   unit tests under ASan/UBSan (run them with: ctest --preset native)
#   scripts/build-core.sh fuzz     the libFuzzer targets
set -euo pipefail
export ROOT_SUITE=trixie  # the pinned toolchain lives in the trixie root
source "$(dirname "$0")/lib/root.sh"
preset=${1:?usage: build-core.sh wasm|native|fuzz}

"$PROJECT_DIR/scripts/bootstrap.sh" >&2
# Debian's emscripten needs node to find acorn, and tsc for --emit-tsd; both are Debian packages
# in the root. (Its system libraries come prebuilt in the package: a frozen cache.)
"$PROJECT_DIR/scripts/in-root.sh" env NODE_PATH=/usr/share/nodejs \
  sh -c "cd $ROOT_PROJECT && cmake --preset $preset >/dev/null && cmake --build --preset $preset -j \$(nproc)"

if [ "$preset" = wasm ]; then
  mkdir -p "$PROJECT_DIR/dist/core"
  cp "$PROJECT_DIR"/build/wasm/htcondor-core.{mjs,wasm,d.mts} "$PROJECT_DIR/dist/core/"
fi
