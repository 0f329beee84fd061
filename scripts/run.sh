#!/usr/bin/env bash
# README run command: build, then run a scenario in the simulator
# (default: the uppercase IPC system). Exits with the system's status.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/build.sh"
if [ $# -eq 0 ]; then
  set -- run "$here/scenarios/uppercase/scenario.json5"
fi
exec "$here/build/sim/pwsim" "$@"
