#!/usr/bin/env bash
# The test pool: a real personal HTCondor pool inside the Debian root, on loopback, with the
# shipped secure configuration (minicondor + security:recommended: authentication, encryption
# and integrity required; IDTOKENS among the methods; PASSWORD added last), a non-root test user
# and a token for it.
#   scripts/pool.sh start    start it, wait until a job can run, write .cache/pool/pool.env
#   scripts/pool.sh stop     stop every daemon it started (its mounts go with them)
#   scripts/pool.sh status   exit 0 if it runs
# CONDOR_SUITE=sid runs HTCondor 25.x from Debian unstable instead of 23.x from trixie.
set -euo pipefail
export ROOT_SUITE=${CONDOR_SUITE:-trixie}
source "$(dirname "$0")/lib/root.sh"

STATE_DIR="$PROJECT_DIR/.cache/pool"
PORT=9618
TEST_USER=condortest
TEST_UID=4242
# Known key material, so captures from the test pool can be replayed in unit tests.
POOL_SIGNING_KEY=htcondor-wasm-test-pool-signing-key

in_root() { "$PROJECT_DIR/scripts/in-root.sh" "$@"; }
log() { echo "pool: $*" >&2; }

# The pool's processes: in our Debian root, and HTCondor's (condor_*) or running as the condor
# or test user (jobs). Builds that run in the same root are not the pool.
pool_pids() {
  local want pid uids
  want=$(realpath "$ROOT_DIR")
  uids=" $(awk -F: -v u="condor $TEST_USER" 'BEGIN{n=split(u,a," ");for(i=1;i<=n;i++)w[a[i]]=1} ($1 in w){printf "%s ",$3}' "$ROOT_DIR/etc/passwd") "
  for pid in /proc/[0-9]*; do
    [ "$(readlink "$pid/root" 2>/dev/null)" = "$want" ] || continue
    case "$(cat "$pid/comm" 2>/dev/null)" in
      condor_*) echo "${pid#/proc/}"; continue ;;
    esac
    case "$uids" in *" $(stat -c %u "$pid" 2>/dev/null) "*) echo "${pid#/proc/}" ;; esac
  done
  return 0
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

configure() {
  grep -q "[[:space:]]$(hostname)\$" "$ROOT_DIR/etc/hosts" 2>/dev/null \
    || echo "127.0.0.1 $(hostname)" >> "$ROOT_DIR/etc/hosts"
  # Only what a sandbox needs on top of the shipped files; security is left as shipped.
  cat > "$ROOT_DIR/etc/condor/config.d/99-htcondor-wasm-test" <<CONF
# Written by htcondor-wasm's scripts/pool.sh: settings a chroot sandbox needs.
MOUNT_UNDER_SCRATCH =
USE_PID_NAMESPACES = false
# Jobs of the test user need no cgroups, which a chroot does not have.
CGROUP_MEMORY_LIMIT_POLICY = none
BASE_CGROUP =
# PASSWORD offered last, so the library's PASSWORD client can be tested against the pool
# password (the signing key below); daemons keep choosing the methods listed before it.
SEC_DEFAULT_AUTHENTICATION_METHODS = \$(SEC_DEFAULT_AUTHENTICATION_METHODS), PASSWORD
# A host certificate from a test CA, so that daemons offer SSL as a site's would.
AUTH_SSL_SERVER_CERTFILE = /etc/condor/ssl/host.crt
AUTH_SSL_SERVER_KEYFILE = /etc/condor/ssl/host.key
# Per-run (epoch) records, off by default in 23.x, for Schedd.jobEpochHistory.
JOB_EPOCH_HISTORY = \$(SPOOL)/epoch_history
# Room for the 100,000-job query test beside the other tests' jobs (the default is 100,000).
MAX_JOBS_PER_OWNER = 200000
CONF
  id -u "$TEST_USER" >/dev/null 2>&1 || true
  in_root sh -c "id -u $TEST_USER >/dev/null 2>&1 || useradd -m -u $TEST_UID -s /bin/sh $TEST_USER"
  # A fresh queue, logs and spool every start: tests see only what they made.
  in_root sh -c 'rm -rf /var/spool/condor/* /var/log/condor/* /var/lib/condor/execute/* /var/run/condor
    mkdir -p /var/run/condor /var/lock/condor /var/log/condor /var/spool/condor /var/lib/condor/execute
    chown condor:condor /var/run/condor /var/lock/condor /var/log/condor /var/spool/condor /var/lib/condor/execute
    chmod 755 /var/lib/condor/execute'
  in_root sh -c "rm -f /etc/condor/passwords.d/POOL; mkdir -p -m 700 /etc/condor/passwords.d /etc/condor/tokens.d
    condor_store_cred add -c -p '$POOL_SIGNING_KEY' -f /etc/condor/passwords.d/POOL >/dev/null"
  make_certificates
}

# A test CA and a host certificate for this machine's name, localhost and 127.0.0.1; the CA
# goes to .cache/pool/ca.crt for clients (AUTH_SSL_CLIENT_CAFILE).
make_certificates() {
  in_root sh -c "set -e; rm -rf /etc/condor/ssl; mkdir -p -m 755 /etc/condor/ssl; cd /etc/condor/ssl
    curve='-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes'
    openssl req -x509 \$curve -keyout ca.key -out ca.crt -days 3650 -subj '/CN=htcondor-wasm test CA' 2>/dev/null
    openssl req \$curve -keyout host.key -out host.csr -subj '/CN=$(hostname)' 2>/dev/null
    printf 'subjectAltName=DNS:$(hostname),DNS:localhost,IP:127.0.0.1\n' > host.ext
    openssl x509 -req -in host.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out host.crt -days 3650 -extfile host.ext 2>/dev/null
    rm -f ca.key host.csr host.ext ca.srl
    chown condor:condor host.key; chmod 600 host.key"
  mkdir -p "$STATE_DIR"
  cp "$ROOT_DIR/etc/condor/ssl/ca.crt" "$STATE_DIR/ca.crt"
}

issue_token() {
  local domain identity
  domain=$(in_root condor_config_val UID_DOMAIN)
  identity="$TEST_USER@$domain"
  mkdir -p "$STATE_DIR"
  chmod 700 "$STATE_DIR"
  in_root condor_token_create -identity "$identity" -key POOL > "$STATE_DIR/$TEST_USER.token"
  chmod 600 "$STATE_DIR/$TEST_USER.token"
  in_root sh -c "mkdir -p ~$TEST_USER/.condor/tokens.d && chmod 700 ~$TEST_USER/.condor ~$TEST_USER/.condor/tokens.d
    cat > ~$TEST_USER/.condor/tokens.d/test-pool < $ROOT_PROJECT/.cache/pool/$TEST_USER.token
    chmod 600 ~$TEST_USER/.condor/tokens.d/test-pool
    chown -R $TEST_USER: ~$TEST_USER/.condor"
  cat > "$STATE_DIR/pool.env" <<ENV
COLLECTOR_HOST=127.0.0.1:$PORT
TEST_USER=$TEST_USER
TEST_IDENTITY=$identity
TOKEN_FILE=.cache/pool/$TEST_USER.token
POOL_PASSWORD=$POOL_SIGNING_KEY
SSL_CA_FILE=.cache/pool/ca.crt
USER_HOME=.cache/root-$ROOT_SUITE/home/$TEST_USER
ENV
}

wait_for_daemons() {
  local deadline=$((SECONDS + 90)) have
  while :; do
    have=$(in_root condor_status -any -af MyType 2>/dev/null | sort -u | tr '\n' ' ' || true)
    case "$have" in
      *Collector*) case "$have" in *Machine*) case "$have" in *Negotiator*) case "$have" in
        *Scheduler*) log "daemons up: $have"; return 0 ;; esac ;; esac ;; esac ;;
    esac
    [ $SECONDS -lt $deadline ] || { log "daemons did not come up in 90 s (seen: ${have:-none})"; return 1; }
    sleep 1
  done
}

# Proof that the pool can run a job for the test user, end to end.
wait_for_job() {
  local dir=/home/$TEST_USER/pool-check
  in_root --user "$TEST_USER" sh -c "rm -rf $dir && mkdir -p $dir && cd $dir &&
    printf 'executable = /bin/true\nlog = check.log\nqueue\n' > check.sub &&
    condor_submit check.sub >/dev/null &&
    condor_wait -wait 120 check.log >/dev/null" \
    || { log "a test job did not complete in 120 s"; return 1; }
  log "a test job ran to completion"
}

start() {
  if [ -n "$(pool_pids)" ]; then
    log "a pool is already running in this project's root: run 'scripts/pool.sh stop' first"
    exit 1
  fi
  if port_in_use; then
    log "port $PORT on 127.0.0.1 is in use by something this project did not start; refusing to touch it"
    exit 1
  fi
  "$PROJECT_DIR/scripts/bootstrap.sh" >&2
  configure
  in_root sh -c "condor_master </dev/null >/dev/null 2>&1"
  if ! { wait_for_daemons && issue_token && wait_for_job; }; then
    log "start failed; daemon logs follow"
    tail -n 20 "$ROOT_DIR"/var/log/condor/{MasterLog,CollectorLog,SchedLog,StartLog} >&2 2>/dev/null || true
    stop
    exit 1
  fi
  log "ready on 127.0.0.1:$PORT"
}

stop() {
  local pids deadline
  pids=$(pool_pids)
  [ -n "$pids" ] || { log "not running"; return 0; }
  # SIGTERM asks the master for a graceful shutdown of everything it started.
  for pid in $pids; do
    [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = condor_master ] && kill -TERM "$pid" 2>/dev/null
  done
  deadline=$((SECONDS + 30))
  while [ -n "$(pool_pids)" ] && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
  pids=$(pool_pids)
  if [ -n "$pids" ]; then
    log "forcing $(echo $pids | wc -w) leftover process(es) to stop"
    kill -KILL $pids 2>/dev/null || true
    while [ -n "$(pool_pids)" ]; do sleep 0.2; done
  fi
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) [ -n "$(pool_pids)" ] ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
