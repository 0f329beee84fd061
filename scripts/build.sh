#!/usr/bin/env bash
# Installs what is missing, configures build/ once, and builds everything.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/install-deps.sh"
cd "$here"
if [ ! -f build/build.ninja ]; then
  meson setup build >/dev/null
fi
ninja -C build >build/ninja.log 2>&1 || { cat build/ninja.log >&2; exit 1; }
