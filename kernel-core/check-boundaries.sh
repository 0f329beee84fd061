#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# kernel-core boundaries (STYLE rule 2):
#  1. the plain kernel library may leave only hal_* undefined: anything else
#     it needs (memcpy, memset, ... included) must be defined by kernel-core
#     itself;
#  2. every #include <...> in kernel-core is stdint.h, stddef.h, stdbool.h or
#     one of the pwk/ headers of this tree.
# Usage: check-boundaries.sh <libpwk_core_plain.a> <kernel-core source dir>
set -eu
lib=$1
dir=$2
status=0

defined=" $(nm --defined-only "$lib" | awk 'NF == 3 { print $3 }' | sort -u | tr '\n' ' ') "
for sym in $(nm -u "$lib" | awk '$1 == "U" { print $2 }' | sort -u); do
	case $sym in
	hal_*) continue ;;
	esac
	case $defined in
	*" $sym "*) continue ;; # defined by another object of kernel-core
	esac
	echo "kernel-core needs '$sym', which is neither hal_* nor its own" >&2
	status=1
done

for file in $(find "$dir/src" "$dir/include" -name '*.[ch]' | sort); do
	for header in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*<\([^>]*\)>.*/\1/p' "$file"); do
		case $header in
		stdint.h | stddef.h | stdbool.h) ;;
		pwk/*)
			if [ ! -f "$dir/include/$header" ] && [ ! -f "$dir/../include/$header" ]; then
				echo "$file: includes <$header>, not a pwk header of this tree" >&2
				status=1
			fi
			;;
		*)
			echo "$file: includes <$header>; only stdint.h, stddef.h, stdbool.h are allowed" >&2
			status=1
			;;
		esac
	done
done

if [ "$status" -eq 0 ]; then
	echo "kernel-core boundaries hold"
fi
exit "$status"
