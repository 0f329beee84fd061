#!/usr/bin/env bash
# Builds an unsanitized release tree (build-bench/) and runs every benchmark,
# printing the figures. Sanitized builds (build/) are for tests, not timing.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/install-deps.sh"
cd "$here"
[ -f build-bench/build.ninja ] ||
  meson setup build-bench -Dsanitize=none -Dbuildtype=release -Dtests=disabled >/dev/null
ninja -C build-bench >build-bench/ninja.log 2>&1 || { cat build-bench/ninja.log >&2; exit 1; }
"$here/scripts/build-target.sh" # the on-target images of bench/board_roundtrip.c
meson test -C build-bench --benchmark --verbose "$@"
