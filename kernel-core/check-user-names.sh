#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Kernel and userspace names stay apart: no global symbol may be defined both
# by the kernel library and by the userspace runtime, so one image can link
# both and go-to-definition lands on the one meant (the kernel's object verbs
# are pwk__<object>_<verb>; the user wrappers keep pwk_<object>_<verb>).
# memcpy, memset, memmove and memcmp are the exception: each side carries its
# own freestanding copy and never links the other's.
# Usage: check-user-names.sh <libpwk_core_plain.a> <libpwk_user_*.a>
set -eu
kernel=$1
user=$2
user_syms=$(mktemp)
trap 'rm -f "$user_syms"' EXIT

globals() {
	nm --defined-only -g "$1" | awk 'NF == 3 { print $3 }' | sort -u
}

globals "$user" >"$user_syms"
status=0
for sym in $(globals "$kernel" | comm -12 - "$user_syms"); do
	case $sym in
	memcpy | memset | memmove | memcmp) continue ;;
	esac
	echo "'$sym' is defined by both the kernel and the userspace runtime" >&2
	status=1
done

if [ "$status" -eq 0 ]; then
	echo "kernel and userspace define no common symbol"
fi
exit "$status"
