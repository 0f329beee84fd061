#!/usr/bin/env bash
# What a trace costs a long run: bench/ipc (200,000 channel_transact round
# trips) with no trace and with each trace format, interleaved, ROUNDS
# times; prints the median CPU (user + sys) and wall seconds of each, the
# ratio to the untraced run, and the file's size (docs/traces.md).
#
#   bench/trace_writer.sh [PWSIM] [BASELINE_PWSIM]
#
# PWSIM defaults to build-release/sim/pwsim (./scripts/build.sh build-release
# -Dsanitize=none -Dbuildtype=release -Dtests=disabled). BASELINE_PWSIM, if
# given, is another build whose JSON writer is measured alongside (the
# "before" of a change). ROUNDS (default 3) and TRACE_DIR (default a fresh
# directory under /tmp; traces are hundreds of MB) come from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."

pwsim=${1:-build-release/sim/pwsim}
baseline=${2:-}
rounds=${ROUNDS:-3}
dir=${TRACE_DIR:-$(mktemp -d /tmp/pwk-trace-bench.XXXXXX)}
images=$(dirname "$(dirname "$pwsim")")
[ -x "$pwsim" ] || { echo "trace_writer: no $pwsim; build the release build first" >&2; exit 2; }

# name|binary|trace file ('' for none)
configs=("no trace|$pwsim|" "json|$pwsim|$dir/t.json" "json.gz|$pwsim|$dir/t.json.gz"
	"pftrace|$pwsim|$dir/t.pftrace" "pftrace.gz|$pwsim|$dir/t.pftrace.gz")
if [ -n "$baseline" ]; then
	configs+=("json (baseline)|$baseline|$dir/base.json")
fi

declare -A cpu wall size
for ((r = 0; r < rounds; r++)); do
	for c in "${configs[@]}"; do
		IFS='|' read -r name bin file <<<"$c"
		args=(run bench/ipc/scenario.json5 --isolation none --image-dir "$images" --quiet)
		[ -n "$file" ] && args+=(--trace "$file")
		/usr/bin/time -o "$dir/time" -f '%e %U %S' "$bin" "${args[@]}" >/dev/null 2>&1
		read -r e u s <"$dir/time"
		cpu[$name]+="$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}') "
		wall[$name]+="$e "
		size[$name]=$([ -n "$file" ] && stat -c %s "$file" || echo 0)
		[ -n "$file" ] && rm -f "$file"
	done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
base_cpu=$(echo "${cpu[no trace]}" | median)
base_wall=$(echo "${wall[no trace]}" | median)
printf '%-16s %8s %8s %8s %8s %12s\n' format "CPU s" "xCPU" "wall s" "xwall" "bytes"
for c in "${configs[@]}"; do
	name=${c%%|*}
	mc=$(echo "${cpu[$name]}" | median)
	mw=$(echo "${wall[$name]}" | median)
	awk -v n="$name" -v c="$mc" -v bc="$base_cpu" -v w="$mw" -v bw="$base_wall" -v b="${size[$name]}" \
		'BEGIN {printf "%-16s %8.2f %8.1f %8.2f %8.1f %12d\n", n, c, c / bc, w, w / bw, b}'
done
rm -f "$dir/time"
rmdir "$dir" 2>/dev/null || true
