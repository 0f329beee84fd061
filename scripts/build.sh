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
# ninja prints "[N/M] what"; show N/M on one line (a terminal) or every tenth
# (a log), so a first build of several minutes is not mistaken for a hang.
progress() {
  awk -v tty="$1" -v dir="$dir" '
    /^\[[0-9]+\/[0-9]+\]/ {
      split(substr($1, 2), nm, "/"); n = nm[1] + 0; m = nm[2] + 0
      if (m < 20) next
      if (tty) { printf "\rpwk: building %s/: %d/%d", dir, n, m > "/dev/stderr" }
      else if (n * 10 >= (shown + 1) * m) {
        shown = int(n * 10 / m); printf "pwk: building %s/: %d/%d\n", dir, n, m > "/dev/stderr"
      }
      started = 1
    }
    END { if (tty && started) printf "\n" > "/dev/stderr" }'
}
tty=0
[ -t 2 ] && tty=1
if ! ninja -C "$dir" | tee "$dir/ninja.log" | progress "$tty"; then
  cat "$dir/ninja.log" >&2
  exit 1
fi
