#!/usr/bin/env bash
# The demo, from nothing: builds, starts the local test pool and the proxy, runs
# examples/demo.ts against them through the library, and stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
proxy_pid=
cleanup() {
  set +e
  if [ -n "$proxy_pid" ]; then kill "$proxy_pid" 2>/dev/null; wait "$proxy_pid" 2>/dev/null; fi
  scripts/pool.sh stop
}
trap cleanup EXIT
scripts/pool.sh start
node dist/runtime/proxy-cli.js --listen 127.0.0.1:8080 --pool 127.0.0.1:9618 2>.cache/proxy.log &
proxy_pid=$!
# The test user's home in the pool's root: where the demo's job writes its output and log.
user_home=$(sed -n 's/^USER_HOME=//p' .cache/pool/pool.env)
test_user=$(sed -n 's/^TEST_USER=//p' .cache/pool/pool.env)
node build/examples/demo.js --proxy ws://127.0.0.1:8080/ --token .cache/pool/condortest.token \
  --job-dir "/home/$test_user" --job-dir-here "$user_home"
