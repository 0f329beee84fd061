#!/bin/sh
# `pwsim run --gdb FILE` writes commands that put each process's symbols
# where it is loaded: gdb following them stops in process code (the
# initiator's send_one, with its first argument 'a') and shows its source.
# Usage: gdb_stops_in_process_code.sh PWSIM SOURCE_ROOT BUILD_ROOT
set -eu
pwsim=$1 root=$2 build=$3
command -v gdb >/dev/null || { echo "gdb not installed: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
scenario="$root/scenarios/uppercase/scenario.json5"
"$pwsim" run "$scenario" --image-dir "$build" --gdb "$tmp/pwk.gdb" --quiet 2>/dev/null
grep -q "^add-symbol-file .*/initiator.elf 0x5000" "$tmp/pwk.gdb"
grep -q "^add-symbol-file .*/handler.elf 0x5001" "$tmp/pwk.gdb"
# LeakSanitizer cannot run under ptrace; the ASan build is what the tests use.
ASAN_OPTIONS=detect_leaks=0 gdb -batch -nx -x "$tmp/pwk.gdb" \
  -ex run -ex 'hbreak send_one' -ex continue -ex 'print/c c' -ex kill \
  --args "$pwsim" run "$scenario" --image-dir "$build" --quiet >"$tmp/out" 2>&1 || true
grep -q "send_one (c=97) at .*initiator.c" "$tmp/out" || { cat "$tmp/out"; exit 1; }
grep -q "= 97 'a'" "$tmp/out" || { cat "$tmp/out"; exit 1; }
