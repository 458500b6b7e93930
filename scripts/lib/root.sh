# Shared settings for the Debian roots: trixie holds the toolchain (emscripten 3.1.69 is pinned
# there) and the default test pool; with CONDOR_SUITE=sid the test pool runs from a sid root
# (HTCondor 25.x) instead. ROOT_SUITE names the root a script works in (default trixie).
# Sourced by the scripts beside it; defines paths only, runs nothing.

PROJECT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ROOT_SUITE=${ROOT_SUITE:-trixie}
case "$ROOT_SUITE" in
  trixie|sid) ;;
  *) echo "the suite must be trixie or sid, not '$ROOT_SUITE'" >&2; exit 2 ;;
esac
ROOT_DIR="$PROJECT_DIR/.cache/root-$ROOT_SUITE"
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# Where the project appears inside the root.
ROOT_PROJECT=/project
