#!/bin/sh
# Builds the RV32 userspace runtime archive inside the host build, so that
# `meson install` ships it without a cross build tree.
# Usage: build_rv32_runtime.sh CC AR OUT.a CFLAGS... -- SOURCES...
set -eu
cc=$1 ar=$2 out=$3
shift 3
flags=
while [ "$1" != "--" ]; do flags="$flags $1"; shift; done
shift
objs=
for src in "$@"; do
  obj="$out.$(basename "$src").o"
  # shellcheck disable=SC2086 # flags are words
  "$cc" $flags -c "$src" -o "$obj"
  objs="$objs $obj"
done
rm -f "$out"
# shellcheck disable=SC2086
"$ar" rcs "$out" $objs
