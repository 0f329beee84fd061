#!/usr/bin/env bash
# Installs what is missing, configures a build tree once, and builds it,
# saying what it is doing: the first build takes a few minutes.
#   scripts/build.sh                      # build/: the test build (ASan+UBSan)
#   scripts/build.sh DIR [MESON OPTION]…  # DIR, configured with those options
# The ninja log is DIR/ninja.log; on failure it is printed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/install-deps.sh"
cd "$here"
dir=${1:-build}
shift || true
if [ ! -f "$dir/build.ninja" ]; then
  echo "pwk: configuring $dir/ (meson setup $*)" >&2
  meson setup "$dir" "$@" >"$dir.setup.log" 2>&1 || { cat "$dir.setup.log" >&2; exit 1; }
  rm -f "$dir.setup.log"
fi
tty=0
[ -t 2 ] && tty=1
# ninja's own lines go to the log; scripts/ninja-progress.awk says how far.
if ! ninja -C "$dir" | tee "$dir/ninja.log" |
  awk -v tty="$tty" -v dir="$dir" -f "$here/scripts/ninja-progress.awk"; then
  cat "$dir/ninja.log" >&2
  exit 1
fi
