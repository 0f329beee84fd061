#!/bin/sh
# scripts/build.sh reports a long build's progress on stderr (a tenth at a
# time in a log) instead of building in silence; a short one says nothing.
# Usage: build_progress.sh SOURCE_ROOT
set -eu
awk=$1/scripts/ninja-progress.awk
long=$(seq 1 40 | sed 's|.*|[&/40] Compiling C object x.o|' | awk -v tty=0 -v dir=build-release -f "$awk" 2>&1)
test "$(printf '%s\n' "$long" | wc -l)" -eq 10
printf '%s\n' "$long" | head -1 | grep -qx 'pwk: building build-release/: 4/40'
printf '%s\n' "$long" | tail -1 | grep -qx 'pwk: building build-release/: 40/40'
short=$(seq 1 3 | sed 's|.*|[&/3] Linking y|' | awk -v tty=0 -v dir=b -f "$awk" 2>&1)
test -z "$short"
tty=$(seq 1 40 | sed 's|.*|[&/40] x|' | awk -v tty=1 -v dir=b -f "$awk" 2>&1 | tr '\r' '\n' | grep -c 'pwk: building b/')
test "$tty" -eq 40
