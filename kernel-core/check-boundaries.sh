#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# kernel-core boundaries (STYLE rule 2):
#  1. the plain kernel library may leave only hal_* undefined (plus memcpy,
#     memset and memmove if kernel-core defines them itself);
#  2. every #include <...> in kernel-core is stdint.h, stddef.h, stdbool.h or
#     one of the pwk/ headers of this tree.
# Usage: check-boundaries.sh <libpwk_core_plain.a> <kernel-core source dir>
set -eu
lib=$1
dir=$2
status=0

defined=$(nm --defined-only "$lib" | awk 'NF == 3 { print $3 }' | sort -u)
for sym in $(nm -u "$lib" | awk '$1 == "U" { print $2 }' | sort -u); do
	case $sym in
	hal_*) continue ;;
	memcpy | memset | memmove)
		if printf '%s\n' "$defined" | grep -qx "$sym"; then
			continue
		fi
		;;
	esac
	# Symbols defined in another object of the same library are fine.
	if printf '%s\n' "$defined" | grep -qx "$sym"; then
		continue
	fi
	echo "kernel-core needs '$sym', which is neither hal_* nor its own" >&2
	status=1
done

for file in $(find "$dir/src" "$dir/include" -name '*.[ch]'); do
	grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*<' "$file" | while IFS= read -r line; do
		header=$(printf '%s\n' "$line" | sed 's/.*<\(.*\)>.*/\1/')
		case $header in
		stdint.h | stddef.h | stdbool.h) ;;
		pwk/*)
			if [ ! -f "$dir/include/$header" ] && [ ! -f "$dir/../include/$header" ]; then
				echo "$file: includes <$header>, which is not a pwk header of this tree" >&2
				exit 1
			fi
			;;
		*)
			echo "$file: includes <$header>; kernel-core may include only stdint.h, stddef.h, stdbool.h" >&2
			exit 1
			;;
		esac
	done || status=1
done

if [ "$status" -eq 0 ]; then
	echo "kernel-core boundaries hold"
fi
exit "$status"
