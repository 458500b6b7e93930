# Shared settings for the Debian root that holds the toolchain and the test pool.
# Sourced by the scripts beside it; defines paths only, runs nothing.

PROJECT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CONDOR_SUITE=${CONDOR_SUITE:-trixie}
case "$CONDOR_SUITE" in
  trixie|sid) ;;
  *) echo "CONDOR_SUITE must be trixie or sid, not '$CONDOR_SUITE'" >&2; exit 2 ;;
esac
ROOT_DIR="$PROJECT_DIR/.cache/root-$CONDOR_SUITE"
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# Where the project appears inside the root.
ROOT_PROJECT=/project
