#!/usr/bin/env bash
# Runs a command inside the Debian root, with the project at /project and /proc, /dev, /dev/pts
# mounted. The mounts live in a private mount namespace, so they vanish with the last process
# that uses them: nothing is left mounted on the host, even after a crash.
#   scripts/in-root.sh [--user NAME] CMD [ARGS...]
set -euo pipefail
source "$(dirname "$0")/lib/root.sh"

user=root
if [ "${1:-}" = --user ]; then user=$2; shift 2; fi
[ -x "$ROOT_DIR/bin/sh" ] || { echo "no Debian root at $ROOT_DIR: run scripts/bootstrap.sh" >&2; exit 1; }

exec unshare --mount --propagation private -- /bin/bash -c '
  set -e
  r=$1 p=$2 dest=$3 user=$4; shift 4
  mount -t proc proc "$r/proc"
  mount --rbind /dev "$r/dev"
  mkdir -p "$r$dest"
  mount --bind "$p" "$r$dest"
  # shared/ (beside the project, when present) read-only at /shared, for the native tests.
  if [ -d "$p/../shared" ]; then
    mkdir -p "$r/shared"
    mount --bind "$p/../shared" "$r/shared"
    mount -o remount,bind,ro "$r/shared"
  fi
  cd_to=$dest
  case "$PWD/" in "$p"/*) cd_to="$dest${PWD#"$p"}" ;; esac
  exec chroot "$r" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 TERM=dumb ${CONDOR_CONFIG:+CONDOR_CONFIG=$CONDOR_CONFIG} \
    /usr/sbin/runuser -u "$user" -- /bin/sh -c "cd \"$cd_to\" 2>/dev/null || cd /; exec \"\$@\"" sh "$@"
' in-root "$ROOT_DIR" "$PROJECT_DIR" "$ROOT_PROJECT" "$user" "$@"
