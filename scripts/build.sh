#!/usr/bin/env bash
# Builds everything from nothing: the Debian root (first time), the WASM core, the TypeScript
# (tsc: build/ts + dist/types), the bundles (rollup: dist/browser, dist/runtime) and the examples.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/host-packages.sh
scripts/bootstrap.sh
scripts/build-core.sh wasm
npx tsc -p .
npx rollup -c --silent
npx tsc -p examples
