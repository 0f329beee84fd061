#!/usr/bin/env bash
# README run command: build the release tree (build-release/: optimised, no
# sanitizers: what users run; the tests use build/), then run pwsim
# (default: the uppercase IPC system). Exits with pwsim's status.
# pwsim knows no build tree: the commands that look for images get
# --image-dir build-release (its copies of the scenario folders hold the
# simulator's images) and, once scripts/build-target.sh has run,
# --image-dir build-rv32/scenarios (the board images).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/build.sh" build-release -Dsanitize=none -Dbuildtype=release -Dtests=disabled
if [ $# -eq 0 ]; then
  set -- run "$here/scenarios/uppercase/scenario.json5"
fi
case "$1" in
run | replay | sweep | check | fuzz)
  set -- "$@" --image-dir "$here/build-release"
  if [ -d "$here/build-rv32/scenarios" ]; then
    set -- "$@" --image-dir "$here/build-rv32/scenarios"
  fi
  ;;
esac
exec "$here/build-release/sim/pwsim" "$@"
