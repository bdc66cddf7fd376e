#!/usr/bin/env bash
# Soak under faults (docs/reliability.md, "Soak and faults"): builds if needed, then drives the real binary as a
# hub with three upstreams (one dead) and two Co-Link nodes for the given time while injecting faults, and
# checks every answer, the request log, RSS and open descriptors. Exits non-zero on any defect.
#   tests/soak/run.sh [seconds, default 60] [requests per second, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_TO_RUN=${1:-60}
RATE=${2:-20}
source .ci/install-missing.sh
install_missing nodejs sqlite3
BUILD_DIR=${BUILD_DIR:-build}
BUILD_DIR="$BUILD_DIR" ./dev build >/dev/null # a no-op when the build is current
exec node tests/soak/soak.mjs "$BUILD_DIR/app/switchyard" "$SECONDS_TO_RUN" "$RATE"
