#!/usr/bin/env bash
# The whole test suite, from nothing: host packages, toolchain root, builds, then the native
# C++ unit tests (ctest, under ASan/UBSan), every TypeScript test (vitest: Node, Chromium,
# Deno, Bun, the proxy) against a real HTCondor pool the run starts and stops itself, the tests
# that restart daemons or load the schedd (alone), and the conformance corpora.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/host-packages.sh --tests || exit 1
scripts/build.sh || exit 1

status=0
echo "== native unit tests (C++ core, ASan + UBSan)"
if scripts/build-core.sh native; then
  ROOT_SUITE=trixie scripts/in-root.sh sh -c 'cd /project && ctest --preset native' || status=1
else
  status=1
fi
echo "== TypeScript tests (vitest)"
npx vitest run --reporter=default --reporter=./test/reporters/summary-line.ts || status=1
echo "== tests that restart daemons or load the schedd (alone, on a pool of their own)"
npx vitest run --config vitest.disruptive.config.ts || status=1
echo "== conformance corpora (HTCondor's recorded results, through the WASM build)"
npx vitest run --config vitest.conformance.config.ts || status=1
exit $status
